"""A draft: what a format reader recovers from one entry of a file, before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.disk.release_store import ReleaseState
from store.records import Contact, Link, Release


@dataclass(slots=True)
class Draft:
    """One release as a format reader saw it, still to be read by ``store.ingest.extract.anatomy``.

    ``text`` is plain text: paragraphs separated by blank lines, inline links
    kept in Markdown form ``[label](url)`` so that extraction records them and
    shows only the label in the body. Metadata fields are what the format
    declared explicitly (an HTML ``<title>``, a JSON ``date``, a mail
    ``Subject``); extraction prefers them to what it reads from the text.
    """

    text: str
    format: str  # txt, md, html, json, jsonl, eml, rss, atom
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    links: list[Link] = field(default_factory=list)
    language: str | None = None
    issuer: str | None = None  # the issuing organisation a format names (front matter, feed)
    # The bodies a format names as the release's publishers (a CMS's publishing links).
    organisations: tuple[str, ...] = ()
    # The office a site files the entry under (a CMS record's breadcrumb): the issuer
    # only when neither the format nor the text names one.
    filed_under: str | None = None
    home: str | None = None  # a web page's own domain ("fsfe.org"), where its images come from
    tags: list[str] = field(default_factory=list)
    # Media contacts the format declares in fields (a CMS record's, front matter's), as given.
    contacts: list[Contact] = field(default_factory=list)
    entry_key: str | None = None  # identity of the entry inside its file (feed guid, JSON id)
    record: Release | None = None  # our own JSON form: the release as it was exported
    marks: ReleaseState | None = None  # our own JSON form: the user's marks and tags on it
