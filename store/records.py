"""The records that cross every boundary: release, person, contact, link, source.

They are frozen dataclasses built once (from a parser or a TinyDB document) and
never mutated; ``to_json``/``from_json`` give the JSON form of DESIGN.md.

Identity. A release's ``id`` names *where it came from*, not what it says, so
that re-importing an edited file updates the record instead of adding a new
one: the hash of the absolute source path (plus the entry's key inside a feed,
a JSON list or an mbox-like file). Releases read from standard input have no
path, so their id is the hash of their content. A separate ``fingerprint``
hashes what the release says (title, date, body); a release whose fingerprint
is already stored under another id (the same file copied or moved elsewhere) is
"already known" and not stored twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeGuard

from store.sanitize import clean_optional, clean_text

JSONDict = dict[str, Any]

_UNSAFE_IN_URL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

ID_LENGTH = 16  # hex digits: 64 bits, also the TinyDB doc_id (see store.disk.release_store)


def digest(*parts: str) -> str:
    """A short stable hash of *parts* (hex, ``ID_LENGTH`` digits)."""
    h = hashlib.blake2b(digest_size=ID_LENGTH // 2)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named in a release: the name without honorifics, and a role."""

    name: str
    role: str | None = None

    def to_json(self) -> JSONDict:
        return {"name": self.name, "role": self.role}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Person:
        return cls(name=_req(data.get("name")), role=_opt(data.get("role")))


@dataclass(frozen=True, slots=True)
class Contact:
    """A media contact from a release's contact block."""

    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None

    def to_json(self) -> JSONDict:
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "phone": self.phone,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Contact:
        return cls(
            name=_opt(data.get("name")),
            role=_opt(data.get("role")),
            organisation=_opt(data.get("organisation")),
            email=_opt(data.get("email")),
            phone=_opt(data.get("phone")),
        )

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phone)


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a release: its label as written and its target."""

    label: str
    url: str

    def to_json(self) -> JSONDict:
        return {"label": self.label, "url": self.url}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Link:
        return cls(label=_req(data.get("label")), url=_req(data.get("url")))

    @property
    def openable(self) -> bool:
        """Only web and mail links may ever be opened (SECURITY.md M8, P3), and only
        when nothing in them could reach the terminal (E8): no controls, no bidi
        or invisible characters."""
        return self.url.lower().startswith(("http://", "https://", "mailto:")) and not (
            _UNSAFE_IN_URL.search(self.url)
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Where a release was read from: a path (or ``-``) and the format."""

    path: str
    format: str

    def to_json(self) -> JSONDict:
        return {"path": self.path, "format": self.format}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Source:
        return cls(path=clean_text(str(data.get("path") or "")), format=_req(data.get("format")))


