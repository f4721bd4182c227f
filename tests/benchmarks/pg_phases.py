"""Where a bulk import's wall time goes: each process's CPU on a timeline, phase by phase.

    .venv/bin/python -m compileall -q store tui tests
    cd /tmp && flock /work/locks/bench env PYTHONPATH=CHECKOUT .venv/bin/python -P \\
        -m tests.benchmarks.pg_phases --jsonl /work/data/pg/100k.jsonl \\
        --code base=/tmp/pg13/base --code change=/work/wt-pg13 [--bins 5]

Each ``--code`` checkout's ``pressroom import FILE --db postgresql://...`` runs from
outside into a new empty database on a throwaway server (``pg_scale``'s settings, as
``pg_import``), while every ``--every`` seconds (default 0.25) this samples the CPU
of the command's main process, of its workers, and of each server process (from
``/proc``), with what each backend runs (``pg_stat_activity``: a ``COPY``, a
``CREATE INDEX`` and its index, an ``INSERT``, a GIN pending list's merge, idle).
From that it prints:

* the phases: *reading* (from the spawn to the first ``COPY``), *loading* (to the
  end of the last ``COPY`` or ``INSERT`` of the rows), *tail* (to the end of the last
  index build or pending list merge), *exit* (to the command's exit); for each, its
  wall time and the CPU seconds of each side, of everything else on the machine
  (*others*, from ``/proc/stat``) and the cores' idle seconds;
* each index build seen, its start and end;
* a timeline in bins of ``--bins`` seconds: each side's share of a core.

The sampler's own CPU is not counted (a query and a few ``/proc`` reads a sample). It
is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from tests.benchmarks.checkouts import add_code_option, checkouts, command
from tests.benchmarks.pg_scale import SETTINGS
from tests.benchmarks.pg_server_cpu import _children
from tests.helpers import pg_server

_TICK = os.sysconf("SC_CLK_TCK")
_CORES = os.cpu_count() or 1


def _cpu(pid: int, reaped: bool = False) -> float | None:
    """CPU seconds of *pid* (with its reaped children's, when *reaped*), None once gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = fields[11:15] if reaped else fields[11:13]
    return sum(int(f) for f in ticks) / _TICK


def _activity(query: str, state: str) -> str:
    """What a backend runs, in a word or two."""
    if state != "active":
        return "idle"
    words = query.split()
    head = " ".join(words[:2]).upper()
    if head.startswith("COPY"):
        return "copy"
    if head.startswith("CREATE INDEX"):
        named = [w for w in words if w.startswith("releases_")]
        return f"index {named[0]}" if named else "index"
    if head.startswith("INSERT"):
        return "insert"
    if "gin_clean_pending_list" in query:
        return "merge"
    return words[0].lower() if words else "idle"


def _side(activity: str | None) -> str:
    """The column a backend's CPU goes to: the rows' load, the words index's build, the
    other indexes' builds, anything else (autovacuum, the WAL writer, the catalog)."""
    if activity in ("copy", "insert"):
        return "load"
    if activity == "index releases_words":
        return "words index"
    if activity is not None and activity.startswith("index"):
        return "other indexes"
    if activity == "merge":
        return "pending merges"
    return "idle" if activity == "idle" else "other"


def _machine() -> tuple[float, float]:
    """CPU seconds of the whole machine so far (/proc/stat): busy (anyone's), idle."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(f) for f in stat.readline().split()[1:9]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields) - idle) / _TICK, idle / _TICK


@dataclass
class Sample:
    at: float
    main: float
    workers: float
    server: dict[str, float]  # by role: copy, index ..., other, idle backends
    activities: dict[int, str] = field(default_factory=dict)
    machine: tuple[float, float] = (0.0, 0.0)  # the machine's busy and idle CPU so far


def trace(
    argv: list[str], env: dict[str, str], dsn: str, postmaster: int, every: float
) -> tuple[list[Sample], float]:
    """Run *argv* and sample it and the server until it exits; the samples and its wall."""
    monitor = psycopg.connect(dsn, autocommit=True)
    mine = monitor.execute("SELECT pg_backend_pid()").fetchone()
    monitor_pid = int(mine[0]) if mine else 0
    database = dsn.rsplit("/", 1)[1]
    seen_cpu: dict[int, float] = {}
    gone = 0.0  # the postmaster's CPU with its reaped children's, less what was counted
    ended: set[int] = set()
    counted_ended = 0.0
    samples: list[Sample] = []
    roles: dict[int, str] = {}
    before = os.times()
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    workers_cpu: dict[int, float] = {}
    while True:
        done = child.poll() is not None
        rows = monitor.execute(
            "SELECT pid, state, query FROM pg_catalog.pg_stat_activity WHERE datname = %s",
            [database],
        ).fetchall()
        activities = {
            int(pid): _activity(query or "", state or "")
            for pid, state, query in rows
            if pid != monitor_pid
        }
        server: dict[str, float] = defaultdict(float)
        alive = set(_children(postmaster))
        for pid in [p for p in seen_cpu if p not in alive and p not in ended]:
            # Its CPU counted while it ran; the rest of it is in the postmaster's reaped.
            ended.add(pid)
            counted_ended += seen_cpu[pid]
        for pid in alive:
            if pid == monitor_pid:
                continue
            spent = _cpu(pid)
            if spent is None:
                continue
            role = _side(activities.get(pid))
            if role == "idle":
                role = roles.get(pid, "other")  # its CPU so far goes to what it last did
            roles[pid] = role
            # Counted by role from its CPU since the last sample.
            server[role] += spent - seen_cpu.get(pid, 0.0)
            seen_cpu[pid] = spent
        # The postmaster's own CPU and what ended backends spent after their last sample.
        reaped = (_cpu(postmaster, reaped=True) or 0.0) - counted_ended
        server["other"] += max(0.0, reaped - gone)
        gone = max(gone, reaped)
        main = _cpu(child.pid) or 0.0
        for worker in _children(child.pid):
            spent = _cpu(worker)
            if spent is not None:
                workers_cpu[worker] = spent
        samples.append(
            Sample(
                time.perf_counter() - started,
                main,
                sum(workers_cpu.values()),
                dict(server),
                activities,
                _machine(),
            )
        )
        if done:
            break
        time.sleep(every)
    wall = time.perf_counter() - started
    usage = os.times()
    monitor.close()
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"the import failed ({child.returncode}): {err[-2000:]}")
    # The command has exited: its whole CPU with its workers' (reaped) ends the samples.
    if len(samples) > 1:
        samples[-1].main = samples[-2].main
    command_cpu = usage.children_user + usage.children_system
    command_cpu -= before.children_user + before.children_system
    samples[-1].workers = command_cpu - samples[-1].main
    return samples, wall


def _phases(samples: list[Sample], wall: float) -> list[tuple[str, float, float]]:
    """(name, start, end) of reading, loading, tail and exit, from the backends' activities."""
    loads = [s.at for s in samples if any(a in ("copy", "insert") for a in s.activities.values())]
    builds = [
        s.at
        for s in samples
        if any(a.startswith("index") or a == "merge" for a in s.activities.values())
    ]
    first_load = loads[0] if loads else 0.0
    last_load = loads[-1] if loads else first_load
    last_build = builds[-1] if builds else last_load
    # The tail begins with the first build after the loads (a build beside them is loading).
    marks = [0.0, first_load, last_load, max(last_load, last_build), wall]
    names = ["reading", "loading", "tail", "exit"]
    return [(names[i], marks[i], marks[i + 1]) for i in range(4)]


def _cumulative(samples: list[Sample]) -> list[dict[str, float]]:
    """Each sample's CPU so far by side: main, workers, server's roles."""
    totals: dict[str, float] = defaultdict(float)
    out = []
    for s in samples:
        for role, spent in s.server.items():
            totals["server " + role] += spent
        mine = s.main + s.workers + sum(totals.values())
        busy, idle = s.machine
        out.append(
            {"main": s.main, "workers": s.workers, **totals, "|others": busy - mine, "|idle": idle}
        )
    return out


def report(name: str, samples: list[Sample], wall: float, releases: int, bins: float) -> str:
    cumulative = _cumulative(samples)
    order = [
        "main",
        "workers",
        "server load",
        "server words index",
        "server other indexes",
        "server pending merges",
    ]
    rest = sorted({k for c in cumulative for k in c} - {*order, "|others", "|idle"})
    sides = [*order, *rest, "|others", "|idle"]

    def at(t: float) -> dict[str, float]:
        # The last sample taken at or before t.
        chosen = cumulative[0]
        for s, c in zip(samples, cumulative, strict=True):
            if s.at > t:
                break
            chosen = c
        return chosen

    lines = [f"{name}: {releases:,} releases in {wall:.1f} s = {releases / wall:,.0f}/s"]
    lines.append(
        "phase      from     to   wall  " + "  ".join(f"{side[-13:]:>13}" for side in sides)
    )
    for phase, start, end in _phases(samples, wall):
        before, after = at(start), at(end) if end < wall else cumulative[-1]
        spent = {side: after.get(side, 0.0) - before.get(side, 0.0) for side in sides}
        lines.append(
            f"{phase:<8} {start:6.1f} {end:6.1f} {end - start:6.1f}  "
            + "  ".join(f"{spent[side]:13.1f}" for side in sides)
        )
    total = cumulative[-1]
    lines.append(
        "all                      "
        + f"{wall:6.1f}  "
        + "  ".join(
            f"{total.get(side, 0.0) - cumulative[0].get(side, 0.0):13.1f}" for side in sides
        )
    )
    spans: dict[str, list[float]] = {}
    for s in samples:
        for activity in s.activities.values():
            if activity.startswith("index"):
                spans.setdefault(activity, [s.at, s.at])[1] = s.at
    for activity, (start, end) in sorted(spans.items(), key=lambda item: item[1]):
        lines.append(f"  {activity}: {start:.1f} -> {end:.1f} s")
    lines.append(f"timeline, share of a core in bins of {bins:g} s:")
    lines.append("     t  " + "  ".join(f"{side[-13:]:>13}" for side in sides))
    t = 0.0
    while t < wall:
        before, after = at(t), at(min(t + bins, wall)) if t + bins < wall else cumulative[-1]
        span = min(bins, wall - t)
        lines.append(
            f"{t:6.0f}  "
            + "  ".join(
                f"{(after.get(side, 0.0) - before.get(side, 0.0)) / span:13.2f}" for side in sides
            )
        )
        t += bins
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", type=Path, required=True, help="releases as JSON Lines")
    add_code_option(parser)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--every", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("--bins", type=float, default=5.0, help="seconds a timeline line")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a server setting beside pg_scale's (repeatable)",
    )
    args = parser.parse_args(argv)
    settings = dict(SETTINGS)
    settings.update(spec.split("=", 1) for spec in args.set)
    print(
        f"pg_phases {args.jsonl} on {_CORES} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        flush=True,
    )
    with pg_server.running(settings) as server:
        for _round in range(args.rounds):
            for name, folder in checkouts(args.code, "change"):
                with pg_server.database(server) as dsn:
                    argv_, env = command(folder, "import", str(args.jsonl), "--db", dsn, "--json")
                    load = os.getloadavg()[0]
                    samples, wall = trace(argv_, env, dsn, server.process.pid, args.every)
                    with psycopg.connect(dsn) as conn:
                        row = conn.execute("SELECT count(*) FROM pressroom.releases").fetchone()
                    print(f"load at start {load:.2f}, at end {os.getloadavg()[0]:.2f}")
                    print(report(name, samples, wall, int(row[0]) if row else 0, args.bins))
                    print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
