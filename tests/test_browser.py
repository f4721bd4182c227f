"""The browser driven key by key with Textual's Pilot: each key changes what it should."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from store.disk.release_store import ReleaseStore
from store.search.query import parse_query
from tests.helpers.app_session import browse, settle, shown_text
from tests.helpers.browser_data import sample_releases, write_store
from tests.helpers.synthetic import generate
from tui.app import PressroomApp
from tui.screens.browse import BrowseScreen
from tui.screens.contacts import ContactsScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.session import Session
from tui.widgets.contact_list import ContactList
from tui.widgets.detail_pane import DetailPane
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.release_list import ReleaseList
from tui.widgets.search_bar import SearchBar

WIDE = (140, 40)
NARROW = (80, 24)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json")


def titles(app: PressroomApp) -> list[str]:
    return [r.title for r in app.screen.query_one(ReleaseList).rows]


async def test_list_shows_every_release_newest_first(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList).rows
        assert len(rows) == 8
        dates = [r.date for r in rows]
        assert dates == sorted(dates, reverse=True)
        count = str(app.screen.query_one("#count").render())
        assert "8 of 8" in count


async def test_typing_narrows_the_list_escape_leaves_the_bar_then_clears(
    store_path: Path,
) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBar)
        await pilot.press(*"flo")
        await settle(pilot)
        assert titles(app) == [
            "Coastal Resilience Alliance maps flood risk for 3,000 small harbours"
        ]
        assert "1 of 8" in str(app.screen.query_one("#count").render())
        await pilot.press("escape")  # leaves the bar, keeps the query (as in vim and aerc)
        await settle(pilot)
        assert isinstance(app.focused, ReleaseList)
        assert app.screen.query_one(SearchBar).value == "flo"
        assert len(titles(app)) == 1
        await pilot.press("escape")  # on the list: clears the search
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == ""
        assert len(titles(app)) == 8


async def test_qualifiers_and_malformed_hint(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"org:unoct date:2021 ")
        await settle(pilot)
        assert len(titles(app)) == 2
        bar = app.screen.query_one(SearchBar)
        bar.value = "date:banana"
        await settle(pilot)
        assert "not a date" in str(app.screen.query_one("#hint").render())


async def test_search_history_walks_with_up_and_down(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cholera", "enter")
        await pilot.press("slash", "escape")
        await pilot.press("slash")
        bar = app.screen.query_one(SearchBar)
        bar.value = ""
        await pilot.press(*"madrid", "enter", "slash")
        bar.value = ""
        await pilot.press("up")
        assert bar.value == "madrid"
        await pilot.press("up")
        assert bar.value == "cholera"
        await pilot.press("down", "down")
        assert bar.value == ""


async def test_movement_keys(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        releases = app.screen.query_one(ReleaseList)
        assert app.focused is releases
        await pilot.press("j", "j")
        assert releases.cursor == 2
        await pilot.press("k")
        assert releases.cursor == 1
        await pilot.press("G")
        assert releases.cursor == 7
        await pilot.press("g")
        assert releases.cursor == 0
        await pilot.press("end")
        assert releases.cursor == 7
        await pilot.press("home", "down")
        assert releases.cursor == 1
        await pilot.press("up")
        assert releases.cursor == 0
        await pilot.press("pagedown")
        assert releases.cursor == 7  # fewer rows than a page
        await pilot.press("pageup")
        assert releases.cursor == 0


async def test_cursor_moves_the_detail_pane_on_wide_terminals(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(DetailPane)
        first = app.screen.query_one(ReleaseList).current
        assert pane.display and pane.release is first
        await pilot.press("j")
        assert pane.release is app.screen.query_one(ReleaseList).current
        assert pane.release is not first


async def test_enter_opens_marks_read_and_tab_moves_between_panes(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        release = screen.query_one(ReleaseList).current
        assert release is not None
        marks = app.session.marks
        assert not marks.state(release.id).read
        await pilot.press("enter")
        assert app.focused is screen.query_one(DetailPane)
        assert marks.state(release.id).read
        lines = screen.query_one(DetailPane).lines
        assert release.title in lines
        assert any("gerardl@un.org" in line or "@" in line for line in lines)
        await pilot.press("escape")
        assert app.focused is screen.query_one(ReleaseList)
        await pilot.press("tab")
        assert app.focused is not screen.query_one(ReleaseList)
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one(ReleaseList)


async def test_enter_on_a_narrow_terminal_opens_the_reader(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(DetailPane).display
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_star_and_read_toggles_persist(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        release = screen.query_one(ReleaseList).current
        assert release is not None
        marks = app.session.marks
        await pilot.press("s")
        assert marks.state(release.id).starred
        await pilot.press("r")
        assert marks.state(release.id).read
        await pilot.press("r")
        assert not marks.state(release.id).read
        await pilot.press("r")
    # Quitting saves what is pending.
    with ReleaseStore(store_path) as store:
        state = store.state(release.id)
    assert state.starred and state.read


async def test_star_filter_with_is_starred(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "s")
        starred = app.screen.query_one(ReleaseList).current
        await pilot.press("slash", *"is:starred")
        await settle(pilot)
        assert [r.id for r in app.screen.query_one(ReleaseList).rows] == [starred.id]


async def test_n_and_shift_n_jump_between_hits(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=(140, 14)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"programme loc:rabat ")
        await settle(pilot)
        await pilot.press("enter")  # to the list
        await pilot.press("enter")  # open
        pane = app.screen.query_one(DetailPane)
        assert app.focused is pane
        await pilot.press("n")
        first = pane._current_hit
        assert first >= 0
        await pilot.press("n")
        second = pane._current_hit
        assert second != first
        await pilot.press("N")
        assert pane._current_hit == first


async def test_facets_panel_adds_a_qualifier(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        panel = app.screen.query_one(FacetPanel)
        assert panel.display and panel.option_count > 3
        assert app.focused is panel
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value.startswith("org:")
        assert 0 < len(titles(app)) < 8
        await pilot.press("f")
        assert not panel.display


async def test_sort_keys_reorder_the_list(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert browse(app).order.key == "title"
        shown = titles(app)
        assert shown == sorted(shown, key=str.casefold) or shown[0].startswith("[")
        await pilot.press("R")
        await settle(pilot)
        assert titles(app) == shown[::-1]


async def test_open_link_only_for_web_links(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = PressroomApp(store_path)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
    assert len(opened) == 1 and opened[0].startswith("https://")


async def test_copy_puts_the_contact_email_on_the_clipboard(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        release = app.screen.query_one(ReleaseList).current
        await pilot.press("y", "e")  # the copy menu, then the email
        assert release is not None
        assert app.clipboard == release.contacts[0].email


async def test_help_screen_lists_keys_and_query_syntax(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app.screen.query_one(Static))
        assert "is:starred" in text and "Ctrl+P" in text and "contact lookup" in text
        await pilot.press("escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_contact_lookup_filters_and_opens_releases(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await settle(pilot)
        contacts = app.screen.query_one(ContactList)
        assert len(contacts.rows) >= 7
        await pilot.press(*"gerardl")
        await settle(pilot)
        assert [e.email for e in contacts.rows] == ["gerardl@un.org"]
        entry = contacts.rows[0]
        assert entry.release_count == 2
        await pilot.press("enter")  # from the filter to the list
        await pilot.press("y", "e")
        assert app.clipboard == "gerardl@un.org"
        await pilot.press("enter")  # the contact's releases
        own = app.screen.query_one("#contact-releases", ReleaseList)
        assert app.focused is own and len(own.rows) == 2
        await pilot.press("enter")  # open one
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("escape")  # one Esc back to the main screen
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_command_palette_lists_every_action(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        names = {command.title for command in app.get_system_commands(app.screen)}
        for wanted in (
            "Search",
            "Contacts",
            "Facets",
            "Star",
            "Read",
            "Open link",
            "Copy",
            "Help",
            "Quit",
        ):
            assert wanted in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_q_quits(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_store_shows_the_welcome(tmp_path: Path) -> None:
    app = PressroomApp(tmp_path / "new.json")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        welcome = str(app.screen.query_one("#welcome").render())
        assert "archive is empty" in welcome and "pressroom import" in welcome
        assert not app.screen.query_one(ReleaseList).display
    assert not (tmp_path / "new.json").exists()


async def test_hostile_text_is_literal_and_the_app_survives(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"solent")
        await settle(pilot)
        await pilot.press("enter", "enter")
        lines = app.screen.query_one(DetailPane).lines
        assert (
            "[TODO] Solent ferries to trial night crossings [@click=app.quit]Read more[/]" in lines
        )
        assert not any("\x1b" in line for line in lines)
        await pilot.click(ReleaseList, offset=(30, 0))
        await pilot.pause()
        assert app.is_running


async def test_tiny_and_resized_terminals_do_not_crash(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        for size in ((20, 5), (1, 1), (200, 60), (40, 12), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.is_running


async def test_another_process_writing_is_noticed(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        extra = sample_releases()[0].with_changes(id="00000000000000aa", title="A late release")

        def write() -> None:
            with ReleaseStore(store_path) as other:
                other.add_batch([extra])

        await asyncio.get_running_loop().run_in_executor(None, write)
        for _ in range(100):
            await pilot.pause(0.1)
            if len(titles(app)) == 9:
                break
        assert "A late release" in titles(app)


@pytest.mark.slow
async def test_ten_thousand_releases_reach_an_interactive_list(tmp_path: Path) -> None:
    from tests.helpers.synthetic import generate

    path = tmp_path / "synthetic.json"
    with ReleaseStore(path) as store:
        store.add_batch(list(generate(10_000, seed=3)))
    app = PressroomApp(path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        releases = app.screen.query_one(ReleaseList)
        assert len(releases.rows) == 10_000
        assert "10,000 of 10,000" in str(app.screen.query_one("#count").render())
        await pilot.press("G")
        assert releases.cursor == 9_999
        await pilot.press("slash", *"minist")
        await settle(pilot)
        assert 0 < len(releases.rows) < 10_000


async def test_a_very_long_release_scrolls_to_its_end(tmp_path: Path) -> None:
    long_paragraph = "The harbour wall will be raised by thirty centimetres along its length. " * 12
    body = (
        "\n\n".join(f"{n}. {long_paragraph}" for n in range(300)) + "\n" + "short line\n" * 50_000
    )
    release = sample_releases()[2].with_changes(body=body)
    path = write_store(tmp_path / "long.json", [release])
    app = PressroomApp(path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        pane = app.screen.query_one(DetailPane)
        assert app.focused is pane
        await pilot.press("end")
        for _ in range(5):  # estimated heights settle as they come into view
            await pilot.pause(0.05)
            await pilot.press("end")
        await pilot.pause()
        bottom = "".join(segment.text for segment in pane.render_line(pane.size.height - 1))
        assert release.source.path in bottom
        await pilot.press("home")
        await pilot.pause()
        top = "".join(segment.text for segment in pane.render_line(0))
        assert "PRESS RELEASE" in top


async def test_keys_typed_while_the_archive_opens_are_kept(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    opened = Session._open
    # The archive opens only once the keys are typed (not after a sleep, which a
    # loaded machine outlasts): a big archive taking its moment.
    typed = threading.Event()

    def slow_open(self: Session) -> object:
        typed.wait(30)
        return opened(self)

    monkeypatch.setattr(Session, "_open", slow_open)
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.session.archive is None
        await pilot.press("slash", *"flo")
        typed.set()
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "flo" and app.focused is bar
        assert titles(app) == [
            "Coastal Resilience Alliance maps flood risk for 3,000 small harbours"
        ]


async def test_slash_and_a_word_typed_in_one_go_land_in_the_bar(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = app.screen.query_one(ReleaseList).current
        assert first is not None
        # As a terminal delivers a fast typist's keys: all queued before any is handled.
        for key, char in (("slash", "/"), ("f", "f"), ("l", "l"), ("o", "o"), ("r", "r")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "flor"
        assert not app.session.marks.state(first.id).read  # "r" was typed, not run
        await pilot.press("slash")
        assert bar.value == "flor/"
        # A "/" inside what is typed keeps its place among the queued keys.
        for key, char in (("a", "a"), ("slash", "/"), ("b", "b")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert bar.value == "flor/a/b"


async def test_an_indexed_search_is_answered_in_the_keystroke_and_a_slow_one_in_a_worker(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.session as session_module

    handed_over: list[str] = []
    original = Session._in_worker

    def spy(self: Session, work: Callable[[], None], group: str, **kwargs: bool) -> None:
        handed_over.append(group)
        original(self, work, group, **kwargs)

    monkeypatch.setattr(Session, "_in_worker", spy)
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        assert app.session.archive is not None and app.session.archive.index is not None
        handed_over.clear()
        screen.run_search("flood", keep=None)
        # Answered before the call returned: no worker, no message, no frame in between.
        assert handed_over == []
        assert titles(app) == [
            "Coastal Resilience Alliance maps flood risk for 3,000 small harbours"
        ]
    # Phrase checks past the deadline move to a worker, with the same answer.
    monkeypatch.setattr(session_module, "SEARCH_HERE_FOR", -1.0)
    many = write_store(store_path.parent / "many.json", list(generate(600, seed=4)))
    app = PressroomApp(many)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        archive = app.session.archive
        assert archive is not None and archive.index is not None
        handed_over.clear()  # the first search, before the index was ready
        screen.run_search('"of the p', keep=None)
        assert handed_over == ["search"]
        await settle(pilot)
        expected = archive.search(parse_query('"of the p'))
        assert [r.id for r in app.screen.query_one(ReleaseList).rows] == [r.id for r in expected]


async def test_a_search_is_answered_while_other_thread_work_holds_many_threads(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database's overtaken searches, whole results and facets each hold a thread
    # for a while: the search of the word typed last must not wait for one of them
    # (with Python's default of cpu_count + 4 threads, a pasted word's count never came).
    import threading

    import tui.session as session_module

    monkeypatch.setattr(session_module, "SEARCH_HERE_FOR", -1.0)  # answered in a worker
    many = write_store(store_path.parent / "many.json", list(generate(300, seed=5)))
    app = PressroomApp(many)
    release = threading.Event()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        archive = app.session.archive
        assert archive is not None
        expected = [r.id for r in archive.search(parse_query('"of the p'))]
        assert 0 < len(expected) < len(archive)
        shown: list[str] = []
        try:
            for n in range(12):  # more than six: every thread the default would have
                app.run_worker(release.wait, group=f"held-{n}", thread=True)
            await pilot.pause()
            browse(app).run_search('"of the p', keep=None)
            for _ in range(200):  # up to 10 s (the threads stay held: no settle here)
                await pilot.pause(0.05)
                shown = [r.id for r in app.screen.query_one(ReleaseList).rows]
                if shown == expected:
                    break
        finally:
            release.set()
        assert shown == expected


async def test_the_issuer_heads_the_facets_and_the_list_column(tmp_path: Path) -> None:
    releases = sample_releases()
    issued = [
        r.with_changes(issuer="Harbour Board of Lisbon" if n % 2 else None)
        for n, r in enumerate(releases)
    ]
    path = write_store(tmp_path / "releases.json", issued)
    app = PressroomApp(path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList).rows
        first_issued = next(r for r in rows if r.issuer)
        assert first_issued.issuer == "Harbour Board of Lisbon"
        await pilot.press("f")
        await settle(pilot)
        panel = app.screen.query_one(FacetPanel)
        labels = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert labels[0] == "Issued by"
        assert labels[1].split(maxsplit=1) == [str(len(issued) // 2), "Harbour Board of Lisbon"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value.strip() == 'issuer:"Harbour Board of Lisbon"'
        assert len(titles(app)) == len(issued) // 2


async def test_the_empty_query_is_answered_at_once_even_before_the_index(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the browser opens, the index is still loading: every release, in
    # archive order, needs neither it nor a scan, and no worker's hop.
    handed_over: list[str] = []
    original = Session._in_worker

    def spy(self: Session, work: Callable[[], None], group: str, **kwargs: bool) -> None:
        handed_over.append(group)
        original(self, work, group, **kwargs)

    monkeypatch.setattr(Session, "_in_worker", spy)
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        archive = app.session.archive
        assert archive is not None
        monkeypatch.setattr(type(archive), "indexing", property(lambda self: True))
        handed_over.clear()
        browse(app).run_search("", keep=None)
        assert "search" not in handed_over
        assert len(titles(app)) == len(archive.releases)
        browse(app).run_search("flood", keep=None)
        assert handed_over.count("search") == 1  # without the index, a scan: a worker


async def test_a_word_typed_before_the_index_is_ready_is_answered_from_it_without_its_scan(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed just after the start, a word's scan (every release read: seconds on a big
    archive) must not be what its count waits for once the index is there."""
    import threading
    import time

    from store.archive import Archive
    from store.search.index import SearchCancelled

    released = threading.Event()
    scanning = threading.Event()
    original_scan = Archive._scan

    def slow_scan(self: Archive, query, releases, states, should_stop):  # type: ignore[no-untyped-def]
        scanning.set()
        while not released.is_set():  # a big archive's scan, still reading
            if should_stop is not None and should_stop():
                raise SearchCancelled
            time.sleep(0.005)
        return original_scan(self, query, releases, states, should_stop)

    original_duplicates = Archive.find_duplicates

    def slow_duplicates(self: Archive, should_stop=None):  # type: ignore[no-untyped-def]
        released.wait(10)  # seconds on a big archive: long after the index
        return original_duplicates(self, should_stop)

    build_index = Session.build_index
    monkeypatch.setattr(Session, "build_index", lambda self: None)  # the index still loading
    monkeypatch.setattr(Archive, "_scan", slow_scan)
    monkeypatch.setattr(Archive, "find_duplicates", slow_duplicates)
    app = PressroomApp(store_path)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"flood")
            await pilot.pause()
            assert await asyncio.to_thread(scanning.wait, 5)
            assert len(titles(app)) == len(sample_releases())  # no answer yet
            build_index(app.session)  # the index is ready now
            for _ in range(200):
                if len(titles(app)) == 1:
                    break
                await pilot.pause(0.01)
            assert titles(app) == [
                "Coastal Resilience Alliance maps flood risk for 3,000 small harbours"
            ]
            assert not released.is_set()  # answered while the scan was still reading
            released.set()
            await settle(pilot)
    finally:
        released.set()