@dataclass(frozen=True, slots=True)
class Release:
    """One press release, with everything recovered from its text."""

    id: str
    title: str
    body: str
    source: Source
    kicker: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    location: str | None = None  # the dateline place as written
    embargo: str | None = None  # the embargo line as written
    organisations: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[Link, ...] = ()
    language: str | None = None
    tags: tuple[str, ...] = ()
    # Where the date was read: "text" (dateline, header line), "metadata" (front matter,
    # a JSON/CMS field, a feed entry's or a mail's date) or "path" (a dated folder or file
    # name); None when there is no date, or for records written before it was kept.
    date_source: str | None = None
    # Where the headline came from (TITLE_SOURCES): "text" (a title line of the release),
    # "format" (an HTML heading or <title>, a feed's, a mail's Subject, front matter, a CMS
    # field) or "first line" (the release states none: its first words stand in for one);
    # None for an empty title, or for records written before it was kept.
    title_source: str | None = None
    issuer: str | None = None  # the organisation that issued the release, None when unknown
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(
                self, "fingerprint", content_fingerprint(self.title, self.date, self.body)
            )

    def to_json(self) -> JSONDict:
        """The JSON form of DESIGN.md (``parse``, ``show --json``, export)."""
        return {
            "id": self.id,
            "title": self.title,
            "title_source": self.title_source,
            "kicker": self.kicker,
            "date": self.date,
            "date_source": self.date_source,
            "location": self.location,
            "embargo": self.embargo,
            "issuer": self.issuer,
            "organisations": list(self.organisations),
            "people": [p.to_json() for p in self.people],
            "contacts": [c.to_json() for c in self.contacts],
            "links": [link.to_json() for link in self.links],
            "language": self.language,
            "tags": list(self.tags),
            "body": self.body,
            "source": self.source.to_json(),
        }

    def to_document(self) -> JSONDict:
        """The TinyDB document: the JSON form plus the content fingerprint."""
        doc = self.to_json()
        doc["fingerprint"] = self.fingerprint
        return doc

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Release:
        """Build a release from its JSON form, cleaning every string (it may be hostile)."""
        source = data.get("source")
        return cls(
            id=_req(data.get("id")),
            title=_req(data.get("title")),
            body=clean_text(str(data.get("body") or "")),
            source=Source.from_json(source) if isinstance(source, Mapping) else Source("", "json"),
            kicker=_opt(data.get("kicker")),
            date=_opt(data.get("date")),
            location=_opt(data.get("location")),
            embargo=_opt(data.get("embargo")),
            organisations=_strings(data.get("organisations")),
            people=tuple(Person.from_json(p) for p in _mappings(data.get("people"))),
            contacts=tuple(Contact.from_json(c) for c in _mappings(data.get("contacts"))),
            links=tuple(Link.from_json(x) for x in _mappings(data.get("links"))),
            language=_opt(data.get("language")),
            tags=_strings(data.get("tags")),
            date_source=_date_source(data.get("date_source")) if data.get("date") else None,
            title_source=_title_source(data.get("title_source")) if data.get("title") else None,
            issuer=_opt(data.get("issuer")),
            fingerprint=str(data.get("fingerprint") or ""),
        )

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> Release:
        """Rebuild a release from a TinyDB document written by Pressroom.

        Faster than :meth:`from_json`: the strings were cleaned on the way in
        and the display layer cleans again on the way out, so they are not
        cleaned a third time here (start-up at 100k releases depends on it).
        """
        src = doc["source"]
        return cls(
            id=doc["id"],
            title=doc["title"],
            body=doc["body"],
            source=Source(src["path"], src["format"]),
            kicker=doc.get("kicker"),
            date=doc.get("date"),
            location=doc.get("location"),
            embargo=doc.get("embargo"),
            organisations=tuple(doc.get("organisations") or ()),
            people=tuple(Person(p["name"], p.get("role")) for p in doc.get("people") or ()),
            contacts=tuple(
                Contact(
                    c.get("name"),
                    c.get("role"),
                    c.get("organisation"),
                    c.get("email"),
                    c.get("phone"),
                )
                for c in doc.get("contacts") or ()
            ),
            links=tuple(Link(x["label"], x["url"]) for x in doc.get("links") or ()),
            language=doc.get("language"),
            tags=tuple(doc.get("tags") or ()),
            date_source=doc.get("date_source"),
            title_source=doc.get("title_source"),
            issuer=doc.get("issuer"),
            fingerprint=doc.get("fingerprint") or "",
        )

    def with_changes(self, **changes: Any) -> Release:
        """A copy with *changes*; the fingerprint follows the new content."""
        return replace(self, fingerprint="", **changes)


def content_fingerprint(title: str, date: str | None, body: str) -> str:
    """Hash of what a release says, blind to whitespace differences."""
    return digest(" ".join(title.split()), date or "", " ".join(body.split()))


def is_release_id(value: object) -> TypeGuard[str]:
    """Whether *value* has the form of Pressroom's ids (``ID_LENGTH`` lowercase hex digits)."""
    # One match, not a test a character: an import checks every id of every batch.
    return isinstance(value, str) and _ID_FORM.fullmatch(value) is not None


_ID_FORM = re.compile(f"[0-9a-f]{{{ID_LENGTH}}}")


def release_id(path: str | None, entry_key: str | None, fingerprint: str) -> str:
    """The identity rule of the module docstring."""
    if path and path != "-":
        return digest("path", path, entry_key or "")
    return digest("content", fingerprint)


DATE_SOURCES = ("text", "metadata", "path")


def _date_source(value: Any) -> str | None:
    return value if value in DATE_SOURCES else None


# "first line" is a stand-in, not a headline the release states: TITLE_FALLBACKS.
TITLE_SOURCES = ("text", "format", "first line")
TITLE_FALLBACKS = frozenset({"first line"})


def _title_source(value: Any) -> str | None:
    return value if value in TITLE_SOURCES else None


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    return clean_optional(str(value))


def _req(value: Any) -> str:
    return clean_optional(str(value)) or "" if value is not None else ""


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        return ()
    out = []
    for item in value:
        cleaned = _opt(item)
        if cleaned:
            out.append(cleaned)
    return tuple(out)


def _mappings(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, Mapping)]
