"""Bodies named in a list beside bodies already found: "Homeland Security Investigations,
Oklahoma Bureau of Narcotics, U.S. Postal Inspection Service and U.S. Customs and Border
Protection conducted the investigation"; and a kind shared by a list of places: "the Bedford,
Euless, Grapevine, and Hurst Police Departments"."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import is_org_word
from store.ingest.extract.vocabulary import (
    HONORIFIC,
    MONTH_WORDS,
    NOT_NAME_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    WEEKDAY_WORDS,
    word_set,
)
from store.sanitize import fold

# One word of a name: capitalised, a number ("100%"), or in camel case ("eBay").
# Possessive (``*+``, ``++``), the words and the spaces: what follows a word in a list is a
# space, a comma or its end, and what follows spaces is a word, so giving back a character
# never makes a match. The engine tried every shorter word before it failed at each
# capital; the matches are the same (a property test holds them to the greedy pattern).
_WORD = r"(?:[A-ZÀ-Þ0-9][\w.&’'!%/+-]*+|[a-z]{1,2}[A-Z][\w.&’'!-]*+)"
_LINK = r"(?:of|for|and|&|de|du|des|la|le|für|der|del|di|y|on|the)"
_ITEM = (
    rf"(?:(?:the|The|la|el|le|die|der)[ \t]++)?{_WORD}"
    rf"(?:[ \t]++(?:{_LINK}[ \t]++){{0,2}}{_WORD}){{0,9}}"
)
_SEP = r"[ \t]*+[,;][ \t]*+(?:(?:and|und|y|et|&)[ \t]++)?|[ \t]++(?:and|und|y|et|&)[ \t]++"
# Three items at least; the greedy item takes "A and B" whole, parted again below.
_LIST = re.compile(rf"{_ITEM}(?:(?:{_SEP}){_ITEM}){{2,}}")
# A list's items are parted by commas; an "and" parts them only where the words before it
# close a body's name (below).
_COMMA = re.compile(r"[ \t]*[,;][ \t]*(?:(?:and|und|y|et|&)[ \t]+)?")
# Where a sentence may end: a list never runs over it ("... Sveriges Riksbank. Accordingly,
# ..."); the words before the stop are checked in code (:func:`_sentences`), which is faster
# than a look-behind tried at every character.
_STOP = re.compile(r"[.!?][ \t]+(?=[A-ZÀ-Þ\"“])")
_ARTICLE = re.compile(r"^(?:the|The|la|el|le|die|der)[ \t]+")
_AND = re.compile(r"[ \t]+(?:and|und|y|et|&)[ \t]+(?:the[ \t]+)?")
# A country that owns the body after it: "Spain’s Guardia Civil", "Canada’s Royal ...".
_COUNTRY_OWNER = re.compile(r"[A-Z][a-z]+[’']s[ \t]+(?=[A-Z])")
_POSSESSIVE = re.compile(r"[’']s[ \t]+(?=[A-Z])")
# Words an item never is a body by: a weekday, a month, a role, a common word, a region.
_NOT_ALONE = MONTH_WORDS | WEEKDAY_WORDS | ROLE_WORDS | REGION_WORDS | NOT_NAME_WORDS
# Words of a street address, never of a body listed beside others.
_ADDRESS = word_set("street st suite avenue ave road rd floor box p.o. boulevard blvd")
# One word that is a name by its shape: capitals ("YLD"), a capital or a digit inside
# ("C2Net", "eBay"), a domain or a mark ("Dictionary.com", "Yahoo!"). A plain capitalised
# word in a list is as often a town ("Lysekil, Uppsala") or a field ("Tobacco, Firearms").
_ONE_WORD_NAME = re.compile(r"[A-Z]{2,8}|\w*[a-z][A-Z0-9]\w*|\w+\.(?:com|org|net|de|fr)|\w+!")
_MAX_ADDED = 12
_JUDGED_ENDS = word_set(
    "services center centre office company gardens year mall ranch plaza park arena stadium hotel"
)
_HONORIFIC = re.compile(rf"(?:{HONORIFIC})(?![\w])")


def _key(name: str) -> str:
    """A name as compared: folded, without its acronym, a leading article or "U.S."."""
    bare = name.split(" (", 1)[0] if name.endswith(")") else name
    return _COUNTRY.sub("", fold(_ARTICLE.sub("", bare.strip())))


_COUNTRY = re.compile(r"^(?:u\.s\.|u s|us|united states) ")


def _items(span: str, start: int, protected: list[tuple[int, int]]) -> list[str]:
    """The items of a list *span* (at *start* in the text) parted by its commas, not cut
    inside a body found already ("Bureau of Alcohol, Tobacco, Firearms and Explosives")."""
    items: list[str] = []
    at = 0
    for sep in _COMMA.finditer(span):
        where = start + sep.start()
        if any(a <= where < b for a, b in protected):
            continue
        items.append(span[at : sep.start()])
        at = sep.end()
    items.append(span[at:])
    return [item.strip() for item in items if item.strip()]


def _closes_name(words: str) -> bool:
    """Do *words* end with a body's kind ("Swedish Police Authority", "Acme Inc.")?"""
    return is_org_word(words.rsplit(" ", 1)[-1])


