"""People named in a release, with their role, honorifics removed from the name."""

from __future__ import annotations

import re
from functools import lru_cache

from store.ingest.extract.vocabulary import (
    DEPARTMENTS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ROLE_WORDS,
    word_set,
)
from store.records import Person
from store.sanitize import fold

MAX_PEOPLE = 20
_SCAN_CHARS = 60_000

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
# Possessive: what follows a word in a run (a space, or the run's end) never starts with a
# letter, so giving letters back never helps, and the failed tries after each capital (most
# of them: "The company") end sooner.
_TOKEN = rf"[{_UP}][{_LOW}'’]++(?:-?[{_UP}][{_LOW}'’]++|-[{_LOW}]++)*+"
_PARTICLE = r"(?:van|von|der|den|de|da|di|del|della|dos|das|du|le|la|bin|binti|ibn|al|el|ter|ten)"
# Runs of capitalised words (with name particles and middle initials); a
# single pass over the text, the cues are then read around each run.
_RUN = re.compile(
    rf"{_TOKEN}(?:[ \t]{{1,2}}(?:{_PARTICLE}[ \t])?(?:[{_UP}]\.?[ \t]{{1,2}})?{_TOKEN})+"
)

# Words right before a name that say a person follows.
_HONORIFICS = word_set(
    """mr mr. mrs mrs. ms ms. mx mx. dr dr. prof prof. professor sir dame lord lady général gen.
    col. capt. maj. lt. adm. amb. ambassador mme mme. mlle mlle. m. herr frau sheikh sheikha
    shaikh datuk dato dato' monsieur madame señor señora sr. sra. srta. doña dña. dott. ing.
    rev. fr. hon. h.e. s.e. excellency
    cllr cllr. councillor councilor alderman captain"""
)
_SPEECH = word_set(
    """said says added adds noted notes explained explains stated states commented comments
    remarked continued concluded emphasized emphasised observed declared affirmed shared told
    déclaré déclare dit explique ajouté dijo afirmó señaló explicó agregó añadió sagte erklärte
    betonte
    según selon laut dice indica asegura souligne précise ajoute estime rappelle
    affirme erklärt sagt ergänzt"""
)
_TITLES = word_set(
    """ceo cfo coo cto chairman chairwoman chairperson president founder co-founder minister mayor
    governor senator secretary-general under-secretary-general director-general commissioner
    ambassador professor chancellor premier rabbi pastor bishop coach judge justice congressman
    congresswoman councilman councilwoman councillor superintendent sheriff"""
)
_SPEECH_AFTER = re.compile(
    r",?[ \t]{1,2}(?:said|says|added|noted|explained|stated|commented|remarked|a déclaré|"
    r"déclare|dijo|afirmó|sagte|erklärte)\b"
)
_ROLE_STOP = re.compile(
    r"\s(?:said|says|added|noted|explained|stated|commented|who|which|will|is|was|has|had|and\s+the|"
    r"in\s+a|in\s+an|during|when|while|on|to|with|a\s+déclaré|a\s+dit|explique|dijo|afirmó|"
    r"sagte|erklärte|betonte|est|es|ist|hat|ha|a)\b.*$"
)
# Role words that name a role on their own ("marketing", "senior", "global" do not).
_ROLE_NOUNS = ROLE_WORDS - word_set(
    """communications marketing media public press investor sales business global regional
    national interim acting senior general executive associate member board"""
)
_PARTICLES = word_set("van von der den de da di del della dos das du le la bin ibn al el ter ten")
_CAP_PARTICLES = frozenset({"Le", "La", "De", "Del", "Da", "Van", "Von", "Du", "Di", "Des", "Ten"})
_CUT_ALWAYS = word_set(
    "ceo cfo coo cto founder co-founder president chairman chairwoman chair owner"
)
_LINKS = (
    " of ",
    " at ",
    " for ",
    " de la ",
    " del ",
    " de ",
    " du ",
    " des ",
    " von ",
    " bei ",
    " der ",
    " à ",
)


_ROLE_END = re.compile(r"[,;:()\n“”\"«»„]|\.(?=\s|$)")
# ", Jugend und Familie." after "Senatorin für Bildung": the rest of a portfolio's list.
_PORTFOLIO_LIST = re.compile(
    rf"(?:,[ \t]+[{_UP}][{_LOW}-]+)*,?[ \t]+(?:und|and|y|et|e)[ \t]+[{_UP}][{_LOW}-]+(?=[ \t]*[.;\n“”\"«»„]|$)"
)
_LINKED_PORTFOLIO = re.compile(r"\s(?:für|for|de|of)\s")
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who|whose|qui|quien|welche|welcher)\b")
_ARTICLES = (
    "the",
    "la",
    "le",
    "el",
    "los",
    "las",
    "les",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "l'",
    "l’",
)


