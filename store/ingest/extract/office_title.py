"""The U.S. Attorney's Office a justice.gov page's title names, when no line under its date does: "District of Rhode Island | … | United States Department of Justice"."""

from __future__ import annotations

import re

# Every U.S. Attorney's page on justice.gov titles itself "<district> | <heading> | United
# States Department of Justice"; most also write the office under the date, which is read
# first (gov_office.office_in_header). A page without that line names its office only so.
_DISTRICT = re.compile(
    r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?Districts? of [A-Z][A-Za-z. &]{2,45}"
)
_DEPARTMENT = "United States Department of Justice"
# The .gov banner under the title, as on every page saved with it.
_BANNER_AT = 1500
_BANNER_MARKS = ("how you know", "official website of the United States")


def office_in_title(text: str) -> str | None:
    """ "U.S. Attorney's Office, District of Rhode Island" from the page's title line, or None."""
    head = text[:_BANNER_AT]
    if not any(mark in head for mark in _BANNER_MARKS):
        return None
    title = text.lstrip().split("\n", 1)[0]
    parts = [part.strip() for part in title.split(" | ")]
    if len(parts) < 3 or parts[-1] != _DEPARTMENT or _DISTRICT.fullmatch(parts[0]) is None:
        return None
    return f"U.S. Attorney's Office, {parts[0]}"
