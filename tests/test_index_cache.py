"""The search index cached beside the store is used only while it matches the store exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.search import index_file as index_cache
from store.search.index import SearchIndex
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
