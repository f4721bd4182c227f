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
_WINDOW = 240
MAX_LISTED = 6


def names_listed_before(text: str, start: int, is_name_word: Callable[[str], bool]) -> list[str]:
    """The names of a list that ends with "and" and the person whose name begins at *start*,
    nearest first; every word of each must be one a name can have (*is_name_word*)."""
    if start < 8 or text[start - 1] not in " \t":
        return []
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
        if _OPENS.search(window):
            return found
        pattern = _ITEM
    # The first name must open the list: not the end of a longer capitalised run ("Justice
    # Criminal Division and ...").
    return []
