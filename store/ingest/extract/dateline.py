"""The dateline: the place and date that open a release's first paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.extract.dates import date_from_match, search_date
from store.ingest.extract.embargo import read_embargo
from store.ingest.extract.publication_label import is_publication_label
from store.ingest.extract.vocabulary import REGION_WORDS, WEEKDAY_WORDS, word_set

_SCAN_CHARS = 3000  # the dateline is near the top; never look further
_LINE_HEAD = 300  # nor further into a line than this
_MAX_PLACE = 80

_SEPARATORS = " \t,;:–—-/(|@*_"
_WIRE = re.compile(
    r"wire|news|press|release|\bPR\b|media|\.ai\b|\.com\b|\.net\b|\bIBN\b|\bCNW\b|\bACN\b|"
    r"\bAP\b|reuters|\bAFP\b|\bDPA\b|\bEFE\b|\bKYODO\b|\bXinhua\b|\bANTARA\b|\bBERNAMA\b",
    re.IGNORECASE,
)
_TRAILING_PAREN = re.compile(r"\(([^()]{1,60})\)$")
_TRAILING_WORD = re.compile(r"(?:^|(?<=\s))([^\W\d_]+)\.?$")
_PLACE_TOKEN = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.&-]*|\([A-ZÀ-ÖØ-Þ][^()]{0,40}\)|and|et|y|e|und|of|de|del|la|le|du|"
    r"des|am|an|der|on|upon|sur|en|da|do|di|&|[A-Z]\.)[,.]?$"
)
# Sentence openers: "On May 1, 2024", "Today, May 1, 2024", "In March 2024" are no datelines.
_NOT_PLACE_START = word_set(
    """on in at as by for from with to this that these those it its today yesterday tomorrow now
    then also however meanwhile our we they he she his her their since until during after before
    when while effective starting beginning founded established launched announced last next
    each every all some more most as of through between over under about around approximately
    nearly almost and or but if so thus hence here there what which who why how dear hello hi
    published updated posted issued
    dès depuis pendant durant avant après jusqu'au jusqu’au dans pour
    desde hasta durante antes después tras seit bis vom"""
)
# (The French, Spanish and German ones: "Dès le 1er décembre 2021, les citoyens ...".)
# Words that turn "Date: 12 May 2024" into a date without a place.
# "Update, 24.12.2018: ..." atop a post: a note's date, not a place (OKF DE).
_DATE_LABELS = word_set(
    "date dated published posted updated issued released datum fecha release update "
    "aktualisierung nachtrag"
)
# Labels of an event's details: "When: 4 May 2022" gives neither the release's place nor its date.
_EVENT_LABELS = word_set(
    "when wann quand cuándo cuando where wo où dónde donde time zeit heure hora deadline frist"
)
# What the dateline place is dated with: "le 16 octobre", "el 3 de mayo", "den 3. Mai".
_DATE_ARTICLES = word_set("le el den am")
# A place after the date: "(NewMediaWire) - October 24, 2024 - DALLAS — New research ..."
_PLACE_AFTER = re.compile(
    r"([A-Z][\w.'’]*(?:,?[ \t][A-Z][\w.'’]*){0,4})(?:[ \t]*(?:--|[–—-])[ \t]|,[ \t]*(?=[A-Z][a-z]{2,8}\.?[ \t]\d))"
)
_LEADING_WIRE = re.compile(r"[ \t]*\([^()]{1,40}\)[ \t]*")
# A place set in capitals, then a dash: "LONDON -- Acme today ...", with no date.
_UNDATED_PLACE = re.compile(
    # A hyphen inside the name ("WILKES-BARRE"), not the dash glued to it ("WASHINGTON-- A").
    r"([A-Z](?:[A-Z.'’]|-(?=[A-Z]))+(?:[ ,]{1,2}[A-Z][A-Za-z.'’-]*){0,4})\s{0,3}(?:--|–|—|-)\s"
)
# A place in ordinary case, one word, glued to a double dash or an em dash: "Washington--
# A representative from ..." (U.S. Senate pages scraped as text). Not a single hyphen
# ("Washington-based"), not a label ("Update -- ..."): the word must read as a place.
_UNDATED_WORD_PLACE = re.compile(r"([A-Z][a-z]{3,})(?:--|—)[ ]+(?=(?:A|An|The|[A-Z][a-z]+)[ ])")

# A place in brackets, then a dash or a colon: "(Dallas, Texas) –On Thursday, ...". A city and
# its region, with a comma: a wire's or a publisher's name in brackets ("(BookTrib) -") is no place.
_PAREN_PLACE = re.compile(r"\(([A-ZÀ-Þ][^(),\n]{1,40},[ ][^(),\n]{2,30})\)[ \t]*(?:--|[–—-]|:)")

# A place in ordinary case, then a dash, with no date: "Washington, D.C. — Today, ...". Only
# "City, Region" with a known region: "Acme Corp — the leader in ..." is no dateline.
_UNDATED_CITY_REGION = re.compile(
    r"([A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}),[ \t]+([A-Z][\w.'’]*(?:[ ][A-Z][\w.'’]*){0,2})"
    r"[ \t]*(?:--|–|—|[ \t]-)[ \t]"
)


def _city_region(line: str) -> str | None:
    m = _UNDATED_CITY_REGION.match(line)
    if m is None or not all(word.lower() in REGION_WORDS for word in m.group(2).split()):
        return None
    place = f"{m.group(1)}, {m.group(2)}"
    return place if _is_place(place) else None


@dataclass(frozen=True, slots=True)
class Dateline:
    location: str | None
    date: str | None
    line_index: int


def _strip_tags(prefix: str) -> tuple[str, bool]:
    """Remove wire tags, weekdays and separators from the end of a place; report if any went."""
    s = prefix.rstrip(_SEPARATORS)
    tagged = len(s) != len(prefix.rstrip())
    for _ in range(6):
        before = s
        paren = _TRAILING_PAREN.search(s)
        if paren and _WIRE.search(paren.group(1)):
            s = s[: paren.start()].rstrip(_SEPARATORS)
        word = _TRAILING_WORD.search(s)
        if word and word.group(1).lower() in WEEKDAY_WORDS | _DATE_ARTICLES:
            s = s[: word.start()].rstrip(_SEPARATORS)
        for sep in ("/", " - ", " – ", " — ", " -- ", "--", "- "):
            cut = s.rfind(sep)
            if cut > 0 and _WIRE.search(s[cut + len(sep) :]) and len(s) - cut < 60:
                s = s[:cut].rstrip(_SEPARATORS)
                break
        if s == before:
            break
        tagged = True
    return s, tagged


# A place in brackets after the date, then a full stop, a comma or a dash.
_BRACKETED_PLACE_AFTER = re.compile(r"\(([^()\n]{2,40})\)[ \t]*(?:--|[.,:;–—-])")


def _place_after(head: str, end: int) -> str | None:
    """A place written after the date, when none came before it."""
    rest = head[end : end + 120].lstrip(" \t,;:–—-/|")
    bracketed = _BRACKETED_PLACE_AFTER.match(rest)
    if bracketed:
        # "June 30, 2004, (Mountain View, CA). The ...", "February 9, 2004 (the Internet) - "
        place = bracketed.group(1).strip()
        bare = place[4:] if place[:4].lower() == "the " else place
        if _is_place(bare) and not _WIRE.search(place) and not search_date(place):
            return " ".join(place.split())
    wire = _LEADING_WIRE.match(rest)
    if wire and _WIRE.search(wire.group(0)):
        rest = rest[wire.end() :].lstrip(" \t,;:–—-/|")
    m = _PLACE_AFTER.match(rest)
    if m and _is_place(m.group(1)) and not search_date(m.group(1)):
        return " ".join(m.group(1).split())
    return None


def is_place(place: str) -> bool:
    """Could *place* be a dateline's place ("Brussels", "SAN FRANCISCO, Calif.")?"""
    return _is_place(place)


