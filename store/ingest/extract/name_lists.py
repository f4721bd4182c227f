"""Names listed before a person found: "by Kara Sweet and Gregory R. Bockin", "by Scott M.
Kerin, Parakram Singh, and Andrew T. Ho": those before the last one are people too."""

from __future__ import annotations

import re
from collections.abc import Callable

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)*"
_NAME = rf"{_WORD}(?:[ \t](?:[{_UP}]\.[ \t])?{_WORD}){{1,2}}"
# The last item before the person found: "Kara Sweet and ", "Parakram Singh, and ".
_LAST = re.compile(rf"(?<![\w’'.-])({_NAME}),?[ \t]{{1,2}}(?:and|y|et|und|&)[ \t]{{1,2}}$")
# Items before it, each followed by a comma: "Scott M. Kerin, ".
_ITEM = re.compile(rf"(?<![\w’'.-])({_NAME}),[ \t]{{1,2}}$")
# What may stand right before a list's first name: a lower-case word ("by", "and"), a bracket,
# a line's start; not a capitalised word, whose run the name would be the end of.
_OPENS = re.compile(rf"(?:^|[\n(]|[ \t][{_LOW}]+[ \t]|[:;][ \t])$")
# Before a short list taken from the person after it, only "by" (who did something), a
# bracket or a line's start: "experience at Merrill Lynch and Lee E. Forehand", "produced by
# Find Fire Digital and Cayce Aaron Brown", "the Katalysis Partnership and ..." name bodies.
_OPENS_BY = re.compile(r"(?:^|[\n(]|[ \t]by[ \t]|[:;][ \t])$")
# A name with its middle initial: "Gregory R. Bockin".
_INITIALLED = re.compile(rf"{_WORD}[ \t][{_UP}]\.[ \t]{_WORD}")
_WINDOW = 240
_JOINS = (" and", " y", " et", " und", "&")
MAX_LISTED = 6


def names_listed_before(text: str, start: int, is_name_word: Callable[[str], bool]) -> list[str]:
    """The names of a list that ends with "and" and the person whose name begins at *start*,
    nearest first; every word of each must be one a name can have (*is_name_word*)."""
    if start < 8 or not text[start - 5 : start].rstrip(" \t").endswith(_JOINS):
        return []  # most names: no "and" right before them
    window = text[max(0, start - _WINDOW) : start]
    found: list[str] = []
    pattern = _LAST
    while len(found) < MAX_LISTED:
        m = pattern.search(window)
        if m is None:
            break
        name = m.group(1)
        if not all(is_name_word(w) for w in name.split()):
            break
        found.append(name)
        window = window[: m.start(1)]
        if _OPENS_BY.search(window):
            # One of them written with a middle initial, as a prosecutor or a regulator
            # names its staff ("by Scott M. Kerin, Parakram Singh, and Andrew T. Ho").
            initialled = _INITIALLED.match(text, start) or any(_INITIALLED.match(n) for n in found)
            return found if initialled else []
        pattern = _ITEM
    # The first name must open the list: not the end of a longer capitalised run ("Justice
    # Criminal Division and ...").
    return []


# Between two items of a list, after an item's bracket: "Max Baucus (D-MT), John Rockefeller",
# "Nobuo Kita (CEO of Ten Art-ni Corporation), Satoko Takita", ", and ", " and ".
_NEXT_ITEM = re.compile(
    rf"(?:[ \t]{{0,2}}\([^()\n]{{1,50}}\))?(,[ \t]{{1,2}}(?:and[ \t]{{1,2}})?|,?[ \t]{{1,2}}and[ \t]{{1,2}})"
    rf"({_NAME})(?![\w’'-]|[ \t][{_UP}])"
)
_ITEM_BEFORE = re.compile(
    rf"(?<![\w’'.-])({_NAME})(?:[ \t]{{0,2}}\([^()\n]{{1,50}}\))?,[ \t]{{1,2}}$"
)
# Items a list of people has at least, its person found among them, for the others to be taken.
_LIST_ITEMS = 3
_OCCURRENCES = 3


def _list_around(text: str, at: int, name: str, is_name_word: Callable[[str], bool]) -> list[str]:
    """The other names of a list of three or more ending with "and" that holds *name* at
    *at*: "include Mitch Kapor, Brian Behlendorf, Mitchell Baker, Brendan Eich, and Joichi Ito"."""
    before: list[str] = []
    window = text[max(0, at - _WINDOW) : at] if "," in text[max(0, at - 3) : at] else ""
    while window and len(before) < MAX_LISTED and (m := _ITEM_BEFORE.search(window)):
        before.append(m.group(1))
        window = window[: m.start(1)]
    if before and not _OPENS.search(window):
        before = []  # the first item ends a longer run: no list's start
    after: list[str] = []
    ends_with_and = False
    pos = at + len(name)
    while len(after) < MAX_LISTED and (m := _NEXT_ITEM.match(text, pos)):
        after.append(m.group(2))
        ends_with_and = ends_with_and or "and" in m.group(1)
        pos = m.end()
    if not ends_with_and or len(before) + 1 + len(after) < _LIST_ITEMS:
        return []
    items = before + after
    # Every item a name: a list with a place or a firm in it ("Jane Doe, New York, and Best
    # Buy") is no list of people; nor one whose items end alike ("Tucson Symphony, Utah
    # Symphony and Vancouver Symphony Orchestra").
    if len({n.split()[-1] for n in items} | {name.split()[-1]}) <= len(items):
        return []
    return items if all(is_name_word(w) for n in items for w in n.split()) else []


def listed_with(text: str, found: list[str], is_name_word: Callable[[str], bool]) -> list[str]:
    """Names listed with a person *found* in *text*, in a list of three or more that ends with
    "and": a list of people, where one of them is, names people."""
    more: list[str] = []
    for name in found:
        at = text.find(name)
        for _ in range(_OCCURRENCES):
            if at < 0:
                break
            for other in _list_around(text, at, name, is_name_word):
                if other not in found and other not in more:
                    more.append(other)
            at = text.find(name, at + len(name))
    return more
