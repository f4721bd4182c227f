"""The index build sorts token occurrences a slice of releases at a time: the same index."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.records import Release
from store.search import postings
from store.search.index import IndexBuilder, SearchIndex, release_tokens
from store.search.mapped import MappedArray, pieces
from store.search.query import parse_query
from tests.helpers.synthetic import generate


def _parts(index: SearchIndex) -> list[bytes]:
    return [b"".join(bytes(piece) for piece in pieces([part])) for part in index.to_parts()]


@pytest.mark.parametrize(("chunk", "place"), [(1, 1), (700, 3), (5_000, 64)])
def test_an_index_built_in_slices_is_byte_for_byte_the_one_built_at_once(
    monkeypatch: pytest.MonkeyPatch, chunk: int, place: int
) -> None:
    releases = list(generate(300, seed=11))
    whole = SearchIndex.build(releases)
    monkeypatch.setattr(postings, "CHUNK_TOKENS", chunk)
    # The postings placed a few at a time, too: runs split into groups.
    monkeypatch.setattr(postings, "_PLACE_CHUNK", place)
    sliced = SearchIndex.build(releases)
    assert _parts(sliced) == _parts(whole)
    for text in ("the", "minister said", "org:un", "date:2021", "sahel", "a"):
        query = parse_query(text)
        assert list(sliced.search(query)) == list(whole.search(query)), text


def test_slices_cover_every_release_once() -> None:
    import numpy as np

    bounds = np.concatenate(([0], np.cumsum([5, 0, 12, 3, 3, 40, 1], dtype=np.int64)))
    for most in (1, 4, 10, 100):
        slices = postings._slices(bounds, most)
        assert [first for first, _ in slices] == [0, *(last for _, last in slices[:-1])]
        assert slices[-1][1] == 7
        assert all(last > first for first, last in slices)
    assert postings._slices(np.zeros(1, dtype=np.int64), 10) == []


def test_an_empty_collector_finishes() -> None:
    index = SearchIndex.build([])
    assert list(index.search(parse_query("anything"))) == []


def test_releases_tokenised_elsewhere_make_the_same_index() -> None:
    """An import tokenises in its worker processes (release_tokens) and the builder only
    looks the ids up: the index is byte for byte the one the builder makes itself."""
    from store.search.index import IndexBuilder, release_tokens
    from store.search.postings import FIELD_BREAK
    from tests.helpers.synthetic_releases import synthetic_release

    releases = [*generate(200, seed=12)]
    # The rare release holding the break word: read by the builder itself.
    plain = synthetic_release(7)
    odd = plain.with_changes(title=f"About {FIELD_BREAK} and more", body=f"Body {FIELD_BREAK}.")
    releases.append(odd)
    assert release_tokens(odd) is None
    here, there = IndexBuilder(), IndexBuilder()
    for release in releases:
        here.add(release)
        there.add(release, release_tokens(release))
    assert _parts(there.finish(releases)) == _parts(here.finish(releases))


def test_an_index_finished_in_place_answers_as_one_reordered() -> None:
    """A new archive's index is finished in archive order at once (``places``), not
    reordered afterwards: the same answers, and a release left out is left out."""
    import random

    from store.search.index import IndexBuilder

    added = list(generate(250, seed=13))
    pick = random.Random(13)
    order = list(range(len(added)))
    pick.shuffle(order)
    dropped = set(pick.sample(range(len(added)), 20))
    places: list[int] = []
    archive: list = [None] * (len(added) - len(dropped))
    slots = iter(range(len(archive)))
    placed = {}
    for number in order:
        if number not in dropped:
            placed[number] = next(slots)
    for number, release in enumerate(added):
        where = placed.get(number, -1)
        places.append(where)
        if where >= 0:
            archive[where] = release
    one, other = IndexBuilder(), IndexBuilder()
    for release in added:
        one.add(release)
        other.add(release)
    in_place = one.finish(archive, places=places)
    from store.search.index_file import _Picked

    reordered = other.finish(_Picked(archive, places)).reordered(archive, places)
    assert in_place.size == reordered.size == len(archive)
    for text in ("the", "minister said", "org:un", "date:2021", "sahel", "a", "-the", "is:unread"):
        query = parse_query(text)
        assert sorted(in_place.search(query)) == sorted(reordered.search(query)), text
        expected = [i for i, r in enumerate(archive) if query.matches(r, None)]
        assert sorted(in_place.search(query)) == expected, text


def test_the_build_works_in_the_archive_folder_and_leaves_nothing_there(tmp_path: Path) -> None:
    """What waits between the two passes goes to a working file in the archive's own
    folder (not the system's temporary folder, often memory), deleted afterwards."""
    import tempfile

    from store.search.index import IndexBuilder

    releases = list(generate(120, seed=14))
    seen: list[object] = []
    opened = tempfile.TemporaryFile

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("dir"))
        return opened(*args, **kwargs)  # type: ignore[call-overload]

    builder = IndexBuilder()
    for release in releases:
        builder.add(release)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "TemporaryFile", spying)
        index = builder.finish(releases, scratch=tmp_path)
    assert seen == [tmp_path], "the build worked elsewhere than the archive's folder"
    assert list(tmp_path.iterdir()) == []
    assert _parts(index) == _parts(SearchIndex.build(releases))


