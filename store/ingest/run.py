"""An import run: discover files, parse them on every core, store them in durable batches."""

from __future__ import annotations

import ctypes
import dataclasses
import multiprocessing
import operator
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from store.disk.release_store import Outcome, ReleaseState
from store.heap import give_back
from store.ingest import manifest, stream
from store.ingest.build import ParseResult, Problem, parse_source
from store.ingest.discover import STDIN, ImportProblem, SourceFile, discover, read_bytes
from store.ingest.read import sniff
from store.records import Contact, Link, Person, Release, Source, release_id
from store.search.index import IndexBuilder, release_tokens
from store.search.postings import Tokens, UnitWords

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 200
# Chunks in flight for each worker: enough that a worker never waits for work.
CHUNKS_AHEAD = 3
# Files handed to a worker at once: big enough to amortise pickling, small
# enough to keep the progress bar moving.
CHUNK_FILES = 64
# A batch is written when it is as large as what is already stored (so the
# total bytes written stay linear in the archive size), or after this long,
# so that a crash never costs more than a few seconds of acknowledged work;
# and at least WRITE_SHARE times as long as the last write took, so that
# rewriting a store of hundreds of MB never takes more than a fifth of the
# import (every five seconds it took 5 s of the real corpus's 31).
MIN_BATCH = 500
# And at most this many: a batch waits in memory as releases, then as documents and
# their JSON (about 30 KB a release in all); past a few thousand, the journal takes
# a batch as one append (store.disk.journal), so that larger ones saved no writing
# and made the import's peak (1.35-2.2 GB at 100,000 releases, by the machine's load).
MAX_BATCH = 4096
DATABASE_BATCH = 2000
# Releases parsed ahead for a database, in batches: while one batch is in COPY and
# committing, the workers parse the next one and more, so they never wait for it.
DATABASE_LOOKAHEAD = 1.5
MAX_BATCH_SECONDS = 5.0
WRITE_SHARE = 4.0

Progress = Callable[["ImportSummary"], None]


class ImportTarget(Protocol):
    """What an import needs of a store: a TinyDB ``ReleaseStore`` or a ``PostgresStore``."""

    @property
    def path(self) -> Path | None:
        """The store file (its manifest of files read sits beside it); None: no file."""
        ...

    def __len__(self) -> int: ...

    def fingerprints(self) -> Collection[str]: ...

    def add_batch(self, releases: Sequence[Release]) -> list[Outcome]: ...

    def ids_of_fingerprints(self, fingerprints: Sequence[str]) -> dict[str, str]: ...

    def merge_states(self, claims: Mapping[str, ReleaseState]) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class RowTarget(Protocol):
    """A store that takes rows made in the parse workers (``PostgresStore``): each release
    with its row's COPY tuple, and the fingerprints stored when the import began."""

    def add_rows(
        self, rows: Sequence[tuple[Release, bytes]], *, known: set[str] | None = None
    ) -> list[Outcome]: ...

    def begin_import(self, waiting: Callable[[], None] | None = None) -> None:
        """Called before the import's first batch; *waiting* when it must first wait for
        another import (a team archive's first bulk load)."""
        ...

    def settle(self) -> None:
        """Called once the import's releases are stored, or it failed (always after
        begin_import): the store's indexes made whole."""
        ...


@dataclass(slots=True)
class ImportSummary:
    """What an import did, counted as it goes (the progress bar reads it)."""

    files_total: int = 0
    files_done: int = 0
    imported: int = 0
    updated: int = 0
    known: int = 0
    failed: list[Problem] = field(default_factory=list)
    # What the user must know though nothing failed: a release kept apart because
    # its id, written in the file, is that of a release from another source.
    notices: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    unchanged: int = 0  # files not read again: unchanged since an import took them
    # Set while the import waits for another one (a team archive's first bulk load).
    waiting: str = ""

    @property
    def stored(self) -> int:
        """Releases that are in the store after the import (new, updated or known)."""
        return self.imported + self.updated + self.known

    @property
    def succeeded(self) -> bool:
        """An import fails only when nothing at all could be imported."""
        return self.stored > 0 or (not self.failed and self.files_total > 0)


