"""What an import's index finish holds at once: a slice read beside the sorts without
per-token copies of its places, the sorts letting go of the slice and of their keys'
copies, and the finish's large blocks mapped each on its own, undone when it fails."""

from __future__ import annotations

import ctypes
import errno
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest

from store import heap
from store.disk.release_store import ReleaseStore
from store.records import Release
from store.search import index_file, postings
from tests.helpers.synthetic import generate
from tui.cli.main import main

_TOKENS = 400_000


def _peak_while(work: Callable[[], Any]) -> tuple[Any, int]:
    """What *work* gives and the most memory traced at once while it ran, over what was
    traced when it began (numpy's arrays are traced)."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = work()
        return result, tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def _slice(tmp_path: Path) -> tuple[Any, Any, Any, Any, Any]:
    """A working file holding the token ids of 4,000 releases (a field break first in
    each), their bounds and lengths, and places that leave out one release in seven."""
    pick = np.random.default_rng(7)
    lengths = pick.integers(50, 150, size=4_000).astype(np.uint32)
    lengths = (lengths * (_TOKENS / lengths.sum())).astype(np.uint32)
    lengths[lengths < 2] = 2
    bounds = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
    ids = pick.integers(2, 50_000, size=int(bounds[-1]), dtype=np.uint32)
    ids[bounds[:-1]] = 0  # a release's field break
    spill = postings._Spill(tmp_path)
    stored = spill.write(ids)
    places = pick.permutation(len(lengths)).astype(np.int64)
    places[::7] = -1
    return spill, stored, bounds, lengths, places


def test_a_slice_read_beside_the_sorts_holds_no_copy_of_its_places_a_token(
    tmp_path: Path,
) -> None:
    spill, stored, bounds, lengths, places = _slice(tmp_path)
    with spill:
        ids = spill.read(stored)
        (part, releases), peak = _peak_while(
            lambda: postings._read_slice(spill, stored, bounds, lengths, places, (0, 4_000))
        )
    # What the releases' places make of the slice, token by token.
    owner = np.repeat(np.arange(4_000), lengths)
    kept = places[owner] >= 0
    assert np.array_equal(part, ids[kept])
    assert releases.dtype == np.uint32
    assert np.array_equal(releases, places[owner][kept])
    # Its ids, whether each is kept, their kept copy and the releases: 8.5 bytes a token
    # (measured here). Looked up a token at a time, the places (64 bits), their kept
    # copy and a 32-bit one beside them: 27.
    assert peak < 16 * len(ids)


def test_a_slices_pair_sort_lets_go_of_the_slice_and_makes_its_keys_distinct_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pieces of the keys a small share of the slice, as at the finish's 8M tokens a slice.
    monkeypatch.setattr(postings, "_PACK_STEP", 1 << 14)
    spill, stored, _, lengths, _ = _slice(tmp_path)
    with spill:
        part = spill.read(stored)
    owners = np.repeat(np.arange(len(lengths), dtype=np.uint32), lengths)
    rank = np.arange(50_000, dtype=np.uint64)
    id_bits, release_bits = 16, 12
    tokens = len(part)

    # The same pairs made without the finish's care for memory.
    firsts, seconds = part[:-1].astype(np.uint64), part[1:].astype(np.uint64)
    adjacent = (part[:-1] != 0) & (part[1:] != 0)
    packed = np.sort(
        (firsts << np.uint64(id_bits + release_bits) | seconds << np.uint64(release_bits))[adjacent]
        | owners[1:][adjacent]
    )
    pairs = packed >> np.uint64(release_bits)
    distinct, counts = np.unique(pairs, return_counts=True)
    expected_keys = (distinct >> np.uint64(id_bits)) << np.uint64(postings.PAIR_SHIFT) | (
        distinct & np.uint64((1 << id_bits) - 1)
    )
    expected_positions = (packed & np.uint64((1 << release_bits) - 1)).astype(np.uint32)
    del firsts, seconds, adjacent, packed, pairs, distinct

    given = [part, owners]
    del part, owners
    (keys, runs, positions), peak = _peak_while(
        lambda: postings._pair_slice(given, rank, id_bits, release_bits)
    )
    assert given == []
    assert np.array_equal(keys, expected_keys)
    assert np.array_equal(runs, counts.astype(np.uint32))
    assert np.array_equal(positions, expected_positions)
    # Mostly distinct pairs (as the real corpus's): the keys, their positions, whether
    # each is a run's first, the runs' starts and lengths, 21 bytes a token once the
    # slice (8) is let go (measured here). With the slice held to the end, a new array
    # for the distinct keys and one for all their low bits: 29.
    assert peak < 26 * tokens


_MAPPED_PROBE = """
import ctypes, sys
from store import heap

