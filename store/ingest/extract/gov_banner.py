"""A U.S. government page saved as text: the .gov banner and the menus above the page's heading are furniture."""

from __future__ import annotations

# The banner every .gov site shows at the top ("An official website of the United States
# government" / "Here's how you know"), as justice.gov, fincen.gov and sec.gov pages saved as
# text open: the page's <title>, the banner, some hundred lines of menus, a breadcrumb, then
# the page's heading (its <h1>), the kind of page, the date and the release.
_BANNER_AT = 1500  # characters: the banner sits under the page's title
_BANNER_MARKS = ("how you know", "official website of the United States")
# How far down the menus may run before the heading (lines).
_MENU_LINES = 600
# A heading above which the page's kind is written, when the title does not name it.
_KIND_LINES = frozenset(
    {"press release", "news release", "for immediate release", "immediate release"}
)
# The share buttons under the heading, each on a line of its own.
_SHARE = frozenset({"share", "facebook", "x", "twitter", "linkedin", "email", "print"})
_SHARE_LINES = 30
# The list of other releases below this one: their teasers open with datelines and names.
_RELATED = frozenset({"related content", "related press releases", "related news"})


def strip_gov_banner(text: str) -> str:
    """*text* from the page's heading on, and without the "Related Content" list below the
    release, when it is a .gov page saved as text (its banner near the top); else *text*."""
    head = text[:_BANNER_AT]
    if "how you know" not in head and "official website of the United States" not in head:
        return text  # the cheap test: nearly every release leaves here
    lines = text.split("\n")
    banner = next(
        (
            i
            for i, line in enumerate(lines[:60])
            if any(mark in line.replace("’", "'") for mark in _BANNER_MARKS)
        ),
        None,
    )
    if banner is None:
        return text
    start = _heading(lines, banner)
    if start is None:
        return text
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip().casefold() in _RELATED),
        len(lines),
    )
    head_end = min(start + _SHARE_LINES, end)
    kept = lines[start:head_end]
    # The page's kind under its heading ("Press Release", "For Immediate Release") is a
    # kicker read as a headline's, and the share buttons are buttons.
    kept = [kept[0]] + [
        line for line in kept[1:] if line.strip().casefold() not in _SHARE | _KIND_LINES
    ]
    return "\n".join(kept + lines[head_end:end])


def _heading(lines: list[str], banner: int) -> int | None:
    """Where the page's heading is: the line below the banner that repeats the longest part
    of the page's title ("Western District of Washington | <heading> | United States
    Department of Justice"), else the line above the page's kind ("Press Release")."""
    title = next((line.strip() for line in lines[:banner] if line.strip()), "")
    parts = [part.strip() for part in title.split(" | ") if part.strip()]
    window = lines[banner + 1 : banner + 1 + _MENU_LINES]
    if parts:
        wanted = _norm(max(parts, key=lambda part: len(part.split())))
        if len(wanted.split()) >= 3:
            for i, line in enumerate(window):
                if _norm(line) == wanted:
                    return banner + 1 + i
    for i, line in enumerate(window):
        if line.strip().casefold() in _KIND_LINES:
            above = [j for j in range(i) if window[j].strip()]
            if above and len(window[above[-1]].split()) >= 3:
                return banner + 1 + above[-1]
            return None
    return None


def _norm(line: str) -> str:
    return " ".join(line.replace("’", "'").split()).casefold()
