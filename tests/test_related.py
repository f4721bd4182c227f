"""Issue 11, item 6: related releases (contact, organisation and place, the same text) and folding."""

from __future__ import annotations

from pathlib import Path
from random import Random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import near_duplicates
from store.archive import Archive, SortOrder
from store.disk.release_store import ReleaseStore
from store.near_duplicates import (
    THRESHOLD,
    DuplicateGroups,
    duplicates_path,
    fold_duplicates,
    similarity,
    sketch,
)
from store.records import Contact, Release, Source, release_id
from store.related import SHOWN, RelatedIndex
from store.search.query import parse_query
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp
from tui.prefs import load_prefs
from tui.screens.reader import ReaderScreen
from tui.screens.related import RelatedPicker
from tui.widgets.detail_pane import DetailPane
from tui.widgets.release_list import ReleaseList

WIDE = (140, 40)

_WORDS = (
    "harbour council flood grant river school vaccine energy solar rail port "
    "budget health water minister agency report survey partners programme youth "
    "training coast storm research museum archive bridge tram housing farmers "
    "market export wind grid battery ferry clinic nurses teachers library"
)
_VOCABULARY = tuple(_WORDS.split())


def prose(seed: int, words: int = 220) -> str:
    """A body of *words* words that no other seed repeats (sentences of 8-14 words)."""
    rng = Random(seed)
    sentences = []
    count = 0
    while count < words:
        length = rng.randint(8, 14)
        sentence = " ".join(rng.choice(_VOCABULARY) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        count += length
    return " ".join(sentences)


QUOTED = (
    'RABAT, 12 June 2021 – "We will not let the harbour silt up again," said the minister\'s '
    "spokesperson. It's the council's third dredging programme in ten years. "
) + prose(1)


def release(
    name: str,
    body: str,
    *,
    date: str = "2021-06-12",
    title: str = "Heads of security meet",
    issuer: str | None = "UNOCT",
    location: str | None = "Rabat",
    contacts: tuple[Contact, ...] = (),
) -> Release:
    path = f"/archive/{name}.txt"
    return Release(
        id=release_id(path, None, ""),
        title=title,
        body=body,
        source=Source(path, "txt"),
        date=date,
        location=location,
        issuer=issuer,
        organisations=(issuer,) if issuer else (),
        contacts=contacts,
    )


# -- the same text --------------------------------------------------------------------


def _sketched(body: str) -> np.ndarray:
    found = sketch(body)
    assert found is not None
    return found


def test_curly_quotes_whitespace_and_case_are_the_same_text() -> None:
    curly = QUOTED.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’")
    assert curly != QUOTED
    spaced = "  ".join(curly.upper().split(" "))
    assert similarity(_sketched(QUOTED), _sketched(curly)) == 1.0
    assert similarity(_sketched(QUOTED), _sketched(spaced)) == 1.0


def test_a_correction_is_the_same_text_and_a_new_text_is_not() -> None:
    words = QUOTED.split()
    corrected = " ".join([*words[:100], "dredging", *words[101:]])
    assert similarity(_sketched(QUOTED), _sketched(corrected)) >= THRESHOLD
    assert similarity(_sketched(QUOTED), _sketched(prose(2))) < 0.2


def test_short_bodies_are_never_compared() -> None:
    assert sketch("See the link.") is None
    assert sketch("") is None


def test_reissued_corrected_and_retyped_copies_form_one_group_newest_first() -> None:
    words = QUOTED.split()
    releases = [
        release("first", QUOTED, date="2021-06-12"),
        release("other", prose(3), date="2021-06-13"),
        release("curly", QUOTED.replace('"', "“").replace("'", "’"), date="2021-06-14"),
        release(
            "corrected",
            " ".join([*words[:50], "harbours", *words[51:]]),
            date="2021-06-20",
            title="Heads of security meet (corrected)",
        ),
        release("unrelated", prose(4), date="2021-06-21"),
    ]
    store = ReleaseStore(None)
    store.add_batch(releases)
    archive = Archive(store)
    groups = archive.find_duplicates()
    assert [[archive.releases[p].date for p in members] for members in groups.members] == [
        ["2021-06-20", "2021-06-14", "2021-06-12"]
    ]
    assert archive.releases[groups.members[0][0]].title == "Heads of security meet (corrected)"


def test_unrelated_releases_are_never_grouped() -> None:
    bodies = [prose(seed) for seed in range(10, 70)]
    # Releases of one organisation that share an About paragraph and a contact block.
    about = " About the Coastal Alliance: " + prose(999, 60)
    bodies += [prose(seed, 200) + about for seed in range(100, 120)]
    store = ReleaseStore(None)
    store.add_batch([release(f"r{n}", body) for n, body in enumerate(bodies)])
    groups = Archive(store).find_duplicates()
    assert groups.members == ()


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=200),
)
def test_candidate_pairs_are_the_distinct_rows_in_order(rows: list[tuple[int, int]]) -> None:
    # The pairs are coded as integers and sorted (numpy sorts integers without the global
    # lock, which np.unique(axis=0) held for 1.4 s at 100k while the browser's keys waited):
    # the same distinct pairs, in the same order, as np.unique over the rows.
    first = np.array([a for a, _ in rows], dtype=np.int64)
    second = np.array([b for _, b in rows], dtype=np.int64)
    got = near_duplicates._distinct_pairs(first, second, 41)
    want = np.unique(np.stack([first, second], 1).reshape(-1, 2), axis=0)
    assert got.tolist() == want.tolist()


