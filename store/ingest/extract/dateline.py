"""The dateline: the place and date that open a release's first paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.extract.dates import date_from_match, search_date
from store.ingest.extract.embargo import read_embargo
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
    published updated posted issued"""
)
# Words that turn "Date: 12 May 2024" into a date without a place.
_DATE_LABELS = word_set("date dated published posted updated issued released datum fecha release")
# What the dateline place is dated with: "le 16 octobre", "el 3 de mayo", "den 3. Mai".
_DATE_ARTICLES = word_set("le el den am")
# A place after the date: "(NewMediaWire) - October 24, 2024 - DALLAS — New research ..."
_PLACE_AFTER = re.compile(
    r"([A-Z][\w.'’]*(?:,?[ \t][A-Z][\w.'’]*){0,4})(?:[ \t]*(?:--|[–—-])[ \t]|,[ \t]*(?=[A-Z][a-z]{2,8}\.?[ \t]\d))"
)
_LEADING_WIRE = re.compile(r"[ \t]*\([^()]{1,40}\)[ \t]*")
# A place set in capitals, then a dash: "LONDON -- Acme today ...", with no date.
_UNDATED_PLACE = re.compile(
    r"([A-Z][A-Z.'’-]+(?:[ ,]{1,2}[A-Z][A-Za-z.'’-]*){0,4})\s{0,3}(?:--|–|—|-)\s"
)

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


def _place_after(head: str, end: int) -> str | None:
    """A place written after the date, when none came before it."""
    rest = head[end : end + 120].lstrip(" \t,;:–—-/|")
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
    if not place:
        return (_place_after(head, m.end()), date) if tagged else None
    if place.lower().rstrip(":.") in _DATE_LABELS:
        return None, date
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
            if m and _is_place(m.group(1).rstrip(", ")) and len(m.group(1)) >= 3:
                undated = Dateline(" ".join(m.group(1).rstrip(", ").split()), None, index)
            elif opening[:1].isupper() and (place := _city_region(opening)):
                undated = Dateline(place, None, index)
    return undated
