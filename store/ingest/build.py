"""From files to release records: read each source, extract its parts, build a Release."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from store.disk.release_store import ReleaseState
from store.ingest.discover import STDIN, ImportProblem, SourceFile, discover, read_bytes
from store.ingest.draft import Draft
from store.ingest.extract.anatomy import extract
from store.ingest.extract.dates import path_date
from store.ingest.extract.govuk_page import with_bodies
from store.ingest.extract.issuer import site_owner
from store.ingest.extract.issuer_named import with_issuer_named
from store.ingest.extract.short_forms import with_short_forms
from store.ingest.read import read_source, sniff
from store.records import (
    Contact,
    Link,
    Release,
    Source,
    content_fingerprint,
    is_release_id,
    release_id,
)
from store.sanitize import clean_line, fold
from store.search.tokens import digits_of

Problem = tuple[str, str]  # (path, reason), one line each for the user


@dataclass(slots=True)
class ParseResult:
    """Releases read from some paths, and the files that could not be read."""

    releases: list[Release] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # source files read, successfully or not
    # The user's marks an export carried (store.export), by the content
    # fingerprint of the release they belong to: the import lays them over
    # the marks kept, whatever id the release ends up stored under.
    marks: dict[str, ReleaseState] = field(default_factory=dict)

    def add(self, release: Release, draft: Draft) -> None:
        """A release built from *draft*, with the marks the draft carried."""
        self.releases.append(release)
        if draft.marks is not None:
            self.marks[release.fingerprint] = draft.marks

    def extend(self, other: ParseResult) -> None:
        self.releases.extend(other.releases)
        self.problems.extend(other.problems)
        self.files += other.files
        self.marks.update(other.marks)


def build_release(draft: Draft, path: str) -> Release:
    """Turn one draft into a release: extraction, metadata merge, identity."""
    if draft.record is not None:
        record = draft.record
        if is_release_id(record.id):
            return record
        # An id written by another tool ("synthetic-000042", a number): the
        # entry's key, so that importing the same export again updates its
        # releases; the release's own id is derived as for any other entry.
        return _with_identity(record, path, record.id or draft.entry_key)
    parts = extract(draft.text, title=draft.title, date=draft.date, language=draft.language)
    issuer = draft.issuer or parts.issuer or draft.filed_under or site_owner(draft.home, parts.body)
    organisations = with_bodies(parts.organisations, list(draft.organisations))
    if issuer != parts.issuer:
        # The issuer a format or a site gives, among the bodies when the text names it too
        # ("Consultant Politique Sénior de la FSFE" on fsfe.org), as extraction lists its own.
        people = {fold(p.name) for p in parts.people}
        organisations = with_issuer_named(organisations, issuer, parts.body, people, parts.title)
        # "Parliament adopted ..." on the European Parliament's page: named by its short form
        organisations = with_short_forms(organisations, issuer, parts.body)
    fingerprint = content_fingerprint(parts.title, parts.date, parts.body)
    date, date_source = parts.date, parts.date_source
    if date is None and (date := path_date(path)) is not None:
        # Only when the text and the format say nothing: a dated folder or file name.
        # The fingerprint keeps to what the release says, so that a copy filed under
        # another folder is still the same release.
        date_source = "path"
    return Release(
        id=release_id(path, draft.entry_key, fingerprint),
        title=parts.title,
        title_source=parts.title_source,
        body=parts.body,
        # Shown, not reopened: a file name that is not UTF-8 (lone surrogates)
        # or holds escape sequences is stored readable; the id keeps the raw path.
        source=Source(clean_line(path), draft.format),
        kicker=parts.kicker,
        date=date,
        date_source=date_source,
        location=parts.location,
        embargo=parts.embargo,
        issuer=issuer,
        organisations=organisations,
        people=parts.people,
        contacts=_merge_contacts(draft.contacts, parts.contacts),
        links=_merge_links(draft.links, parts.links),
        language=parts.language,
        tags=tuple(dict.fromkeys(t for t in draft.tags if t)),
        fingerprint=fingerprint,
    )


def parse_source(source: SourceFile, data: bytes | None = None) -> ParseResult:
    """Read one source file (or the bytes given for it) into releases."""
    result = ParseResult(files=1)
    try:
        drafts = read_source(source, data)
    except ImportProblem as problem:
        result.problems.append((source.path, str(problem)))
        return result
    for number, draft in enumerate(drafts, 1):
        try:
            result.add(build_release(draft, source.path), draft)
        except Exception as exc:
            # The one place where a bug in extraction becomes a problem: it costs
            # this entry, reported with its file; the file's other entries still land.
            result.problems.append((source.path, _extraction_problem(exc, number, len(drafts))))
    if not result.releases and not result.problems:
        result.problems.append((source.path, "no release found in this file"))
    return result


def parse_sources(
    sources: Iterable[SourceFile | tuple[str, ImportProblem]],
) -> Iterator[ParseResult]:
    """Parse each discovered source in turn; refused ones become problems.

    JSON Lines and JSON too large to read whole are parsed a chunk of
    releases at a time (``store.ingest.stream``): one result per chunk.
    """
    from store.ingest import stream  # it builds releases with this module

    for item in sources:
        if not isinstance(item, SourceFile):
            path, problem = item
            yield ParseResult(problems=[(path, str(problem))], files=1)
        elif stream.is_streamed(item):
            yield from stream.parse_stream(item)
        elif item.path == STDIN:
            try:
                data = read_bytes(item)
            except ImportProblem as problem:
                yield ParseResult(problems=[(item.path, str(problem))], files=1)
                continue
            if data.strip() and sniff(data) == "jsonl":
                yield from stream.parse_stream(item, data)  # broken lines reported
            else:
                yield parse_source(item, data)
        else:
            yield parse_source(item)


def parse_paths(paths: Sequence[str]) -> ParseResult:
    """Parse every file under *paths* (folders recursively, ``-`` for stdin)."""
    total = ParseResult()
    for result in parse_sources(discover(paths)):
        total.extend(result)
    return total


def _extraction_problem(error: Exception, number: int, total: int) -> str:
    """ "cannot extract release 2 of 3: KeyError: 'title'": which entry, and what went wrong."""
    which = "a release" if total == 1 else f"release {number} of {total}"
    detail = clean_line(str(error))[:120]
    return f"cannot extract {which}: {type(error).__name__}" + (f": {detail}" if detail else "")


def _with_identity(record: Release, path: str, entry_key: str | None) -> Release:
    return record.with_changes(id=release_id(path, entry_key, record.fingerprint))


def _merge_links(declared: Sequence[Link], found: Sequence[Link]) -> tuple[Link, ...]:
    seen: dict[tuple[str, str], Link] = {}
    for link in (*found, *declared):
        seen.setdefault((link.label, link.url), link)
    return tuple(seen.values())


def _merge_contacts(declared: Sequence[Contact], found: Sequence[Contact]) -> tuple[Contact, ...]:
    """The contacts a format declares in fields, as given, then those read from the text
    that are not one of them again (the same name, address or number)."""
    if not declared:
        return tuple(found)
    known = {fold(c.name) for c in declared if c.name}
    known |= {c.email.lower() for c in declared if c.email}
    known |= {digits_of(c.phone) for c in declared if c.phone}
    more = [
        c
        for c in found
        if not (
            (c.name and fold(c.name) in known)
            or (c.email and c.email.lower() in known)
            or (c.phone and digits_of(c.phone) in known)
        )
    ]
    return tuple(dict.fromkeys((*declared, *more)))
