"""Issue 14: the browser as a keyboard user (newsboat, aerc, vim) expects it, key by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from store.records import Contact, Link, Person, Release, Source, release_id
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.screens.browse import BrowseScreen
from tui.screens.contacts import ContactsScreen
from tui.screens.links import LinkPicker, Picker
from tui.screens.reader import ReaderScreen
from tui.widgets.contact_list import ContactList
from tui.widgets.detail_pane import DetailPane
from tui.widgets.release_list import ReleaseList

WIDE = (140, 40)
NARROW = (80, 24)

LONG_URL = "https://www.example-newsroom.org/press/2025/07/very-long-path-segment/with-more-of-it"
LONG_WORD = "Supercalifragilisticexpialidocious" * 3


def wordy_release() -> Release:
    """A release with long words and URLs, three contacts and the same link three times."""
    path = "/archive/wordy/000.txt"
    body = "\n\n".join(
        [
            "GENEVA, 7 July 2025 – Leaders Report Latest Advances in Counter-Terrorism "
            "Cooperation across the Sahel and the Maghreb, with partners from every region.",
            f"Read the full report at {LONG_URL} and the annex at {LONG_URL}/annex today.",
            f"The word {LONG_WORD} is long. The programme is reviewed every year.",
            "The programme ends in 2027. The programme was praised by partners.",
        ]
    )
    data = {
        "id": release_id(path, None, ""),
        "title": "Leaders Report Latest Advances in Counter-Terrorism Cooperation",
        "kicker": "PRESS RELEASE",
        "date": "2026-01-07",
        "location": "GENEVA",
        "organisations": ["United Nations Office of Counter-Terrorism (UNOCT)"],
        "people": [Person("Vladimir Voronkov", "Under-Secretary-General").to_json()],
        "contacts": [
            Contact(name="Ana Lopez", role="Press Officer", email="ana@un.org").to_json(),
            Contact(name="Ben Kim", role="Spokesperson", email="ben@un.org").to_json(),
            Contact(name="Ana Lopez", email="ana@un.org").to_json(),
        ],
        "links": [
            Link("report", LONG_URL).to_json(),
            Link("the report", LONG_URL).to_json(),
            Link("annex", LONG_URL + "/annex").to_json(),
            Link("report again", LONG_URL).to_json(),
        ],
        "language": "en",
        "body": body,
        "source": Source(path, "txt").to_json(),
    }
    return Release.from_json(data)


@pytest.fixture
def wordy_store(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json", [wordy_release(), *sample_releases()])


def rendered_rows(pane: DetailPane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.size.height)]


# -- 1. text is never cut off ------------------------------------------------


@pytest.mark.parametrize("width", [40, 80])
async def test_the_reader_wraps_every_word_at_every_width(wordy_store: Path, width: int) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=(width, 60)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        pane = app.screen.query_one(DetailPane)
        room = pane.scrollable_content_region.width
        rows = rendered_rows(pane)
        assert all(len(row.rstrip()) <= room for row in rows)
        text = " ".join(row.strip() for row in rows)
        for word in ("Leaders", "Report", "Latest", "Advances", "Counter-Terrorism"):
            assert word in text.split(), f"{word!r} cut off at {width} columns"


async def test_the_pane_wraps_again_when_its_room_changed_since_it_was_measured(
    wordy_store: Path,
) -> None:
    """The full-screen reader cut words off: it drew rows measured for a wider room."""
    app = PressroomApp(wordy_store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        room = pane.scrollable_content_region.width
        # As when the scrollbar takes its columns after the last Resize.
        pane._width = room + 2
        pane._cache.clear()
        rows = rendered_rows(pane)
        assert all(len(row) <= room for row in rows), "rows wider than the pane"
        assert "Leaders Report Latest Advances in Counter-Terrorism" in rows[1]


# -- 2. every action on a release works wherever a release is shown -----------


async def test_the_reader_stars_marks_copies_and_opens(
    wordy_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = PressroomApp(wordy_store)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # a release with one contact and one web link
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        release = app.screen.release
        marks = app.session.marks
        assert marks.state(release.id).read
        await pilot.press("s")
        assert marks.state(release.id).starred
        await pilot.press("r")
        assert not marks.state(release.id).read
        await pilot.press("y", "e")  # the copy menu, then the email
        assert app.clipboard == release.contacts[0].email
        await pilot.press("o")
        await pilot.pause()
        assert opened == [release.links[0].url]
        assert isinstance(app.screen, ReaderScreen)


async def test_a_release_opened_from_the_contact_lookup_is_marked_read(
    wordy_store: Path,
) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"gerardl")
        await settle(pilot)  # the filtered directory and its first card, as a person sees them
        await pilot.press("down", "enter")
        await settle(pilot)
        own = app.screen.query_one("#contact-releases", ReleaseList)
        assert app.focused is own
        release = own.current
        assert release is not None
        marks = app.session.marks
        await pilot.press("s")
        assert marks.state(release.id).starred
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert marks.state(release.id).read


# -- 4. contact lookup focus -------------------------------------------------


async def test_down_leaves_the_contact_filter_and_one_escape_goes_back(
    wordy_store: Path,
) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"un.org")
        await settle(pilot)
        contacts = app.screen.query_one(ContactList)
        await pilot.press("down")
        assert app.focused is contacts
        filter_text = app.screen.query_one("#contact-filter").value  # type: ignore[attr-defined]
        await pilot.press("y", "e")  # the copy menu, then the person's email
        assert filter_text == "un.org"
        assert app.clipboard == contacts.rows[contacts.cursor].email
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")  # back one level
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


# -- 6. keys as habit has them -------------------------------------------------


async def test_q_goes_back_one_level_and_quits_only_from_the_list(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.return_code is None
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        await pilot.press("enter")
        assert app.focused is screen.query_one(DetailPane)
        await pilot.press("q")
        assert app.focused is screen.query_one(ReleaseList)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("q")
        assert not screen.query_one("#facets").display
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_half_and_whole_pages_with_control_keys(tmp_path: Path) -> None:
    releases = [
        Release.from_json(
            {
                **wordy_release().to_json(),
                "id": release_id(f"/a/{n}.txt", None, ""),
                "title": f"Release {n}",
                "source": Source(f"/a/{n}.txt", "txt").to_json(),
            }
        )
        for n in range(60)
    ]
    db = write_store(tmp_path / "releases.json", releases)
    # Sixty copies of one text would fold into one row (z): every copy shown, a list to page.
    from tui.prefs import Prefs, save_prefs

    save_prefs(db, Prefs(fold=False))
    app = PressroomApp(db)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        releases_list = app.screen.query_one(ReleaseList)
        page = releases_list.size.height
        await pilot.press("ctrl+d")
        assert releases_list.cursor == page // 2
        await pilot.press("ctrl+u")
        assert releases_list.cursor == 0
        await pilot.press("ctrl+f")
        assert releases_list.cursor == page - 1
        await pilot.press("ctrl+b")
        assert releases_list.cursor == 0
        await pilot.press("enter")
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        await pilot.press("ctrl+d")
        assert pane.scroll_y == pane.size.height // 2
        await pilot.press("ctrl+u")
        assert pane.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("g")
        assert pane.scroll_y == 0


async def test_n_counts_hits_and_says_when_it_wraps(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"programme leaders", "enter", "enter")
        await settle(pilot)
        hint = app.screen.query_one("#hint")
        await pilot.press("n")
        assert str(hint.render()).strip() == "1/3"
        await pilot.press("n", "n")
        assert str(hint.render()).strip() == "3/3"
        await pilot.press("n")
        assert str(hint.render()).strip() == "1/3  search wrapped to the top"
        await pilot.press("N")
        assert str(hint.render()).strip() == "3/3  search wrapped to the bottom"


async def test_slash_in_the_reader_finds_text_with_a_counter(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("slash", *"PROGRAMME")
        status = app.screen.query_one("#reader-status")
        assert "2 lines" in str(status.render())
        await pilot.press("escape")  # leaves the bar, keeps the text
        pane = app.screen.query_one(DetailPane)
        assert app.focused is pane
        assert app.screen.query_one("#find").value == "PROGRAMME"  # type: ignore[attr-defined]
        await pilot.press("n")
        assert str(status.render()).strip() == "1/2"
        await pilot.press("n", "n")
        assert str(status.render()).strip() == "1/2  search wrapped to the top"
        await pilot.press("q")  # q goes back, it is not typed
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


# -- 7. copy and links -------------------------------------------------------


async def test_y_e_chooses_among_several_contacts(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("y", "e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker) and picker.title_text == "Copy which email?"
        # Two people (one listed twice).
        assert picker.query_one(OptionList).option_count == 2
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.clipboard == "ben@un.org"


async def test_the_link_picker_numbers_dedupes_opens_by_number_and_copies(
    wordy_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = PressroomApp(wordy_store)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        options = picker.query_one(OptionList)
        assert options.option_count == 2
        assert str(options.get_option_at_index(0).prompt).startswith(" 1. report")
        assert str(options.get_option_at_index(1).prompt).startswith(" 2. annex")
        await pilot.press("2")
        await pilot.pause()
        assert opened == [LONG_URL + "/annex"]
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == LONG_URL
        assert isinstance(app.screen, BrowseScreen)


# -- 3. the word being typed is a prefix, and the bar says so ------------------


async def test_the_status_line_says_the_last_word_is_a_prefix(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"leaders progr")
        await settle(pilot)
        count = app.screen.query_one("#count")
        assert "progr… prefix" in str(count.render())
        await pilot.press("space")
        await settle(pilot)
        assert "prefix" not in str(count.render())


# -- 5. facets ----------------------------------------------------------------


async def test_facets_highlight_a_row_move_with_j_and_k_and_show_their_keys(
    wordy_store: Path,
) -> None:
    from tui.widgets.facet_panel import FacetPanel
    from tui.widgets.key_bar import KeyBar

    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        panel = app.screen.query_one(FacetPanel)
        assert app.focused is panel
        assert panel.highlighted == 1  # the first organisation, under its heading
        await pilot.press("j", "j", "k")
        assert panel.highlighted == 2
        await pilot.pause()
        assert "Add to query" in str(app.screen.query_one(KeyBar).render())
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#search").value.startswith("org:")  # type: ignore[attr-defined]


# -- 9. small things -----------------------------------------------------------


async def test_the_palette_lists_each_action_once_by_its_key(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert titles.count("Quit") == 1 and titles.count("Down") == 1
        helps = {command.title: command.help for command in commands}
        assert helps["Help"] == "key: ?"
        assert not any("question_mark" in (command.help or "") for command in commands)


def test_the_timeline_fills_its_width_and_labels_its_axis() -> None:
    from tui.widgets.timeline import sparkline

    months = [(f"2024-{m:02d}", m) for m in range(1, 13)] + [
        (f"2025-{m:02d}", 1) for m in range(1, 10)
    ]
    text, bars = sparkline(months, 196)
    assert len(bars) == 21
    assert len(text.plain) > 150  # 21 months in 196 cells: several cells a month
    assert text.plain.startswith("2024-01 ") and "2025-09" in text.plain
    assert "releases per month, peak 12" in text.plain
    narrow, _ = sparkline(months, 40)
    assert len(narrow.plain) <= 40


def test_the_timeline_legend_never_cuts_a_figure_short() -> None:
    from tui.widgets.timeline import sparkline

    # 98 months of thousands: "releases per 2 months, peak 3,463" is longer than its room.
    months = [(f"{2018 + (m + 7) // 12}-{(m + 7) % 12 + 1:02d}", 1732) for m in range(98)]
    text, _ = sparkline(months, 118)
    assert "peak 3,464" in text.plain and "3,46 " not in text.plain + " "
    assert text.plain.rstrip().endswith(("3,464", "months", "/2mo"))


async def test_the_timeline_takes_focus_names_a_month_and_searches_it(
    wordy_store: Path,
) -> None:
    from tui.widgets.timeline import Timeline

    app = PressroomApp(wordy_store)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        timeline.focus()
        await pilot.pause()
        assert "2026-01: 1 release" in str(timeline.render())
        await pilot.press("left")
        assert "2025-12: 0 releases" in str(timeline.render())
        await pilot.press("right", "enter")
        await settle(pilot)
        assert app.screen.query_one("#search").value == "date:2026-01 "  # type: ignore[attr-defined]
        assert len(app.screen.query_one(ReleaseList).rows) == 1
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(ReleaseList)


async def test_a_search_that_changes_no_bar_or_hint_repaints_neither(wordy_store: Path) -> None:
    """The timeline and the hint are drawn again only when what they show changes."""
    from textual.widgets import Static

    from tui.widgets.timeline import Timeline

    app = PressroomApp(wordy_store)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        timeline, hint = screen.query_one(Timeline), screen.query_one("#hint", Static)
        updated: list[object] = []
        for widget in (timeline, hint):
            original = widget.update

            def counting(*args: object, _original=original, _widget=widget, **kw: object) -> None:
                updated.append(_widget)
                _original(*args, **kw)  # type: ignore[arg-type]

            widget.update = counting  # type: ignore[method-assign]
        months = list(timeline.months)
        timeline.show(list(months))
        screen.run_search("", keep=None)  # the same result again: the same bars, no hints
        await settle(pilot)
        assert updated == []
        timeline.show(months[:-1] or [("2020-01", 1)])
        screen.run_search("date:banana", keep=None)  # "not a date": a hint
        await settle(pilot)
        assert timeline in updated and hint in updated


async def test_contacts_show_whole_emails_at_80_and_120_columns(wordy_store: Path) -> None:
    for size in ((80, 24), (120, 40)):
        app = PressroomApp(wordy_store)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            contacts = app.screen.query_one(ContactList)
            rows = [contacts.render_line(y).text for y in range(len(contacts.rows))]
            for entry in contacts.rows:
                if entry.email:
                    assert any(entry.email in row for row in rows), (size, entry.email)


async def test_the_help_scrolls_with_j_k_and_control_keys(wordy_store: Path) -> None:
    from tui.screens.help import HelpText

    app = PressroomApp(wordy_store)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one(HelpText)
        await pilot.press("j", "j")
        await pilot.pause()
        assert text.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert text.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert text.scroll_y == text.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert text.scroll_y == 0
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_the_status_line_is_written_short_below_80_columns(wordy_store: Path) -> None:
    app = PressroomApp(wordy_store)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        count = app.screen.query_one("#count")
        assert str(count.render()).strip() == "9 of 9 · date ↓"
        assert count.size.width >= len("9 of 9 · date ↓")
        await pilot.press("slash", *"leade")
        await settle(pilot)
        assert str(count.render()).strip() == "1 of 9 · date ↓ · leade…"


async def test_choosing_a_contact_before_its_card_follows_shows_its_releases(
    wordy_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Enter on a contact within the typing pause (made long here): the releases
    # that take the focus are the chosen contact's (they were the previous card's).
    import tui.typing_pause

    monkeypatch.setattr(tui.typing_pause, "PAUSE", 60.0)
    app = PressroomApp(wordy_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"gerardl")
        await settle(pilot)
        assert app.screen._card_follows.waiting  # type: ignore[attr-defined]
        await pilot.press("down", "enter")
        chosen = app.screen.query_one(ContactList).current
        assert chosen is not None and "gerardl" in (chosen.email or "")
        own = app.screen.query_one("#contact-releases", ReleaseList)
        assert app.focused is own
        assert own.rows and {r.id for r in own.rows} <= set(chosen.release_ids)
