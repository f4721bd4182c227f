"""The browser's calls to a PostgreSQL archive as words are typed, timed in one process.

    .venv/bin/python -m tests.benchmarks.pg_typing --conninfo postgresql://.../press1m \\
        --words "chief executive,climate" --repeats 5
    PGOPTIONS=... .venv/bin/python -m tests.benchmarks.pg_typing ... --explain DATA/server.log

For every prefix of every word ("c", "ch", ... "chief executive") the call the
browser's search worker makes first (``PostgresArchive.search(query,
first=FIRST_ROWS)``: the first rows, their releases, the count); for a word's
last key also what follows once typing pauses: the whole result
(``search(query)``: the listed rows, the timeline), the exact count that replaces
an estimated one (``counted``) and the facets. Each call: wall time, this
process's CPU, and the CPU of the server backends serving the archive's
connections (``/proc``: the server on this machine); with ``--postmaster PID``
also the CPU of every process of the server (the parallel workers a statement
starts end with it: the postmaster's reaped children). p50 / p95 over the repeats. ``--explain LOG``: every statement of the last repeat is logged by
``auto_explain`` with ANALYZE and BUFFERS (set through ``PGOPTIONS`` for the
archive's connections; the server's superuser) and the plans are printed from the
server's log. It measures what the terminal benchmark cannot split: where a key's
time goes. It is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.pg.archive import PostgresArchive
from store.search.query import parse_query
from tests.benchmarks.pg_import import server_cpu

FIRST_ROWS = 200  # tui.session.FIRST_ROWS: the rows a database is asked for first
_TICK = os.sysconf("SC_CLK_TCK")
_EXPLAIN = (
    "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0"
    " -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on"
    " -c auto_explain.log_nested_statements=on"
)


def backend_cpu(pids: list[int]) -> float:
    """CPU seconds of the server processes *pids* so far."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / _TICK
    return total


def backends(archive: PostgresArchive) -> list[int]:
    stores = [archive.store, *archive._opened]
    return [s._conn.info.backend_pid for s in stores if not s._conn.closed]


class Timer:
    """Wall, client CPU and server CPU of calls, by kind."""

    def __init__(self, archive: PostgresArchive, postmaster: int = 0) -> None:
        self.archive = archive
        self.postmaster = postmaster
        self.samples: dict[str, list[tuple[float, ...]]] = defaultdict(list)
        self.counts: dict[str, str] = {}
        self.keys: list[tuple[float, str]] = []  # (wall seconds, text) of each key's first rows

    def __call__(self, kind: str, call: Callable[[], Any]) -> Any:
        pids = backends(self.archive)
        everything = server_cpu(self.postmaster) if self.postmaster else 0.0
        served, cpu, started = backend_cpu(pids), time.process_time(), time.perf_counter()
        value = call()
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
        pids = backends(self.archive)  # a connection opened by the call counts from 0
        sample: tuple[float, ...] = (wall, cpu, backend_cpu(pids) - served)
        if self.postmaster:
            sample += (server_cpu(self.postmaster) - everything,)
        self.samples[kind].append(sample)
        return value


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def type_word(timer: Timer, word: str, label: str) -> None:
    archive = timer.archive
    for end in range(1, len(word) + 1):
        text = word[:end]
        if text.endswith(" "):
            continue
        query = parse_query(text)
        last = end == len(word)
        result = timer(
            f"{label} first rows, {'last key' if last else 'other keys'}",
            lambda q=query: archive.search(q, first=FIRST_ROWS),
        )
        timer.keys.append(
            (
                timer.samples[f"{label} first rows, {'last key' if last else 'other keys'}"][-1][0],
                text,
            )
        )
        if last:
            about = "about " if result.estimated else ""
            timer.counts[label] = f"{about}{result.matched:,}"
            whole = timer(f"{label} whole result", lambda q=query: archive.search(q))
            if whole.estimated:
                timer(f"{label} exact count", lambda w=whole: archive.counted(w))
            timer(f"{label} facets", lambda w=whole: archive.facets(w))


