"""Press officers a contact block names beside one another, or above its heading.

Two shapes a name's form alone cannot read: a second name after the first with no role
between ("John Marzulli" / "Danielle Blustein Hass" / "United States Attorney’s Office" /
number; "Contact: Nicholas Biase, Shelby Wratchford, (212) 637-2600"), which the block
otherwise takes for the first person's firm ("Derek Simmons" / "Harborline Cruises"); and the
name written above the block's heading ("JENNIFER CRANDALL" / "Media Contact" / number). A
given name (given_names.py) at the head of each tells a person from a firm.
"""

from __future__ import annotations

from collections.abc import Callable

from store.ingest.extract.given_names import is_given_name
from store.ingest.extract.vocabulary import ORG_WORDS

# Lines above a heading that may hold its name: the name, then a blank line.
_ABOVE = 2


def _given_first(name: str) -> bool:
    words = name.split()
    return bool(words) and is_given_name(words[0].strip(".,"))


def _firm_worded(name: str) -> bool:
    return any(w.lower().strip(".,()") in ORG_WORDS for w in name.split())


def is_colleague(first: str, piece: str) -> bool:
    """Whether *piece*, a name read after the person *first* with nothing between, is a second
    person rather than *first*'s firm: both open with a given name, and *piece* has no word of
    an organisation's ("Grant Thornton LLP", "Morgan Stanley Bank")."""
    return _given_first(first) and _given_first(piece) and not _firm_worded(piece)


def name_above(lines: list[str], index: int, is_name: Callable[[str], bool]) -> str | None:
    """The person named alone on the line above the heading at *index* ("JENNIFER CRANDALL"
    over "Media Contact"), a blank line between at most; ``None`` if that line is no name."""
    for line in reversed(lines[max(0, index - _ABOVE) : index]):
        text = line.strip(" \t*_•")
        if not text:
            continue
        # A name in capitals ("JENNIFER CRANDALL") is read as its title-case form would be.
        shape = text.title() if text.isupper() else text
        if is_name(shape) and _given_first(text) and not _firm_worded(text):
            return text
        return None
    return None
