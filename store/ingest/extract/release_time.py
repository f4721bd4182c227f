"""A release's time under its date ("For release at 2:00 p.m. EST") is when it may be published, not its headline."""

from __future__ import annotations

import re

# What remains of the line once its "For release" kicker is set apart: "at 2:00 p.m. EST",
# the Federal Reserve's statements (Markdown with front matter: the title is there).
_CLOCK = re.compile(
    r"(?:(?:for )?release(?:d)? )?(?:at |until )?\d{1,2}(?:[:.]\d\d)? ?(?:[ap]\.?m\.?|noon)"
    r"(?: (?:[A-Z]{2,4}|local time|\(?[A-Z]{2,4}\)?))?\.?",
    re.IGNORECASE,
)


def is_release_time(line: str) -> bool:
    """True when *line* says only at what time the release may be published."""
    text = line.strip()
    # Cheap test first: a time is short and holds a digit.
    return len(text) <= 40 and any(c.isdigit() for c in text) and bool(_CLOCK.fullmatch(text))