class Info(ctypes.Structure):  # all ten fields: the struct is returned by value
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
        "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]

def mapped(size):
    heap.give_back()  # free memory at the top of the heap would serve it first
    before = libc.mallinfo2().hblks
    block = libc.malloc(size)
    found = libc.mallinfo2().hblks > before
    libc.free(block)
    return found

# An 8 MiB block freed: glibc's sliding threshold keeps blocks below it in its heap.
libc.free(libc.malloc(8 << 20))
seen = [mapped(4 << 20)]
with heap.large_blocks_mapped():
    seen += [mapped(4 << 20), mapped(heap.LARGE_BLOCK // 2)]
seen.append(mapped(4 << 20))
print(seen)
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "mallinfo2"),
    reason="glibc's malloc only",
)
def test_inside_large_blocks_mapped_a_large_block_is_a_mapping_of_its_own() -> None:
    """In a process of its own: what the heap holds decides where a block goes."""
    out = subprocess.run(
        [sys.executable, "-c", _MAPPED_PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    # Before: in the heap; inside: mapped, a small block not; after: in the heap again.
    assert out.split() == ["[False,", "True,", "False,", "False]"]


class _Libc:
    """The C library as ``store.heap`` calls it, its ``mallopt`` calls recorded."""

    def __init__(self, calls: list[tuple[int, int]]) -> None:
        self.calls = calls

    def malloc_trim(self, pad: int) -> int:
        return 0

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


@pytest.fixture
def mallopt_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(heap, "_libc", lambda: _Libc(calls))
    yield calls


def _jsonl(path: Path, releases: list[Release]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r.to_json()) + b"\n" for r in releases))
    return path


_SET, _UNDONE = (heap._M_MMAP_THRESHOLD, heap.LARGE_BLOCK), (heap._M_MMAP_THRESHOLD, 32 << 20)


def test_an_import_maps_its_finishs_large_blocks_and_undoes_it(
    tmp_path: Path, mallopt_calls: list[tuple[int, int]]
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", list(generate(120, seed=31)))
    db = tmp_path / "archive" / "r.json"
    assert main(["import", str(source), "--db", str(db)]) == 0
    assert mallopt_calls == [_SET, _UNDONE]
    assert index_file.cache_path(db).exists()


@pytest.mark.parametrize("error", [MemoryError(), OSError(errno.ENOSPC, "No space left on device")])
def test_a_finish_that_fails_undoes_the_mapping_and_loses_no_release(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    mallopt_calls: list[tuple[int, int]],
    error: BaseException,
) -> None:
    """Memory running out, or a write of the finish's working file failing, inside the
    finish: the threshold set back, every release stored, the index made when next
    opened."""
    releases = list(generate(200, seed=32))
    db = tmp_path / "archive" / "r.json"
    real_write: Callable[..., Any] = postings._Spill.write
    writes = 0

    def failing(self: Any, values: Any) -> Any:
        nonlocal writes
        writes += 1
        if writes == 3:  # the first slice's runs, once the token ids are written
            raise error
        return real_write(self, values)

    monkeypatch.setattr(postings._Spill, "write", failing)
    capsys.readouterr()
    assert main(["import", str(_jsonl(tmp_path / "in.jsonl", releases)), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "the search index was not finished" in err and "Traceback" not in err
    assert writes >= 3
    assert mallopt_calls == [_SET, _UNDONE]
    assert not index_file.cache_path(db).exists()
    with ReleaseStore(db) as store:
        assert {release.id for release in store.releases()} == {r.id for r in releases}
    monkeypatch.setattr(postings._Spill, "write", real_write)
    from store.archive import Archive

    with ReleaseStore(db) as store:
        archive = Archive(store)
        archive.build_index()
        assert archive.index is not None and archive.index.size == len(releases)
