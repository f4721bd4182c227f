"""The name an "About X" heading gives: run into its paragraph on one line, or cut inside its ticker."""

from __future__ import annotations

import re

# "About Total Wireless Total Wireless is a fast-growing ...", "About Western Union The
# Western Union Company (NYSE: WU) is ...", "About Winmark Winmark – the Resale Company®":
# a layout that lost the heading's line break. The heading's name is the shortest run of
# words that the paragraph opens with again (after "The", and maybe named longer there: "Wytec
# Wytec International, Inc. is", the longer name then taken), provided the paragraph then goes on as a sentence (a verb
# in lower case, a bracket, a comma, a dash, a possessive); "About Duo Duo Project:" is a
# heading of its own.
_GLUED_ABOUT = re.compile(
    r"[ \t*_#]*(?:About|À propos de|A propos de|Acerca de|Sobre|Über)[ \t]+"
    r"(?:(?:the|The)[ \t]+)?"
    r"(?P<name>[A-Z0-9À-ÖØ-Þ][^\s:;]*(?:[ \t]+[^\s:;]+){0,7}?)[ \t]+"
    r"(?:(?:the|The)[ \t]+)?(?P<full>(?P=name)(?:,?[ \t]+[A-Z][\w&.'’-]*){0,4}?)"
    r"(?=['’]s\b|[ \t]*[(,–—]|[ \t]+-[ \t]|[ \t]+[a-z])"
)


def glued_about(line: str) -> str | None:
    """The name of an "About" heading run into its paragraph on *line*, as the paragraph
    writes it ("Wytec International, Inc." for "About Wytec Wytec International, Inc. is"),
    else None."""
    if "bout" not in line[:12] and line[:16].lstrip(" \t*_#")[:1] not in "ÀAÜS":
        return None
    m = _GLUED_ABOUT.match(line)
    return m.group("full") if m else None


# "About Massimo Group (NASDAQ: MAMO)": a heading read up to its colon ends inside its ticker.
_OPEN_BRACKET = re.compile(r"[ \t]*\([^)]*$")


def without_open_bracket(name: str) -> str:
    """*name* without a bracket it opens and does not close ("Massimo Group (NASDAQ")."""
    return _OPEN_BRACKET.sub("", name) if "(" in name else name
