"""Run a command and print the peak resident memory of it and of its child processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += [int(n) for n in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except OSError:
        pass  # the process ended between two looks
    return found


def _rss_mib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tests.benchmarks.peak_memory COMMAND [ARGS...]", file=sys.stderr)
        return 2
    started = time.perf_counter()
    process = subprocess.Popen(argv)
    peaks: dict[int, int] = {}
    peak_sum = 0
    # Polled every 0.1 s (Linux /proc): a peak shorter than that can be missed.
    while process.poll() is None:
        tree = [process.pid]
        for pid in tree:
            tree += _children(pid)
        total = 0
        for pid in tree:
            rss = _rss_mib(pid)
            total += rss
            peaks[pid] = max(peaks.get(pid, 0), rss)
        peak_sum = max(peak_sum, total)
        time.sleep(0.1)
    top = sorted(peaks.values(), reverse=True)[:4]
    print(
        f"wall {time.perf_counter() - started:.1f} s; peak RSS of the largest processes {top} MiB;"
        f" of the whole tree at once {peak_sum} MiB",
        file=sys.stderr,
    )
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
