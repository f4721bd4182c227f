"""People named with a nickname in quotes between their names: Thomas "Tommy" Pigott, Spokesperson."""

from __future__ import annotations

import re
from collections.abc import Iterable

from store.ingest.extract.people import find_people
from store.records import Person
from store.sanitize import fold

# A given name, a middle initial or not, a capitalised nickname in straight or curly quotes, a
# surname (hyphenated, or of two words): "Robert W. “Wes” Wheeler", "Rebecca “Becky” Wuest
# Creavin". The capitalised-run reader stops at the quote, so that neither half is a name there.
_NICKNAMED = re.compile(
    r"(?<![\w’'.-])([A-Z][a-z]+(?:[ \t][A-Z]\.)?)[ \t]+"
    r"([\"“][A-Z][a-z]+[\"”])[ \t]+"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ \t][A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)(?![\w’'-])"
)
# Around the name, what the people reader needs to see a cue: "said ...", ", CEO of ...".
_BEFORE = 120
_AFTER = 160
_MAX_PEOPLE = 20


def nicknamed_people(text: str, named: Iterable[str] = ()) -> list[Person]:
    """People written First "Nickname" Last, as written, each once.

    The shape alone does not make a person ("Typical “Triple” Drilling Rig", "Egg “Muffin”
    Cups"): the name without its nickname must be one the people reader finds in the words
    around it, by an honorific, a role, a quote or the name's own shape. A person already
    *named* without the nickname ("Anthony Pompliano") is not listed twice."""
    known = {fold(name) for name in named}
    found: dict[str, Person] = {}
    for m in _NICKNAMED.finditer(text):
        given, nickname, surname = m.group(1), m.group(2), m.group(3)
        plain = f"{given} {surname}"
        window = (
            text[max(0, m.start() - _BEFORE) : m.start()] + plain + text[m.end() : m.end() + _AFTER]
        )
        whole = fold(plain)
        for person in find_people(window):
            name = fold(person.name)
            if name in known:
                break
            if name == whole or (
                whole.startswith(name + " ") and name.startswith(fold(given) + " ")
            ):
                written = f"{given} {nickname} {person.name[len(given) + 1 :]}"
                found.setdefault(fold(written), Person(written, person.role))
                break
        if len(found) >= _MAX_PEOPLE:
            break
    return list(found.values())
