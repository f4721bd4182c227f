"""Exporting releases with the user's marks and tags: CSV, JSON, JSON Lines and a Markdown digest.

Every writer streams: it takes the releases one at a time and writes each as
it comes (an export of 100k releases holds one release's text at a time, and
the rows of a result view are read from the store file as they are written).

The JSON and JSON Lines forms are Pressroom's own release JSON
(``Release.to_json``) with the content ``fingerprint`` and the user's
``marks``: ``{"read": bool, "starred": bool, "tags": [...]}``. Importing
such a file (``store.ingest.readers.jsonform``) gives back the same releases
under the same ids, and lays the marks over the ones already kept (a star
stays, tags join).

CSV is for spreadsheets: a header row, RFC 4180 quoting (the csv module's:
commas, quotes and line breaks inside a cell are quoted), CRLF line ends,
UTF-8 *with* a byte-order mark. Excel reads a CSV without the mark in the
system's legacy code page (``Zürich`` becomes ``ZÃ¼rich``) and only takes it
as UTF-8 with the mark; LibreOffice and Python's ``utf-8-sig`` read the mark
and drop it. Formula injection: a cell whose text starts with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return) would be run as a formula by a
spreadsheet (``=HYPERLINK("http://evil",...)`` in a hostile headline), so
such a cell is written with a leading ``'``, as OWASP recommends: the
spreadsheet shows the text as text. The JSON forms are never altered, so
they stay the lossless ones. The body is left out of the CSV (a cell holds
at most 32,767 characters in Excel, and rows of whole bodies are not what a
spreadsheet is for); the JSON forms and the Markdown digest have it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import orjson

from store.errors import StoreError
from store.records import Release
from store.sanitize import clean_line, clean_text
from store.search.query import DEFAULT_STATE, ReleaseStateLike

FORMATS = ("csv", "json", "jsonl", "md")
SUFFIXES = {"csv": ".csv", "json": ".json", "jsonl": ".jsonl", "md": ".md"}
CSV_COLUMNS = (
    "id",
    "date",
    "issuer",
    "organisations",
    "place",
    "headline",
    "kicker",
    "language",
    "tags",
    "my_tags",
    "read",
    "starred",
    "url",
    "contacts",
    "source",
)
CSV_BOM = "\ufeff"
# What a spreadsheet would read as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows gathered before they are written: few system calls, little memory.
_ROWS_PER_WRITE = 256

States = Mapping[str, ReleaseStateLike]


def marks_json(state: ReleaseStateLike) -> dict[str, Any]:
    """The user's marks as the JSON forms carry them."""
    return {"read": bool(state.read), "starred": bool(state.starred), "tags": list(state.tags)}


def release_record(release: Release, state: ReleaseStateLike) -> dict[str, Any]:
    """One release as the JSON forms write it: the release JSON, its fingerprint, the marks."""
    record = release.to_json()
    record["fingerprint"] = release.fingerprint
    record["marks"] = marks_json(state)
    return record


def write_export(
    out: IO[bytes],
    fmt: str,
    releases: Iterable[Release],
    states: States,
    *,
    title: str = "",
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Write *releases* to *out* in *fmt* (one of :data:`FORMATS`); returns how many.

    *title* heads the Markdown digest. *should_stop* is asked between
    releases: once it says yes, the export ends with :class:`ExportCancelled`.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}")
    return writer(out, _watched(releases, should_stop), states, title)


class ExportCancelled(Exception):
    """The export was stopped before its end (the file is not kept)."""


def _watched(
    releases: Iterable[Release], should_stop: Callable[[], bool] | None
) -> Iterator[Release]:
    for number, release in enumerate(releases):
        if should_stop is not None and number % 64 == 0 and should_stop():
            raise ExportCancelled
        yield release


def _state(states: States, release: Release) -> ReleaseStateLike:
    return states.get(release.id, DEFAULT_STATE)


# -- JSON and JSON Lines ---------------------------------------------------------------------


def _write_jsonl(out: IO[bytes], releases: Iterable[Release], states: States, title: str) -> int:
    count = 0
    for release in releases:
        out.write(orjson.dumps(release_record(release, _state(states, release))) + b"\n")
        count += 1
    return count


def _write_json(out: IO[bytes], releases: Iterable[Release], states: States, title: str) -> int:
    # A list written an element at a time: never the whole document in memory.
    count = 0
    out.write(b"[")
    for release in releases:
        out.write(b",\n" if count else b"\n")
        out.write(orjson.dumps(release_record(release, _state(states, release))))
        count += 1
    out.write(b"\n]\n" if count else b"]\n")
    return count


# -- CSV ---------------------------------------------------------------------------------------


