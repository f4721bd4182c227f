"""Issue 11, item 5: saved searches, their switcher and sidebar, live counts and what is new since."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from store.records import Release
from store.saved_searches import (
    SavedSearch,
    SavedSearches,
    clean_query,
    load_saved,
    saved_path,
    write_saved,
)
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.prefs import load_prefs
from tui.screens.prompt import Confirm, Prompt
from tui.screens.saved_searches import SavedSearchesScreen
from tui.widgets.release_list import ReleaseList
from tui.widgets.saved_sidebar import SavedSidebar
from tui.widgets.search_bar import SearchBar

WIDE = (140, 40)
A, B, C = "a" * 16, "b" * 16, "c" * 16


def rabat() -> Release:
    return next(r for r in sample_releases() if "Rabat" in r.title)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The sample releases but the Rabat one, which arrives "the next day"."""
    return write_store(
        tmp_path / "releases.json", [r for r in sample_releases() if r.id != rabat().id]
    )


def rows(sidebar: SavedSidebar) -> list[str]:
    return [
        str(sidebar.get_option_at_index(n).prompt).rstrip() for n in range(sidebar.option_count)
    ]


# -- the file ------------------------------------------------------------------


def test_saved_searches_round_trip_through_their_file(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    searches = SavedSearches()
    searches.save("UN in the Sahel", "org:unoct sahel ", [A, B], "2026-01-02T10:00:00+00:00")
    searches.save("cholera", "cholera", [C], "2026-01-02T10:01:00+00:00")
    write_saved(db, searches)
    assert [p.name for p in tmp_path.iterdir()] == ["releases.json.saved"], "a temporary file left"
    again = load_saved(db)
    assert again.names() == ["UN in the Sahel", "cholera"]
    first = again.get("UN in the Sahel")
    assert first == SavedSearch(
        "UN in the Sahel", "org:unoct sahel ", frozenset({A, B}), "2026-01-02T10:00:00+00:00"
    )
    # A trailing space makes the last word whole in the bar: it is kept.
    assert clean_query("sahel ") == "sahel " and clean_query("  sahel") == "sahel"
    assert first.new_among([A, B, C]) == 1


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2]", b'{"searches": 3}', b"\xff\xfe\x00garbage", b'{"a":' * 5000],
)
def test_a_damaged_file_is_ignored_and_replaced_by_the_next_save(
    tmp_path: Path, content: bytes
) -> None:
    db = tmp_path / "releases.json"
    saved_path(db).write_bytes(content)
    assert len(load_saved(db)) == 0
    searches = SavedSearches()
    searches.save("x", "x", [], "now")
    write_saved(db, searches)
    assert load_saved(db).names() == ["x"]


def test_entries_edited_into_another_shape_are_left_out_one_by_one(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    saved_path(db).write_text(
        json.dumps(
            {
                "version": 1,
                "searches": [
                    {"name": "good", "query": "sahel", "seen": [A, "not an id", 7]},
                    {"name": 3, "query": "x"},
                    {"name": "\x1b]52;c;AAAA\x07", "query": "x"},
                    "a string",
                    {"name": "good", "query": "a second one of the same name"},
                    {"name": "no seen", "query": "y", "seen": "nope", "opened": 5},
                ],
            }
        )
    )
    loaded = load_saved(db)
    assert loaded.names() == ["good", "no seen"]
    assert loaded.get("good") == SavedSearch("good", "sahel", frozenset({A}))


def test_a_fifo_or_a_link_in_its_place_is_never_read_or_followed(tmp_path: Path) -> None:
    db = tmp_path / "releases.json"
    os.mkfifo(saved_path(db))
    assert len(load_saved(db)) == 0  # returns: no hang on the FIFO
    saved_path(db).unlink()
    outside = tmp_path / "outside.json"
    outside.write_text('{"searches": [{"name": "planted", "query": "x"}]}')
    saved_path(db).symlink_to(outside)
    assert len(load_saved(db)) == 0
    searches = SavedSearches()
    searches.save("mine", "x", [], "now")
    write_saved(db, searches)
    assert "planted" in outside.read_text(), "the file behind the link was written"
    assert not saved_path(db).is_symlink()


def test_rename_and_delete_keep_names_unique() -> None:
    searches = SavedSearches()
    searches.save("a", "x", [], "now")
    searches.save("b", "y", [], "now")
    with pytest.raises(ValueError, match="already called b"):
        searches.rename("a", "b")
    searches.rename("a", "c")
    searches.delete("b")
    assert searches.names() == ["c"]
    with pytest.raises(ValueError):
        searches.save("   ", "x", [], "now")


# -- the browser -----------------------------------------------------------------


async def test_ctrl_s_saves_the_query_and_the_switcher_runs_it_with_its_count(db: Path) -> None:
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        bar.value = "unoct"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, Prompt)
        assert prompt.query_one("#prompt-input").value == "unoct"  # type: ignore[attr-defined]
        prompt.query_one("#prompt-input").value = "UN counter-terrorism"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert load_saved(db).names() == ["UN counter-terrorism"], "not written at once"

        bar.value = ""
        await settle(pilot)
        await pilot.press("apostrophe")
        await settle(pilot)
        switcher = app.screen
        assert isinstance(switcher, SavedSearchesScreen)
        (row,) = rows(switcher.query_one(SavedSidebar))
        # One release, none new: what it matched when saved counts as seen.
        assert row.startswith("UN counter-terrorism ") and row.split()[-1] == "1"
        await pilot.press("enter")
        await settle(pilot)
        assert bar.value == "unoct"
        assert len(app.screen.query_one(ReleaseList).rows) == 1
        assert app.focused is app.screen.query_one(ReleaseList)