def _is_place(place: str) -> bool:
    if not place or len(place) > _MAX_PLACE or not place[0].isupper():
        return False
    tokens = place.replace(" ,", ",").split()
    if len(tokens) > 10 or tokens[0].lower().strip(",.") in _NOT_PLACE_START:
        return False
    return all(_PLACE_TOKEN.match(token) for token in tokens)


def _read_line(line: str) -> tuple[str | None, str] | None:
    """(location, ISO date) if *line* opens with a dateline, else ``None``."""
    head = line[:_LINE_HEAD]
    m = search_date(head)
    if m is None:
        return None
    date = date_from_match(m)
    if date is None:
        return None
    prefix = head[: m.start()].lstrip(" \t*_>#-–—•")
    if not prefix.strip(_SEPARATORS):
        rest = head[m.end() :].lstrip()
        # A date alone, or followed by a separator: "June 23, 2021 – Acme today ..."
        if not rest or rest[0] in ",;:–—-/(|@" or (m.start() < 3 and len(head) < 60):
            return _place_after(head, m.end()), date
        return None
    place, tagged = _strip_tags(prefix)
    if place.startswith("(") and place.endswith(")"):
        place = place[1:-1].strip()  # "(Dallas, Texas) – May 4, 2019 – ..."
    if not place:
        return (_place_after(head, m.end()), date) if tagged else None
    labels = place.lower().replace(":", " ").split()
    if labels and all(label.rstrip(".,") in _DATE_LABELS for label in labels):
        return None, date  # "Posted:", and a page that doubled it: "Posted: Posted:"
    if is_publication_label(place):
        return None, date  # "Publié le 14 mai 2025", "Publication : 06 mars 2026"
    if place.lower().rstrip(":.") in _EVENT_LABELS:
        return None
    if not tagged or not _is_place(place):
        return None
    return " ".join(place.replace(" ,", ",").split()), date


