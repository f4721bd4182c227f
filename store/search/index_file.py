"""The search index kept on disk beside the store: derived data, rebuilt whenever it is stale.

Two files: the index (``releases.json.index``) and, after an import of a few
releases into a large archive, the index of what was added since
(``releases.json.index.added``, with which releases of the index it replaces).
Merging 100 releases into the index of 100,000 and writing its 300 MB again
took 2.5 s of a 5 s import; the import writes the small file instead, and
whoever opens the archive next merges the two (1 s; the browser then keeps
the merged index as the new ``.index``). Once the added releases pass
``ADDED_SHARE`` of the index, the import merges and writes the whole.
Either way the answers are those of an index built afresh.
"""

from __future__ import annotations

import hashlib
import io
import mmap
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload

import orjson

from store.disk.derived import open_derived, write_derived_pieces
from store.records import Release
from store.search.index import BuildProgress, IndexBuilder, SearchIndex
from store.search.mapped import Made, Part, part_size, pieces

if TYPE_CHECKING:
    from array import array

# Version 2 adds the checksum of everything after the header (SECURITY.md D12):
# an index damaged inside, its header intact, must never give a wrong answer.
# Version 3 adds the ids and fingerprints the index was built over, so that it
# can grow by the releases an import adds instead of being built again.
_HEADER = b"PRESSROOM-INDEX-CACHE-3 "
# Below this many releases a build takes under a second: growing is not worth it.
GROW_FROM = 2000
# The added releases kept apart from the index, as a share of it, before an import
# merges them in (each open merges them until then).
ADDED_SHARE = 0.05
_ADDED_HEADER = b"PRESSROOM-INDEX-ADDED-1 "


def cache_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.index``, in the same folder."""
    return store_path.with_name(store_path.name + ".index")


def content_key(ids: Sequence[str], fingerprints: Sequence[str]) -> bytes:
    """What the index depends on: every release's id and content, in order."""
    h = hashlib.blake2b(digest_size=16)
    for release_id, fingerprint in zip(ids, fingerprints, strict=True):
        h.update(release_id.encode())
        h.update(fingerprint.encode())
    return h.hexdigest().encode()


def added_path(path: Path) -> Path:
    """``releases.json.index`` -> ``releases.json.index.added``."""
    return path.with_name(path.name + ".added")


def load(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
) -> SearchIndex | None:
    """The cached index for exactly these releases, or None (missing, stale or damaged):
    the index file, or the index file merged with the added releases kept apart.

    *ids* and *fingerprints* (the releases' own, when not given) spare a
    caller whose releases are read from disk one by one from reading them all.
    """
    ids, fingerprints = _keys(releases, ids, fingerprints)
    return _load_whole(path, releases, ids, fingerprints) or _load_with_added(
        path, releases, ids, fingerprints
    )


def _load_whole(
    path: Path, releases: Sequence[Release], ids: Sequence[str], fingerprints: Sequence[str]
) -> SearchIndex | None:
    head = _HEADER + content_key(ids, fingerprints) + b" "
    try:
        with open_derived(path) as handle:
            line = handle.readline(len(head) + 16)
            if not line.startswith(head) or not line.endswith(b"\n"):
                return None
            # Mapped, not read: the index's arrays are views of the file's pages (300 MB
            # at 100k copied into the process took most of a second at every opening).
            # Its writers replace it by a rename, never in place, so the pages mapped
            # stay the file that was checked.
            mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        body = _Mapped(mapping, len(line))
        if line[len(head) : -1] != b"%08x" % body.crc:
            return None
        _read_keys(body, parse=False)
        return SearchIndex.from_file(body, releases, ids)
    except (OSError, ValueError, struct.error):
        return None


def grow(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
) -> SearchIndex | None:
    """The cached index grown by the releases added since it was built, or None.

    Releases removed or changed since are taken out (a changed one is added
    again). None when the cache is missing or damaged, when the releases it
    keeps are no longer in its order, or when so many were added that
    building afresh costs about as much.
    """
    ids, fingerprints = _keys(releases, ids, fingerprints)
    found = _cached_part(path, releases, ids, fingerprints)
    if found is None:
        return None
    old, removed, added, _key = found
    kept = old.size - len(removed)
    if kept < GROW_FROM or not (added or removed) or len(added) > kept:
        return None
    return old.grown(releases, added, removed, ids=ids, consume=True)


# What _with_added gives when it wrote the index as asked and was not asked for it.
_WRITTEN = object()
# The archive's size from which an import keeps its releases apart from the index.
ADDED_FROM = GROW_FROM