def import_paths(
    store: ImportTarget,
    paths: Sequence[str],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    index: IndexBuilder | None = None,
) -> ImportSummary:
    """Import every release under *paths* into *store*; never raises for a bad file.

    A file unchanged since an import read it (``store.ingest.manifest``) is
    not parsed again: its releases count as already known. *index* reads
    every release as it arrives from the parsers, while the next files are
    parsed (the search index's Python work), and is told of those that were
    not stored as read (already known, or kept apart under another id).
    """
    started = time.perf_counter()
    summary = ImportSummary()
    seen_path = manifest.manifest_path(store.path) if store.path is not None else None
    seen = manifest.load(seen_path) if seen_path is not None else manifest.Manifest()
    stored = store.fingerprints()
    # A database's rows are made in the workers; the set of stored fingerprints, fetched
    # once, stays in this process (a worker would need a copy of it: ~150 MB at 1M).
    rows = isinstance(store, RowTarget)
    # (The set read for the manifest serves: it is not read again once files are chosen.)
    known = (stored if isinstance(stored, set) else set(stored)) if rows else None
    jobs: list[_Job] = []
    for item in discover(paths, str(store.path) if store.path is not None else None):
        if not isinstance(item, SourceFile):
            path, problem = item
            summary.failed.append((path, str(problem)))
            continue
        look = manifest.look_at(item.path) if item.path != STDIN else None
        entry = seen.usable(item.path, stored) if look is not None else None
        if entry is not None and entry.look == look and not look.racy:
            # Unchanged since it was read, and not changed too recently to tell.
            summary.known += len(entry.fingerprints)
            summary.unchanged += 1
            continue
        expected = entry.digest if entry is not None else None
        jobs.append(_Job(item, look, expected, stream.is_streamed(item), index is not None, rows))
    summary.files_total = len(jobs) + len(summary.failed) + summary.unchanged
    summary.files_done = len(summary.failed) + summary.unchanged
    if progress:
        progress(summary)

    # Each with the file it was read from, and its row's COPY tuple when it was made.
    pending: list[_Pending] = []
    # What the files of the pending releases hold, remembered once those are written.
    pending_files: list[tuple[str, manifest.Entry | None]] = []
    # A streamed file's fingerprints so far (None once one of its entries failed).
    streamed: dict[str, list[str] | None] = {}
    # The user's marks an export carried, by release fingerprint, laid over the
    # marks kept once their releases are written.
    marks: dict[str, ReleaseState] = {}
    if isinstance(store, RowTarget):

        def waiting() -> None:
            summary.waiting = "waiting for another import's first load into this archive"
            if progress:
                progress(summary)

        store.begin_import(waiting)
        summary.waiting = ""
    try:
        last_write = time.monotonic()
        interval = MAX_BATCH_SECONDS
        lookahead = round(DATABASE_LOOKAHEAD * DATABASE_BATCH) if rows else 0
        for chunk in _parse_all(jobs, workers, lookahead):
            for parsed in chunk:
                path = parsed.job.source.path
                marks.update(parsed.result.marks)
                if parsed.partial:
                    _take_part(parsed, streamed, pending, summary, index)
                    continue
                summary.files_done += 1
                if parsed.unchanged:
                    # Read and hashed: the same bytes as when its releases were stored.
                    kept = seen.entries[path]
                    summary.known += len(kept.fingerprints)
                    summary.unchanged += 1
                    pending_files.append((path, _entry(parsed, kept.fingerprints)))
                    continue
                if path in streamed:
                    # The last chunk of a streamed file: the file as a whole, as for any other.
                    _take_part(parsed, streamed, pending, summary, index)
                    prints_so_far = streamed.pop(path)
                    prints = tuple(prints_so_far) if prints_so_far else ()
                    pending_files.append((path, _entry(parsed, prints)))
                    continue
                result = parsed.result
                summary.failed.extend(result.problems)
                pending.extend(_pending(parsed))
                _read_into(index, parsed)
                # A file with problems is read again next time, so they are told again.
                prints = () if result.problems else tuple(r.fingerprint for r in result.releases)
                pending_files.append((path, _entry(parsed, prints)))
            due = len(pending) >= _batch_size(store)
            if pending and (due or time.monotonic() - last_write > interval):
                began = time.monotonic()
                _write_batch(store, pending, summary, index, known)
                _settle(index)
                _lay_marks(store, marks)
                _remember(seen, pending_files)
                pending = []
                give_back()
                last_write = time.monotonic()
                interval = max(MAX_BATCH_SECONDS, WRITE_SHARE * (last_write - began))
            if progress:
                progress(summary)
        if pending:
            _write_batch(store, pending, summary, index, known)
            _settle(index)
            pending = []
        give_back()  # before the index is finished, the import's largest step
    finally:
        if isinstance(store, RowTarget):
            store.settle()
    _lay_marks(store, marks)
    _remember(seen, pending_files)
    if seen_path is not None and (jobs or summary.unchanged):
        manifest.save(seen_path, seen.pruned(store.fingerprints()))
    summary.seconds = time.perf_counter() - started
    if progress:
        progress(summary)
    return summary