def csv_cell(value: str) -> str:
    """A text cell: on one line, and never read as a formula by a spreadsheet."""
    cell = clean_text(value)
    if cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_row(release: Release, state: ReleaseStateLike) -> list[str]:
    """The cells of one release, in the order of :data:`CSV_COLUMNS`."""
    link = next((link.url for link in release.links if link.openable), "")
    contacts = "; ".join(
        " ".join(
            part
            for part in (
                clean_line(contact.name or ""),
                f"<{clean_line(contact.email)}>" if contact.email else "",
                clean_line(contact.phone or ""),
            )
            if part
        )
        for contact in release.contacts
    )
    texts = [
        release.id,
        release.date or "",
        clean_line(release.issuer or ""),
        "; ".join(clean_line(o) for o in release.organisations),
        clean_line(release.location or ""),
        clean_line(release.title),
        clean_line(release.kicker or ""),
        release.language or "",
        "; ".join(clean_line(t) for t in release.tags),
        "; ".join(state.tags),
        "yes" if state.read else "no",
        "yes" if state.starred else "no",
        link,
        contacts,
        clean_line(release.source.path),
    ]
    return [csv_cell(text) for text in texts]


def _write_csv(out: IO[bytes], releases: Iterable[Release], states: States, title: str) -> int:
    buffer = io.StringIO()
    # The csv module's defaults are RFC 4180's: "," and '"' quoting, CRLF.
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(CSV_BOM)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for release in releases:
        writer.writerow(csv_row(release, _state(states, release)))
        count += 1
        if count % _ROWS_PER_WRITE == 0:
            out.write(buffer.getvalue().encode("utf-8", "surrogatepass"))
            buffer.seek(0)
            buffer.truncate()
    out.write(buffer.getvalue().encode("utf-8", "surrogatepass"))
    return count


# -- Markdown ----------------------------------------------------------------------------------

# Our lines start with a fixed prefix ("## ", "> ", "*"), so only what is markup
# anywhere in a line needs escaping: with "[" escaped no link can form, with
# "<" and "&" no HTML.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~&"})


def markdown_text(value: str) -> str:
    """*value* on one line, every character Markdown could read as syntax escaped.

    A headline such as ``[Click](javascript:alert(1))`` or ``<script>`` reads
    as the text it is, never as a link or HTML.
    """
    return clean_line(value).translate(_MARKDOWN_SPECIAL)


def _markdown_release(release: Release, state: ReleaseStateLike) -> str:
    lines = [f"## {markdown_text(release.title) or '(no headline)'}", ""]
    dateline = " · ".join(
        markdown_text(x) for x in (release.location, release.date, release.issuer) if x
    )
    if dateline:
        lines += [f"*{dateline}*", ""]
    marks = [name for name, on in (("starred", state.starred), ("read", state.read)) if on]
    tags = [*state.tags, *(t for t in release.tags if t not in state.tags)]
    about = []
    if tags:
        about.append("Tags: " + ", ".join(markdown_text(t) for t in tags))
    if marks:
        about.append(", ".join(marks))
    if about:
        lines += [" · ".join(about), ""]
    lead = next((p for p in clean_text(release.body).split("\n") if p.strip()), "")
    if lead:
        lines += ["> " + markdown_text(lead), ""]
    link = next((link.url for link in release.links if link.openable), None)
    if link is not None:
        # An autolink: only web and mail links (Link.openable), spaces escaped.
        lines += [f"<{link.replace(' ', '%20').replace('>', '%3E')}>", ""]
    lines += [f"`{release.id}`", "", ""]
    return "\n".join(lines)


def _write_markdown(out: IO[bytes], releases: Iterable[Release], states: States, title: str) -> int:
    out.write(f"# {markdown_text(title or 'Pressroom export')}\n\n".encode())
    count = 0
    for release in releases:
        out.write(_markdown_release(release, _state(states, release)).encode("utf-8", "replace"))
        count += 1
    out.write(f"{count:,} release{'' if count == 1 else 's'}\n".encode())
    return count


_WRITERS: dict[str, Callable[[IO[bytes], Iterable[Release], States, str], int]] = {
    "csv": _write_csv,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "md": _write_markdown,
}


# -- writing a file --------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A file to write *path*'s new contents into; it takes *path*'s place only when complete.

    A temporary file of our own beside it (``O_EXCL | O_NOFOLLOW``: never
    through a link planted at that name), fsynced, then renamed over *path*:
    a reader sees the old file or the whole new one, never half of it. On
    an error (or an export stopped) the temporary file is removed and *path*
    is untouched. Raises :class:`StoreError`, one line, when it cannot be written.
    """
    target = Path(os.path.abspath(path))
    if target.is_dir():
        raise StoreError(f"cannot write {clean_line(str(path))}: it is a folder")
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(tmp, flags, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot write {clean_line(str(path))}: {_reason(exc)}") from exc
    try:
        with open(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write {clean_line(str(path))}: {_reason(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def export_to_file(
    path: Path,
    fmt: str,
    releases: Iterable[Release],
    states: States,
    *,
    title: str = "",
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """:func:`write_export` into *path*, atomically; returns how many releases were written."""
    with atomic_output(path) as out:
        return write_export(out, fmt, releases, states, title=title, should_stop=should_stop)


def _reason(exc: OSError) -> str:
    return clean_line(exc.strerror or str(exc))
