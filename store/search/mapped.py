"""Postings placed in a memory map of a working file: an index written and not kept holds
them in the system's file cache, not in the importing process's memory; and the other
pieces of an index file that are made only when written (:class:`Bitmap`)."""

from __future__ import annotations

import mmap
import os
import tempfile
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeAlias

# What a pass over the map holds at once (its pages are let go after each window).
WINDOW_BYTES = 16 << 20
# Linux maps up to this many bytes around a page read (fault_around_bytes, 64 KiB).
_AROUND = max(mmap.PAGESIZE, 64 << 10)
# Bytes an item of each code takes (``B``: bytes, the rows of bitmaps).
_ITEMSIZE = {"B": 1, "I": 4, "Q": 8}


class MappedArray:
    """*count* unsigned ints (``code``: ``I``, 32 bits, ``Q``, 64, or ``B``, bytes) in a
    deleted working file, mapped into memory, standing for the ``array`` of that code.

    The pages written are let go (:meth:`let_go`) as the build goes: they stay
    in the file cache, written back to the file when the system needs the
    memory, and are mapped again when read. A shared file mapping keeps what
    was written when its pages are dropped from the process (``MADV_DONTNEED``
    on a shared mapping forgets only the process's view, not the file's pages).
    """

    def __init__(self, count: int, folder: Path | None, code: str = "I") -> None:
        self.count = count
        self.code = code
        self.itemsize = _ITEMSIZE[code]
        size = max(self.itemsize, self.itemsize * count)  # a map cannot be empty
        # Unnamed where the system allows: nothing is left behind by a crash.
        with tempfile.TemporaryFile(dir=folder, prefix=".pressroom-build-") as file:
            # The blocks reserved now: a page written to a file the disk has no room
            # for would kill the process (SIGBUS); a full disk is an OSError here,
            # and the caller places the postings in memory instead.
            os.posix_fallocate(file.fileno(), 0, size)
            self._map = mmap.mmap(file.fileno(), size)
        # The map holds the file open; its descriptor is not needed any more.

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: Any) -> Any:
        return self.values[index]

    def numpy(self) -> Any:
        """The values as a numpy array over the map (writes go to the map)."""
        import numpy as np

        dtype = {"B": np.uint8, "I": np.uint32, "Q": np.uint64}[self.code]
        return np.frombuffer(self._map, dtype=dtype, count=self.count)

    @property
    def values(self) -> memoryview:
        """The values as a memoryview of unsigned ints (read like the ``array`` it stands for)."""
        view = memoryview(self._map)
        if self.code == "Q":
            return view.cast("Q")[: self.count]
        return (view.cast("I") if self.code == "I" else view)[: self.count]

    @property
    def nbytes(self) -> int:
        return self.itemsize * self.count

    def let_go(self, start: int = 0, length: int = 0) -> None:
        """Drop the mapped pages of bytes *start* to *start* + *length* (0: to the end)
        from the process; what they hold stays in the file."""
        size = len(self._map)
        end = min(size, start + length) if length else size
        # Widened by _AROUND each side: reading one page of a shared file maps the pages
        # of the block of addresses around it too, when they are in the file cache
        # (Linux's fault-around), and the map's address need not be a block's.
        start = max(0, start - _AROUND)
        end = min(size, end + _AROUND)
        start -= start % mmap.PAGESIZE
        if start < end:
            self._map.madvise(mmap.MADV_DONTNEED, start, end - start)

    def windows(self, size: int = WINDOW_BYTES) -> Iterator[memoryview]:
        """The bytes, a window at a time, each let go once the next is asked for."""
        view = memoryview(self._map)
        for start in range(0, self.nbytes, size):
            yield view[start : min(start + size, self.nbytes)]
            self.let_go(start, size)


class Bitmap:
    """A bitmap (an int, bit *i* = release *i*) to be written as *nbytes* little-endian bytes.

    Made into bytes only when its turn to be written comes: an index's bitmaps
    (each 1 bit a release, thousands of them) were all copied into bytes at
    once before the first was written, doubling them at the import's peak.
    """

    __slots__ = ("nbytes", "value")

    def __init__(self, value: int, nbytes: int) -> None:
        self.value = value
        self.nbytes = nbytes

    def windows(self) -> Iterator[bytes]:
        yield self.value.to_bytes(self.nbytes, "little")


