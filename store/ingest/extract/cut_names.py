"""A name cut right after an initial ("Rosetta L." of "Rosetta L. San Nicolas") names no one whole, and is left out."""

from __future__ import annotations

import re

from store.records import Person

# Names are read as runs of capitalised words; a surname that opens with a word kept out of
# names ("San Nicolas", "St. John") ends the run after the middle initial. What is left is a
# given name and an initial: no one named in full (SOURCES.md: people are named with at least
# a given name and a surname), and never the whole name the release writes.
_ENDS_WITH_INITIAL = re.compile(r"[ \t][A-Z]\.?$")


def whole_people(people: tuple[Person, ...]) -> tuple[Person, ...]:
    """*people* less the names that end with an initial."""
    if not any(_ENDS_WITH_INITIAL.search(p.name) for p in people):
        return people
    return tuple(p for p in people if _ENDS_WITH_INITIAL.search(p.name) is None)
