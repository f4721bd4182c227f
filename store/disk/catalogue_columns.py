"""A column of the catalogue (titles, dates, ...): JSON in chunks of rows, parsed when first read.

The browser's first screen needs none of the catalogue's columns whole: the
count, and the few rows on screen, which are read from the store file. Parsing
them all as the archive opens held the GIL before the first frame for 85 ms
(real corpus) to 300 ms (100k; the organisations alone 70-150 ms), so each
column is kept as the bytes it was saved as and parsed when something first
asks for it: one row (:meth:`Column.at`: its chunk only) or the whole column
(:meth:`Column.whole`), usually in a worker after the first frame.

Chunks of :data:`CHUNK` rows are parsed one ``orjson.loads`` at a time (a few
ms each at most), so a worker parsing a column lets the UI thread take the GIL
between two chunks instead of waiting for the whole column.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from store import collector
from store.disk.saved_pieces import Piece
from store.errors import StoreError

# Rows per chunk: 4,096 organisation lists parse in 3-6 ms, the longest a
# worker parsing the catalogue keeps the UI thread from the GIL.
CHUNK = 4096


def chunk_count(rows: int) -> int:
    """How many chunks a column of *rows* rows is saved in."""
    return -(-rows // CHUNK)


def chunked(rows: Sequence[Any]) -> list[bytes]:
    """*rows* as the JSON chunks a catalogue saves them in."""
    return [orjson.dumps(list(rows[first : first + CHUNK])) for first in range(0, len(rows), CHUNK)]


class Column:
    """The rows of one column: a list, or saved chunks parsed when first read.

    Reads may come from several threads at once (the store thread, the UI
    thread, workers): a lock makes each chunk parsed once, and the whole list
    is built once.
    """

    __slots__ = ("_blobs", "_chunks", "_count", "_lock", "_name", "_rows")

    def __init__(
        self,
        name: str,
        rows: list[Any] | None = None,
        *,
        blobs: Sequence[memoryview | Piece] = (),
        count: int = 0,
    ) -> None:
        self._name = name
        self._rows = rows
        self._blobs = list(blobs)
        self._chunks: dict[int, list[Any]] = {}
        self._count = len(rows) if rows is not None else count
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._count

    def whole(self) -> list[Any]:
        """Every row, in order (parsed now if it was not yet)."""
        rows = self._rows
        if rows is not None:
            return rows
        with self._lock:
            if self._rows is None:
                whole: list[Any] = []
                for number in range(len(self._blobs)):
                    whole += self._chunk(number)
                self._rows = whole
                # The saved bytes hold the catalogue's whole buffer alive: let it go.
                self._blobs = []
                self._chunks = {}
            return self._rows

    def saved_chunks(self) -> list[bytes | memoryview]:
        """The column as a catalogue saves it: the chunks it was given when they are still
        whole (none parsed into a list), else the rows chunked again."""
        with self._lock:
            if self._rows is None:
                return [_bytes_of(blob) for blob in self._blobs]
        return list(chunked(self._rows))

    def at(self, index: int) -> Any:
        """Row *index* (0 <= index < len), parsing only its chunk if need be."""
        rows = self._rows
        if rows is not None:
            return rows[index]
        with self._lock:
            if self._rows is not None:
                return self._rows[index]
            number, offset = divmod(index, CHUNK)
            return self._chunk(number)[offset]

    def each(self) -> Iterator[Any]:
        """Every row, in order, a chunk at a time, keeping none parsed for this (a pass that
        needs them once: an import's index, which packs its ids and fingerprints)."""
        for number in range(chunk_count(self._count)):
            with self._lock:
                rows = self._rows
                chunk = None if rows is not None else self._chunks.get(number)
                if rows is None and chunk is None:
                    chunk = self._parsed(number)
            if rows is not None:
                yield from rows[number * CHUNK : (number + 1) * CHUNK]
            elif chunk is not None:
                yield from chunk

    def _chunk(self, number: int) -> list[Any]:
        # Called with the lock held.
        chunk = self._chunks.get(number)
        if chunk is None:
            chunk = self._chunks[number] = self._parsed(number)
        return chunk

    def _parsed(self, number: int) -> list[Any]:
        # Called with the lock held.
        try:
            with collector.paused():
                chunk = orjson.loads(_bytes_of(self._blobs[number]))
        except orjson.JSONDecodeError:
            chunk = None
        # The catalogue's checksum was verified as it loaded: a chunk of
        # another length is a catalogue written wrong, never used as it is.
        if type(chunk) is not list or len(chunk) != min(CHUNK, self._count - number * CHUNK):
            raise StoreError(
                f"the catalogue's {self._name} are not what it says: "
                "`pressroom doctor` builds it again"
            )
        return chunk


def _bytes_of(blob: memoryview | Piece) -> bytes | memoryview:
    """A chunk's saved bytes: held, or read again from the catalogue's file (checked)."""
    return blob.read() if isinstance(blob, Piece) else blob