def test_a_working_file_cut_short_is_an_error_not_a_wrong_index(tmp_path: Path) -> None:
    import numpy as np

    with postings._Spill(tmp_path) as spill:
        stored = spill.write(np.arange(10, dtype=np.uint32))
        assert spill.read(stored, 3, 4).tolist() == [3, 4, 5, 6]
        spill.handle.truncate(8)
        with pytest.raises(OSError, match="cut short"):
            spill.read(stored)


@pytest.mark.parametrize("spill", [1, 997, 10**9])
def test_token_ids_written_out_while_reading_make_the_same_index(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, spill: int
) -> None:
    """An import's token ids wait in the working file, not in memory, as releases are
    read (a 1 GB file holds about 150 million of them): the index is byte for byte the
    one built with all of them in memory, whether they were written once or often."""
    from store.search.index import IndexBuilder, release_tokens

    releases = list(generate(300, seed=15))
    whole = SearchIndex.build(releases)
    monkeypatch.setattr(postings, "SPILL_TOKENS", spill)
    builder = IndexBuilder(tmp_path)
    for release in releases:
        builder.add(release, release_tokens(release))
        # Never more than one release's ids past the limit in memory.
        assert len(builder.collector.tokens) < spill or len(builder.collector.tokens) == 0
    written = builder.collector._spilled
    assert (written > 0) == (spill < 10**9)
    index = builder.finish(releases, scratch=tmp_path)
    assert _parts(index) == _parts(whole)
    assert list(tmp_path.iterdir()) == [], "the working file was left behind"
    # The builder is ready for the next build, with nothing of this one kept.
    assert builder.collector._spilled == 0 and builder.collector._spill is None
    for text in ("the", "minister said", "sahel", "a"):
        query = parse_query(text)
        assert list(index.search(query)) == list(whole.search(query)), text


def _built_as_imported(releases: list[Release], folder: Path) -> IndexBuilder:
    """A builder fed *releases* as an import feeds it (tokens made beforehand)."""
    builder = IndexBuilder(folder)
    for release in releases:
        builder.add(release, release_tokens(release))
    return builder


def _resident_kib(folder: Path) -> int:
    """The resident memory of this process's mappings of files in *folder* (Linux)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and len(fields) >= 5 and ":" not in fields[0]:
            inside = len(fields) >= 6 and fields[5].startswith(str(folder))
        elif inside and fields[0] == "Rss:":
            total += int(fields[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc")
def test_an_index_written_and_not_kept_holds_its_pairs_in_the_file_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An import writes the index for the browser and does not search it: the postings,
    and the pairs' keys and offsets (most of an index, and what grows with the archive),
    are placed in memory maps of working files and let go as they are placed, read and
    written, so they are never the importing process's memory; the file written is byte
    for byte the one an index held in memory gives."""
    from store.search.index_file import save

    releases = list(generate(400, seed=16))
    # Prefixes with bitmaps of their own, as at 100k: read from the mapped postings.
    whole = SearchIndex.build(releases, prefix_threshold=500)
    # Placed a few at a time, as at 100k, so the map is let go between groups.
    monkeypatch.setattr(postings, "_PLACE_CHUNK", 50)
    builder = _built_as_imported(releases, tmp_path)
    index = builder.finish(releases, scratch=tmp_path, written_only=True, prefix_threshold=500)
    mapped = index._pairs.postings
    assert isinstance(mapped, MappedArray) and len(mapped) > 10_000
    for held in (index._postings, index._pairs.keys, index._pairs.offsets):
        assert isinstance(held, MappedArray) and len(held) > 10_000
    assert index._prefixes
    assert _resident_kib(tmp_path) == 0, "the placed postings stayed in memory"
    assert _parts(index) == _parts(whole)
    # Read through the map, a phrase finds what it finds in the index held in memory.
    for text in ('"minister said"', '"the minister"', "sahel"):
        query = parse_query(text)
        assert list(index.search(query)) == list(whole.search(query)), text
    mapped.let_go()
    save(tmp_path / "written.index", releases, index)
    save(tmp_path / "whole.index", releases, whole)
    assert (tmp_path / "written.index").read_bytes() == (tmp_path / "whole.index").read_bytes()
    assert _resident_kib(tmp_path) == 0, "writing the index left the postings in memory"


