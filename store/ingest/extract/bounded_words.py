"""A word looked for with ``\\b`` at its edges by ``str.find``, as ``\\bWORD\\b`` finds it.

A pattern made for each word opens with ``\\b``, which Python's regex engine cannot skip to:
it tried the word at every character of the text, and compiling it cost more than the search
(the words are new in most releases, past ``re``'s cache)."""

from __future__ import annotations

import re


def is_word_char(char: str) -> bool:
    """Is *char* one that ``\\w`` matches (``str.isalnum`` is the engine's test)?"""
    return char.isalnum() or char == "_"


def bounded_at(text: str, word: str, at: int) -> bool:
    """Does *word*, found at *at* in *text*, have ``\\b`` before and after it? (An edge of
    the text counts as a character that is not a word's.)"""
    end = at + len(word)
    before = at > 0 and is_word_char(text[at - 1])
    after = end < len(text) and is_word_char(text[end])
    return before != is_word_char(word[0]) and after != is_word_char(word[-1])


def count_bounded(word: str, text: str, limit: int = 0) -> int:
    """``len(re.findall(rf"\\b{re.escape(word)}\\b", text))``, counting no further than
    *limit* (none when 0)."""
    if not word:
        return len(re.findall(r"\b\b", text))
    count = 0
    at = text.find(word)
    while at >= 0:
        if bounded_at(text, word, at):
            count += 1
            if count == limit:
                break
            at = text.find(word, at + len(word))  # findall goes on from a match's end
        else:
            at = text.find(word, at + 1)
    return count


def occurrences(text: str, word: str, limit: int = 0) -> list[int]:
    """Where *word* stands in *text*, overlaps included, the first *limit* times (all when 0)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0 and (not limit or len(found) < limit):
        found.append(at)
        at = text.find(word, at + 1)
    return found


def has_bounded(word: str, text: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", text) is not None``."""
    return count_bounded(word, text, limit=1) > 0
