"""PostgreSQL at a million releases: bulk import rate, as-you-type pages and counts, timeline, facets.

    .venv/bin/python -m tests.benchmarks.pg_scale --releases 1000000 --log /tmp/pg_scale.log

Starts a throwaway server (``tests.helpers.pg_server``, the settings below),
imports ``generate(N, seed=0)`` through ``PostgresStore.add_batch`` in batches
(never all N in memory), then types words key by key: each keystroke is
``page(limit=200)`` plus ``count_estimate``, timed together as the list needs
them. Then the timeline and facets, and the error of every estimated count
against the exact ``count``. ``--conninfo`` measures an archive already loaded
(no server, no import). It is a script, not a test: pytest collects nothing here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TextIO

import psycopg

from store.pg.store import PostgresStore
from store.records import Release
from store.search.query import parse_query
from store.search.tokens import text_tokens
from tests.benchmarks.corpora import SYNTHETIC_QUERIES
from tests.helpers import pg_server
from tests.helpers.synthetic import generate

# A server set up as a team would run one on this machine (the test server's defaults are
# for small data: 128 MB of shared buffers, a checkpoint every GB of WAL).
SETTINGS = {
    "shared_buffers": "6GB",
    "effective_cache_size": "16GB",
    "maintenance_work_mem": "512MB",
    "work_mem": "32MB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
}
PAGE = 200
USER = "reader"
# Typed key by key, besides the corpus's queries and the words picked by frequency.
MORE_QUERIES = (
    "international",
    "sustainable development",
    "water health",
    "climate fin",
    "is:starred",
    "is:starred climate",
    "community -is:read",
    "digital innovation date:2020..2022",
    "org:quagra",
    "loc:gen after:2020",
    '"media relations"',
)


@dataclass
class Key:
    """One keystroke: the text in the bar, whether it ends a word, and what it cost."""

    text: str
    last: bool
    seconds: float = 0.0
    page_s: float = 0.0
    count_s: float = 0.0
    count: int = 0
    exact: bool = True


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)


def log(out: TextIO | None, message: str) -> None:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    line = f"[{datetime.now(UTC):%H:%M:%S} load {load}] {message}"
    print(line, file=sys.stderr, flush=True)
    if out is not None:
        print(line, file=out, flush=True)


def batches(releases: Iterator[Release], size: int) -> Iterator[list[Release]]:
    while batch := list(islice(releases, size)):
        yield batch


@dataclass
class Imported:
    """Where an import's time went: add_batch (wall), all (with generating the releases), and
    the CPU seconds of this process and of the server process serving it."""

    add_batch_s: float = 0.0
    whole_s: float = 0.0
    python_cpu_s: float = 0.0
    server_cpu_s: float = 0.0
    ids: list[str] = field(default_factory=list)


def server_cpu(pid: int) -> float:
    """CPU seconds of the server process *pid* (the same machine: /proc)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: SIM115
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def import_all(store: PostgresStore, n: int, size: int, out: TextIO | None) -> Imported:
    """Import ``generate(n)`` a batch at a time, keeping the first 30,000 ids."""
    got = Imported()
    backend = store._conn.info.backend_pid
    begun, done = time.perf_counter(), 0
    for batch in batches(generate(n, seed=0), size):
        started, cpu, served = time.perf_counter(), time.process_time(), server_cpu(backend)
        outcomes = store.add_batch(batch)
        got.add_batch_s += time.perf_counter() - started
        got.python_cpu_s += time.process_time() - cpu
        got.server_cpu_s += server_cpu(backend) - served
        assert outcomes == ["imported"] * len(batch), Counter(outcomes)
        if len(got.ids) < 30_000:
            got.ids += [r.id for r in batch]
        done += len(batch)
        if done % 50_000 < size or done == n:
            log(out, f"imported {done:,}: add_batch {done / got.add_batch_s:,.0f}/s")
    got.whole_s = time.perf_counter() - begun
    return got


def picked_words(sample: int = 3000) -> dict[str, str]:
    """Words of the corpus by the share of releases holding them (the first *sample*)."""
    holding: Counter[str] = Counter()
    for release in generate(sample, seed=0):
        holding.update(set(text_tokens(release.title + " " + release.body)))
    by_share = sorted(
        ((n / sample, w) for w, n in holding.items() if len(w) > 4 and w.isalpha()),
        reverse=True,
    )

    def near(share: float) -> str:
        return min(by_share, key=lambda item: abs(item[0] - share))[1]

    return {f"word in {share:.1%}": near(share) for share in (0.3, 0.1, 0.03, 0.01, 0.003)}


