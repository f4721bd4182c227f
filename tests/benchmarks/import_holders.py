"""What the end of an import holds per release: an index builder fed a JSON Lines file's first
releases as an import feeds it, then finished and written as an import does, traced.

    PYTHONPATH=<checkout> python -P tests/benchmarks/import_holders.py FILE.jsonl COUNT

Prints the bytes a release held, by where they were allocated, after reading, when the
prefixes are found and when the index file starts being written (tracemalloc: Python's
allocations only), and the index file's sha256 (the same for two checkouts that write
the same bytes).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import tracemalloc
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _show(tag: str, snapshot: tracemalloc.Snapshot, count: int, top: int = 14) -> None:
    stats = snapshot.statistics("traceback")
    total = sum(stat.size for stat in stats)
    print(f"--- {tag}: {total / 2**20:.1f} MiB, {total / count:.0f} B a release")
    for stat in stats[:top]:
        where = " < ".join(
            f"{os.path.basename(frame.filename)}:{frame.lineno}"
            for frame in reversed(stat.traceback)
        )
        print(f"{stat.size / count:8.0f} B {stat.size / 2**20:7.1f} MiB  {where}")


def main(argv: list[str]) -> int:
    from store.ingest import stream
    from store.ingest.discover import SourceFile
    from store.search import index as index_module
    from store.search import index_file
    from store.search.index import IndexBuilder, release_tokens

    path, count = argv[0], int(argv[1])
    releases = []
    for chunk in stream.chunks(SourceFile(path, "jsonl")):
        releases += stream.parse_chunk(path, "jsonl", chunk).releases
        if len(releases) >= count:
            break
    releases = releases[:count]
    folder = Path(tempfile.mkdtemp(prefix="import-holders-"))
    tracemalloc.start(4)
    builder = IndexBuilder(folder)
    settle = getattr(builder, "settle", None)  # a base without it keeps every release's
    for number, release in enumerate(releases, 1):
        builder.add(release, release_tokens(release))
        if settle is not None and number % 5000 == 0:
            settle()  # as an import does after each batch written
    if settle is not None:
        settle()
    snapshots = {"read": tracemalloc.take_snapshot()}
    # Archive order: by id (a new archive's is the store's own; any order serves).
    ordered = sorted(releases, key=lambda release: release.id)
    ids = [release.id for release in ordered]
    fingerprints = [release.fingerprint for release in ordered]
    where = {release_id: position for position, release_id in enumerate(ids)}
    places = [where[release_id] for release_id in builder.ids]
    del where

    precompute = index_module.SearchIndex._precompute_prefixes

    def traced_precompute(self: Any) -> None:
        precompute(self)
        snapshots["prefixes"] = tracemalloc.take_snapshot()

    write = index_file.write_derived_pieces

    def traced_write(target: Path, parts: Iterable[bytes]) -> bool:
        snapshots["writing"] = tracemalloc.take_snapshot()
        return write(target, parts)

    index_module.SearchIndex._precompute_prefixes = traced_precompute  # type: ignore[method-assign]
    index_file.write_derived_pieces = traced_write
    made = builder.finish(ordered, places=places, ids=ids, scratch=folder, written_only=True)
    target = folder / "releases.json.index"
    index_file.save(target, ordered, made, ids, fingerprints)
    _current, peak = tracemalloc.get_traced_memory()
    print(f"{count} releases; traced peak from the start {peak / 2**20:.1f} MiB")
    for tag, snapshot in snapshots.items():
        _show(tag, snapshot, count)
    data = target.read_bytes()
    print(f"index {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
