"""The CPU of a PostgreSQL server on this machine over time, and its share in traced searches.

    .venv/bin/python -m tests.benchmarks.pg_server_cpu sample --postmaster PID --out cpu.tsv &
    ... a terminal run with PRESSROOM_PG_TRACE=trace.jsonl ...
    .venv/bin/python -m tests.benchmarks.pg_server_cpu report cpu.tsv --trace trace.jsonl

``sample`` writes a line every ``--every`` seconds (default 0.2): the wall clock
(``time.time``, the trace's clock) and the CPU seconds of every process of the
server so far (the postmaster with its live children and the children it
reaped, which is where a statement's parallel workers end up; the children
from ``/proc/PID/task/*/children``, not a walk of all of ``/proc``, so that
sampling costs the shared cores next to nothing), until it is stopped. ``report`` gives the server's CPU over the whole
sampling, and for each kind of traced search (``store.pg.trace``: first rows,
whole, exact count) the server's CPU during those searches, the lines' own
spans (work that ran beside them counts too: a figure of the server as the
browser met it, not of one statement). It is a script, not a test.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import orjson

_TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(postmaster: int) -> float:
    """CPU seconds of *postmaster* with its reaped children and its live children."""
    total = 0.0
    for pid in [postmaster, *_children(postmaster)]:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended between two looks: counted in the postmaster's reaped children
        # utime, stime, and for the postmaster its reaped children's cutime, cstime.
        ticks = fields[11:15] if pid == postmaster else fields[11:13]
        total += sum(int(f) for f in ticks) / _TICK
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                found += [int(n) for n in children.read().split()]
    except OSError:
        pass
    return found


def sample(postmaster: int, out: Path, every: float) -> None:
    with out.open("a", encoding="ascii") as tsv:
        while True:
            tsv.write(f"{time.time():.3f}\t{server_cpu(postmaster):.2f}\n")
            tsv.flush()
            time.sleep(every)


def read_samples(path: Path) -> tuple[list[float], list[float]]:
    at: list[float] = []
    cpu: list[float] = []
    for line in path.read_text(encoding="ascii").splitlines():
        when, seconds = line.split("\t")
        at.append(float(when))
        cpu.append(float(seconds))
    return at, cpu


def cpu_between(at: list[float], cpu: list[float], start: float, end: float) -> float:
    """The server's CPU seconds from *start* to *end*, from the samples around them."""
    first = max(0, bisect.bisect_right(at, start) - 1)
    last = min(len(at) - 1, bisect.bisect_left(at, end))
    return cpu[last] - cpu[first]


def report(samples: Path, trace: Path | None) -> str:
    at, cpu = read_samples(samples)
    lines = [
        f"server CPU {cpu[-1] - cpu[0]:.1f} s in {at[-1] - at[0]:.1f} s of wall time"
        f" ({len(at)} samples)"
    ]
    if trace is None:
        return "\n".join(lines)
    spans: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for raw in trace.read_bytes().splitlines():
        entry = orjson.loads(raw)
        if entry.get("outcome") == "begun" or "total_ms" not in entry:
            continue
        start = float(entry["at"])
        end = start + float(entry["total_ms"]) / 1000
        if end < at[0] or start > at[-1]:
            continue
        kind = f"{entry.get('kind', '?')}, {str(entry['outcome']).split(':')[0]}"
        spans[kind].append((start, end, str(entry["query"])))
    for kind, found in sorted(spans.items()):
        walls = [end - start for start, end, _ in found]
        cpus = [cpu_between(at, cpu, start, end) for start, end, _ in found]
        lines.append(
            f"{kind}: {len(found)} searches, wall {sum(walls):.2f} s"
            f" (max {max(walls):.2f}), server CPU meanwhile {sum(cpus):.2f} s"
            f" (max {max(cpus):.2f})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample")
    sampling.add_argument("--postmaster", type=int, required=True)
    sampling.add_argument("--out", type=Path, required=True)
    sampling.add_argument("--every", type=float, default=0.2)
    reporting = commands.add_parser("report")
    reporting.add_argument("samples", type=Path)
    reporting.add_argument("--trace", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "sample":
        with contextlib.suppress(KeyboardInterrupt):
            sample(args.postmaster, args.out, args.every)
        return 0
    print(report(args.samples, args.trace))
    return 0


if __name__ == "__main__":
    sys.exit(main())
