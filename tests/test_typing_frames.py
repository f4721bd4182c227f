"""A typed letter is answered in the step of its key; a burst of keys is answered once."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from textual import events

from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp
from tui.runtime.textual_internals import keys_waiting
from tui.widgets.release_list import ReleaseList
from tui.widgets.search_bar import SearchBar


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json")


def _record_searches(app: PressroomApp) -> list[tuple[str, bool]]:
    """Every search the screen asks for: its text, and whether the key's own step asked."""
    calls: list[tuple[str, bool]] = []
    search = app.session.search

    def recorded(requester: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        from_watcher = any(frame.function == "watch_value" for frame in inspect.stack())
        calls.append((text, from_watcher))
        return search(requester, text, *args, **kwargs)

    app.session.search = recorded  # type: ignore[method-assign]
    return calls


async def test_a_typed_letter_is_searched_in_the_step_of_its_key(store_path: Path) -> None:
    """The search runs from the bar's watcher, before the Changed message is handled
    (which costs a frame of its own): the letter and its count share a frame."""
    app = PressroomApp(store_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        calls = _record_searches(app)
        for letter in "flo":
            await pilot.press(letter)
            await settle(pilot)
        assert calls == [("f", True), ("fl", True), ("flo", True)]
        assert len(browse(app).query_one(ReleaseList).rows) == 1


async def test_keys_arriving_in_one_burst_are_searched_once(store_path: Path) -> None:
    """A word pasted without bracketed paste arrives as keys in one read: one search,
    for the whole word, not one per letter."""
    app = PressroomApp(store_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        calls = _record_searches(app)
        for letter in "flood":
            app.post_message(events.Key(letter, letter))
        await settle(pilot)
        assert browse(app).query_one(SearchBar).value == "flood"
        assert [text for text, _ in calls] == ["flood"]
        assert len(browse(app).query_one(ReleaseList).rows) == 1
        assert "1 of 8" in str(browse(app).query_one("#count").render())


async def test_keys_waiting_sees_keys_in_the_apps_queue(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        bar = browse(app).query_one(SearchBar)
        assert not keys_waiting(bar)
        app.post_message(events.Key("x", "x"))
        assert keys_waiting(bar)
        await settle(pilot)
        assert not keys_waiting(bar)
