"""The feed reader: RSS 2.0 and Atom files through feedparser, one draft per entry."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Mapping
from typing import Any

import feedparser

from store.ingest.draft import Draft
from store.ingest.limits import ImportProblem
from store.ingest.readers.fields import entry_key, iso_date, language_tag, short_text, web_url
from store.ingest.readers.html import html_to_text, looks_like_html
from store.ingest.readers.news_xml import read_news_xml, root_name
from store.records import Link
from store.sanitize import clean_optional, clean_text

# feedparser runs a quadratic regular expression over RSS author strings
# (kurtmckee/feedparser#562): 8,000 labels cost seconds. Pressroom never uses
# the author, so over-long author texts are cut before parsing.
_AUTHOR_LIMIT = 512
_AUTHOR_OPEN = re.compile(
    rb"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:author|creator|managingEditor|webMaster|publisher)"
    rb"(?:\s[^<>]{0,2000})?>",
    re.IGNORECASE,
)
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:rss|feed|RDF)[\s>]")
_CDATA_OPEN = b"<![CDATA["


def read_feed(data: bytes) -> list[Draft]:
    """Read an RSS or Atom feed: one draft per entry, keyed by the entry's guid or link."""
    view = _ascii_view(data)
    _refuse_entity_declarations(view)
    if view is data:
        data = _cut_long_authors(data)
    # Always a file object: given bytes or a str, feedparser first tries them as
    # a file name (it would read /etc/passwd), and a str that looks like a URL
    # is fetched (SECURITY.md P4).
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    version = str(parsed.get("version") or "")
    entries = parsed.get("entries") or []
    if not entries:
        if not version:
            if root_name(data) is None:
                raise ImportProblem("not an RSS or Atom feed")
            # A site's own news format (FSFE's <html newsdate=...>): one release, not refused.
            return read_news_xml(data)
        raise ImportProblem("no entries in this feed")
    fmt = "atom" if version.startswith("atom") else "rss"
    feed_language = language_tag(clean_text(str(parsed.get("feed", {}).get("language") or "")))
    drafts = []
    for index, entry in enumerate(entries):
        drafts.append(_draft(entry, fmt, index, feed_language))
    return drafts


def feed_kind(data: bytes) -> str | None:
    """``rss`` or ``atom`` from the root element in the first 4 KB, or None."""
    match = _ROOT.search(_ascii_view(data[:4096]))
    if match is None:
        return None
    return "atom" if match.group(0).rstrip(b" \t\r\n>").endswith(b"feed") else "rss"


def _draft(entry: Mapping[str, Any], fmt: str, index: int, feed_language: str | None) -> Draft:
    title = _title(entry)
    link = web_url(entry.get("link"))
    text, language = _content(entry)
    return Draft(
        text=text,
        format=fmt,
        title=title,
        date=_date(entry),
        links=[Link(label=title or link, url=link)] if link else [],
        language=language or feed_language,
        tags=_tags(entry.get("tags")),
        entry_key=entry_key(entry.get("id")) or link or f"entry {index}",
        issuer=_issuer(entry),
    )


def _issuer(entry: Mapping[str, Any]) -> str | None:
    """The entry's publisher or author (a wire feed names the issuing company there)."""
    for key in ("publisher", "author"):
        name = short_text(entry.get(key), 200)
        if name and "@" not in name:
            return name
    return None


def _title(entry: Mapping[str, Any]) -> str | None:
    title = entry.get("title")
    if not isinstance(title, str):
        return None
    detail = entry.get("title_detail") or {}
    if "html" in str(detail.get("type") or "") and looks_like_html(title):
        title = html_to_text(title).text
    return clean_optional(title)


def _content(entry: Mapping[str, Any]) -> tuple[str, str | None]:
    candidates = [c for c in entry.get("content") or () if isinstance(c, Mapping)]
    summary = entry.get("summary_detail")
    if isinstance(summary, Mapping):
        candidates.append(summary)
    elif isinstance(entry.get("summary"), str):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for candidate in candidates:
        value = candidate.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        language = language_tag(clean_text(str(candidate.get("language") or "")))
        if "html" in str(candidate.get("type") or "") or looks_like_html(value):
            page = html_to_text(value)
            return page.text, language or page.language
        return clean_text(value).strip("\n"), language
    return "", None


def _date(entry: Mapping[str, Any]) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        day = iso_date(entry.get(key))
        if day:
            return day
    return None


def _tags(value: Any) -> list[str]:
    tags: list[str] = []
    if not isinstance(value, list):
        return tags
    for tag in value[:200]:
        if not isinstance(tag, Mapping):
            continue
        name = short_text(tag.get("term"), 100) or short_text(tag.get("label"), 100)
        if name and name not in tags:
            tags.append(name)
    return tags


def _ascii_view(data: bytes) -> bytes:
    """The data as ASCII-compatible bytes for the guards below (UTF-16/32 feeds transcoded)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace").encode("utf-8", "replace")
    head = data[:512]
    if head.count(0) * 4 > len(head):
        for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            view = data.decode(encoding, "replace").encode("utf-8", "replace")
            if b"<" in view[:64]:
                return view
    return data


def _refuse_entity_declarations(view: bytes) -> None:
    """Refuse a feed whose DTD declares entities: no real feed needs them.

    This stops entity expansion bombs (P1) and external entities (P2) before
    any parser sees them; Expat's own limits remain the second line.
    """
    declaration = view.find(b"<!ENTITY")
    if declaration >= 0 and _ROOT.search(view, 0, declaration) is None:
        raise ImportProblem("feed declares XML entities (refused)")


def _cut_long_authors(data: bytes) -> bytes:
    if len(data) <= _AUTHOR_LIMIT:
        return data
    out: list[bytes] = []
    position = 0
    for match in _AUTHOR_OPEN.finditer(data):
        start = match.end()
        if start < position:
            continue
        if data.startswith(_CDATA_OPEN, start):
            content_start = start + len(_CDATA_OPEN)
            end = data.find(b"]]>", content_start)
        else:
            content_start = start
            end = data.find(b"<", content_start)
        if end < 0:
            end = len(data)
        if end - content_start <= _AUTHOR_LIMIT:
            continue
        out.append(data[position:content_start])
        out.append(_cut_bytes(data[content_start : content_start + _AUTHOR_LIMIT]))
        position = end
    if not out:
        return data
    out.append(data[position:])
    return b"".join(out)


def _cut_bytes(fragment: bytes) -> bytes:
    """A prefix that ends neither inside a UTF-8 character nor inside an entity reference."""
    amp = fragment.rfind(b"&")
    if amp >= 0 and b";" not in fragment[amp:]:
        fragment = fragment[:amp]
    return fragment.decode("utf-8", "ignore").encode("utf-8")