def _with_added(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str] | None,
    fingerprints: Sequence[str] | None,
    added: IndexBuilder,
    progress: BuildProgress | None,
    keep: bool = True,
) -> SearchIndex | object | None:
    """The index of *releases* from the releases an import *added* and, if there were
    others before, the cached index of those (and the releases kept apart from it);
    None when they are not exactly that. Without *keep*, :data:`_WRITTEN` once it is
    written, when the added releases are kept apart (the index is not merged)."""
    import numpy as np

    ids, fingerprints = _keys(releases, ids, fingerprints)
    found = _added_places(added, ids)
    kept = found[found >= 0]
    if (found == -2).any() or len(np.unique(kept)) != len(kept):
        return None  # a release added twice, or not stored as it was added
    if progress is not None:
        progress(len(ids), len(ids))
    if len(kept) == len(ids):
        # A new archive: the releases added are all of it, each put at its place in
        # archive order as the index is finished (reordering a finished index
        # held two of them: 300 MB more at 100k).
        del kept
        made = added.finish(
            releases, places=found, ids=ids, scratch=path.parent, written_only=not keep
        )
        save(path, releases, made, ids, fingerprints)
        return made if keep else _WRITTEN
    places, stored = found.tolist(), kept.tolist()
    built = added.finish(_Picked(releases, places), scratch=path.parent)
    if added.dropped:
        # Those left out go first: the added index is then of the stored ones, in order.
        order = iter(range(len(stored)))
        compact = [-1 if p < 0 else next(order) for p in places]
        built = built.reordered(_Picked(releases, stored), compact)
    main = _main_keys(path)
    if main is None:
        return None
    key, old_ids, old_fingerprints = main
    placed = _places(ids, fingerprints, old_ids, old_fingerprints)
    if placed is None:
        return None
    _old_places, removed, missing = placed
    combined = _combined(path, releases, ids, fingerprints, key, stored, built, missing)
    if combined is None:
        return None
    positions, delta = combined
    kept = len(old_ids) - len(removed)
    apart = kept >= ADDED_FROM and len(missing) <= ADDED_SHARE * kept
    if apart:
        _save_added(path, key, ids, fingerprints, positions, removed, delta)
        if not keep:
            return _WRITTEN
    found = _cached_part(path, releases, ids, fingerprints)
    if found is None or found[1:] != (removed, missing, key):
        return None
    merged = found[0].grown(releases, positions, removed, ids=ids, delta=delta, consume=True)
    if not apart:
        save(path, releases, merged, ids, fingerprints)
    return merged


def _added_places(added: IndexBuilder, ids: Sequence[str]) -> Any:
    """Where each release *added* is among *ids* (-1: dropped, -2: not there), as a numpy
    array: a list of them, and the table of where each id is, were 100 bytes a release
    held while a new archive's index is finished (the table is let go on return)."""
    import numpy as np

    where = {release_id: position for position, release_id in enumerate(ids)}
    dropped = added.dropped
    return np.fromiter(
        (
            -1 if number in dropped else where.get(release_id, -2)
            for number, release_id in enumerate(added.ids)
        ),
        dtype=np.int64,
        count=len(added.ids),
    )


def _combined(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str],
    fingerprints: Sequence[str],
    key: bytes,
    stored: list[int],
    built: SearchIndex,
    missing: list[int],
) -> tuple[list[int], SearchIndex] | None:
    """The index of the releases the index file lacks (at *missing*), made of those kept
    apart earlier (if any) and *built*, the index of those an import stored at *stored*,
    with the positions of its releases in its order; None when they are not exactly
    those."""
    where = {release_id: position for position, release_id in enumerate(ids)}
    earlier: list[int] = []

    def placing(_full: bytes, info: dict[str, Any]) -> tuple[Sequence[Release], list[str]]:
        for release_id, fingerprint in zip(info["ids"], info["fingerprints"], strict=True):
            position = where.get(release_id)
            gone = position is None or fingerprints[position] != fingerprint
            earlier.append(-1 if gone or position is None else position)
        return _Picked(releases, earlier), list(info["ids"])

    found = _open_added(path, placing)
    if found is None or found[1] != key:
        # None kept apart for this index file: the import's are all it lacks.
        return (stored, built) if sorted(stored) == missing else None
    kept = [p for p in earlier if p >= 0]
    if sorted(kept + stored) != missing:
        return None
    # The earlier ones first, in their index's order, then the import's.
    order = kept + stored
    gone = [n for n, p in enumerate(earlier) if p < 0]
    added = list(range(len(kept), len(order)))
    try:
        delta = found[3].grown(
            _Picked(releases, order),
            added,
            gone,
            ids=[ids[p] for p in order],
            delta=built,
            consume=True,
        )
    except ValueError:
        return None
    return order, delta


