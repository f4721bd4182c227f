"""A broad word's statements at a million, ``EXPLAIN (ANALYZE, BUFFERS)`` with JIT on and off.

    python -m tests.benchmarks.pg_jit postgresql://pressroom@127.0.0.1:PORT/press1m \\
        --word climate --most 1000001 --rounds 2

The statements a broad word's whole result sends (``PostgresStore._page``'s rows from
the bitmaps with their count, ``_bounded_count``, the timeline on the sample) and its
first page walked in order, each in a transaction with the ``SET LOCAL`` planner
settings the store gives it, then ``jit`` on or off, the order alternating round by
round. Pressroom's own connections run with ``jit = off`` (``PostgresStore``): this
says what JIT would cost them. ``--most``: the bound of the rows taken from the
bitmaps (past the word's count, as the store asks). It is a script, not a test.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import psycopg

_MATCH = (
    "(r.words @@ %(query)s::tsquery OR r.id = ANY (ARRAY(SELECT i.id FROM pressroom.releases i"
    " WHERE NOT i.words_complete AND (strpos(i.token_text, %(needle)s) > 0))))"
)
_BITMAPS = ("SET LOCAL enable_seqscan = off", "SET LOCAL enable_indexscan = off")
_ORDER = "r.undated, r.date_key, r.title_key, r.id"
STATEMENTS: dict[str, tuple[tuple[str, ...], str]] = {
    "whole result (from the bitmaps)": (
        _BITMAPS,
        "WITH hit AS MATERIALIZED (SELECT r.id, r.undated, r.date_key, r.title_key"
        f" FROM pressroom.releases r WHERE {_MATCH} LIMIT %(most)s)"
        " SELECT (SELECT count(*) FROM hit),"
        f" ARRAY(SELECT r.id FROM hit r ORDER BY {_ORDER} LIMIT 20000 OFFSET 0)",
    ),
    "exact count (from the bitmaps)": (
        _BITMAPS,
        f"SELECT count(*) FROM (SELECT FROM pressroom.releases r WHERE {_MATCH}"
        " LIMIT %(most)s) hit",
    ),
    "timeline on the sample": (
        (),
        "SELECT left(r.date, 7), count(*) FROM pressroom.releases r WHERE r.date IS NOT NULL"
        f" AND (r.sample < 6554 AND ({_MATCH})) GROUP BY 1",
    ),
    "first 200 walked": (
        ("SET LOCAL enable_sort = off",),
        f"SELECT r.id FROM pressroom.releases r WHERE {_MATCH} ORDER BY {_ORDER} LIMIT 200",
    ),
}


def explain(
    conn: psycopg.Connection[Any],
    jit: str,
    sets: tuple[str, ...],
    statement: str,
    params: dict[str, object],
) -> dict[str, Any]:
    """The JSON plan of *statement* run with *sets* and ``jit`` = *jit*."""
    with conn.transaction():
        conn.execute(f"SET LOCAL jit = {jit}")
        for setting in sets:
            conn.execute(setting)
        row = conn.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement, params)
        plan: dict[str, Any] = row.fetchone()[0][0]  # type: ignore[index]
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conninfo")
    parser.add_argument("--word", default="climate")
    parser.add_argument("--most", type=int, default=1_000_001)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    params = {"query": f"'{args.word}':*", "needle": f" {args.word}", "most": args.most}
    with psycopg.connect(args.conninfo) as conn:
        for number in range(args.rounds):
            for jit in ("on", "off") if number % 2 == 0 else ("off", "on"):
                for name, (sets, statement) in STATEMENTS.items():
                    plan = explain(conn, jit, sets, statement, params)
                    timing = plan.get("JIT", {}).get("Timing", {})
                    top = plan["Plan"]
                    print(
                        f"round {number} jit {jit:3} {name:32} {plan['Execution Time']:9.1f} ms;"
                        f" JIT {timing.get('Total', 0.0):6.1f} ms (inlining"
                        f" {timing.get('Inlining', 0.0):.1f}, optimisation"
                        f" {timing.get('Optimization', 0.0):.1f}, emission"
                        f" {timing.get('Emission', 0.0):.1f}); planning {plan['Planning Time']:.1f}"
                        f" ms; buffers hit {top.get('Shared Hit Blocks', 0)},"
                        f" read {top.get('Shared Read Blocks', 0)}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
