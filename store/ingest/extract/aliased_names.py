"""People named with an alias, as prosecutors name defendants: "Brandon Arias (a/k/a “The Drug Llama”)", "Kevin Swing, a/k/a “Tone,”"."""

from __future__ import annotations

import re

from store.ingest.extract.name_letters import LOWER, UPPER
from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS
from store.records import Person
from store.sanitize import fold

# An alias is given for a person: "Melissa Scanlan (a/k/a “The Drug Llama”) has been
# sentenced", "Earlier today, ..., Brandon Arias (a/k/a “The Drug Llama”) was sentenced";
# nothing else marks them (no title, no age, no "said"). A body has a trade name ("d/b/a"),
# not an alias. The marker is looked for first: the name before it only where it is found.
# A plain "aka" is written of things too ("Louisiana State Penitentiary (aka Angola)",
# "Doctor of Podiatric Medicine (aka podiatrist)"): after it, only a full name, two
# capitalised words ("Zhang Dong (aka Tim Zhang)"), says the one before is a person's.
_MARKER = re.compile(
    r"[ \t]*(?:\([ \t]*|,[ \t]+)(?:(?i:a/k/a|a\.k\.a\.)[ \t]"
    r"|(?i:aka)[ \t]+(?=[A-Z][a-z’'-]+[ \t]+[A-Z][a-z’'-]+))"
)
_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
# The name that ends right before the marker: two to five words, initials and particles
# between ("Ryan K. Dickey", "Reina Chirinos de Urena").
_NAME_BEFORE = re.compile(
    rf"(?<![\w.])({_WORD}(?:[ \t](?:[{UPPER}]\.|de|da|del|van|von|{_WORD})){{1,4}})$"
)
_LOOK_BACK = 80  # characters before the marker a name may take


def _person(name: str) -> bool:
    words = [fold(w.strip(".,")) for w in name.split()]
    return (
        len(words) >= 2
        and words[0] not in NOT_NAME_WORDS
        and words[-1] not in NOT_NAME_WORDS
        and not any(w in ORG_WORDS for w in words)
    )


def aliased_people(text: str) -> list[Person]:
    """The people *text* names with an alias after their name."""
    if "k/a" not in text and "k.a." not in text and "aka" not in text.lower():
        return []  # the cheap test: most releases leave here
    found: dict[str, Person] = {}
    for marker in _MARKER.finditer(text):
        before = text[max(0, marker.start() - _LOOK_BACK) : marker.start()]
        m = _NAME_BEFORE.search(before)
        if m and _person(m.group(1)):
            found.setdefault(fold(m.group(1)), Person(name=m.group(1), role=None))
    return list(found.values())
