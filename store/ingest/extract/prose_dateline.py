"""A dateline's place opening the prose under a page's date, its dash glued, unspaced or mis-encoded."""

from __future__ import annotations

import re

# justice.gov pages saved as text give the date on a line of its own and open the release
# with its place and a dash that a CMS or a conversion mangled: "Seattle –A 42-year-old ...",
# "PORTLAND, Ore.—A federal jury ...", "NEWARK, N.J. B A New York man ..." (an en dash read
# in the wrong code page), or plain "Tacoma – A ..." with another date later in the line.
# Letters beyond ASCII too: "Hagåtña, Guam –", "Bogotá, Colombia –".
_TOWN_WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’.-])+"
_REGION_WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|\.)+"
_PLACE = (
    rf"(?P<place>{_TOWN_WORD}(?: {_TOWN_WORD}){{0,2}}"
    rf"(?:, {_REGION_WORD}(?: {_REGION_WORD})?)?)"
)
_OPENING = re.compile(_PLACE + r"(?: ?[–—]| -{1,2}| B ) ?(?=[A-Z0-9“\"])")
# The paragraph looked for: the first of prose below the date (as anatomy's _place_below).
_LOOKAHEAD = 40
_PROSE_WORDS = 12
# Words that open a sentence or a heading, never a town.
_NOT_PLACES = frozenset(
    {"update", "today", "note", "editor", "editors", "photo", "video", "the", "a", "an", "this"}
)


def place_opening_prose(lines: list[str]) -> str | None:
    """The place of a dateline opening the first paragraph of prose in *lines*, or None."""
    for line in lines[:_LOOKAHEAD]:
        text = line.strip()
        if len(text.split()) < _PROSE_WORDS or not text.endswith((".", "”", '"', ")")):
            continue
        if not text[:1].isupper():
            return None  # the cheap test: prose that opens with no capital has no dateline
        found = _OPENING.match(text[:80])
        if found is None:
            return None
        place = found.group("place")
        if place.split()[0].casefold() in _NOT_PLACES:
            return None
        return place.rstrip(",")
    return None
