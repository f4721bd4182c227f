"""A whole ``pressroom import PATH --db postgresql://...`` command, timed from outside.

    .venv/bin/python -m compileall -q store tui tests
    .venv/bin/python -m tests.benchmarks.pg_import --jsonl /tmp/pgimport/100k.jsonl --count 100000
    .venv/bin/python -m tests.benchmarks.pg_import --measure /work/shared/corpus --fsync
    .venv/bin/python -m tests.benchmarks.pg_import --jsonl /work/data/pg/1m.jsonl --count 1000000 \\
        --into postgresql://pressroom@127.0.0.1:39913/press1m --postmaster "$(head -1 DATA/postmaster.pid)"
    .venv/bin/python -m tests.benchmarks.pg_import --jsonl /tmp/pgimport/20k.jsonl --count 20000 \\
        --code base=/tmp/pgimport/base --code change=. --rounds 2

``--jsonl PATH --count N``: ``generate(N, seed=0)`` written to PATH as JSON Lines in
Pressroom's own form (written once; an existing file of N lines is reused), then
imported. ``--measure PATH``: a file or folder of releases imported instead (the
real corpus's folder or tar.gz is unpacked into ``/tmp/pgimport/real``). Each import
goes into a new empty database on a throwaway server (``tests.helpers.pg_server`` with
``pg_scale``'s settings; ``--fsync``: with fsync and synchronous commits on, as a real
server runs). ``--code NAME=FOLDER`` (repeatable)
runs the command from another checkout of Pressroom (``PYTHONPATH``), the runs of each
interleaved round by round, so that a busy machine slows all of them alike.

For each run: wall time of the whole command (start, discovery, parsing, COPY,
commit, exit), releases stored per second, the CPU seconds of the command with its
worker processes and of the server's processes, and the peak RSS (``VmHWM``) of the
command's main process and of its largest worker. It is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson
import psycopg

from tests.benchmarks.checkouts import add_code_option, checkouts, command
from tests.benchmarks.corpora import unpack_real_corpus
from tests.benchmarks.pg_scale import SETTINGS
from tests.helpers import pg_server
from tests.helpers.synthetic import generate

_TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    """One import command's figures."""

    name: str
    seconds: float
    stored: int
    client_cpu_s: float
    server_cpu_s: float
    main_peak_mib: float
    worker_peak_mib: float
    load: float
    load_max: float = 0.0

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        per = 1000 / self.stored if self.stored else 0.0
        return (
            f"{self.name:>8}: {self.stored:,} releases in {self.seconds:,.1f} s = "
            f"{rate:,.0f} releases/s; CPU a release: client {self.client_cpu_s * per:.2f} ms, "
            f"server {self.server_cpu_s * per:.2f} ms; peak RSS main {self.main_peak_mib:,.0f} "
            f"MiB, worker {self.worker_peak_mib:,.0f} MiB; load at start {self.load:.2f},"
            f" highest {self.load_max:.2f}"
        )


def write_jsonl(path: Path, count: int) -> None:
    """``generate(count, seed=0)`` as JSON Lines at *path*, unless it is there already."""
    if path.exists():
        with path.open("rb") as lines:
            if sum(1 for _ in lines) == count:
                return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as out:
        for release in generate(count, seed=0):
            out.write(orjson.dumps(release.to_json()) + b"\n")
    partial.replace(path)


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry))
    return found


def server_cpu(postmaster: int) -> float:
    """CPU seconds of the server: the postmaster with its reaped children (backends that
    ended), and its live children (checkpointer, WAL writer, backends still connected)."""
    total = 0.0
    fields = _stat(postmaster)
    if fields is not None:
        total += sum(int(f) for f in fields[11:15]) / _TICK
    for child in _children(postmaster):
        fields = _stat(child)
        if fields is not None:
            total += (int(fields[11]) + int(fields[12])) / _TICK
    return total


def _peak_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def import_once(
    name: str, code: Path, path: Path, server: pg_server.Server, extra_env: dict[str, str]
) -> Run:
    """Run ``pressroom import PATH --db`` from *code* into a new database of *server*."""
    with pg_server.database(server) as dsn:
        return import_into(name, code, path, dsn, server.process.pid, extra_env)


