"""The search index kept on disk beside the store: derived data, rebuilt whenever it is stale."""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Sequence
from pathlib import Path

from store.disk.derived import open_derived, write_derived
from store.records import Release
from store.search.index import BuildProgress, SearchIndex

# Version 2 adds the checksum of everything after the header (SECURITY.md D12):
# an index damaged inside, its header intact, must never give a wrong answer.
_HEADER = b"PRESSROOM-INDEX-CACHE-2 "


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
            index = SearchIndex.from_file(body, releases, ids)
            if line[len(head) : -1] != b"%08x" % body.crc:
                return None
            return index
    except (OSError, ValueError):
        return None


def save(
    path: Path,
    releases: Sequence[Release],
    index: SearchIndex,
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
) -> None:
    """Write the index atomically; a cache that cannot be written is simply not kept."""
    body = index.to_bytes()
    key = content_key(*_keys(releases, ids, fingerprints))
    write_derived(path, _HEADER + key + b" %08x\n" % zlib.crc32(body), body)


def load_or_build(
    path: Path | None,
    releases: Sequence[Release],
    ids: Sequence[str] | None = None,
    fingerprints: Sequence[str] | None = None,
    progress: BuildProgress | None = None,
) -> SearchIndex:
    """The cached index when it is current, else a fresh one (then cached)."""
    if path is not None:
        cached = load(path, releases, ids, fingerprints)
        if cached is not None:
            return cached
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