class BitmapRows(Mapping[int, int]):
    """Bitmaps by entry (an int each when read, bit *i* = release *i*), kept as rows of
    *nbytes* bytes in a memory map: row *r* is the bitmap of ``entries[r]`` (ascending).

    An index written and not kept read them as ints: thousands of them, one
    bit a release each, the largest thing an import held at its end that grew
    with its file. Here they are read from the file cache when they are asked
    for: a row to write it, the rows of a range of entries to join them.
    """

    __slots__ = ("_entries", "_rows", "nbytes")

    def __init__(self, entries: Iterable[int], rows: MappedArray, nbytes: int) -> None:
        from array import array

        self._entries = array("Q", entries)
        self._rows = rows
        self.nbytes = nbytes

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[int]:
        return iter(self._entries)

    def _row_of(self, entry: object) -> int | None:
        if not isinstance(entry, int):
            return None
        row = bisect_left(self._entries, entry)
        return row if row < len(self._entries) and self._entries[row] == entry else None

    def __contains__(self, entry: object) -> bool:
        return self._row_of(entry) is not None

    def __getitem__(self, entry: int) -> int:
        row = self._row_of(entry)
        if row is None:
            raise KeyError(entry)
        return int.from_bytes(self._row(row), "little")

    def _row(self, row: int) -> bytes:
        start = row * self.nbytes
        data = bytes(self._rows.values[start : start + self.nbytes])
        self._rows.let_go(start, self.nbytes)
        return data

    def union(self, lo: int, hi: int) -> int:
        """The bitmap of the releases of the entries ``lo`` to ``hi`` (excluded) held here."""
        import numpy as np

        first = bisect_left(self._entries, lo)
        last = bisect_left(self._entries, hi, first)
        if first >= last or not self.nbytes:
            return 0
        rows = self._rows.numpy()
        joined = np.zeros(self.nbytes, dtype=np.uint8)
        # A window of rows at a time, let go once joined.
        step = max(1, WINDOW_BYTES // self.nbytes)
        for start in range(first, last, step):
            stop = min(last, start + step)
            window = rows[start * self.nbytes : stop * self.nbytes].reshape(stop - start, -1)
            joined |= np.bitwise_or.reduce(window, axis=0)
            del window
            self._rows.let_go(start * self.nbytes, (stop - start) * self.nbytes)
        return int.from_bytes(joined.tobytes(), "little")

    def parts(self) -> list[Made]:
        """The bitmaps in ascending order of entry, each read from the map when it is written."""
        return [Made(self.nbytes, _RowReader(self, row)) for row in range(len(self._entries))]


class _RowReader:
    """What :class:`Made` calls for one row of a :class:`BitmapRows`."""

    __slots__ = ("_row", "_rows")

    def __init__(self, rows: BitmapRows, row: int) -> None:
        self._rows = rows
        self._row = row

    def __call__(self) -> list[bytes]:
        return [self._rows._row(self._row)]


class Made:
    """A piece of *nbytes* bytes made by *make* when it is written (again at each pass:
    a file is read once for its checksum, then once to be written)."""

    __slots__ = ("make", "nbytes")

    def __init__(self, nbytes: int, make: Callable[[], Iterable[bytes]]) -> None:
        self.nbytes = nbytes
        self.make = make

    def windows(self) -> Iterator[bytes]:
        yield from self.make()


# A piece of an index file: bytes (or a view read like them), or made when written.
Part: TypeAlias = "bytes | MappedArray | Bitmap | Made"


def pieces(parts: Iterable[Part]) -> Iterator[bytes]:
    """The bytes of *parts*, a mapped one a window at a time (see :meth:`MappedArray.windows`),
    a bitmap when its turn comes."""
    for part in parts:
        if isinstance(part, MappedArray):
            yield from part.windows()  # type: ignore[misc]  # memoryviews, read like bytes
        elif isinstance(part, (Bitmap, Made)):
            yield from part.windows()
        else:
            yield part


def part_size(part: Part) -> int:
    """How many bytes *part* writes."""
    return part.nbytes if isinstance(part, (MappedArray, Bitmap, Made)) else len(part)
