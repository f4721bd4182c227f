"""An import run: discover files, parse them on every core, store them in durable batches."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field

from store.disk.release_store import ReleaseStore
from store.ingest.build import ParseResult, Problem, parse_sources
from store.ingest.discover import ImportProblem, SourceFile, discover
from store.records import Release

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 200
# Files handed to a worker at once: big enough to amortise pickling, small
# enough to keep the progress bar moving.
CHUNK_FILES = 64
# A batch is written when it is as large as what is already stored (so the
# total bytes written stay linear in the archive size), or after this long,
# so that a crash never costs more than a few seconds of acknowledged work.
MIN_BATCH = 500
MAX_BATCH_SECONDS = 5.0

Progress = Callable[["ImportSummary"], None]


@dataclass(slots=True)
class ImportSummary:
    """What an import did, counted as it goes (the progress bar reads it)."""

    files_total: int = 0
    files_done: int = 0
    imported: int = 0
    updated: int = 0
    known: int = 0
    failed: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        """Releases that are in the store after the import (new, updated or known)."""
        return self.imported + self.updated + self.known

    @property
    def succeeded(self) -> bool:
        """An import fails only when nothing at all could be imported."""
        return self.stored > 0 or (not self.failed and self.files_total > 0)


def import_paths(
    store: ReleaseStore,
    paths: Sequence[str],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ImportSummary:
    """Import every release under *paths* into *store*; never raises for a bad file."""
    started = time.perf_counter()
    summary = ImportSummary()
    sources: list[SourceFile] = []
    for item in discover(paths):
        if isinstance(item, SourceFile):
            sources.append(item)
        else:
            path, problem = item
            summary.failed.append((path, str(problem)))
    summary.files_total = len(sources) + len(summary.failed)
    summary.files_done = len(summary.failed)
    if progress:
        progress(summary)

    pending: list[Release] = []
    last_write = time.monotonic()
    for result in _parse_all(sources, workers):
        summary.files_done += result.files
        summary.failed.extend(result.problems)
        pending.extend(result.releases)
        due = len(pending) >= max(MIN_BATCH, len(store))
        if pending and (due or time.monotonic() - last_write > MAX_BATCH_SECONDS):
            _write_batch(store, pending, summary)
            pending = []
            last_write = time.monotonic()
        if progress:
            progress(summary)
    if pending:
        _write_batch(store, pending, summary)
    summary.seconds = time.perf_counter() - started
    if progress:
        progress(summary)
    return summary


def _write_batch(store: ReleaseStore, releases: list[Release], summary: ImportSummary) -> None:
    # The same release may occur twice in one batch (a file and its copy):
    # keep the first, count the rest as already known.
    unique: dict[str, Release] = {}
    fingerprints: set[str] = set()
    for release in releases:
        if release.id in unique or release.fingerprint in fingerprints:
            summary.known += 1
            continue
        unique[release.id] = release
        fingerprints.add(release.fingerprint)
    for outcome in store.add_batch(list(unique.values())):
        if outcome == "imported":
            summary.imported += 1
        elif outcome == "updated":
            summary.updated += 1
        else:
            summary.known += 1


def _parse_all(sources: list[SourceFile], workers: int | None) -> Iterator[ParseResult]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(sources) < PARALLEL_THRESHOLD:
        yield from parse_sources(sources)
        return
    chunks = [sources[i : i + CHUNK_FILES] for i in range(0, len(sources), CHUNK_FILES)]
    pool = _pool(count)
    try:
        # map keeps the files' order, so an import is deterministic.
        yield from pool.map(_parse_chunk, chunks)
    finally:
        # Interrupted (Ctrl+C, SIGTERM): the chunks not started are dropped
        # and the running ones end; the pool's own exit would parse them all.
        pool.shutdown(wait=True, cancel_futures=True)


def _parse_chunk(chunk: list[SourceFile]) -> ParseResult:
    total = ParseResult()
    for result in parse_sources(chunk):
        total.extend(result)
    return total


def _pool(workers: int) -> Executor:
    # fork is fastest, but forking a process that runs threads (the browser)
    # can deadlock; spawn is safe everywhere.
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_end_with_the_import,
        initargs=(os.getpid(),),
    )


def _end_with_the_import(parent: int) -> None:
    """In a worker: end when the importing process ends, however it ends (SECURITY.md D14).

    A worker waits for its next chunk for ever: killed or terminated, the
    importer would leave its workers running under init. Ctrl+C reaches the
    whole process group: the importer handles it, its workers stay quiet.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # The importer may have ended before the line above ran.
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


__all__ = ["ImportProblem", "ImportSummary", "import_paths"]
