"""Background builds that step aside for typing: looked at every few items, the contact
column parsed in slices, and the browser's builds handed a look that waits out a burst of keys."""

from __future__ import annotations

import asyncio
import gc
import weakref
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import collector as collector_module
from store.archive import Archive
from store.contacts import ContactDirectory, _Sighting
from store.disk import contact_column
from store.disk.catalogue import open_catalogue
from store.disk.contact_column import parsed_in_slices
from store.disk.release_store import ReleaseStore
from store.give_way import BuildStopped, handed_over, looked_at
from store.related import RelatedIndex
from tests.helpers.app_session import settle
from tests.helpers.browser_data import write_store
from tests.helpers.synthetic import generate
from tui.app import PressroomApp


def test_looked_at_asks_before_the_first_item_and_every_n_after() -> None:
    asked: list[int] = []
    seen: list[int] = []

    def should_stop() -> bool:
        asked.append(len(seen))
        return False

    for item in looked_at(range(10), should_stop, every=4):
        seen.append(item)
    assert seen == list(range(10))
    assert asked == [0, 4, 8]
    assert list(looked_at(range(3), None)) == [0, 1, 2]


def test_looked_at_ends_the_build_where_it_stands() -> None:
    seen: list[int] = []
    with pytest.raises(BuildStopped):
        for item in looked_at(range(10), lambda: len(seen) >= 4, every=2):
            seen.append(item)
    assert seen == [0, 1, 2, 3]


class _Item:
    """Something a weak reference can follow."""


def test_handed_over_lets_each_item_go_as_it_is_given() -> None:
    items = [_Item() for _ in range(6)]
    alive = [weakref.ref(item) for item in items]
    for n, item in enumerate(handed_over(items)):
        assert item is alive[n]()
        # The ones given before are gone (the list let go of them, and so did this
        # loop); the ones after are still the list's.
        assert all(ref() is None for ref in alive[:n])
        assert all(ref() is not None for ref in alive[n:])
    del item
    assert items == []
    assert all(ref() is None for ref in alive)


# -- the catalogue's contact column, a slice at a time --------------------------------------

_TEXT = st.one_of(
    st.none(),
    # Quotes, backslashes, brackets and commas inside strings, control characters
    # (escaped by orjson), and text beyond ASCII: what could fool a cut between blocks.
    st.text(alphabet=st.sampled_from('ab"\\[],\n\t\x00é€😀 '), max_size=8),
    st.text(max_size=6),
)
_BLOCKS = st.lists(st.lists(st.lists(_TEXT, min_size=5, max_size=5), max_size=3), max_size=40)


@settings(max_examples=300, deadline=None)
@given(blocks=_BLOCKS, per=st.integers(min_value=1, max_value=7))
def test_the_contact_column_in_slices_is_the_column_parsed_whole(
    blocks: list[list[list[str | None]]], per: int
) -> None:
    column = orjson.dumps(blocks)
    slices = list(parsed_in_slices(column, per))
    assert [block for part in slices for block in part] == orjson.loads(column)
    assert all(1 <= len(part) <= per for part in slices)
    assert list(parsed_in_slices(memoryview(column), per)) == slices


@pytest.mark.parametrize(
    "column",
    [
        b'[[["a",null,null,null,null]], [] ]',  # spaces: not orjson's own shape
        b"[[[1,null,null,null,null]],[]]",  # a number where a string is
        b'[[],[[ "x",null,null,null,null]],[]]',
        b"[[],[]",  # cut short
    ],
)
def test_a_column_not_in_orjsons_shape_is_read_as_orjson_reads_it(column: bytes) -> None:
    try:
        whole = orjson.loads(column)
    except orjson.JSONDecodeError:
        with pytest.raises(orjson.JSONDecodeError):
            [block for part in parsed_in_slices(column, 1) for block in part]
        return
    assert [block for part in parsed_in_slices(column, 1) for block in part] == whole


