"""The search index cached beside the store is used only while it matches the store exactly."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from store.search import index_file as index_cache
from store.search.index import IndexBuilder, SearchIndex
from store.search.query import parse_query
from tests.helpers.synthetic import generate


def test_a_current_cache_is_loaded_and_answers_like_a_fresh_index(tmp_path: Path) -> None:
    releases = list(generate(300, seed=11))
    path = tmp_path / "releases.json.index"
    built = index_cache.load_or_build(path, releases)
    assert path.exists()
    loaded = index_cache.load(path, releases)
    assert loaded is not None
    for text in ("minister", "org:a", "date:2020..", "-the prog"):
        query = parse_query(text)
        assert loaded.search(query, {}) == built.search(query, {})


def test_an_edited_release_makes_the_cache_stale(tmp_path: Path) -> None:
    releases = list(generate(50, seed=12))
    path = tmp_path / "releases.json.index"
    index_cache.load_or_build(path, releases)
    edited = [releases[0].with_changes(body=releases[0].body + " zanzibarian"), *releases[1:]]
    assert edited[0].id == releases[0].id
    assert index_cache.load(path, edited) is None
    fresh = index_cache.load_or_build(path, edited)
    assert fresh.search(parse_query("zanzibarian "), {}) == [0]
    assert index_cache.load(path, edited) is not None


def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path: Path) -> None:
    releases = list(generate(20, seed=13))
    path = tmp_path / "releases.json.index"
    index_cache.load_or_build(path, releases)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert index_cache.load(path, releases) is None
    path.write_bytes(b"not an index at all")
    assert index_cache.load(path, releases) is None
    assert index_cache.load(path, releases[:10]) is None
    index_cache.load_or_build(path, releases)
    assert index_cache.load(path, releases) is not None


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    releases = list(generate(5, seed=14))
    missing = tmp_path / "no-such-folder" / "releases.json.index"
    index = index_cache.load_or_build(missing, releases)
    assert index.size == 5
    assert not missing.exists()


def test_an_index_damaged_inside_with_its_header_intact_is_never_used(tmp_path: Path) -> None:
    # SECURITY.md D12: a flipped byte anywhere after the header (a postings list,
    # a bitmap, the vocabulary) must not give a wrong answer: the checksum fails
    # and the index is rebuilt.
    releases = list(generate(120, seed=15))
    path = tmp_path / "releases.json.index"
    built = index_cache.load_or_build(path, releases)
    data = path.read_bytes()
    header = data.index(b"\n") + 1
    for at in range(header, len(data), max(1, (len(data) - header) // 97)):
        damaged = bytearray(data)
        damaged[at] ^= 0x20
        path.write_bytes(bytes(damaged))
        assert index_cache.load(path, releases) is None, at
    rebuilt = index_cache.load_or_build(path, releases)
    query = parse_query("minister")
    assert rebuilt.search(query, {}) == built.search(query, {})
    assert index_cache.load(path, releases) is not None


def test_the_checksum_made_a_slice_at_a_time_still_finds_every_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The mapped index's CRC is made over slices whose pages are let go after each:
    # with slices smaller than the file (and than a page), a flipped byte in any of
    # them, the last one's end included, still fails the check.
    monkeypatch.setattr(index_cache._Mapped, "STEP", 1000)
    releases = list(generate(120, seed=15))
    path = tmp_path / "releases.json.index"
    built = index_cache.load_or_build(path, releases)
    data = path.read_bytes()
    header = data.index(b"\n") + 1
    assert len(data) - header > 20 * 1000
    loaded = index_cache.load(path, releases)
    assert loaded is not None
    query = parse_query("minister")
    assert loaded.search(query, {}) == built.search(query, {})
    for at in [header, header + 999, header + 1000, header + 4095, header + 4096, len(data) - 1]:
        damaged = bytearray(data)
        damaged[at] ^= 0x20
        path.write_bytes(bytes(damaged))
        assert index_cache.load(path, releases) is None, at


def _grown_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list, list]:
    monkeypatch.setattr(index_cache, "GROW_FROM", 10)
    releases = list(generate(240, seed=16))
    added = set(range(3, 240, 23)) | {0, 1}
    old = [r for n, r in enumerate(releases) if n not in added]
    path = tmp_path / "releases.json.index"
    index_cache.load_or_build(path, old)
    return path, old, releases


def _builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    real = SearchIndex.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[SearchIndex], releases: list, **options: object) -> SearchIndex:
        sizes.append(len(releases))
        return real(cls, releases, **options)

    monkeypatch.setattr(SearchIndex, "build", classmethod(counting))
    return sizes


def test_an_import_grows_the_cached_index_instead_of_building_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    sizes = _builds(monkeypatch)
    grown = index_cache.load_or_build(path, releases)
    assert sizes == [len(releases) - len(old)]  # only the added releases were indexed
    fresh = SearchIndex.build.__func__(SearchIndex, releases)  # type: ignore[attr-defined]
    for text in ("minister", "org:a", "date:2020..", "-the prog", '"the pro', "s", "lang:fr"):
        query = parse_query(text)
        assert grown.search(query, {}) == fresh.search(query, {}), text
    assert index_cache.load(path, releases) is not None  # the grown index was kept


def test_changed_and_removed_releases_are_taken_out_as_it_grows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    edited = releases[5].with_changes(body=releases[5].body + " zanzibarian")
    changed = [edited if n == 5 else r for n, r in enumerate(releases) if r.id != old[7].id]
    grown = index_cache.grow(path, changed)
    assert grown is not None
    fresh = SearchIndex.build.__func__(SearchIndex, changed)  # type: ignore[attr-defined]
    for text in ("zanzibarian", old[7].title.split()[0], "minister", "s", '"the pro', "org:a"):
        query = parse_query(text)
        assert grown.search(query, {}) == fresh.search(query, {}), text
    assert grown.search(parse_query("zanzibarian"), {}) == [changed.index(edited)]


def test_an_index_whose_releases_moved_is_built_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _old, releases = _grown_cache(tmp_path, monkeypatch)
    swapped = list(releases)
    swapped[10], swapped[30] = swapped[30], swapped[10]
    assert index_cache.grow(path, swapped) is None


def test_a_damaged_index_is_never_grown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _old, releases = _grown_cache(tmp_path, monkeypatch)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert index_cache.grow(path, releases) is None


def _fed(releases: list, order: list[int]) -> IndexBuilder:
    builder = IndexBuilder()
    for n in order:
        builder.add(releases[n])
    return builder


QUERIES = ("minister", "org:a", "date:2020..", "-the prog", '"the pro', "s", "lang:fr", "loc:a")


def test_a_new_archive_takes_the_index_an_import_built_as_it_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    releases = list(generate(150, seed=17))
    order = list(range(150))
    random.Random(4).shuffle(order)  # the order files were parsed and stored in
    builder = _fed(releases, order)
    sizes = _builds(monkeypatch)
    made = index_cache.load_or_build(tmp_path / "x.index", releases, added=builder)
    assert sizes == []  # nothing read again: the import's index, finished in archive order
    fresh = SearchIndex.build.__func__(SearchIndex, releases)  # type: ignore[attr-defined]
    for text in QUERIES:
        assert made.search(parse_query(text), {}) == fresh.search(parse_query(text), {}), text
    assert index_cache.load(tmp_path / "x.index", releases) is not None


def test_an_import_into_an_archive_grows_its_index_by_what_it_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    known = {r.id for r in old}
    added = [n for n, r in enumerate(releases) if r.id not in known]
    builder = _fed(releases, list(reversed(added)))
    sizes = _builds(monkeypatch)
    made = index_cache.load_or_build(path, releases, added=builder)
    assert sizes == []
    fresh = SearchIndex.build.__func__(SearchIndex, releases)  # type: ignore[attr-defined]
    for text in QUERIES:
        assert made.search(parse_query(text), {}) == fresh.search(parse_query(text), {}), text


def test_an_import_index_that_is_not_of_the_store_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    releases = list(generate(60, seed=18))
    stray = list(generate(1, seed=19))
    builder = _fed([*releases, *stray], list(range(61)))
    sizes = _builds(monkeypatch)
    index_cache.load_or_build(tmp_path / "x.index", releases, added=builder)
    assert sizes == [60]  # built afresh


def test_the_index_an_import_builds_leaves_out_what_it_did_not_store(tmp_path: Path) -> None:
    # Through a real import: a copy of a file (already known), an export that
    # claims another release's id (kept apart under an id of its own), and an
    # archive that had releases before (its cached index grows).
    import orjson

    from store.archive import Archive
    from store.disk.release_store import ReleaseStore
    from store.ingest.run import import_paths

    store_path = tmp_path / "releases.json"
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, range(0, 40)), (second, range(40, 70))):
        folder.mkdir()
        for n in names:
            (folder / f"{n:03d}.md").write_text(
                f"# Harbour notice {n}\n\nGENEVA, {n % 28 + 1} March 2024 - The board, {n}.\n",
                encoding="utf-8",
            )
    (second / "copy.md").write_text((second / "040.md").read_text(encoding="utf-8"))
    for folder in (first, second):
        added = IndexBuilder()
        with ReleaseStore(store_path) as store:
            if folder is second:
                taken = next(iter(store.releases()))
                claim = taken.with_changes(title="A claim", body="Other text.")
                claim_json = {**claim.to_json(), "source": {"path": "/x.md", "format": "md"}}
                (second / "claim.json").write_bytes(orjson.dumps([claim_json]))
            summary = import_paths(store, [str(folder)], workers=1, index=added)
            archive = Archive(store)
            archive.build_index(added=added)
            index = archive._snapshot.index
            releases = list(archive.releases)
        assert index is not None and not summary.failed
        fresh = SearchIndex.build.__func__(SearchIndex, releases)  # type: ignore[attr-defined]
        for text in ("harbour", "claim", "board 4", '"the board', "date:2024-03-01", "6"):
            query = parse_query(text)
            assert index.search(query, {}) == fresh.search(query, {}), text
    assert summary.known == 1 and len(summary.notices) == 1
    assert len(added.dropped) == 2


# -- releases kept apart from the index (a few added to a large archive) ---------------


def _apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any import keeps its releases apart, as one of 100 into 100,000 does."""
    monkeypatch.setattr(index_cache, "ADDED_FROM", 10)
    monkeypatch.setattr(index_cache, "ADDED_SHARE", 1.0)


