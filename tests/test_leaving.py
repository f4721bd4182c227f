"""The browser's end: background builds still running are not waited for (tui.runtime.leaving)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from tui.runtime.leaving import WorkerThreads

ROOT = Path(__file__).resolve().parent.parent


def _stuck(executor: WorkerThreads) -> threading.Event:
    """A task that runs until the returned event is set (a build at the moment of quitting)."""
    release = threading.Event()
    started = threading.Event()

    def build() -> None:
        started.set()
        release.wait(30)

    executor.submit(build)
    assert started.wait(10)
    return release


def test_the_loops_end_leaves_a_running_build_when_told_to() -> None:
    executor = WorkerThreads(2, "test-worker", leave_running=True)
    release = _stuck(executor)
    try:
        done = threading.Event()
        # asyncio's end of a loop calls shutdown(wait=True) on its default executor.
        waiter = threading.Thread(target=lambda: (executor.shutdown(wait=True), done.set()))
        waiter.start()
        assert done.wait(5), "shutdown waited for the running build"
    finally:
        release.set()


def test_without_leave_running_the_loops_end_waits_as_before() -> None:
    # Tests run many apps in one process: there, the builds are waited for.
    executor = WorkerThreads(2, "test-worker", leave_running=False)
    release = _stuck(executor)
    done = threading.Event()
    waiter = threading.Thread(target=lambda: (executor.shutdown(wait=True), done.set()))
    waiter.start()
    try:
        assert not done.wait(0.3), "shutdown returned while the build still ran"
    finally:
        release.set()
    assert done.wait(10)


_ENDING = """
import sys, threading
from concurrent.futures import ThreadPoolExecutor
from tui.runtime.leaving import end_process

forever = threading.Event()
pool = ThreadPoolExecutor(1)
pool.submit(forever.wait)  # a thread no exit of Python's own would ever end
said = threading.Event()
closed = ThreadPoolExecutor(1).submit(lambda: said.wait(30) and sys.stdout.write(", closed"))
sys.stdout.write("last words")  # no newline: only a flush puts it out
said.set()
end_process(7, closed)  # the store's close is waited for, the endless thread is not
"""


def test_end_process_ends_at_once_with_its_status_and_everything_said() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # A process that waited for its endless thread would run out the timeout.
    done = subprocess.run(
        [sys.executable, "-c", _ENDING],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 7, done.stderr
    assert done.stdout == "last words, closed"
