"""The browser's model of a team archive in PostgreSQL: what ``store.archive.Archive`` offers, from SQL.

The database is the index: a search is one query for the ids of the result
in its order, and releases are read a page at a time as the list shows them,
so a million releases are never held in this process. What the browser
builds over every release (the contact directory, related releases) is read
once, a page at a time, in a worker.

Threads: the store thread owns :attr:`store` (marks, saved searches,
imports); searches and the pages of a list run in other threads, each on a
connection taken from a small pool (a psycopg connection serves one thread
at a time). Other people's imports arrive as notices (LISTEN/NOTIFY) and are
looked at every :attr:`watch_every` seconds.
"""

from __future__ import annotations

import copy
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

import psycopg

from store.archive import Facets, Refreshed, ResultView, SortOrder
from store.contacts import ContactDirectory
from store.disk.release_store import ReleaseState
from store.errors import StoreError
from store.facet_names import facet_entries
from store.pg.narrowing import narrows
from store.pg.store import ARCHIVE_ORDER, PostgresStore, Sampled
from store.pg.trace import Trace
from store.pg.trace import begin as begin_trace
from store.records import Contact, Release
from store.related import RelatedIndex
from store.saved_searches import SavedSearches
from store.search.index import SearchCancelled
from store.search.query import Query, ReleaseStateLike, parse_query

if TYPE_CHECKING:
    from store.ingest.run import ImportSummary
    from store.near_duplicates import DuplicateGroups

# Releases read at once when the list shows one that is not read yet: a screen
# and more (a page down moves 40 rows), one round trip.
PAGE = 100
# Of a typed key's first rows, the releases read with them: a tall terminal's screen.
# The rest of the page is read when the list shows it, or with the whole result that
# follows once typing pauses; 100 releases read at every key cost 8-9 ms of this
# process's CPU at a million (their JSON parsed), 60 about 5.
FIRST_READ = 60
# Connections kept for searches and pages beside the store thread's own: a
# search being typed, a page being drawn, the facets.
POOL = 3
# How often a search waiting for a connection looks whether it was overtaken (s).
SLOT_LOOK_EVERY = 0.01
# A result up to this size is counted exactly as it is typed; a bigger one is
# estimated ("about 240,000") until its whole result is read.
EXACT_UP_TO = 10_000
# A result estimated bigger than EXACT_UP_TO lists this many rows (in order, from the
# top); the count says how many there are ("about 487,694"), a narrower search or the
# command line reaches the rest.
LISTED_UP_TO = 20_000
# Rows per round trip when every release is read for the contact directory.
SCAN_PAGE = 5000
# The answers to the last keys kept, for the next key to narrow (store.pg.narrowing).
ANSWERS_KEPT = 4
# How often a search looks whether a newer key has made it stale (seconds).
CANCEL_CHECK = 0.01
CANCEL_AGAIN = 0.05


class SharedStore(PostgresStore):
    """A :class:`PostgresStore` as the importer takes it: no file beside it (no manifest)."""

    path = None


