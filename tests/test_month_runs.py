"""Months counted by bisecting runs equal the months counted release by release."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from store.month_runs import MonthRuns

MONTHS = ["2024-03", "2024-02", "2023-11", "", "2019-01"]


@st.composite
def archive_and_result(draw: st.DrawFn) -> tuple[list[str], list[int]]:
    """A month column in runs (an archive newest first) and a result's positions."""
    lengths = draw(st.lists(st.integers(1, 6), min_size=1, max_size=len(MONTHS)))
    column = [month for month, n in zip(MONTHS, lengths, strict=False) for _ in range(n)]
    positions = sorted(draw(st.sets(st.integers(0, len(column) - 1))))
    return column, positions


@given(archive_and_result(), st.booleans())
def test_runs_count_what_a_counter_counts(
    case: tuple[list[str], list[int]], ascending: bool
) -> None:
    column, positions = case
    runs = MonthRuns.of(column)
    assert runs is not None
    shown = positions if ascending else positions[::-1]
    expected = Counter(column[p] for p in positions)
    assert runs.counts(shown, ascending=ascending) == dict(expected)


def test_a_month_that_comes_back_has_no_runs() -> None:
    assert MonthRuns.of(["2024-03", "2024-02", "2024-03"]) is None
    assert MonthRuns.of([]) is not None


@given(archive_and_result(), st.randoms(use_true_random=False))
def test_runs_count_positions_in_any_order(case: tuple[list[str], list[int]], rnd) -> None:  # type: ignore[no-untyped-def]
    column, positions = case
    runs = MonthRuns.of(column)
    assert runs is not None
    shuffled = list(positions)
    rnd.shuffle(shuffled)
    assert runs.counts_in_any_order(shuffled) == dict(Counter(column[p] for p in positions))