@dataclass(frozen=True, slots=True)
class _Job:
    """A file to parse, as it looked when discovered, and the digest of its bytes when
    its releases were stored (parsed only if they differ)."""

    source: SourceFile
    look: manifest.Look | None
    expected: str | None
    streamed: bool = False  # read a release at a time (store.ingest.stream)
    # Tokenise the releases for the search index where they are parsed (in
    # the worker processes: the importing process is the import's bottleneck).
    tokenize: bool = False
    # Make each release's database row there too (store.pg.copy_rows).
    rows: bool = False


@dataclass(frozen=True, slots=True)
class _Part:
    """Consecutive entries of a streamed file, parsed as one unit of work."""

    job: _Job
    chunk: stream.Chunk
    format: str  # json or jsonl (standard input's is sniffed)


@dataclass(slots=True)
class _Parsed:
    job: _Job
    result: ParseResult
    digest: str | None  # of the bytes parsed; None when none could be read
    unchanged: bool  # the bytes were the expected ones: not parsed
    partial: bool = False  # a streamed file's entries, not its last ones
    # Each release's tokens for the index (release_tokens), when the job asked.
    tokens: list[Tokens | None] | None = None
    # Each release's row as a binary COPY tuple, when the job asked (the releases are then the
    # ones cleaned for the database: columns.stored_form).
    lines: list[bytes] | None = None

    def finished(self, words: UnitWords | None = None) -> _Parsed:
        """The work asked of the worker besides parsing: tokens (*words*: as places in the
        words of the unit of work this is part of, see ``UnitWords``), rows."""
        if self.job.tokenize:
            self.tokens = [release_tokens(release, words) for release in self.result.releases]
        if self.job.rows and self.result.releases:
            from store.pg.copy_rows import prepared, stand_in

            made = [prepared(release) for release in self.result.releases]
            # Each release goes back as its stand-in (id, fingerprint, source) with its row:
            # the row's document holds the rest, read back where a whole release is needed
            # (_whole). Not when the index reads the releases too.
            self.result.releases = [
                release if self.job.tokenize else stand_in(release) for release, _line in made
            ]
            self.lines = [line for _release, line in made]
        return self


# A release waiting to be written: the file it came from, its row's COPY tuple if made.
_Pending = tuple[Release, str, bytes | None]


def _pending(parsed: _Parsed) -> Iterator[_Pending]:
    path, releases, lines = parsed.job.source.path, parsed.result.releases, parsed.lines
    if lines is None or len(lines) != len(releases):
        return ((release, path, None) for release in releases)
    return ((release, path, line) for release, line in zip(releases, lines, strict=True))


def _parse_job(job: _Job, words: UnitWords | None) -> _Parsed:
    return _parsed_job(job).finished(words)


