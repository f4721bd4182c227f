"""The browser's model: order, sorting, the timeline, facets, marks and cancellable searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.archive import Archive, Refreshed, SortOrder
from store.disk.release_store import ReleaseState, ReleaseStore
from store.search.index import SearchCancelled
from store.search.query import parse_query
from tests.helpers.browser_data import sample_releases, write_store
from tests.helpers.synthetic import generate


@pytest.fixture(params=[True, False], ids=["catalogue", "in-memory"])
def archive(tmp_path: Path, request: pytest.FixtureRequest) -> Archive:
    path = write_store(tmp_path / "s.json")
    if request.param:
        opened = Archive(ReleaseStore(path, defer_load=True))
        assert opened.catalogued
        return opened
    return Archive(ReleaseStore(path), use_catalogue=False)


def test_releases_come_newest_first_and_sort_every_way(archive: Archive) -> None:
    dates = [r.date for r in archive.releases]
    assert dates == sorted(dates, reverse=True)
    everything = parse_query("")
    by_title = [r.title for r in archive.search(everything, SortOrder("title", False))]
    assert by_title == sorted(by_title, key=lambda t: t.casefold())
    assert [r.title for r in archive.search(everything, SortOrder("title", True))] == by_title[::-1]
    oldest_first = [r.date for r in archive.search(everything, SortOrder("date", False))]
    assert oldest_first == sorted(oldest_first)
    places = [r.location for r in archive.search(everything, SortOrder("place", False))]
    assert places == sorted(places, key=lambda p: (p or "").casefold())


def test_index_and_scan_agree(archive: Archive) -> None:
    queries = ["programme", "org:unoct", '"three years"', "-cholera harbour", "date:2024", "prog"]
    scanned = {q: [r.id for r in archive.search(parse_query(q))] for q in queries}
    archive.build_index()
    assert archive.index is not None
    for q in queries:
        assert [r.id for r in archive.search(parse_query(q))] == scanned[q], q


def test_timeline_counts_every_month_of_the_span(archive: Archive) -> None:
    months = archive.search(parse_query("org:unoct")).months()
    assert months == [("2021-06", 2)]
    span = archive.search(parse_query("")).months()
    assert span[0][0] == "2021-06" and span[-1][0] == "2025-10"
    assert sum(count for _, count in span) == 8
    assert len(span) == (2025 - 2021) * 12 + (10 - 6) + 1


def test_facets_count_organisations_places_and_years(archive: Archive) -> None:
    facets = archive.facets(archive.search(parse_query("")))
    assert ("United Nations Office of Counter-Terrorism (UNOCT)", 2) in facets.organisations
    assert facets.years[0] == ("2025", 1)
    assert sum(n for _, n in facets.places) == 8


def test_marks_are_written_field_by_field(tmp_path: Path) -> None:
    path = write_store(tmp_path / "s.json")
    archive = Archive(ReleaseStore(path))
    first, second = archive.releases[0].id, archive.releases[1].id
    with ReleaseStore(path) as other:
        other.set_read([first], True)  # another process read it
    archive.write_marks(read={second: True}, starred={first: True})
    with ReleaseStore(path) as store:
        assert store.state(first) == ReleaseState(read=True, starred=True)
        assert store.state(second) == ReleaseState(read=True, starred=False)
    assert archive.read_marks()[first] == ReleaseState(read=True, starred=True)


def test_is_queries_look_at_the_marks_given(tmp_path: Path) -> None:
    archive = Archive(ReleaseStore(write_store(tmp_path / "s.json")))
    first = archive.releases[0].id
    marks = {first: ReleaseState(read=True, starred=True)}
    for indexed in (False, True):
        if indexed:
            archive.build_index()
        assert [r.id for r in archive.search(parse_query("is:starred"), states=marks)] == [first]
        assert len(archive.search(parse_query("is:starred"))) == 0  # no marks given
        unread = archive.search(parse_query("is:unread"), states=marks)
        assert first not in [r.id for r in unread] and len(unread) == len(archive) - 1


def test_a_search_the_user_typed_past_stops(tmp_path: Path) -> None:
    archive = Archive(ReleaseStore(write_store(tmp_path / "s.json", list(generate(600, seed=4)))))
    with pytest.raises(SearchCancelled):
        archive.search(parse_query("the"), should_stop=lambda: True)  # scanning
    archive.build_index()
    # A phrase of three common words is verified release by release: that loop stops too.
    with pytest.raises(SearchCancelled):
        archive.search(parse_query('"of the p'), should_stop=lambda: True)
    assert len(archive.search(parse_query('"of the p'), should_stop=lambda: False)) >= 0


def test_reload_takes_another_process_writes(tmp_path: Path) -> None:
    path = write_store(tmp_path / "s.json")
    archive = Archive(ReleaseStore(path))
    with ReleaseStore(path) as other:
        other.add_batch([sample_releases()[0].with_changes(id="00000000000000ab", title="Late")])
    assert archive.refresh()
    assert "Late" in [r.title for r in archive.releases]
    assert not archive.refresh()


def test_a_catalogued_archive_notices_another_process_writes(tmp_path: Path) -> None:
    path = write_store(tmp_path / "s.json")
    archive = Archive(ReleaseStore(path, defer_load=True))
    assert archive.catalogued
    first = archive.releases[0].id
    with ReleaseStore(path) as other:
        other.set_starred([first])
    assert archive.refresh() == Refreshed(releases=False, marks=True)
    assert archive.read_marks()[first].starred
    with ReleaseStore(path) as other:
        other.add_batch([sample_releases()[0].with_changes(id="00000000000000ab", title="Late")])
    assert archive.refresh().releases
    assert "Late" in [r.title for r in archive.releases]
    assert archive.catalogued
    assert not archive.refresh()


@pytest.mark.parametrize("catalogued", [True, False], ids=["catalogue", "in-memory"])
def test_facets_count_issuers_apart_from_organisations(tmp_path: Path, catalogued: bool) -> None:
    releases = sample_releases()
    issuers = ["UNOCT", "UNOCT", "Acme Corp"] + [None] * (len(releases) - 3)
    releases = [r.with_changes(issuer=i) for r, i in zip(releases, issuers, strict=True)]
    path = write_store(tmp_path / "s.json", releases)
    if catalogued:
        archive = Archive(ReleaseStore(path, defer_load=True))
        assert archive.catalogued
    else:
        archive = Archive(ReleaseStore(path), use_catalogue=False)
    facets = archive.facets(archive.search(parse_query("")))
    assert facets.issuers == (("UNOCT", 2), ("Acme Corp", 1))
    for built in (False, True):  # the plain scan, then the index
        if built:
            archive.build_index()
        narrowed = archive.search(parse_query("issuer:acme"))
        assert archive.facets(narrowed).issuers == (("Acme Corp", 1),)