def import_into(
    name: str, code: Path, path: Path, dsn: str, postmaster: int, extra_env: dict[str, str]
) -> Run:
    """Run ``pressroom import PATH --db DSN`` from *code*; *postmaster*: the server's pid
    (0: not on this machine, its CPU not counted)."""
    argv, env = command(code, "import", str(path), "--db", dsn, "--json", env=extra_env)
    load = load_max = os.getloadavg()[0]
    served = server_cpu(postmaster) if postmaster else 0.0
    started = time.perf_counter()
    child = subprocess.Popen(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    main_peak = worker_peak = 0.0
    # VmHWM only grows: the last reading before the exit is the peak (10 Hz).
    while child.poll() is None:
        main_peak = max(main_peak, _peak_mib(child.pid))
        for worker in _children(child.pid):
            worker_peak = max(worker_peak, _peak_mib(worker))
        load_max = max(load_max, os.getloadavg()[0])
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    out = child.stdout.read() if child.stdout else b""
    summary = orjson.loads(out.splitlines()[-1]) if out.strip() else {}
    with psycopg.connect(dsn) as conn:
        stored = conn.execute("SELECT count(*) FROM pressroom.releases").fetchone()
    count = int(stored[0]) if stored else 0
    if child.returncode != 0 or count == 0:
        raise SystemExit(f"{name}: the import failed ({child.returncode}): {summary}")
    return Run(
        name,
        seconds,
        count,
        _children_cpu(),
        (server_cpu(postmaster) - served) if postmaster else 0.0,
        main_peak,
        worker_peak,
        load,
        load_max,
    )


_SEEN_CPU = [0.0]


def _children_cpu() -> float:
    """CPU seconds of the commands (with their workers) since the last call."""
    usage = os.times()
    total = usage.children_user + usage.children_system
    spent, _SEEN_CPU[0] = total - _SEEN_CPU[0], total
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--jsonl", type=Path, help="synthetic releases as JSON Lines here")
    source.add_argument("--measure", type=Path, help="import this file or folder instead")
    parser.add_argument("--count", type=int, default=100_000, help="releases in --jsonl")
    parser.add_argument("--fsync", action="store_true", help="a durable server (fsync on)")
    add_code_option(parser)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--into",
        metavar="DSN",
        help="import once into this (empty) database of a running server, and keep it",
    )
    parser.add_argument(
        "--postmaster", type=int, default=0, help="with --into: the server's pid, for its CPU"
    )
    args = parser.parse_args(argv)
    path: Path = args.measure
    if path is not None and (path.suffixes[-2:] == [".tar", ".gz"] or path.is_dir()):
        # The real corpus comes as a tar.gz: unpacked once beside the synthetic files.
        unpacked = unpack_real_corpus(path, Path(tempfile.gettempdir()) / "pgimport")
        path = unpacked if unpacked is not None else path
    if args.jsonl is not None:
        write_jsonl(args.jsonl, args.count)
        path = args.jsonl
    codes = checkouts(args.code, "change")
    settings = dict(SETTINGS)
    if args.fsync:
        settings.update(fsync="on", synchronous_commit="on", full_page_writes="on")
    print(
        f"pg_import {path} on {os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC,"
        f" fsync {'on' if args.fsync else 'off'}",
        flush=True,
    )
    _children_cpu()
    runs: list[Run] = []
    if args.into:
        for name, folder in codes:
            print(
                import_into(name, folder, path, args.into, args.postmaster, {}).line(), flush=True
            )
        return 0
    with pg_server.running(settings) as server:
        for _round in range(args.rounds):
            for name, folder in codes:
                runs.append(import_once(name, folder, path, server, {}))
                print(runs[-1].line(), flush=True)
    if len(runs) > len(codes):
        print("medians:")
        for name, _folder in codes:
            mine = sorted((r for r in runs if r.name == name), key=lambda r: r.seconds)
            print("  " + mine[len(mine) // 2].line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
