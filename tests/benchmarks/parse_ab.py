"""Parsing CPU of two checkouts side by side, a chunk of sources at a time, in turn.

Run: ``python -P tests/benchmarks/parse_ab.py PATH --code base=DIR --code change=DIR
[--every N] [--chunk N]``. See ``tests/benchmarks/README.md`` ("The eleventh session's
extraction CPU given back").

Two runs of the same code a minute apart differ by more than a tenth on a machine shared with
other work (the load moves within seconds), which hides a change of a few percent. Here each
checkout parses in a process of its own that lives through the run, as an import's worker does
(its caches warm from one release to the next), and the two parse the same chunk of sources
back to back, in turn first: the load each chunk meets is the same for both, within a second.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import time

_CHILD = "--child"


def _child(path: str, every: int) -> None:
    """Read "START END" lines; parse those sources (discovery's order, every *every*-th); print
    the CPU seconds and the releases."""
    from store.ingest.build import parse_sources
    from store.ingest.discover import discover

    sources = list(itertools.islice(discover([path]), 0, None, every))
    print(len(sources), flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        started = time.process_time()
        releases = sum(len(r.releases) for r in parse_sources(sources[start:end]))
        print(f"{time.process_time() - started} {releases}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -P tests/benchmarks/parse_ab.py")
    parser.add_argument("path")
    parser.add_argument("--code", action="append", required=True, help="NAME=DIR, twice")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=200, help="sources a turn")
    args = parser.parse_args(argv)
    codes = [tuple(code.split("=", 1)) for code in args.code]
    if len(codes) != 2:
        parser.error("two --code NAME=DIR")
    children = []
    for _, directory in codes:
        env = {**os.environ, "PYTHONPATH": directory}
        children.append(
            subprocess.Popen(
                [sys.executable, "-P", __file__, _CHILD, args.path, str(args.every)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
        )
    counts = {int(child.stdout.readline()) for child in children}  # type: ignore[union-attr]
    if len(counts) != 1:
        raise SystemExit(f"the checkouts found different sources: {counts}")
    total = counts.pop()
    cpu = [0.0, 0.0]
    releases = [0, 0]
    ratios = []
    for turn, start in enumerate(range(0, total, args.chunk)):
        order = (0, 1) if turn % 2 == 0 else (1, 0)
        spent = [0.0, 0.0]
        for side in order:
            child = children[side]
            child.stdin.write(f"{start} {start + args.chunk}\n")  # type: ignore[union-attr]
            child.stdin.flush()  # type: ignore[union-attr]
            seconds, count = child.stdout.readline().split()  # type: ignore[union-attr]
            spent[side] = float(seconds)
            cpu[side] += float(seconds)
            releases[side] += int(count)
        if spent[0] > 0:
            ratios.append(spent[1] / spent[0])
    for child in children:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait()
    for (name, _), seconds, count in zip(codes, cpu, releases, strict=True):
        per = seconds * 1000 / count if count else 0.0
        print(f"{name}: {count} releases, CPU {seconds:.2f} s, {per:.3f} ms a release")
    if ratios:
        print(
            f"{codes[1][0]} / {codes[0][0]}: {cpu[1] / cpu[0]:.3f} in all; "
            f"median of {len(ratios)} chunks {statistics.median(ratios):.3f}"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == _CHILD:
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(main())
