"""Snapshots of the main screens at 80x24 and 140x40 (pytest-textual-snapshot).

Regenerate after an intended change of the look with ``pytest --snapshot-update``
and review the SVGs in ``tests/__snapshots__``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.helpers.app_session import settle
from tests.helpers.browser_data import write_store
from tui import typing_pause
from tui.app import PressroomApp

SIZES = [(80, 24), (140, 40)]

SnapCompare = Callable[..., bool]


def _app(tmp_path: Path, *, empty: bool = False) -> PressroomApp:
    db = tmp_path / "releases.json"
    if not empty:
        write_store(db)
    return PressroomApp(db)


def _after(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # What follows a list (the pane, the contact card) catches up once the
        # typing pauses: the screen as the user sees it when they stop.
        await pilot.pause(typing_pause.PAUSE * 2)
        await settle(pilot)
        # The text cursor blinks every half second: shown steadily, or a snapshot
        # taken on a loaded machine catches it off (seen in CI as a flaky failure).
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_after("j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_detail_pane(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    keys = ("slash", *"cholera", "enter", "enter")
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_after(*keys))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_contact_lookup(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    keys = ("c", *"press")
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_after(*keys))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_after("question_mark"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_empty_store(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, empty=True), terminal_size=size, run_before=_after())


def test_reader_wraps_long_words_and_urls(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Issue 14: at 80 columns the full-screen reader wraps every word, URLs included."""
    from tests.helpers.browser_data import sample_releases
    from tests.test_keyboard import wordy_release

    db = write_store(tmp_path / "releases.json", [wordy_release(), *sample_releases()])
    app = PressroomApp(db)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("enter"))
