"""The kicker: the label above a headline ("PRESS RELEASE", "FOR IMMEDIATE RELEASE")."""

from __future__ import annotations

import re

KICKER_RE = re.compile(
    r"(?:\*\*|__)?\s*(?P<kicker>(?:JOINT\s+|GEMEINSAME\s+)?(?:"
    r"PRESS\s+RELEASE|NEWS\s+RELEASE|MEDIA\s+RELEASE|MEDIA\s+ADVISORY|PRESS\s+ADVISORY|"
    r"FOR\s+IMMEDIATE\s+RELEASE|IMMEDIATE\s+RELEASE|FOR\s+RELEASE|"
    r"COMMUNIQU[ÉE]\s+DE\s+PRESSE|COMMUNIQU[ÉE]|NOTA\s+DE\s+PRENSA|COMUNICADO\s+DE\s+PRENSA|"
    r"COMUNICADO|PRESSEMITTEILUNG|PRESSEINFORMATION|PRESSEMELDUNG|MEDIENMITTEILUNG|"
    r"COMUNICATO\s+STAMPA|PERSBERICHT"
    # Not its plural: "Press Releases" (a menu's entry) is no kicker over a headline "s".
    r"))(?!(?:s|es|en)\b)\s*(?:\*\*|__)?\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def read_kicker(line: str) -> str | None:
    """The kicker as written (whitespace normalised) if *line* is only a kicker."""
    found = split_kicker(line)
    return found[0] if found and not found[1] else None


def split_kicker(line: str) -> tuple[str, str] | None:
    """(kicker, rest) if *line* opens with a kicker: "FOR IMMEDIATE RELEASE - AUGUST 14, 2026"."""
    if len(line) > 120:
        return None
    m = KICKER_RE.match(line.strip())
    if m is None:
        return None
    return " ".join(m.group("kicker").split()), m.group("rest").strip(" \t*_:–—-")