def timed_open(conninfo: str) -> tuple[PostgresArchive, list[tuple[str, float]]]:
    """Open the archive as the browser does, noting how long each step of the opening took
    (wrapped here, the code unchanged), then the first search (the empty query's first rows,
    as the browser opens) and the whole result that follows it."""
    from store.pg import bulk
    from store.pg import store as store_module

    spans: list[tuple[str, float]] = []
    undo: list[tuple[object, str, object]] = []

    def wrap(owner: object, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spans.append((label, time.perf_counter() - started))

        undo.append((owner, name, original))
        setattr(owner, name, timed_call)

    wrap(store_module.psycopg, "connect", "connect")
    wrap(store_module, "ensure_schema", "schema check")
    wrap(bulk, "recover", "missing indexes check")
    wrap(store_module.PostgresStore, "__len__", "count of the archive")
    started = time.perf_counter()
    try:
        archive = PostgresArchive(conninfo, user="reader")
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    spans.append(("archive opened, in all", time.perf_counter() - started))
    empty = parse_query("")
    first, seconds = _timed(lambda: archive.search(empty, first=FIRST_ROWS))
    spans.append((f"first rows of everything ({first.matched:,})", seconds))
    _whole, seconds = _timed(lambda: archive.search(empty))
    spans.append(("the whole of everything (listed rows, timeline)", seconds))
    return archive, spans


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = call()
    return value, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conninfo", required=True)
    parser.add_argument("--words", default="chief executive,climate,semiconductor,wildfire")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--opens", type=int, default=3, help="opens timed step by step")
    parser.add_argument("--explain", type=Path, metavar="LOG", help="the server's log file")
    parser.add_argument(
        "--postmaster", type=int, default=0, help="the server's pid: the CPU of all its processes"
    )
    args = parser.parse_args(argv)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"pg_typing, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load}", flush=True)
    for _round in range(args.opens):
        opened, spans = timed_open(args.conninfo)
        opened.close()
        print("open: " + ", ".join(f"{label} {seconds * 1000:,.1f} ms" for label, seconds in spans))
    archive = PostgresArchive(args.conninfo, user="reader")
    timer = Timer(archive, args.postmaster)
    words = [w.strip() for w in args.words.split(",") if w.strip()]
    for _round in range(args.repeats):
        for word in words:
            type_word(timer, word, word)
    header = "| call | n | wall p50 / p95 / max ms | client CPU p50 / p95 | server CPU p50 / p95 |"
    if args.postmaster:
        header += " all the server's processes p50 / p95 |"
    print(header)
    print("|---|---|---|---|---|" + ("---|" if args.postmaster else ""))
    for kind, samples in timer.samples.items():
        if not samples:
            print(f"| {kind} | | | | |")
            continue
        cols = []
        for n in range(len(samples[0])):
            values = [s[n] * 1000 for s in samples]
            extra = f" / {max(values):,.0f}" if n == 0 else ""
            cols.append(
                f"{statistics.median(values):,.0f} / {percentile(values, 0.95):,.0f}{extra}"
            )
        print(f"| {kind} | {len(samples)} | {' | '.join(cols)} |")
    slowest = sorted(timer.keys, reverse=True)[:8]
    print("slowest keys: " + ", ".join(f"{text!r} {wall * 1000:,.0f} ms" for wall, text in slowest))
    for word, count in timer.counts.items():
        print(f"{word!r}: {count}")
    archive.close()
    if args.explain is not None:
        offset = args.explain.stat().st_size
        os.environ["PGOPTIONS"] = _EXPLAIN
        explained = PostgresArchive(args.conninfo, user="reader")
        for word in words:
            type_word(Timer(explained), word, word)
        explained.close()
        del os.environ["PGOPTIONS"]
        with args.explain.open("rb") as log:
            log.seek(offset)
            sys.stdout.write(log.read().decode(errors="replace"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load at the end {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
