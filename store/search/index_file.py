"""The search index kept on disk beside the store: derived data, rebuilt whenever it is stale."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from store.disk.derived import open_derived, write_derived
from store.records import Release
from store.search.index import BuildProgress, SearchIndex

_HEADER = b"PRESSROOM-INDEX-CACHE-1 "


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
    head = _HEADER + content_key(ids, fingerprints) + b"\n"
    try:
        with open_derived(path) as handle:
            if handle.read(len(head)) != head:
                return None
            return SearchIndex.from_file(handle, releases, ids)
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
    head = _HEADER + content_key(*_keys(releases, ids, fingerprints)) + b"\n"
    write_derived(path, head, index.to_bytes())


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
