"""A catalogue's fresh rows in buffers: the same order as the tuples they replace, fewer objects."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from store.disk.catalogue import Catalogue, archive_order
from store.disk.fresh_rows import FreshRows, order_key
from tests.helpers.browser_data import write_store
from tests.helpers.synthetic import generate

# Short texts from a small alphabet, so that ties, prefixes and NULs come often; lone
# surrogates and characters beyond the BMP too (UTF-8 must sort them as code points).
_TEXT = st.text(alphabet=st.sampled_from("\0\1 a9-:\xe9\ud800\udfff\uffff\U0001f600"), max_size=5)
_ORDER = st.tuples(st.none() | _TEXT, _TEXT).map(lambda pair: archive_order(*pair))


@given(st.lists(_ORDER, max_size=40))
def test_order_keys_sort_as_the_archive_order_tuples_they_encode(orders: list) -> None:
    numbered = list(enumerate(orders))
    by_tuple = [n for n, _ in sorted(numbered, key=lambda item: item[1])]
    by_key = [n for n, _ in sorted(numbered, key=lambda item: order_key(item[1]))]
    assert by_key == by_tuple


@given(_ORDER, _ORDER)
def test_two_order_keys_compare_as_their_tuples(one: tuple, other: tuple) -> None:
    assert (order_key(one) < order_key(other)) == (one < other)
    assert (order_key(one) == order_key(other)) == (one == other)


def _put(rows: FreshRows, key: str, date: str | None, title: str, offset: int) -> None:
    row = orjson.dumps([key, title, date])
    rows.put(key, row, order_key(archive_order(date, title)), offset, len(row), offset * 7)


def test_fresh_rows_keep_a_dicts_places_replaced_in_place_or_moved_last() -> None:
    rows = FreshRows()
    _put(rows, "1", "2024-01-01", "same", 10)
    _put(rows, "2", "2024-01-01", "same", 20)
    _put(rows, "3", "2024-01-01", "same", 30)
    _put(rows, "1", "2024-01-01", "same", 11)  # given again: keeps its place
    rows.pop("2")
    _put(rows, "2", "2024-01-01", "same", 21)  # removed, then given again: last
    rows.pop("4")  # never given: nothing
    assert len(rows) == 3
    ordered = rows.sorted()
    # Equal sort keys: store order, the dict's.
    assert [offset for _, offset, _, _ in rows.each(ordered)] == [11, 30, 21]
    json, _offset, length, check = next(rows.each(ordered))
    assert orjson.loads(json) == ["1", "same", "2024-01-01"]
    assert (length, check) == (len(json), 77)


def test_fresh_rows_sort_newest_first_undated_last_ties_by_title() -> None:
    rows = FreshRows()
    _put(rows, "1", None, "b", 1)
    _put(rows, "2", "2023-05-01", "z", 2)
    _put(rows, "3", "2024-05-01", "b", 3)
    _put(rows, "4", "2024-05-01", "A", 4)
    _put(rows, "5", None, "a", 5)
    assert [offset for _, offset, _, _ in rows.each(rows.sorted())] == [4, 3, 2, 5, 1]


def test_a_catalogues_build_holds_no_small_objects_a_release(tmp_path: Path) -> None:
    """Its fresh rows were a tuple, a sort key and four more objects each, 600 bytes a
    release of small blocks alive at once (what kept Python's arenas from being handed
    back after an import): now a few buffers."""
    count = 3000
    path = write_store(tmp_path / "releases.json", generate(count, seed=3))
    seen: list[int] = []

    def sorted_rows(self: FreshRows, original=FreshRows.sorted) -> list[int]:
        # Blocks of at most 512 bytes (pymalloc's) alive when every row is read.
        snapshot = tracemalloc.take_snapshot()
        seen.append(sum(t.size for t in snapshot.traces if t.size <= 512))
        return original(self)

    FreshRows.sorted = sorted_rows  # type: ignore[method-assign]
    tracemalloc.start()
    try:
        Catalogue.build(path)
    finally:
        tracemalloc.stop()
        FreshRows.sorted = sorted_rows.__defaults__[0]  # type: ignore[method-assign,index]
    # The table by store key is left (a key and a number: under 150 bytes a release).
    assert seen and seen[0] / count < 250