def _parsed_job(job: _Job) -> _Parsed:
    source = job.source
    if job.streamed:
        # Given whole only when its digest was found to be the expected one (_units).
        return _Parsed(job, ParseResult(files=1), job.expected, True)
    if source.path == STDIN:
        try:
            data = read_bytes(source)
        except ImportProblem as problem:
            return _Parsed(
                job, ParseResult(problems=[(source.path, str(problem))], files=1), None, False
            )
        if data.strip() and sniff(data) == "jsonl":
            result = ParseResult(files=1)
            for chunk in stream.chunks(SourceFile(STDIN, "jsonl"), data):
                part = stream.parse_chunk(source.path, "jsonl", chunk)
                result.extend(part)
            return _Parsed(job, result, None, False)
        return _Parsed(job, parse_source(source, data), None, False)
    try:
        data = read_bytes(source)
    except ImportProblem as problem:
        return _Parsed(
            job, ParseResult(problems=[(source.path, str(problem))], files=1), None, False
        )
    digest = manifest.digest_of(data)
    if digest == job.expected:
        return _Parsed(job, ParseResult(files=1), digest, True)
    return _Parsed(job, parse_source(source, data), digest, False)


def _parse_part(part: _Part, words: UnitWords | None) -> _Parsed:
    chunk = part.chunk
    result = stream.parse_chunk(part.job.source.path, part.format, chunk)
    parsed = _Parsed(part.job, result, chunk.digest, False, partial=not chunk.last)
    return parsed.finished(words)


def _read_into(index: IndexBuilder | None, parsed: _Parsed) -> None:
    if index is not None:
        releases = parsed.result.releases
        tokens = parsed.tokens
        if tokens is None or len(tokens) != len(releases):
            tokens = [None] * len(releases)
        for release, made in zip(releases, tokens, strict=True):
            index.add(release, made)


def _take_part(
    parsed: _Parsed,
    streamed: dict[str, list[str] | None],
    pending: list[_Pending],
    summary: ImportSummary,
    index: IndexBuilder | None,
) -> None:
    path, result = parsed.job.source.path, parsed.result
    summary.failed.extend(result.problems)
    pending.extend(_pending(parsed))
    _read_into(index, parsed)
    prints = streamed.setdefault(path, [])
    if result.problems or prints is None:
        streamed[path] = None  # read again next time, so that its problems are told again
    else:
        prints.extend(r.fingerprint for r in result.releases)


def _settle(index: IndexBuilder | None) -> None:
    # A batch written: its releases are stored or dropped, and the ones a later batch
    # drops are read after it, so the index stops remembering where these were.
    if index is not None:
        index.settle()


def _entry(parsed: _Parsed, fingerprints: tuple[str, ...]) -> manifest.Entry | None:
    look = parsed.job.look
    if look is None or parsed.digest is None:
        return None
    return manifest.Entry(look, parsed.digest, fingerprints)


def _remember(seen: manifest.Manifest, files: list[tuple[str, manifest.Entry | None]]) -> None:
    for path, entry in files:
        seen.remember(path, entry)
    files.clear()


def _batch_size(store: ImportTarget) -> int:
    """Releases written at once. A store file's batches grow with it (a batch as large as
    the file rewrites it whole) up to MAX_BATCH (appended to its journal, which is folded
    into the file as it grows); a database takes a batch in one COPY, whatever it holds
    (counting its rows would cost more than the batch)."""
    if store.path is None:
        return DATABASE_BATCH
    return max(MIN_BATCH, min(len(store), MAX_BATCH))


def _whole(release: Release, line: bytes | None) -> Release:
    """The whole release of a pending one: a release whose row was made in a worker came
    back as its stand-in (``copy_rows.stand_in``), its row's document holding the rest."""
    if line is None:
        return release
    from store.pg.copy_rows import release_of

    return release_of(line)