def find_dateline(lines: list[str], skip: set[int]) -> Dateline | None:
    """The first dateline among the top *lines* (by index, ``skip`` left out)."""
    budget = _SCAN_CHARS
    undated: Dateline | None = None
    first_line = True  # an undated place counts only where the first paragraph starts
    for index, line in enumerate(lines):
        if budget <= 0:
            break
        budget -= len(line) + 1
        if index in skip or not line.strip() or read_embargo(line.strip()):
            continue
        found = _read_line(line)
        if found is not None:
            return Dateline(found[0], found[1], index)
        if first_line:
            first_line = False
            opening = line.lstrip(" \t*_>")
            m = _UNDATED_PLACE.match(opening)
            paren = _PAREN_PLACE.match(opening)
            if paren and _is_place(paren.group(1)) and not _WIRE.search(paren.group(1)):
                undated = Dateline(" ".join(paren.group(1).split()), None, index)
            elif m and _is_place(m.group(1).rstrip(", ")) and len(m.group(1)) >= 3:
                undated = Dateline(" ".join(m.group(1).rstrip(", ").split()), None, index)
            elif (
                (word := _UNDATED_WORD_PLACE.match(opening)) is not None
                and _is_place(word.group(1))
                and word.group(1).lower() not in _NOT_WORD_PLACES
            ):
                undated = Dateline(word.group(1), None, index)
            elif place := (
                (_city_region(opening) if opening[:1].isupper() else None)
                or (_bold_place(line) if line.lstrip(" \t>")[:2] in ("**", "__") else None)
            ):
                undated = Dateline(place, None, index)
    return undated


# A place set in bold, then the first sentence, with no dash: "**WALPOLE, MA** The Tor ...".
_BOLD_PLACE = re.compile(
    r"[ \t>]*(\*\*|__)(?P<place>[A-ZÀ-Þ][^*_\n]{1,60}?)[ \t,]*\1[ \t]*(?:(?:--|[–—-]|:)[ \t]*)?"
    r"(?=[A-ZÀ-Þ\"“‘'])"
)


