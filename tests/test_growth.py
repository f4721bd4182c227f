"""Growing an index by a few releases writes where it can instead of copying (issue 9).

The answers of a grown index are checked against the scan in
``tests/test_search_index.py``; here, that the fast paths (postings grown in
their own array, bitmaps moved run by run, the file written from the arrays
themselves) give exactly what the plain ones give, and are taken.
"""

from __future__ import annotations

import random
from array import array

import numpy as np
import pytest

from store.search import growth
from store.search.index import SearchIndex
from store.search.query import parse_query
from tests.test_search_index import TRICKY


def _postings(rng: random.Random, releases: int, entries: int) -> tuple[array[int], array[int]]:
    counts = [rng.randrange(0, 6) for _ in range(entries)]
    offsets = array("Q", [0])
    for count in counts:
        offsets.append(offsets[-1] + count)
    postings = array("I", [rng.randrange(releases) for _ in range(offsets[-1])])
    return offsets, postings


def _layout(rng: random.Random, old: int, added: int, removed: int) -> tuple[list[int], list[int]]:
    """The places of the old releases in a grown archive (-1: *removed* of them gone) and
    of the *added* new ones, put anywhere."""
    size = old - removed + added
    new_places = sorted(rng.sample(range(size), added))
    chosen = set(new_places)
    kept = iter(p for p in range(size) if p not in chosen)
    gone = set(rng.sample(range(old), removed))
    return [-1 if i in gone else next(kept) for i in range(old)], new_places


@pytest.mark.parametrize("seed", range(40))
def test_postings_grown_in_their_own_array_are_those_of_a_fresh_merge(seed: int) -> None:
    rng = random.Random(seed)
    releases, entries, added_count = rng.randrange(1, 60), rng.randrange(1, 40), rng.randrange(9)
    removed = rng.randrange(3) if seed % 3 == 0 else 0
    removed = min(removed, releases)
    old_places, new_places = _layout(rng, releases, added_count, removed)
    if seed % 4 == 1 and not removed:  # all at the front: a shift
        old_places = [p + added_count for p in range(releases)]
        new_places = list(range(added_count))
    places = growth.Renumbering(old_places, new_places)
    old_offsets, old_postings = _postings(rng, releases, entries)
    new_entries = rng.randrange(0, 10)
    new_offsets, new_postings = _postings(rng, max(added_count, 1), new_entries)
    if not added_count:
        new_offsets, new_postings = array("Q", [0] * (new_entries + 1)), array("I")
    old_keys = sorted(rng.sample(range(1000), entries))
    new_keys = sorted(rng.sample(range(1000), new_entries))
    merged, old_map, new_map = growth.merge_keys(old_keys, new_keys)

    def merge(reuse: bool) -> tuple[array[int], array[int]]:
        offsets, postings, _ = growth.merge_postings(
            (array("Q", old_offsets), array("I", old_postings), {}),
            (new_offsets, new_postings, {}),
            old_map,
            new_map,
            len(merged),
            places,
            reuse=reuse,
        )
        return offsets, postings

    offsets, postings = merge(reuse=False)
    assert merge(reuse=True) == (offsets, postings)
    # Each entry holds the old postings renumbered, then the new ones placed.
    for k, key in enumerate(merged):
        want: list[int] = []
        if key in old_keys:
            i = old_keys.index(key)
            for p in old_postings[old_offsets[i] : old_offsets[i + 1]]:
                if old_places[p] >= 0:
                    want.append(old_places[p])
        if key in new_keys:
            i = new_keys.index(key)
            want += [new_places[p] for p in new_postings[new_offsets[i] : new_offsets[i + 1]]]
        assert list(postings[offsets[k] : offsets[k + 1]]) == want, (seed, key)


def test_the_old_postings_array_becomes_the_grown_one_when_the_index_is_consumed() -> None:
    added = [1, 4, 7]
    kept = [r for n, r in enumerate(TRICKY) if n not in added]
    old = SearchIndex.build(kept, dense_ratio=1)
    postings, pairs = old._postings, old._pairs.postings
    assert len(postings) and len(pairs)
    grown = old.grown(TRICKY, added, consume=True)
    assert grown._postings is postings and grown._pairs.postings is pairs
    fresh = SearchIndex.build(TRICKY, dense_ratio=1)
    for text in ("the", "sahel", '"heads of"', "s", "org:unoct", "-the"):
        query = parse_query(text)
        assert grown.search(query, {}) == fresh.search(query, {}), text
    # Without consume, the old index is left as it was.
    other = SearchIndex.build(kept, dense_ratio=1)
    before = bytes(other._postings)
    other.grown(TRICKY, added)
    assert bytes(other._postings) == before


@pytest.mark.parametrize("seed", range(20))
def test_bitmaps_moved_run_by_run_are_those_placed_bit_by_bit(seed: int) -> None:
    rng = random.Random(seed)
    releases = rng.randrange(1, 300)
    removed = rng.randrange(0, min(3, releases))
    old_places, new_places = _layout(rng, releases, rng.randrange(1, 12), removed)
    places = growth.Renumbering(old_places, new_places)
    assert places._runs() is not None
    bitmaps = [rng.getrandbits(releases) for _ in range(5)]
    want = []
    for bitmap in bitmaps:
        placed = 0
        for i, place in enumerate(old_places):
            if place >= 0 and bitmap >> i & 1:
                placed |= 1 << place
        want.append(placed)
    assert places.spread(bitmaps) == want


def test_a_reordering_is_spread_release_by_release() -> None:
    places = growth.Renumbering([2, 0, 1], [])
    assert places._runs() is None
    assert places.spread([0b011, 0b100]) == [0b101, 0b010]


def test_the_index_file_is_written_from_the_arrays_without_copying_them() -> None:
    index = SearchIndex.build(TRICKY, dense_ratio=1)
    assert len(index._postings)
    parts = index.to_parts()
    views = [part for part in parts if isinstance(part, memoryview)]
    postings = np.frombuffer(index._postings, dtype=np.uint8)
    assert any(np.shares_memory(np.frombuffer(view, np.uint8), postings) for view in views)
    assert b"".join(parts) == index.to_bytes()
