"""An import's index finish sorts each slice's tokens and pairs in two threads: the same
index as one after the other, nothing half-written when it is interrupted or fails."""

from __future__ import annotations

import errno
import os
import random
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from store.disk.release_store import ReleaseStore
from store.records import Release
from store.search import index_file, postings
from store.search.index import IndexBuilder, SearchIndex
from store.search.mapped import pieces
from tests.helpers.synthetic import generate
from tui.cli.main import main


def _parts(index: SearchIndex) -> list[bytes]:
    return [b"".join(bytes(piece) for piece in pieces([part])) for part in index.to_parts()]


def _threads(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    monkeypatch.setattr(postings, "SLICE_THREADS", count)
    # Two threads even on a machine of one core, so that the path is the one tested.
    monkeypatch.setattr(postings.os, "cpu_count", lambda: 2)


def _spied(monkeypatch: pytest.MonkeyPatch, name: str, seen: list[str]) -> None:
    """Record the thread each call of ``postings.<name>`` runs in."""
    real: Callable[..., Any] = getattr(postings, name)

    def spy(*args: Any) -> Any:
        seen.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(postings, name, spy)


def test_slices_sorted_in_threads_make_the_index_made_one_slice_after_the_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In archive order (places: a slice's postings are not ascending, so the order in
    which slices are taken shows in the bytes), some releases left out, many slices, keys
    made in many pieces."""
    added = list(generate(300, seed=21))
    pick = random.Random(21)
    order = list(range(len(added)))
    pick.shuffle(order)
    dropped = set(pick.sample(range(len(added)), 15))
    slots = iter(range(len(added) - len(dropped)))
    placed = {number: next(slots) for number in order if number not in dropped}
    places = [placed.get(number, -1) for number in range(len(added))]
    archive: list[Release] = [added[0]] * len(placed)
    for number, where in placed.items():
        archive[where] = added[number]
    monkeypatch.setattr(postings, "CHUNK_TOKENS", 3_000)

    def finished() -> list[bytes]:
        builder = IndexBuilder()
        for release in added:
            builder.add(release)
        return _parts(builder.finish(archive, places=places))

    _threads(monkeypatch, 1)
    one_by_one = finished()
    seen: list[str] = []
    _spied(monkeypatch, "_token_slice", seen)
    _spied(monkeypatch, "_pair_slice", seen)
    monkeypatch.setattr(postings, "_PACK_STEP", 97)
    _threads(monkeypatch, 2)
    side_by_side = finished()
    assert len(seen) > 10 and all(name.startswith("pressroom-slice") for name in seen)
    assert side_by_side == one_by_one


def _jsonl(path: Path, releases: list[Release]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in releases))
    return path


def _stored_ids(db: Path) -> set[str]:
    with ReleaseStore(db) as store:
        return {release.id for release in store.releases()}


@pytest.mark.parametrize("threads", [1, 2])
def test_an_import_writes_the_same_index_with_threads_or_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    releases = list(generate(400, seed=22))
    source = _jsonl(tmp_path / "in.jsonl", releases)
    monkeypatch.setattr(postings, "CHUNK_TOKENS", 5_000)
    _threads(monkeypatch, 1)
    assert main(["import", str(source), "--db", str(tmp_path / "one" / "r.json")]) == 0
    _threads(monkeypatch, threads)
    assert main(["import", str(source), "--db", str(tmp_path / "two" / "r.json")]) == 0
    one = index_file.cache_path(tmp_path / "one" / "r.json").read_bytes()
    two = index_file.cache_path(tmp_path / "two" / "r.json").read_bytes()
    assert one == two


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        path.name for path in folder.iterdir() if ".tmp" in path.name or "-build-" in path.name
    )


def _first_then_more(tmp_path: Path) -> tuple[Path, Path, list[Release], bytes]:
    """An archive of 200 releases with its index, and a file of 300 more."""
    releases = list(generate(500, seed=23))
    db = tmp_path / "archive" / "r.json"
    assert main(["import", str(_jsonl(tmp_path / "a.jsonl", releases[:200])), "--db", str(db)]) == 0
    before = index_file.cache_path(db).read_bytes()
    return db, _jsonl(tmp_path / "b.jsonl", releases[200:]), releases, before


def test_an_interrupted_finish_leaves_the_index_as_it_was_and_every_release_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+C while the slice threads sort: they end before the command does, the index
    file is the previous one, whole, and no working file is left."""
    db, more, releases, before = _first_then_more(tmp_path)
    monkeypatch.setattr(postings, "CHUNK_TOKENS", 5_000)
    _threads(monkeypatch, 2)
    seen: list[str] = []
    _spied(monkeypatch, "_pair_slice", seen)
    real_read: Callable[..., Any] = postings._read_slice
    reads = 0

    def interrupted(*args: Any) -> Any:
        nonlocal reads
        reads += 1
        if reads == 3:  # the second slice's sorts are running
            raise KeyboardInterrupt
        return real_read(*args)

    monkeypatch.setattr(postings, "_read_slice", interrupted)
    capsys.readouterr()
    assert main(["import", str(more), "--db", str(db)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert seen and reads == 3
    assert not [t for t in threading.enumerate() if t.name.startswith("pressroom-slice")]
    assert index_file.cache_path(db).read_bytes() == before
    assert _leftovers(db.parent) == []
    assert _stored_ids(db) == {release.id for release in releases}


@pytest.mark.parametrize("error", [MemoryError(), OSError(28, "No space left on device")])
def test_a_slice_thread_that_fails_says_so_in_one_line_and_loses_no_release(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: BaseException,
) -> None:
    db, more, releases, before = _first_then_more(tmp_path)
    monkeypatch.setattr(postings, "CHUNK_TOKENS", 5_000)
    _threads(monkeypatch, 2)
    real_pairs: Callable[..., Any] = postings._pair_slice
    calls = 0

    def failing(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            assert threading.current_thread().name.startswith("pressroom-slice")
            raise error
        return real_pairs(*args)

    monkeypatch.setattr(postings, "_pair_slice", failing)
    capsys.readouterr()
    assert main(["import", str(more), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    reason = "out of memory" if isinstance(error, MemoryError) else "No space left on device"
    lines = [line for line in err.splitlines() if line.startswith("pressroom:")]
    assert lines == [
        f"pressroom: the search index was not finished ({reason}); the 300 releases are "
        "stored, and the index is made when the archive is next opened"
    ]
    assert "Traceback" not in err
    assert index_file.cache_path(db).read_bytes() == before
    assert _leftovers(db.parent) == []
    assert _stored_ids(db) == {release.id for release in releases}
    # Opened next, the archive makes its index: every release found.
    monkeypatch.setattr(postings, "_pair_slice", real_pairs)
    from store.archive import Archive

    with ReleaseStore(db) as store:
        archive = Archive(store)
        archive.build_index()
        assert archive.index is not None and archive.index.size == len(releases)


@pytest.mark.parametrize("error", [MemoryError(), OSError(errno.EIO, "Input/output error")])
def test_a_catalogue_that_cannot_be_read_back_during_the_finish_loses_no_release(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: BaseException,
) -> None:
    """The catalogue's ids are read from its file as the index is finished (it is not held
    whole): a read that fails there ends the finish in one line, every release stored, and
    the archive opened next shows the catalogue a fresh build gives."""
    from store.archive import Archive
    from store.disk import saved_pieces
    from store.disk.catalogue import Catalogue

    db, more, releases, before = _first_then_more(tmp_path)

    def failing(fd: int, length: int, offset: int) -> bytes:
        raise error

    build_index = Archive.build_index

    def finishing(self: Archive, **options: Any) -> None:
        # Once the releases are stored: the catalogue is read back as the index is finished.
        monkeypatch.setattr(saved_pieces, "os", SimpleNamespace(pread=failing, close=os.close))
        build_index(self, **options)

    monkeypatch.setattr(Archive, "build_index", finishing)
    capsys.readouterr()
    assert main(["import", str(more), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    reason = "out of memory" if isinstance(error, MemoryError) else "cannot read the catalogue"
    lines = [line for line in err.splitlines() if line.startswith("pressroom:")]
    assert len(lines) == 1 and lines[0].startswith(
        f"pressroom: the search index was not finished ({reason}"
    )
    assert lines[0].endswith(
        "the 300 releases are stored, and the index is made when the archive is next opened"
    )
    assert "Traceback" not in err
    monkeypatch.undo()
    assert index_file.cache_path(db).read_bytes() == before
    assert _leftovers(db.parent) == []
    assert _stored_ids(db) == {release.id for release in releases}
    with ReleaseStore(db) as store:
        archive = Archive(store)
        assert list(archive.ids) == Catalogue.build(db).ids
        archive.build_index()
        assert archive.index is not None and archive.index.size == len(releases)


def test_a_catalogue_with_no_room_to_be_written_still_finishes_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import reads its catalogue back from the file it wrote, on disk (its columns
    not held): a disk with no room for that file leaves the catalogue just built to
    finish the index from, every release stored and the index the one a fresh build
    gives."""
    from store.archive import Archive
    from store.disk import catalogue, derived
    from store.disk.catalogue import catalogue_path

    db, more, releases, _before = _first_then_more(tmp_path)
    catalogue_path(db).unlink()

    def full(path: Path, *parts: bytes | memoryview) -> bool:
        def written() -> Any:
            yield parts[0]
            raise OSError(errno.ENOSPC, "No space left on device")

        return derived.write_derived_pieces(path, written())

    monkeypatch.setattr(catalogue, "write_derived", full)
    assert main(["import", str(more), "--db", str(db)]) == 0
    monkeypatch.undo()
    assert "Traceback" not in capsys.readouterr().err
    assert not catalogue_path(db).exists()
    assert _stored_ids(db) == {release.id for release in releases}
    from store.search.query import parse_query

    with ReleaseStore(db) as store:
        archive = Archive(store)
        archive.build_index(cached_only=True)  # the file the import wrote, or none
        assert archive.index is not None and archive.index.size == len(releases)
        fresh = SearchIndex.build(list(archive.releases))
        for text in ("the", "minister said", "org:un", "date:2021"):
            query = parse_query(text)
            assert list(archive.index.search(query)) == list(fresh.search(query)), text
