"""The browser's end: once the marks are written and the terminal given back, the process ends."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NoReturn

__all__ = ["STORE_CLOSE_WAIT", "WorkerThreads", "end_process", "park"]

# How long the last step on the store thread (a database's connections closed) is
# waited for at the end. It is milliseconds when the thread is idle; a search still
# running there is not waited out: its server sees the connection end instead.
STORE_CLOSE_WAIT = 1.0


class WorkerThreads(ThreadPoolExecutor):
    """The event loop's default executor, where Textual's thread workers run.

    With *leave_running*, the loop's end does not wait for its threads. asyncio
    joins them before ``App.run`` returns, and the background builds running
    then (the search index, the contact directory, near-duplicates' sketches)
    held the exit for 0.2 to 2 s at 100k releases after the terminal was
    restored: the shell's prompt came back that much later. Nothing they hold
    is owed to the user: marks are written before the terminal is given back
    (``Session.close``), and what the builds write beside the store is a
    temporary file renamed into place, whole or not at all.
    """

    def __init__(self, max_workers: int, thread_name_prefix: str, *, leave_running: bool) -> None:
        super().__init__(max_workers=max_workers, thread_name_prefix=thread_name_prefix)
        self.leave_running = leave_running

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self.leave_running:
            super().shutdown(wait=False, cancel_futures=True)
        else:
            super().shutdown(wait=wait, cancel_futures=cancel_futures)


def end_process(status: int, store_closed: Future[None] | None = None) -> NoReturn:
    """End the browser's process now, with *status*, once *store_closed* is done.

    An ordinary exit would still join every thread a ``ThreadPoolExecutor``
    ever started (``concurrent.futures`` waits for them at exit) and then free
    the archive object by object: millions of them at 100k releases, 60 to
    170 ms. The output streams are flushed first; nothing else is left to do.
    """
    if store_closed is not None and not store_closed.cancelled():
        # Not done in time, or failed: the process ends all the same.
        with contextlib.suppress(Exception):
            store_closed.result(STORE_CLOSE_WAIT)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or lost terminal: nothing more can be said on it
    os._exit(status)


def park() -> NoReturn:
    """Stop the calling thread for good, where it stands, holding what it holds.

    For a background build that finds the browser closed when its process is about
    to end (:func:`end_process`): returning would unwind it, and freeing what it
    built holds the interpreter's lock against the exit. A thread that waits here
    holds no lock and uses no CPU.
    """
    while True:
        threading.Event().wait()
