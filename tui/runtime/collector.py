"""Python's full garbage collections, moved out of keystrokes into the user's pauses."""

from __future__ import annotations

import gc
from time import monotonic

# Without a key for this long the user has paused: a full collection now is unseen.
PAUSE = 1.0
# Automatic full collections never start by themselves (the count they wait
# for is never reached); the young generations are still collected as usual.
_NO_AUTOMATIC_FULL = 1 << 30


class PauseCollector:
    """Full collections at pauses in typing, none in the middle of a keystroke.

    A full pass walks every object the archive holds that is not frozen: 15 to
    50 ms at 100k releases, measured in the middle of typed queries. Young
    objects are still collected as they come (those passes are short), and
    :meth:`tick`, called every second or so, runs the full pass once the user
    has not pressed a key for :data:`PAUSE` seconds.
    """

    def __init__(self) -> None:
        self._last_key = monotonic()
        self._collected_since_key = True
        self._thresholds = gc.get_threshold()

    def start(self) -> None:
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL)

    def stop(self) -> None:
        gc.set_threshold(*self._thresholds)

    def key(self) -> None:
        self._last_key = monotonic()
        self._collected_since_key = False

    def tick(self) -> None:
        if not self._collected_since_key and monotonic() - self._last_key >= PAUSE:
            self._collected_since_key = True
            gc.collect()