def test_a_translation_is_not_grouped() -> None:
    english = (
        "The council will open three new clinics offering primary care in French in Sudbury, "
        "Hawkesbury and the east of Toronto by spring 2026, the ministry announced today. "
    ) * 3
    french = (
        "Le conseil ouvrira trois nouvelles cliniques de soins primaires en français à Sudbury, "
        "Hawkesbury et dans l'est de Toronto d'ici le printemps 2026, a annoncé le ministère. "
    ) * 3
    assert similarity(_sketched(english), _sketched(french)) < 0.1


def _store_with_copies(tmp_path: Path) -> Path:
    return write_store(
        tmp_path / "releases.json",
        [
            release("first", QUOTED, date="2021-06-12"),
            release("curly", QUOTED.replace('"', "“"), date="2021-06-14"),
            *(release(f"r{n}", prose(n + 20), date=f"2021-05-{n + 1:02d}") for n in range(6)),
        ],
    )


def test_sketches_are_kept_beside_the_store_and_only_new_releases_are_sketched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _store_with_copies(tmp_path)
    first = Archive(ReleaseStore(db)).find_duplicates()
    assert len(first.members) == 1 and duplicates_path(db).is_file()
    with ReleaseStore(db) as store:
        store.add_batch([release("late", prose(77), date="2021-07-01")])
    sketched: list[str] = []
    real = near_duplicates.sketch

    def counting(body: str) -> np.ndarray | None:
        sketched.append(body)
        return real(body)

    monkeypatch.setattr(near_duplicates, "sketch", counting)
    again = Archive(ReleaseStore(db)).find_duplicates()
    assert sketched == [prose(77)]
    assert len(again.members) == 1 and len(again.members[0]) == 2


def test_the_groups_are_kept_with_the_sketches_and_found_again_only_when_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The grouping costs 1.6 s of CPU at 100k: an opening of the same archive takes the
    # groups kept beside it; groups kept with other settings, or malformed, are found again.
    db = _store_with_copies(tmp_path)
    first = Archive(ReleaseStore(db)).find_duplicates()
    grouped: list[int] = []
    real = near_duplicates.group_sketches

    def counting(sketches: np.ndarray, threshold: float = near_duplicates.THRESHOLD) -> object:
        grouped.append(len(sketches))
        return real(sketches, threshold)

    monkeypatch.setattr(near_duplicates, "group_sketches", counting)
    again = Archive(ReleaseStore(db)).find_duplicates()
    assert grouped == [] and again.members == first.members
    assert again.group.tolist() == first.group.tolist()

    fingerprints, matrix = near_duplicates.load_sketches(duplicates_path(db))
    assert matrix is not None
    other = near_duplicates.DuplicateGroups.of(len(matrix), ((0, 1, 2),))
    monkeypatch.setattr(near_duplicates, "_GROUPING", {"keys": 8, "threshold": 0.5})
    near_duplicates.save_sketches(duplicates_path(db), fingerprints, matrix, other)
    monkeypatch.setattr(near_duplicates, "_GROUPING", {"keys": 8, "threshold": 0.9})
    assert Archive(ReleaseStore(db)).find_duplicates().members == first.members
    assert grouped == [len(matrix)]  # other settings: found again, and kept anew
    assert Archive(ReleaseStore(db)).find_duplicates().members == first.members
    assert grouped == [len(matrix)]

    for members in (((0, 0),), ((1, 0),), ((0, 99),), ((0,),), ((0, 1), (1, 2))):
        malformed = near_duplicates.DuplicateGroups(first.group, members)
        near_duplicates.save_sketches(duplicates_path(db), fingerprints, matrix, malformed)
        assert Archive(ReleaseStore(db)).find_duplicates().members == first.members


