"""The search index kept on disk beside the store: derived data, rebuilt whenever it is stale."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from store.records import Release
from store.search_index import SearchIndex

_HEADER = b"PRESSROOM-INDEX-CACHE-1 "


def cache_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.index``, in the same folder."""
    return store_path.with_name(store_path.name + ".index")


def content_key(releases: Sequence[Release]) -> bytes:
    """What the index depends on: every release's id and content, in order."""
    h = hashlib.blake2b(digest_size=16)
    for release in releases:
        h.update(release.id.encode())
        h.update(release.fingerprint.encode())
    return h.hexdigest().encode()


def load(path: Path, releases: Sequence[Release]) -> SearchIndex | None:
    """The cached index for exactly these releases, or None (missing, stale or damaged)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = content_key(releases)
    head = _HEADER + key + b"\n"
    if not data.startswith(head):
        return None
    try:
        return SearchIndex.from_bytes(data[len(head) :], releases)
    except ValueError:
        return None


def save(path: Path, releases: Sequence[Release], index: SearchIndex) -> None:
    """Write the index atomically; a cache that cannot be written is simply not kept."""
    head = _HEADER + content_key(releases) + b"\n"
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(head)
                out.write(index.to_bytes())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def load_or_build(path: Path | None, releases: Sequence[Release]) -> SearchIndex:
    """The cached index when it is current, else a fresh one (then cached)."""
    if path is not None:
        cached = load(path, releases)
        if cached is not None:
            return cached
    index = SearchIndex.build(releases)
    if path is not None:
        save(path, releases, index)
    return index
