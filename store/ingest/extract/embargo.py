"""Embargo lines: "EMBARGOED UNTIL ...", "Sperrfrist: ...", "Embargo jusqu'au ..."."""

from __future__ import annotations

import re

from store.sanitize import clean_line

EMBARGO_RE = re.compile(
    r"[*_\s]*(?:(?:UNDER|STRICTLY|HELD\s+UNDER|NOT\s+FOR\s+(?:PUBLICATION|RELEASE)\s+BEFORE)\s+)?"
    r"(?:EMBARGO(?:ED)?\b|SPERRFRIST\b|EMBARGO\s+JUSQU|EMBARGO\s+HASTA|BAJO\s+EMBARGO|"
    r"SOUS\s+EMBARGO)",
    re.IGNORECASE,
)
_MAX_LINE = 240


def read_embargo(line: str) -> str | None:
    """The embargo line as written, if *line* is one."""
    if len(line) > _MAX_LINE or not EMBARGO_RE.match(line):
        return None
    return clean_line(line.strip("*_ \t")) or None
