"""The longest wait for the interpreter's lock while the browser builds its directory and related releases.

A key typed while the browser builds in the background waits for the lock as long
as the build holds it in one go. This opens an archive as the browser does, loads
its index, and then runs the session's builds (``Session.build_index``: the
directory, then the related releases, each with the collector paused) while a
thread that sleeps 2 ms at a time records how long each of its waits took. Where
a wait passes ``--dump`` seconds, faulthandler writes every thread's stack to
``--dumps`` (a wait in C code shows the line that called it).

    python -P -m tests.benchmarks.build_stalls /work/data/db100k/releases.json

``--freeze-after``: the order before the twelfth session (each build frozen after
its paused block ended), to measure older code with the same script.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import threading
import time
from pathlib import Path

from store.collector import PauseCollector, freeze_survivors, paused
from tui.archive_opening import open_for_browsing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store file (releases.json)")
    parser.add_argument("--dump", type=float, default=0.06, help="seconds (default 0.06)")
    parser.add_argument("--dumps", type=Path, default=Path("build_stalls.txt"))
    parser.add_argument("--freeze-after", action="store_true")
    args = parser.parse_args()

    archive = open_for_browsing(args.store, None)[0]
    PauseCollector().start()
    archive.build_index()
    freeze_survivors()

    waits: list[tuple[float, float]] = []  # (wait, when it ended)
    done = threading.Event()
    with args.dumps.open("w") as dumps:

        def watch() -> None:
            last = time.perf_counter()
            while not done.is_set():
                faulthandler.dump_traceback_later(args.dump, file=dumps)
                time.sleep(0.002)
                now = time.perf_counter()
                waits.append((now - last, now))
                last = now
            faulthandler.cancel_dump_traceback_later()

        marks: dict[str, float] = {}

        def build() -> None:
            marks["start"] = time.perf_counter()
            with paused():
                archive.contacts(lambda: False)
                if not args.freeze_after:
                    freeze_survivors()
            marks["directory"] = time.perf_counter()
            with paused():
                archive.related(lambda: False)
                if not args.freeze_after:
                    freeze_survivors()
            if args.freeze_after:
                freeze_survivors()
            marks["related"] = time.perf_counter()

        watcher = threading.Thread(target=watch, name="lock-watch")
        watcher.start()
        time.sleep(0.2)
        builder = threading.Thread(target=build, name="builds")
        builder.start()
        builder.join()
        time.sleep(0.3)
        done.set()
        watcher.join()

    start = marks["start"]
    during = sorted((w for w in waits if w[1] >= start), reverse=True)
    load = os.getloadavg()[0]
    print(
        f"directory {1000 * (marks['directory'] - start):.0f} ms, related "
        f"{1000 * (marks['related'] - marks['directory']):.0f} ms; load {load:.1f}"
    )
    longest = ", ".join(f"{1000 * w:.0f} ms at {1000 * (at - start):.0f}" for w, at in during[:5])
    print(f"longest waits for the lock: {longest}")


if __name__ == "__main__":
    main()
