"""The issuer a release states where no earlier rule looked: a "Source:" or "By:" field on the press room, "Today, X publishes"."""

from __future__ import annotations

import re

from store.ingest.extract.issuer import _names_body as names_body
from store.sanitize import fold

# A labelled field, its value on the same line: "**Source:** Policía Nacional (España),
# Comunicación-Prensa — https://policia.es/...", "*Fuente* : Policía Nacional (España), Sala de
# prensa, ...", "**By:** U.S. Embassy Jakarta — Press Release". "Source:" alone credits a chart
# or a syndicator as often (publisher_field.py), so the rest of the line must say it is the
# body's own press room or site.
_FIELD = re.compile(
    r"[ \t*_]*(?i:source|fuente|quelle|by|par|von|por)[ \t*_]*:[ \t*_]*(?P<value>\S[^\n]*)"
)
# Where the body's name ends in the value.
_VALUE_END = re.compile(r"[ \t]*(?:\(|,|;|[ \t][—–-][ \t]|[ \t]\|[ \t]|https?://|$)")
# Words that say the rest of the field is a press room, not a chart's or a wire's credit.
_PRESS_ROOM = re.compile(
    r"\b(?i:press[ ]release|press[ ]room|newsroom|news[ ]release|sala[ ]de[ ]prensa|"
    r"comunicaci[oó]n[ -]prensa|nota[ ]de[ ]prensa|communiqu[ée][ ]de[ ]presse|"
    r"salle[ ]de[ ]presse|pressemitteilung|pressestelle)\b"
)
_HOST = re.compile(r"https?://(?:www\.)?([a-z0-9-]+)\.", re.IGNORECASE)
_HEAD_LINES = 12
_FOOT_LINES = 6
_MOST_WORDS = 8


def source_field(lines: list[str]) -> str | None:
    """The body a "Source:" / "By:" field at the head or the foot of *lines* names, when the
    rest of the field is its press room ("Sala de prensa", "Press Release") or its own site
    (the address's host spelling the name's first word: "policia.es" for "Policía Nacional")."""
    head = lines[:_HEAD_LINES]
    foot = lines[-_FOOT_LINES:] if len(lines) > _HEAD_LINES else []
    for line in (*head, *foot):
        m = _FIELD.fullmatch(line.rstrip())
        if m is None:
            continue
        value = m.group("value")
        name = _VALUE_END.split(value, maxsplit=1)[0].strip(" \t*_.")
        words = name.split()
        if not 2 <= len(words) <= _MOST_WORDS or not all(w[:1].isupper() for w in words[:1]):
            continue
        if any(ch.isdigit() or ch in "@/" for ch in name):
            continue
        rest = value[len(name) :]
        host = _HOST.search(rest)
        own_site = host is not None and fold(words[0]).startswith(host.group(1).lower())
        if own_site or _PRESS_ROOM.search(rest):
            return name
    return None


# "Today, Software Freedom Conservancy publishes ...": the body's own announcement, the day
# first. Only the verbs a body uses of its own release.
_TODAY_SUBJECT = re.compile(
    r"(?:Today|Yesterday|This[ ]week),[ ]+(?:the[ ]+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&)){1,8})[ ]+"
    r"(?:announces|announced|publishes|published|launches|launched|releases|released|"
    r"unveils|unveiled|issues|issued|introduces|introduced)\b"
)
# A lead whose verb follows an adverb: "The Library of Congress recently signed on as ...".
_ADVERB_SUBJECT = re.compile(
    r"(?:The[ ]+)?(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&)){1,8})"
    r"[ ]+(?:has[ ]+)?(?:recently|officially|formally|proudly)[ ]+"
    r"(?:signed|joined|announced|launched|released|unveiled|published|became|opened|"
    r"introduced|named|appointed|welcomed)\b"
)
_PARAGRAPHS = 12
_MIN_WORDS = 12


def today_subject(lines: list[str]) -> str | None:
    """The body the first paragraph opening "Today, X publishes ..." (or "X recently signed
    ...") names, among the first paragraphs of prose (a page's menus come before it)."""
    read = 0
    seen: set[str] = set()
    for line in lines:
        stripped = line.strip(" \t*_>")
        if len(stripped.split()) < _MIN_WORDS or stripped in seen:
            continue  # a menu's entries, repeated by a page's mobile menu, are not counted twice
        seen.add(stripped)
        read += 1
        if read > _PARAGRAPHS:
            break
        m = _TODAY_SUBJECT.match(stripped) or _ADVERB_SUBJECT.match(stripped)
        if m is not None and (
            names_body(m.group("name")) or _goes_by_initials(m.group("name"), lines)
        ):
            return m.group("name")
    return None


