"""Bodies a release's page header names above its text, a line each: "Department of Justice" /
"Office of Public Affairs" / "FOR IMMEDIATE RELEASE" (justice.gov's header)."""

from __future__ import annotations

from store.ingest.extract.organisations import find_organisations

# A header is short: the department, its office, maybe a division.
_HEADER_LINES = 4
_LINE_CHARS = 90


def header_bodies(lines: list[str], end: int, exclude: set[str]) -> list[str]:
    """The bodies named by the first lines above *end* (where the release's text starts),
    each line one body's whole name, up to the first line that is not one (a kicker, a date,
    a page's title, a menu)."""
    out: list[str] = []
    for line in lines[:end]:
        text = line.strip(" \t*#_")
        if not text:
            continue
        if len(out) >= _HEADER_LINES or len(text) > _LINE_CHARS or text.isupper():
            break
        found = find_organisations(text, exclude)
        if not found or found[0].split(" (", 1)[0] != text:
            break
        out.append(found[0])
    return out
