"""Where a release's CPU goes in a bulk import into PostgreSQL: the worker's row, the server's COPY.

    .venv/bin/python -m compileall -q store tui tests
    cd /tmp && PYTHONPATH=CHECKOUT .venv/bin/python -P tests/benchmarks/pg_row_costs.py \\
        /work/data/pg/20k.jsonl --count 3000 [--server 20000]

The first *count* releases of a JSON Lines file (``pg_import.write_jsonl``'s), parsed
once; then each stage of an import's worker timed over all of them (``process_time``,
the best of ``--rounds``): parsing, the stored form, the row's tokens, lexemes, token
text, initials and keys, the whole row, its COPY tuple, and the pickling of what a worker
sends back (the releases and their rows) with the importing process's unpickling. With
``--server N``: the rows of the first N releases loaded by binary COPY, in batches of
2,000, into an empty archive without its GIN indexes (a bulk load), then the GIN
indexes built; the server's CPU of each from ``/proc`` of its backend. Run with
``PYTHONPATH`` set to a checkout (and ``-P``) to time that checkout's code. It is a
script, not a test.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from store.ingest import stream
from store.ingest.discover import SourceFile
from store.pg import columns, copy_rows
from store.pg.schema import GIN_INDEXES, ensure_schema
from store.records import Release
from store.search.query import FIELDS, field_values, release_text_fields
from store.search.tokens import field_key, text_tokens
from tests.benchmarks.pg_scale import SETTINGS
from tests.helpers import pg_server

_TICK = os.sysconf("SC_CLK_TCK")


def read(path: Path, count: int) -> tuple[list[stream.Chunk], list[Release]]:
    """The chunks of the first *count* releases of *path*, and the releases."""
    chunks: list[stream.Chunk] = []
    releases: list[Release] = []
    for chunk in stream.chunks(SourceFile(str(path), "jsonl")):
        chunks.append(chunk)
        releases += stream.parse_chunk(str(path), "jsonl", chunk).releases
        if len(releases) >= count:
            break
    return chunks, releases


def best(work: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """The least CPU seconds of *rounds* runs of *work*, and what it gave."""
    spent = []
    out = None
    for _ in range(rounds):
        began = time.process_time()
        out = work()
        spent.append(time.process_time() - began)
    return min(spent), out


def worker_stages(path: Path, count: int, rounds: int) -> None:
    chunks, releases = read(path, count)
    n = len(releases)

    def show(name: str, work: Callable[[], Any]) -> Any:
        seconds, out = best(work, rounds)
        print(f"  {name:<22} {1000 * seconds / n:.4f} ms a release", flush=True)
        return out

    print(f"worker, {n:,} releases, load {os.getloadavg()[0]:.1f}:")
    show("parse", lambda: [stream.parse_chunk(str(path), "jsonl", c) for c in chunks])
    stored = show("stored form", lambda: [columns.stored_form(r) for r in releases])
    fields = [release_text_fields(r) for r in releases]
    tokens = show("tokens", lambda: [[text_tokens(p) for p in f] for f in fields])
    words = show("lexemes", lambda: [columns.lexemes(t) for t in tokens])
    show("token text", lambda: [columns.token_text(t) for t in tokens])
    show("initials", lambda: [columns.initials([w]) for w, _complete in words])
    show(
        "keys",
        lambda: [
            [columns.KEY_SEPARATOR.join(map(field_key, field_values(f, r))) for f in FIELDS]
            for r in releases
        ],
    )
    rows = show("row, whole", lambda: [columns.release_row(r, d) for r, d in stored])
    show("COPY tuple", lambda: [copy_rows.copy_row(row) for row in rows])
    made = show("prepared, whole", lambda: [copy_rows.prepared(r) for r in releases])
    stand_in = getattr(copy_rows, "stand_in", None)
    if stand_in is not None:  # what the worker sends back (store.ingest.run._Parsed)
        made = [(stand_in(release), row) for release, row in made]
    parts = [made[i : i + stream.CHUNK_ENTRIES] for i in range(0, n, stream.CHUNK_ENTRIES)]
    blobs = show("pickled (worker)", lambda: [pickle.dumps(p, -1) for p in parts])
    show("unpickled (importer)", lambda: [pickle.loads(b) for b in blobs])
    print(f"  bytes a release: row {sum(len(r) for _, r in made) / n:,.0f},", end="")
    print(f" sent back {sum(map(len, blobs)) / n:,.0f}")


def _backend_cpu(conn: psycopg.Connection[Any]) -> float:
    row = conn.execute("SELECT pg_backend_pid()").fetchone()
    assert row is not None
    with open(f"/proc/{row[0]}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def server_stages(path: Path, count: int) -> None:
    _chunks, releases = read(path, count)
    rows = [copy_rows.prepared(r)[1] for r in releases]
    n = len(rows)
    statement = sql.SQL("COPY pressroom.releases ({}) FROM STDIN WITH (FORMAT binary)").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in columns.ROW_COLUMNS)
    )
    with (
        pg_server.running(SETTINGS) as server,
        pg_server.database(server) as dsn,
        psycopg.connect(dsn, autocommit=True) as conn,
    ):
        ensure_schema(conn, "bench")
        for name in GIN_INDEXES:
            conn.execute(sql.SQL("DROP INDEX pressroom.{}").format(sql.Identifier(name)))
        began = _backend_cpu(conn)
        for at in range(0, n, 2000):
            with conn.transaction(), conn.cursor().copy(statement) as copy:
                copy.write(
                    copy_rows.COPY_HEADER + b"".join(rows[at : at + 2000]) + copy_rows.COPY_TRAILER
                )
        spent = _backend_cpu(conn) - began
        print(f"server, {n:,} rows, load {os.getloadavg()[0]:.1f}:")
        print(f"  COPY (no GIN indexes)  {1000 * spent / n:.4f} ms a release")
        conn.execute("SET maintenance_work_mem = '1GB'")
        for name, create in GIN_INDEXES.items():
            began = _backend_cpu(conn)
            conn.execute(create)
            spent = _backend_cpu(conn) - began
            print(f"  build {name:<23} {1000 * spent / n:.4f} ms a release")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--server", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    worker_stages(args.jsonl, args.count, args.rounds)
    if args.server:
        server_stages(args.jsonl, args.server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
