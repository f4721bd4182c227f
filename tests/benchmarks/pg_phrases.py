"""Quoted phrases typed key by key into a team archive already loaded: p50/p95 a phrase.

    .venv/bin/python -m tests.benchmarks.pg_phrases --conninfo postgresql://.../db100k
    PYTHONPATH=/tmp/base .venv/bin/python -m tests.benchmarks.pg_phrases --conninfo ...

Each phrase is typed from an empty bar a key at a time (``"w``, ``"wa``, ... ``"water
supply"``); each keystroke is ``page(limit=200)`` plus ``count_estimate``, timed
together as the list needs them (``pg_scale.type_keys``). Per phrase: the median and
95th percentile over its keystrokes and the cost of its last key, with the count.
``--rounds`` types every phrase that many times (the first round warms the cache).
It is a script, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence

from store.pg.store import PostgresStore
from tests.benchmarks.pg_scale import Key, keystrokes, ms, percentile, type_keys

PHRASES = (
    '"water supply"',
    '"renewable energy"',
    '"the minister"',
    '"learn more at"',
    '"the of the"',
    '"of the"',
    '"the and"',
    '"research of data"',
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conninfo", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--phrase", action="append", default=[], help="instead of PHRASES")
    args = parser.parse_args(argv)
    phrases = args.phrase or list(PHRASES)
    with PostgresStore(args.conninfo) as store:
        print(f"{len(store):,} releases")
        timings: dict[str, list[Key]] = {phrase: [] for phrase in phrases}
        for _round in range(args.rounds):
            for phrase in phrases:
                keys = keystrokes([phrase])
                type_keys(store, keys)
                if _round:  # the first round warms the cache
                    timings[phrase].extend(keys)
        print("| phrase | keys | p50 ms | p95 ms | max ms | last key ms | count |")
        print("|---|---|---|---|---|---|---|")
        for phrase, keys in timings.items():
            keys = keys or []
            totals = [k.seconds for k in keys]
            last = [k for k in keys if k.text == phrase]
            print(
                f"| `{phrase}` | {len(totals)} | {ms(statistics.median(totals))} "
                f"| {ms(percentile(totals, 0.95))} | {ms(max(totals))} "
                f"| {ms(statistics.median(k.seconds for k in last))} "
                f"| {'' if last[-1].exact else 'about '}{last[-1].count:,} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