def _save_added(
    path: Path,
    key: bytes,
    ids: Sequence[str],
    fingerprints: Sequence[str],
    order: list[int],
    removed: list[int],
    delta: SearchIndex,
) -> None:
    """Keep the index of the releases the index file lacks beside it (derived data):
    *order* says where each of its releases is in the archive."""
    try:
        info = orjson.dumps(
            {
                "added": order,
                "removed": removed,
                "ids": [ids[p] for p in order],
                "fingerprints": [fingerprints[p] for p in order],
            }
        )
    except TypeError:
        return
    parts = (struct.pack("<Q", len(info)), info, *delta.to_parts())
    crc = 0
    for piece in pieces(parts):
        crc = zlib.crc32(piece, crc)
    full = content_key(ids, fingerprints)
    head = _ADDED_HEADER + full + b" " + key + b" %08x\n" % crc
    write_derived_pieces(added_path(path), pieces((head, *parts)))


def _open_added(
    path: Path,
    placing: Callable[[bytes, dict[str, Any]], tuple[Sequence[Release], list[str]] | None],
) -> tuple[bytes, bytes, dict[str, Any], SearchIndex] | None:
    """The releases kept apart beside the index at *path*: the content key of the archive
    they were kept for, the index file's key, what they are, and their index over the
    releases *placing* gives for those; None when missing, refused or damaged."""
    try:
        with open_derived(added_path(path)) as handle:
            line = handle.readline(len(_ADDED_HEADER) + 100)
            if not line.startswith(_ADDED_HEADER) or not line.endswith(b"\n"):
                return None
            fields = line[len(_ADDED_HEADER) : -1].split(b" ")
            if len(fields) != 3:
                return None
            full, key, crc = fields
            body = _Checked(handle)
            (size,) = struct.unpack("<Q", body.read(8))
            data = body.read(size)
            if len(data) != size:
                return None
            info = orjson.loads(data)
            if not isinstance(info, dict):
                return None
            picked = placing(full, info)
            if picked is None:
                return None
            index = SearchIndex.from_file(body, picked[0], picked[1])
            if crc != b"%08x" % body.crc:
                return None
    except (OSError, ValueError, KeyError, TypeError, struct.error, orjson.JSONDecodeError):
        return None
    return full, key, info, index


def _load_with_added(
    path: Path, releases: Sequence[Release], ids: Sequence[str], fingerprints: Sequence[str]
) -> SearchIndex | None:
    """The index file merged with the releases kept apart, when together they are exactly
    *releases*; None otherwise."""
    full_key = content_key(ids, fingerprints)

    def placing(full: bytes, info: dict[str, Any]) -> tuple[Sequence[Release], list[str]] | None:
        positions = info["added"]
        if full != full_key or not all(type(p) is int and 0 <= p < len(ids) for p in positions):
            return None
        return _Picked(releases, positions), [ids[p] for p in positions]

    found = _open_added(path, placing)
    if found is None:
        return None
    _full, key, info, delta = found
    cached = _cached_part(path, releases, ids, fingerprints)
    if cached is None or cached[1:] != (info["removed"], sorted(info["added"]), key):
        return None
    try:
        return cached[0].grown(
            releases, info["added"], info["removed"], ids=ids, delta=delta, consume=True
        )
    except ValueError:
        return None


def _main_keys(path: Path) -> tuple[bytes, list[str], list[str]] | None:
    """The index file's content key and the ids and fingerprints it was built over (the
    rest of the file not read, nor checked: whoever loads it checks it)."""
    try:
        with open_derived(path) as handle:
            line = handle.readline(len(_HEADER) + 64)
            if not line.startswith(_HEADER) or not line.endswith(b"\n"):
                return None
            old_ids, old_fingerprints = _read_keys(_Checked(handle), parse=True)
    except (OSError, ValueError, struct.error, orjson.JSONDecodeError):
        return None
    return line[len(_HEADER) : -10], old_ids, old_fingerprints


