"""The end of a bulk load alone (its GIN indexes built), and a broad word's exact count.

    cd /tmp && PYTHONPATH=CHECKOUT .venv/bin/python -P PRESSROOM/tests/benchmarks/pg_words_tail.py \\
        tail postgresql://pressroom@127.0.0.1:PORT/DB --postmaster PID
    cd /tmp && PYTHONPATH=CHECKOUT .venv/bin/python -P PRESSROOM/tests/benchmarks/pg_words_tail.py \\
        counts postgresql://pressroom@127.0.0.1:PORT/DB postgresql://.../OTHER --word climate

``tail``: every GIN index of the archive at DSN dropped, then built again by the
checkout's own ``store.pg.bulk.build`` (what a bulk load does once its last batch is
in), timed, with the CPU of the server's processes (``--postmaster``: the server's
pid, from ``postmaster.pid``). Run it from each checkout in turn, each on an archive
of its own layout. ``counts``: a word's exact count (``PostgresStore.count``, the
store's own statement) on each archive in turn, *--rounds* times, alternating which
goes first; medians and minimums. Run as a file of this checkout (PRESSROOM), so that
``store`` comes from CHECKOUT, which may be an older Pressroom without this script. A
script, not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping

import psycopg
from psycopg import sql

from store.pg import bulk, schema
from store.pg.store import PostgresStore
from store.search.query import parse_query
from tests.benchmarks.pg_import import server_cpu


def archive_gin_indexes(conn: psycopg.Connection[tuple[object, ...]]) -> Mapping[str, str]:
    """The GIN indexes of the archive: by its layout where the checkout has more than one."""
    by_layout = getattr(schema, "gin_indexes", None)
    return by_layout(conn) if by_layout is not None else schema.GIN_INDEXES


def tail(dsn: str, postmaster: int) -> str:
    """Drop the archive's GIN indexes and time ``bulk.build`` making them again."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        if bulk.missing(conn):
            raise SystemExit(f"{dsn}: GIN indexes missing before the run: {bulk.missing(conn)}")
        for name in archive_gin_indexes(conn):
            conn.execute(sql.SQL("DROP INDEX pressroom.{}").format(sql.Identifier(name)))
        conn.execute("CHECKPOINT")
        load = os.getloadavg()[0]
        served = server_cpu(postmaster) if postmaster else 0.0
        started = time.perf_counter()
        bulk.build(conn, dsn)
        wall = time.perf_counter() - started
        cpu = server_cpu(postmaster) - served if postmaster else 0.0
        if bulk.missing(conn):
            raise SystemExit(f"{dsn}: not built: {bulk.missing(conn)}")
    name = dsn.rsplit("/", 1)[-1]
    return (
        f"{name}: built in {wall:.1f} s, server CPU {cpu:.1f} s,"
        f" load {load:.2f} -> {os.getloadavg()[0]:.2f}"
    )


def counts(dsns: list[str], words: list[str], rounds: int) -> list[str]:
    """Each word's exact count on each archive, alternating; median and min, in ms."""
    stores = [PostgresStore(dsn, user="reader") for dsn in dsns]
    lines = [f"load {os.getloadavg()[0]:.2f}"]
    try:
        for word in words:
            query = parse_query(word)
            times: list[list[float]] = [[] for _ in stores]
            found = 0
            for turn in range(rounds):
                order = list(range(len(stores)))
                for n in order if turn % 2 == 0 else order[::-1]:
                    started = time.perf_counter()
                    found = stores[n].count(query)
                    times[n].append((time.perf_counter() - started) * 1000)
            lines.append(
                f"{word!r} ({found}): "
                + ", ".join(
                    f"{dsn.rsplit('/', 1)[-1]} median {sorted(t)[len(t) // 2]:.1f} ms"
                    f" (min {min(t):.1f})"
                    for dsn, t in zip(dsns, times, strict=True)
                )
            )
    finally:
        for store in stores:
            store.close()
    lines.append(f"load {os.getloadavg()[0]:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("tail", "counts"))
    parser.add_argument("dsn", nargs="+")
    parser.add_argument("--postmaster", type=int, default=0)
    parser.add_argument("--word", action="append", default=[])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    if args.what == "tail":
        for dsn in args.dsn:
            print(tail(dsn, args.postmaster), flush=True)
    else:
        for line in counts(args.dsn, args.word or ["climate"], args.rounds):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
