"""The qualifiers' values of every release an index build reads, waiting in a working file
until the index is finished."""

from __future__ import annotations

import json
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import IO

import orjson

# A field's records gathered in memory before they are written out (each field its own).
BLOCK_BYTES = 1 << 20


class FieldSpill:
    """Each release's folded values of *fields* qualifiers, as JSON records ``[release,
    value, ...]`` written a block at a time to a working file in *folder* (the system's
    temporary folder when None).

    An import's builder held them as a table of values, each with its releases:
    about 270 bytes a release, and small objects made among the releases being
    read, so that the heap they pinned grew with the file too (a source path is
    a new value for every release). They are read back one field at a time once
    the index's postings are placed, when the slices' working arrays are gone.
    A disk with no room keeps the blocks in memory instead (as before, if larger).
    """

    def __init__(self, fields: int, folder: Path | None) -> None:
        self._folder = folder
        self._file: IO[bytes] | None = None
        self._end = 0
        self._open: list[bytearray] = [bytearray() for _ in range(fields)]
        # Each field's blocks: where in the file (offset, length), or the bytes when
        # the disk had no room for them.
        self._blocks: list[list[tuple[int, int] | bytes]] = [[] for _ in range(fields)]

    def add(self, field: int, release: int, values: Iterable[str]) -> None:
        """Remember that *release* holds *values* (distinct, none empty) of qualifier *field*."""
        record = [release, *values]
        try:
            data = orjson.dumps(record)
        except orjson.JSONEncodeError:
            # A lone surrogate (kept as read): escaped by the standard library instead.
            data = json.dumps(record).encode("ascii")
        block = self._open[field]
        block += data
        block += b","
        if len(block) >= BLOCK_BYTES:
            self._write(field)

    def _write(self, field: int) -> None:
        block = self._open[field]
        if not block:
            return
        data = bytes(block)
        block.clear()
        try:
            if self._file is None:
                # Closed (and so deleted) by close(), once the fields are read.
                self._file = tempfile.TemporaryFile(  # noqa: SIM115
                    dir=self._folder, prefix=".pressroom-build-"
                )
            self._file.seek(self._end)
            self._file.write(data)
            self._file.flush()
        except OSError:
            # No room (or no working file): this block waits in memory.
            self._blocks[field].append(data)
            return
        self._blocks[field].append((self._end, len(data)))
        self._end += len(data)

    def records(self, field: int) -> Iterator[list[int | str]]:
        """The records of *field*, in the order they were added."""
        # The last block is read where it is (not written to be read back).
        last = bytes(self._open[field])
        self._open[field].clear()
        for block in [*self._blocks[field], last]:
            if not block:
                continue
            if isinstance(block, bytes):
                data = block
            else:
                offset, length = block
                assert self._file is not None
                self._file.seek(offset)
                data = self._file.read(length)
                if len(data) != length:
                    raise OSError("the index build's working file was cut short")
            text = b"[" + data[:-1] + b"]"
            del data
            try:
                found = orjson.loads(text)
            except orjson.JSONDecodeError:
                found = json.loads(text.decode("utf-8"))
            del text
            yield from found

    def lists(self, field: int, places: Sequence[int] | None) -> dict[str, array[int]]:
        """Each value of *field* and the releases holding it, in the order they were added;
        *places*: where each release goes (-1: left out, and a value left with no release
        with it)."""
        found: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
        for release, *values in self.records(field):
            assert isinstance(release, int)
            place = release if places is None else places[release]
            if place < 0:
                continue
            for value in values:
                assert isinstance(value, str)
                found[value].append(place)
        return found

    def close(self) -> None:
        """Delete the working file (the blocks held are let go)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._open = [bytearray() for _ in self._open]
        self._blocks = [[] for _ in self._blocks]
        self._end = 0
