"""Measure the browser's budgets on a synthetic store: start, keystroke, open, contact lookup.

Run: ``python -m tests.benchmarks.browser_speed [N ...]`` (default 10000). The
store is built once per size in a temporary folder from ``store.synthetic``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from store.release_store import ReleaseStore
from store.synthetic import generate
from tui.app import PressroomApp
from tui.screens.browse import BrowseScreen
from tui.screens.contacts import ContactsScreen

QUERIES = ("minister", "zephyrine", "inte", '"press release"', "org:who", "date:2015..2018", "-the")


def build_store(folder: Path, n: int) -> Path:
    path = folder / f"synthetic-{n}.json"
    with ReleaseStore(path) as store:
        releases = list(generate(n, seed=0))
        for start in range(0, n, 20_000):
            store.add_batch(releases[start : start + 20_000])
    return path


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(path: Path) -> dict[str, Any]:
    app = PressroomApp(path)
    started = time.perf_counter()
    figures: dict[str, Any] = {}
    async with app.run_test(size=(140, 40)) as pilot:
        screen = app.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        while screen.result is None:
            await asyncio.sleep(0.002)
        figures["start_s"] = time.perf_counter() - started
        # Let the index build finish before timing keystrokes (the budget is for a warm app).
        await app.workers.wait_for_complete()
        shown = asyncio.Event()
        original = screen._show_result

        def wrapped(*args: Any) -> None:
            original(*args)
            shown.set()

        screen._show_result = wrapped  # type: ignore[method-assign]
        keystrokes: list[float] = []
        per_query: dict[str, int] = {}
        for query in QUERIES:
            await pilot.press("slash")
            screen.query_one("#search").value = ""  # type: ignore[attr-defined]
            await app.workers.wait_for_complete()
            await pilot.pause()
            for char in query:
                shown.clear()
                t0 = time.perf_counter()
                await pilot.press(char if char != " " else "space")
                await asyncio.wait_for(shown.wait(), 30)
                keystrokes.append(time.perf_counter() - t0)
            per_query[query] = len(screen.result or ())
        figures["keystroke_ms"] = {
            "p50": statistics.median(keystrokes) * 1000,
            "p95": percentile(keystrokes, 0.95) * 1000,
            "max": max(keystrokes) * 1000,
        }
        figures["results"] = per_query
        # Opening a release: Enter on the list to the laid-out pane.
        await pilot.press("escape", "escape")
        await app.workers.wait_for_complete()
        opens = []
        for _ in range(20):
            await pilot.press("j")
            t0 = time.perf_counter()
            await pilot.press("enter")
            opens.append(time.perf_counter() - t0)
            await pilot.press("escape")
        figures["open_ms"] = {"p50": statistics.median(opens) * 1000, "max": max(opens) * 1000}
        # Contact lookup keystrokes.
        await pilot.press("c")
        contacts = app.screen
        assert isinstance(contacts, ContactsScreen)
        while contacts.directory is None:
            await asyncio.sleep(0.01)
        typed: list[float] = []
        for char in "mar":
            t0 = time.perf_counter()
            await pilot.press(char)
            await app.workers.wait_for_complete()
            typed.append(time.perf_counter() - t0)
        figures["contact_keystroke_ms"] = {"max": max(typed) * 1000}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            t0 = time.perf_counter()
            path = build_store(Path(folder), n)
            print(
                f"{n:,} releases: store built in {time.perf_counter() - t0:.1f} s", file=sys.stderr
            )
            figures = asyncio.run(measure(path))
            print(n, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
