"""The browser's model of a store: releases in order, search, sorting, facets and the timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol, overload

from store.contacts import ContactDirectory
from store.disk.catalogue import (
    Catalogue,
    NotCatalogued,
    archive_order,
    open_catalogue,
)
from store.disk.release_store import ReleaseState, ReleaseStore
from store.disk.storage import store_identity
from store.facet_names import facet_entries
from store.give_way import handed_over
from store.month_runs import MonthRuns
from store.records import Contact, Release
from store.related import RelatedIndex
from store.sanitize import fold
from store.saved_searches import SavedSearches, load_saved, write_saved
from store.search import index_file as index_cache
from store.search.index import (
    BuildProgress,
    IndexBuilder,
    SearchCancelled,
    SearchIndex,
    packed,
)
from store.search.query import DEFAULT_STATE, Query, ReleaseStateLike
from store.search.tokens import field_key

if TYPE_CHECKING:
    # Imported when first used: it needs numpy, a tenth of a second the browser's
    # start would pay before its first frame.
    from store.ingest.run import ImportSummary
    from store.near_duplicates import DuplicateGroups

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

    __slots__ = (
        "_date_ordered",
        "_ids",
        "_month_counts",
        "_month_runs",
        "_months",
        "_positions",
        "_releases",
        "_unfolded",
        "copies",
        "estimated",
        "folded",
        "total",
    )

    def __init__(
        self,
        releases: Sequence[Release],
        positions: Sequence[int],
        months: Sequence[str] | Callable[[], Sequence[str]] = (),
        ids: Sequence[str] | Callable[[], Sequence[str]] | None = None,
        copies: Mapping[int, int] | None = None,
        folded: int = 0,
        unfolded: Sequence[int] | None = None,
        *,
        total: int | None = None,
        estimated: bool = False,
        month_counts: Mapping[str, int] | None = None,
        month_runs: Callable[[], MonthRuns | None] | None = None,
        date_ordered: bool = False,
    ) -> None:
        self._releases = releases
        self._positions = positions
        # Each release's month and id by position, or what makes them when first
        # needed: a catalogue's columns are parsed after the first frame.
        self._months = months
        self._ids = ids
        # The month counts of these very positions, when known without counting
        # (every release of a catalogue: saved with it).
        self._month_counts = month_counts
        # What makes the archive's month runs (months counted by bisecting),
        # and whether *positions* are in archive order or its reverse (a date order).
        self._month_runs = month_runs
        self._date_ordered = date_ordered
        # Near-duplicates folded into one row (store.near_duplicates): the
        # copies each shown row stands for (position -> count, 2 or more),
        # and how many rows were folded away.
        self.copies: Mapping[int, int] = copies or {}
        self.folded = folded
        self._unfolded = unfolded
        # A first page only (a database answering as the user types): how many
        # the whole result holds, and whether that number is an estimate.
        self.total = total
        self.estimated = estimated

    def unfolded(self) -> ResultView:
        """Every release of the result, the copies folded away included (export, mark all read)."""
        if self._unfolded is None:
            return self
        return ResultView(self._releases, self._unfolded, self._months, self._ids)

    def _id_list(self) -> Sequence[str] | None:
        ids = self._ids
        return ids() if callable(ids) else ids

    @property
    def matched(self) -> int:
        """How many releases the query matched: the rows, and the copies folded into them."""
        if self.total is not None:
            return self.total
        return len(self._positions) + self.folded

    @property
    def partial(self) -> bool:
        """Whether these are the first rows only (``search(first=...)``); the whole result follows."""
        return self.total is not None

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

    def copies_by_id(self) -> dict[str, int]:
        """The folded rows' counts by release id (a few entries: one per group in the result)."""
        if not self.copies:
            return {}
        ids = self._id_list()
        if ids is None:
            return {self._releases[p].id: count for p, count in self.copies.items()}
        return {ids[p]: count for p, count in self.copies.items()}

    def copies_at(self, index: int) -> int:
        """How many near-duplicates row *index* stands for (1: itself alone, or not folded)."""
        copies = self.copies
        return copies.get(self._positions[index], 1) if copies else 1

    def index_of(self, release_id: str) -> int | None:
        """Where release *release_id* is in this result, without reading any release."""
        ids = self._id_list()
        if ids is None:
            return next((n for n, r in enumerate(self) if r.id == release_id), None)
        return next((n for n, p in enumerate(self._positions) if ids[p] == release_id), None)

    def release_ids(self) -> list[str]:
        """The ids of this result's releases, in order, reading no release (100k: ~5 ms)."""
        ids = self._id_list()
        if ids is None:
            return [r.id for r in self]
        return [ids[p] for p in self._positions]

    def months(self) -> list[tuple[str, int]]:
        """Releases per month (YYYY-MM), every month of the span, oldest first."""
        if self._month_counts is not None:
            return month_series(self._month_counts)
        positions = self._positions
        runs = self._month_runs() if self._month_runs is not None else None
        if runs is not None and len(positions) > 1:
            if self._date_ordered:
                counted = runs.counts(positions, ascending=positions[0] < positions[-1])
            else:
                counted = runs.counts_in_any_order(positions)
            counted.pop("", None)
            return month_series(counted)
        months = self._months() if callable(self._months) else self._months
        if len(positions) > 1:
            counts = Counter(itemgetter(*positions)(months))
        else:
            counts = Counter(months[p] for p in positions)
        counts.pop("", None)
        return month_series(counts)