class PostgresArchive:
    """The releases of a PostgreSQL archive, searched by the database, with this user's marks."""

    local = False  # every search is a round trip: never on the UI thread
    indexing = False  # the database's indexes are always there
    index_on_disk = False  # nor anything to load
    watch_every = (
        0.5  # a look at the notice queue costs nothing; others' imports show within a second
    )

    def __init__(self, conninfo: str, *, user: str | None = None) -> None:
        self.conninfo = conninfo
        self.store = SharedStore(conninfo, user=user)
        self.user = self.store.user
        self.where = self.store.where
        self._idle: queue.LifoQueue[PostgresStore] = queue.LifoQueue()
        self._opened: list[PostgresStore] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(POOL)
        self._total = 0
        self._answers: list[_Answer] = []  # the last keys' first rows (_first_rows)
        self._prefetched: tuple[tuple[Query, SortOrder, int], ResultView] | None = None
        self._contacts: list[ContactDirectory] = []
        self._related: list[RelatedIndex] = []
        self._listener = self.store.listen()
        self._closing = False
        self.reload()

    # -- what BrowsedArchive asks ---------------------------------------------

    @property
    def ids(self) -> Sequence[str]:
        """Every id in archive order (read from the database: seconds at a million)."""
        with self._connection() as store:
            return store.search(parse_query(""))

    def __len__(self) -> int:
        return self._total

    def reload(self) -> None:
        """Count the releases afresh (after an import, or others')."""
        self._total = len(self.store)
        with self._lock:
            self._answers = []  # others' imports: an earlier answer may lack their releases
            self._prefetched = None
        self._contacts.clear()
        self._related.clear()

    def refresh(self) -> Refreshed:
        """What others changed since the last look: releases (reloaded here) or this user's marks."""
        kinds = self._listener.wait(0)  # never waits: the notices already here
        releases = "releases" in kinds
        if releases:
            self.reload()
        # This user's marks changed elsewhere (their other desk); others' marks are theirs.
        marks = "marks" in kinds  # the listener hears only this user's own marks
        return Refreshed(releases=releases, marks=marks and not releases)

    def build_index(self, **_: object) -> None:
        """Nothing to build: the database keeps its indexes as releases arrive."""

    def get(self, release_id: str) -> Release | None:
        with self._connection() as store:
            return store.get(release_id)

    def view(self, release_ids: Sequence[str]) -> ResultView:
        """The stored releases with these ids, in this order."""
        with self._connection() as store:
            found = {release.id: release for release in store.get_many(release_ids)}
        ids = [i for i in release_ids if i in found]
        return PagedResult(self, ids, None, preread=found)

    def search(
        self,
        query: Query,
        order: SortOrder = ARCHIVE_ORDER,
        should_stop: Callable[[], bool] | None = None,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
        fold: bool = False,
        first: int | None = None,
    ) -> ResultView:
        """The releases *query* matches for this user, in *order*, the first page of them read.

        With *first*, a result bigger than that is answered with its first
        rows and its size (estimated when counting it exactly would cost more
        than the rows: ``ResultView.estimated``); the whole follows from a
        call without *first*. ``is:`` terms read the marks stored in the
        database (the browser saves its marks within a second of a change).
        Near-duplicates are not folded here (:meth:`find_duplicates`).
        """
        del states, fold
        if first is not None:
            with self._lock:
                kept, self._prefetched = self._prefetched, None
            if kept is not None and kept[0] == (query, order, first):
                return kept[1]
        trace = begin_trace(query.text)
        if trace is not None:
            trace.note(kind="first rows" if first is not None else "whole")
            trace.begun()
        try:
            try:
                result = self._search(query, order, should_stop, first, trace)
            except psycopg.errors.QueryCanceled:
                # Not this search's stop (that is SearchCancelled): a cancel sent for the
                # search before it on this connection, arriving late (the server loaded),
                # cancelled this one's statement instead. Asked once more.
                if trace is not None:
                    trace.note(stray_cancel=True)
                result = self._search(query, order, should_stop, first, trace)
        except SearchCancelled:
            if trace is not None:
                trace.end("cancelled")
            raise
        except Exception as exc:
            if trace is not None:
                trace.end(f"failed: {type(exc).__name__}")
            raise
        if trace is not None:
            trace.note(total=result.matched, estimated=result.estimated)
            trace.end("answered")
        return result

    def _search(
        self,
        query: Query,
        order: SortOrder,
        should_stop: Callable[[], bool] | None,
        first: int | None,
        trace: Trace | None,
    ) -> ResultView:
        with self._connection(should_stop) as store, _cancelled_when(store, should_stop):
            if trace is not None:
                trace.step("connection")
            if first is not None:
                ids, total, exact = self._first_rows(store, query, order, first, trace)
                if len(ids) > first:
                    rows = ids[:first]
                    read = {release.id: release for release in store.get_many(rows[:FIRST_READ])}
                    return PagedResult(
                        self, rows, query, preread=read, total=total, estimated=not exact
                    )
            else:
                total, exact = self._count(store, query)
                if total > LISTED_UP_TO:
                    return self._listed(store, query, order, total, estimated=not exact)
                ids = store.search(query, order, user=self.user)
            months = store.months(query, user=self.user)
            read = {release.id: release for release in store.get_many(ids[:PAGE])}
        return PagedResult(self, ids, query, months=months, preread=read)

    def counted(
        self, result: ResultView, should_stop: Callable[[], bool] | None = None
    ) -> ResultView | None:
        """*result* with its size counted exactly, when it was estimated on the sample (a
        broad word's list: "about 487,694"); None when it was exact already. Every match
        is counted (a second or more at a million), so the browser asks only once the
        whole result is shown, and the next key cancels it (:class:`SearchCancelled`)."""
        if not (result.estimated and isinstance(result, PagedResult)) or result.query is None:
            return None
        if should_stop is not None and should_stop():
            raise SearchCancelled  # overtaken already: seconds of the server's not spent
        trace = begin_trace(result.query.text)
        if trace is not None:
            trace.note(kind="exact count")
            trace.begun()
        try:
            with self._connection(should_stop) as store, _cancelled_when(store, should_stop):
                total = store.count(result.query, user=self.user)
        except BaseException as exc:
            if trace is not None:
                cancelled = isinstance(exc, SearchCancelled)
                trace.end("cancelled" if cancelled else f"failed: {type(exc).__name__}")
            raise
        if trace is not None:
            trace.note(total=total, estimated=False)
            trace.end("answered")
        return result.counted(total)

    def prefetch(self, query: Query, order: SortOrder, first: int) -> None:
        """Find ``search(query, order, first=first)`` now, for the next search that asks
        for exactly that to take: the browser's first rows, found on the store thread
        while Textual still imports (``tui.archive_opening``), on a connection of the
        pool opened then too."""
        result = self.search(query, order, first=first)
        with self._lock:
            self._prefetched = ((query, order, first), result)

    def _first_rows(
        self,
        store: PostgresStore,
        query: Query,
        order: SortOrder,
        first: int,
        trace: Trace | None = None,
    ) -> tuple[list[str], int, bool]:
        """The first *first* + 1 ids of *query* in *order*, and (when there are more than
        *first*) the size of the whole, exact or estimated: from the answer to an earlier
        key when this one narrows it (``store.pg.narrowing``), else from scratch."""
        earlier = self._narrowed(query, order)
        # Counted (or estimated) first, so that the rows are taken the way that size calls
        # for: the planner's own estimate misses words that go together.
        within = earlier.sampled if earlier is not None else None
        if trace is not None:
            trace.note(
                narrowed_from=earlier.query.text if earlier is not None else None,
                earlier_rows=len(earlier.ids) if earlier is not None else 0,
                earlier_sample=len(within.ids) if within is not None else None,
            )
        total, exact, sampled = self._count_sampled(store, query, within)
        if trace is not None:
            trace.note(sample=len(sampled.ids) if sampled is not None else None)
            trace.step("count")
        expected = None if query.is_empty() else float(total)
        ids = None
        if earlier is not None and expected is not None:
            ids = store.page_within(
                query, first + 1, earlier.ids, user=self.user, expected=expected
            )
        if trace is not None:
            trace.note(rows_from="earlier" if ids is not None else "scratch")
        if ids is None:
            ids = store.search(query, order, user=self.user, limit=first + 1, expected=expected)
        if trace is not None:
            trace.step("rows")
        if len(ids) <= first:
            total, exact, sampled = len(ids), True, None
        if order == ARCHIVE_ORDER:
            with self._lock:
                self._answers = [
                    *self._answers[-(ANSWERS_KEPT - 1) :],
                    _Answer(query, ids, sampled),
                ]
        return ids, total, exact

    def _narrowed(self, query: Query, order: SortOrder) -> _Answer | None:
        """The latest answer kept whose result holds *query*'s, in archive order only."""
        if order != ARCHIVE_ORDER:
            return None
        with self._lock:
            answers = list(self._answers)
        for answer in reversed(answers):
            # Not from everything (the bar cleared, a word pasted): walking on after its
            # first rows is the walk from scratch, for a rare word to its time limit.
            if not answer.query.is_empty() and narrows(query, answer.query):
                return answer
        return None

    def _listed(
        self, store: PostgresStore, query: Query, order: SortOrder, total: int, *, estimated: bool
    ) -> PagedResult:
        """A big result as its first LISTED_UP_TO rows in *order*, with its size (*total*,
        *estimated* or not) and the timeline from the archive's sample: every id of "climate"
        in half of a million releases took 12 s to read and sort, holding a connection the
        next keys wait for. Fewer rows than that: the whole result after all, counted.
        Rows sorted from every match were counted on the way: that count replaces the
        estimate, and the browser has no ``count(*)`` of its own to ask (:meth:`counted`)."""
        ids, counted = store.search_counted(
            query, order, user=self.user, limit=LISTED_UP_TO, expected=total
        )
        read = {release.id: release for release in store.get_many(ids[:PAGE])}
        if len(ids) < LISTED_UP_TO:
            months = store.months(query, user=self.user)
            return PagedResult(self, ids, query, months=months, preread=read)
        if counted is not None:
            total, estimated = counted, False
        # The timeline's bars are shares: the sample draws the same picture.
        months = store.months_estimate(query, user=self.user)[0]
        return PagedResult(
            self, ids, query, months=months, preread=read, total=total, estimated=estimated
        )

    def _count(self, store: PostgresStore, query: Query) -> tuple[int, bool]:
        """How many releases *query* matches, and whether that is exact (not estimated)."""
        total, exact, _sampled = self._count_sampled(store, query, None)
        return total, exact

    def _count_sampled(
        self, store: PostgresStore, query: Query, within: Sampled | None
    ) -> tuple[int, bool, Sampled | None]:
        """:meth:`_count`, and the sample's matches when it was estimated on the sample
        (of *within*'s only: ``PostgresStore.count_sampled``)."""
        if query.is_empty():
            return self._total, True, None
        total, exact, sampled = store.count_sampled(
            query, user=self.user, exact_up_to=EXACT_UP_TO, within=within
        )
        # A sample's estimate may pass the archive's size ("c" in every release).
        return (total, True, None) if exact else (min(total, max(self._total, 1)), False, sampled)

    def facets(
        self,
        result: ResultView,
        limit: int = 30,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
    ) -> Facets:
        """Organisations, issuers, places, years and tags of *result*, counted by the database."""
        query = result.query if isinstance(result, PagedResult) else None
        if query is None:
            return _facets_of(list(result), states or {}, limit)
        with self._connection() as store:
            # A big result's facets from the archive's sample, scaled (exact up to 20,000).
            return store.facets_estimate(query, limit, user=self.user)[0]

    def built_contacts(self) -> ContactDirectory | None:
        return self._contacts[0] if self._contacts else None

    def contacts(self, should_stop: Callable[[], bool] | None = None) -> ContactDirectory:
        """The contact directory of every release (read a page at a time; built once per reload)."""
        if not self._contacts:
            self._read_all(should_stop)
        return self._contacts[0]

    def built_related(self) -> RelatedIndex | None:
        return self._related[0] if self._related else None

    def related(self, should_stop: Callable[[], bool] | None = None) -> RelatedIndex:
        """Releases related by contact, organisation and place (built with the contacts)."""
        if not self._related:
            self._read_all(should_stop)
        return self._related[0]

    def find_duplicates(self, should_stop: Callable[[], bool] | None = None) -> DuplicateGroups:
        """No near-duplicate groups yet on PostgreSQL: every release is its own row."""
        import numpy as np

        from store.near_duplicates import DuplicateGroups

        return DuplicateGroups(np.full(0, -1, dtype=np.int32), ())

    def read_marks(self) -> dict[str, ReleaseState]:
        return dict(self.store.states())

    def write_marks(
        self,
        read: Mapping[str, bool],
        starred: Mapping[str, bool],
        tags: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        """Write these marks of this user (only these: another person's are never touched)."""
        for value in (True, False):
            ids = [i for i, v in read.items() if v is value]
            if ids:
                self.store.set_read(ids, value)
            ids = [i for i, v in starred.items() if v is value]
            if ids:
                self.store.set_starred(ids, value)
        if tags:
            self.store.change_tags(tags)

    def load_saved(self) -> SavedSearches:
        return self.store.load_saved()

    def write_saved(self, searches: SavedSearches) -> None:
        self.store.write_saved(searches)

    def import_paths(self, paths: Sequence[str]) -> ImportSummary:
        """Import *paths* from the browser into the shared archive, then count again."""
        from store.ingest.run import import_paths

        summary = import_paths(self.store, list(paths), workers=1)
        self.reload()
        return summary

    def close(self) -> None:
        self._closing = True  # a directory being read stops at its next release
        self._listener.close()
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
        self.store.close()

    def __enter__(self) -> PostgresArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- inside ------------------------------------------------------------------

    def releases_of(self, release_ids: Sequence[str]) -> list[Release]:
        """The releases of *release_ids* in that order (a page of a list)."""
        with self._connection() as store:
            return store.get_many(release_ids)

    @contextmanager
    def _connection(self, should_stop: Callable[[], bool] | None = None) -> Iterator[PostgresStore]:
        """A connection of this thread's own for the time of one piece of work.

        A search waiting for one (all :data:`POOL` in use: earlier keys' searches,
        a whole result, the facets) stops waiting as soon as it is overtaken
        (*should_stop*): :class:`SearchCancelled`. Otherwise the searches of keys
        typed meanwhile queued for connections, each holding a thread, and the
        last key's waited behind them all.
        """
        if should_stop is None:
            self._slots.acquire()
        else:
            while not self._slots.acquire(timeout=SLOT_LOOK_EVERY):
                if should_stop():
                    raise SearchCancelled
        try:
            store = self._ready_connection()
            try:
                yield store
            finally:
                self._idle.put(store)
        finally:
            self._slots.release()

    def _ready_connection(self) -> PostgresStore:
        """An idle connection that can take a statement (a lost one closed), else a new one."""
        while True:
            try:
                store = self._idle.get_nowait()
            except queue.Empty:
                break
            if store.ready():
                return store
            with self._lock:
                self._opened.remove(store)
            with suppress(psycopg.Error):
                store.close()
        store = PostgresStore(self.conninfo, user=self.user)
        with self._lock:
            self._opened.append(store)
        return store

    def _read_all(self, should_stop: Callable[[], bool] | None = None) -> None:
        """Read what the directory and related releases need of every release, in archive order."""
        ids: list[str] = []
        titles: list[str] = []
        dates: list[str | None] = []
        locations: list[str | None] = []
        organisations: list[tuple[str, ...]] = []
        issuers: list[str | None] = []
        blocks: list[tuple[Contact, ...]] = []
        with self._connection() as store:
            for release in store.releases():
                if self._closing or (should_stop is not None and should_stop()):
                    # Quitting: a million releases are not read to the end first.
                    raise SearchCancelled
                ids.append(release.id)
                titles.append(release.title)
                dates.append(release.date)
                locations.append(release.location)
                organisations.append(release.organisations)
                issuers.append(release.issuer)
                blocks.append(release.contacts)
        directory = ContactDirectory.build_from(zip(ids, dates, blocks, strict=True), should_stop)
        related = RelatedIndex(ids, titles, dates, locations, organisations, issuers, blocks)
        self._contacts[:] = [directory]
        self._related[:] = [related]


@dataclass(frozen=True, slots=True)
class _Answer:
    """What a key's search found: its first ids in archive order (as many as asked, or
    all), and its sample's matches when its count was estimated on the sample."""

    query: Query
    ids: list[str]
    sampled: Sampled | None


@contextmanager
def _cancelled_when(store: PostgresStore, should_stop: Callable[[], bool] | None) -> Iterator[None]:
    """Cancel *store*'s statements as soon as *should_stop* says so (the next key came),
    checked every CANCEL_CHECK seconds beside them, and end the search with
    :class:`SearchCancelled`: a stale key's query stops within a few milliseconds instead
    of holding a core and a connection the next key's query waits for."""
    if should_stop is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_CHECK):
            if should_stop():
                store.cancel()
                done.wait(CANCEL_AGAIN)  # the statements that follow, if it goes on

    watcher = threading.Thread(target=watch, name="pressroom-cancel", daemon=True)
    watcher.start()
    try:
        yield
    except (StoreError, psycopg.errors.QueryCanceled):
        if should_stop():
            raise SearchCancelled from None
        raise
    finally:
        done.set()
        watcher.join()