def _bold_place(line: str) -> str | None:
    """The place of a bold undashed dateline, a city and its region: in capitals ("WALPOLE,
    MA") or with a known region ("Walpole, Massachusetts"). A bold lead-in ("**Update:**",
    "**IMPORTANT**") is none."""
    m = _BOLD_PLACE.match(line)
    if m is None:
        return None
    place = " ".join(m.group("place").split())
    if _WIRE.search(place) or not _is_place(place):
        return None
    city, _, region = place.partition(",")
    words = region.split()
    if city.isupper() and words and region.isupper():
        return place
    return place if words and all(w.lower().strip(".") in REGION_WORDS for w in words) else None


# A dateline that lost its dash (or all its punctuation): "WASHINGTON, D.C.  Representatives
# from ...", "Washington D C The Wyoming delegation ...", or the place alone on its line above
# the first paragraph ("WASHINGTON  D C"). Only a place in capitals, or a city with a known
# region after it, counts: an ordinary sentence never opens with either.
_REGION_AFTER = r"(?:[ \t]*,?[ \t]{1,3}(?P<region>D\.?[ \t]?C\.?|[A-Z][A-Za-z.]{1,13}(?:[ \t][A-Z][A-Za-z.]{1,12})?))?"
_CAPS_PLACE = re.compile(
    r"(?P<city>[A-Z][A-Z'’.-]{3,}(?:[ \t][A-Z][A-Z'’.-]{2,}){0,2})"
    + _REGION_AFTER
    + r"(?=[ \t,;:–—-]|$)"
)
_CITY_PLACE = re.compile(
    r"(?P<city>[A-Z][a-z'’.-]{2,}(?:[ \t][A-Z][a-z'’.-]{2,}){0,2})"
    + _REGION_AFTER
    + r"(?=[ \t,;:–—-]|$)"
)
# A country is no dateline's region here: "WASHINGTON U S Senator ..." is the start of a title.
_NOT_REGION_AFTER = word_set("us u.s. usa u.s.a. uk u.k.")
_UNDASHED_SCAN = 8
# Words glued to a dash at a paragraph's start that are no place: a note's or a section's label.
_NOT_WORD_PLACES = (
    _DATE_LABELS
    | _EVENT_LABELS
    | WEEKDAY_WORDS
    | word_set(
        """note notes summary background editor editors update breaking exclusive photo photos
        video audio correction clarification statement important reminder attention advisory
        warning disclaimer source sources contact contacts media press"""
    )
)


def _region(value: str | None) -> str | None:
    if not value:
        return None
    folded = " ".join(value.lower().split())
    if folded.replace(" ", "").replace(".", "") == "dc":
        return value
    if folded in _NOT_REGION_AFTER:
        return None
    return value if all(w in REGION_WORDS for w in folded.split()) else None


def _opens_prose(rest: str, within: int = 6) -> bool:
    """Whether *rest* reads as a sentence's start: a lower-case word among its first words."""
    return any(w[:1].islower() for w in rest.split()[:within])


# An article opening a sentence: a name in capitals is not followed by one.
_ARTICLE_OPENS = re.compile(r"(?:A|An|The)[ \t]+[A-Za-z]")


def _is_prose(line: str) -> bool:
    """A paragraph of sentences, not a headline in capitals or title case."""
    words = line.split()
    return sum(1 for w in words if w[:1].islower()) >= 0.3 * len(words)


# A place in capitals set off by a dash, whatever follows: "WASHINGTON, DC--Privacy and ...",
# "**WASHINGTON, DC**--David Medine, who ...".
_DASHED_CAPS = re.compile(r"[*_]*[A-Z][A-Z.' ]{3,}(?:,[ ][A-Z][A-Za-z. ]{1,13})?[*_]*(?:--|[–—])")
# A short label in capitals with a column's gap after it, as a PDF's sidebar comes out.
_LABEL_BESIDE = re.compile(r"[A-Z]{2,}[ \t]{4}")