def _goes_by_initials(name: str, lines: list[str]) -> bool:
    """Whether the text calls *name* by its initials too ("SFC" for "Software Freedom
    Conservancy"), as a body writes of itself: a name with no body's word in it."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if len(initials) < 3 or not initials.isupper():
        return False
    return re.search(rf"\b{initials}\b", "\n".join(lines)) is not None


# A headline announcing a body itself: "Launch of the Canadian Digital Service", "Introducing
# the Open Data Institute". The release is the new body's first.
_LAUNCH_HEADLINE = re.compile(
    r"(?:Launch(?:ing)?[ ]+of|Introducing|Announcing|Welcome[ ]+to|Meet)[ ]+(?:the[ ]+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|of|and|for|the|on|&)){1,8})[ ]*[.!]?",
    re.IGNORECASE,
)
_LAUNCH_MENTIONS = 3


def launched_body(headline: str, body: str) -> str | None:
    """The body a headline announces the launch of, when the release names it again at least
    three times in all, in full or by the acronym it defines for it ("... (CDS)")."""
    m = _LAUNCH_HEADLINE.fullmatch(" ".join(headline.split()))
    if m is None:
        return None
    name = m.group("name")
    if not name[:1].isupper() or not names_body(name):
        return None
    text = body[:20_000]
    mentions = text.count(name)
    defined = re.search(rf"{re.escape(name)}[ ]+\(([A-Z][A-Za-z&]{{1,9}})\)", text)
    if defined is not None:
        mentions += len(re.findall(rf"\b{defined.group(1)}\b", text))
    return name if mentions >= _LAUNCH_MENTIONS else None


# A body speaking of itself in the release's last lines: "Par cette interpellation, la
# gendarmerie nationale démontre une nouvelle fois sa capacité à agir ...", "With this
# arrest, the Agency reaffirms its commitment to ...". What it shows is its own ("sa", "its").
_SELF_REFERENCE = re.compile(
    r"(?:^|[,;][ ]+|\.[ ]+)(?i:la|le|l['’]|les|the)[ ]?"
    r"(?P<name>[^\s,;.][^,;.]{2,80}?)[ ]+"
    r"(?i:démontre|démontrent|confirme|réaffirme|prouve|montre|"
    r"demuestra|confirma|reafirma|demonstrates|reaffirms|confirms|shows)[ ]+"
    r"(?:(?i:une[ ]+nouvelle[ ]+fois|once[ ]+again|una[ ]+vez[ ]+más|encore)[ ]+)?"
    r"(?i:sa|son|ses|its|su|sus)\b"
)
_CLOSING_LINES = 3
_CLOSING_SCAN = 40  # lines from the end: the last paragraphs are among them
_CLOSING_CHARS = 1500
_SELF_VERBS = (
    "démontr",
    "confirm",
    "réaffirm",
    "prouve",
    "montre",
    "demuestra",
    "reafirma",
    "demonstrates",
    "reaffirms",
    "shows",
)
_SELF_VERB = re.compile(f"(?i:{'|'.join(_SELF_VERBS)})")


def _has_self_verb(paragraph: str) -> bool:
    """``_SELF_VERB.search(paragraph) is not None``. In ASCII, (?i) matches a letter by its
    lower case alone (its other folds, "ſ" for "s", the Kelvin sign for "k", are beyond ASCII,
    as is the verbs' "é"): there the verbs are looked for in the lowered paragraph with
    ``in``, where the pattern, with no literal to skip to, was tried at every character."""
    if paragraph.isascii():
        lowered = paragraph.lower()
        return any(verb in lowered for verb in _SELF_VERBS)
    return _SELF_VERB.search(paragraph) is not None


def closing_self_reference(lines: list[str], organisations: tuple[str, ...]) -> str | None:
    """The organisation one of the release's last paragraphs shows to be doing its own work
    ("la gendarmerie nationale démontre ... sa capacité"), when the release lists it."""
    if not organisations:
        return None
    # Each paragraph's last characters: a text whose lines were lost is one line of megabytes.
    paragraphs = [
        line[-_CLOSING_CHARS:] for line in lines[-_CLOSING_SCAN:] if line.count(" ") >= _MIN_WORDS
    ]
    listed: dict[str, str] | None = None
    for paragraph in reversed(paragraphs[-_CLOSING_LINES:]):
        if not _has_self_verb(paragraph):
            continue  # most closing paragraphs: the pattern below is tried only where it may match
        listed = listed or {fold(o): o for o in organisations}
        for m in _SELF_REFERENCE.finditer(paragraph):
            if (found := listed.get(fold(m.group("name")))) is not None:
                return found
    return None


# A lead naming the body that made what the release is about: "Conçu et déployé par la
# direction interministérielle du numérique ... (DINSIC), FranceConnect garantit ...",
# "Developed by the Open Data Institute (ODI), the portal ...". The acronym it defines says
# a body's name, not a person's.
_MAKER_LEAD = re.compile(
    r"(?:Conçu|Développé|Créé|Réalisé|Opéré|Designed|Developed|Built|Created|Desarrollado|"
    r"Entwickelt)(?:[ ]+(?:et|and|y|und)[ ]+\w+)?[ ]+(?:par|by|por|von)[ ]+"
    r"(?:(?:la|le|les|the|el|der|die)[ ]+|l['’])?"
    r"(?P<name>[^\s,(][^,()]{2,160}?)[ ]+\((?P<acronym>[A-Z][A-Z&]{1,9})\),"
)


def maker_in_lead(lines: list[str]) -> str | None:
    """The body a release's first paragraph names as the maker of what it announces; the
    second where the first is a standfirst (a post's front-matter "chapeau-text" over it)."""
    tried = 0
    for line in lines:
        stripped = line.strip(" \t*_>")
        if len(stripped.split()) < _MIN_WORDS:
            continue
        m = _MAKER_LEAD.match(stripped)
        if m is None:
            tried += 1
            if tried == 2:
                return None
            continue
        words = re.split(r"[\s'’]+", m.group("name"))  # "d’information": its "i"
        initials = "".join(w[0] for w in words if w[:1].isalpha()).upper()
        # The acronym's letters are the name's initials, in order, some words giving none.
        if _in_order(m.group("acronym"), initials):
            return m.group("name")
        return None
    return None


def _in_order(acronym: str, initials: str) -> bool:
    at = 0
    for letter in acronym:
        at = initials.find(letter, at) + 1
        if at == 0:
            return False
    return True
