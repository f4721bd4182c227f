"""The office a government page names in its header: a U.S. Attorney's Office under the date, a .gov site's name."""

from __future__ import annotations

import re

# justice.gov's component line under a release's date ("U.S. Attorney's Office, Western
# District of Washington"), kept when a page is saved as text or reposted by another agency
# ("U.S. Attorney’s Office, Eastern District of Missouri" under the date on oig.ssa.gov).
_OFFICE = re.compile(
    r"(?:U\.S\.|United States) Attorney['’]s Office(?:,| for the) "
    # One office serves two districts: "Districts of Guam & the Northern Mariana Islands".
    r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?Districts? of [A-Z][A-Za-z. &]{2,45}"
)
_HEADER_LINES = 40
# A .gov page's <title> ends with its site's name: "... | FinCEN.gov".
_BANNER_AT = 1500


def office_in_header(lines: list[str]) -> str | None:
    """The U.S. Attorney's Office a page's header line names whole, or None."""
    for line in lines[:_HEADER_LINES]:
        text = line.strip().strip("*").strip()
        # Cheap test first: nearly no line opens so.
        if text[:2] in ("U.", "Un") and len(text) < 90 and _OFFICE.fullmatch(text):
            return text
    return None


def gov_site_name(text: str) -> str | None:
    """The site's name a .gov page saved as text gives at the end of its title line
    ("Treasury Takes ... | FinCEN.gov" -> "FinCEN"), when the .gov banner follows it."""
    head = text[:_BANNER_AT]
    if "how you know" not in head and "official website of the United States" not in head:
        return None
    title = text.lstrip().split("\n", 1)[0]
    if " | " not in title:
        return None
    site = title.rsplit(" | ", 1)[1].strip()
    name = site[: -len(".gov")] if site.casefold().endswith(".gov") else ""
    return name if name.isalnum() and name[:1].isupper() else None


def parent_body(text: str) -> list[str]:
    """The department a .gov page's title names after its heading ("Western District of
    Washington | <heading> | United States Department of Justice"), when the banner follows."""
    head = text[:_BANNER_AT]
    if "how you know" not in head and "official website of the United States" not in head:
        return []
    title = text.lstrip().split("\n", 1)[0]
    if title.count(" | ") < 2:
        return []
    last = title.rsplit(" | ", 1)[1].strip()
    return [last] if last.startswith(("United States Department", "U.S. Department")) else []