def _undashed_place(line: str, whole_line: bool) -> str | None:
    text = line.strip(" \t*_>")
    if "*" in text[:60]:
        text = re.sub(r"^([A-Z][A-Z.,' ]{3,})\*\*", r"\1", text)  # "WASHINGTON, DC**--David"
    for pattern in (_CAPS_PLACE, _CITY_PLACE):
        m = pattern.match(text)
        if m is None:
            continue
        region = _region(m.group("region"))
        end = m.end() if region else m.end("city")
        if region is None and m.group("region") and " " in m.group("region"):
            # "WALPOLE, MA The Tor Project ...": the region is the first word, not two.
            first = m.group("region").split()[0]
            if _region(first) and first.isupper() and pattern is _CAPS_PLACE:
                region = first
                end = m.start("region") + len(first)
        city = m.group("city")
        if pattern is _CITY_PLACE and region is None:
            continue  # "Washington" alone in ordinary case opens sentences too
        if city.split()[0].lower().strip(".") in _NOT_PLACE_START | WEEKDAY_WORDS:
            continue
        if text[end : end + 4] == "    ":
            continue  # a column's gap in text from a PDF: a label beside the text, no dateline
        rest = text[end:].strip(" \t,;:–—-")
        if whole_line:
            if rest:
                continue
        elif not _opens_prose(rest, 10 if region else 6):
            continue  # a city with its region may be followed by a long name ("U.S. Senator ...")
        elif (
            region is None
            and not re.match(r"[ \t]{2}|[ \t]*(?:--|[–—])", text[end:])
            and not (
                pattern is _CAPS_PLACE
                and _ARTICLE_OPENS.match(rest)
                and not line.lstrip().startswith(("*", "_"))  # "**IMPORTANT** The ...": a lead-in
            )
        ):
            # "ACME launches ...": a name in capitals, unless a lost dash set it apart, or
            # an article opens the sentence after it ("WASHINGTON A Louisiana man was ...").
            continue
        place = _place_read(text, m, end, region)
        if place is not None:
            return place
    return None


def _place_read(text: str, m: re.Match[str], end: int, region: str | None) -> str | None:
    """The place a match of a city (and *region*) reads as, up to *end*: "CITY, Region" when a
    comma parts them; None when that is no place (a date, a wire service's name)."""
    comma = "," in text[m.end("city") : end]
    city = m.group("city")
    place = city + (f", {region}" if region and comma else f" {region}" if region else "")
    place = " ".join(place.split())
    if _is_place(place) and not search_date(place) and not _WIRE.search(place):
        return place
    return None


# A gap a lost line break or dash left after a place: "WASHINGTON   U S Senator ...".
_GAP = re.compile(r"[ \t]{2,}|[ \t]*(?:--|[–—])|[ \t]*$")
_WIDE_GAP = re.compile(r"[ \t]{3,}|[ \t]*(?:--|[–—])|[ \t]*$")


def place_at_start(text: str) -> str | None:
    """The place that opens *text* where a dateline stands in a page scraped as text (after a
    kicker, a date or a contact line): a city in capitals ended by a gap ("WASHINGTON   U S
    Senator ..."), a city with its region ("Washington  D C  Today ..."), or a city in ordinary
    case ended by a wide gap ("Washington    Senator Kent Conrad ...")."""
    for pattern in (_CAPS_PLACE, _CITY_PLACE):
        m = pattern.match(text)
        if m is None:
            continue
        city = m.group("city")
        if city.split()[0].lower().strip(".") in _NOT_PLACE_START | WEEKDAY_WORDS:
            return None
        region = _region(m.group("region"))
        if region is not None:
            end = m.end()
        elif (_GAP if pattern is _CAPS_PLACE else _WIDE_GAP).match(text, m.end("city")):
            end = m.end("city")
        else:
            continue
        return _place_read(text, m, end, region)
    return None


def whole_place(text: str) -> str | None:
    """*text* as a dateline's place if it is one and nothing else ("WASHINGTON  D C")."""
    return _undashed_place(text, whole_line=True)


