"""Field rules shared by the format readers: ISO dates, link targets, language tags, keys."""

from __future__ import annotations

import datetime as dt
import re
import time
from email.utils import parsedate_to_datetime

from store.sanitize import clean_line, clean_optional

# Schemes that run code or read local files when "opened" (SECURITY.md M8, P3).
_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
_MAX_URL = 2048
_MAX_KEY = 512


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date a format states explicitly, or None when it says nothing usable.

    Accepts ISO 8601 strings (a time part is ignored), RFC 2822 dates (mail,
    RSS), ``time.struct_time`` (feedparser), ``datetime``/``date`` objects and
    Unix timestamps in seconds or milliseconds.
    """
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, time.struct_time):
        return _from_parts(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        if not 1e8 < seconds < 4.2e9:
            return None
        return _checked(dt.datetime.fromtimestamp(seconds, dt.UTC).date())
    if not isinstance(value, str) or len(value) > 200:
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        return _from_parts(int(match[1]), int(match[2]), int(match[3]))
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _checked(parsed.date())


def _from_parts(year: int, month: int, day: int) -> str | None:
    try:
        return _checked(dt.date(year, month, day))
    except ValueError:
        return None


def _checked(day: dt.date) -> str | None:
    # Years outside this range are typos or placeholders (0001-01-01), not dates.
    return day.isoformat() if 1800 <= day.year <= 2200 else None


def link_target(url: str) -> str | None:
    """A cleaned link target, or None for a dangerous or empty one.

    Browsers ignore whitespace and controls inside a scheme (``java\\tscript:``),
    so the check looks at the URL with them removed. Spaces and parentheses
    are percent-encoded so that the Markdown form ``[label](url)`` stays whole.
    """
    cleaned = clean_line(url)
    if not cleaned or len(cleaned) > _MAX_URL:
        return None
    if _INVISIBLE.sub("", cleaned).lower().startswith(_DANGEROUS_SCHEMES):
        return None
    return cleaned.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def web_url(url: object) -> str | None:
    """*url* if it is an http or https address (feed and JSON links), else None."""
    if not isinstance(url, str):
        return None
    target = link_target(url)
    if target is None or not target.lower().startswith(("http://", "https://")):
        return None
    return target


def markdown_link(label: str, url: str) -> str:
    """``[label](url)`` for Draft.text; a dangerous target keeps only the label.

    Square brackets in the label become parentheses: a label that closes the
    link early would make extraction read a different link.
    """
    text = clean_line(label).replace("[", "(").replace("]", ")")
    target = link_target(url)
    if target is None:
        return text
    if not text:
        return ""
    return f"[{text}]({target})"


def language_tag(value: object) -> str | None:
    """A BCP 47-looking language tag as written (``en``, ``fr-CA``), else None."""
    if not isinstance(value, str):
        return None
    tag = value.strip()
    return tag if _LANGUAGE_TAG.fullmatch(tag) else None


def entry_key(value: object) -> str | None:
    """An entry's identity inside its file (feed guid, JSON id), cleaned and bounded."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    key = clean_optional(str(value))
    return key[:_MAX_KEY] if key else None


def short_text(value: object, limit: int = 1000) -> str | None:
    """A one-line field (title, tag) from *value* if it is a string, cleaned and bounded."""
    if not isinstance(value, str):
        return None
    cleaned = clean_optional(value[: limit * 4])
    return cleaned[:limit] if cleaned else None
