"""The headline: the first real line of a release, and when a declared title is no title."""

from __future__ import annotations

import re

from store.ingest.extract.boilerplate import is_boilerplate
from store.ingest.extract.dateline import is_place
from store.ingest.extract.dates import search_date
from store.ingest.extract.kicker import read_kicker
from store.sanitize import clean_line

MAX_HEADLINE = 400
_FALLBACK = 200
_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"’])[.!?](?=\s+[A-Z“\"‘(]|\s*$)")
_PLACEHOLDER = re.compile(
    r"(?:home|homepage|news|newsroom|press|press releases?|news releases?|media|media centre|"
    r"media center|untitled|untitled document|index|document|welcome|page|article|blog|"
    r"pressemitteilungen|communiqués?|noticias|actualités|news & media|news and events)",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?", re.IGNORECASE)
_CONTACTISH = re.compile(r"(?:media\s+)?contacts?\s*:|e-?mail\s*:|tel\.?\s*:|phone\s*:", re.I)


# A page's text scraped with its punctuation stripped runs the headline on into what follows
# it: the date and dateline ("Port visit will honor ... Festival May 3  2007 Washington  DC"),
# the first paragraph after a run of spaces, or a dateline with its dash ("... Perry County
# Washington-- A representative ..."). A line longer than this is no headline alone.
_RUN_ON = 150
_SPACES = re.compile(r"[ \t]{3,}")
# "10 31 2005   Levin Statement ...": a date in figures, its separators stripped, first.
FIGURES_DATE = re.compile(r"[01]?\d[ /.-][0-3]?\d[ /.-](?:19|20)\d\d")
_LEAD_FIGURES = re.compile(FIGURES_DATE.pattern + r"(?=[ \t]{2,}\S)")
# " Washington-- A representative", " WASHINGTON, D.C. - Today": a dateline's dash inside a
# line, after a word and before a capital.
_INNER_DASH = re.compile(r"(?<=[A-Za-z.])[ ]?(?:--|[–—]|[ ]-)[ \t]?(?=[A-Z])")
_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def split_run_on(line: str) -> tuple[str, str] | None:
    """(headline, rest) when *line* runs a headline on into a date, a dateline or the first
    paragraph; ``None`` for a line that is one thing. A date that opens the line is the
    *headline* part's own line: ("December 21  2007", "Statement of ...")."""
    s = line.strip()
    if len(s) < 20:
        return None
    lead = _LEAD_FIGURES.match(s) or search_date(s, 0, 40)
    if lead is not None and lead.start() == 0:
        rest = s[lead.end() :].strip(" \t,;:-–—")
        title = _SPACES.split(rest, 1)[0]  # what follows a run of spaces is split off next
        if (
            len(title.split()) >= 3
            and rest[:1].isupper()
            and len(title) <= _RUN_ON
            and not _SENTENCE_END.search(title)
        ):
            return s[: lead.end()], rest
        return None
    date = search_date(s, 15, _RUN_ON + 100)  # a headline is never longer
    if date is not None:
        head = s[: date.start()].rstrip(" \t,;:-–—")
        words = head.split()
        if words and words[-1].lower().strip(",.") in _WEEKDAYS:
            head = " ".join(words[:-1])
            words = words[:-1]
        rest = s[date.end() :].strip()
        if (
            len(words) >= 3
            and not head.endswith(",")
            and rest[:1].isupper()
            and (len(s) > _RUN_ON or _PLACE_START.match(rest))
        ):
            return head, s[len(s) - len(s[len(head) :].lstrip()) :]
    if len(s) <= _RUN_ON:
        return None
    spaces = _SPACES.search(s, 15, _RUN_ON)
    cut = spaces.start() if spaces else _RUN_ON
    dash = _INNER_DASH.search(s, 15, cut)
    if dash is not None and (place := _place_before(s, dash.start())) is not None:
        cut = place
    elif spaces is None:
        return None
    head = s[:cut].rstrip(" \t,;:-–—")
    if len(head.split()) < 3 or _SENTENCE_END.search(head):
        return None
    return head, s[cut:].strip()


def _place_before(s: str, end: int) -> int | None:
    """Where the dateline place that ends at *end* starts: its last word, with the words a
    comma joins to it ("Washington, D.C.") or, in capitals, the capitals before it."""
    words = s[:end].split(" ")
    if not words or not words[-1][:1].isupper():
        return None
    n = 1
    upper = words[-1].isupper()
    while n < min(len(words), 4):
        before = words[-n - 1]
        if not before:
            break
        if before.endswith(",") or (upper and before.isupper() and before.isalpha()):
            n += 1
            continue
        break
    place = " ".join(words[-n:])
    start = end - len(place)
    if start < 15 or not is_place(place.rstrip(",")):
        return None
    return start


# A place in capitals or title case after a date: "Washington  DC", "WASHINGTON".
_PLACE_START = re.compile(r"(?:[A-Z][A-Za-z.]+)(?:[ ,]{1,3}[A-Z][A-Za-z.]*){0,3}(?:[ \t]|$)")


# A credit run on after a headline where a scraped page lost its line break or dash (a run of
# two spaces or more): "HAWAII TO RECEIVE ... RECOVERY  SENATORS INOUYE AND AKAKA ANNOUNCE".
_CREDIT = re.compile(
    r"[ \t]{2,}(?:U\.?[ ]?S\.?[ ]+)?(?i:senators?|sens?\.?|representatives?|reps?\.|"
    r"congress(?:wo)?man|congresswoman)[ ]+[A-Za-z][A-Za-z .'’-]{1,80}?[ ]+"
    r"(?i:announce|announces|announced|say|says|said)[ \t.]*$"
)


def without_credit(line: str) -> str:
    """*line* without the credit a scraped page ran on after its headline ("...  SENATORS
    INOUYE AND AKAKA ANNOUNCE"); the line itself when it has none, or is only that."""
    m = _CREDIT.search(line)
    if m is None or len(line[: m.start()].split()) < 4:
        return line
    return line[: m.start()]


def is_headline_line(line: str) -> bool:
    """Could *line* be a headline? Not a marker, footer, date, address or contact line."""
    s = line.strip().lstrip("#").strip().strip("*_").strip()
    if not s or not _WORD.search(s) or len(s) > MAX_HEADLINE:
        return False
    if read_kicker(s) or is_boilerplate(s) or _CONTACTISH.match(s):
        return False
    date = search_date(s, 0, 120)
    if date and len(s) - (date.end() - date.start()) < 12:
        return False  # a date line: "June 23, 2021", "Tuesday, April 14, 2015"
    if is_fragment(s):
        return False  # a site's control or a fragment: "Filter by", "Browse by", "of"
    return not _DOMAIN.fullmatch(s)


def is_fragment(line: str) -> bool:
    """A short line ending in a word no title ends with: a page's control ("Filter by",
    "Browse by") or a fragment of a letterhead ("of")."""
    s = line.strip()
    return 0 < len(s) < 30 and s.rsplit(None, 1)[-1].lower() in _LOOSE_END


# Words no title ends with: a short line ending in one is a page's control or a fragment.
_LOOSE_END = frozenset(
    {"by", "of", "the", "and", "or", "to", "for", "in", "on", "at", "with", "from", "a", "an"}
)


def strip_heading(line: str) -> str:
    """A Markdown heading or emphasis line reduced to its words: "# Title" -> "Title"."""
    s = line.strip()
    if s.startswith("#"):
        s = s.lstrip("#").strip()
    if len(s) > 4 and s[:2] in ("**", "__") and s[-2:] == s[:2]:
        s = s[2:-2].strip()
    return s


def is_placeholder_title(title: str) -> bool:
    """A declared title that is no headline: empty, a site or section name, a bare domain."""
    s = title.strip(" \t|-–—:")
    if not s or not _WORD.search(s):
        return True
    return bool(_PLACEHOLDER.fullmatch(s) or _DOMAIN.fullmatch(s) or read_kicker(s))


def first_sentence(text: str) -> str:
    """The first sentence of *text*, cut at a word to at most a couple of hundred characters."""
    head = clean_line(text[:2000])
    m = _SENTENCE_END.search(head, 0, _FALLBACK + 1)
    if m:
        return head[: m.end() - 1]
    if len(head) <= _FALLBACK:
        return head
    cut = head.rfind(" ", 0, _FALLBACK)
    return (head[:cut] if cut > 40 else head[:_FALLBACK]).rstrip(" ,;:") + "…"
