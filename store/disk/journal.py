"""The journal beside a store file: the documents written since the file was last written whole.

A store file of 100,000 releases is 447 MB; rewriting it to add 100 took
3 s. Instead, new, changed and removed documents are appended to
``<name>.journal`` as records, and the store file is written whole again
only now and then (store.disk.storage decides when). The layout:

* a header line ``PRESSROOM-JOURNAL-1 <size> <mtime_ns>\\n``: the size and
  modification time of the store file the journal continues. A journal whose
  header names another file (the store was written whole since, or restored
  from its backup) continues nothing and is ignored;
* records, each ``@``, the payload's length and CRC-32 (``<II``), then the
  payload: one line per document, ``["table","key"]<TAB><JSON or null>``
  (null: the document was removed). orjson never writes a raw tab or newline
  inside JSON, so the first tab splits a line.

A record is appended and fsynced before the write is acknowledged; a record
cut short at the end (a crash midway) was never acknowledged: it is ignored,
and cut off before the next record is appended. A record that fails its
CRC-32 with more bytes after it is damage, and reported as such.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

MAGIC = b"PRESSROOM-JOURNAL-1 "
_RECORD = struct.Struct("<II")
_MARK = b"@"
RECORD_HEAD = len(_MARK) + _RECORD.size

BaseKey = tuple[int, int]  # the store file's st_size, st_mtime_ns


def journal_path_for(path: Path) -> Path:
    """``releases.json`` -> ``releases.json.journal``, in the same folder."""
    return path.with_name(path.name + ".journal")


def header(base: BaseKey) -> bytes:
    return MAGIC + b"%d %d\n" % base


class JournalDamage(Exception):
    """A record of the journal fails its check with more records after it."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One document of a record: *raw* is its JSON (None: removed); *offset* where it starts."""

    table: str
    key: str
    offset: int
    raw: bytes | None


def matches(fd: int, base: BaseKey) -> bool:
    """Whether the journal open as *fd* continues the store file of key *base*."""
    expected = header(base)
    return os.pread(fd, len(expected), 0) == expected


def read_entries(fd: int, base: BaseKey, start: int = 0) -> tuple[list[Entry], int]:
    """The entries of the journal open as *fd* from record boundary *start* (0: all), and
    where its last whole record ends. ([], 0) when it does not continue *base*.

    Raises :class:`JournalDamage` for a damaged record before the last.
    """
    head = header(base)
    if not matches(fd, base):
        return [], 0
    size = os.fstat(fd).st_size
    position = max(start, len(head))
    data = os.pread(fd, size - position, position) if size > position else b""
    entries: list[Entry] = []
    at = 0
    while at < len(data):
        if data[at : at + 1] != _MARK or at + RECORD_HEAD > len(data):
            _torn_or_damaged(data, at, position)
            break
        length, crc = _RECORD.unpack_from(data, at + 1)
        body_at = at + RECORD_HEAD
        body = data[body_at : body_at + length]
        if len(body) < length or zlib.crc32(body) != crc:
            _torn_or_damaged(data, at, position, body_at + length)
            break
        entries.extend(_entries_of(body, position + body_at))
        at = body_at + length
    return entries, position + at


class Records:
    """:func:`read_entries` a record at a time: iterated, each whole record's entries;
    :attr:`end`, where the last record given ends (0 for a journal that does not continue
    *base*), which is what ``read_entries`` returns with them once all are given.

    A reader then holds one record (a batch of an import: a few MB), not the journal:
    the catalogue's build at an import's end read a journal of 170 MB at 230,000
    releases whole, its bytes and an entry's objects for every document, beside the
    rows it was making. Raises :class:`JournalDamage` as ``read_entries`` does, once the
    records before the damaged one are given.
    """

    def __init__(self, fd: int, base: BaseKey, start: int = 0) -> None:
        self._fd, self._base, self._start = fd, base, start
        self.end = 0

    def __iter__(self) -> Iterator[list[Entry]]:
        fd = self._fd
        if not matches(fd, self._base):
            return
        size = os.fstat(fd).st_size
        position = self.end = max(self._start, len(header(self._base)))
        while position < size:
            top = os.pread(fd, RECORD_HEAD, position)
            if top[:1] != _MARK or len(top) < RECORD_HEAD:
                return  # a torn tail: ignored, as read_entries ignores it
            length, crc = _RECORD.unpack_from(top, 1)
            body_at = position + RECORD_HEAD
            body = os.pread(fd, length, body_at) if length else b""
            if len(body) < length or zlib.crc32(body) != crc:
                if body_at + length < size:  # whole records could follow it
                    raise JournalDamage(f"a record of the journal is damaged at byte {position}")
                return
            yield list(_entries_of(body, body_at))
            position = self.end = body_at + length


def _torn_or_damaged(data: bytes, at: int, position: int, end: int | None = None) -> None:
    """A bad record is a torn tail (ignored) unless whole records could follow it."""
    if end is not None and end < len(data):
        raise JournalDamage(f"a record of the journal is damaged at byte {position + at}")


def _entries_of(body: bytes, offset: int) -> Iterator[Entry]:
    loads = orjson.loads
    start = 0
    for line in body.splitlines(keepends=True):
        tab = line.find(b"\t")
        if tab < 0 or not line.endswith(b"\n"):
            raise JournalDamage("a record of the journal is not in its layout")
        try:
            table, key = loads(line[:tab])
        except (orjson.JSONDecodeError, ValueError, TypeError):
            raise JournalDamage("a record of the journal is not in its layout") from None
        if type(table) is not str or type(key) is not str or not key.isdigit():
            raise JournalDamage("a record of the journal is not in its layout")
        raw = line[tab + 1 : -1]
        yield Entry(table, key, offset + start + tab + 1, None if raw == b"null" else raw)
        start += len(line)


def record(changes: Sequence[tuple[str, str, bytes | None]]) -> tuple[bytes, list[int]]:
    """A record of *changes* ``(table, key, JSON or None)`` and where each document's JSON
    starts in it."""
    parts: list[bytes] = []
    starts: list[int] = []
    at = RECORD_HEAD
    dumps = orjson.dumps
    for table, key, raw in changes:
        label = dumps([table, key]) + b"\t"
        body = raw if raw is not None else b"null"
        starts.append(at + len(label))
        parts += (label, body, b"\n")
        at += len(label) + len(body) + 1
    payload = b"".join(parts)
    return _MARK + _RECORD.pack(len(payload), zlib.crc32(payload)) + payload, starts