@dataclass(frozen=True, slots=True)
class Refreshed:
    """What :meth:`Archive.refresh` found changed by another process."""

    releases: bool = False
    marks: bool = False

    def __bool__(self) -> bool:
        return self.releases or self.marks


@dataclass(frozen=True, slots=True)
class Facets:
    """Counts over a result: organisations, issuers, places and years, biggest first."""

    organisations: tuple[tuple[str, int], ...]
    places: tuple[tuple[str, int], ...]
    years: tuple[tuple[str, int], ...]
    # The organisations that issued the releases (Release.issuer; ``issuer:`` narrows to one).
    issuers: tuple[tuple[str, int], ...] = ()
    # Tags, the releases' own and the user's together (``tag:`` narrows to one).
    tags: tuple[tuple[str, int], ...] = ()


class _Columns(Protocol):
    """What sorting, facets and the timeline need of every release, by position.

    A :class:`Catalogue` parses each column when first read; :class:`_ColumnLists`
    holds those of releases in memory.
    """

    @property
    def ids(self) -> Sequence[str]: ...
    @property
    def titles(self) -> Sequence[str]: ...
    @property
    def dates(self) -> Sequence[str | None]: ...
    @property
    def locations(self) -> Sequence[str | None]: ...
    @property
    def organisations(self) -> Sequence[Sequence[str]]: ...
    @property
    def fingerprints(self) -> Sequence[str]: ...
    @property
    def issuers(self) -> Sequence[str | None]: ...
    def month_counts(self) -> Mapping[str, int]: ...