class PagedResult(ResultView):
    """A result of a PostgreSQL archive: every id, and the releases read a page at a time."""

    __slots__ = ("_archive_months", "query")

    def __init__(
        self,
        archive: PostgresArchive,
        ids: Sequence[str],
        query: Query | None,
        *,
        months: list[tuple[str, int]] | None = None,
        preread: Mapping[str, Release] | None = None,
        total: int | None = None,
        estimated: bool = False,
    ) -> None:
        super().__init__(
            _Pages(archive, ids, preread or {}),
            range(len(ids)),
            (),
            ids,
            total=total,
            estimated=estimated,
        )
        self.query = query
        self._archive_months = months

    def unfolded(self) -> ResultView:
        return self

    def counted(self, total: int) -> PagedResult:
        """The same rows (and the pages read of them) with their size counted exactly."""
        exact = copy.copy(self)
        exact.total = total
        exact.estimated = False
        return exact

    def months(self) -> list[tuple[str, int]]:
        if self._archive_months is not None:
            return self._archive_months
        return _months_of(list(self))


class _Pages(Sequence[Release]):
    """The releases of a result by position, read from the database a page at a time."""

    def __init__(
        self, archive: PostgresArchive, ids: Sequence[str], preread: Mapping[str, Release]
    ) -> None:
        self._archive = archive
        self._ids = ids
        self._read: dict[str, Release] = dict(preread)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Release: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Release]: ...
    def __getitem__(self, index: int | slice) -> Release | Sequence[Release]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        release_id = self._ids[index]
        found = self._read.get(release_id)
        if found is None:
            start = index - index % PAGE
            wanted = [i for i in self._ids[start : start + PAGE] if i not in self._read]
            for release in self._archive.releases_of(wanted):
                self._read[release.id] = release
            found = self._read.get(release_id)
            if found is None:
                # Replaced by an import since the search: read it again by its id.
                found = self._archive.get(release_id)
                if found is None:
                    raise IndexError(index)
        return found


