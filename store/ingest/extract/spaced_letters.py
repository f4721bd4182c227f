"""Words set in spaced capitals, as a PDF's letterhead comes out ("P R E S S   R E L E A S E"),
read as words."""

from __future__ import annotations

import re
from collections import Counter

# Five letters or more set apart by single spaces.
SPACED_LETTERS = re.compile(r"(?:\S[ ]){4,}\S")
# A letterhead's line is short: a longer one (a text whose line breaks were lost) is left as
# it is, which spares a search that cost a fifth of the whole extraction.
_LONGEST = 400
_PIECES = re.compile(r"([ ]+)")


def collapse_spaced(line: str) -> str:
    """ "P R I V A C Y   &   C I V I L   L I B E        R T I E S" -> "PRIVACY & CIVIL
    LIBERTIES". Letters a single space apart make one word; the gap that parts the words is
    the one most often left between letters, and a wider gap between two letters is the
    layout's (a justified line), inside a word. The line's other words are kept as they are."""
    if len(line) > _LONGEST or not SPACED_LETTERS.search(line):
        return line
    pieces = _PIECES.split(line.strip())
    tokens, gaps = pieces[0::2], [len(gap) for gap in pieces[1::2]]
    pairs = zip(gaps, tokens, tokens[1:], strict=False)
    counts = Counter(gap for gap, a, b in pairs if gap > 1 and len(a) == 1 and len(b) == 1)
    # The words' gap: the commonest, the narrower of two as common.
    word_gap = min(counts, key=lambda gap: (-counts[gap], gap)) if counts else 2
    words = [tokens[0]]
    spelled = len(tokens[0]) == 1  # the last word is being spelled out letter by letter
    for gap, token in zip(gaps, tokens[1:], strict=False):
        if spelled and len(token) == 1 and (gap == 1 or gap > word_gap + 1):
            words[-1] += token
        else:
            words.append(token)
            spelled = len(token) == 1
    return " ".join(words)