def undashed_dateline(lines: list[str]) -> tuple[str, int, str | None] | None:
    """(place, line index, ISO date or None) of a dateline written without its dash, among
    the first lines: the place alone on its line above the first paragraph, after a date
    ("Thursday  February 01  2007  WASHINGTON  D C"), or opening the first paragraph."""
    seen = 0
    previous: tuple[int, str] | None = None  # a short line that may be the place alone
    date_only: str | None = None
    label_column = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _UNDASHED_SCAN:
            break
        words = len(stripped.split())
        dated = search_date(stripped)
        if dated is not None:
            after = stripped[dated.end() :].strip(" \t,;:–—-")
            place = _undashed_place(after, whole_line=True) if after else None
            if place is None and after:
                place = _undashed_place(after, whole_line=False)
            if place is not None:
                return place, index, date_from_match(dated)
        if _DASHED_CAPS.match(stripped) and (place := _undashed_place(stripped, False)):
            return place, index, date_only  # "WASHINGTON, DC--Privacy and Civil ...": no date
        if words >= 8 and (_is_prose(stripped) or _is_prose(_paragraph(lines, index))):
            if _LABEL_BESIDE.match(stripped):
                return None  # "MEMBERS      The Board ...": a letterhead's column, no dateline
            # The first paragraph: the dateline opens it or stands alone just above it.
            place = _undashed_place(stripped, whole_line=False) or _inner_place(stripped)
            if place is not None:
                return place, index, date_only
            if previous is not None:
                return previous[1], previous[0], date_only
            return None
        if (
            dated is not None
            and date_only is None
            and len(stripped) - (dated.end() - dated.start()) < 30
        ):
            date_only = date_from_match(dated)  # "Friday  June 9  2006" above the first paragraph
        previous = None
        if words <= 5 and dated is None and not label_column:
            place = _undashed_place(stripped, whole_line=True)
            previous = (index, place) if place is not None else None
        # A column of short labels in capitals ("BOARD" / "MEMBERS" beside a letter's text)
        # holds no dateline.
        label_column = words <= 2 and dated is None and stripped.isupper()
    return None


# Scraped text that runs a subtitle on into the dateline, runs of spaces between: "... about
# federal agencies  WASHINGTON, D.C.  Representatives from ...".
_INNER_CAPS = re.compile(r"[ \t]{2,}(?=[A-Z]{4,}[A-Z .,']{0,20}[ \t]{2,}[A-Z])")


def _inner_place(line: str) -> str | None:
    """A dateline in capitals, with its region, set apart by runs of spaces after a
    subtitle that opens the line, and before the first paragraph."""
    found = _INNER_CAPS.search(line, 0, _LINE_HEAD)
    if found is None or _SENTENCE_STOP.search(line, 0, found.start()):
        return None  # after a sentence, capitals are a name in the text, not a dateline
    rest = line[found.end() :]
    m = _CAPS_PLACE.match(rest)
    if m is None or _region(m.group("region")) is None:
        return None
    return _undashed_place(rest, whole_line=False)


_SENTENCE_STOP = re.compile(r"[a-z]{2}[.!?][ \t]")


def _paragraph(lines: list[str], index: int) -> str:
    """The line at *index* with the lines that go on with its paragraph (a few at most): a
    first line of many names ("WALPOLE, MA The Tor Project and Printfection launch The Tor")
    is prose by what follows it."""
    parts = [lines[index]]
    for line in lines[index + 1 : index + 4]:
        if not line.strip():
            break
        parts.append(line)
    return " ".join(parts)


def undashed_rest(line: str) -> str:
    """*line* without the dateline that opens it, if one does (with or without its dash)."""
    place = _undashed_place(line, whole_line=False)
    if place is None:
        return line
    text = line.strip(" \t*_>")
    words = len(place.replace(",", " ").split())
    parts = text.split()
    return " ".join(parts[words:]).lstrip(",;:–—- ") if len(parts) > words else text
