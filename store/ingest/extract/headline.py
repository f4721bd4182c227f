"""The headline: the first real line of a release, and when a declared title is no title."""

from __future__ import annotations

import re

from store.ingest.extract.boilerplate import is_boilerplate
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
    return not _DOMAIN.fullmatch(s)


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
