"""What an import's index build keeps out of memory until the index is written: the
qualifiers' values in a working file, the bitmaps as rows of a memory map. The same index
either way; a full disk or a failure there loses no release."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from store.disk.release_store import ReleaseStore
from store.records import Release
from store.search import field_spill, index_file
from store.search.field_spill import FieldSpill
from store.search.index import IndexBuilder, SearchIndex, release_tokens
from store.search.mapped import BitmapRows, MappedArray, pieces
from store.search.query import parse_query
from tests.helpers.synthetic import generate
from tui.cli.main import main


def _parts(index: SearchIndex) -> list[bytes]:
    return [b"".join(bytes(piece) for piece in pieces([part])) for part in index.to_parts()]


def _built(releases: list[Release], folder: Path) -> IndexBuilder:
    builder = IndexBuilder(folder)
    for release in releases:
        builder.add(release, release_tokens(release))
    return builder


def _jsonl(path: Path, releases: list[Release]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in releases))
    return path


def test_values_written_out_a_block_at_a_time_make_the_same_index(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Blocks of a few records, so that every field's values are written out and read
    back in many pieces: the index is byte for byte the one held in memory, and nothing
    of a field but its open block is in memory while releases are read."""
    releases = list(generate(300, seed=31))
    whole = SearchIndex.build(releases)
    monkeypatch.setattr(field_spill, "BLOCK_BYTES", 200)
    builder = _built(releases, tmp_path)
    spill = builder.values
    assert all(len(block) < 200 for block in spill._open)
    written = [len(blocks) for blocks in spill._blocks]
    assert sum(written) > 50 and written[7] > 10, "the values were not written out"
    assert all(isinstance(block, tuple) for blocks in spill._blocks for block in blocks)
    index = builder.finish(releases, scratch=tmp_path, written_only=True)
    assert _parts(index) == _parts(whole)
    assert list(tmp_path.iterdir()) == [], "a working file was left behind"
    assert builder.values._file is None and not any(builder.values._blocks)
    for text in ("org:un", "source:json", "contact:press", "phone:0"):
        query = parse_query(text)
        assert list(index.search(query)) == list(whole.search(query)), text


def test_with_no_room_on_the_disk_the_values_wait_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A working file that cannot be made or written (a full disk) keeps the blocks in
    memory: the index is the same, nothing is lost or raised while releases are read."""
    releases = list(generate(200, seed=32))
    whole = SearchIndex.build(releases)
    monkeypatch.setattr(field_spill, "BLOCK_BYTES", 300)
    real = tempfile.TemporaryFile
    made: list[Any] = []

    def full(*args: Any, **kwargs: Any) -> Any:
        handle = real(*args, **kwargs)
        made.append(handle)

        def no_room(data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        handle.write = no_room
        return handle

    # Only the values' working file (the token ids have their own, not tested here).
    monkeypatch.setattr(field_spill, "tempfile", SimpleNamespace(TemporaryFile=full))
    builder = _built(releases, tmp_path)
    assert made, "no block was written out"
    held = [block for blocks in builder.values._blocks for block in blocks]
    assert held and all(isinstance(block, bytes) for block in held)
    index = builder.finish(releases, scratch=tmp_path)
    assert _parts(index) == _parts(whole)


def test_a_value_with_a_lone_surrogate_is_kept_as_it_was() -> None:
    """orjson refuses a lone surrogate (kept as read from a file); such a record is
    escaped by the standard library and read back the same, beside orjson's."""
    spill = FieldSpill(2, None)
    spill.add(0, 0, ["plain", "caf\u00e9"])
    spill.add(0, 1, ["odd\ud800value"])
    spill.add(1, 1, ["other"])
    spill.add(0, 3, ["plain"])
    assert list(spill.records(0)) == [
        [0, "plain", "caf\u00e9"],
        [1, "odd\ud800value"],
        [3, "plain"],
    ]
    spill.add(0, 4, ["again"])
    lists = spill.lists(0, [5, -1, 6, 7, 8])
    assert {key: list(found) for key, found in lists.items()} == {"again": [8]}
    assert {key: list(found) for key, found in spill.lists(1, [0, 2]).items()} == {"other": [2]}
    spill.close()


def test_a_working_file_cut_short_is_an_error_not_fewer_values(tmp_path: Path) -> None:
    spill = FieldSpill(1, tmp_path)
    for number in range(50):
        spill.add(0, number, [f"value {number}"])
    spill._write(0)
    assert spill._file is not None
    spill._file.truncate(100)
    with pytest.raises(OSError, match="cut short"):
        spill.lists(0, None)
    spill.close()


