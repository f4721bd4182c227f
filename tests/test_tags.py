"""The user's tags: cleaning, the state file, tag: in queries (index == scan), facets, t and T."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.archive import Archive
from store.disk.release_store import ReleaseState, ReleaseStore, key_of, state_path
from store.search.query import parse_query
from store.tags import MAX_TAG_LENGTH, changed_tags, clean_tag, clean_tags, split_tags, tag_key
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.marks import Marks
from tui.screens.prompt import Confirm
from tui.screens.tags import TagEditor
from tui.widgets.detail_pane import DetailPane
from tui.widgets.release_list import ReleaseList

WIDE = (140, 40)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json")


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("  climate  ", "climate"),
        ("sea\tlevel\n rise", "sea level rise"),
        ("\x1b]52;c;ZWNobw==\x07 clip", "clip"),  # an OSC 52 is gone whole
        ("a\x00b\u202ec", "abc"),
        ("[bold]x[/bold]", "[bold]x[/bold]"),  # kept as written: shown as plain text
        ('one, two; "three"', "one two three"),  # separators never inside a tag
        ("", None),
        (" \x07 ", None),
        (42, None),
    ],
)
def test_a_tag_is_cleaned_to_one_plain_line(typed: object, tag: str | None) -> None:
    assert clean_tag(typed) == tag


def test_a_tag_is_capped_and_compared_without_case() -> None:
    long = clean_tag("x" * 500)
    assert long is not None and len(long) == MAX_TAG_LENGTH
    assert tag_key("Climate") == tag_key("CLIMATE")
    assert clean_tags(["Climate", "climate", 3, "", "Sea"]) == ("Climate", "Sea")
    assert clean_tags("not a list") == ()
    assert split_tags("climate, Sea level;  ,climate") == ["climate", "Sea level"]
    # Adding a tag already there in another case keeps the first spelling.
    assert changed_tags(("Climate",), {"climate": "climate", "sea": "sea"}) == ("Climate", "sea")
    assert changed_tags(("Climate", "sea"), {"climate": None}) == ("sea",)


# -- the state file ---------------------------------------------------------------------------


def test_tags_round_trip_beside_the_marks_and_a_star_keeps_them(store_path: Path) -> None:
    first, second = (r.id for r in sample_releases()[:2])
    with ReleaseStore(store_path) as store:
        store.set_starred([first])
        store.change_tags({first: {"climate": "Climate"}, second: {"sahel": "Sahel"}})
        store.set_read([first])  # a mark written after the tags leaves them alone
        store.change_tags({second: {"sahel": None, "water": "water"}})
    with ReleaseStore(store_path) as store:
        assert store.state(first) == ReleaseState(read=True, starred=True, tags=("Climate",))
        assert store.state(second) == ReleaseState(tags=("water",))


def test_a_state_file_without_tags_still_opens(store_path: Path) -> None:
    release = sample_releases()[0]
    key = key_of(release.id)
    assert key is not None
    # As Pressroom wrote it before tags: read and starred only.
    state_path(store_path).write_text(
        json.dumps({"state": {key: {"read": True, "starred": True}}}), encoding="utf-8"
    )
    with ReleaseStore(store_path) as store:
        assert store.state(release.id) == ReleaseState(read=True, starred=True)
        store.change_tags({release.id: {"x": "x"}})
    with ReleaseStore(store_path) as store:
        assert store.state(release.id) == ReleaseState(read=True, starred=True, tags=("x",))


def test_damaged_tags_in_the_state_file_read_as_cleaned_or_none(store_path: Path) -> None:
    first, second = (r.id for r in sample_releases()[:2])
    state_path(store_path).write_text(
        json.dumps(
            {
                "state": {
                    key_of(first): {"read": False, "starred": False, "tags": "climate"},
                    key_of(second): {"tags": ["ok", 7, None, "\x1b[2Jwiped"]},
                }
            }
        ),
        encoding="utf-8",
    )
    with ReleaseStore(store_path) as store:
        assert store.state(first).tags == ()
        assert store.state(second).tags == ("ok", "wiped")


def test_a_tag_another_process_gave_meanwhile_is_kept(store_path: Path) -> None:
    release_id = sample_releases()[0].id
    mine = ReleaseStore(store_path)
    theirs = ReleaseStore(store_path)
    assert mine.state(release_id).tags == ()  # read before the other write
    theirs.change_tags({release_id: {"theirs": "theirs"}})
    mine.change_tags({release_id: {"mine": "mine"}})
    mine.close()
    theirs.close()
    with ReleaseStore(store_path) as store:
        assert store.state(release_id).tags == ("theirs", "mine")


def test_doctor_keeps_the_tags_of_a_marks_file(store_path: Path) -> None:
    from store import doctor

    release_id = sample_releases()[0].id
    with ReleaseStore(store_path) as store:
        store.change_tags({release_id: {"climate": "climate"}})
    report = doctor.check(store_path)
    marks = [f for f in report.problems if f.file.endswith(".state")]
    assert marks == []


# -- queries and facets -----------------------------------------------------------------------


@pytest.mark.parametrize("indexed", [False, True])
def test_tag_query_matches_the_users_tags_and_the_releases_own(
    store_path: Path, indexed: bool
) -> None:
    releases = sample_releases()
    with ReleaseStore(store_path) as store:
        store.change_tags({releases[2].id: {"vaccines": "Vaccines"}})
        archive = Archive(store, use_catalogue=indexed)
        if indexed:
            archive.build_index()
        states = store.states()

        def found(text: str) -> set[str]:
            return {r.id for r in archive.search(parse_query(text + " "), states=states)}

        assert found("tag:vaccine") == {releases[2].id}
        assert found("tag:VACCINES") == {releases[2].id}
        assert found("-tag:vaccines") == {r.id for r in releases} - {releases[2].id}
        # The same query over no user state: nothing of the user's.
        assert {r.id for r in archive.search(parse_query("tag:vaccines "))} == set()
        facets = archive.facets(archive.search(parse_query("")), states=states)
        assert ("Vaccines", 1) in facets.tags


def test_a_tag_facet_counts_a_release_once_for_its_own_and_the_users_tag(tmp_path: Path) -> None:
    releases = sample_releases()
    tagged = releases[0].with_changes(tags=("climate",))
    path = write_store(tmp_path / "r.json", [tagged, *releases[1:]])
    with ReleaseStore(path) as store:
        store.change_tags({tagged.id: {"climate": "Climate"}, releases[1].id: {"climate": "x"}})
        store.change_tags({releases[1].id: {"climate": "climate"}})
        archive = Archive(store)
        archive.build_index()
        facets = archive.facets(archive.search(parse_query("")), states=store.states())
        assert dict(facets.tags)["Climate"] == 2


# -- the browser's marks ----------------------------------------------------------------------


def test_marks_lay_tag_changes_over_what_is_read_from_disk() -> None:
    marks = Marks({"a": ReleaseState(starred=True, tags=("old",))})
    assert marks.set_tag(["a", "b"], "new", True) == ["a", "b"]
    assert marks.set_tag(["a"], "NEW", True) == []  # already there, case ignored
    assert marks.tags("a") == ("old", "new")
    changes = marks.take_tag_changes()
    assert changes == {"a": {"new": "new"}, "b": {"new": "new"}}
    # Another process's write is read while ours is being saved: both show.
    marks.reload({"a": ReleaseState(starred=True, tags=("old", "theirs"))})
    assert marks.tags("a") == ("old", "theirs", "new")
    marks.tags_saved(changes)
    assert not marks.unsaved
    marks.set_tag(["b"], "new", False)
    failed = marks.take_tag_changes()
    marks.tags_not_saved(failed)
    assert marks.take_tag_changes() == {"b": {"new": None}}


# -- t and T ----------------------------------------------------------------------------------


async def test_t_adds_and_removes_a_tag_shown_in_the_row_and_the_pane(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        first = rows.current
        assert first is not None
        await pilot.press("t")
        assert isinstance(app.screen, TagEditor)
        await pilot.press(*"[b]x[/b], Climate", "enter")
        await settle(pilot)
        assert app.session.marks.tags(first.id) == ("[b]x[/b]", "Climate")
        await pilot.press("down", "d")  # the first tag listed (by name: "[b]x[/b]")
        await settle(pilot)
        assert app.session.marks.tags(first.id) == ("Climate",)
        await pilot.press("escape")
        await settle(pilot)
        screen = browse(app)
        row = "".join(text for text, _ in rows.row_pieces(first, 120)[1])
        assert "#Climate" in row
        pane = screen.query_one(DetailPane)
        assert any("Tags: Climate" in line for line in pane.lines)
        # tag: finds it, in the bar as in the store.
        await pilot.press("slash", *"tag:climat")
        await settle(pilot)
        assert [r.id for r in rows.rows] == [first.id]
    with ReleaseStore(store_path) as store:  # written at quit, at the latest
        assert store.state(first.id).tags == ("Climate",)


async def test_T_tags_every_release_of_the_result_after_asking(store_path: Path) -> None:
    app = PressroomApp(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"org:unoct ", "escape")
        await settle(pilot)
        ids = [r.id for r in app.screen.query_one(ReleaseList).rows]
        assert len(ids) > 1
        await pilot.press("T", *"sahel", "enter")
        assert isinstance(app.screen, Confirm)
        assert f"Tag {len(ids)} releases with 'sahel'?" in app.screen.question
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert all(app.session.marks.tags(i) == () for i in ids)
        await pilot.press(*"sahel", "enter")
        await pilot.press("y")
        await settle(pilot)
        assert all(app.session.marks.tags(i) == ("sahel",) for i in ids)
        others = set(app.session.archive.ids) - set(ids) if app.session.archive else set()
        assert all(app.session.marks.tags(i) == () for i in others)
        await pilot.press("escape")
        app.session.save_marks()
        await settle(pilot)
    with ReleaseStore(store_path) as store:
        assert {i for i, s in store.states().items() if s.tags} == set(ids)