def keystrokes(texts: Sequence[str]) -> list[Key]:
    """Every text of typing each of *texts* from an empty bar, a key at a time."""
    keys = []
    for text in texts:
        for end in range(1, len(text) + 1):
            last = end == len(text) or text[end] == " "
            keys.append(Key(text[:end], last and text[end - 1] != " "))
    return keys


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = run()
    return value, time.perf_counter() - started


def type_keys(store: PostgresStore, keys: list[Key]) -> None:
    for key in keys:
        query = parse_query(key.text)
        _ids, key.page_s = timed(lambda q=query: store.page(q, limit=PAGE))
        (key.count, key.exact), key.count_s = timed(lambda q=query: store.count_estimate(q))
        key.seconds = key.page_s + key.count_s


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def report_keys(report: Report, keys: list[Key]) -> None:
    report.add("| keystrokes | n | p50 ms | p95 ms | max ms | page p95 | count p95 |")
    report.add("|---|---|---|---|---|---|---|")
    for label, chosen in (("every key", keys), ("last key of a word", [k for k in keys if k.last])):
        totals = [k.seconds for k in chosen]
        report.add(
            f"| {label} | {len(chosen)} | {ms(statistics.median(totals))} "
            f"| {ms(percentile(totals, 0.95))} | {ms(max(totals))} "
            f"| {ms(percentile([k.page_s for k in chosen], 0.95))} "
            f"| {ms(percentile([k.count_s for k in chosen], 0.95))} |"
        )
    report.add()
    report.add("Slowest keystrokes (page + count, the count shown):")
    for key in sorted(keys, key=lambda k: -k.seconds)[:8]:
        about = "" if key.exact else "about "
        report.add(
            f"    {ms(key.seconds):>8} ms (page {ms(key.page_s)}, count {ms(key.count_s)})"
            f"  {key.text!r} -> {about}{key.count:,}"
        )


def report_words(report: Report, store: PostgresStore, queries: dict[str, str]) -> None:
    """Per whole query: the last key's page and count, months and facets, and the error of
    an estimated count against the exact one."""
    report.add()
    report.add("| query | | page ms | count ms | count | exact | error | months ms | facets ms |")
    report.add("|---|---|---|---|---|---|---|---|---|")
    errors = []
    for label, text in queries.items():
        query = parse_query(text)
        _ids, page_s = timed(lambda q=query: store.page(q, limit=PAGE))
        (count, exact), count_s = timed(lambda q=query: store.count_estimate(q))
        (_months, months_exact), months_s = timed(lambda q=query: store.months_estimate(q))
        (_facets, facets_exact), facets_s = timed(lambda q=query: store.facets_estimate(q))
        error = ""
        if not exact:
            truth = store.count(query)
            errors.append(abs(count - truth) / truth)
            error = f"{(count - truth) / truth:+.1%} of {truth:,}"
        sampled = "" if months_exact and facets_exact else " (sample)"
        report.add(
            f"| {label} | `{text}` | {ms(page_s)} | {ms(count_s)} | {count:,} "
            f"| {'yes' if exact else 'about'} | {error} | {ms(months_s)}{sampled} "
            f"| {ms(facets_s)}{sampled} |"
        )
    if errors:
        report.add()
        report.add(
            f"Estimated counts: {len(errors)}, relative error median "
            f"{statistics.median(errors):.1%}, worst {max(errors):.1%}"
        )