def _months_of(releases: Sequence[Release]) -> list[tuple[str, int]]:
    from store.archive import month_range

    counts = Counter((r.date or "")[:7] for r in releases)
    counts.pop("", None)
    if not counts:
        return []
    return [(m, counts.get(m, 0)) for m in month_range(min(counts), max(counts))]


def _facets_of(
    releases: Sequence[Release], states: Mapping[str, ReleaseStateLike], limit: int
) -> Facets:
    """Facets of a few releases held in memory (a contact's releases)."""
    orgs: Counter[str] = Counter()
    places: Counter[str] = Counter()
    years: Counter[str] = Counter()
    issuers: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for release in releases:
        orgs.update(release.organisations)
        if release.location:
            places[release.location] += 1
        if release.date:
            years[release.date[:4]] += 1
        if release.issuer:
            issuers[release.issuer] += 1
        state = states.get(release.id)
        tags.update(set(release.tags) | set(state.tags if state is not None else ()))
    return Facets(
        organisations=facet_entries(orgs.items(), limit),
        places=facet_entries(places.items(), limit, places=True),
        years=tuple(sorted(years.items(), reverse=True)),
        issuers=facet_entries(issuers.items(), limit),
        tags=tuple(tags.most_common(limit)),
    )


if TYPE_CHECKING:
    from store.backend import BrowsedArchive

    def _offers_the_seam(archive: PostgresArchive) -> BrowsedArchive:
        return archive  # mypy checks that PostgresArchive is a BrowsedArchive