def _write_batch(
    store: ImportTarget,
    releases: list[_Pending],
    summary: ImportSummary,
    index: IndexBuilder | None = None,
    known: set[str] | None = None,
) -> None:
    # The same release may occur twice in one batch (a file and its copy):
    # keep the first, count the rest as already known.
    unique: dict[str, _Pending] = {}
    fingerprints: set[str] = set()
    for item in releases:
        release = item[0]
        if release.id in unique or release.fingerprint in fingerprints:
            summary.known += 1
            if index is not None:
                index.drop(release)
            continue
        unique[release.id] = item
        fingerprints.add(release.fingerprint)
    batch = list(unique.values())
    if isinstance(store, RowTarget) and all(line is not None for _r, _o, line in batch):
        rows = [(release, line) for release, _origin, line in batch if line is not None]
        outcomes = store.add_rows(rows, known=known)
    else:
        outcomes = store.add_batch([_whole(release, line) for release, _origin, line in batch])
    apart: list[tuple[Release, str]] = []
    for (release, origin, line), outcome in zip(batch, outcomes, strict=True):
        if outcome == "conflict":
            apart.append((_whole(release, line), origin))
        else:
            _count(outcome, summary)
        if index is not None and outcome in ("conflict", "known"):
            index.drop(release)
    if not apart:
        return
    # Ids claimed by a file (an export's) that belong to releases from other
    # sources: each kept as a release of its own, under the id the file and
    # that claim give it, and said.
    renamed = [
        release.with_changes(id=release_id(origin, f"id {release.id}", release.fingerprint))
        for release, origin in apart
    ]
    for (release, origin), new, outcome in zip(
        apart, renamed, store.add_batch(renamed), strict=True
    ):
        if outcome == "conflict":
            summary.failed.append((origin, f"release {release.id}: its id is taken twice over"))
            continue
        _count(outcome, summary)
        if index is not None and outcome != "known":
            index.add(new)
        summary.notices.append(
            (
                origin,
                f"release {release.id} ({shorten(release.title)}) has the id of a release "
                f"from another source; kept apart as {new.id}",
            )
        )


_UNTOUCHED = ReleaseState()


def _lay_marks(store: ImportTarget, marks: dict[str, ReleaseState]) -> None:
    """Lay the marks of releases now stored over the marks kept (a star stays, tags join).

    Found by fingerprint: a release that was already known, or kept apart
    under another id, gets them too.
    """
    # Marks that mark nothing lay nothing (nothing set here is undone): not looked up,
    # which an export's every release would cost (a round trip each to a database).
    for fingerprint in [f for f, state in marks.items() if state == _UNTOUCHED]:
        del marks[fingerprint]
    if not marks:
        return
    found = store.ids_of_fingerprints(list(marks))
    claims = {found[f]: marks.pop(f) for f in list(marks) if f in found}
    if claims:
        store.merge_states(claims)


def _count(outcome: str, summary: ImportSummary) -> None:
    if outcome == "imported":
        summary.imported += 1
    elif outcome == "updated":
        summary.updated += 1
    else:
        summary.known += 1


def shorten(title: str, width: int = 60) -> str:
    """A title cut to *width* characters for a one-line message."""
    return title if len(title) <= width else title[: width - 1] + "…"