def _cached_part(
    path: Path, releases: Sequence[Release], ids: Sequence[str], fingerprints: Sequence[str]
) -> tuple[SearchIndex, list[int], list[int], bytes] | None:
    """The cached index (over the releases it was built for), which of its releases are
    gone or changed, the positions of *releases* it lacks, and its content key; None if
    it cannot serve."""
    try:
        with open_derived(path) as handle:
            line = handle.readline(len(_HEADER) + 64)
            if not line.startswith(_HEADER) or not line.endswith(b"\n"):
                return None
            body = _Checked(handle)
            old_ids, old_fingerprints = _read_keys(body, parse=True)
            places = _places(ids, fingerprints, old_ids, old_fingerprints)
            if places is None:
                return None
            old_places, removed, added = places
            old = SearchIndex.from_file(body, _Picked(releases, old_places), old_ids)
            if line[len(line.rstrip(b"\n")) - 8 : -1] != b"%08x" % body.crc:
                return None
    except (OSError, ValueError, struct.error, orjson.JSONDecodeError):
        return None
    return old, removed, added, line[len(_HEADER) : -10]


def _places(
    ids: Sequence[str],
    fingerprints: Sequence[str],
    old_ids: list[str],
    old_fingerprints: list[str],
) -> tuple[list[int], list[int], list[int]] | None:
    """Where each old release is now (-1: removed or changed), the old ones removed, and
    the positions added; None when the old ones kept are not in their old order."""
    where = {release_id: position for position, release_id in enumerate(ids)}
    if len(where) != len(ids) or len(old_ids) != len(old_fingerprints):
        return None
    old_places: list[int] = []
    removed: list[int] = []
    last = -1
    for number, (release_id, fingerprint) in enumerate(zip(old_ids, old_fingerprints, strict=True)):
        position = where.get(release_id)
        if position is None or fingerprints[position] != fingerprint:
            old_places.append(-1)  # removed, or changed: added again where it is now
            removed.append(number)
            continue
        if position <= last:
            return None
        old_places.append(last := position)
    kept = {p for p in old_places if p >= 0}
    return old_places, removed, [p for p in range(len(ids)) if p not in kept]


def _read_keys(body: io.BufferedIOBase, *, parse: bool) -> tuple[list[str], list[str]]:
    (size,) = struct.unpack("<Q", body.read(8))
    data = body.read(size)
    if len(data) != size:
        raise ValueError("damaged search index: wrong length")
    if not parse:
        return [], []
    keys = orjson.loads(data)
    if not (isinstance(keys, list) and len(keys) == 2 and all(isinstance(k, list) for k in keys)):
        raise ValueError("damaged search index: no keys")
    return keys[0], keys[1]


def save(
    path: Path,
    releases: Sequence[Release],
    index: SearchIndex,
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
) -> None:
    """Write the index atomically; a cache that cannot be written is simply not kept."""
    ids, fingerprints = _keys(releases, ids, fingerprints)
    keys = _keys_json(ids, fingerprints)
    parts = (struct.pack("<Q", part_size(keys)), keys, *index.to_parts())
    crc = 0
    for piece in pieces(parts):
        crc = zlib.crc32(piece, crc)
    head = _HEADER + content_key(ids, fingerprints) + b" %08x\n" % crc
    write_derived_pieces(path, pieces((head, *parts)))
    # The releases kept apart from the index are in this one now (or of another).
    added_path(path).unlink(missing_ok=True)


# Ids (or fingerprints) made into JSON at once when the index is written.
_KEYS_AT_ONCE = 4096


def _keys_json(ids: Sequence[str], fingerprints: Sequence[str]) -> Part:
    """``orjson.dumps([list(ids), list(fingerprints)])``, made a few thousand at a time as
    it is written: made whole, it was 200 bytes a release held while the index is written.
    ``[[],[]]`` when an id is not valid Unicode (the index is kept, not grown)."""

    def make() -> Iterator[bytes]:
        for number, values in enumerate((ids, fingerprints)):
            yield b",[" if number else b"[["
            rest = iter(values)
            first = True
            while chunk := list(islice(rest, _KEYS_AT_ONCE)):
                inside = orjson.dumps(chunk)[1:-1]
                yield inside if first else b"," + inside
                first = False
            yield b"]"
        yield b"]"

    try:
        size = sum(map(len, make()))
    except TypeError:
        return b"[[],[]]"
    return Made(size, make)


