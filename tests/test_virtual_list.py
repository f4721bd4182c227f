"""The virtualised lists draw each row from its own item, whatever the cache of drawn rows holds."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, overload

from textual.app import App, ComposeResult

from store.contacts import DirectoryEntry
from store.records import Release, Source
from tui.widgets.contact_list import ContactList
from tui.widgets.release_list import ReleaseList
from tui.widgets.virtual_list import VirtualList

WIDGETS = Path(__file__).resolve().parent.parent / "tui" / "widgets"
SOURCE = Source(path="/press/fresh.txt", format="text")


class FreshReleases(Sequence[Release]):
    """Each read builds a new Release, and the one read before it is freed.

    As the catalogue does when its cache of releases clears; CPython then hands
    the new object the address of the freed one, so ``id()`` repeats while the
    release does not. ``reads`` records (index, id) of every read.
    """

    def __init__(self, titles: Sequence[str]) -> None:
        self._titles = list(titles)
        self._ids = [f"{n:016x}" for n in range(len(titles))]
        self.reads: list[tuple[int, int]] = []

    def __len__(self) -> int:
        return len(self._titles)

    @overload
    def __getitem__(self, index: int) -> Release: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Release]: ...
    def __getitem__(self, index: int | slice) -> Release | Sequence[Release]:
        if isinstance(index, slice):
            raise TypeError("rows are read one at a time")
        release = Release(id=self._ids[index], title=self._titles[index], body="", source=SOURCE)
        self.reads.append((index, id(release)))
        return release


class OneList(App[None]):
    """A list alone on the screen, its rows set once mounted."""

    def __init__(self, widget: VirtualList[Any], rows: Sequence[Any]) -> None:
        super().__init__()
        self.widget = widget
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_mount(self) -> None:
        self.widget.set_rows(self.rows)


def row_text(widget: VirtualList[Any], y: int) -> str:
    return widget.render_line(y).text


async def test_a_new_release_at_a_freed_address_shows_its_own_row() -> None:
    """Regression: rows were cached by ``id(item)``, so a release re-created at the
    address of another showed the other's row."""
    titles = [f"Headline number {n}" for n in range(8)]
    rows = FreshReleases(titles)
    widget = ReleaseList()
    app = OneList(widget, rows)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        rows.reads.clear()
        # Row 0 holds the cursor (another cache key); rows 1.. are drawn alike.
        shown = {y: row_text(widget, y) for y in range(1, len(titles))}
    addresses = [address for _, address in rows.reads]
    assert len(set(addresses)) < len(addresses), (
        "no two releases shared an address: this test proves nothing on this interpreter"
    )
    for y, text in shown.items():
        assert titles[y] in text, f"row {y} shows {text.strip()!r}, not {titles[y]!r}"


async def test_a_release_imported_again_with_a_new_title_shows_the_new_title() -> None:
    """Same id (the same file), new content: the row must not come from the cache."""
    before = Release(id="0" * 16, title="Draft headline", body="draft", source=SOURCE)
    after = Release(id="0" * 16, title="Final headline", body="final", source=SOURCE)
    widget = ReleaseList()
    app = OneList(widget, [before, before])
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        assert "Draft headline" in row_text(widget, 1)
        widget.set_releases([after, after])
        await pilot.pause()
        assert "Final headline" in row_text(widget, 1)


async def test_a_rebuilt_contact_entry_shows_its_new_figures() -> None:
    """The directory is rebuilt when the store changes: same key, new release count."""

    def entry(count: int) -> DirectoryEntry:
        return DirectoryEntry(
            key="ana@example.org",
            name="Ana Lopes",
            email="ana@example.org",
            phones=(),
            role="Press officer",
            organisation="Port Authority",
            history=(),
            release_ids=tuple(f"{n:016x}" for n in range(count)),
            release_count=count,
            last_seen=date(2024, 5, count),
        )

    widget = ContactList()
    app = OneList(widget, [entry(3), entry(3)])
    async with app.run_test(size=(120, 6)) as pilot:
        await pilot.pause()
        assert "   3 2024-05-03" in row_text(widget, 1)
        widget.set_rows([entry(4), entry(4)])
        await pilot.pause()
        assert "   4 2024-05-04" in row_text(widget, 1)


