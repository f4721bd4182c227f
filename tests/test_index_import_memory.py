"""What an import's index builder holds per release, and what its end holds: small, and the
index the same."""

from __future__ import annotations

import random
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseState, ReleaseStore
from store.ingest import run
from store.ingest.run import import_paths
from store.records import Release
from store.search.index import IndexBuilder, SearchIndex, _date_columns, _Ids, release_tokens
from store.search.mapped import Bitmap, pieces
from store.search.query import parse_query
from tests.helpers.synthetic import generate


def test_ids_are_kept_in_one_buffer_and_read_back_as_they_were() -> None:
    ids = _Ids()
    given = ["a79d59216a8b8128", "", "é-ü-中", "lone \ud800 surrogate", "x" * 300]
    for value in given:
        ids.append(value)
    assert len(ids) == len(given)
    assert list(ids) == given
    assert [ids[n] for n in range(len(given))] == given
    assert ids[-1] == given[-1] and ids[1:3] == given[1:3]
    with pytest.raises(IndexError):
        ids[len(given)]
    # About 24 bytes an id of 16 characters (a list of str: about 75).
    many = _Ids()
    for n in range(10_000):
        many.append(f"{n:016x}")
    held = sys.getsizeof(many._data) + sys.getsizeof(many._ends)
    assert held < 30 * 10_000


def test_dates_are_ordered_as_the_sorted_pairs_were() -> None:
    rng = random.Random(5)
    for size in (0, 1, 7, 500):
        ordinals = array(
            "I", [rng.choice([0, 0, 738000, 738001, rng.randint(1, 800_000)]) for _ in range(size)]
        )
        dated = sorted((o, p) for p, o in enumerate(ordinals) if o)
        order, dates = _date_columns(ordinals)
        assert list(order) == [p for _, p in dated]
        assert list(dates) == [o for o, _ in dated]


def test_a_builder_forgets_where_settled_releases_were() -> None:
    """A drop is only ever of a release of the batch being written: once a batch is
    written (settle), the builder no longer keeps where its releases were."""
    releases = list(generate(6, seed=3))
    builder = IndexBuilder()
    for release in releases[:4]:
        builder.add(release)
    builder.settle()
    assert builder._positions == {}
    # The same release read again in the next batch, then found known: that one goes.
    builder.add(releases[1])
    builder.add(releases[4])
    builder.drop(releases[1])
    assert builder.dropped == {4}
    builder.drop(releases[0])  # settled: stored as read, never dropped now
    assert builder.dropped == {4}
    assert len(builder) == 5