def test_a_damaged_sketch_file_is_rebuilt_never_read(tmp_path: Path) -> None:
    db = _store_with_copies(tmp_path)
    expected = Archive(ReleaseStore(db)).find_duplicates()
    path = duplicates_path(db)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # inside a sketch: the header is intact
    path.write_bytes(bytes(data))
    assert near_duplicates.load_sketches(path) == ([], None)
    again = Archive(ReleaseStore(db)).find_duplicates()
    assert again.members == expected.members


# -- folding -----------------------------------------------------------------------------


def test_folding_keeps_the_newest_copy_in_the_result_order_with_its_count() -> None:
    group = np.full(10, -1, dtype=np.int32)
    group[[1, 4, 7]] = 0
    group[[2, 9]] = 1
    groups = DuplicateGroups(group, ((1, 4, 7), (2, 9)))
    # Another order than the archive's: the newest copy (smallest position) is kept.
    shown, copies, folded = fold_duplicates([7, 0, 4, 9, 3, 1, 2], groups)
    assert list(shown) == [0, 3, 1, 2]
    assert copies == {1: 3, 2: 2} and folded == 3
    # Only the copies in the result count; a copy alone is not folded.
    shown, copies, folded = fold_duplicates(range(0, 5), groups)
    assert list(shown) == [0, 1, 2, 3] and copies == {1: 2} and folded == 1
    assert fold_duplicates([0, 3, 5], groups) == ([0, 3, 5], {}, 0)


def test_search_folds_copies_and_says_how_many() -> None:
    store = ReleaseStore(None)
    store.add_batch(
        [
            release("first", QUOTED, date="2021-06-12"),
            release("curly", QUOTED.replace('"', "“"), date="2021-06-14"),
            release("other", prose(5), date="2021-06-13"),
        ]
    )
    archive = Archive(store)
    everything = parse_query("")
    assert len(archive.search(everything, fold=True)) == 3  # nothing known to fold yet
    archive.find_duplicates()
    folded = archive.search(everything, SortOrder(), fold=True)
    assert [r.date for r in folded] == ["2021-06-14", "2021-06-13"]
    assert folded.folded == 1 and folded.copies_at(0) == 2 and folded.copies_at(1) == 1
    assert folded.matched == 3 and len(folded.unfolded()) == 3
    assert len(archive.search(everything, fold=False)) == 3
    oldest_first = archive.search(everything, SortOrder("date", descending=False), fold=True)
    assert [r.date for r in oldest_first] == ["2021-06-13", "2021-06-14"]


# -- related by contact, organisation and place ----------------------------------------


def _index(releases: list[Release], groups: DuplicateGroups | None = None) -> RelatedIndex:
    ordered = sorted(releases, key=lambda r: r.date or "", reverse=True)
    return RelatedIndex(
        [r.id for r in ordered],
        [r.title for r in ordered],
        [r.date for r in ordered],
        [r.location for r in ordered],
        [r.organisations for r in ordered],
        [r.issuer for r in ordered],
        [r.contacts for r in ordered],
        groups,
    )


LAURA = Contact(name="Laura Gérard", email="GerardL@un.org")
LAURA_AGAIN = Contact(name="L. Gérard", email="gerardl@un.org")
BEN = Contact(name="Ben  Kim")
BEN_AGAIN = Contact(name="ben kim", role="Spokesperson")


def test_the_same_contact_by_email_else_by_name_newest_first() -> None:
    releases = [
        release("a", prose(1), date="2021-01-01", contacts=(LAURA,), issuer="A"),
        release("b", prose(2), date="2021-02-01", contacts=(LAURA_AGAIN,), issuer="B"),
        release("c", prose(3), date="2021-03-01", contacts=(BEN,), issuer="C"),
        release("d", prose(4), date="2021-04-01", contacts=(BEN_AGAIN,), issuer="D"),
        release("e", prose(5), date="2021-05-01", contacts=(LAURA,), issuer="E"),
    ]
    index = _index(releases)
    related = index.related(releases[0].id)
    assert related is not None
    [group] = related.groups
    assert group.kind == "contact" and group.label == "GerardL@un.org"
    assert [e.date for e in group.entries] == ["2021-05-01", "2021-02-01"] and group.total == 2
    [by_name] = index.related(releases[2].id).groups  # type: ignore[union-attr]
    assert [e.date for e in by_name.entries] == ["2021-04-01"]
    assert index.related("not-an-id") is None


