"""Dates as releases write them (English, French, Spanish, German, and a few more) to ISO form."""

from __future__ import annotations

import datetime
import re

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv enero ene januar jänner jan janeiro gennaio gen januari",
        "february feb febr février fevrier févr fevr febrero febrer februar fevereiro fev "
        "febbraio februari",
        "march mar mars marzo märz maerz mrz março marco maart",
        "april apr avril avr abril abr aprile",
        "may mai mayo maio maggio mag mei",
        "june jun juin junio juni junho giugno",
        "july jul juillet juil julio juli julho luglio lug",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre set setembro settembre",
        "october oct octobre octubre oktober okt outubro out ottobre ott",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre déc diciembre dic dezember dez dezembro dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _number)


def _by_initial(words: list[str]) -> str:
    """An alternation of *words* (in this order) grouped by their first letter:
    "(?:j(?:anuary|une)|m(?:arch|ay))". Ignoring case, the regex engine cannot skip an
    alternative by its first character and tries all ~100 month names at each position;
    grouped, it tries 11 letters. Names with different first letters never match at the
    same place, so the order that counts, within a letter, is kept."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in groups.items()) + ")"


# Longest first: "septiembre" before "sept" before "sep".
_MONTH = _by_initial(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_MDY = (
    rf"(?P<m1>{_MONTH})(?![^\W\d_])\.?\s{{1,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,\s{{0,3}}|\s{{1,3}})(?P<y1>{_YEAR})"
)
_DMY = (
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s{{1,3}}(?:de\s{{1,3}})?"
    rf"(?P<m2>{_MONTH})(?![^\W\d_])\.?,?\s{{1,3}}(?:del?\s{{1,3}})?(?P<y2>{_YEAR})"
)
_ISO = rf"(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d)"
_NUMERIC = rf"(?P<d4>\d{{1,2}})[./](?P<m4>\d{{1,2}})[./](?P<y4>{_YEAR})"

# A single hyphen before a date glues it to a code ("ID-12 May 2024"); the double one of
# "SAN FRANCISCO--(BUSINESS WIRE)--March 4, 2024--" separates it.
DATE_RE = re.compile(
    rf"(?<![\w/.])(?<!(?<!-)-)(?:{_MDY}|{_DMY}|{_ISO}|{_NUMERIC})(?![\d])", re.IGNORECASE
)

_YEAR_RE = re.compile(_YEAR)
_ISO_PREFIX = re.compile(rf"\s*({_YEAR})-(\d\d)-(\d\d)")


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` if the three numbers make a real calendar date."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_from_match(match: re.Match[str]) -> str | None:
    """The ISO form of a :data:`DATE_RE` match, or ``None`` for 31 February and the like."""
    g = match.group
    if g("y1"):
        return iso_date(int(g("y1")), _MONTHS[g("m1").lower()], int(g("d1")))
    if g("y2"):
        return iso_date(int(g("y2")), _MONTHS[g("m2").lower()], int(g("d2")))
    if g("y3"):
        return iso_date(int(g("y3")), int(g("m3")), int(g("d3")))
    day, month = int(g("d4")), int(g("m4"))
    if month > 12 >= day:  # 05/14/2024 cannot be day first
        day, month = month, day
    return iso_date(int(g("y4")), month, day)


def declared_date(value: str | None) -> str | None:
    """A metadata date reduced to ``YYYY-MM-DD`` (``2021-06-23T10:00Z`` too), else ``None``."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value[:40])
    if m:
        return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = DATE_RE.search(value[:100])
    return date_from_match(found) if found else None


def search_date(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first :data:`DATE_RE` match in ``text[start:end]``.

    Every date form has a four-digit year, and the month-name alternation is
    slow to try at every position: look for years first and match only near them.
    """
    stop = len(text) if end is None else min(end, len(text))
    for year in _YEAR_RE.finditer(text, start, stop):
        m = DATE_RE.search(text, max(start, year.start() - 45), min(stop, year.end() + 7))
        if m is not None and m.start() <= year.end():
            return m
    return None


# A date in a source's path: "2024/0325/x.md" (the corpus's YEAR/MMDD folders),
# "2024/03/25/x.md", "2024-03-25-x.md", "20240325_x.md", "2024_03_25". One pass over the
# path's last components; the deepest date wins (a file name over its folders).
_PATH_DATE = re.compile(
    r"(?<!\d)(?:((?:19|20)\d\d)/([01]\d)([0-3]\d)(?=/)"
    r"|((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?=/)"
    r"|((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d))"
)
_FUTURE_DAYS = 366  # a date further ahead than this is a typo or a placeholder, not a release's


def path_date(path: str, today: datetime.date | None = None) -> str | None:
    """The date a source's path gives (a dated folder or file name), or ``None``.

    The deepest dated component wins (a file name over its folders). A path
    that only looks dated (``2024/1399/``, ``20241341``) or a date far in the
    future gives nothing.
    """
    if not path or path == "-":
        return None
    tail = "/".join(path.replace("\\", "/").rsplit("/", 4)[-4:]) + "/"
    best: str | None = None
    for m in _PATH_DATE.finditer(tail):
        g = m.groups()
        at = 0 if g[0] else 3 if g[3] else 6
        day = iso_date(int(g[at]), int(g[at + 1]), int(g[at + 2]))
        if day is not None and not_far_ahead(day, today):
            best = day  # later matches lie deeper in the path
    return best


def not_far_ahead(day: str, today: datetime.date | None = None) -> bool:
    """Whether the ISO *day* is no further than a year ahead of *today* (the clock's)."""
    limit = (today or datetime.date.today()) + datetime.timedelta(days=_FUTURE_DAYS)
    return day <= limit.isoformat()