def test_an_import_keeps_no_more_than_a_batch_for_its_drops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a real import in batches of 5: the builder's table for drops never holds
    more than the batch not yet written, and a copy found in a later batch is still left
    out of the index."""
    monkeypatch.setattr(run, "MIN_BATCH", 5)
    monkeypatch.setattr(run, "MAX_BATCH", 5)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):
        (folder / f"r{n:03}.md").write_text(
            f"# Harbour notice {n}\n\nGENEVA, 3 March 2024 - The board, notice {n}.\n",
            encoding="utf-8",
        )
    (folder / "r999.md").write_text((folder / "r002.md").read_text(encoding="utf-8"))
    builder = IndexBuilder(tmp_path)
    held: list[int] = []
    settle = IndexBuilder.settle

    def watched(self: IndexBuilder) -> None:
        held.append(sum(map(len, self._positions.values())))
        settle(self)

    monkeypatch.setattr(IndexBuilder, "settle", watched)
    with ReleaseStore(tmp_path / "db" / "releases.json") as store:
        summary = import_paths(store, [str(folder)], workers=1, index=builder)
    assert summary.imported == 30 and summary.known == 1
    assert held and max(held) <= 5 and builder._positions == {}
    assert len(builder) == 30 and len(builder.dropped) == 1


def _searches(index: SearchIndex, releases: Sequence[Release]) -> list[list[int]]:
    fresh = SearchIndex.build(releases)
    states = {releases[3].id: ReleaseState(starred=True, tags=("harbour",))}
    found = []
    for text in ("the", "is:starred", "tag:harbour", "date:2021", '"minister said"'):
        query = parse_query(text)
        assert index.search(query, states) == fresh.search(query, states), text
        found.append(index.search(query, states))
    return found


def test_an_index_only_written_makes_no_table_of_its_ids(tmp_path: Path) -> None:
    """An import's index is written for the browser, not searched: the table of each id's
    positions (a list a release) is not made for it; asked for, it is made then."""
    releases = list(generate(200, seed=9))
    builder = IndexBuilder(tmp_path)
    for release in releases:
        builder.add(release, release_tokens(release))
    index = builder.finish(releases, scratch=tmp_path, written_only=True)
    assert index._by_id is None
    _searches(index, releases)
    assert index._by_id is not None
    # An index to be searched makes it as it is made (off the UI thread).
    assert SearchIndex.build(releases[:10])._by_id is not None


def test_bitmaps_are_made_into_bytes_only_as_they_are_written() -> None:
    """An index's bitmaps (1 bit a release, thousands of them) are not all copied into
    bytes before the first is written: the parts hold them as they are."""
    releases = list(generate(300, seed=12))
    index = SearchIndex.build(releases, prefix_threshold=50)
    parts = index.to_parts()
    bitmaps = [part for part in parts if isinstance(part, Bitmap)]
    count = len(index._dense) + len(index._prefixes) + len(index._pairs.dense)
    assert count > 0 and len(bitmaps) == count
    nbytes = (index.size + 7) // 8
    assert not any(isinstance(p, bytes) and len(p) == nbytes for p in parts[3:])
    data = b"".join(pieces(parts))
    assert data == index.to_bytes()
    # Each written as the little-endian bytes of its int, in its place.
    assert bitmaps[0].value.to_bytes(nbytes, "little") in data


def test_where_each_release_added_is_found_as_one_array() -> None:
    """Where an import's releases are in the archive: -1 for one dropped, -2 for one not
    stored, as one array (a list and the table of ids were 100 bytes a release)."""
    from store.search.index_file import _added_places

    releases = list(generate(5, seed=4))
    builder = IndexBuilder()
    for release in releases:
        builder.add(release)
    builder.drop(releases[1])
    archive_ids = [releases[4].id, releases[0].id, releases[2].id]
    found = _added_places(builder, archive_ids)
    assert found.dtype.kind == "i" and found.tolist() == [1, -1, 2, -2, 0]


@pytest.mark.parametrize("count", [0, 1, 4096, 4097, 9000])
def test_the_keys_are_written_a_few_thousand_at_a_time_and_the_same(count: int) -> None:
    """The ids and fingerprints an index was built over are written a few thousand at a
    time (made whole, 200 bytes a release held while the index is written), as the same
    bytes as the JSON of both lists at once."""
    import orjson

    from store.search.index_file import _keys_json
    from store.search.mapped import Made, part_size

    ids = [f"{n:016x}é" for n in range(count)]
    fingerprints = [f"{n * 7:032x}" for n in range(count)]
    made = _keys_json(ids, fingerprints)
    assert isinstance(made, Made)
    whole = orjson.dumps([ids, fingerprints])
    assert b"".join(pieces([made])) == whole and part_size(made) == len(whole)
    assert max(len(piece) for piece in pieces([made])) < 200_000
    # An id that is not valid Unicode: the index is kept, with no keys to grow it by.
    assert _keys_json(["lone \ud800", *ids], ["x", *fingerprints]) == b"[[],[]]"


def test_a_store_let_go_holds_nothing_and_answers_as_before(tmp_path: Path) -> None:
    releases = list(generate(12, seed=8))
    store = ReleaseStore(tmp_path / "releases.json")
    store.add_batch(releases[:8])
    assert store._file is not None and store._file.loaded
    ids = [r.id for r in store.releases()]
    store.let_go()
    assert not store._file.loaded and store._release_list is None
    assert store._fingerprints is None
    assert [r.id for r in store.releases()] == ids
    assert releases[2].fingerprint in store.fingerprints()
    store.let_go()
    assert store.add_batch(releases[6:10]) == ["known", "known", "imported", "imported"]
    store.close()
    with ReleaseStore(tmp_path / "releases.json") as again:
        assert len(again) == 10


def test_the_import_command_lets_the_store_go_before_the_index_is_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's tables (about 250 bytes a release, its fingerprints' table as many
    again) are not held while the catalogue is made and the index finished."""
    import orjson

    from store.archive import Archive
    from tui.cli.main import main

    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in generate(30, seed=4)))
    held: list[bool] = []
    build_index = Archive.build_index

    def watched(self: Archive, **options: object) -> None:
        assert self.store._file is not None
        held.append(self.store._file.loaded)
        build_index(self, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "build_index", watched)
    db = tmp_path / "releases.json"
    assert main(["import", str(source), "--db", str(db)]) == 0
    assert held == [False]
    with ReleaseStore(db) as store:
        archive = Archive(store)
        archive.build_index(cached_only=True)
        assert archive.index is not None and len(archive.ids) == 30


def test_an_index_written_for_the_next_opening_leaves_the_catalogue_unparsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import's index (written, not kept) reads the catalogue's ids and fingerprints
    once, packed: no column is parsed whole and held through the finish, and the file
    written is the one an index built for the browser gives."""
    import orjson

    from store.archive import Archive
    from store.disk import catalogue_columns
    from store.search import index_file

    monkeypatch.setattr(catalogue_columns, "CHUNK", 8)
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in generate(40, seed=2)))
    written = []
    for name, keep in (("kept", True), ("written", False)):
        path = tmp_path / name / "releases.json"
        path.parent.mkdir()
        with ReleaseStore(path) as store:
            added = IndexBuilder(path.parent)
            import_paths(store, [str(source)], index=added, workers=1)
            archive = Archive(store)
            archive.build_index(added=added, keep=keep)
            columns = archive._snapshot.catalogue._columns  # type: ignore[union-attr]
            parsed = {n for n, c in columns.items() if c._rows is not None or c._chunks}
            assert parsed == (set(columns) if keep else set()), name
        written.append(index_file.cache_path(path).read_bytes())
    assert written[0] == written[1]
    # Each chunk read and let go: the rows are the ones the whole column gives.
    with ReleaseStore(path) as store:
        catalogue = Archive(store)._snapshot.catalogue
        assert catalogue is not None
        assert list(catalogue.each("fingerprints")) == catalogue.fingerprints
        assert list(catalogue.each("ids")) == catalogue.ids
