"""The terminal going away under the browser: the process ends and the marks are kept (D14).

Each run starts the real browser in a pseudo-terminal that is its controlling
terminal, stars a release, types and moves so that frames are being drawn,
then closes the terminal (the kernel sends SIGHUP and SIGCONT, and every
read and write on it fails) or sends a signal. The process must end by
itself, with the star on disk. Before the fix, 9 of 12 browsers closed while
they drew were left running for ever (Textual's output thread died on the
first write error and its shutdown waited on its full queue).

No figure of time is asserted (the machines are shared); the deadline only
tells a hang from a slow exit. ``tests/benchmarks`` and the closing notes
give the times (about 0.15 s from hang-up to exit).
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from tests.helpers.browser_data import write_store
from tests.helpers.pty_session import PtySession, python_command

HANG = 15.0  # seconds: far beyond any exit, short of a test run's patience
RUNS = 8


def _star_and_leave(tmp_path: Path, run: int, leave: str) -> None:
    db = write_store(tmp_path / f"releases-{run}.json")
    with ReleaseStore(db) as store:
        count = len(store)
    session = PtySession(python_command("tui", "--db", str(db)), cols=120, rows=30, cwd=tmp_path)
    with session:
        session.wait_for_screen(f"{count} of {count}")
        session.press("j")
        session.send("s")
        # Acknowledged: the star is on screen. It is written after a pause in
        # the marking (a second), or at exit: here, at exit.
        session.wait_for_screen("★")
        # Frames in flight when the terminal goes: a search typed, the cursor moving.
        session.send("/flo")
        session.press("escape", "down", "down", "up")
        if leave == "close":
            session.hang_up()
        else:
            session._signal_group(getattr(signal, leave))
        try:
            session.wait_exit(HANG)
        except AssertionError:
            pytest.fail(f"run {run}: the browser was still running {HANG:.0f} s after {leave}")
    with ReleaseStore(db) as store:
        starred = [i for i, state in store.states().items() if state.starred]
    assert len(starred) == 1, f"run {run}: the star was lost after {leave}"


@pytest.mark.slow
@pytest.mark.parametrize("leave", ["close", "SIGHUP", "SIGTERM"])
def test_the_browser_ends_and_keeps_its_marks_when_the_terminal_goes(
    tmp_path: Path, leave: str
) -> None:
    for run in range(RUNS):
        _star_and_leave(tmp_path, run, leave)