def test_no_widget_keeps_a_cache_keyed_by_object_address() -> None:
    """``id()`` of an object that can be freed and re-created is not a key: no widget calls it."""
    offenders = [
        f"{path.name}:{node.lineno}"
        for path in sorted(WIDGETS.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"
    ]
    assert not offenders, "id() called in tui/widgets: " + ", ".join(offenders)


async def test_new_rows_are_not_a_cursor_move_to_follow() -> None:
    """The pane follows the user's moves at once; new rows (a keystroke's result) it does not."""
    from textual.app import App

    from tests.helpers.browser_data import sample_releases
    from tui.widgets.release_list import ReleaseList

    followed: list[str | None] = []

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ReleaseList()

    app = One()
    async with app.run_test(size=(100, 20)) as pilot:
        rows = app.query_one(ReleaseList)
        rows.follow = lambda release: followed.append(release.id if release else None)
        releases = sample_releases()
        rows.set_releases(releases)
        rows.set_releases(releases[2:], keep=releases[3].id)
        assert followed == [] and rows.current is releases[3]
        rows.focus()
        await pilot.press("j")
        assert followed == [releases[4].id]


async def test_the_muted_part_is_dimmer_than_the_text_it_mutes() -> None:
    """Regression: the date column's $text-muted ("auto 60%") came out pure white,
    brighter than the headline, from a partial component style."""
    widget = ReleaseList()
    app = OneList(widget, [Release(id="0" * 16, title="A headline", body="", source=SOURCE)])
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        muted, text = widget.part("dim").color, widget.rich_style.color
        assert muted is not None and text is not None
        assert muted.triplet is not None and text.triplet is not None
        # On the dark theme the text is light: the muted part must be darker than it.
        assert sum(muted.triplet) < sum(text.triplet)


class Drawn:
    """The lines a list draws (render_line's y), frame after frame."""

    def __init__(self, widget: VirtualList[Any]) -> None:
        self.lines: list[int] = []
        draw = widget.render_line

        def traced(y: int) -> Any:
            self.lines.append(y)
            return draw(y)

        widget.render_line = traced  # type: ignore[method-assign]


def _release(n: int, title: str | None = None) -> Release:
    return Release(id=f"{n:016x}", title=title or f"Headline {n}", body="", source=SOURCE)


async def test_new_rows_draw_again_only_the_lines_that_changed() -> None:
    # A broad word's first letters keep most of the newest releases on top: those
    # lines are not drawn again (they were the list's 6 of a key's 16 ms at 100k).
    before = [_release(n) for n in range(8)]
    widget = ReleaseList()
    app = OneList(widget, before)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        drawn = Drawn(widget)
        after = [*before[:3], _release(99, "A new headline"), *before[4:], _release(100)]
        widget.set_releases(after)
        await pilot.pause()
        # The new row and the line that was empty; the cursor's line (0) is drawn
        # again whatever the rows, as the cursor is set anew.
        assert sorted(set(drawn.lines)) == [0, 3, 8]
        assert "A new headline" in row_text(widget, 3)
        drawn.lines.clear()
        widget.set_releases(list(after))  # the same rows again: nothing but the cursor's
        await pilot.pause()
        assert set(drawn.lines) == {0}
        widget.set_releases(after[:5])  # fewer rows: the lines left empty are drawn blank
        await pilot.pause()
        assert sorted(set(drawn.lines)) == [0, 5, 6, 7, 8]
        assert row_text(widget, 6).strip() == ""


async def test_new_rows_after_a_scroll_draw_the_whole_list_again() -> None:
    rows = [_release(n) for n in range(40)]
    widget = ReleaseList()
    app = OneList(widget, rows)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        widget.cursor = 30  # scrolls: the top line is no longer row 0
        await pilot.pause()
        assert widget.scroll_offset.y > 0
        drawn = Drawn(widget)
        widget.set_releases(list(rows))  # back to the top: every line shows another row
        await pilot.pause()
        assert widget.scroll_offset.y == 0
        assert sorted(set(drawn.lines)) == list(range(widget.size.height))