def test_the_catalogue_asks_between_slices_of_its_contact_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = open_catalogue(write_store(tmp_path / "releases.json", list(generate(30, seed=3))))
    whole = catalogue.contact_blocks()
    monkeypatch.setattr(contact_column, "SLICE", 4)
    monkeypatch.setattr(contact_column.parsed_in_slices, "__defaults__", (4,))
    asked: list[int] = []

    def go_on() -> bool:
        asked.append(1)
        return False

    assert catalogue.contact_blocks(go_on) == whole
    assert len(asked) == -(-30 // 4)  # once before each slice
    with pytest.raises(BuildStopped):
        catalogue.contact_blocks(lambda: True)


def test_the_related_index_build_stops_when_told_and_is_the_same_when_not() -> None:
    releases = list(generate(40, seed=5))
    columns = (
        [r.id for r in releases],
        [r.title for r in releases],
        [r.date for r in releases],
        [r.location for r in releases],
        [r.organisations for r in releases],
        [r.issuer for r in releases],
        [r.contacts for r in releases],
    )
    plain = RelatedIndex(*columns)
    asked: list[int] = []

    def go_on() -> bool:
        asked.append(1)
        return False

    looked = RelatedIndex(*columns, None, go_on)
    assert asked
    for release in releases:
        assert looked.related(release.id) == plain.related(release.id)
    with pytest.raises(BuildStopped):
        RelatedIndex(*columns, None, lambda: True)


def test_a_directory_build_asks_through_every_stretch_of_its_work() -> None:
    # Not only while it reads the blocks: the desks before and the entries after are
    # a third of its seconds at 100k, and a key typed then waited for all of them.
    releases = list(generate(600, seed=8))
    blocks = [(r.id, r.date, r.contacts) for r in releases]
    asked: list[int] = []

    def go_on() -> bool:
        asked.append(1)
        return False

    directory = ContactDirectory.build_from(blocks, go_on)
    # The desks' pass and the sightings' pass over 600 blocks, then the entries 16 at a time.
    assert len(asked) == 3 + 3 + -(-len(directory.entries) // 16)


def test_a_directory_build_frees_each_group_of_sightings_as_its_entry_is_made() -> None:
    # Left to the end, freeing every sighting at once as the build returned held the
    # interpreter's lock 150-500 ms at 100k (the stall a key met as the build ended).
    releases = list(generate(400, seed=3))
    blocks = [(r.id, r.date, r.contacts) for r in releases]
    live: list[int] = []

    def count_sightings() -> bool:
        live.append(sum(1 for o in gc.get_objects() if type(o) is _Sighting))
        return False

    ContactDirectory.build_from(blocks, count_sightings)
    sightings = max(live)
    assert sightings > 100
    # At the last look, in the entries' pass, no more than the last 16 groups are left.
    assert live[-1] < sightings / 4, live


def test_the_related_index_is_the_last_to_read_the_directorys_blocks_and_lets_them_go(
    tmp_path: Path,
) -> None:
    archive = Archive(ReleaseStore(write_store(tmp_path / "releases.json"), defer_load=True))
    assert archive.catalogued
    archive.contacts()
    kept = archive._snapshot.blocks[0]
    assert kept
    archive.related()
    # Read one by one and let go of as they were read, not all freed when related() returned.
    assert kept == []


# -- the browser's builds after the index ---------------------------------------------------


async def test_the_browsers_builds_after_the_index_wait_out_typing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The directory and the related releases are built beside the keys: each is handed a
    # look that waits while the user types (the pause collector's), not one that only
    # says whether the browser quit. Before, they ran on and took half the lock.
    handed: dict[str, object] = {}
    contacts, related = Archive.contacts, Archive.related

    def traced_contacts(self: Archive, should_stop: object = None) -> object:
        handed["contacts"] = should_stop
        return contacts(self, should_stop)  # type: ignore[arg-type]

    def traced_related(self: Archive, should_stop: object = None) -> object:
        handed["related"] = should_stop
        return related(self, should_stop)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "contacts", traced_contacts)
    monkeypatch.setattr(Archive, "related", traced_related)
    waits: list[float] = []
    wait_for_pause = collector_module.PauseCollector.wait_for_pause

    def traced_wait(self: collector_module.PauseCollector, *args: object, **kw: object) -> bool:
        waits.append(1)
        return wait_for_pause(self, *args, **kw)  # type: ignore[arg-type]

    app = PressroomApp(write_store(tmp_path / "releases.json"))
    async with app.run_test() as pilot:
        await settle(pilot)
        monkeypatch.setattr(collector_module.PauseCollector, "wait_for_pause", traced_wait)
        for name in ("contacts", "related"):
            look = handed[name]
            assert callable(look)
            waits.clear()
            assert look() is False
            assert waits, f"the {name} build's look does not wait out typing"


async def test_a_paste_is_typing_for_the_builds_that_give_way(tmp_path: Path) -> None:
    from textual import events

    app = PressroomApp(write_store(tmp_path / "releases.json"))
    async with app.run_test() as pilot:
        await settle(pilot)
        collector = app.session.collector
        collector._last_key = 0.0  # long ago: the builds would go on
        app.post_message(events.Paste("harbour"))
        await pilot.pause()
        assert collector._last_key > 0.0


async def test_the_browsers_builds_are_frozen_before_the_collector_runs_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every object a build makes while the collector is paused waits in its young
    # generation: the first young pass after the block walked them all (80-190 ms at 100k,
    # holding the lock against the next key). Frozen inside the block, there is nothing left.
    import tui.session

    frozen_while_paused: list[bool] = []
    freeze = tui.session.freeze_survivors

    def traced_freeze() -> None:
        frozen_while_paused.append(collector_module._is_paused())
        freeze()

    monkeypatch.setattr(tui.session, "freeze_survivors", traced_freeze)
    app = PressroomApp(write_store(tmp_path / "releases.json"))
    async with app.run_test() as pilot:
        await settle(pilot)
        archive = app.session.archive
        assert isinstance(archive, Archive)
        for _ in range(200):
            if archive.built_related() is not None:
                break
            await asyncio.sleep(0.05)
        assert archive.built_related() is not None
        await settle(pilot)
    # After the index (nothing paused then), after the directory, after the related releases.
    assert frozen_while_paused == [False, True, True]


@pytest.mark.parametrize("leave_builds", [True, False])
async def test_a_build_that_finds_the_browser_closed_stops_where_it_stands_when_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leave_builds: bool
) -> None:
    # `pressroom` ends its process with the app (tui.runtime.leaving): a build that then
    # unwound freed what it had built, and the collector walked it, holding the lock
    # against the exit. There it parks instead; in one process of many apps it unwinds.
    import tui.session

    handed: dict[str, object] = {}
    contacts = Archive.contacts

    def traced_contacts(self: Archive, should_stop: object = None) -> object:
        handed["contacts"] = should_stop
        return contacts(self, should_stop)  # type: ignore[arg-type]

    class Parked(Exception):
        pass

    def fake_park() -> None:
        raise Parked

    monkeypatch.setattr(Archive, "contacts", traced_contacts)
    monkeypatch.setattr(tui.session, "park", fake_park)
    app = PressroomApp(write_store(tmp_path / "releases.json"), leave_builds=leave_builds)
    async with app.run_test() as pilot:
        await settle(pilot)
        look = handed["contacts"]
        assert callable(look)
        assert look() is False  # open: the build goes on
    if leave_builds:
        with pytest.raises(Parked):
            look()
    else:
        assert look() is True  # closed: the build raises BuildStopped and unwinds