def _parts(item: str, keys: set[str]) -> list[tuple[str, bool]]:
    """*item* as the names it holds, each with whether it was found already: "A and B" is
    two where A is found or closes a name ("Swedish Police Authority and Swedish Customs"),
    one otherwise ("Customs and Border Protection"); "X’s Y" is found where X or Y is."""
    if _key(item) in keys:
        return [(item, True)]
    if (cut := _AND.search(item)) is not None:
        head, tail = item[: cut.start()], item[cut.end() :]
        if tail[:1].isupper() and (
            _key(head) in keys
            or _key(tail) in keys
            or _closes_name(head)
            # "Canada Post and U.S. Customs and Border Protection": a name, then one that
            # opens with its country or an article; not "Customs and Border Protection" nor
            # "Guam Customs and Quarantine Agency"
            or (_words(head) > 1 and (_COUNTRY.match(fold(tail)) or "the" in cut.group(0)))
        ):
            return [*_parts(head, keys), *_parts(tail, keys)]
        if _words(head) == 1 and _words(tail) == 1 and head[:1].isupper():
            return [*_parts(head, keys), *_parts(tail, keys)]  # "NBC and Telemundo": two
    if (own := _POSSESSIVE.search(item)) is not None and (
        _key(item[: own.start()]) in keys or _key(item[own.end() :]) in keys
    ):
        # "U.S. Immigration and Customs Enforcement’s Homeland Security Investigations": a
        # body and its part, one entry, found already under one of its names
        return [(item, True)]
    if (owner := _COUNTRY_OWNER.match(item)) is not None and fold(
        item[: owner.end()].split("’")[0].split("'")[0]
    ) in REGION_WORDS:
        return _parts(item[owner.end() :], keys)  # "Spain’s Guardia Civil": the body
    return [(item, False)]


def _someone_of(name: str) -> bool:
    """Is *name* a person of a body ("7RIDGE’s Shawn Ng"): two words or fewer after a
    possessive, none of them a body's word?"""
    own = _POSSESSIVE.search(name)
    if own is None:
        return False
    after = name[own.end() :].split()
    return len(after) <= 2 and not any(map(is_org_word, after))


def _words(name: str) -> int:
    """How many words *name* has, a country that opens it aside ("U.S. Customs": one)."""
    return len(_COUNTRY.sub("", fold(name)).split())


def _initials(name: str) -> str:
    """ "U.S. Postal Inspection Service" -> "USPIS"."""
    words = name.replace(".", " ").replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isupper())


