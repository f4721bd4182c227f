"""Postings placed in a memory map of a working file: an index written and not kept holds
them in the system's file cache, not in the importing process's memory; and the other
pieces of an index file that are made only when written (:class:`Bitmap`)."""

from __future__ import annotations

import mmap
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeAlias

# What a pass over the map holds at once (its pages are let go after each window).
WINDOW_BYTES = 16 << 20


class MappedArray:
    """*count* unsigned ints (``code``: ``I``, 32 bits, or ``Q``, 64) in a deleted working
    file, mapped into memory, standing for the ``array`` of that code.

    The pages written are let go (:meth:`let_go`) as the build goes: they stay
    in the file cache, written back to the file when the system needs the
    memory, and are mapped again when read. A shared file mapping keeps what
    was written when its pages are dropped from the process (``MADV_DONTNEED``
    on a shared mapping forgets only the process's view, not the file's pages).
    """

    def __init__(self, count: int, folder: Path | None, code: str = "I") -> None:
        self.count = count
        self.code = code
        self.itemsize = 8 if code == "Q" else 4
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

        dtype = np.uint64 if self.code == "Q" else np.uint32
        return np.frombuffer(self._map, dtype=dtype, count=self.count)

    @property
    def values(self) -> memoryview:
        """The values as a memoryview of unsigned ints (read like the ``array`` it stands for)."""
        view = memoryview(self._map)
        return (view.cast("Q") if self.code == "Q" else view.cast("I"))[: self.count]

    @property
    def nbytes(self) -> int:
        return self.itemsize * self.count

    def let_go(self, start: int = 0, length: int = 0) -> None:
        """Drop the mapped pages of bytes *start* to *start* + *length* (0: to the end)
        from the process; what they hold stays in the file."""
        size = len(self._map)
        end = min(size, start + length) if length else size
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