def _names_an_employer(words: list[str], link: str, head: str, text: str) -> bool:
    """Does the complement *words* of a role ("... of Kestrel Outdoor") name an organisation,
    rather than a portfolio ("Head of Product", "delegada de Medio Ambiente y Movilidad")?"""
    first = words[0].lower()
    capital = words[0][:1].isupper()
    if link in (" at ", " bei "):
        return True
    if link == " à ":  # "linguiste à l'Université ...", not "délégué à la culture"
        return (words[0][:2].lower() in ("l'", "l’") and words[0][2:3].isupper()) or capital
    if first in _ARTICLES or (first.startswith(("l'", "l’")) and words[0][2:3].isupper()):
        return True
    bare = [w.strip(",.") for w in words]
    if all(fold(w) in DEPARTMENTS or w.lower() in ("and", "&", "y", "et", "und") for w in bare):
        return False
    if (bare[-1][:1].isupper() and fold(bare[-1]) in ORG_WORDS) or (
        words[0].isupper() and len(words[0]) > 1
    ):
        return True
    if capital and (head in _CUT_ALWAYS or link in (" des ", " der ")):
        return True  # "Vorsitzender des Landeselternausschusses"
    # A name the release uses elsewhere is its issuer: "Managing Director of Kestrel Outdoor".
    name = " ".join(bare)
    return capital and len(bare) > 1 and text.count(name) >= 2


def _role_after(text: str, end: int) -> str | None:
    """The role in apposition after a name: ", Under-Secretary-General of the ..." -> role."""
    if not text.startswith(",", end):
        return None
    rest = text[end + 1 : end + 200].lstrip()
    for article in ("the ", "a ", "an ", "our "):
        if rest.startswith(article):
            rest = rest[len(article) :]
            break
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start()] if stop else rest
    if len(role) < 2:
        return None
    if stop and stop.group(0) == "," and _LINKED_PORTFOLIO.search(role):
        more = _PORTFOLIO_LIST.match(rest, stop.start())
        if more:
            role = rest[: more.end()]
    role = _ROLE_STOP.sub("", role).strip()
    lead = [w.lower().strip(".") for w in role.split()[:3]]
    if not any(w in _ROLE_NOUNS or w.startswith(("co-", "vice", "chief")) for w in lead):
        return None
    if _RELATIVE_PRONOUN.search(role):
        return None  # a description, not a role
    # "CEO of Acme" -> "CEO", "Director General of the General Directorate" -> "Director
    # General"; but "Professor of Glaciology" and "Head of Product" are whole roles.
    found = sorted((role.find(link), link) for link in _LINKS if role.find(link) > 0)
    for n, (cut, link) in enumerate(found):
        stop_at = found[n + 1][0] if n + 1 < len(found) else len(role)
        words = role[cut + len(link) : max(stop_at, cut + len(link))].split()
        if not words:
            continue
        head = role[:cut].split()[-1].lower()
        if _names_an_employer(words, link, head, text):
            role = role[:cut]
            break
    role = role.rstrip(" .,&-–—")
    words = role.split()
    if not words or len(words) > 10:
        return None
    if fold(words[0]) in ORG_WORDS and not any(fold(w) in _ROLE_NOUNS for w in words[1:]):
        return None  # "Board of Directors", not "board chair"
    return " ".join(words)


def _words_before(text: str, start: int) -> list[str]:
    """The last two words (with their dots) in the few characters before *start*."""
    return text[max(0, start - 40) : start].rsplit(None, 2)[-2:]


@lru_cache(maxsize=8192)
def _word_in_run(token: str) -> tuple[bool, bool, str | None]:
    """What a word of a capitalised run says: (can it be part of a name, is it an honorific,
    the cue it gives to a name after it). Cached: runs repeat the same few thousand words."""
    low = token.lower()
    name_part = fold(token.strip(".")) not in NOT_NAME_WORDS
    honorific = low in _HONORIFICS
    cue = low if honorific or low in _TITLES or low in _SPEECH else None
    return name_part, honorific, cue


# Words kept out of names as dates ("Sun", "May") that are also surnames: "Justin Sun",
# "Theresa May". One is a surname when it ends a run after a first name, no day number after.
_SURNAMES_TOO = frozenset({"sun", "may", "june", "april", "august"})
# Last words of a business's name, never of a person's: "Mullen Automotive", "Midwest Book
# Review", "Scofflaw's Brewing".
_BUSINESS_END = word_set(
    """automotive review brewing brewery bar kitchen list blog research practice division books
    email client pizza cafe café bakery salon shop store market grill motors boutique restaurant
    studio gallery pharmacy jewelers florist tavern coffee outfitters supply realty roofing
    plumbing dental dentists clinic spa"""
)
_POSSESSIVE = ("'s", "’s")
# A firm's legal or group word right after a name somewhere in the text: "Mullen Automotive Inc."
_FIRM_AFTER = (" Inc", " LLC", " Ltd", " Corp", " Group", " & Co", " GmbH", " PLC", " AG ")


