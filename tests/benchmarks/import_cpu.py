"""Run ``pressroom ARGS`` in this process and print its wall time, the importing process's CPU and its workers'.

Which side of an import waits for the other shows in these two figures: the
importing process is one process, its parse workers are several. On a shared
machine they hold better than wall time does (CPU time still swells under load).

    python -P -m tests.benchmarks.import_cpu import /work/data/pg/100k.jsonl --db /tmp/x/releases.json
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
import time


def _report(started: float) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # ended and waited for
    print(
        f"wall {time.perf_counter() - started:.1f} s, "
        f"importer {own.ru_utime + own.ru_stime:.1f} s, "
        f"workers {workers.ru_utime + workers.ru_stime:.1f} s, "
        f"peak {own.ru_maxrss // 1024} MiB",
        file=sys.stderr,
    )


def main() -> None:
    atexit.register(_report, time.perf_counter())
    sys.argv = ["pressroom", *sys.argv[1:]]
    runpy.run_module("tui", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
