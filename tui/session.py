"""The browser's session: one archive, its store thread, its watcher, the marks and the collector.

The app owns one :class:`Session`; screens subscribe to it and receive what it
produces as messages (:mod:`tui.messages`). That is the only route from the
store to a widget:

- store work (open, notice another process's writes, save marks, import) runs
  in order on the session's one *store thread* (TinyDB supports neither
  threads nor sharing);
- searches, facets, the index and the contact directory run in Textual thread
  workers over the archive's immutable snapshots;
- an indexed search that finishes within :data:`SEARCH_HERE_FOR` is answered
  on the UI thread, so the typed letter and the narrowed list share a frame;
- results come back as messages posted to the screen that asked (a search)
  or to every subscriber (the archive opened, the store changed, marks
  changed); ``post_message`` is thread-safe and never waits on the UI.

The marks change on the UI thread only (:class:`tui.marks.Marks`); the store
thread reads and writes them on disk and hands what it read back to the UI
thread, where it is laid under the changes not yet saved.

Python's garbage collector is run by the session's :class:`PauseCollector`
(full collections at pauses in typing) and the archive's long-lived objects
are frozen out of full collections once the index is built.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime
from pathlib import Path
from time import perf_counter, sleep
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.worker import Worker, WorkerCancelled, get_current_worker

from store.archive import ResultView, SortOrder
from store.backend import BrowsedArchive, Location, local_base
from store.collector import PauseCollector, freeze_survivors, paused, thaw
from store.contacts import ContactDirectory, DirectoryEntry
from store.disk.release_store import ReleaseState
from store.errors import StoreError
from store.give_way import BuildStopped
from store.records import Release
from store.related import Related
from store.sanitize import clean_line
from store.saved_searches import SavedSearches, load_saved, write_saved
from store.search.index import SearchCancelled
from store.search.query import parse_query
from tui.archive_opening import FIRST_ROWS as OPENING_FIRST_ROWS
from tui.archive_opening import ArchiveOpening, Opened, open_for_browsing
from tui.marks import READ, STARRED, Marks
from tui.prefs import load_prefs, save_prefs, user_state_folder
from tui.runtime.leaving import park

if TYPE_CHECKING:
    # The import pipeline (parsers, feedparser, email, multiprocessing) costs
    # 65-85 ms to import: only an import from the browser loads it.
    from store.ingest.run import ImportSummary
from tui.messages import (
    ArchiveOpened,
    ContactsFiltered,
    ContactsReady,
    ExportFinished,
    FacetsReady,
    IndexReady,
    MarksChanged,
    RelatedReady,
    ResultReady,
    SavedChanged,
    SavedCounts,
    SessionMessage,
    StoreChanged,
    StoreProblem,
)

T = TypeVar("T")

SAVE_MARKS_AFTER = 1.0  # seconds of quiet before marks are written (ten reads in a row: one write)
COLLECT_CHECK_EVERY = 0.5  # seconds between looks for a pause in typing (PauseCollector)
# An indexed search that finishes within this is answered on the UI thread,
# so the typed letter and the narrowed list share one frame (a worker costs a
# frame of its own); one that takes longer moves to a worker.
SEARCH_HERE_FOR = 0.008
# Rows a database is asked for first as the user types (a screen and a page down):
# the list and an estimated count arrive before the whole result is read. Defined
# beside the early opening, which asks a database for the first ones as it opens.
FIRST_ROWS = OPENING_FIRST_ROWS
# The whole result (every id, the timeline) is asked for once typing pauses this long
# after the first rows: each key of a word would otherwise start a query of the whole
# archive (a second at a million), and those would hold the database's connections
# while the next keys wait for one.
WHOLE_AFTER = 0.25
# A search typed while the index is loaded from its file waits for it this long at most,
# then scans: the load takes a second at 100k (a few under load), a scan of every release
# read from the file a minute, holding the lock the load needs.
INDEX_WAIT = 10.0
# Directories up to this size are filtered on the UI thread (1 ms for the
# real corpus's 3,564 entries); bigger ones in a worker, so typing never waits.
FILTER_HERE_UP_TO = 10_000
# A database archive bigger than this builds its contact directory and related releases
# only when asked (the directory: `c`), not as it opens.
PREBUILD_UP_TO = 100_000
# At quit, the last marks are written before the process ends; a store thread
# stuck on a slow disk must not keep the user's terminal for longer than this.
FINAL_SAVE_TIMEOUT = 5.0


class Session:
    """One archive opened for the browser, and everything that works on it."""

    def __init__(
        self,
        app: App[Any],
        db: Location,
        *,
        user: str | None = None,
        opening: ArchiveOpening | None = None,
    ) -> None:
        """*opening*: the archive already being opened on a store thread, which the session takes."""
        self.app = app
        self.db = db
        # Whose marks: a team's archive (PostgreSQL) keeps each person's apart;
        # None is the OS user. A store file has one person's marks.
        self.user = user
        self.archive: BrowsedArchive | None = None
        self.marks = Marks()
        self.collector = PauseCollector()
        self._opening = opening
        self._store = (
            opening.store
            if opening is not None
            else ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressroom-store")
        )
        self._pending: set[Future[Any]] = set()
        # A database's close on the store thread, once the session is closed (what
        # ``pressroom`` waits for before its process ends: tui.runtime.leaving).
        self.store_closed: Future[None] | None = None
        # Set by ``pressroom``, whose process ends with the app (tui.runtime.leaving): a
        # build that looks at the session once it is closed then stops where it stands,
        # without unwinding. Unwound, it freed what it had built and the collector walked
        # it (0.1-0.5 s holding the interpreter's lock), which the app's exit waited out.
        self.builds_left_at_close = False
        self._subscribers: list[MessagePump] = []
        self._serial = 0
        self._save_timer: Timer | None = None
        self._checking = False
        self._closed = False
        # Cleared while the index is loaded from its file: searches wait for it, not scan.
        self._index_settled = threading.Event()
        self._index_settled.set()
        # The search history and sort order of the last run (tui.prefs): a
        # small file beside the store, read once here and written at close.
        self._prefs_base = local_base(db, user_state_folder())
        self.prefs = load_prefs(self._prefs_base)
        self._prefs_saved = self._prefs_now()
        # The saved searches (store.saved_searches), changed on the UI thread
        # only and written on the store thread; and, for this run, where the
        # last release was saved (w) and the last command it was piped to (|).
        # A team's are in its database, read as the archive opens.
        self.saved = load_saved(db) if isinstance(db, Path) else SavedSearches()
        self._saved_unwritten = False
        self.save_folder: Path | None = None
        self.pipe_command = ""

    # -- subscribers ------------------------------------------------------

    def subscribe(self, node: MessagePump) -> None:
        """*node* (a screen) receives the session's messages from now on."""
        if node not in self._subscribers:
            self._subscribers.append(node)

    def unsubscribe(self, node: MessagePump) -> None:
        if node in self._subscribers:
            self._subscribers.remove(node)

    def _broadcast(self, make: Callable[[], SessionMessage]) -> None:
        # A message is handled once: each subscriber gets its own.
        for node in list(self._subscribers):
            node.post_message(make())

    # -- life -------------------------------------------------------------

    def start(self) -> None:
        """Open the archive (on the store thread) and start watching the store."""
        self.collector.start()
        self.app.set_interval(COLLECT_CHECK_EVERY, self.collector.tick, name="pause-collector")
        opening, self._opening = self._opening, None
        if opening is None:
            self._on_store(self._open, self._opened, self._open_failed)
            return
        opened = opening.opened
        if not opened.done():
            # Still opening: handed over like the session's own opening.
            self._pending.add(opened)
            opened.add_done_callback(self._pending.discard)
            opened.add_done_callback(lambda done: self._to_ui(self._take_opened, done))
        elif opened.exception() is None:
            # Opened while the app imported: the screens mounting now show rows
            # in their first frame.
            self._opened(opened.result())
        else:
            # Ended once the screen has mounted, not in the middle of its mounting.
            self.app.call_after_refresh(self._take_opened, opened)

    def _take_opened(self, opened: Future[Opened]) -> None:
        exc = opened.exception()
        if exc is not None:
            self._open_failed(exc)
        else:
            self._opened(opened.result())

    def close(self) -> None:
        """Write the last marks and stop the store thread (at quit, on the UI thread)."""
        if self._closed:
            return
        self._closed = True
        self._subscribers.clear()
        try:
            # Those handed to the store thread too: a save queued just before
            # (the debounce timer fired) is cancelled with the thread's queue.
            if self.archive is not None and self.marks.unconfirmed:
                archive = self.archive
                read, starred, tags = self.marks.take_unconfirmed()
                future = self._store.submit(archive.write_marks, read, starred, tags)
                future.result(FINAL_SAVE_TIMEOUT)
            if self.archive is not None and self._saved_unwritten:
                # A saved search changed just before quitting: its write may
                # have been cancelled with the store thread's queue.
                archive = self.archive
                self._store.submit(archive.write_saved, self.saved).result(FINAL_SAVE_TIMEOUT)
                self._saved_unwritten = False
        except (StoreError, OSError, FutureTimeout) as exc:
            # The app is ending: one line on the terminal it is restored to.
            self.app.exit(return_code=1, message=f"marks not saved: {_line(exc)}")
        finally:
            if self.archive is not None:
                # Last in the store thread's queue: a database's connections end cleanly.
                closing = self._store.submit(self.archive.close)
                # Only that is worth waiting for at the end: a store file's close frees
                # its tables object by object (up to a second at 100k), nothing more.
                self.store_closed = None if self.archive.local else closing
            self._store.shutdown(wait=False, cancel_futures=True)
            self.collector.stop()
            self.save_prefs()

    def save_prefs(self) -> None:
        """Write the history and sort order beside the store, when they changed."""
        now = self._prefs_now()
        if now != self._prefs_saved:
            save_prefs(self._prefs_base, self.prefs)
            self._prefs_saved = now

    def _prefs_now(self) -> tuple[object, ...]:
        prefs = self.prefs
        return (list(prefs.history), prefs.order, prefs.sidebar, prefs.fold)

    def key_pressed(self) -> None:
        """A key arrived: full collections wait for the next pause in typing."""
        self.collector.key()

    @property
    def busy(self) -> bool:
        """Work is under way: on the store thread, in a worker, or handed back to the UI."""
        return bool(self._pending) or any(not w.is_finished for w in self.app.workers)

    async def settled(self) -> None:
        """Wait until the session's work is done (tests wait on this, not on the clock).

        Messages already posted to screens may still be waiting to be handled,
        and their handlers may start more work: see :attr:`busy`.
        """
        while self.busy:
            # list() of a set is one step for the interpreter: the store
            # thread may add or discard futures meanwhile.
            pending = [asyncio.wrap_future(f) for f in list(self._pending)]
            await asyncio.gather(*pending, return_exceptions=True)
            # Each worker on its own: one cancelled meanwhile (a newer search
            # of its group took over) raises WorkerCancelled, which ends the
            # wait for it, not for the others.
            waits = [w.wait() for w in self.app.workers if not w.is_finished]
            for outcome in await asyncio.gather(*waits, return_exceptions=True):
                if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
                    raise outcome

    # -- the store thread -------------------------------------------------

    def _on_store(
        self,
        work: Callable[[], T],
        done: Callable[[T], object] | None = None,
        failed: Callable[[BaseException], object] | None = None,
    ) -> Future[T] | None:
        """Run *work* on the store thread; *done* or *failed* then run on the UI thread."""
        if self._closed:
            return None

        def run() -> T:
            try:
                value = work()
            except Exception as exc:
                self._to_ui(failed or self._report, exc)
                raise
            if done is not None:
                self._to_ui(done, value)
            return value

        future = self._store.submit(run)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        return future

    def _to_ui(self, callback: Callable[[Any], object], value: object) -> None:
        # The hand-over back into the session: posted to the app's queue (a
        # Callback message), never waiting on the UI thread, which may itself
        # be waiting on the store thread (at quit). It counts as pending work
        # until it has run.
        if not self.app.is_running:
            return
        handed: Future[None] = Future()
        self._pending.add(handed)

        def run() -> None:
            try:
                callback(value)
            finally:
                self._pending.discard(handed)
                handed.set_result(None)

        self.app.call_later(run)

    def _report(self, exc: BaseException) -> None:
        text = _line(exc)
        self._broadcast(lambda: StoreProblem(text))

    def _in_worker(self, work: Callable[[], None], group: str, *, exclusive: bool = True) -> None:
        """Run *work* in a thread worker; an exception in it is a notice, never a crash (R8)."""

        def guarded() -> None:
            try:
                work()
            except (SearchCancelled, BuildStopped):
                pass
            except Exception as exc:
                self._report(exc)

        if not self._closed:
            self.app.run_worker(
                guarded, group=group, exclusive=exclusive, thread=True, exit_on_error=False
            )

    # -- opening and watching ---------------------------------------------

    def _open(self) -> Opened:
        return open_for_browsing(self.db, self.user)

    def _open_failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, StoreError) else f"cannot open the store: {exc!r}"
        self.app.exit(return_code=1, message=clean_line(message))

    def _opened(self, opened: Opened) -> None:
        archive, on_disk, saved = opened
        self.archive = archive
        self.marks.reload(on_disk)
        if saved is not None and not self._saved_unwritten:
            self.saved = saved
        # A store file is looked at every few seconds; a database's notices cost nothing to read.
        self.app.set_interval(archive.watch_every, self.check_store, name="watch-store")
        # A word typed before the archive opened is searched as it opens: it waits for
        # the index (build_index, after the first frame) rather than start a scan.
        self._index_expected(archive)
        self._broadcast(lambda: ArchiveOpened(archive))
        # After the frame that shows the rows: loading the index holds the GIL
        # for tens of milliseconds at a time, which the first paint would wait on.
        self.app.call_after_refresh(self.build_index)

    def check_store(self) -> None:
        """Notice another process's writes (an import running beside the browser)."""
        archive = self.archive
        if archive is None or self._checking:
            return
        self._checking = True

        def check() -> tuple[bool, dict[str, ReleaseState] | None]:
            refreshed = archive.refresh()
            return refreshed.releases, archive.read_marks() if refreshed else None

        def failed(exc: BaseException) -> None:
            self._checking = False
            self._report(exc)

        self._on_store(check, self._checked, failed)

    def _checked(self, checked: tuple[bool, dict[str, ReleaseState] | None]) -> None:
        self._checking = False
        releases_changed, on_disk = checked
        if on_disk is not None:
            self._marks_read(on_disk)
        if releases_changed and self.archive is not None:
            # The previous generation may be collected again.
            thaw()
            total = len(self.archive)
            self._broadcast(lambda: StoreChanged(releases=True, total=total))
            self.build_index()

    def _marks_read(self, on_disk: dict[str, ReleaseState]) -> None:
        changed = self.marks.reload(on_disk)
        if changed:
            self._broadcast(lambda: MarksChanged(changed))

    def build_index(self) -> None:
        """Load or build the search index, then the contact directory, off the UI thread."""
        archive = self.archive
        if archive is None:
            return

        def closed() -> bool:
            if self._closed and self.builds_left_at_close:
                park()
            return self._closed

        self._index_expected(archive)

        def build() -> None:
            try:
                archive.build_index()
            finally:
                self._index_settled.set()
            self._broadcast(IndexReady)
            # The releases and the index live as long as the archive: frozen now, the
            # full pass owed at each pause in typing no longer walks them (60 ms at 100k
            # on the UI thread, which a key typed as it began waited out).
            freeze_survivors()
            if closed() or (not archive.local and len(archive) > PREBUILD_UP_TO):
                # A big team archive: its directory is read when `c` asks for it, not
                # at every start (every release read: minutes at a million, the CPU
                # the keys typed meanwhile need). And nothing more once the browser
                # quits: the process ends when this thread does (it waited 5 s at 100k).
                return
            # What follows is for later (`c`, the related releases, copies folded): each
            # waits for a pause in typing, so that the first words typed after the start
            # do not share the cores with it (100-870 ms a key at 100k, load 10, while
            # the directory was built beside them).

            def give_way() -> bool:
                # Asked every few milliseconds by the builds below: while the user
                # types they wait, so that a key never shares the interpreter's lock
                # with them (a build that ran on took half of it, for seconds at 100k).
                return self.collector.wait_for_pause(closed)

            if give_way():
                return
            # The contact directory next, so that `c` opens on a ready one. Built with
            # the collector paused, as the index is: a full pass at a pause in typing
            # would walk every object built so far (140-180 ms on the UI thread at 100k),
            # none of them garbage. And frozen before the collector runs again: every
            # object made while it was paused is in its young generation, and its first
            # young pass walked them all at once (80-190 ms holding the interpreter's lock,
            # as the block ended, against the next key).
            with paused():
                directory = archive.contacts(give_way)
                freeze_survivors()
            self._broadcast(lambda: ContactsReady(directory))
            if closed():
                return
            # Related releases by contact and place (0.5 s at 100k), then
            # near-duplicates: seconds the first time (every release read),
            # then from the sketches kept beside the store.
            if give_way():
                return
            with paused():
                related = archive.related(give_way)
                # It lives as long as the archive too: frozen as the directory is.
                freeze_survivors()
            self._broadcast(lambda: RelatedReady(related, duplicates=False))
            if self.collector.wait_for_pause(closed):
                return
            worker: Worker[None] = get_current_worker()

            def stopped() -> bool:
                return worker.is_cancelled or closed()

            # The first opening sketches every release (15-60 s of a core at 100k): asked
            # every 256 releases whether to stop, it waits out the user's typing there.
            archive.find_duplicates(lambda: self.collector.wait_for_pause(stopped))
            with_copies = archive.built_related()
            if with_copies is not None and with_copies.duplicates is not None:
                self._broadcast(lambda: RelatedReady(with_copies, duplicates=True))

        self._in_worker(build, "index")

    # -- searching --------------------------------------------------------

    @property
    def serial(self) -> int:
        """The number of the latest search asked for; a result with another is stale."""
        return self._serial

    def search(
        self, requester: MessagePump, text: str, order: SortOrder, keep: str | None
    ) -> ResultReady | None:
        """The answer to *text*: returned when it is found at once, else posted to *requester*.

        An indexed search that takes less than :data:`SEARCH_HERE_FOR` is
        returned, for the caller to show in the frame of the keystroke (a
        message would be handled a step later, often in a frame of its own);
        any other is answered by a worker, as a :class:`ResultReady` message.
        """
        archive = self.archive
        if archive is None:
            return None
        self._serial += 1
        serial = self._serial
        query = parse_query(text)
        states = self.marks.snapshot()
        fold = self.prefs.fold
        # The empty query (every release, as the browser opens) needs no index
        # and no scan: answered here, it reaches the first frame with rows
        # without a worker's hop (46 ms at the real corpus, measured from a pty).
        if archive.local and (not archive.indexing or query.is_empty()):
            deadline = perf_counter() + SEARCH_HERE_FOR
            try:
                # Only phrase checks look at the deadline: the rest of an
                # indexed search is bitmap work, milliseconds even at 100k.
                result = archive.search(
                    query, order, lambda: perf_counter() > deadline, states=states, fold=fold
                )
            except SearchCancelled:
                pass
            else:
                return ResultReady(serial, query, result, result.months(), keep)

        def search() -> None:
            worker: Worker[None] = get_current_worker()

            def typed_on() -> bool:
                return worker.is_cancelled or serial != self._serial

            if archive.indexing and self._wait_for_index(typed_on):
                return
            result = archive.search(
                query, order, typed_on, states=states, fold=fold, first=FIRST_ROWS
            )
            completes = result.partial
            if completes:
                # A database's first rows and count, shown at once; the whole
                # result (and the timeline) follows in a second message.
                if typed_on():
                    return
                requester.post_message(ResultReady(serial, query, result, None, keep))
                if _typed_within(WHOLE_AFTER, typed_on):
                    return
                result = archive.search(query, order, typed_on, states=states, fold=fold)
            # The timeline's counts are made here, off the UI thread (a
            # Counter over every hit: milliseconds at 100k).
            months = result.months()
            if typed_on():
                return
            requester.post_message(
                ResultReady(serial, query, result, months, keep, completes=completes)
            )
            # A big result's size is still the sample's estimate ("about 487,694"): its
            # exact count follows, from every match (seconds at a million), the list and
            # the estimate shown meanwhile and the next key cancelling it.
            if result.estimated:
                exact = archive.counted(result, typed_on)
                if exact is not None and not typed_on():
                    requester.post_message(
                        ResultReady(serial, query, exact, months, keep, completes=True)
                    )

        self._in_worker(search, "search")
        return None

    @property
    def index_coming(self) -> bool:
        """Whether a search now waits for the index being loaded from its file."""
        return not self._index_settled.is_set()

    def _index_expected(self, archive: BrowsedArchive) -> None:
        # Until build_index's worker has loaded it, searches wait (see _wait_for_index).
        if archive.indexing and archive.index_on_disk:
            self._index_settled.clear()

    def _wait_for_index(self, typed_on: Callable[[], bool]) -> bool:
        """In a search worker: wait while the index is loaded from its file (at most
        :data:`INDEX_WAIT`); True when the search is no longer wanted. The index's
        arrival asks the bar's search again (IndexReady), which ends this one."""
        deadline = perf_counter() + INDEX_WAIT
        while not self._index_settled.wait(0.02):
            if typed_on() or perf_counter() > deadline:
                break
        return typed_on()

    def facets(self, requester: MessagePump, result: ResultView) -> None:
        """Count organisations, places and years of *result*; a :class:`FacetsReady` follows."""
        archive = self.archive
        if archive is None:
            return

        states = self.marks.snapshot()

        def count() -> None:
            facets = archive.facets(result, states=states)
            if not get_current_worker().is_cancelled:
                requester.post_message(FacetsReady(facets))

        self._in_worker(count, "facets")

    def contacts(self) -> ContactDirectory | None:
        """The contact directory if it is built; else it is built and :class:`ContactsReady` follows."""
        archive = self.archive
        if archive is None:
            return None
        built = archive.built_contacts()
        if built is None:

            def build() -> None:
                directory = archive.contacts()
                self._broadcast(lambda: ContactsReady(directory))

            self._in_worker(build, "contacts")
        return built

    def related(self, release_id: str) -> Related | None:
        """The releases related to *release_id*, once the index is built (a few microseconds)."""
        archive = self.archive
        index = archive.built_related() if archive is not None else None
        return index.related(release_id) if index is not None else None

    def release(self, release_id: str) -> Release | None:
        """The release with *release_id* (read from the store file when it is not in memory)."""
        archive = self.archive
        return archive.get(release_id) if archive is not None else None

    def filter_contacts(
        self, requester: MessagePump, directory: ContactDirectory, text: str, serial: int
    ) -> ContactsFiltered | None:
        """The entries of *directory* that *text* matches: returned now, or posted to *requester*."""
        if len(directory) <= FILTER_HERE_UP_TO:
            # Under a millisecond: filtering right here puts the typed letter
            # and the narrowed list in the same frame, where a worker costs a
            # frame of its own and a thread hand-over.
            return ContactsFiltered(serial, _filtered(directory, text))

        def run() -> None:
            entries = _filtered(directory, text)
            if not get_current_worker().is_cancelled:
                requester.post_message(ContactsFiltered(serial, entries))

        self._in_worker(run, "contacts-filter")
        return None

    # -- marks ------------------------------------------------------------

    def set_read(self, release_id: str, read: bool) -> None:
        self._set(release_id, READ, read)

    def set_starred(self, release_id: str, starred: bool) -> None:
        self._set(release_id, STARRED, starred)

    def set_read_many(self, release_ids: Sequence[str], read: bool) -> int:
        """Mark these releases read (or unread) at once: one message, one save; how many changed."""
        if self.archive is None:
            return 0
        changed = [i for i in release_ids if self.marks.set(i, READ, read)]
        if changed:
            self._broadcast(lambda: MarksChanged(changed))
            self._save_soon()
        return len(changed)

    def set_tag(self, release_ids: Sequence[str], name: str, present: bool) -> int:
        """Add the user's tag *name* to these releases, or remove it; how many changed."""
        if self.archive is None:
            return 0
        changed = self.marks.set_tag(release_ids, name, present)
        if changed:
            self._broadcast(lambda: MarksChanged(changed))
            self._save_soon()
        return len(changed)

    def _set(self, release_id: str, field: str, value: bool) -> None:
        if self.archive is None or not self.marks.set(release_id, field, value):
            return
        self._broadcast(lambda: MarksChanged([release_id]))
        self._save_soon()

    def _save_soon(self) -> None:
        # Debounced: reading ten releases in a row costs one store write.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.app.set_timer(SAVE_MARKS_AFTER, self.save_marks, name="save-marks")

    def save_marks(self) -> None:
        """Write the marks changed since the last save (on the store thread)."""
        self._save_timer = None
        archive = self.archive
        if archive is None or not self.marks.unsaved:
            return
        read, starred = self.marks.take_changes()
        tags = self.marks.take_tag_changes()

        def done(_: object) -> None:
            self.marks.saved(read, starred)
            self.marks.tags_saved(tags)

        def failed(exc: BaseException) -> None:
            self.marks.not_saved(read, starred)
            self.marks.tags_not_saved(tags)
            self._report(exc)

        self._on_store(lambda: archive.write_marks(read, starred, tags), done, failed)

    # -- exporting --------------------------------------------------------

    def export(
        self,
        requester: MessagePump,
        releases: Sequence[Release],
        fmt: str,
        path: Path,
        title: str = "",
    ) -> None:
        """Write *releases* with their marks and tags to *path* (store.export), in a worker.

        :class:`ExportFinished` follows to *requester*; a failure is a
        :class:`StoreProblem` (one line: "cannot write ...: Permission denied").
        """
        states = self.marks.snapshot()

        def run() -> None:
            from store.export import export_to_file

            count = export_to_file(path, fmt, releases, states, title=title)
            requester.post_message(ExportFinished(path, count, "release"))

        self._in_worker(run, "export", exclusive=False)

    def export_contacts(
        self, requester: MessagePump, entries: Sequence[DirectoryEntry], path: Path
    ) -> None:
        """Write *entries* as vCards 4.0 to *path* (store.vcard), in a worker; as :meth:`export`."""

        def run() -> None:
            from store.export import atomic_output
            from store.vcard import write_vcards

            with atomic_output(path) as out:
                count = write_vcards(out, entries)
            requester.post_message(ExportFinished(path, count, "contact"))

        self._in_worker(run, "export", exclusive=False)

    # -- importing --------------------------------------------------------

    def import_paths(self, paths: Sequence[str]) -> None:
        """Import *paths* into the archive (on the store thread); :class:`StoreChanged` follows."""
        archive = self.archive
        if archive is None:
            return

        def run() -> tuple[ImportSummary, dict[str, ReleaseState]]:
            summary = archive.import_paths(paths)
            return summary, archive.read_marks()

        self._on_store(run, self._imported)

    def _imported(self, done: tuple[ImportSummary, dict[str, ReleaseState]]) -> None:
        summary, on_disk = done
        if self.archive is None:
            return
        self._marks_read(on_disk)
        total = len(self.archive)
        imported = summary.imported
        self._broadcast(lambda: StoreChanged(releases=True, total=total, imported=imported))
        self.build_index()

    # -- saved searches ---------------------------------------------------

    def save_search(self, name: str, query: str, result: ResultView | None) -> None:
        """Save *query* as *name*; what it matches now is seen. Raises ValueError (no name, too many)."""
        self.saved.save(name, query, result.release_ids() if result is not None else (), _now())
        self._saved_changed()

    def saved_opened(self, name: str, result: ResultView) -> None:
        """Saved search *name* was opened and showed *result*: only releases beyond it count as new."""
        if self.saved.get(name) is not None:
            self.saved.opened(name, result.release_ids(), _now())
            self._saved_changed()

    def rename_saved(self, name: str, new_name: str) -> None:
        """Raises ValueError (no name, or the name of another saved search)."""
        self.saved.rename(name, new_name)
        self._saved_changed()

    def delete_saved(self, name: str) -> None:
        self.saved.delete(name)
        self._saved_changed()

    def _saved_changed(self) -> None:
        # Written at once, on the store thread, from a copy (the list goes on
        # changing here); the lists showing them redraw and count again.
        self._saved_unwritten = True
        copy = SavedSearches(self.saved)

        def written(_: object) -> None:
            if copy.to_json() == self.saved.to_json():
                self._saved_unwritten = False

        archive = self.archive
        if archive is not None:
            self._on_store(lambda: archive.write_saved(copy), written)
        elif isinstance(self.db, Path):
            path = self.db
            self._on_store(lambda: write_saved(path, copy), written)
        self._broadcast(SavedChanged)
        self.count_saved()

    def count_saved(self) -> None:
        """Count each saved search's releases, and the new ones, off the UI thread; :class:`SavedCounts` follows."""
        archive = self.archive
        searches = list(self.saved)
        if archive is None:
            return
        states = self.marks.snapshot()

        def count() -> None:
            worker: Worker[None] = get_current_worker()
            counts: dict[str, tuple[int, int]] = {}
            for search in searches:
                result = archive.search(
                    parse_query(search.query),
                    SortOrder(),
                    lambda: worker.is_cancelled,
                    states=states,
                )
                counts[search.name] = (len(result), search.new_among(result.release_ids()))
            if not worker.is_cancelled:
                self._broadcast(lambda: SavedCounts(counts))

        # Exclusive: a newer count (the store changed again) replaces this one.
        self._in_worker(count, "saved-counts")


def _filtered(directory: ContactDirectory, text: str) -> list[DirectoryEntry]:
    return directory.filter(text) if text.strip() else list(directory.entries)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _line(exc: BaseException) -> str:
    return clean_line(str(exc)) or type(exc).__name__


def _typed_within(seconds: float, typed_on: Callable[[], bool]) -> bool:
    """Whether *typed_on* turns true within *seconds* (looked at every 10 ms)."""
    deadline = perf_counter() + seconds
    while perf_counter() < deadline:
        if typed_on():
            return True
        sleep(0.01)
    return typed_on()
