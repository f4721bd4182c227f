"""People listed by a committee's vote: "Voting for the action were Jane A. Doe, Chair; John Roe; and Ann Poe."."""

from __future__ import annotations

import re

from store.records import Person
from store.sanitize import fold

# The Federal Reserve's statements name the FOMC's voters so, one after another, each with
# their role after a comma and separated by semicolons; a dissent is "Voting against this
# action was Name, who preferred ...".
_CUE = re.compile(
    r"\b(?:Voting (?:for|against)|Present|Attending)\b[^.;\n]{0,80}?\b(?:were|was)\b:?[ \t]+"
)
_NAME = re.compile(r"[A-Z][a-z'’-]+(?: (?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}")
# Where the list ends: a full stop after a word of two letters or more (not an initial).
_END = re.compile(r"(?<=[a-z]{2})\.(?=\s|$)|\n")
_MOST_CHARS = 1200


def voters(text: str) -> list[Person]:
    """The people *text* names in a vote's list of members, in order, each with the role
    written after their name ("Chair"), or none."""
    people: list[Person] = []
    if "Voting" not in text and "Present" not in text and "Attending" not in text:
        return people  # the cheap test: nearly every release leaves here
    for cue in _CUE.finditer(text):
        rest = text[cue.end() : cue.end() + _MOST_CHARS]
        end = _END.search(rest)
        items = rest[: end.start() if end else len(rest)].split(";")
        for item in items:
            item = item.strip().removeprefix("and ").strip()
            name, _, role = item.partition(",")
            name = name.strip()
            if _NAME.fullmatch(name) is None:
                break  # not a list of names: a sentence goes on
            role = role.strip()
            people.append(Person(name=name, role=role if role and len(role) < 40 else None))
    return people


def merge_people(people: tuple[Person, ...], more: list[Person]) -> tuple[Person, ...]:
    """*people* and then those of *more* not among them, each name once."""
    seen = {fold(p.name) for p in people}
    added = []
    for person in more:
        if fold(person.name) not in seen:
            seen.add(fold(person.name))
            added.append(person)
    return (*people, *added)
