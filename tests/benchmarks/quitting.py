"""From the quit key to the terminal given back and to the process's end, through a real terminal.

What a person waits for when leaving the browser: the screen restored (the
alternate screen left, ``CSI ?1049l``), then the shell's prompt, which comes
back only when the process has ended. Each quit is made a set number of
seconds after the first rows are drawn, so that it falls at different moments
of the background builds (the index, the contact directory, the related
releases, near-duplicates' sketches), next to a bare Textual app quit the
same way.

    python -P -m tests.benchmarks.quitting --store /work/data/db100k/releases.json \\
        --delays 0.3,3,5,8,12 --rounds 2

The checkout whose ``pressroom`` runs is this one (``PYTHONPATH``); its
``.venv`` must exist (a symlink to another checkout's is enough).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from tests.benchmarks.terminal import (
    Target,
    bare_target,
    open_session,
    pressroom_target,
    wait_for_rows,
)

LEFT_ALT_SCREEN = b"\x1b[?1049l"


def quit_once(target: Target, delay: float) -> tuple[float, float]:
    """(to the terminal restored, to the process's end), in seconds from the quit key's write."""
    session = open_session(target, 120, 36)
    try:
        wait_for_rows(session, target)
        time.sleep(delay)
        mark = len(session.output)
        written = time.perf_counter()
        session.send(target.quit_keys)
        restored: float | None = None
        while session.alive():
            if restored is None and LEFT_ALT_SCREEN in bytes(session.output[mark:]):
                restored = time.perf_counter() - written
            time.sleep(0.002)
        ended = time.perf_counter() - written
        return (restored if restored is not None else ended), ended
    finally:
        session.stop(quit_keys=b"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store file (releases.json)")
    parser.add_argument("--delays", default="0.3,3,5,8,12", help="seconds after the first rows")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare Textual app")
    args = parser.parse_args()
    delays = [float(d) for d in args.delays.split(",")]
    targets = [pressroom_target(args.store, {})]
    if not args.no_bare:
        targets.append(bare_target())
    print(f"load {os.getloadavg()[0]:.2f}")
    results: dict[str, list[tuple[float, float]]] = {t.name: [] for t in targets}
    for _ in range(args.rounds):
        for delay in delays:
            for target in targets:
                restored, ended = quit_once(target, delay)
                results[target.name].append((restored, ended))
                print(
                    f"{target.name:14} quit {delay:4.1f} s after rows: "
                    f"restored {restored * 1000:5.0f} ms, ended {ended * 1000:5.0f} ms",
                    flush=True,
                )
    for name, pairs in results.items():
        restored = [r for r, _ in pairs]
        ended = [e for _, e in pairs]
        print(
            f"{name:14} restored median {statistics.median(restored) * 1000:.0f} ms "
            f"(max {max(restored) * 1000:.0f}), ended median "
            f"{statistics.median(ended) * 1000:.0f} ms (max {max(ended) * 1000:.0f})"
        )
    print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
