"""The one owner of Python's garbage collector: paused while objects are built, run at pauses.

Every process-wide change to the cyclic collector goes through here, so that
the store's pauses, the browser's full passes and the freezing of long-lived
objects cannot undo one another:

- :func:`paused`: no collection while a store, a catalogue or an index is
  built (millions of containers, none of them cyclic garbage);
- :class:`PauseCollector`: full passes moved out of keystrokes into the pauses
  in typing;
- :func:`freeze_survivors` / :func:`thaw`: the archive's long-lived objects
  kept out of full passes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import monotonic, sleep

__all__ = ["PAUSE", "PauseCollector", "freeze_survivors", "paused", "thaw", "young_only"]

# Without a key for this long the user has paused: a full collection now is unseen.
PAUSE = 1.0
# Without a key for this long, work that can wait may start (see PauseCollector.wait_for_pause).
BUILD_AFTER = 0.5
# Automatic full collections never start by themselves (the count they wait
# for is never reached); the young generations are still collected as usual.
_NO_AUTOMATIC_FULL = 1 << 30


class _Pauses:
    """How many :func:`paused` blocks are open, in every thread, and what to restore after."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open = 0
        self.restore = False  # whether the collector ran when the first block began


_PAUSES = _Pauses()


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the block builds many objects at once.

    Parsing a store creates millions of containers, each allocation counting
    towards a collection that then walks all of them again: pausing it halves
    the time to open a 100k-release store. Nothing built here is cyclic
    garbage, so nothing is lost by collecting later.

    Blocks nest and may run in several threads at once (the store thread
    opens a catalogue while a worker builds the index): the collector runs
    again only when the last open block ends, and only if it ran when the
    first one began.
    """
    with _PAUSES.lock:
        if _PAUSES.open == 0:
            _PAUSES.restore = gc.isenabled()
            gc.disable()
        _PAUSES.open += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.open -= 1
            if _PAUSES.open == 0 and _PAUSES.restore:
                gc.enable()


@contextmanager
def young_only() -> Iterator[None]:
    """No automatic full collection while the block runs (the young generations still are).

    For a command that imports and exits: its importing process keeps what grows with the
    archive (the manifest's entries, the stored documents' places, the index's tables),
    and every automatic full pass walked all of it again, each longer than the last (14
    passes, 0.8 s of the 16 s the importing process spent on the real corpus; 1.3 s with
    the young generations'). What an import makes and drops is not cyclic: it goes
    when its last reference does, or in a young pass. The thresholds are restored after.
    """
    thresholds = gc.get_threshold()
    young, middle, _full = thresholds
    gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _is_paused() -> bool:
    return _PAUSES.open > 0


class PauseCollector:
    """Full collections at pauses in typing, none in the middle of a keystroke.

    A full pass walks every object the archive holds that is not frozen: 15 to
    50 ms at 100k releases, measured in the middle of typed queries. Young
    objects are still collected as they come (those passes are short), and
    :meth:`tick`, called every second or so, runs the full pass once the user
    has not pressed a key for :data:`PAUSE` seconds and no :func:`paused`
    block is building objects.
    """

    def __init__(self) -> None:
        self._last_key = monotonic()
        self._collected_since_key = True
        self._thresholds = gc.get_threshold()

    def start(self) -> None:
        """Stop automatic full collections (the young generations still run)."""
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL)

    def stop(self) -> None:
        """Give the collector back its thresholds as they were before :meth:`start`."""
        gc.set_threshold(*self._thresholds)

    def key(self) -> None:
        """The user pressed a key: the next full pass waits for a pause."""
        self._last_key = monotonic()
        self._collected_since_key = False

    def wait_for_pause(
        self, stop: Callable[[], bool], quiet: float = BUILD_AFTER, look: float = 0.05
    ) -> bool:
        """Wait (in a worker thread) until no key has come for *quiet* seconds; True if
        *stop* said to give up meanwhile. Work that can wait (a directory, related
        releases) starts in a pause, not beside the keys of the first words typed."""
        while monotonic() - self._last_key < quiet:
            if stop():
                return True
            sleep(look)
        return stop()

    def tick(self) -> None:
        """Run the full pass owed since the last key, if the user has paused."""
        if self._collected_since_key or monotonic() - self._last_key < PAUSE:
            return
        if _is_paused():
            return  # objects are being built: a pass now would walk them all; try next tick
        self._collected_since_key = True
        gc.collect()


def freeze_survivors() -> None:
    """Move every object alive now out of the collector's reach, until :func:`thaw`.

    Called once the releases and their search index are built: they live as
    long as the archive, and a full pass would otherwise walk their millions
    of objects at every collection (~200 ms at 10k releases, in the middle of
    a keystroke) only to find them alive again.
    """
    gc.freeze()


def thaw() -> None:
    """Put frozen objects back under the collector, so that a replaced archive can be freed.

    Called when the store changed and the releases and index frozen by
    :func:`freeze_survivors` are about to be replaced.
    """
    gc.unfreeze()
