"""A result's releases per month counted by bisecting, for an archive kept in date order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def _negated(position: int) -> int:
    return -position


class MonthRuns:
    """Where each month's releases begin, by position, when every month is one run.

    An archive is kept newest first, so each month's releases sit side by
    side; a result's positions in that order (or its reverse) then hold each
    month as one stretch, whose length two bisections give. At 100k hits that
    is a few hundred look-ups instead of a Counter over every hit (10-30 ms on
    the UI thread, in the keystroke's frame).
    """

    __slots__ = ("labels", "starts")

    def __init__(self, starts: list[int], labels: list[str]) -> None:
        self.starts = starts  # the first position of each run, ascending
        self.labels = labels  # each run's month (YYYY-MM, '' when undated)

    @classmethod
    def of(cls, months: Sequence[str]) -> MonthRuns | None:
        """The runs of *months* (each release's month, by position); None when a month
        comes back after another (an archive not in date order), where counting is needed."""
        starts: list[int] = []
        labels: list[str] = []
        previous: str | None = None
        for position, month in enumerate(months):
            if month != previous:
                starts.append(position)
                labels.append(month)
                previous = month
        if len(set(labels)) != len(labels):
            return None
        return cls(starts, labels)

    def counts(self, positions: Sequence[int], *, ascending: bool) -> dict[str, int]:
        """Releases per month of *positions*, sorted ascending (or descending); no month at 0."""
        counts: dict[str, int] = {}
        starts = self.starts
        if ascending:
            edges = [bisect_left(positions, start) for start in starts]
        else:
            # Descending: those below a start are all but those at or above it.
            total = len(positions)
            edges = [total - bisect_right(positions, -start, key=_negated) for start in starts]
        edges.append(len(positions))
        for label, begin, end in zip(self.labels, edges, edges[1:], strict=False):
            if end > begin:
                counts[label] = end - begin
        return counts

    def counts_in_any_order(self, positions: Sequence[int]) -> dict[str, int]:
        """Releases per month of *positions* in any order (a title or organisation order)."""
        # Here, not at the top: the browser starts without numpy (tests/test_layering.py).
        import numpy as np

        ordered = np.sort(np.fromiter(positions, dtype=np.int64, count=len(positions)))
        edges = np.searchsorted(ordered, np.array(self.starts, dtype=np.int64)).tolist()
        edges.append(len(positions))
        return {
            label: end - begin
            for label, begin, end in zip(self.labels, edges, edges[1:], strict=False)
            if end > begin
        }
