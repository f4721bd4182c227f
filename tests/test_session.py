"""The browser's session: marks changed on one thread, store work reported as messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from store.disk.release_store import ReleaseStore
from store.errors import StoreError
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.archive_opening import ArchiveOpening
from tui.session import Session
from tui.widgets.release_list import ReleaseList

WIDE = (140, 40)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json")


def starred_on_screen(rows: ReleaseList, release_id: str) -> bool:
    """Whether the row of *release_id*, as drawn, carries the star marker."""
    index = next(n for n, r in enumerate(rows.rows) if r.id == release_id)
    line = rows.render_line(index - rows.scroll_offset.y)
    return line.text.startswith("★")


def on_disk(path: Path) -> dict[str, tuple[bool, bool]]:
    with ReleaseStore(path) as store:
        return {i: (s.read, s.starred) for i, s in store.states().items()}


async def test_a_star_pressed_while_another_process_write_is_picked_up_is_kept(
    store_path: Path,
) -> None:
    """The race of the issue: 15 of 16 stars kept while an import ran beside the browser."""
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = browse(app).query_one(ReleaseList)
        mine, theirs = rows.rows[0].id, rows.rows[1].id
        await pilot.press("s")  # starred here, not yet written (saves wait for a pause)
        assert app.session.marks.unsaved
        # Another process marks two releases, one of them the release just starred.
        with ReleaseStore(store_path) as other:
            other.set_starred([theirs], True)
            other.set_read([mine], True)
        app.session.check_store()  # the watcher picks their write up
        await settle(pilot)
        assert app.session.marks.state(mine).starred, "the star was undone on screen"
        assert app.session.marks.state(mine).read and app.session.marks.state(theirs).starred
        assert starred_on_screen(rows, mine) and starred_on_screen(rows, theirs)
        app.session.save_marks()
        await settle(pilot)
        assert on_disk(store_path)[mine] == (True, True), "the star was lost on disk"
        assert on_disk(store_path)[theirs] == (False, True), "their star was undone"


async def test_the_last_marks_are_written_at_quit(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = browse(app).query_one(ReleaseList).current
        assert first is not None
        await pilot.press("s", "r")
        assert app.session.marks.unsaved
    assert on_disk(store_path)[first.id] == (True, True)


async def test_marks_whose_save_was_queued_just_before_quit_are_written(
    store_path: Path,
) -> None:
    """The debounced save hands the changes to the store thread; quitting before that
    thread reached them cancelled them with its queue, and the star was lost."""
    import threading

    app = PressroomApp(store_path)
    busy = threading.Event()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = browse(app).query_one(ReleaseList).current
        assert first is not None
        # The store thread is busy with something else (a refresh, an import) ...
        app.session._store.submit(busy.wait, 5)
        await pilot.press("s")
        app.session.save_marks()  # ... when the save is queued behind it.
        assert not app.session.marks.unsaved and app.session.marks.unconfirmed
        threading.Timer(0.3, busy.set).start()  # it ends while the app quits
    assert on_disk(store_path)[first.id] == (False, True)


async def test_a_failed_save_is_one_notice_and_the_marks_wait_for_the_next(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        archive = app.session.archive
        assert archive is not None
        first = browse(app).query_one(ReleaseList).current
        assert first is not None
        original = archive.write_marks

        def full_disk(*args: object) -> None:
            raise StoreError("cannot write the marks: no space left on device")

        monkeypatch.setattr(archive, "write_marks", full_disk)
        await pilot.press("s")
        app.session.save_marks()
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any("no space left" in str(m) for m in notices)
        assert app.session.marks.state(first.id).starred and app.session.marks.unsaved
        monkeypatch.setattr(archive, "write_marks", original)
        app.session.save_marks()
        await settle(pilot)
        assert not app.session.marks.unsaved
    assert on_disk(store_path)[first.id] == (False, True)


async def test_another_process_import_reaches_the_screens_as_messages(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        await pilot.press("c")  # the contact lookup on top: it hears the change too
        await settle(pilot)
        total = len(sample_releases())
        extra = sample_releases()[0].with_changes(id="f" * 16, title="A release added elsewhere")
        with ReleaseStore(store_path) as other:
            other.add_batch([extra])
            other.set_starred(["f" * 16], True)
        app.session.check_store()
        await settle(pilot)
        rows = screen.query_one(ReleaseList)
        added = next(r for r in rows.rows if r.title == "A release added elsewhere")
        assert starred_on_screen(rows, added.id), "the star from the other process is not shown"
        totals = str(screen.query_one("#totals", Static).render())
        assert f"{total + 1:,} releases" in totals
        assert any("The archive changed" in str(n.message) for n in app._notifications)
        assert len(app.session.archive or ()) == total + 1


async def test_an_exception_in_session_work_is_a_notice_and_the_app_goes_on(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        archive = app.session.archive
        assert archive is not None

        def broken(*args: object, **kwargs: object) -> object:
            raise RuntimeError("a bug in the facets")

        monkeypatch.setattr(archive, "facets", broken)
        await pilot.press("f")
        await settle(pilot)
        assert app.is_running
        assert any("a bug in the facets" in str(n.message) for n in app._notifications)


def test_the_session_owns_the_store_thread_and_no_screen_runs_store_work() -> None:
    """One route: screens neither start workers nor hop threads; the session does."""
    import inspect

    import tui.screens.browse
    import tui.screens.contacts

    for module in (tui.screens.browse, tui.screens.contacts):
        source = inspect.getsource(module)
        for route in (
            "@work",
            "call_from_thread",
            "run_worker",
            "ThreadPoolExecutor",
            "call_later",
        ):
            assert route not in source, f"{module.__name__} uses {route}"
    assert "ThreadPoolExecutor" in inspect.getsource(Session)


def _count_line(app: PressroomApp) -> str:
    return str(browse(app).query_one("#count", Static).render())


@pytest.mark.parametrize("opened_early", [True, False], ids=["opened early", "opened on mount"])
async def test_an_archive_opened_while_the_app_imports_is_in_its_first_frame(
    store_path: Path, opened_early: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pressroom` opens the store while Textual imports (tui.archive_opening): the
    screen mounts on it, and the first frame has its rows and count, never
    "opening the archive" first."""
    import time

    opened = Session._open

    def slow_open(self: Session) -> object:
        time.sleep(0.3)  # as a big archive would, opened by the session on mount
        return opened(self)

    monkeypatch.setattr(Session, "_open", slow_open)
    opening = ArchiveOpening.start(store_path)
    assert opening is not None
    opening.opened.result()
    app = PressroomApp(store_path, None, opening if opened_early else None)
    frames: list[tuple[int, str]] = []
    display = app._display

    def noted(*args: object, **kwargs: object) -> None:
        if not frames:
            frames.append((len(browse(app).query_one(ReleaseList).rows), _count_line(app)))
        display(*args, **kwargs)  # type: ignore[arg-type]

    app._display = noted  # type: ignore[method-assign]
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        total = len(sample_releases())
        assert len(browse(app).query_one(ReleaseList).rows) == total
    # The control: opened by the session on mount, the first frame comes before the rows.
    rows, count = frames[0]
    if opened_early:
        assert rows == total and count.startswith(f"{total} of {total}")
    else:
        assert rows == 0 and count.startswith("opening the archive")
    opening.store.shutdown()


async def test_a_store_that_cannot_be_opened_early_ends_the_app_with_its_reason(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "releases.json"
    folder.mkdir()  # a folder where the store file should be
    opening = ArchiveOpening.start(folder)
    app = PressroomApp(folder, None, opening)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
    assert app.return_code == 1


async def test_an_empty_archive_opened_early_shows_the_welcome_and_the_list_has_no_keys(
    tmp_path: Path,
) -> None:
    db = tmp_path / "releases.json"
    opening = ArchiveOpening.start(db)
    assert opening is not None
    opening.opened.result()
    app = PressroomApp(db, None, opening)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert browse(app).has_class("-empty")
        # Hidden before it was ever shown, the list must not keep the focus (and the keys).
        assert app.focused is None