def load_or_build(
    path: Path | None,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
    progress: BuildProgress | None = None,
    added: IndexBuilder | None = None,
    keep: bool = True,
) -> SearchIndex | None:
    """The cached index when it is current, else the cached one grown by the releases
    added since, else a fresh one (then cached).

    *added*: what an import fed an :class:`IndexBuilder` as it stored releases;
    when they are all the store holds besides the cached index's releases
    (and those kept apart from it), the index is made of the two and nothing
    is read again. A few added to a large archive are kept apart
    (``ADDED_SHARE``): then, without *keep* (the caller does not need the
    index now), they are written and None is returned, the merge left to
    whoever opens the archive next.
    """
    if path is not None:
        ids, fingerprints = _keys(releases, ids, fingerprints)
        cached = _load_whole(path, releases, ids, fingerprints)
        if cached is not None:
            return cached
        if added is not None and len(added):
            made = _with_added(path, releases, ids, fingerprints, added, progress, keep)
            if made is _WRITTEN:
                return None
            if isinstance(made, SearchIndex):
                return made  # written as it was made
        merged = _load_with_added(path, releases, ids, fingerprints)
        if merged is not None:
            # Opened after an import kept releases apart: the merged index is kept whole.
            save(path, releases, merged, ids, fingerprints)
            return merged
        grown = grow(path, releases, ids, fingerprints)
        if grown is not None:
            save(path, releases, grown, ids, fingerprints)
            return grown
    scratch = None if path is None else path.parent
    index = SearchIndex.build(releases, ids=ids, progress=progress, scratch=scratch)
    if path is not None:
        save(path, releases, index, ids, fingerprints)
    return index


def _keys(
    releases: Sequence[Release], ids: Sequence[str] | None, fingerprints: Sequence[str] | None
) -> tuple[Sequence[str], Sequence[str]]:
    if ids is None or fingerprints is None:
        return [r.id for r in releases], [r.fingerprint for r in releases]
    return ids, fingerprints


class _Checked(io.BufferedIOBase):
    """A reader that keeps the CRC-32 of what it gives (4 GB/s: ~75 ms for a 100k index)."""

    def __init__(self, handle: io.BufferedReader) -> None:
        self._handle = handle
        self.crc = 0

    def read(self, size: int | None = -1) -> bytes:
        data = self._handle.read(size)
        self.crc = zlib.crc32(data, self.crc)
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = self._handle.readinto(buffer)
        self.crc = zlib.crc32(buffer[:count], self.crc)
        return count


# Pages of a map handed back once read (where the system has madvise: not Windows).
_LET_GO: int | None = getattr(mmap, "MADV_DONTNEED", None)


class _Mapped(io.BufferedIOBase):
    """An index file mapped into memory, read like :class:`_Checked` (its CRC-32 made
    before anything is read), whose arrays are taken as views of the map, not copied."""

    # The CRC is made a slice at a time, each slice's pages let go after it: the
    # whole file resident at once would be the browser's peak memory (300 MB at
    # 100k); the pages a search reads are mapped again from the file cache.
    STEP = 1 << 24

    def __init__(self, mapping: mmap.mmap, start: int) -> None:
        self._view = memoryview(mapping)
        self._at = start
        crc, size = 0, len(mapping)
        for at in range(start, size, self.STEP):
            end = min(at + self.STEP, size)
            crc = zlib.crc32(self._view[at:end], crc)  # without the GIL (zlib, > 5 KB)
            if _LET_GO is not None:
                page = at - at % mmap.PAGESIZE
                mapping.madvise(_LET_GO, page, end - page)
        self.crc = crc

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._at + size
        data = bytes(self._view[self._at : end])
        self._at += len(data)
        return data

    def take(self, code: str, size: int) -> array[int]:
        """The next *size* bytes as items of *code*, a view of the map (no copy).

        A ``memoryview`` stands for the ``array`` the index otherwise holds: it is
        read the same way (items, slices, ``len``, ``bisect``, the buffer protocol
        numpy reads) and never grown (an index is grown from a copy,
        ``_cached_part``).
        """
        data = self._view[self._at : self._at + size]
        if len(data) != size or size % struct.calcsize(code):
            raise ValueError("damaged search index: wrong length")
        self._at += size
        return cast("array[int]", data.cast(code))  # type: ignore[call-overload]


class _Picked(Sequence[Release]):
    """The releases at some positions of a sequence (-1: one no longer there), read only when
    asked for."""

    def __init__(self, releases: Sequence[Release], positions: list[int]) -> None:
        self._releases = releases
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Release: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Release]: ...

    def __getitem__(self, index: int | slice) -> Release | Sequence[Release]:
        if isinstance(index, slice):
            return [self._pick(p) for p in self._positions[index]]
        return self._pick(self._positions[index])

    def __iter__(self) -> Iterator[Release]:
        return (self._pick(p) for p in self._positions)

    def _pick(self, position: int) -> Release:
        if position < 0:
            raise IndexError("a release removed since the index was built")
        return self._releases[position]
