"""A body paragraph at the head of a text laid out as a PDF's: its first line indented, the next flush left."""

from __future__ import annotations

# A PDF extracted with its layout keeps a paragraph's first-line indent: "       Chief Judge
# ... announced today that on December 28, 2020," over "the United States Tax Court will
# ...". A letterhead's title is centred instead, every line of it indented alike, and is
# short; so only a long indented line whose next line starts at the margin opens a
# paragraph, and under a kicker with no title line ("PRESS RELEASE") it is the body's
# first line, not a headline (the United States Tax Court's releases, three of them).
_INDENT = 3  # spaces before the first line: more than a stray one
_MARGIN = 1  # spaces before the next line, at most: the margin
_LONG_LINE = 60  # characters of the first line's words: a full line of a paragraph
_WORDS = 12  # words of the two lines: a sentence, not a title's two halves


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def opens_indented_paragraph(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` opens a paragraph: indented, long, and continued at once by a
    line at the margin ("       Chief Judge Kerrigan announced today that ..." / "Judge of
    the United States Tax Court.")."""
    if index + 1 >= len(lines):
        return False
    line, nxt = lines[index], lines[index + 1]
    if _indent(line) < _INDENT or not nxt.strip() or _indent(nxt) > _MARGIN:
        return False
    first = " ".join(line.split())
    if len(first) < _LONG_LINE:
        return False
    return len(first.split()) + len(nxt.split()) >= _WORDS