def _answers_like_a_fresh_build(index: SearchIndex | None, releases: list) -> None:
    assert index is not None
    fresh = SearchIndex.build.__func__(SearchIndex, releases)  # type: ignore[attr-defined]
    for text in (*QUERIES, "zanzibarian", "s", '"the pro'):
        query = parse_query(text)
        assert index.search(query, {}) == fresh.search(query, {}), text


def test_an_import_keeps_its_releases_apart_and_the_next_opening_merges_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    _apart(monkeypatch)
    whole = path.read_bytes()
    known = {r.id for r in old}
    builder = _fed(releases, [n for n, r in enumerate(releases) if r.id not in known][::-1])
    sizes = _builds(monkeypatch)
    assert index_cache.load_or_build(path, releases, added=builder, keep=False) is None
    assert sizes == []
    assert path.read_bytes() == whole  # the index file is not written again
    assert index_cache.added_path(path).exists()
    _answers_like_a_fresh_build(index_cache.load(path, releases), releases)
    # The browser's opening keeps the merged index whole.
    _answers_like_a_fresh_build(index_cache.load_or_build(path, releases), releases)
    assert not index_cache.added_path(path).exists()
    assert path.read_bytes() != whole
    _answers_like_a_fresh_build(index_cache.load(path, releases), releases)