def _index_file_loading(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """An index file written beside the store (as an import leaves it) whose loading
    waits, as a big archive's does, until the event returned is set."""
    from store.archive import Archive

    with ReleaseStore(store_path) as store:
        Archive(store).build_index()
    loaded = threading.Event()
    original_build = Archive.build_index

    def slow_load(self: Archive, **kwargs):  # type: ignore[no-untyped-def]
        loaded.wait(10)  # a big archive's index, still being read
        return original_build(self, **kwargs)

    monkeypatch.setattr(Archive, "build_index", slow_load)
    return loaded


async def _until_the_index_is_coming(app: PressroomApp, pilot: Pilot[None]) -> None:
    for _ in range(200):
        if app.session.archive is not None and app.session.index_coming:
            return
        await pilot.pause(0.01)


async def test_a_word_typed_while_the_index_file_loads_waits_for_it_and_reads_nothing(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an index file beside the store, a word typed in the first second is not
    scanned (a minute of reading at 100k, holding the lock the load needs): the count
    line says the index is loading, and the index's answer follows it."""
    from store.archive import Archive

    loaded = _index_file_loading(store_path, monkeypatch)
    scans: list[str] = []
    original_scan = Archive._scan

    def spied_scan(self: Archive, query, releases, states, should_stop):  # type: ignore[no-untyped-def]
        scans.append(str(query))
        return original_scan(self, query, releases, states, should_stop)

    monkeypatch.setattr(Archive, "_scan", spied_scan)
    app = PressroomApp(store_path)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await _until_the_index_is_coming(app, pilot)
            await pilot.press("slash", *"flood")
            await pilot.pause(0.2)
            count = str(browse(app).query_one("#count", Static).render())
            assert "loading the search index" in count
            assert len(titles(app)) == len(sample_releases())  # no answer yet
            loaded.set()
            await settle(pilot)
            assert titles(app) == [
                "Coastal Resilience Alliance maps flood risk for 3,000 small harbours"
            ]
            assert str(browse(app).query_one("#count", Static).render()).startswith("1 of ")
            assert scans == []
    finally:
        loaded.set()


async def test_a_search_scans_when_the_index_file_takes_too_long(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wait is bounded: an index file that is stale (rebuilt: a minute at 100k) or on a
    slow disk leaves the word answered by a scan after INDEX_WAIT."""
    import tui.session

    loaded = _index_file_loading(store_path, monkeypatch)
    monkeypatch.setattr(tui.session, "INDEX_WAIT", 0.2)
    app = PressroomApp(store_path)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await _until_the_index_is_coming(app, pilot)
            await pilot.press("slash", *"flood")
            for _ in range(300):
                if len(titles(app)) == 1:
                    break
                await pilot.pause(0.01)
            assert len(titles(app)) == 1  # the scan's answer, the index still loading
            assert app.session.index_coming
            assert "indexing for search" in str(browse(app).query_one("#count", Static).render())
    finally:
        loaded.set()


async def test_two_enters_queued_behind_a_search_leave_the_bar_then_open(
    store_path: Path,
) -> None:
    # A fast typist's Enter, Enter: both keys reach the app before the first has
    # been handled. The first leaves the bar for the list, the second opens the
    # release under the cursor; none is swallowed by the bar submitting twice.
    app = PressroomApp(store_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"flo")
        await settle(pilot)
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert isinstance(app.screen, ReaderScreen)
        assert "flood risk" in app.screen.release.title
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, ReleaseList)
        assert app.screen.query_one(SearchBar).history[-1] == "flo"


async def test_keys_queued_behind_the_contact_filters_enter_reach_the_list(
    store_path: Path,
) -> None:
    # Enter then y, both sent before the first is handled: the filter hands the
    # focus to the list at once, so the key behind it opens the copy menu rather
    # than being typed into the filter.
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await settle(pilot)
        await pilot.press(*"gerardl")
        await settle(pilot)
        contacts = app.screen
        for key, char in (("enter", "\r"), ("y", "y")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert contacts.query_one("#contact-filter", Input).value == "gerardl"
        assert isinstance(contacts.focused, ContactList)
        await pilot.press("e")
        assert app.clipboard == "gerardl@un.org"


@pytest.mark.parametrize(
    "keys",
    [
        # The contact lookup and a name, typed at once.
        [("c", "c"), ("g", "g"), ("e", "e"), ("r", "r")],
        # The same from the search bar: Enter or Esc leaves it, then c and the name.
        [("slash", "/"), ("enter", "\r"), ("c", "c"), ("g", "g"), ("e", "e"), ("r", "r")],
        [("slash", "/"), ("escape", None), ("c", "c"), ("g", "g"), ("e", "e"), ("r", "r")],
    ],
)
async def test_keys_typed_ahead_of_a_screen_reach_it(
    store_path: Path, keys: list[tuple[str, str | None]]
) -> None:
    # Every key sent before the first is handled: those after "c" were queued to
    # the widget focused on the screen below and reach the contact lookup's filter.
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        for key, char in keys:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        await settle(pilot)
        assert app.screen.query_one("#contact-filter", Input).value == "ger"
        # ... and the same for a menu: y then e copies the first contact's email.
        await pilot.press("enter")
        app.post_message(events.Key("y", "y"))
        app.post_message(events.Key("e", "e"))
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen), "the copy menu stayed open"
        first = app.screen.query_one(ContactList).rows[0]
        assert app.clipboard == first.email


async def test_editing_keys_typed_fast_act_in_their_order(store_path: Path) -> None:
    # a b ⌫ c ← x, all queued at once: Backspace and ← act where they were typed
    # (they are bindings, which the app ran only when each key had bubbled up to
    # it, after the bar had typed the letters behind them).
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        keys = [("a", "a"), ("b", "b"), ("backspace", None), ("c", "c"), ("left", None)]
        for key, char in [*keys, ("x", "x")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "axc"