def _plausible(item: str, exclude: set[str]) -> bool:
    """Could *item* be a body's name: not a person, a place, a date or a phrase of a sentence?"""
    words = item.split()
    key = fold(item)
    if _HONORIFIC.match(item) or item.endswith("-"):
        return False  # "Dr. Mancini", "Calamos Finan-" (a word broken over two lines)
    if not words or len(words) > 8 or key in exclude or any(key in person for person in exclude):
        return False
    if any(fold(w).strip(".,") in _ADDRESS or w.isdigit() for w in words):
        return False
    if len(words) == 1:
        return _ONE_WORD_NAME.fullmatch(item) is not None and fold(item) not in _NOT_ALONE
    if all(fold(w).strip(".,’'") in _NOT_ALONE for w in words):
        return False  # "New York", "Chief Executive Officer"
    head = words[: words.index("of")] if "of" in words else words
    if any(fold(w).strip(".,") in ROLE_WORDS and not is_org_word(w) for w in head):
        return False  # "Associate Deputy Minister Jeff Labonté", "District Court Judge X"
    if any(p in key for p in exclude if " " in p):
        return False
    return not (item.isupper() and len(words) > 2)  # a heading in capitals


def _fields_of(item: str) -> bool:
    """Is *item* a body named by its kind and a field ("Bureau of Alcohol"), whose name a
    list of fields may go on ("Tobacco, Firearms and Explosives")?"""
    return (" of " in item or " for " in item) and not _closes_name(item)


def list_neighbours(
    organisations: tuple[str, ...], text: str, exclude: set[str], limit: int
) -> tuple[str, ...]:
    """*organisations* and the other items of the lists two of them stand in: a list whose
    items are mostly bodies names bodies in the items no organisation word marks ("Finnish
    Customs", "Canada Post", "U.S. Customs and Border Protection"). *exclude*: folded names of
    people and places."""
    if len(organisations) < 2 or len(organisations) >= limit:
        return organisations
    bares = [name.split(" (", 1)[0] if name.endswith(")") else name for name in organisations]
    # Only a paragraph that names two of the bodies found may hold a list of them: the list's
    # pattern is tried there alone, not over the whole text.
    paragraphs = []
    at = 0
    for line in text.split("\n"):
        if ("," in line or ";" in line) and _names_two(line, bares):  # a list of three has one
            paragraphs.append((at, line))
        at += len(line) + 1
    if not paragraphs:
        return organisations
    keys = {_key(name) for name in organisations}
    keys |= {fold(name[name.rfind("(") + 1 : -1]) for name in organisations if name.endswith(")")}
    # "USPIS" beside "U.S. Postal Inspection Service": the acronym of a body found
    initials = {fold(_initials(name)) for name in organisations}
    out = list(organisations)
    added = 0
    for _, paragraph in paragraphs:
        protected = [
            (at, at + len(bare))
            for bare in bares
            if "," in bare
            for at in _occurrences(bare, paragraph)
        ]
        for sentence_at, sentence in _sentences(paragraph):
            if not _names_two(sentence, bares):
                continue
            for m in _LIST.finditer(sentence):
                items = _items(m.group(0), sentence_at + m.start(), protected)
                parts = [part for item in items for part in _parts(item, keys)]
                found = sum(known for _, known in parts)
                if found < 2 or found * 2 < len(parts):
                    continue  # a list of bodies: half its items or more are bodies found already
                after_fields = False
                for item, known in parts:
                    if known:
                        after_fields = _fields_of(item)
                        continue
                    if after_fields and not any(map(is_org_word, item.split())):
                        continue  # "Bureau of Alcohol, Tobacco, ...": the name goes on
                    name = _ARTICLE.sub("", item).rstrip(".")
                    if (
                        # a name ending in a word that names an offer, a venue or an award
                        # as often ("Resident Services", "Decatur Town Center", "Company of the
                        # Year"): the capitalised runs judged it where it was read
                        fold(name.rsplit(" ", 1)[-1]) in _JUDGED_ENDS
                        or " of the Year" in name
                        # "7RIDGE’s Shawn Ng": someone of a body, not a body
                        or _someone_of(name)
                        or not _plausible(name, exclude)
                        or _key(name) in keys
                        or fold(name) in initials
                        or name.endswith(("’s", "'s"))  # "Canada’s" before its body: a country
                    ):
                        continue
                    out.append(name)
                    keys.add(_key(name))
                    added += 1
                    if added >= _MAX_ADDED or len(out) >= limit:
                        return tuple(out)
    return tuple(out)


