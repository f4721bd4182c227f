"""The benchmark's corpora: synthetic stores and files, the real corpus, and reference counts."""

from __future__ import annotations

import tarfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from store.archive import Archive
from store.disk.release_store import ReleaseStore
from store.ingest.run import import_paths
from store.search.query import DEFAULT_STATE, parse_query
from tests.helpers.synthetic import generate, write_corpus

SEED = 0
BATCH = 20_000  # releases per add_batch: one durable write each

# One query per kind the issue names. Synthetic words come from tests.helpers.synthetic's
# vocabulary; the real ones were picked from the real corpus (see README.md).
SYNTHETIC_QUERIES: dict[str, str] = {
    "common word": "community",
    "rare word": "zanculcheel",
    "prefix": "inte",
    "phrase": '"the project"',
    "field qualifiers": "org:food loc:johannesburg",
    "date range": "date:2015..2018",
    "negation": "energy -climate",
}
REAL_QUERIES: dict[str, str] = {
    "common word": "company",
    "rare word": "herbalist",
    "prefix": "blockch",
    "phrase": '"artificial intelligence"',
    "field qualifiers": "org:fda source:ibn",
    "date range": "date:2024-01..2024-06",
    "negation": "crypto -bitcoin",
}
# What TinyDB's regex search and grep are given for each kind: only plain words
# and phrases can be said to them; qualifiers, dates and negation cannot.
SYNTHETIC_PLAIN = {
    "common word": "community",
    "rare word": "zanculcheel",
    "prefix": "inte",
    "phrase": "the project",
}
REAL_PLAIN = {
    "common word": "company",
    "rare word": "herbalist",
    "prefix": "blockch",
    "phrase": "artificial intelligence",
}
CONTACT_FILTERS = ("mar", "press", "officer")


@dataclass
class Corpus:
    """One corpus to measure: a store for the app, files for grep and import figures."""

    name: str
    store: Path
    files: Path | None
    queries: dict[str, str]
    plain: dict[str, str]
    setup: dict[str, float] = field(default_factory=dict)
    imported: dict[str, float] = field(default_factory=dict)


def synthetic_corpus(folder: Path, n: int, *, write_files: bool = True) -> Corpus:
    """A store of ``generate(n, SEED)`` and, when asked, the same releases as files."""
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / f"synthetic-{n}.json"
    setup: dict[str, float] = {}
    started = time.perf_counter()
    releases = list(generate(n, seed=SEED))
    setup["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with ReleaseStore(store) as target:
        for first in range(0, n, BATCH):
            target.add_batch(releases[first : first + BATCH])
    setup["store_s"] = time.perf_counter() - started
    del releases
    setup["derived_s"] = prepare_derived(store)
    files = None
    if write_files:
        files = folder / "files"
        started = time.perf_counter()
        write_corpus(files, n, seed=SEED)
        setup["write_files_s"] = time.perf_counter() - started
    return Corpus(f"synthetic {n:,}", store, files, SYNTHETIC_QUERIES, SYNTHETIC_PLAIN, setup)


def unpack_real_corpus(source: Path, folder: Path) -> Path | None:
    """The real corpus as a folder: *source* itself, or its tar.gz unpacked into *folder*."""
    if source.is_dir():
        archives = sorted(source.glob("*.tar.gz"))
        if not archives:
            return source if any(source.rglob("*.md")) else None
        source = archives[0]
    if not source.is_file():
        return None
    target = folder / "real"
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source, "r:gz") as archive:
        # The archive is input from outside: the data filter refuses links out
        # of the folder, absolute paths and device files.
        archive.extractall(target, filter="data")
    return target


def real_corpus(folder: Path, files: Path) -> Corpus:
    """Import the real corpus into a fresh store; the import is also the throughput figure."""
    store = folder / "real.json"
    corpus = Corpus("real corpus", store, files, REAL_QUERIES, REAL_PLAIN)
    corpus.imported = measure_import(files, store)
    corpus.setup["derived_s"] = prepare_derived(store)
    return corpus


def prepare_derived(store: Path) -> float:
    """Build the catalogue and search index the way ``pressroom import`` does; seconds taken.

    The app is then measured as a user meets it after an import; a start
    without them (derived data deleted) rebuilds them first.
    """
    started = time.perf_counter()
    with ReleaseStore(store, defer_load=True) as source:
        Archive(source).build_index()
    return time.perf_counter() - started


def measure_import(files: Path, store: Path, limit: int = 0) -> dict[str, float]:
    """``import_paths`` of *files* (the first *limit* of them, if set) into a new store."""
    store.unlink(missing_ok=True)
    paths = [str(files)]
    if limit:
        # write_corpus names files in order, so the first ones are a fixed subset.
        paths = [str(p) for p in sorted(files.iterdir())[:limit]]
    started = time.perf_counter()
    with ReleaseStore(store) as target:
        summary = import_paths(target, paths)
    wall = time.perf_counter() - started
    return {
        "files": summary.files_total,
        "imported": summary.imported,
        "known": summary.known,
        "failed": len(summary.failed),
        "seconds": wall,
        "releases_per_s": summary.stored / wall if wall else 0.0,
        "store_bytes": store.stat().st_size,
    }


def scan_counts(store: Path, queries: Sequence[str]) -> dict[str, int]:
    """Each query's count by the reference scan: ``Query.matches`` over every stored release."""
    source = ReleaseStore(store)
    try:
        releases = source.releases()
        states = source.states()
        counts: dict[str, int] = {}
        for text in queries:
            query = parse_query(text)
            counts[text] = sum(
                1 for r in releases if query.matches(r, states.get(r.id, DEFAULT_STATE))
            )
        return counts
    finally:
        source.close()