def estimate_errors(report: Report, store: PostgresStore, keys: list[Key]) -> None:
    """The error of every estimated count the typing met, against the exact count; and,
    for comparison, the error the planner's own estimate would have had."""
    from store.pg.query_sql import compile_query

    sampled, planned, worst = [], [], (0.0, "", 0, 0)
    for key in {k.text: k for k in keys if not k.exact}.values():
        query = parse_query(key.text)
        truth = store.count(query)
        planner = store._planner_rows(compile_query(query, USER))
        sampled.append(abs(key.count - truth) / truth)
        planned.append(abs(planner - truth) / truth)
        worst = max(worst, (sampled[-1], key.text, key.count, truth))
    if not sampled:
        return
    report.add()
    for label, errors in (("sample (count_estimate)", sampled), ("planner (EXPLAIN)", planned)):
        report.add(
            f"Estimated counts while typing, {label}: {len(errors)} distinct texts, relative "
            f"error median {statistics.median(errors):.1%}, p95 {percentile(errors, 0.95):.1%},"
            f" worst {max(errors):.1%}"
        )
    report.add(f"Worst sample estimate: {worst[1]!r}: about {worst[2]:,} for {worst[3]:,}")


def explain_slow(store: PostgresStore, milliseconds: int) -> None:
    """Have the server log the plan (EXPLAIN ANALYZE) of every statement of *store* slower
    than *milliseconds* (auto_explain, in the server's log: server.log of the throwaway
    server, whose slow plans are printed at the end)."""
    store._conn.execute("LOAD 'auto_explain'")
    store._conn.execute(f"SET auto_explain.log_min_duration = {int(milliseconds)}")
    store._conn.execute("SET auto_explain.log_analyze = on")
    store._conn.execute("SET auto_explain.log_buffers = on")


def marks(store: PostgresStore, ids: list[str]) -> None:
    """The reader has read a third of the first 30,000 releases and starred 300."""
    store.set_read(ids[::3])
    store.set_starred(ids[::100])


def measure(args: argparse.Namespace, conninfo: str, report: Report, out: TextIO | None) -> None:
    store = PostgresStore(conninfo, user=USER)
    if args.conninfo is None:
        got = import_all(store, args.releases, args.batch, out)
        n = args.releases
        report.add(
            f"Import of {n:,} releases in batches of {args.batch:,}: add_batch "
            f"{got.add_batch_s:,.0f} s = **{n / got.add_batch_s:,.0f} releases/s** "
            f"(with generating them: {got.whole_s:,.0f} s = {n / got.whole_s:,.0f}/s); "
            f"CPU a release: Python {got.python_cpu_s / n * 1000:.2f} ms (rows, COPY), "
            f"server process {got.server_cpu_s / n * 1000:.2f} ms (parsing, TOAST, indexes)"
        )
        with psycopg.connect(conninfo, autocommit=True) as conn:
            _none, vacuum_s = timed(lambda: conn.execute("VACUUM ANALYZE pressroom.releases"))
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            report.add(
                f"Then VACUUM ANALYZE (what autovacuum does after a load) {vacuum_s:,.0f} s; "
                f"database {size.fetchone()[0]}"  # type: ignore[index]
            )
        marks(store, got.ids)
    report.add()
    words = {**SYNTHETIC_QUERIES, **picked_words()}
    texts = [*words.values(), *MORE_QUERIES]
    log(out, f"typing {len(texts)} queries, a key at a time")
    type_keys(store, keystrokes(texts))  # warm the cache as a browser in use has it
    if args.explain:
        explain_slow(store, args.explain)
    keys = keystrokes(texts)
    type_keys(store, keys)
    report_keys(report, keys)
    log(out, "months, facets and estimate errors")
    report_words(report, store, {"everything": "", **words})
    estimate_errors(report, store, keys)
    store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--log", help="progress lines, also to this file")
    parser.add_argument("--conninfo", help="measure this loaded archive (no server, no import)")
    parser.add_argument(
        "--explain", type=int, default=0, metavar="MS", help="log plans of statements over MS"
    )
    args = parser.parse_args(argv)
    out = open(args.log, "a", encoding="utf-8") if args.log else None  # noqa: SIM115
    report = Report()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    report.add(
        f"pg_scale --releases {args.releases:,} on {os.cpu_count()} cores, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average at start {load}"
    )
    try:
        if args.conninfo:
            measure(args, args.conninfo, report, out)
        else:
            with pg_server.running(SETTINGS) as server, pg_server.database(server) as conninfo:
                log(out, f"server {server.conninfo} in {server.folder}")
                try:
                    measure(args, conninfo, report, out)
                finally:
                    if args.explain:
                        print((server.folder / "server.log").read_text(), file=sys.stderr)
    finally:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        report.add(f"Load average at the end {load}")
        if out is not None:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