def _names_two(line: str, names: list[str]) -> bool:
    """Does *line* hold two of *names*?"""
    seen = False
    for name in names:
        if name in line:
            if seen:
                return True
            seen = True
    return False


def _occurrences(name: str, text: str) -> list[int]:
    found = []
    at = text.find(name)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + len(name))
    return found


def _sentences(paragraph: str) -> list[tuple[int, str]]:
    """*paragraph*'s sentences, each with where it starts in it: a stop after a word in lower
    case ("... Riksbank. Accordingly") or in capitals ("DST/NRF. Ongoing"), not after an
    initial or an abbreviation ("U.S. Customs", "Dr. Lee")."""
    out = []
    at = 0
    for stop in _STOP.finditer(paragraph):
        before = paragraph[max(0, stop.start() - 3) : stop.start()]
        if (before[-2:].isalpha() and before[-2:].islower()) or (
            len(before) == 3 and before.isalpha() and before.isupper()
        ):
            out.append((at, paragraph[at : stop.start() + 1]))
            at = stop.end()
    out.append((at, paragraph[at:]))
    return out


# A kind of body that follows a list of places names one body for each: "the Bedford, Euless,
# Grapevine, and Hurst Police Departments", "the Avon, Westlake, Aurora and Cleveland Police".
_PLACE = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
_SHARED_KIND = re.compile(
    rf"(?P<places>(?:{_PLACE},[ \t])+{_PLACE},?[ \t](?:and|&)[ \t]{_PLACE}|{_PLACE}[ \t](?:and|&)"
    rf"[ \t]{_PLACE})[ \t](?P<kind>Police[ \t]Departments|Police|Sheriff[’']s[ \t]Offices|"
    r"Fire[ \t]Departments|County[ \t]Sheriff[’']s[ \t]Offices)(?![\w’'])"
)
_SINGULAR = {
    "Police Departments": "Police Department",
    "Sheriff’s Offices": "Sheriff’s Office",
    "Sheriff's Offices": "Sheriff's Office",
    "Fire Departments": "Fire Department",
    "County Sheriff’s Offices": "County Sheriff’s Office",
    "County Sheriff's Offices": "County Sheriff's Office",
}


def shared_kinds(organisations: tuple[str, ...], text: str, limit: int) -> tuple[str, ...]:
    """*organisations* with each body of a list that shares its kind ("the Avon, Westlake,
    Aurora and Cleveland Police": four police forces), in place of the list's tail taken for
    one ("Aurora and Cleveland Police")."""
    if "Police" not in text and "Sheriff" not in text and "Fire" not in text:
        return organisations
    out = list(organisations)
    for m in _SHARED_KIND.finditer(text):
        kind = " ".join(m.group("kind").split())
        single = _SINGULAR.get(kind, kind)
        places = [
            p.strip()
            for p in re.split(
                r",[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+", m.group("places")
            )
        ]
        places = [p for p in places if p]
        if len(places) < 2 or any(fold(p) in NOT_NAME_WORDS for p in places):
            continue
        # The list's tail taken for one body ("Aurora and Cleveland Police", "Hurst Police
        # Departments"): its words are all the list's
        words = set(fold(m.group(0)).replace(",", " ").split())
        out = [
            name
            for name in out
            if not (set(fold(name).split()) <= words and fold(single.split()[0]) in fold(name))
        ]
        for place in places:
            name = f"{place} {single}"
            if fold(name) not in {fold(o) for o in out} and len(out) < limit:
                out.append(name)
    return tuple(out)
