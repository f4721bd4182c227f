"""Bounds on what one imported file may cost (size, parse time) and the refusal they raise."""

from __future__ import annotations

import importlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

MAX_FILE_BYTES = 20 * 1024 * 1024
PARSE_SECONDS = 5.0
# How many times its CPU bound a block may take on the clock before it is cut
# off anyway (see time_limit).
WALL_FACTOR = 10.0


# signal.signal converts the handler it returns to an enum, which costs ~7 µs
# when that handler is a Python function (enum raises and catches inside);
# every imported file pays it twice, so the C function underneath is used.
_set_handler: Callable[[int, Any], Any] = getattr(
    importlib.import_module("_signal"), "signal", signal.signal
)


class ImportProblem(Exception):
    """Why one file (or standard input) could not be imported; ``str(e)`` is shown to the user."""


class _Deadline(BaseException):
    # A BaseException so that the broad ``except Exception`` blocks inside
    # third-party parsers (feedparser has several) cannot swallow it.
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ImportProblem("parse time limit exceeded") if the block spends more than *seconds* of CPU.

    The bound is the calling thread's CPU time, not the clock's: a file that
    parses in 0.6 s must not be refused because the machine is busy and the
    parse waited for a core (at a load of ten per core it took 6 s of wall
    time). What it guards against, a runaway regular expression or a quadratic
    parser, burns CPU all along. A block that burns none (it cannot happen in
    a parse, whose bytes are read beforehand) is still cut off after
    ``WALL_FACTOR`` times *seconds* on the clock.

    Uses SIGALRM through ``setitimer``, which also interrupts a runaway regular
    expression (CPython's regex engine checks for signals): when it fires, the
    thread's CPU time is read and the timer set again for what is left. Signals
    can only be handled on the main thread, so elsewhere this is a no-op:
    callers that parse in worker threads get the size limit but no time bound.
    A timer or handler already installed (an outer ``time_limit``) is restored
    afterwards.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    started = time.monotonic()
    cpu_started = time.thread_time()
    wall_deadline = started + seconds * WALL_FACTOR

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        # The handler runs on the main thread, the one being bounded, so
        # thread_time() is the block's own CPU (other threads' is not counted).
        cpu_left = seconds - (time.thread_time() - cpu_started)
        wall_left = wall_deadline - time.monotonic()
        if cpu_left <= 0 or wall_left <= 0:
            raise _Deadline
        # The CPU still allowed cannot take less wall time than itself.
        signal.setitimer(signal.ITIMER_REAL, min(cpu_left, wall_left))

    previous_handler = _set_handler(signal.SIGALRM, on_alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Deadline:
        raise ImportProblem("parse time limit exceeded") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None means a handler installed from C; the default is the closest we can restore.
        _set_handler(
            signal.SIGALRM, signal.SIG_DFL if previous_handler is None else previous_handler
        )
        if previous_delay > 0:
            # The outer timer keeps its own deadline; if it passed while we ran,
            # let it fire at once rather than never.
            remaining = max(previous_delay - (time.monotonic() - started), 1e-6)
            signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)
