"""The catalogue's contact blocks, parsed a slice at a time so that no parse holds the lock long."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import orjson

__all__ = ["SLICE", "parsed_in_slices"]

# Releases' blocks a slice: a slice is found and parsed in 2-3 ms at 100k (load 5), the
# whole column in 1.5-2.4 times one orjson.loads of it; but that one call (17 MB at 100k)
# held the lock for 70-100 ms, which a key typed meanwhile waited out.
SLICE = 1024

# One release's block as orjson writes it (no spaces): a list of contacts, each a
# list of strings and nulls. A string's quotes and backslashes are always escaped,
# so a string ends at the first quote not escaped; no part here can match the same
# text two ways, so a match takes one pass over its bytes. The string is written as
# runs of plain bytes between escapes: a run is one repeat the engine scans in C,
# where an alternation tried at every byte made the slices five times slower.
_STRING = rb'"[^"\\]*(?:\\.[^"\\]*)*"'
_FIELD = rb"(?:" + _STRING + rb"|null)"
_CONTACT = rb"\[" + _FIELD + rb"(?:," + _FIELD + rb")*\]"
_BLOCK = rb"\[(?:" + _CONTACT + rb"(?:," + _CONTACT + rb")*)?\]"


@functools.cache
def _slice_of(count: int) -> re.Pattern[bytes]:
    # Up to *count* blocks, each followed by the comma between blocks or the column's end.
    return re.compile(rb"(?:" + _BLOCK + rb"[,\]]){1," + str(count).encode() + rb"}", re.DOTALL)


def parsed_in_slices(column: bytes | memoryview, per: int = SLICE) -> Iterator[list[Any]]:
    """The blocks of *column* (one JSON list of every release's block), *per* at a time.

    A column not in the shape orjson writes is parsed whole, as one slice, so that
    what it holds and any error it raises are orjson's own.
    """
    data = bytes(column) if isinstance(column, memoryview) else column
    if data == b"[]":
        return
    if not data.startswith(b"[") or not data.endswith(b"]"):
        yield orjson.loads(data)
        return
    pattern = _slice_of(per)
    yielded = 0
    at = 1
    while at < len(data):
        found = pattern.match(data, at)
        if found is None:
            break
        # The slice ends with its separator (a comma, or the column's closing bracket).
        blocks = orjson.loads(b"[" + data[at : found.end() - 1] + b"]")
        at = found.end()
        yield blocks
        yielded += len(blocks)
    if at != len(data):
        # Not orjson's shape (a hand-made or damaged file): the rest from the whole,
        # parsed as before, so that what it holds and any error are orjson's own.
        yield orjson.loads(data)[yielded:]
