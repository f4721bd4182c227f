"""Growing a search index by a few releases instead of building it again.

An import of today's releases into an archive of 100,000 rebuilt the whole
index (a minute); growing it costs what the new releases cost plus a few
passes over the old arrays in numpy. The new releases are indexed on their
own (a small index, no bitmaps), then each structure of the old index is
merged with the small one:

* every old position moves to its place in the grown archive (archive order
  is by date, so new releases land anywhere; mostly at the front);
* sorted keys (the vocabulary, pair keys, qualifier values) are merged, the
  old ids renumbered (the merge is monotone, so old order stays sorted);
* postings of an entry are the old ones, renumbered, then the new ones
  (within an entry, order does not matter: postings only ever become bitmaps);
* bitmaps (frequent tokens and pairs, short prefixes) have zero bits inserted
  where the new releases go, then the new releases' bits set.

The grown index answers exactly as a fresh build over the same releases
(``tests/test_index_growth.py``); only which entries are bitmaps may differ,
which is a matter of speed, not of answers.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    _Ints: TypeAlias = npt.NDArray[np.int64]
    _U64: TypeAlias = npt.NDArray[np.uint64]

# Bitmaps renumbered together, as rows of one bit matrix (memory: rows x releases bytes).
_ROWS = 128
# Past this many runs of old releases kept together, bitmaps are spread column by column.
_MOST_RUNS = 4096


class Renumbering:
    """Where the old releases and the added ones sit in the grown archive."""

    def __init__(self, old_places: Sequence[int], new_places: Sequence[int]) -> None:
        import numpy as np

        # The place of each old release, -1 for one removed (or changed: it is
        # removed, and added again at its new place).
        self.old: _Ints = np.asarray(old_places, dtype=np.int64)
        self.new: _Ints = np.asarray(new_places, dtype=np.int64)
        self.kept: _Ints = np.flatnonzero(self.old >= 0)
        self.removes = len(self.kept) < len(self.old)
        self.size = len(self.kept) + len(self.new)
        # Added releases all before the old ones, none removed (the usual import
        # of recent releases): every old bitmap is just shifted.
        front = not self.removes and _is_front(self.old, len(self.new))
        self.shift = len(self.new) if front else None
        # Old place to new place as uint32 (-1 wraps to its top value, dropped later).
        self.table = self.old.astype(np.uint32)

    def spread(self, bitmaps: list[int]) -> list[int]:
        """Old bitmaps with zero bits inserted where the added releases go."""
        import numpy as np

        if self.shift is not None:
            return [bitmap << self.shift for bitmap in bitmaps]
        old_size = len(self.old)
        nbytes = (old_size + 7) // 8
        runs = self._runs()
        out: list[int] = []
        for start in range(0, len(bitmaps), _ROWS):
            rows = bitmaps[start : start + _ROWS]
            packed = np.frombuffer(
                b"".join(bitmap.to_bytes(nbytes, "little") for bitmap in rows), dtype=np.uint8
            ).reshape(len(rows), nbytes)
            bits = np.unpackbits(packed, axis=1, bitorder="little")[:, :old_size]
            placed = np.zeros((len(rows), self.size), dtype=np.uint8)
            if runs is None:
                placed[:, self.old[self.kept]] = bits[:, self.kept]
            else:
                # Old order kept: a few runs of columns, each moved as a block.
                for first, last, to in runs:
                    placed[:, to : to + last - first] = bits[:, first:last]
            repacked = np.packbits(placed, axis=1, bitorder="little")
            out.extend(int.from_bytes(row.tobytes(), "little") for row in repacked)
        return out

    def _runs(self) -> list[tuple[int, int, int]] | None:
        """``(first, last, to)``: old releases ``first:last`` go to ``to:`` in the grown
        archive, when the old ones keep their order and few runs cover them; else None."""
        import numpy as np

        kept = self.kept
        if len(kept) == 0:
            return []
        places = self.old[kept]
        step = np.diff(places)
        if np.any(step <= 0):
            return None  # reordered: each release to its place
        # A run breaks where an old release was removed or an added one comes between.
        breaks = np.flatnonzero((step != 1) | (np.diff(kept) != 1)) + 1
        if len(breaks) > _MOST_RUNS:
            return None
        starts = np.concatenate(([0], breaks))
        ends = np.concatenate((breaks, [len(kept)]))
        return [
            (int(kept[a]), int(kept[b - 1]) + 1, int(places[a]))
            for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
        ]

    def bitmap_of_added(self, positions: Sequence[int]) -> int:
        """The bitmap, in the grown archive, of added releases given by their place among the added."""
        bitmap = 0
        for position in positions:
            bitmap |= 1 << int(self.new[position])
        return bitmap


def _positions(bitmap: int) -> _Ints:
    """The set bits of *bitmap*, ascending."""
    import numpy as np

    packed = np.frombuffer(bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little"), np.uint8)
    return np.flatnonzero(np.unpackbits(packed, bitorder="little")).astype(np.int64)


def _is_front(old: _Ints, added: int) -> bool:
    import numpy as np

    return bool(len(old) == 0 or (old[0] == added and np.all(np.diff(old) == 1)))


def merge_keys(old: Sequence[Any], new: Sequence[Any]) -> tuple[list[Any], _Ints, _Ints]:
    """The sorted union of two sorted key lists, and where each old and new key went."""
    import numpy as np

    found: list[int] = []  # for each new key, its place among the old keys (or -1)
    inserts: list[int] = []  # for each new key not among the old, where it goes
    for key in new:
        at = bisect_left(old, key)
        if at < len(old) and old[at] == key:
            found.append(at)
        else:
            found.append(-1)
            inserts.append(at)
    ins = np.asarray(inserts, dtype=np.int64)
    old_map: _Ints = np.arange(len(old), dtype=np.int64) + np.searchsorted(
        ins, np.arange(len(old)), side="right"
    )
    new_map = np.empty(len(new), dtype=np.int64)
    fresh = 0
    for k, at in enumerate(found):
        if at >= 0:
            new_map[k] = old_map[at]
        else:
            new_map[k] = inserts[fresh] + fresh
            fresh += 1
    merged: list[Any] = [None] * (len(old) + len(ins))
    for k, place in enumerate(old_map.tolist()):
        merged[place] = old[k]
    for k, place in enumerate(new_map.tolist()):
        merged[place] = new[k]
    return merged, old_map, new_map


def merge_postings(
    old: tuple[array[int], array[int], dict[int, int]],
    new: tuple[array[int], array[int], dict[int, int]],
    old_map: _Ints,
    new_map: _Ints,
    entries: int,
    places: Renumbering,
    *,
    reuse: bool = False,
) -> tuple[array[int], array[int], dict[int, int]]:
    """CSR postings and bitmaps of two indexes merged into *entries* entries.

    *reuse*: the old postings array may become the merged one (grown where it
    lies, its pages reused: fresh memory for 200 MB of postings cost more than
    the merge itself); the old index must not be used afterwards.

    *old* and *new* are ``(offsets, postings, bitmaps)`` over their own
    entries; ``old_map``/``new_map`` say where each entry goes. An entry that
    is a bitmap in the old index stays one; the new index's bitmaps (a pair
    twice in each of a few releases) become postings.
    """
    import numpy as np

    old_offsets = np.frombuffer(old[0], dtype=np.uint64).astype(np.int64)
    old_postings = np.frombuffer(old[1], dtype=np.uint32)
    new_offsets = np.frombuffer(new[0], dtype=np.uint64).astype(np.int64)
    new_counts = np.diff(new_offsets)
    new_entry = np.repeat(np.arange(len(new_counts), dtype=np.int64), new_counts)
    new_positions = np.frombuffer(new[1], dtype=np.uint32).astype(np.int64)
    # The new index's bitmaps, as postings of their entries.
    for k, bitmap in sorted(new[2].items()):
        found = _positions(bitmap)
        new_entry = np.concatenate((new_entry, np.full(len(found), k, dtype=np.int64)))
        new_positions = np.concatenate((new_positions, found))
    target = new_map[new_entry] if len(new_entry) else np.zeros(0, dtype=np.int64)

    # Entries that are bitmaps in the old index take their new releases as bits.
    dense: dict[int, int] = {}
    old_dense = sorted(old[2])
    spread = places.spread([old[2][k] for k in old_dense])
    placed_dense = {int(old_map[k]): bitmap for k, bitmap in zip(old_dense, spread, strict=True)}
    is_dense = np.zeros(entries, dtype=bool)
    is_dense[list(placed_dense)] = True
    to_bits = is_dense[target] if len(target) else np.zeros(0, dtype=bool)
    for entry, position in zip(
        target[to_bits].tolist(), new_positions[to_bits].tolist(), strict=True
    ):
        placed_dense[entry] |= 1 << int(places.new[position])
    dense = placed_dense
    target, new_positions = target[~to_bits], new_positions[~to_bits]

    # Each new posting goes after the old postings of its entry: at the end of
    # the old entry it merges with, or where the old entry after it starts.
    order = np.argsort(target, kind="stable")
    target, new_positions = target[order], new_positions[order]
    if len(old_map):
        following = np.searchsorted(old_map, target, side="right")  # old entries before or at it
    else:
        following = np.zeros(len(target), dtype=np.int64)
    at = old_offsets[following] if len(old_offsets) else np.zeros(len(target), dtype=np.int64)
    added = places.new[new_positions].astype(np.uint32)
    # The old postings renumbered and the new ones put in between, written straight
    # into the array the index keeps (no temporary as large as the postings).
    out = None
    if reuse and not places.removes:
        del old_postings  # a view of the array, which would forbid growing it
        out = _grown_in_place(old[1], at, added, places)
        if out is None:
            old_postings = np.frombuffer(old[1], dtype=np.uint32)
    if out is None:
        out = _uint32_array(len(old_postings) + len(added))
        _renumbered_into(np.frombuffer(out, dtype=np.uint32), old_postings, at, added, places)
    old_counts = np.diff(old_offsets)
    if places.removes:
        # Postings of removed releases (the top value) are dropped: few, those of
        # the removed releases.
        gone = np.uint32(0xFFFFFFFF)
        # A lookup a posting, not np.isin: its sort of the postings was most of
        # adding 100 releases to 100,000.
        dropped = np.flatnonzero((places.old < 0)[old_postings])
        if len(dropped):
            entry_of = np.searchsorted(old_offsets, dropped, side="right") - 1
            old_counts = old_counts - np.bincount(entry_of, minlength=len(old_counts))
            renumbered = np.frombuffer(out, dtype=np.uint32)
            out = as_array("I", renumbered[renumbered != gone])
            del renumbered
    postings = out

    counts = np.zeros(entries, dtype=np.int64)
    counts[old_map] = old_counts
    np.add.at(counts, target, 1)
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.uint64)
    return as_array("Q", offsets), postings, dense


def _uint32_array(size: int) -> array[int]:
    """A zeroed array of *size* unsigned 32-bit ints (copied from zeroed pages: 3x faster
    than ``array("I", [0]) * size``)."""
    return zeroed_array("I", size)


def zeroed_array(code: str, size: int) -> array[int]:
    """A zeroed ``array`` of *code* and *size* items, made at the speed of a copy."""
    import numpy as np

    out = array(code)
    if size:
        out.frombytes(np.zeros(size * out.itemsize, dtype=np.uint8).data)
    return out


def _grown_in_place(
    postings: array[int],
    at: _Ints,
    added: npt.NDArray[np.uint32],
    places: Renumbering,
) -> array[int] | None:
    """What :func:`_renumbered_into` writes, made in *postings* itself (grown at its end:
    no new memory for the old postings); None when it cannot grow (a view of it is held
    elsewhere), *postings* then unchanged."""
    import numpy as np

    size = len(postings)
    try:
        postings.frombytes(bytes(4 * len(added)))
    except BufferError:
        return None
    view = np.frombuffer(postings, dtype=np.uint32)
    step = 1 << 20
    for start in range(0, size, step):
        part = view[start : min(start + step, size)]
        if places.shift is not None:
            np.add(part, np.uint32(places.shift), out=part)
        else:
            part[:] = places.table[part]
    if len(at):
        # Runs of new postings going to the same place, from the last: each run of old
        # postings after one moves right by the number of new ones before it.
        starts = np.concatenate(([0], np.flatnonzero(np.diff(at)) + 1)).tolist()
        ends = [*starts[1:], len(at)]
        end = size
        for first, last, where in zip(
            reversed(starts), reversed(ends), reversed(at[starts].tolist()), strict=True
        ):
            shift = last  # new postings up to and with this run
            if end > where:
                np.copyto(view[where + shift : end + shift], view[where:end])
            view[where + shift - (last - first) : where + shift] = added[first:last]
            end = where
    del view
    return postings


def _renumbered_into(
    out: npt.NDArray[np.uint32],
    old: npt.NDArray[np.uint32],
    at: _Ints,
    added: npt.NDArray[np.uint32],
    places: Renumbering,
) -> None:
    """*out* = the *old* postings renumbered by *places*, with *added* inserted before
    the old postings at *at* (ascending), as ``numpy.insert`` would place them."""
    import numpy as np

    def renumber(part: npt.NDArray[np.uint32], into: npt.NDArray[np.uint32]) -> None:
        if places.shift is not None:
            np.add(part, np.uint32(places.shift), out=into)
        else:
            np.take(places.table, part, out=into)

    if len(at) == 0:
        renumber(old, out)
        return
    # Runs of new postings going to the same place, one slice copy each.
    starts = np.concatenate(([0], np.flatnonzero(np.diff(at)) + 1)).tolist()
    ends = [*starts[1:], len(at)]
    source = written = 0
    for first, last, where in zip(starts, ends, at[starts].tolist(), strict=True):
        if where > source:
            renumber(old[source:where], out[written : written + where - source])
            written += where - source
            source = where
        out[written : written + last - first] = added[first:last]
        written += last - first
    renumber(old[source:], out[written:])


def merge_numeric_keys(old: _U64, new: _U64) -> tuple[_U64, _Ints, _Ints]:
    """:func:`merge_keys` for sorted numpy keys (pair keys): the union and where each went."""
    import numpy as np

    at = np.searchsorted(old, new)
    exists = np.zeros(len(new), dtype=bool)
    if len(old):
        exists = (at < len(old)) & (old[np.minimum(at, len(old) - 1)] == new)
    inserts = at[~exists]
    old_map: _Ints = np.arange(len(old), dtype=np.int64) + np.searchsorted(
        inserts, np.arange(len(old)), side="right"
    )
    new_map = np.empty(len(new), dtype=np.int64)
    new_map[exists] = old_map[at[exists]]
    new_map[~exists] = inserts + np.arange(len(inserts))
    merged = np.empty(len(old) + len(inserts), dtype=np.uint64)
    merged[old_map] = old
    merged[new_map[~exists]] = new[~exists]
    return merged, old_map, new_map


def merge_sorted_pairs(
    old_first: _Ints, old_second: _Ints, new_first: _Ints, new_second: _Ints
) -> tuple[array[int], array[int]]:
    """Two lists of ``(first, second)`` sorted by first then second, merged (a date, a place)."""
    import numpy as np

    kept = old_second >= 0  # the places of removed releases are -1
    old_first, old_second = old_first[kept], old_second[kept]
    keys = (old_first.astype(np.uint64) << np.uint64(32)) | old_second.astype(np.uint64)
    added = (new_first.astype(np.uint64) << np.uint64(32)) | new_second.astype(np.uint64)
    added.sort()
    merged = np.insert(keys, np.searchsorted(keys, added), added)
    return (
        as_array("I", merged >> np.uint64(32)),
        as_array("I", merged & np.uint64(0xFFFFFFFF)),
    )


def as_array(code: str, values: npt.NDArray[Any]) -> array[int]:
    """A numpy array as an ``array`` of *code*, what the index keeps (one copy)."""
    import numpy as np

    out = array(code)
    values = np.ascontiguousarray(values, dtype=np.uint64 if out.itemsize == 8 else np.uint32)
    out.frombytes(values.data.cast("B"))
    return out