def test_imports_in_a_row_add_to_what_was_kept_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_cache, "GROW_FROM", 10)
    _apart(monkeypatch)
    releases = list(generate(200, seed=21))
    first = set(range(5, 200, 31))
    second = set(range(9, 200, 37)) - first
    archive = [r for n, r in enumerate(releases) if n not in first | second]
    path = tmp_path / "releases.json.index"
    index_cache.load_or_build(path, archive)
    whole = path.read_bytes()
    archive = [r for n, r in enumerate(releases) if n not in second]
    builder = _fed(archive, [archive.index(releases[n]) for n in sorted(first)])
    assert index_cache.load_or_build(path, archive, added=builder, keep=False) is None
    # The second import: new releases, one of the first import's changed, an old one
    # changed and an old one gone.
    edited_new = releases[min(first)].with_changes(body="Now zanzibarian.")
    edited_old = releases[1].with_changes(body=releases[1].body + " zanzibarian")
    final = [
        edited_new if n == min(first) else edited_old if n == 1 else r
        for n, r in enumerate(releases)
        if n != 2
    ]
    stored = sorted(
        {final.index(edited_new), final.index(edited_old)}
        | {final.index(releases[n]) for n in second}
    )
    builder = IndexBuilder()
    for p in stored:
        builder.add(final[p])
    assert index_cache.load_or_build(path, final, added=builder, keep=False) is None
    assert path.read_bytes() == whole
    _answers_like_a_fresh_build(index_cache.load(path, final), final)


def test_past_its_share_an_import_merges_what_was_kept_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    _apart(monkeypatch)
    known = {r.id for r in old}
    missing = [n for n, r in enumerate(releases) if r.id not in known]
    half = [r for n, r in enumerate(releases) if n not in missing[::2]]
    first = _fed(half, [half.index(releases[n]) for n in missing[1::2]])
    assert index_cache.load_or_build(path, half, added=first, keep=False) is None
    assert index_cache.added_path(path).exists()
    monkeypatch.setattr(index_cache, "ADDED_SHARE", 0.0)
    made = index_cache.load_or_build(path, releases, added=_fed(releases, missing[::2]), keep=False)
    _answers_like_a_fresh_build(made, releases)
    assert not index_cache.added_path(path).exists()
    _answers_like_a_fresh_build(index_cache.load(path, releases), releases)


def test_releases_kept_apart_damaged_inside_are_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, releases = _grown_cache(tmp_path, monkeypatch)
    _apart(monkeypatch)
    known = {r.id for r in old}
    builder = _fed(releases, [n for n, r in enumerate(releases) if r.id not in known])
    index_cache.load_or_build(path, releases, added=builder, keep=False)
    apart = index_cache.added_path(path)
    data = apart.read_bytes()
    header = data.index(b"\n") + 1
    for at in range(header, len(data), max(1, (len(data) - header) // 31)):
        damaged = bytearray(data)
        damaged[at] ^= 0x20
        apart.write_bytes(bytes(damaged))
        assert index_cache.load(path, releases) is None, at
    _answers_like_a_fresh_build(index_cache.load_or_build(path, releases), releases)
