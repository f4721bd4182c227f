"""What is not the release's own text: end markers, "About X", wire and archive footers."""

from __future__ import annotations

import re

END_MARKER_RE = re.compile(
    r"\s*(?:#\s*#\s*#[#\s]*|-{1,2}\s*ENDS?\s*-{1,2}|[-–—]\s*(?:FIN|END|ENDE)\s*[-–—]|-?30-|"
    r"\*\s*\*\s*\*|ENDS|FIN)\s*$",
    re.IGNORECASE,
)
ABOUT_RE = re.compile(
    r"\s*(?:\*\*|#+\s*)?(?:About|À propos de|A propos de|Acerca de|Sobre|Über|Ueber|Informazioni su)"
    r"\s+(?:the\s+|l[ae]\s+|l['’]|el\s+|die\s+|der\s+|das\s+)?"
    # A brand or a site that writes itself in lower case: "About tZERO", "About mozilla.org".
    r"(?:[A-ZÀ-ÖØ-Þ0-9]|[a-z]{1,6}[A-Z]|[a-z][a-z0-9-]*\.(?:com|org|net|io|ai|ly|co)\b)",
)
FOOTER_RE = re.compile(
    r"\s*(?:View (?:the )?original (?:release|content)|View source version|SOURCE\s*:|Source\s*:|"
    r"Distributed by|Pickup\s*-|Original/Source Press Release|Newsramp\.com TLDR|Reddit Post|"
    r"Blockchain Registration|The post .{0,300} appeared first on|Forward[- ]Looking Statements?|"
    r"Safe Harbor|Cautionary (?:Note|Statement)|Disclaimer\s*:?|To view the full press release|"
    r"Photos? accompanying this|Logo\s*-\s*http|SOURCE\s+[A-Z])",
    re.IGNORECASE,
)
# The archive's own footer: a rule followed by its source, summary and registration links.
_ARCHIVE_FOOTER = re.compile(
    r"\n[ \t]*-{3,}[ \t]*\n\s*(?=\[?(?:Original/Source Press Release|Newsramp\.com TLDR|Pickup\s*-|"
    r"Reddit Post|!\[Blockchain Registration))"
)


def is_end_marker(line: str) -> bool:
    return len(line) < 40 and END_MARKER_RE.match(line) is not None


def is_about(line: str) -> bool:
    return ABOUT_RE.match(line) is not None


def is_footer(line: str) -> bool:
    return FOOTER_RE.match(line) is not None


def is_boilerplate(line: str) -> bool:
    """An end marker, an "About X" heading or paragraph, or a wire/archive footer line."""
    return is_end_marker(line) or is_about(line) or is_footer(line)


def archive_footer_start(text: str) -> int:
    """Where the archive's ``---`` footer starts in *text*, or ``len(text)`` if it has none."""
    tail_from = max(0, len(text) - 6000)
    m = _ARCHIVE_FOOTER.search(text, tail_from)
    return m.start() if m else len(text)
