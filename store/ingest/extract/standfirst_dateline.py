"""A dateline's place opening the lead under a one-sentence standfirst, below a page's date: "HARRISBURG – U.S. Attorney ..."."""

from __future__ import annotations

from store.ingest.extract.dateline import find_dateline

# justice.gov pages sometimes set a sentence over the release, under the office's line: "The
# Hazleton City Police Department received a check ... today." Then the lead opens with the
# dateline: "HARRISBURG – U.S. Attorney David J. Freed ...". The first paragraph of prose
# (as anatomy's _place_below reads it) is then the standfirst, and the place is in the second.
_LOOKAHEAD = 40
_PROSE_WORDS = 12
_STANDFIRST_WORDS = 60  # one sentence, not a paragraph of the story
_ENDS = (".", "”", '"', ")")


def place_under_standfirst(lines: list[str]) -> str | None:
    """The place in capitals opening the second paragraph of prose in *lines*, when the first
    is one sentence with no dateline; None otherwise."""
    standfirst = False
    for line in lines[:_LOOKAHEAD]:
        text = line.strip()
        words = len(text.split())
        if words < _PROSE_WORDS or not text.endswith(_ENDS):
            continue
        if not standfirst:
            if words > _STANDFIRST_WORDS or ". " in text.rstrip(".") or not text[:1].isupper():
                return None
            standfirst = True
            continue
        found = find_dateline([text], set())
        if found is None or found.location is None or found.date is not None:
            return None
        town = found.location.split(",", 1)[0]
        return found.location if town.isupper() else None  # "HARRISBURG", not "Acme Corp"
    return None
