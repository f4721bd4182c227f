"""A short bulleted list over a Markdown page's heading (its date, its office, "2 min read", a
kicker such as "PRESS RELEASE"), as content extractors write pages: the heading is the title."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import is_org_word

_BULLET = re.compile(r"[ \t]*[*+-][ \t]+\S")
_BULLET_MARK = re.compile(r"^[ \t]*[*+-][ \t]+")
_MOST_ITEMS = 6
_MOST_ITEM_WORDS = 8
_LINES_LOOKED_AT = 12


def preamble_end(text: str) -> int | None:
    """Where the heading below a page's leading bullets starts, or None when the page does
    not open with a short list of short items followed, after a blank line, by a heading."""
    items = 0
    offset = 0
    blank_seen = False
    for line in text.split("\n", _LINES_LOOKED_AT)[:_LINES_LOOKED_AT]:
        stripped = line.strip()
        if not stripped:
            blank_seen = blank_seen or items > 0
        elif _BULLET.match(line) and not blank_seen:
            items += 1
            if items > _MOST_ITEMS or len(stripped.split()) > _MOST_ITEM_WORDS + 1:
                return None
        elif items and blank_seen:
            return offset
        else:
            return None
        offset += len(line) + 1
    return None


def preamble_body(preamble: str) -> str | None:
    """The body a page's leading bullets name ("* Directorate-General for Energy"), if one does."""
    for line in preamble.split("\n"):
        item = _BULLET_MARK.sub("", line).strip()
        words = item.replace("-", " ").split()
        if (
            item[:1].isupper()
            and len(words) <= _MOST_ITEM_WORDS
            and not any(ch.isdigit() for ch in item)
            and any(is_org_word(word) for word in words)
        ):
            return item
    return None
