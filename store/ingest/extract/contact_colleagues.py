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

# Words of a street's name, not a surname's ("Lane", "Court" and "Way" are surnames too).
_STREET_WORDS = frozenset(
    {"street", "road", "avenue", "parade", "boulevard", "drive", "highway", "terrace", "suite"}
)
# Lines above a heading that may hold its name: the name, then a blank line.
_ABOVE = 2


def _given_first(name: str) -> bool:
    words = name.split()
    return bool(words) and is_given_name(words[0].strip(".,"))


def _firm_worded(name: str) -> bool:
    return any(w.lower().strip(".,()") in ORG_WORDS for w in name.split())


def _spells_address(name: str, block: str) -> bool:
    """ "Valencia Theater Seating" over "dave@valenciatheaterseating.com": the firm's name, as
    an address in the block spells it (the domain, or the address's local part)."""
    squeezed = "".join(ch for ch in name.lower() if ch.isalnum())
    if len(squeezed) < 6 or ("@" not in block and "www" not in block and "http" not in block):
        return False
    return any(
        squeezed in "".join(ch for ch in token.lower() if ch.isalnum())
        for token in block.split()
        if "@" in token or "www" in token or "http" in token
    )


def is_colleague(first: str, piece: str, block: str = "") -> bool:
    """Whether *piece*, a name read after the person *first* with nothing between, is a second
    person rather than *first*'s firm: both open with a given name, and *piece* has no word of
    an organisation's ("Grant Thornton LLP") or a street's ("Marine Parade Kingscliff"), is not
    *first* again with a word more ("Helen Hogben" under "Helen Hogben Barrister"), and is not
    the name the block's address spells ("Valencia Theater Seating", "@valenciatheaterseating")."""
    words, firsts = piece.split(), first.split()
    return (
        _given_first(first)
        and _given_first(piece)
        and not _firm_worded(piece)
        and not _street(piece)
        and words[:2] != firsts[:2]
        and not _spells_address(piece, block)
        and not _spells_address(first, block)
    )


def firm_before_person(first: str, piece: str, block: str) -> bool:
    """Whether *first*, read as a name, is the firm the block's address spells and *piece* the
    person after it ("Valencia Theater Seating" / "Dave Henderson" /
    "dave@valenciatheaterseating.com")."""
    return (
        _given_first(piece)
        and not _firm_worded(piece)
        and not _street(piece)
        and _spells_address(first, block)
        and not _spells_address(piece, block)
    )


def _street(name: str) -> bool:
    return any(w.lower().strip(".,") in _STREET_WORDS for w in name.split()[1:])


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
