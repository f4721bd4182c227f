"""Pieces of a derived file left on disk once checked, read again (and checked again) when asked.

A catalogue loaded whole held its file's bytes for as long as it was open (83 MB
at 230,000 releases, and a copy of its contact blocks besides): most of what an
import held while its index was finished, and what the browser holds until it
closes. Read a piece at a time instead, each piece's CRC-32 taken as the file's
own is verified, then dropped: a piece is read again from the same open file
(the same inode: a derived file is replaced by a rename, never rewritten in
place) when a column or the contact blocks are first asked for, and refused if
its bytes are no longer the ones verified (SECURITY.md D12).
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
import zlib

from store.errors import StoreError


class SavedFile:
    """An open derived file whose pieces are read on demand (closed with its last piece)."""

    __slots__ = ("__weakref__", "_fd", "_finalizer", "_lock")

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _close_quietly, fd)

    def close(self) -> None:
        """Let go of the file: a piece read afterwards is an error, never another file's bytes."""
        with self._lock:
            self._fd = -1
            self._finalizer()

    def read(self, offset: int, length: int, check: int) -> bytes:
        """The *length* bytes at *offset*, which must have CRC-32 *check*."""
        with self._lock:  # the descriptor never closes (and is reused) during a read
            if self._fd < 0:
                raise StoreError("the catalogue was closed; reopen the archive")
            try:
                data = os.pread(self._fd, length, offset)
            except OSError as exc:
                raise StoreError(f"cannot read the catalogue: {exc}") from exc
        if len(data) != length or zlib.crc32(data) != check:
            raise StoreError("the catalogue changed on disk: `pressroom doctor` builds it again")
        return data


class Piece:
    """Bytes of a :class:`SavedFile`, as they were when it was loaded."""

    __slots__ = ("check", "file", "length", "offset")

    def __init__(self, file: SavedFile, offset: int, length: int, check: int) -> None:
        self.file = file
        self.offset = offset
        self.length = length
        self.check = check

    def __len__(self) -> int:
        return self.length

    def read(self) -> bytes:
        return self.file.read(self.offset, self.length, self.check)


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
