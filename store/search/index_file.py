"""The search index kept on disk beside the store: derived data, rebuilt whenever it is stale."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

import orjson

from store.disk.derived import open_derived, write_derived
from store.records import Release
from store.search.index import BuildProgress, IndexBuilder, SearchIndex

# Version 2 adds the checksum of everything after the header (SECURITY.md D12):
# an index damaged inside, its header intact, must never give a wrong answer.
# Version 3 adds the ids and fingerprints the index was built over, so that it
# can grow by the releases an import adds instead of being built again.
_HEADER = b"PRESSROOM-INDEX-CACHE-3 "
# Below this many releases a build takes under a second: growing is not worth it.
GROW_FROM = 2000


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


def load(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
) -> SearchIndex | None:
    """The cached index for exactly these releases, or None (missing, stale or damaged).

    *ids* and *fingerprints* (the releases' own, when not given) spare a
    caller whose releases are read from disk one by one from reading them all.
    """
    ids, fingerprints = _keys(releases, ids, fingerprints)
    head = _HEADER + content_key(ids, fingerprints) + b" "
    try:
        with open_derived(path) as handle:
            line = handle.readline(len(head) + 16)
            if not line.startswith(head) or not line.endswith(b"\n"):
                return None
            body = _Checked(handle)
            _read_keys(body, parse=False)
            index = SearchIndex.from_file(body, releases, ids)
            if line[len(head) : -1] != b"%08x" % body.crc:
                return None
            return index
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
    old, removed, added = found
    kept = old.size - len(removed)
    if kept < GROW_FROM or not (added or removed) or len(added) > kept:
        return None
    return old.grown(releases, added, removed, ids=ids, consume=True)


def _with_added(
    path: Path,
    releases: Sequence[Release],
    ids: Sequence[str] | None,
    fingerprints: Sequence[str] | None,
    added: IndexBuilder,
    progress: BuildProgress | None,
) -> SearchIndex | None:
    """The index of *releases* from the releases an import *added* and, if there were
    others before, the cached index of those; None when they are not exactly that."""
    ids, fingerprints = _keys(releases, ids, fingerprints)
    where = {release_id: position for position, release_id in enumerate(ids)}
    places = [
        -1 if number in added.dropped else where.get(release_id, -2)
        for number, release_id in enumerate(added.ids)
    ]
    stored = [p for p in places if p >= 0]
    if -2 in places or len(set(stored)) != len(stored):
        return None  # a release added twice, or not stored as it was added
    if progress is not None:
        progress(len(ids), len(ids))
    if len(stored) == len(ids):
        # A new archive: the releases added are all of it, each put at its place in
        # archive order as the index is finished (reordering a finished index
        # held two of them: 300 MB more at 100k).
        return added.finish(releases, places=places, ids=ids, scratch=path.parent)
    built = added.finish(_Picked(releases, places), scratch=path.parent)
    found = _cached_part(path, releases, ids, fingerprints)
    if found is None or sorted(found[2]) != sorted(stored):
        return None
    old, removed, _ = found
    if added.dropped:
        # Those left out go first: the added index is then of the stored ones, in order.
        order = iter(range(len(stored)))
        compact = [-1 if p < 0 else next(order) for p in places]
        built = built.reordered(_Picked(releases, stored), compact)
    return old.grown(releases, stored, removed, ids=ids, delta=built, consume=True)


def _cached_part(
    path: Path, releases: Sequence[Release], ids: Sequence[str], fingerprints: Sequence[str]
) -> tuple[SearchIndex, list[int], list[int]] | None:
    """The cached index (over the releases it was built for), which of its releases are
    gone or changed, and the positions of *releases* it lacks; None if it cannot serve."""
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
    return old, removed, added


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


def _read_keys(body: _Checked, *, parse: bool) -> tuple[list[str], list[str]]:
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
    try:
        keys = orjson.dumps([list(ids), list(fingerprints)])
    except TypeError:  # an id that is not valid Unicode: the index is kept, not grown
        keys = b"[[],[]]"
    parts = (struct.pack("<Q", len(keys)), keys, *index.to_parts())
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    write_derived(path, _HEADER + content_key(ids, fingerprints) + b" %08x\n" % crc, *parts)


def load_or_build(
    path: Path | None,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
    progress: BuildProgress | None = None,
    added: IndexBuilder | None = None,
) -> SearchIndex:
    """The cached index when it is current, else the cached one grown by the releases
    added since, else a fresh one (then cached).

    *added*: what an import fed an :class:`IndexBuilder` as it stored releases;
    when they are all the store holds besides the cached index's releases,
    the index is made of the two and nothing is read again.
    """
    if path is not None:
        cached = load(path, releases, ids, fingerprints)
        if cached is not None:
            return cached
        if added is not None and len(added):
            made = _with_added(path, releases, ids, fingerprints, added, progress)
            if made is not None:
                save(path, releases, made, ids, fingerprints)
                return made
        grown = grow(path, releases, ids, fingerprints)
        if grown is not None:
            save(path, releases, grown, ids, fingerprints)
            return grown
    index = SearchIndex.build(releases, ids=ids, progress=progress)
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
