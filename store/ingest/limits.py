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
    """Raise ImportProblem("parse time limit exceeded") if the block runs longer than *seconds*.

    Uses SIGALRM through ``setitimer``, which also interrupts a runaway regular
    expression (CPython's regex engine checks for signals). Signals can only
    be handled on the main thread, so elsewhere this is a no-op: callers that
    parse in worker threads get the size limit but no time bound. A timer or
    handler already installed (an outer ``time_limit``) is restored afterwards.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Deadline

    started = time.monotonic()
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