@dataclass(frozen=True, slots=True)
class _ColumnLists:
    """The columns of releases held in memory, made once."""

    ids: list[str]
    titles: list[str]
    dates: list[str | None]
    locations: list[str | None]
    organisations: list[tuple[str, ...]]
    fingerprints: list[str]
    issuers: list[str | None]

    @classmethod
    def of(cls, releases: Sequence[Release]) -> _ColumnLists:
        return cls(
            [r.id for r in releases],
            [r.title for r in releases],
            [r.date for r in releases],
            [r.location for r in releases],
            [r.organisations for r in releases],
            [r.fingerprint for r in releases],
            [r.issuer for r in releases],
        )

    def month_counts(self) -> Mapping[str, int]:
        counts = Counter((date or "")[:7] for date in self.dates)
        counts.pop("", None)
        return counts


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """Releases in archive order and what is derived from them, swapped as one value.

    The columns are what sorting, facets and the timeline need of every
    release, so that none of them has to read whole releases (from the store
    file, when they come from a catalogue). A catalogue's are parsed when first
    read, and what is made of them (each release's month, the positions by id)
    when first needed: the first frame needs none of it. :meth:`warm` makes it
    all, in a worker, before the UI thread asks.
    """

    releases: Sequence[Release]
    columns: _Columns
    catalogue: Catalogue | None = None
    index: SearchIndex | None = None
    contacts: list[ContactDirectory] = field(default_factory=list)  # built once, on demand
    related: list[RelatedIndex] = field(default_factory=list)  # built once, on demand
    # The catalogue's contact blocks as the directory's build parsed them, handed on to the
    # related releases' build (17 MB of JSON at 100k: parsed once, the lock held meanwhile).
    blocks: list[list[tuple[Contact, ...]]] = field(default_factory=list)
    duplicates: list[DuplicateGroups] = field(default_factory=list)  # found once, on demand
    # rank[position] of each release in the order by a sort key, built once on demand.
    ranks: dict[str, list[int]] = field(default_factory=dict)
    # "months" and "positions" (below), made once on demand; shared with the
    # snapshot that replaces this one with its index.
    made: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of_catalogue(cls, catalogue: Catalogue) -> _Snapshot:
        return cls(catalogue, catalogue, catalogue)

    @classmethod
    def of_releases(cls, releases: Sequence[Release]) -> _Snapshot:
        ordered = sorted(releases, key=lambda r: archive_order(r.date, r.title))
        return cls(ordered, _ColumnLists.of(ordered))

    @property
    def ids(self) -> Sequence[str]:
        return self.columns.ids

    @property
    def titles(self) -> Sequence[str]:
        return self.columns.titles

    @property
    def dates(self) -> Sequence[str | None]:
        return self.columns.dates

    @property
    def locations(self) -> Sequence[str | None]:
        return self.columns.locations

    @property
    def organisations(self) -> Sequence[Sequence[str]]:
        return self.columns.organisations

    @property
    def fingerprints(self) -> Sequence[str]:
        return self.columns.fingerprints

    @property
    def issuers(self) -> Sequence[str | None]:
        return self.columns.issuers

    def id_column(self) -> Sequence[str]:
        return self.columns.ids

    def month_column(self) -> list[str]:
        """Each release's month (YYYY-MM, '' when undated), by position."""
        months: list[str] | None = self.made.get("months")
        if months is None:
            # Made twice at worst, by two threads at once: the same list either way.
            months = self.made["months"] = [(date or "")[:7] for date in self.dates]
        return months

    def month_runs(self) -> MonthRuns | None:
        """Each month's run of positions (None if the archive is not in date order)."""
        if "month_runs" not in self.made:
            self.made["month_runs"] = MonthRuns.of(self.month_column())
        runs: MonthRuns | None = self.made["month_runs"]
        return runs

    @property
    def positions(self) -> dict[str, int]:
        """Each release's position by its id (the first, should an id be there twice)."""
        positions: dict[str, int] | None = self.made.get("positions")
        if positions is None:
            positions = {}
            for position, release_id in enumerate(self.ids):
                positions.setdefault(release_id, position)
            self.made["positions"] = positions
        return positions

    def warm(self) -> None:
        """Parse every column and make what is made of them (off the UI thread)."""
        columns = self.columns
        for name in (
            "ids",
            "titles",
            "dates",
            "locations",
            "organisations",
            "fingerprints",
            "issuers",
        ):
            getattr(columns, name)
        self.month_column()
        self.month_runs()
        self.positions  # noqa: B018 (made on first read)


_EMPTY = _Snapshot.of_releases([])


