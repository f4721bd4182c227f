"""Paragraphs of a release whose line breaks were lost, two spaces standing for each break."""

from __future__ import annotations

import re

from store.ingest.extract.boilerplate import is_about

# 24-7 Press Release's copy in the real corpus (a quarter of it): the whole body on one
# line, its paragraphs and headings ("About Hurst, Robin, Kay & Allen, LLC") parted by two
# spaces. A typed text's two spaces after a full stop part sentences, which is harmless for
# what is read here (an "About" heading, the paragraph under it).
_BREAK = re.compile(r"[ \t]{2,}")
_LONG_LINE = 600
_MIN_BREAKS = 3


def run_together_paragraphs(lines: list[str]) -> list[str]:
    """*lines* with each long line that holds several two-space breaks cut at them."""
    paragraphs: list[str] = []
    for line in lines:
        if len(line) >= _LONG_LINE and line.count("  ") >= _MIN_BREAKS:
            paragraphs += [part.strip() for part in _BREAK.split(line) if part.strip()]
        else:
            paragraphs.append(line)
    return paragraphs


def run_together_boilerplate(prose: list[str]) -> list[str]:
    """The paragraphs from the first "About X" heading on, where the *prose* lines were run
    together: the boilerplate a release ends with, which a reader of its lines does not see
    (it is inside the one line); none where the lines are whole."""
    paragraphs = run_together_paragraphs(prose)
    if len(paragraphs) == len(prose):
        return []
    for at, paragraph in enumerate(paragraphs):
        if at > 0 and is_about(paragraph) and not _NO_NAME.match(paragraph):
            # A heading's link is no part of its name ("About X https://x.org").
            return [_LINK.sub("", p) for p in paragraphs[at:]]
    return []


# "About Our Company", "About the Author": a heading that names no one.
_NO_NAME = re.compile(
    r"\s*About\s+(?:Us|Our\b|The\s+(?:Company|Firm|Author|Book|Event|Show|Program)\b)", re.I
)
_LINK = re.compile(r"[ \t]*(?:https?://|www\.)\S*")