def _parse_all(
    jobs: list[_Job], workers: int | None, lookahead: int = 0
) -> Iterator[list[_Parsed]]:
    """Parse *jobs* in order, a unit of work (some files, or part of a streamed one) at a
    time; with several workers, at least *lookahead* releases (about) parsed ahead."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or (len(jobs) < PARALLEL_THRESHOLD and not any(j.streamed for j in jobs)):
        for unit in _units(jobs, 1):
            yield _parse_unit(unit)
        return
    pool = _pool(count)
    try:
        # In the files' order, so an import is deterministic; a few units
        # ahead, not all of them (Executor.map's way): parsed releases waiting
        # while a large batch is written would otherwise pile up in memory,
        # and a streamed file would be read whole.
        ahead: deque[tuple[Future[list[_Parsed]], list[_Job] | _Part, int]] = deque()
        in_flight = 0  # releases (about: a file may hold several) in the units ahead
        # Whether the workers look the tokens up (UnitWords): when they are ahead of
        # this process, which then has the more work (releases cheap to parse,
        # such as Pressroom's own JSON Lines); not when it waits for them (files
        # that cost more to read and extract than to store, such as most folders).
        look_up = False
        for unit in _units(jobs, CHUNK_FILES):
            size = len(unit.chunk.entries) if isinstance(unit, _Part) else len(unit)
            ahead.append((pool.submit(_parse_unit, unit, look_up), unit, size))
            in_flight += size
            while len(ahead) >= count * CHUNKS_AHEAD and in_flight >= lookahead:
                future, done, size = ahead.popleft()
                in_flight -= size
                look_up = future.done()
                yield _with_jobs(future.result(), done)
        while ahead:
            future, done, _size = ahead.popleft()
            yield _with_jobs(future.result(), done)
    finally:
        # Interrupted (Ctrl+C, SIGTERM): the units not started are dropped
        # and the running ones end; the pool's own exit would parse them all.
        pool.shutdown(wait=True, cancel_futures=True)


def _units(jobs: list[_Job], files: int) -> Iterator[list[_Job] | _Part]:
    """Up to *files* whole files at a time; a streamed file's entries a chunk at a time."""
    batch: list[_Job] = []
    for job in jobs:
        if not job.streamed:
            batch.append(job)
            if len(batch) >= files:
                yield batch
                batch = []
            continue
        if batch:
            yield batch
            batch = []
        if job.expected is not None and manifest.digest_of_file(job.source.path) == job.expected:
            # Its stat signature changed, its bytes did not (a touch, a copy back).
            yield [job]
            continue
        for chunk in stream.chunks(job.source):
            yield _Part(job, chunk, job.source.format)
    if batch:
        yield batch


def _with_jobs(parsed: list[_Parsed], unit: list[_Job] | _Part) -> list[_Parsed]:
    """The parsed files of *unit* as a worker sent them back, each given its job again: a
    worker sends none (``_sent_back``), this process has them."""
    jobs = [unit.job] if isinstance(unit, _Part) else unit
    for one, job in zip(parsed, jobs, strict=True):
        one.job = job
    return parsed


def _parse_unit(unit: list[_Job] | _Part, look_up: bool = False) -> list[_Parsed]:
    """*look_up*: give the tokens as places in one list of the unit's distinct tokens,
    which crosses to the importing process once (postings.UnitWords)."""
    words = UnitWords() if look_up else None
    if isinstance(unit, _Part):
        parsed = [_parse_part(unit, words)]
    else:
        parsed = [_parse_job(job, words) for job in unit]
    if words is not None:
        words.close()
    return parsed


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


def _register_record_reducers() -> None:
    """Send records between the workers and the importer as their fields' values.

    A frozen dataclass with slots pickles through ``dataclasses``' own
    ``__getstate__``/``__setstate__``, a Python loop over its fields for every
    release, person, contact and link: half of what the parsed releases'
    pickling and unpickling cost. Its values read at once (``attrgetter``) and
    its constructor called on them give equal records in half the time. Only
    the pool's transfers use it (``ForkingPickler``), not ``pickle`` at large.
    The jobs sent to the workers (a job, its file, its look) go the same way.
    """
    for cls in (Release, Person, Contact, Link, Source, _Job, SourceFile, manifest.Look):
        names = [f.name for f in dataclasses.fields(cls) if f.init]
        if len(names) < 2:
            continue  # attrgetter of one name gives a value, not a tuple: the default way
        ForkingPickler.register(cls, partial(_reduced, cls, operator.attrgetter(*names)))
    ForkingPickler.register(_Parsed, _sent_back)


def _sent_back(parsed: _Parsed) -> tuple[Callable[..., _Parsed], tuple[Any, ...]]:
    """A parsed file as a worker sends it back: without its job, which the importing
    process sent and still has (``_with_jobs``): a frozen dataclass of three, pickled
    and unpickled for every file, for nothing."""
    return _Parsed, (
        None,
        parsed.result,
        parsed.digest,
        parsed.unchanged,
        parsed.partial,
        parsed.tokens,
        parsed.lines,
    )


def _reduced(
    cls: type, values: Callable[[Any], tuple[Any, ...]], record: object
) -> tuple[type, tuple[Any, ...]]:
    return cls, values(record)


_register_record_reducers()


__all__ = ["ImportProblem", "ImportSummary", "import_paths"]
