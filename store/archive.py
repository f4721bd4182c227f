"""The browser's model of a store: releases in order, search, sorting, facets and the timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import overload

from store import index_cache
from store.contacts import ContactDirectory
from store.query import DEFAULT_STATE, Query
from store.records import Release
from store.release_store import ReleaseState, ReleaseStore
from store.sanitize import fold
from store.search_index import SearchCancelled, SearchIndex

SORT_KEYS = ("date", "title", "organisation", "place")


@dataclass(frozen=True, slots=True)
class SortOrder:
    """How the list is ordered: a key of ``SORT_KEYS`` and a direction."""

    key: str = "date"
    descending: bool = True

    def label(self) -> str:
        arrow = "↓" if self.descending else "↑"
        return f"{self.key} {arrow}"

    def next_key(self) -> SortOrder:
        following = SORT_KEYS[(SORT_KEYS.index(self.key) + 1) % len(SORT_KEYS)]
        # Dates read best newest first, words from A.
        return SortOrder(following, descending=following == "date")

    def reversed(self) -> SortOrder:
        return SortOrder(self.key, not self.descending)


class ResultView(Sequence[Release]):
    """The releases at some positions, without copying them (100k hits cost nothing)."""

    __slots__ = ("_months", "_positions", "_releases")

    def __init__(
        self, releases: Sequence[Release], positions: Sequence[int], months: Sequence[str] = ()
    ) -> None:
        self._releases = releases
        self._positions = positions
        self._months = months

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Release: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Release]: ...
    def __getitem__(self, index: int | slice) -> Release | Sequence[Release]:
        if isinstance(index, slice):
            return [self._releases[p] for p in self._positions[index]]
        return self._releases[self._positions[index]]

    def __iter__(self) -> Iterator[Release]:
        releases = self._releases
        return (releases[p] for p in self._positions)

    @property
    def positions(self) -> Sequence[int]:
        return self._positions

    def months(self) -> list[tuple[str, int]]:
        """Releases per month (YYYY-MM), every month of the span, oldest first."""
        months = self._months
        positions = self._positions
        if len(positions) > 1:
            counts = Counter(itemgetter(*positions)(months))
        else:
            counts = Counter(months[p] for p in positions)
        counts.pop("", None)
        if not counts:
            return []
        first, last = min(counts), max(counts)
        return [(month, counts.get(month, 0)) for month in _month_range(first, last)]


@dataclass(frozen=True, slots=True)
class Facets:
    """Counts over a result: organisations, places and years, biggest first."""

    organisations: tuple[tuple[str, int], ...]
    places: tuple[tuple[str, int], ...]
    years: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """Releases in archive order and what is derived from them, swapped as one value."""

    releases: list[Release]
    months: list[str]
    index: SearchIndex | None = None
    by_id: dict[str, Release] = field(default_factory=dict)
    contacts: list[ContactDirectory] = field(default_factory=list)  # built once, on demand


class Archive:
    """Releases of one store, newest first, with a search index built on demand.

    The store is used from one thread (the app's store thread). Searches may
    run in other threads at the same time: each reads one immutable snapshot,
    so a reload or an index build in between never mixes two generations.
    """

    def __init__(self, store: ReleaseStore) -> None:
        self.store = store
        self._snapshot = _Snapshot([], [])
        self._states: dict[str, ReleaseState] = {}
        self._ranks: dict[tuple[int, str], list[int]] = {}
        self.reload()

    # -- loading --------------------------------------------------------------

    @property
    def releases(self) -> Sequence[Release]:
        return self._snapshot.releases

    @property
    def index(self) -> SearchIndex | None:
        return self._snapshot.index

    def reload(self) -> None:
        """Take the store's releases afresh (after an import or another process's write)."""
        releases = sorted(self.store.releases(), key=_date_then_title)
        self._states = dict(self.store.states())
        self._ranks = {}
        self._snapshot = _Snapshot(
            releases, [(r.date or "")[:7] for r in releases], by_id={r.id: r for r in releases}
        )

    def build_index(self) -> None:
        """Load the cached search index, or build it (seconds at 100k: call off the UI)."""
        snapshot = self._snapshot
        store_path = self.store.path
        cache = index_cache.cache_path(store_path) if store_path is not None else None
        index = index_cache.load_or_build(cache, snapshot.releases)
        if self._snapshot is snapshot:
            self._snapshot = replace(snapshot, index=index)

    def contacts(self) -> ContactDirectory:
        """The contact directory of the current releases (built on first use)."""
        snapshot = self._snapshot
        if not snapshot.contacts:
            snapshot.contacts.append(ContactDirectory.build(snapshot.releases))
        return snapshot.contacts[0]

    def get(self, release_id: str) -> Release | None:
        return self._snapshot.by_id.get(release_id)

    def __len__(self) -> int:
        return len(self._snapshot.releases)

    # -- reading state --------------------------------------------------------

    def state(self, release_id: str) -> ReleaseState:
        return self._states.get(release_id, _UNTOUCHED)

    @property
    def states(self) -> Mapping[str, ReleaseState]:
        return self._states

    def marks(self, release_id: str) -> tuple[bool, bool]:
        """(starred, unread) for the list's markers."""
        state = self._states.get(release_id, _UNTOUCHED)
        return (state.starred, not state.read)

    def set_read(self, release_id: str, read: bool) -> None:
        """Change the mark in memory now; :meth:`save_states` makes it durable."""
        state = self.state(release_id)
        self._states[release_id] = ReleaseState(read=read, starred=state.starred)

    def set_starred(self, release_id: str, starred: bool) -> None:
        state = self.state(release_id)
        self._states[release_id] = ReleaseState(read=state.read, starred=starred)

    def save_states(self, changed: Sequence[str]) -> None:
        """Write the marks of *changed* releases to the store."""
        for read in (True, False):
            ids = [i for i in changed if self.state(i).read is read]
            if ids:
                self.store.set_read(ids, read)
        for starred in (True, False):
            ids = [i for i in changed if self.state(i).starred is starred]
            if ids:
                self.store.set_starred(ids, starred)

    # -- searching ------------------------------------------------------------

    def search(
        self,
        query: Query,
        order: SortOrder = SortOrder(),
        should_stop: Callable[[], bool] | None = None,
    ) -> ResultView:
        """The releases *query* matches, in *order*; the index when ready, else a scan.

        Raises :class:`SearchCancelled` once *should_stop* says the answer is no
        longer wanted (the user typed on).
        """
        snapshot = self._snapshot
        releases = snapshot.releases
        if query.is_empty():
            positions: Sequence[int] = range(len(releases))
        elif snapshot.index is not None:
            positions = snapshot.index.search(query, self._states, should_stop)
        else:
            positions = self._scan(query, releases, should_stop)
        return ResultView(releases, self._ordered(snapshot, positions, order), snapshot.months)

    def _scan(
        self,
        query: Query,
        releases: Sequence[Release],
        should_stop: Callable[[], bool] | None,
    ) -> list[int]:
        states = self._states
        found = []
        for i, release in enumerate(releases):
            if should_stop is not None and i % 256 == 0 and should_stop():
                raise SearchCancelled
            if query.matches(release, states.get(release.id, DEFAULT_STATE)):
                found.append(i)
        return found

    def _ordered(
        self, snapshot: _Snapshot, positions: Sequence[int], order: SortOrder
    ) -> Sequence[int]:
        # Positions come in the archive's order, which is date descending.
        if order.key == "date":
            return positions if order.descending else positions[::-1]
        rank = self._rank(snapshot, order.key)
        return sorted(positions, key=rank.__getitem__, reverse=order.descending)

    def _rank(self, snapshot: _Snapshot, key: str) -> list[int]:
        """rank[position] = place of that release in the order by *key* (computed once)."""
        cache_key = (id(snapshot.releases), key)
        rank = self._ranks.get(cache_key)
        if rank is None:
            releases = snapshot.releases
            sort_key = _SORT_KEYS[key]
            permutation = sorted(range(len(releases)), key=lambda p: sort_key(releases[p]))
            rank = [0] * len(permutation)
            for place, position in enumerate(permutation):
                rank[position] = place
            self._ranks[cache_key] = rank
        return rank

    # -- views over a result --------------------------------------------------

    def facets(self, result: ResultView, limit: int = 30) -> Facets:
        """Organisations, places and years of *result*, biggest first."""
        orgs: Counter[str] = Counter()
        places: Counter[str] = Counter()
        years: Counter[str] = Counter()
        for release in result:
            orgs.update(release.organisations)
            if release.location:
                places[release.location] += 1
            if release.date:
                years[release.date[:4]] += 1
        return Facets(
            organisations=tuple(orgs.most_common(limit)),
            places=tuple(places.most_common(limit)),
            years=tuple(sorted(years.items(), reverse=True)),
        )


_UNTOUCHED = ReleaseState()


def _date_then_title(release: Release) -> tuple[int, str, str]:
    # Newest first; undated releases last; ties by title so the order is stable.
    date = release.date or ""
    return (0 if date else 1, _descending(date), fold(release.title))


def _descending(date: str) -> str:
    return date.translate(_INVERT_DIGITS)


_INVERT_DIGITS = str.maketrans("0123456789", "9876543210")

_SORT_KEYS: dict[str, Callable[[Release], tuple[object, ...]]] = {
    "title": lambda r: (fold(r.title),),
    "organisation": lambda r: (
        not r.organisations,
        fold(r.organisations[0]) if r.organisations else "",
    ),
    "place": lambda r: (not r.location, fold(r.location or "")),
}


def _month_range(first: str, last: str) -> Iterator[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    while (year, month) <= end:
        yield f"{year:04d}-{month:02d}"
        month += 1
        if month > 12:
            year, month = year + 1, 1