def _segments(tokens: list[str], digit_after: bool = False) -> list[tuple[int, int, str | None]]:
    """Split a run at words that are no part of a name; each piece with the cue before it."""
    pieces: list[tuple[int, int, str | None]] = []
    start = 0
    cue: str | None = None
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        name_part, honorific, cue_after = _word_in_run(token)
        if name_part and not honorific:
            continue
        if i == last and i > start and not digit_after and token.lower() in _SURNAMES_TOO:
            continue  # "Justin Sun", not "Sun 5 March"
        particle = (
            i > start and (token in _CAP_PARTICLES or token in _PARTICLES) and i + 1 < len(tokens)
        )
        if not particle or honorific:
            if i > start:
                pieces.append((start, i, cue))
            cue = cue_after
            start = i + 1
    if len(tokens) > start:
        pieces.append((start, len(tokens), cue))
    return pieces


def find_people(text: str) -> tuple[Person, ...]:
    """People with a cue: an honorific, a role, or a quote ("said Jane Doe, CEO of Acme")."""
    text = text[:_SCAN_CHARS]
    people: dict[str, list[str | None]] = {}
    for m in _RUN.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-’'"):
            continue
        tokens = m.group(0).split()
        before = _words_before(text, start)
        last = before[-1].lower() if before else ""
        if last == "to" and len(before) > 1 and before[-2].lower() == "according":
            last = "said"
        digit_after = tokens[-1].lower() in _SURNAMES_TOO and (
            text[end : end + 3].strip()[:1].isdigit()
        )
        owner = "s" in m.group(0) and ("'s" in m.group(0) or "’s" in m.group(0))
        for first, stop, cue in _segments(tokens, digit_after):
            if stop - first > 5:
                continue
            at_end = stop == len(tokens)
            if first == 0:
                cue = last if last in _HONORIFICS or last in _SPEECH or last in _TITLES else None
            elif cue is None:
                continue  # "The New York Stock Exchange said": the run is not a name
            possessive = (
                next((i for i in range(first, stop) if tokens[i].endswith(_POSSESSIVE)), None)
                if owner
                else None
            )
            if possessive is not None:
                if cue in _HONORIFICS and possessive == first:
                    continue  # "Dr. Holstein's Enchanted Self"
                if stop - possessive > 2:
                    first = possessive + 1  # "Ackerman Retail's Kelly Wilson"
                else:
                    stop = possessive + 1  # "Donald Trump's": the person, not what is theirs
            if stop - first < 2:
                continue
            at_end = stop == len(tokens)
            role: str | None = None
            if at_end:
                role = _role_after(text, end)
            if (
                cue is None
                and role is None
                # Both patterns open with a comma or a space: most names are followed by neither.
                and not (
                    at_end and text[end : end + 1] in ", \t" and _SPEECH_AFTER.match(text, end)
                )
                and not (at_end and first == 0 and _speaker_with_clause(text, start, end))
            ):
                continue
            if role is None and cue in _TITLES:
                role = tokens[first - 1] if first else before[-1]
            name = " ".join(tokens[first:stop])
            if name.endswith(_POSSESSIVE):
                name = name[:-2]
            if fold(tokens[stop - 1]) in _BUSINESS_END or _firm_named(text, name):
                continue  # a shop or a firm, not a person
            _add(people, name, role)
            if len(people) >= MAX_PEOPLE:
                break
    return tuple(Person(str(name), role) for name, role in people.values())


def _firm_named(text: str, name: str) -> bool:
    """Does *name* stand before a firm's legal or group word somewhere in *text*?"""
    at = text.find(name)
    while at >= 0:
        if text.startswith(_FIRM_AFTER, at + len(name)):
            return True
        at = text.find(name, at + len(name))
    return False


_WHO_THEN_SPEECH = re.compile(
    r",[ \t]+(?:who|qui|quien|der|die)\b[^.\n“”\"«»]{0,200}?\b(?:said|says|added|told|explained|"
    r"a déclaré|a expliqué|dijo|explicó|sagte|erklärte)\b"
)


def _speaker_with_clause(text: str, start: int, end: int) -> bool:
    """ "Jacob Nolan, who fishes for lobster ..., said": a sentence opened by its speaker."""
    opens = start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] == ". "
    return opens and _WHO_THEN_SPEECH.match(text, end) is not None


def _add(people: dict[str, list[str | None]], name: str, role: str | None) -> None:
    """Add a person, or give a role to one already found under this name."""
    tokens = name.split()
    for key, entry in people.items():
        other = key.split()
        if key == name or (other[-1] == tokens[-1] and other[0][0] == tokens[0][0]):
            if entry[1] is None and role:
                entry[1] = role
            return
    people[name] = [name, role]
