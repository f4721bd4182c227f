"""A name broken by a hard wrap in a paragraph ("... Brandon" / "Arias (a/k/a ...)"), joined again for the people reader."""

from __future__ import annotations

import re

# Text laid out as a PDF's, or a page whose paragraphs a tool wrapped at a fixed width
# (justice.gov pages of 2019-2020, hard-wrapped at about 100 characters, a crawler's blank
# line after each), breaks names across lines: "Brandon" / "Arias (a/k/a “The Drug
# Llama”)", "Assistant U.S. Attorney Derek" / "J. Wiseman". The people reader takes a name
# on one line, so such a break is read as a space: only where the line is a paragraph's
# (long, written in sentences: a contact block's, a list's or a heading's lines are not),
# ends in a capitalised word or an initial, and the next line (past one blank line at most)
# opens with the rest of the name. A sentence or a title ends with a dot, a comma or a colon: left alone.
_LONG_LINE = 60
# A wrapped line is no longer than the width it was wrapped at; a line longer than this is
# a whole paragraph (a wire release's), whose end is the paragraph's, not a wrap's.
_WRAP_WIDTH = 120
_PROSE_WORDS = 3  # words in lower case: a sentence's line, not a title's
# A given name ends the line, not an initial: "Zone C." and "Serie A." end sentences.
_ENDS_CAPITALISED = re.compile(r"(?:^|[ \t])[A-Z][a-z’'-]+$")
# The next line opens with the rest of the name only: a surname ("Arias (a/k/a"), or an
# initial and a surname ("J. Wiseman is"). A line that opens with a name of its own, two
# capitalised words ("Amber MacArthur, co-host ..." under "..., Google" in a list), is
# another item, not the rest of a name.
_OPENS_CAPITALISED = re.compile(
    r"[ \t]*(?:[A-Z]\.[ \t])?[A-Z][a-z’'-]*(?![\w’'-])(?![ \t]+(?:[A-Z]\.|[A-Z][a-z’'-]+))"
)
_LOWER_WORD = re.compile(r"(?:^|[ \t])[a-z]")
# Words that open a sentence, and no surname: "... by Corey E. King" / "In the mist-shrouded".
_OPENERS = frozenset(
    [
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "We",
        "They",
        "I",
        "You",
        "On",
        "In",
        "At",
        "For",
        "With",
        "From",
        "By",
        "As",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "During",
        "Our",
        "His",
        "Her",
        "Their",
        "Its",
        "To",
        "Of",
        "Since",
        "Today",
    ]
)


def _breaks_name(line: str, nxt: str) -> bool:
    end = line.rstrip()
    words = nxt.split(None, 1)
    return (
        _LONG_LINE <= len(end) <= _WRAP_WIDTH
        and _ENDS_CAPITALISED.search(end) is not None
        and _OPENS_CAPITALISED.match(nxt) is not None
        and bool(words)
        and words[0] not in _OPENERS
        and len(_LOWER_WORD.findall(end)) >= _PROSE_WORDS
    )


def joined_names(text: str) -> str:
    """*text* with the line breaks inside wrapped names read as spaces."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if i + 1 == len(lines):
            break
        if _breaks_name(line, lines[i + 1]):
            out.append(" ")
        elif not lines[i + 1].strip() and i + 2 < len(lines) and _breaks_name(line, lines[i + 2]):
            out.append(" ")
            i += 1  # the blank line between is dropped with the break
        else:
            out.append("\n")
        i += 1
    return "".join(out)