def test_the_same_organisation_and_place_then_its_other_places_with_counts() -> None:
    releases = [
        release(f"rabat{n}", prose(n), date=f"2021-0{n}-01", issuer="UNOCT", location="Rabat")
        for n in range(1, 9)
    ]
    releases.append(release("ny", prose(20), date="2021-09-09", location="New York"))
    releases.append(release("other", prose(21), date="2021-09-10", issuer="WHO"))
    index = _index(releases)
    related = index.related(releases[0].id)
    assert related is not None
    place, elsewhere = related.groups
    assert (place.kind, place.label, place.total) == ("organisation", "UNOCT · Rabat", 7)
    assert len(place.entries) == SHOWN
    assert [e.date for e in place.entries] == [f"2021-0{n}-01" for n in range(8, 3, -1)]
    assert (elsewhere.kind, elsewhere.total) == ("elsewhere", 1)
    assert [e.date for e in elsewhere.entries] == ["2021-09-09"]
    numbered = related.entries()
    assert len(numbered) == SHOWN + 1


def test_copies_are_listed_once_under_the_same_text() -> None:
    releases = [
        release("first", QUOTED, date="2021-06-12", contacts=(LAURA,)),
        release("curly", QUOTED.replace('"', "“"), date="2021-06-14", contacts=(LAURA,)),
        release("third", prose(6), date="2021-06-01", contacts=(LAURA,)),
    ]
    store = ReleaseStore(None)
    store.add_batch(releases)
    archive = Archive(store)
    archive.related()
    archive.find_duplicates()
    index = archive.built_related()
    assert index is not None and index.duplicates is not None
    related = index.related(releases[0].id)
    assert related is not None
    kinds = {g.kind: [e.release_id for e in g.entries] for g in related.groups}
    assert kinds["duplicates"] == [releases[1].id]
    assert kinds["contact"] == [releases[2].id]
    assert kinds["organisation"] == [releases[2].id]


# -- in the browser ------------------------------------------------------------------


def _browser_store(tmp_path: Path) -> tuple[Path, list[Release]]:
    releases = [
        release("first", QUOTED, date="2021-06-12", contacts=(LAURA,)),
        release("curly", QUOTED.replace('"', "“"), date="2021-06-14", contacts=(LAURA,)),
        release("older", prose(8), date="2021-05-01", title="Older news", contacts=(LAURA,)),
        release("who", prose(9), date="2021-04-01", title="WHO news", issuer="WHO"),
    ]
    return write_store(tmp_path / "releases.json", releases), releases


async def test_the_pane_lists_related_releases_and_x_opens_one(tmp_path: Path) -> None:
    db, releases = _browser_store(tmp_path)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        rows = screen.query_one(ReleaseList)
        assert [r.title for r in rows.rows][:1] == ["Heads of security meet"]
        pane = screen.query_one(DetailPane)
        lines = pane.lines
        start = lines.index("Related  x opens one")
        assert lines[start + 1 :] == [
            "  The same text, issued again · 1 release",
            "   1. 2021-06-12  Heads of security meet",
            "  Same contact: GerardL@un.org · 1 release",
            "   2. 2021-05-01  Older news",
            "  Same organisation and place: UNOCT · Rabat · 1 release",
            "   3. 2021-05-01  Older news",
        ]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RelatedPicker)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.release.title == "Older news"
        assert app.session.marks.state(releases[2].id).read
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_x_with_nothing_related_says_so(tmp_path: Path) -> None:
    db, _ = _browser_store(tmp_path)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("G", "x")
        await pilot.pause()
        assert app.screen is browse(app)
        assert [n.message for n in app._notifications][-1].startswith("No related releases")


async def test_z_unfolds_and_folds_copies_and_remembers_it(tmp_path: Path) -> None:
    db, _ = _browser_store(tmp_path)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        count = screen.query_one("#count")
        assert len(screen.query_one(ReleaseList).rows) == 3
        assert str(count.render()).startswith("4 of 4, 1 folded")
        await pilot.press("z")
        await settle(pilot)
        assert len(screen.query_one(ReleaseList).rows) == 4
        assert str(count.render()).startswith("4 of 4  ·")
    assert load_prefs(db).fold is False
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert len(browse(app).query_one(ReleaseList).rows) == 4
        await pilot.press("z")
        await settle(pilot)
        assert len(browse(app).query_one(ReleaseList).rows) == 3
    assert load_prefs(db).fold is True


async def test_a_marks_the_copies_folded_into_a_row_read_too(tmp_path: Path) -> None:
    db, releases = _browser_store(tmp_path)
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert len(browse(app).query_one(ReleaseList).rows) == 3
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert all(app.session.marks.state(r.id).read for r in releases)