def test_an_index_written_and_not_kept_holds_its_bitmaps_as_rows_of_a_map(
    tmp_path: Path,
) -> None:
    """The bitmaps of the frequent tokens and pairs (one bit a release each, thousands
    of them) are rows of a memory map, read when they are joined or written: the same
    bitmaps, the same prefixes, the same file."""
    releases = list(generate(400, seed=33))
    whole = SearchIndex.build(releases, prefix_threshold=500)
    index = _built(releases, tmp_path).finish(
        releases, scratch=tmp_path, written_only=True, prefix_threshold=500
    )
    for dense, held in ((index._dense, whole._dense), (index._pairs.dense, whole._pairs.dense)):
        assert isinstance(dense, BitmapRows) and len(dense) > 100
        assert list(dense) == sorted(held)
        assert dict(dense.items()) == held
        first, last = sorted(held)[3], sorted(held)[-3]
        assert dense.union(first, last + 1) == _or(held, first, last + 1)
        assert dense.union(last + 1, first) == 0
        assert first in dense and -1 not in dense and "x" not in dense
        with pytest.raises(KeyError):
            dense[-1]
    assert index._prefixes == whole._prefixes and index._prefixes
    assert _parts(index) == _parts(whole)


def _or(bitmaps: dict[int, int], lo: int, hi: int) -> int:
    out = 0
    for entry, bitmap in bitmaps.items():
        if lo <= entry < hi:
            out |= bitmap
    return out


def test_with_no_room_for_the_bitmaps_map_they_are_ints_in_memory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    releases = list(generate(150, seed=34))
    whole = SearchIndex.build(releases)
    real = MappedArray.__init__

    def no_room_for_bytes(self: MappedArray, count: int, folder: Any, code: str = "I") -> None:
        if code == "B":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, count, folder, code)

    monkeypatch.setattr(MappedArray, "__init__", no_room_for_bytes)
    index = _built(releases, tmp_path).finish(releases, scratch=tmp_path, written_only=True)
    assert type(index._dense) is dict and type(index._pairs.dense) is dict
    assert isinstance(index._pairs.postings, MappedArray)
    assert _parts(index) == _parts(whole)


@pytest.mark.parametrize("error", [MemoryError(), OSError(errno.ENOSPC, "No space left on device")])
@pytest.mark.parametrize("new", [True, False])
def test_a_failure_reading_the_values_back_loses_no_release(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: BaseException,
    new: bool,
) -> None:
    """Out of memory or of disk while the values are read back (the index's end): the
    import says the index was not finished, every release it acknowledged is stored, the
    index file is the previous one, no working file is left, and the next opening makes
    the index."""
    releases = list(generate(300, seed=35))
    db = tmp_path / "archive" / "r.json"
    first = 0 if new else 120
    if not new:
        source = _jsonl(tmp_path / "a.jsonl", releases[:first])
        assert main(["import", str(source), "--db", str(db)]) == 0
    before = index_file.cache_path(db).read_bytes() if not new else None
    more = _jsonl(tmp_path / "b.jsonl", releases[first:])
    monkeypatch.setattr(field_spill, "BLOCK_BYTES", 500)

    def failing(self: FieldSpill, field: int, places: Any) -> Any:
        raise error

    monkeypatch.setattr(FieldSpill, "lists", failing)
    capsys.readouterr()
    assert main(["import", str(more), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    reason = "out of memory" if isinstance(error, MemoryError) else "No space left on device"
    told = [line for line in err.splitlines() if line.startswith("pressroom:")]
    assert told == [
        f"pressroom: the search index was not finished ({reason}); the "
        f"{len(releases) - first} releases are stored, and the index is made when the "
        "archive is next opened"
    ]
    assert "Traceback" not in err
    cache = index_file.cache_path(db)
    assert (cache.read_bytes() if cache.exists() else None) == before
    assert [p.name for p in db.parent.iterdir() if "-build-" in p.name or ".tmp" in p.name] == []
    monkeypatch.undo()
    from store.archive import Archive

    with ReleaseStore(db) as store:
        assert {r.id for r in store.releases()} == {r.id for r in releases}
        archive = Archive(store)
        archive.build_index()
        assert archive.index is not None and archive.index.size == len(releases)
