"""What follows a list while the user types (the pane, the contact card) waits for a pause."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

# Seconds without a new result before the follower catches up: a fast typist
# presses a key every 0.15 s, and 0.12 s let the pane redraw between letters.
PAUSE = 0.25


class TypingPause:
    """Runs one callback once the results stop changing for :data:`PAUSE` seconds.

    The first call runs right after the next frame (nothing is shown yet, so
    nothing is worth waiting for; and the list it follows, the first screen
    of the browser, is drawn without waiting for it); each later one restarts
    the wait.
    """

    def __init__(self, owner: MessagePump, follow: Callable[[], object]) -> None:
        self._owner = owner
        self._follow = follow
        self._timer: Timer | None = None
        self._started = False

    @property
    def waiting(self) -> bool:
        """A follow is due once the typing pauses."""
        return self._timer is not None

    def changed(self) -> None:
        """The results changed: follow now if this is the first time, else after the pause."""
        self.cancel()
        if not self._started:
            self._started = True
            self._owner.call_after_refresh(self._follow)
        else:
            self._timer = self._owner.set_timer(PAUSE, self._run)

    def cancel(self) -> None:
        """The user moved on themselves: no follow is due any more."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _run(self) -> None:
        self._timer = None
        self._follow()