async def test_the_next_day_the_switcher_counts_what_is_new_until_it_is_opened(db: Path) -> None:
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.screen.query_one(SearchBar).value = "unoct"
        await settle(pilot)
        await pilot.press("ctrl+s", "enter")
        await settle(pilot)
    with ReleaseStore(db) as store:  # an import while the browser was closed
        store.add_batch([rabat()])

    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("apostrophe")
        await settle(pilot)
        listing = app.screen.query_one(SavedSidebar)
        assert rows(listing)[0].split()[-3:] == ["2", "+1", "new"]
        await pilot.press("enter")  # opened: what it shows now is seen
        await settle(pilot)
        assert len(browse(app).query_one(ReleaseList).rows) == 2
        await pilot.press("apostrophe")
        await settle(pilot)
        assert rows(app.screen.query_one(SavedSidebar))[0].split()[-1] == "2"
    assert load_saved(db).get("unoct") is not None
    assert load_saved(db).get("unoct").new_among([rabat().id]) == 0  # type: ignore[union-attr]


async def test_rename_and_delete_from_the_switcher(db: Path) -> None:
    searches = SavedSearches()
    searches.save("one", "unoct", [], "now")
    searches.save("two", "cholera", [], "now")
    write_saved(db, searches)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("apostrophe")
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, Prompt)
        prompt.query_one("#prompt-input").value = "renamed"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.saved.names() == ["renamed", "two"]
        await pilot.press("j", "d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchesScreen)
        assert [r.split()[0] for r in rows(app.screen.query_one(SavedSidebar))] == ["renamed"]
    assert load_saved(db).names() == ["renamed"]


async def test_the_sidebar_is_remembered_follows_the_archive_and_runs_a_search(
    db: Path,
) -> None:
    searches = SavedSearches()
    searches.save("unoct", "unoct", [], "now")
    write_saved(db, searches)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(SavedSidebar)
        assert not sidebar.display
        await pilot.press("b")
        await settle(pilot)
        assert sidebar.display
        # Saved with nothing seen: the one match is new.
        assert rows(sidebar)[0].split()[-3:] == ["1", "+1", "new"]
    assert load_prefs(db).sidebar, "the sidebar's state was not remembered"

    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(SavedSidebar)
        assert sidebar.display
        # Another process imports: the sidebar counts again (StoreChanged).
        with ReleaseStore(db) as store:
            store.add_batch([rabat()])
        app.session.check_store()
        await settle(pilot)
        assert rows(sidebar)[0].split()[-3:] == ["2", "+2", "new"]
        sidebar.focus()
        sidebar.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "unoct"
        assert rows(sidebar)[0].split()[-1] == "2"


async def test_a_damaged_file_beside_the_store_never_stops_the_browser(db: Path) -> None:
    saved_path(db).write_bytes(b"\x00\x01 not json")
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("apostrophe")
        await pilot.pause()
        assert "No saved searches yet" in [n.message for n in app._notifications][-1]
        app.screen.query_one(SearchBar).value = "cholera"
        await settle(pilot)
        await pilot.press("ctrl+s", "enter")
        await settle(pilot)
    assert load_saved(db).names() == ["cholera"]


async def test_the_palette_offers_the_saved_searches_and_q_leaves_the_sidebar(db: Path) -> None:
    searches = SavedSearches()
    searches.save("unoct", "unoct", [], "now")
    write_saved(db, searches)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert commands["Saved searches"].help == "key: '"
        assert commands["Save the search"].help == "key: ^s"
        assert "Saved searches sidebar" in commands
        await commands["Saved searches"].callback()
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchesScreen)
        await pilot.press("escape", "b")
        await settle(pilot)
        screen = browse(app)
        sidebar = screen.query_one(SavedSidebar)
        sidebar.focus()
        await pilot.press("q")  # back to the list, not out of the app
        await pilot.pause()
        assert app.is_running and app.focused is screen.query_one(ReleaseList)
