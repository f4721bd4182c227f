"""Issue 14: the search history and the sort order survive a restart (tui.prefs)."""

from __future__ import annotations

import json
from pathlib import Path

from store.archive import SortOrder
from tests.helpers.app_session import settle
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp
from tui.prefs import HISTORY_SIZE, Prefs, load_prefs, prefs_path, save_prefs
from tui.widgets.search_bar import SearchBar


def test_prefs_round_trip_beside_the_store(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    save_prefs(db, Prefs(["sahel", "org:who"], SortOrder("title", False)))
    assert prefs_path(db) == tmp_path / "releases.json.prefs"
    prefs = load_prefs(db)
    assert prefs.history == ["sahel", "org:who"]
    assert prefs.order == SortOrder("title", False)
    assert [p.name for p in tmp_path.iterdir()] == ["releases.json.prefs"]  # no temp file left


def test_a_damaged_or_foreign_prefs_file_is_tolerated(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    for junk in (b"{not json", b"[1, 2]", b"\xff\xfe", json.dumps({"history": 3}).encode()):
        prefs_path(db).write_bytes(junk)
        assert load_prefs(db) == Prefs()
    prefs_path(db).write_text(
        json.dumps({"history": ["ok", 7, "\x1b[31mred"], "sort": {"key": "nope"}})
    )
    prefs = load_prefs(db)
    assert prefs.history == ["ok", "red"] and prefs.order == SortOrder()
    prefs_path(db).write_bytes(b" " * (300 * 1024))
    assert load_prefs(db) == Prefs()


def test_the_history_is_bounded(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    save_prefs(db, Prefs([f"q{n}" for n in range(HISTORY_SIZE * 3)]))
    history = load_prefs(db).history
    assert len(history) == HISTORY_SIZE and history[-1] == f"q{HISTORY_SIZE * 3 - 1}"


async def test_history_and_sort_order_survive_a_restart(tmp_path: Path) -> None:
    db = write_store(tmp_path / "releases.json")
    app = PressroomApp(db)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cholera", "enter")
        await pilot.press("S")  # sort by title
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    app = PressroomApp(db)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert "sorted by title" in str(app.screen.query_one("#count").render())
        await pilot.press("slash", "up")
        assert app.screen.query_one(SearchBar).value == "cholera"


def test_preferences_behind_a_link_or_a_fifo_are_not_read(tmp_path: Path) -> None:
    import os

    db = tmp_path / "releases.json"
    prefs_path(db).symlink_to("/dev/zero")  # read whole, this never ends
    assert load_prefs(db).history == []
    prefs_path(db).unlink()
    os.mkfifo(prefs_path(db))  # opened blocking, this hangs
    assert load_prefs(db).history == []