def test_with_no_room_for_the_map_the_postings_are_placed_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A disk too full for the map is found before a page is written (a page written to a
    file with no room would kill the import): the index is then made in memory, the same."""
    import errno
    import os

    def full(fd: int, offset: int, length: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    releases = list(generate(120, seed=17))
    whole = SearchIndex.build(releases)
    monkeypatch.setattr(os, "posix_fallocate", full)
    index = _built_as_imported(releases, tmp_path).finish(
        releases, scratch=tmp_path, written_only=True
    )
    assert not isinstance(index._pairs.postings, MappedArray)
    assert _parts(index) == _parts(whole)


def test_pair_keys_merged_slice_by_slice_are_the_sorted_union() -> None:
    """Each slice's distinct pair keys are inserted among those found before (only the
    new ones, where they go): the same as the sorted union, whatever overlaps."""
    import numpy as np

    rng = np.random.default_rng(3)
    keys = np.zeros(0, dtype=np.uint64)
    union: set[int] = set()
    for size in (0, 50, 1, 400, 3_000, 0, 700):
        more = np.unique(rng.integers(0, 5_000, size, dtype=np.uint64))
        keys = postings._merged_keys(keys, more)
        union |= set(more.tolist())
        assert keys.dtype == np.uint64
        assert keys.tolist() == sorted(union)
    top = np.array([2**63, 2**64 - 1], dtype=np.uint64)
    assert postings._merged_keys(keys, top).tolist() == [*sorted(union), 2**63, 2**64 - 1]


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc")
def test_an_array_kept_in_a_map_is_copied_a_window_at_a_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The pairs' offsets (8 bytes a distinct pair) are copied into their map a window at a
    time, each window let go once written: copied whole, every page of the map was
    resident beside the array it was copied from, the 1 GB import's peak."""
    import numpy as np

    window = 64 << 10
    monkeypatch.setattr(postings, "WINDOW_BYTES", window)
    values = np.arange(200_000, dtype=np.int64) * 7  # 1.6 MB, 25 windows
    resident: list[int] = []
    let_go = MappedArray.let_go

    def watched(self: MappedArray, start: int = 0, length: int = 0) -> None:
        resident.append(_resident_kib(tmp_path))
        let_go(self, start, length)

    monkeypatch.setattr(MappedArray, "let_go", watched)
    kept = postings._kept_array("Q", values, tmp_path, True)
    assert isinstance(kept, MappedArray)
    assert len(resident) == -(-values.nbytes // window)
    # At most the window written and the pages Linux maps around it (fault-around).
    assert max(resident) <= (window + 2 * (64 << 10) + (64 << 10)) // 1024, resident
    assert _resident_kib(tmp_path) == 0
    assert kept.numpy().tolist() == values.tolist()


def test_places_counted_in_32_bits_give_the_index_64_bits_give() -> None:
    """The placing cursor is 32 bits while every posting's place fits (4 bytes a distinct
    pair, held while they are placed): the same index as with 64."""
    import numpy as np

    releases = list(generate(300, seed=23))
    narrow = SearchIndex.build(releases)
    cursors: list[object] = []
    placed = postings._placed

    def watched(*args: object, **kwargs: object) -> object:
        made = placed(*args, **kwargs)  # type: ignore[arg-type]
        cursors.append(made[0].dtype)
        return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "_placed", watched)
        SearchIndex.build(releases)
        assert cursors and all(dtype == np.uint32 for dtype in cursors)
        cursors.clear()
        patch.setattr(postings, "_NARROW_PLACES", 0)
        wide = SearchIndex.build(releases)
        assert cursors and all(dtype == np.int64 for dtype in cursors)
    assert _parts(wide) == _parts(narrow)