class Archive:
    """Releases of one store, newest first, with a search index built on demand.

    The store is used from one thread (the app's store thread). Searches may
    run in other threads at the same time: each reads one immutable snapshot,
    so a reload or an index build in between never mixes two generations.

    Read and starred marks are not held here: whoever shows them owns them
    (the browser's session, on its UI thread) and passes them to
    :meth:`search` for ``is:`` queries; :meth:`read_marks` and
    :meth:`write_marks` move them to and from the store.

    A store on disk is read through its catalogue (store.disk.catalogue) when it
    can be: the list is ready without parsing the store, and whole releases
    are read from the file as they are shown. Otherwise (a store in memory,
    a file in another layout, or ``use_catalogue=False``) every release is
    held in memory.
    """

    def __init__(
        self, store: ReleaseStore, *, use_catalogue: bool = True, catalogue_on_disk: bool = False
    ) -> None:
        self.store = store
        self._use_catalogue = use_catalogue and store.path is not None
        # An import's archive, opened to finish its index: the catalogue's columns are
        # read from its file as the index asks for them, not held (store.disk.catalogue).
        self._catalogue_on_disk = catalogue_on_disk
        self._snapshot = _EMPTY
        self.reload()

    # What store.backend.BrowsedArchive asks of every archive.
    local = True  # searches run over snapshots in this process
    watch_every = 3.0  # a look at the store file's signature: a stat and a small read

    @property
    def indexing(self) -> bool:
        """Whether a search now scans every release: the index is not loaded or built yet."""
        return self._snapshot.index is None

    @property
    def index_on_disk(self) -> bool:
        """Whether an index file lies beside the store: an opening loads it (a second at
        100k) rather than builds one (a minute), unless the store changed since."""
        path = self.store.path
        return path is not None and index_cache.cache_path(path).exists()

    def close(self) -> None:
        self.store.close()

    def load_saved(self) -> SavedSearches:
        """The saved searches kept beside the store file (none for a store in memory)."""
        path = self.store.path
        return load_saved(path) if path is not None else SavedSearches()

    def write_saved(self, searches: SavedSearches) -> None:
        """Keep *searches* beside the store file; raises OSError (the old file stays)."""
        if self.store.path is not None:
            write_saved(self.store.path, searches)

    def import_paths(self, paths: Sequence[str]) -> ImportSummary:
        """Import *paths* from the browser (one worker process: the UI keeps a core), then reload."""
        from store.ingest.run import import_paths

        summary = import_paths(self.store, list(paths), workers=1)
        self.reload()
        return summary

    # -- loading --------------------------------------------------------------

    @property
    def releases(self) -> Sequence[Release]:
        return self._snapshot.releases

    @property
    def ids(self) -> Sequence[str]:
        """The ids of the releases, in archive order (reading no release)."""
        return self._snapshot.ids

    @property
    def index(self) -> SearchIndex | None:
        return self._snapshot.index

    @property
    def catalogued(self) -> bool:
        """Whether releases are read from the store file as needed (see the class docstring)."""
        return self._snapshot.catalogue is not None

    def reload(self) -> None:
        """Take the store's releases afresh (after an import or another process's write)."""
        catalogue = self._open_catalogue()
        if catalogue is not None:
            snapshot = _Snapshot.of_catalogue(catalogue)
        else:
            snapshot = _Snapshot.of_releases(self.store.releases())
        # The previous catalogue's file closes when the last search using it is done.
        self._snapshot = snapshot

    def _open_catalogue(self) -> Catalogue | None:
        path = self.store.path
        if not self._use_catalogue or path is None:
            return None
        try:
            return open_catalogue(path, on_disk=self._catalogue_on_disk)
        except NotCatalogued:
            pass
        # Missing, damaged, in another layout or an older schema: the store
        # reads it whole, which reports damage and migrates an older schema
        # (rewriting it in the layout a catalogue is made of).
        self.store.releases()
        try:
            return open_catalogue(path, on_disk=self._catalogue_on_disk)
        except NotCatalogued:
            return None

    def refresh(self) -> Refreshed:
        """Notice another process's writes (releases or marks).

        The archive is reloaded when the releases changed; changed marks are
        for the caller to read again (:meth:`read_marks`).
        """
        snapshot = self._snapshot
        store_changed = self.store.refresh()
        if snapshot.catalogue is not None and self.store.path is not None:
            releases_changed = store_identity(self.store.path) != snapshot.catalogue.signature
        else:
            releases_changed = store_changed
        if releases_changed:
            self.reload()
        return Refreshed(releases=releases_changed, marks=store_changed and not releases_changed)

    def build_index(
        self,
        *,
        cached_only: bool = False,
        progress: BuildProgress | None = None,
        added: IndexBuilder | None = None,
        keep: bool = True,
    ) -> None:
        """Load the cached search index, or build it (seconds at 100k: call off the UI).

        *cached_only*: take the cache if it is current and otherwise leave
        the archive without an index (a one-off search scans faster than a
        build). *added*: the releases an import stored, read as it stored
        them (``store.search.index_file.load_or_build``). Without *keep* (an import
        that ends then) the index is written for the next opening and may not be
        loaded here.
        """
        snapshot = self._snapshot
        store_path = self.store.path
        cache = index_cache.cache_path(store_path) if store_path is not None else None
        if cached_only:
            if cache is None:
                return
            found = index_cache.load(cache, snapshot.releases, snapshot.ids, snapshot.fingerprints)
            if found is None:
                return
            index = found
        else:
            ids: Sequence[str]
            fingerprints: Sequence[str]
            if not keep and snapshot.catalogue is not None:
                # Written for the next opening (an import): its ids and fingerprints are
                # read once each, packed, and the catalogue's columns stay unparsed (as
                # lists of str they were 190 bytes a release, held through the finish).
                ids = packed(snapshot.catalogue.each("ids"))
                fingerprints = packed(snapshot.catalogue.each("fingerprints"))
            else:
                ids, fingerprints = snapshot.ids, snapshot.fingerprints
            made = index_cache.load_or_build(
                cache,
                snapshot.releases,
                ids,
                fingerprints,
                progress,
                added,
                keep=keep,
            )
            if made is None:
                return
            index = made
        # With an index the UI thread answers searches itself: the columns they
        # read are parsed here first, never in the middle of a keystroke.
        snapshot.warm()
        if self._snapshot is snapshot:
            self._snapshot = replace(snapshot, index=index)

    def built_contacts(self) -> ContactDirectory | None:
        """The contact directory if it is built already (it never is built here)."""
        contacts = self._snapshot.contacts
        return contacts[0] if contacts else None

    def contacts(self, should_stop: Callable[[], bool] | None = None) -> ContactDirectory:
        """The contact directory of the current releases (built on first use).

        *should_stop*: see ``ContactDirectory.build_from`` (a store file's only).
        """
        snapshot = self._snapshot
        if not snapshot.contacts:
            catalogue = snapshot.catalogue
            if catalogue is not None:
                # From the catalogue's contact blocks: no release is read from the file.
                blocks = catalogue.contact_blocks(should_stop)
                directory = ContactDirectory.build_from(
                    zip(catalogue.ids, catalogue.dates, blocks, strict=True), should_stop
                )
                if not snapshot.related:
                    snapshot.blocks.append(blocks)
            else:
                directory = ContactDirectory.build(snapshot.releases)
            snapshot.contacts.append(directory)
        return snapshot.contacts[0]

    def built_related(self) -> RelatedIndex | None:
        """The related-releases index if it is built already (it never is built here)."""
        related = self._snapshot.related
        return related[-1] if related else None

    def related(self, should_stop: Callable[[], bool] | None = None) -> RelatedIndex:
        """Releases related by contact, organisation and place (built on first use, 0.5 s at 100k).

        Its near-duplicate groups come with :meth:`find_duplicates`, which takes longer.
        *should_stop*: see ``RelatedIndex`` (a build it ends is not kept).
        """
        snapshot = self._snapshot
        if not snapshot.related:
            catalogue = snapshot.catalogue
            if snapshot.blocks:
                blocks = snapshot.blocks.pop()
            elif catalogue is not None:
                blocks = catalogue.contact_blocks(should_stop)
            else:
                blocks = [r.contacts for r in snapshot.releases]
            duplicates = snapshot.duplicates[0] if snapshot.duplicates else None
            # The last to read them: freed as they are read, not all at once after.
            given: Iterator[tuple[Contact, ...]] = handed_over(blocks)
            snapshot.related.append(
                RelatedIndex(
                    snapshot.ids,
                    snapshot.titles,
                    snapshot.dates,
                    snapshot.locations,
                    snapshot.organisations,
                    snapshot.issuers,
                    given,
                    duplicates,
                    should_stop,
                )
            )
        return snapshot.related[-1]

    def find_duplicates(self, should_stop: Callable[[], bool] | None = None) -> DuplicateGroups:
        """The near-duplicate groups of the releases (store.near_duplicates), found once.

        Seconds the first time at 100k (every release is read); from the
        sketches kept beside the store afterwards. The related-releases index,
        when built, gets them too.
        """
        from store.near_duplicates import find_duplicates

        snapshot = self._snapshot
        if not snapshot.duplicates:
            groups = find_duplicates(
                snapshot.releases, snapshot.fingerprints, self.store.path, should_stop
            )
            if should_stop is not None and should_stop():
                return groups
            snapshot.duplicates.append(groups)
            if snapshot.related:
                snapshot.related.append(snapshot.related[-1].with_duplicates(groups))
        return snapshot.duplicates[0]

    def view(self, release_ids: Sequence[str]) -> ResultView:
        """The releases with these ids, in this order (ids not in the archive left out)."""
        snapshot = self._snapshot
        found = [snapshot.positions.get(i) for i in release_ids]
        positions = [p for p in found if p is not None]
        return ResultView(snapshot.releases, positions, snapshot.month_column, snapshot.id_column)

    def get(self, release_id: str) -> Release | None:
        snapshot = self._snapshot
        position = snapshot.positions.get(release_id)
        return None if position is None else snapshot.releases[position]

    def __len__(self) -> int:
        return len(self._snapshot.releases)

    # -- marks on disk (call on the store thread) -----------------------------

    def read_marks(self) -> dict[str, ReleaseState]:
        """The read and starred marks the store holds, as a fresh dict."""
        return dict(self.store.states())

    def write_marks(
        self,
        read: Mapping[str, bool],
        starred: Mapping[str, bool],
        tags: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        """Write these marks (release id -> value), and only these, to the store.

        Only the fields that changed are written, so a star set by another
        process on a release this one only read is not undone. *tags*: release
        id -> {tag key: the tag to add, or None to remove it} (store.tags).
        """
        for value in (True, False):
            ids = [i for i, v in read.items() if v is value]
            if ids:
                self.store.set_read(ids, value)
            ids = [i for i, v in starred.items() if v is value]
            if ids:
                self.store.set_starred(ids, value)
        if tags:
            self.store.change_tags(tags)

    # -- searching ------------------------------------------------------------

    def counted(
        self, result: ResultView, should_stop: Callable[[], bool] | None = None
    ) -> ResultView | None:
        """None: a result in memory is counted exactly as it is found, never estimated."""
        del result, should_stop
        return None

    def search(
        self,
        query: Query,
        order: SortOrder = SortOrder(),
        should_stop: Callable[[], bool] | None = None,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
        fold: bool = False,
        first: int | None = None,
    ) -> ResultView:
        """The releases *query* matches, in *order*; the index when ready, else a scan.

        *states* are the read and starred marks ``is:`` terms look at (none:
        every release unread). *fold*: near-duplicates (once found, see
        :meth:`find_duplicates`) make one row, their newest copy. *first*: a
        database may answer with the first rows only (see ``ResultView.partial``);
        in memory the whole result costs no more, and is always given. Raises
        :class:`SearchCancelled` once *should_stop* says the answer is no
        longer wanted (the user typed on).
        """
        marks: Mapping[str, ReleaseStateLike] = states if states is not None else {}
        snapshot = self._snapshot
        releases = snapshot.releases
        if query.is_empty():
            positions: Sequence[int] = range(len(releases))
        elif snapshot.index is not None:
            positions = snapshot.index.search(query, marks, should_stop)
        else:
            positions = self._scan(query, releases, marks, should_stop)
        ordered = self._ordered(snapshot, positions, order)
        # In a date order the positions are the archive's order or its reverse.
        runs, by_date = snapshot.month_runs, order.key == "date"
        if fold and snapshot.duplicates and snapshot.duplicates[0].members:
            from store.near_duplicates import fold_duplicates

            shown, copies, folded = fold_duplicates(ordered, snapshot.duplicates[0])
            return ResultView(
                releases,
                shown,
                snapshot.month_column,
                snapshot.id_column,
                copies,
                folded,
                ordered,
                month_runs=runs,
                date_ordered=by_date,
            )
        # Every release: the catalogue saved their month counts (no column is parsed for them).
        whole = query.is_empty() and snapshot.catalogue is not None
        return ResultView(
            releases,
            ordered,
            snapshot.month_column,
            snapshot.id_column,
            month_counts=snapshot.columns.month_counts() if whole else None,
            month_runs=runs,
            date_ordered=by_date,
        )

    def _scan(
        self,
        query: Query,
        releases: Sequence[Release],
        states: Mapping[str, ReleaseStateLike],
        should_stop: Callable[[], bool] | None,
    ) -> list[int]:
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
        rank = _rank(snapshot, order.key)
        return sorted(positions, key=rank.__getitem__, reverse=order.descending)

    # -- views over a result --------------------------------------------------

    def facets(
        self,
        result: ResultView,
        limit: int = 30,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
    ) -> Facets:
        """Organisations, issuers, places, years and tags of *result*, biggest first.

        *states*: the user's marks, whose tags count with the releases' own.
        """
        snapshot = self._snapshot
        orgs: Counter[str] = Counter()
        issuers = Counter(
            issuer for issuer in map(snapshot.issuers.__getitem__, result.positions) if issuer
        )
        places: Counter[str] = Counter()
        years: Counter[str] = Counter()
        organisations, locations, dates = snapshot.organisations, snapshot.locations, snapshot.dates
        for position in result.positions:
            orgs.update(organisations[position])
            location = locations[position]
            if location:
                places[location] += 1
            date = dates[position]
            if date:
                years[date[:4]] += 1
        return Facets(
            organisations=facet_entries(orgs.items(), limit),
            issuers=facet_entries(issuers.items(), limit),
            places=facet_entries(places.items(), limit, places=True),
            years=tuple(sorted(years.items(), reverse=True)),
            tags=self._tag_counts(snapshot, result, states or {}, limit),
        )

    def _tag_counts(
        self,
        snapshot: _Snapshot,
        result: ResultView,
        states: Mapping[str, ReleaseStateLike],
        limit: int,
    ) -> tuple[tuple[str, int], ...]:
        """Releases of *result* per tag, a tag compared as ``tag:`` compares it (folded).

        The releases' own tags come from the search index (no release is read),
        or from the releases when they are all in memory; a release with the
        same tag of its own and of the user's counts once.
        """
        wanted = set(result.positions)
        holders: dict[str, set[int]] = {}
        names: dict[str, str] = {}
        for release_id, state in states.items():
            if not state.tags:
                continue
            position = snapshot.positions.get(release_id)
            if position is None or position not in wanted:
                continue
            for tag in state.tags:
                key = field_key(tag)
                names.setdefault(key, tag)
                holders.setdefault(key, set()).add(position)
        if snapshot.index is not None:
            for key, positions in snapshot.index.value_positions("tag"):
                found = wanted.intersection(positions)
                if found:
                    names.setdefault(key, key)
                    holders.setdefault(key, set()).update(found)
        elif snapshot.catalogue is None:
            for position in result.positions:
                for tag in snapshot.releases[position].tags:
                    key = field_key(tag)
                    names.setdefault(key, tag)
                    holders.setdefault(key, set()).add(position)
        counts = Counter({names[key]: len(found) for key, found in holders.items() if key})
        return tuple(counts.most_common(limit))


def _rank(snapshot: _Snapshot, key: str) -> list[int]:
    """rank[position] = place of that release in the order by *key* (computed once)."""
    rank = snapshot.ranks.get(key)
    if rank is None:
        keys = _sort_keys(snapshot, key)
        permutation = sorted(range(len(keys)), key=keys.__getitem__)
        rank = [0] * len(permutation)
        for place, position in enumerate(permutation):
            rank[position] = place
        snapshot.ranks[key] = rank
    return rank


def _sort_keys(snapshot: _Snapshot, key: str) -> list[tuple[object, ...]]:
    """The sort key of every release for the order by *key*; empty values sort last."""
    if key == "title":
        return [(fold(title),) for title in snapshot.titles]
    if key == "organisation":
        return [(not orgs, fold(orgs[0]) if orgs else "") for orgs in snapshot.organisations]
    return [(not place, fold(place or "")) for place in snapshot.locations]


def month_series(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """*counts* (month -> releases, no empty month) as every month of their span, oldest first."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [(month, counts.get(month, 0)) for month in month_range(first, last)]


def month_range(first: str, last: str) -> Iterator[str]:
    """Every month (YYYY-MM) from *first* to *last*, both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    while (year, month) <= end:
        yield f"{year:04d}-{month:02d}"
        month += 1
        if month > 12:
            year, month = year + 1, 1


if TYPE_CHECKING:
    from store.backend import BrowsedArchive

    def _offers_the_seam(archive: Archive) -> BrowsedArchive:
        return archive  # mypy checks that Archive is a BrowsedArchive
