"""Bodies named by one word or an acronym alone, read where the release uses the word as a body:
"America Online's Netscape division", "Reid Hoffman, CEO of LinkedIn", "MozillaZine,
http://www.mozillazine.org", "[CNIL](https://www.cnil.fr)", "ICE agents", "DEA, FBI, FDA, HSI
and USPIS", "exchange Garantex". The capitalised runs find a name only by an organisation
word; these names hold none, so what stands around them has to say what they are."""

from __future__ import annotations

import re
from collections.abc import Iterable

from store.ingest.extract.vocabulary import (
    DEPARTMENTS,
    KNOWN_BODIES,
    MONTH_WORDS,
    NOT_NAME_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    WEEKDAY_WORDS,
    word_set,
)
from store.sanitize import fold

# One name's word: capitalised ("Anthropic", "Yahoo!", "Amazon.com"), in camel case ("eBay",
# "iRobot") or an acronym with a digit or an ampersand ("W3C", "AT&T").
_WORD = r"(?:[A-Z][\w&!+-]*(?:\.[A-Za-z]{2,4}(?![\w]))?|[a-z]{1,3}[A-Z][\w&+-]*)"
_NAME_END = re.compile(rf"(?P<name>{_WORD})$")

# What a body has and a product, a place or a person rarely has: "Acme's CEO", "Acme's board".
_BODY_NOUNS = word_set(
    """ceo cfo cto coo chief founder founders co-founder cofounder president chairman chairwoman
    chairperson board division divisions subsidiary subsidiaries headquarters employees staff
    spokesperson spokesman spokeswoman executives shareholders stockholders engineers
    researchers scientists parent"""
)
# A web address and the label its name is read from: "https://www.mozillazine.org" -> mozillazine.
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?(?P<label>[A-Za-z0-9-]{2,40})\.[a-z]{2,6}\b")
# The name just before its address: "[ADEME](", "MozillaZine, ", "Acme (", "Acme at ".
_BEFORE_ADDRESS = re.compile(
    rf"(?P<name>{_WORD}(?:[ ](?:{_WORD}|&|of|de|für)){{0,3}})"
    r"(?:\]\(|,?[ ]\(|,[ ])$"
)
# An agency's acronym before its people or its officers' titles: "ICE agents", "ICE Acting
# Deputy Director Derek Benner", "Homeland Security Investigations (HSI) Special Agent in Charge",
# "the ICE Office of Public Affairs".
_AGENCY_AFTER = (" agents", " Acting ", " Special Agent", " Office of ")
_AGENCY_END = re.compile(
    r"(?<![\w&.-])(?:\((?P<inside>[A-Z][A-Z0-9&]{2,5})\)|(?P<name>[A-Z][A-Z0-9&]{2,5}))$"
)
_ACRONYM_END = re.compile(r"(?<![\w&.-])(?P<name>[A-Z][A-Z0-9&]{1,5})$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
# Acronyms that are no body: a trade, a department of any firm, a currency, a unit.
_NOT_BODIES = word_set(
    """ceo cfo cto coo cmo cio cso evp svp vp hr it pr ai ml r&d usd eur gbp cad faq pdf url
    ipo esg kpi roi b2b b2c saas api gps tv us uk eu un dc ii iii iv"""
)
# Social networks are where a body speaks, not bodies a release names (SOURCES.md).
_NETWORKS = word_set(
    """facebook twitter x instagram linkedin youtube tiktok pinterest reddit snapchat threads
    bluesky mastodon whatsapp telegram discord flickr vimeo medium github"""
)
# Items of a list: a comma, "and" in four languages.
_SEPARATOR = re.compile(r",[ ](?:(?:and|et|y|und|&)[ ])?|[ ](?:and|et|y|und|&)[ ]")
_SENTENCE_END = (".", "!", "?", ":", "\n")


def cued_bodies(
    organisations: tuple[str, ...],
    text: str,
    named: set[str],
    limit: int,
    links: Iterable[tuple[str, str]] = (),
    language: str | None = None,
) -> tuple[str, ...]:
    """*organisations* and, after them up to *limit*, the bodies of one word or an acronym
    that *text* uses as bodies; *named* holds folded names that are not bodies (people,
    places); *links* the release's links as (label, address): a label that is its own
    address's name ("[ADEME](https://www.ademe.fr/)") is a body's. The French, German and
    Spanish cues are read only in a release in that *language*."""
    if len(organisations) >= limit:
        return organisations
    text = text[:_SCAN_CHARS]
    words = {w for name in named for w in name.split()}
    found = [*_possessives(text), *_addressed(text), *_agencies(text), *_employers(text)]
    found += _partners(text, named) + _kinds_before(text, named, _KINDS_BEFORE)
    found += [label for label, url in links if _own_address(label, url)]
    found += _listed_acronyms(text, organisations)
    houses = _houses(text, language in _HOUSE_LANGUAGES)
    if language in _LIST_LANGUAGES:
        found += _headed_lists(text, named) + _kinds_before(text, named, _ROMANCE_KINDS)
        found += _members(text, named)
    head = text[:_DATELINE_CHARS]
    found = [  # "Salt Lake City, UT (Newsworthy.ai) Tuesday ...": the wire that carried it
        name
        for name in found
        if _plain(fold(name), words) and (name.isupper() or f"({name}" not in head)
    ]
    if not found and not houses:
        return organisations
    out = list(organisations)
    known = _Known(organisations)
    for name in found:
        if len(out) >= limit:
            break
        if not known.names(fold(name)):
            out.append(name)
            known.add(name)
    for name in houses:  # a house's name is its kind: no common-word test
        if len(out) < limit and not known.names(fold(name)):
            out.append(name)
            known.add(name)
    return tuple(out)


_SCAN_CHARS = 60_000
_DATELINE_CHARS = 400
_LIST_LANGUAGES = frozenset({"fr", "de", "es"})
_HOUSE_LANGUAGES = frozenset({"de"})


# A firm's officer and the firm: "Reid Hoffman, CEO of LinkedIn", "co-founder of Acme".
_OFFICER_OF = ("CEO of ", "ounder of ", "hairman of ")
# Who a list follows: "in partnership with Adobe, Apple, Macromedia, Opera and Sun Microsystems",
# "groups like Hamas and Hezbollah"; each found by its literal word first.
_PARTNERS = {
    "partner": re.compile(r"(?:in[ ]partnership|partnered)[ ]with[ ]"),
    "s like ": re.compile(r"(?:groups|agencies)[ ]like[ ]"),
    "s such as ": re.compile(r"(?:groups|agencies)[ ]such[ ]as[ ]"),
}
# The name that opens at a position: one to three capitalised words.
_NAME_AT = re.compile(rf"{_WORD}(?:[ ]{_WORD}){{0,2}}")


def _employers(text: str) -> list[str]:
    """ "Reid Hoffman, CEO of LinkedIn": LinkedIn; "CEO of Acme Labs" is read elsewhere."""
    found = []
    for cue in _OFFICER_OF:
        at = text.find(cue)
        while at >= 0:
            m = _ONE_NAME.match(text, at + len(cue))
            if (
                m
                and fold(m.group(0)) not in DEPARTMENTS
                and not _LONGER.match(text, m.end())
                and not m.group(0).endswith(_ADJECTIVE_ENDINGS)  # "CEO of European publisher X"
            ):
                found.append(m.group(0))
            at = text.find(cue, at + len(cue))
    return found


# One name of one word, no capitalised word after it: "LinkedIn", not "Acme Labs", "Lee’s
# Famous Recipe Chicken" or "Iron+Steel Threads".
_ONE_NAME = re.compile(rf"{_WORD}(?=[,;:)]?(?:\s|$)|\.(?:\s|$))(?![ ][A-Z0-9&+/(])")


def _partners(text: str, named: set[str]) -> list[str]:
    """The bodies a release names as its partners or backers, each of one to three words."""
    found: list[str] = []
    for literal, cue in _PARTNERS.items():
        at = text.find(literal)
        while at >= 0:
            start = text.rfind(" ", 0, max(0, at - 8)) + 1
            m = cue.search(text, start, at + len(literal) + 16)
            if m:
                names = _names_listed(text, m.end())
                if len(names) >= 2:
                    found += [n for n in names if fold(n) not in named]
            at = text.find(literal, at + len(literal))
    return found


def _names_listed(text: str, pos: int) -> list[str]:
    """The names of one to three capitalised words listed from *pos*."""
    names = []
    while (m := _NAME_AT.match(text, pos)) is not None:
        names.append(m.group(0))
        sep = _SEPARATOR.match(text, m.end())
        if sep is None:
            break
        pos = sep.end()
    return names


# A list's head in French, German and Spanish, and the word that opens the list: "des
# entreprises, dont Illuin, OVH, LightOn", "Organisationen wie KDE und Mozilla", "empresas como".
_LIST_HEADS = (
    "entreprises",
    "organismes",
    "partenaires",
    "associations",
    "sociétés",
    "Organisationen",
    "Unternehmen",
    "Partner",
    "Verbände",
    "empresas",
    "organizaciones",
    "entidades",
    "compañías",
)
_LIST_CUE = re.compile(
    r"(?:,?[ ](?:dont|comme|notamment|telles?[ ]que|tels?[ ]que|wie|darunter|como|"
    r"entre[ ]ellas|entre[ ]ellos|tales[ ]como)[ ]|[ ]?:[ ])"
)


def _headed_lists(text: str, named: set[str]) -> list[str]:
    """Names listed after a French, German or Spanish head: "des entreprises, dont Illuin,
    OVH, LightOn, Mistral, Meta, Google et des organismes"."""
    found: list[str] = []
    for head in _LIST_HEADS:
        at = text.find(head)
        while at >= 0:
            end = at + len(head)
            cue = _LIST_CUE.match(text, end) if not text[end : end + 1].isalnum() else None
            if cue:
                names = _names_listed(text, cue.end())
                if len(names) >= 2:
                    found += [n for n in names if fold(n) not in named]
            at = text.find(head, end)
    return found


# A body's kind in lower case just before its name: "an online postage company called Stampnik",
# "virtual currency exchange Garantex"; in French, German and Spanish, "des Privatunternehmens
# Schufa", "la empresa Acme".
_KINDS_BEFORE = re.compile(
    r"[ ](?:company(?:[ ]called|[ ]named)?|firm|startup|retailer|nonprofit|publisher|exchange)"
    r"[ ](?=[A-Z]|[a-z]{1,3}[A-Z])"
)
_ROMANCE_KINDS = re.compile(
    r"(?:unternehmens|[ ]Organisation|[ ]Partner|[ ]Vereins?|['’]entreprise|[ ]la[ ]société|"
    r"['’]association|[ ]le[ ]groupe|['’]opérateur|[ ]la[ ]empresa|[ ]la[ ]compañía|"
    r"[ ]la[ ]organización)[ ](?=[A-Z]|[a-z]{1,3}[A-Z])"
)
# A name that goes on past its capitalised words: "the nonprofit Seeds for a Future", "the
# nonprofit organization Walk in My Shoes Foundation".
_LONGER = re.compile(r"(?:[ ](?:[a-z]{1,4}|&))+[ ][A-Z]")
# What follows a kind and is no body's name: "company Chief Executive", "firm Website".
_AFTER_KIND = word_set(
    """website site stock shares news today chief executive senior about christmas holiday
    easter halloween thanksgiving"""
)


def _kinds_before(text: str, named: set[str], kinds: re.Pattern[str]) -> list[str]:
    """The name after a body's kind: "exchange Garantex", "des Privatunternehmens Schufa"."""
    found = []
    for cue in kinds.finditer(text):
        m = _NAME_AT.match(text, cue.end())
        if m and not _LONGER.match(text, m.end()):
            name = m.group(0)
            first = fold(name.split()[0])
            if first not in ROLE_WORDS and first not in _AFTER_KIND and fold(name) not in named:
                found.append(name)
    return found


# What an alliance is made of, before its members' list: "Das Bündnis besteht bisher aus: A, B".
_MADE_OF = (" aus:", " se compose de ", " compuesta por ", " compuesto por ")
_SENTENCE_STOP = re.compile(r"[.;](?:\s|$)")
_LAST_TWO = re.compile(rf"((?:{_WORD}[ ]?){{1,3}})[ ](?:and|und|et|y)[ ]((?:{_WORD}[ ]?){{1,3}})")
_SPACES = re.compile(r"[\s\u200b]+")
# A member's name: capitalised words and the lower-case words that join them ("Forum
# InformatikerInnen für Frieden und gesellschaftliche Verantwortung"), a digit's percentage.
_MEMBER = re.compile(
    rf"(?:\d+%[ ])?{_WORD}(?:[ ](?:{_WORD}|[a-zäöüéè]+|LV|[\w/-]+/[\w/-]+)){{0,7}}"
)


def _members(text: str, named: set[str]) -> list[str]:
    """The members of an alliance listed after what it is made of: "Das Bündnis Volksentscheid
    Transparenz besteht bisher aus: Open Knowledge Foundation Deutschland, Mehr Demokratie,
    Changing Cities, Chaos Computer Club, ...": four items at least, up to the sentence's end."""
    found: list[str] = []
    for cue in _MADE_OF:
        at = text.find(cue)
        while at >= 0:
            start = at + len(cue)
            stop = _SENTENCE_STOP.search(text, start, start + 2000)
            items = _SPACES.sub(" ", text[start : stop.start() if stop else start]).split(", ")
            items = [i.strip() for i in items]
            if items and (last := _LAST_TWO.fullmatch(items[-1])):
                items[-1:] = [last.group(1), last.group(2)]  # "..., PayPal and Red Hat"
            if len(items) >= 4:
                names = [i for i in items if _MEMBER.fullmatch(i) and fold(i) not in named]
                if len(names) * 4 >= len(items) * 3:
                    found += [n for n in names if not n.split()[-1].islower()]
            at = text.find(cue, start)
    return found


# A German legislature's house after its article: "dem Senat", "im Abgeordnetenhaus".
_GERMAN_HOUSE = re.compile(
    r"(?:der|dem|den|des|im|vom|das)[ \t\xa0]+(?P<name>Senat|Abgeordnetenhaus|Bundestag|Bundesrat|"
    r"Landtag|Bürgerschaft)(?:e?s)?(?![\w-])"
)


# "Parliament" written alone, before a verb in lower case or a stop: a legislature.
_PARLIAMENT = re.compile(r"Parliament(?:['’]s)?(?=[ ][a-z]|[.,;:])")


def _houses(text: str, german: bool) -> list[str]:
    """A house of a German legislature named alone, with its article; "Parliament" alone."""
    found = [m.group("name") for m in _GERMAN_HOUSE.finditer(text)] if german else []
    at = text.find("Parliament")
    while at >= 0:
        member = text.endswith(("Members of ", "Member of "), 0, at)  # an MP, not the house
        if _PARLIAMENT.match(text, at) and _opens_name(text, at) and not member:
            found.append("Parliament")  # "take these limits to Parliament", "After Parliament"
            break
        at = text.find("Parliament", at + 10)
    return list(dict.fromkeys(found))


def _plain(key: str, person_words: set[str]) -> bool:
    """Whether the folded name *key* is no common word, person's word, place or date, nor
    made of common words only ("The Company")."""
    if " " in key and all(w in NOT_NAME_WORDS for w in key.split()):
        return False
    return not (
        len(key) < 2
        or key in NOT_NAME_WORDS
        or key in REGION_WORDS
        or key in _NOT_BODIES
        or key in MONTH_WORDS
        or key in WEEKDAY_WORDS
        or key in person_words
    )


class _Known:
    """The bodies found, by what names them already: each as a whole, its opening words
    ("Mehr Demokratie" of "Mehr Demokratie e.V."), each word of it, its initials."""

    def __init__(self, organisations: Iterable[str]) -> None:
        self.whole: set[str] = set()
        self.words: set[str] = set()
        self.folded: list[str] = []
        for org in organisations:
            self.add(org)

    def add(self, org: str) -> None:
        folded = fold(org)
        self.whole.add(folded)
        self.whole.update(_acronyms_of(org))
        self.words.update(re.split(r"[^\w&!.+-]+", folded))
        self.folded.append(folded)

    def names(self, key: str) -> bool:
        return (
            key in self.whole
            or key in self.words
            or any(f.startswith(key + " ") for f in self.folded)
        )


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", name)).lower()


def _acronyms_of(name: str) -> set[str]:
    """What a body's acronym may be: "U.S. Drug Enforcement Administration" -> usdea, dea;
    "Department of Commerce" -> dc, doc."""
    bare = re.sub(r"^(?:the[ ]|U\.?S\.?[ ]|United[ ]States[ ])", "", name)
    forms = {_initials(name), _initials(bare)}
    forms.add("".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*|of|and|for", bare)).lower())
    return forms


def _opens_name(text: str, start: int) -> bool:
    """Whether a name starting at *start* is not the end of a longer capitalised run: the word
    before it is in lower case, or it opens a sentence or a line."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "&’'.-"):
        return False
    window = text[max(0, start - 40) : start]
    before = window.rstrip()
    if "\n" in window[len(before) :] or not before:
        return True  # it opens a line
    if before.endswith(_SENTENCE_END) or before.endswith(("(", ",", ";", "—", "–")):
        return True
    last = before.split()[-1]
    return not last[:1].isupper() and not last[:1].isdigit()


# A body's part named after its owner: "America Online's Netscape division".
_PARTS = word_set("division unit subsidiary arm")
# What may follow a body's possessive: a noun of _BODY_NOUNS, or a capitalised word (a part's).
_AFTER_POSSESSIVE = re.compile(
    r"[A-Z]|(?i:ceo|cfo|cto|coo|chief|founder|co-founder|cofounder|president|chair|board|"
    r"division|subsidiar|headquarters|employees|staff|spokes|executives|shareholders|"
    r"stockholders|engineers|researchers|scientists|parent)"
)
# A nation's or a region's adjective before a part: "its Canadian subsidiary", "its Chinese unit".
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ch", "ic")
_NAME_RUN_END = re.compile(rf"(?P<name>{_WORD}(?:[ ]{_WORD}){{0,2}})$")


def _possessives(text: str) -> list[str]:
    """ "Acme’s CEO", "Acme's board": Acme; "America Online's Netscape division": both."""
    found = []
    for mark in ("’s ", "'s "):
        at = text.find(mark)
        while at > 0:
            if not _AFTER_POSSESSIVE.match(text, at + 3):
                at = text.find(mark, at + 3)
                continue
            after = text[at + 3 : at + 60].split(maxsplit=2)
            part = (
                len(after) > 1
                and re.fullmatch(_WORD, after[0]) is not None
                and not after[0].endswith(_ADJECTIVE_ENDINGS)  # "Angkor’s Canadian subsidiary"
                and fold(after[1].rstrip(",.;:")) in _PARTS
            )
            if part or (after and fold(after[0].rstrip(",.;:")) in _BODY_NOUNS):
                m = (_NAME_RUN_END if part else _NAME_END).search(text, max(0, at - 60), at)
                if m and _opens_name(text, m.start()):
                    found.append(m.group("name"))
                    if part:
                        found.append(after[0])
            at = text.find(mark, at + 3)
    return found


def _addressed(text: str) -> list[str]:
    """A name written just before its own web address: "MozillaZine, http://www.mozillazine.org",
    "[ADEME](https://www.ademe.fr/)", "Creative Commons (creativecommons.org)"."""
    found = []
    for cue in ("http", "www."):
        at = text.find(cue)
        while at > 1:
            if cue == "www." and text.endswith("://", 0, at):
                pass  # read at its "http"
            elif text.endswith(_BEFORE_URL, 0, at):
                m = _ADDRESS.match(text, at)
                before = _BEFORE_ADDRESS.search(text, max(0, at - 80), at) if m else None
                if m and before and _opens_name(text, before.start()):
                    name = before.group("name")
                    if _same_name(name, m.group("label")):
                        found.append(name)
            elif text.endswith('href="', 0, at) and (m := _ADDRESS.match(text, at)):
                # An anchor: '<a href="https://algorithmwatch.org/de/">AlgorithmWatch</a>'.
                close = text.find('">', at, at + 300)
                anchor = _ANCHOR.match(text, close + 2) if close > 0 else None
                if anchor and _same_name(anchor.group("name"), m.group("label")):
                    found.append(anchor.group("name"))
            at = text.find(cue, at + 4)
    return found


# A site's call to act and what a site names that is no body: "Get Firefox", "School Food Plan".
_CALLS = word_set(
    "get join save download visit learn read watch follow sign try find support donate"
)
_NOT_KINDS = word_set(
    """plan programme program campaign project initiative album center centre page site app
    store blog portal"""
)
_BEFORE_URL = ("](", " (", ", ")
_ANCHOR = re.compile(rf"(?P<name>{_WORD}(?:[ ]{_WORD}){{0,3}})</a>")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_ADDRESS_AT = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*?(?:www\.)?(?P<label>[A-Za-z0-9-]{2,40})\.[a-z]{2,6}(?:[/:?#]|$)"
)


def _same_name(name: str, label: str) -> bool:
    """Whether *name* is what the address's *label* spells: "MozillaZine" and mozillazine,
    "Süddeutsche Zeitung" and sueddeutsche, "Creative Commons" and creativecommons."""
    label = label.lower()
    words = name.split()
    if "." in name or len(label) < 3 or label in _NETWORKS:
        return False  # "OffeneRegister.de": a site; "find us on Facebook": where it speaks
    if fold(words[0]) in _CALLS or fold(words[-1]) in _NOT_KINDS:
        return False  # "Get Firefox": a call to act; "School Food Plan": a programme
    for spelt in (name.lower(), name.lower().translate(_UMLAUTS)):
        letters = re.sub(r"[^a-z0-9]", "", fold(spelt))
        if letters == label or (
            len(label) >= 6 and letters.startswith(label) and len(letters) <= len(label) + 2
        ):
            return True  # "Süddeutsche" for sueddeutsche: an ending may differ
    return False


def _own_address(label: str, url: str) -> bool:
    """A link whose label names its own address's site: "[ADEME](https://www.ademe.fr/)"."""
    label = label.strip()
    m = _ADDRESS_AT.match(url.strip())
    return (
        m is not None
        and re.fullmatch(rf"{_WORD}(?:[ ](?:{_WORD}|&|of|de|für)){{0,3}}", label) is not None
        and _same_name(label, m.group("label"))
    )


def _agencies(text: str) -> list[str]:
    """ "ICE agents", "ICE Acting Deputy Director Derek Benner": ICE."""
    found = []
    for cue in _AGENCY_AFTER:
        at = text.find(cue)
        while at > 0:
            m = _AGENCY_END.search(text, max(0, at - 9), at)
            name = (m.group("name") or m.group("inside")) if m else ""
            # "LLM agents", "tokenized agents": software, where nothing is investigated
            software = name.lower() in _TECH or (cue == " agents" and "nvestigat" not in text)
            if name and not software:
                found.append(name)
            at = text.find(cue, at + len(cue))
    return found


def _listed_acronyms(text: str, organisations: tuple[str, ...]) -> list[str]:
    """Acronyms listed beside a known body's: "DEA, FBI, FDA, HSI and USPIS agents seized"."""
    found: list[str] = []
    known: set[str] | None = None
    end = 0
    for m in _ACRONYM_NEXT.finditer(text):
        first = _ACRONYM_END.search(text, max(0, m.start() - 8), m.start())
        if first is None or first.start() < end:
            continue
        items, end = _acronym_run(text, first.start())
        if len(items) < 3 or _MARKS_AFTER.match(text, end):
            continue  # "FDA, SGS, SASO, CE, FSC, SEDEX certifications": marks, not bodies
        if known is None:
            known = {o for o in organisations if _ACRONYM.fullmatch(o)}
            known |= {_initials(o).upper() for o in organisations if " " in o}
            known |= _KNOWN_ACRONYMS
        # Two known at least: "DEA, FBI, FDA, HSI and USPIS"; one is a list of coins or
        # products beside the issuer's ("ETH, USDT, HTX, and TRX").
        if len(known.intersection(items)) >= 2 or _bodies_alone(items, text):
            found += items
    return found


_MARKS_AFTER = re.compile(
    r"[ ]?(?:certifications?|certified|standards?|compliance|regulations?|marks?)\b"
)
_KNOWN_ACRONYMS = frozenset(name for name in KNOWN_BODIES if name.isupper())
# An acronym after a comma, found by the comma (a literal the scan skips to): where a list of
# acronyms goes on from the one before it.
_ACRONYM_NEXT = re.compile(r",[ ][A-Z][A-Z0-9&]")


# What a list of acronyms names where it names no body: tickers, formats, parts, standards.
_NOT_BODY_TEXT = (
    "$", "token", "coin", "NASDAQ", "Nasdaq", "NYSE", "TSX", "ticker", "crypto", "market", "price",
    "trading", "stock", "shares", "esignation", "ertifi",
)  # fmt: skip
_TECH = word_set(
    """api apis sdk cpu gpu npu tpu ram ssd hdd pdf csv xml json html css sql usb hdmi lte nfc
    rfid gps iot ar vr xr llm nlp ocr erp crm hris ats cms lms pos atm kyc aml esg gdp cpi
    gif png mng jpeg jpg svg webp bmp tiff mp3 mp4 wav avi mov mpeg http https ftp smtp imap pop
    tcp udp ssl tls dns vpn lan wan isp hipaa gdpr sox pci ccpa soc fedramp ferpa coppa
    ceo cfo coo cto cmo cio ciso vp svp evp mba phd md rn lpn cpa cfa usa uae"""
)


def _bodies_alone(items: list[str], text: str) -> bool:
    """A list of four acronyms of three letters or more, in a text that is no market's or a
    machine's: "ANCT, CNED, CNIL, INA, ARCOM" (French public bodies)."""
    return (
        len(items) >= 4
        and all(len(i) >= 3 and i.isalpha() and i.lower() not in _TECH for i in items)
        and not any(cue in text for cue in _NOT_BODY_TEXT)
    )


def _acronym_run(text: str, start: int) -> tuple[list[str], int]:
    """The acronyms listed from *start*, and where the list ends."""
    items = []
    pos = start
    while True:
        m = _ACRONYM.match(text, pos)
        if m is None or (
            m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "&-")
        ):
            break
        items.append(m.group(0))
        pos = m.end()
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    return items, pos
