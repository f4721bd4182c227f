"""The browse screen: search bar, release list, detail pane, facets and timeline."""

from __future__ import annotations

import gc
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from store.archive import Archive, ResultView, SortOrder
from store.disk.release_store import ReleaseStore
from store.errors import StoreError
from store.records import Release
from store.sanitize import clean_line
from store.search.index import SearchCancelled
from store.search.query import Query, parse_query
from tui.store_thread import StoreThread
from tui.widgets.detail_pane import DetailPane
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.release_list import ReleaseList
from tui.widgets.search_bar import SearchBar
from tui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from store.ingest.run import ImportSummary

WIDE = 120  # columns from which the detail pane sits beside the list
SHORT = 20  # rows below which the search bar is one line
SAVE_MARKS_AFTER = 1.0  # seconds of quiet before read/star marks are written
WATCH_STORE_EVERY = 3.0  # seconds between checks for another process's writes
DETAIL_AFTER = (
    0.25  # seconds of typing pause before the pane follows the list (a fast typist: 0.15 a key)
)
# An indexed search that finishes within this is answered on the UI thread,
# so the typed letter and the narrowed list share one frame (a worker costs a
# frame of its own); one that takes longer moves to a worker.
SEARCH_HERE_FOR = 0.008


def bundled_samples() -> Path | None:
    """The repository's samples folder, when Pressroom runs from a clone."""
    folder = Path(__file__).resolve().parent.parent.parent / "samples"
    return folder if folder.is_dir() else None


class BrowseScreen(Screen[None]):
    """Everything in the archive, narrowed as the user types."""

    # The list has the keys from the first frame, so "/" searches even
    # before the archive has finished opening.
    AUTO_FOCUS = "#releases"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the app handles "/" before it hands the next keys on, so
        # "/haier" typed in one go lands in the bar, not on the list's keys.
        Binding("slash", "focus_search", "Search", priority=True, id="browse.search"),
        Binding("escape", "back", "Back", show=False, id="browse.back"),
        Binding("c", "contacts", "Contacts", id="browse.contacts"),
        Binding("f", "toggle_facets", "Facets", id="browse.facets"),
        Binding("s", "toggle_star", "Star", id="browse.star"),
        Binding("r", "toggle_read", "Read", id="browse.read"),
        Binding("o", "open_link", "Open link", id="browse.open_link"),
        Binding("y", "copy", "Copy", id="browse.copy"),
        Binding("n", "next_hit", "Next hit", show=False, id="browse.next_hit"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="browse.previous_hit"),
        Binding("S", "next_sort", "Sort", show=False, id="browse.sort"),
        Binding("R", "reverse_sort", "Reverse", show=False, id="browse.reverse"),
        Binding("i", "import_samples", "Import samples", show=False, id="browse.import_samples"),
    ]

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.archive: Archive | None = None
        self.query_value: Query = parse_query("")
        self.result: ResultView | None = None
        self.order = SortOrder()
        self._search_serial = 0
        self._dirty_marks: set[str] = set()
        self._detail_timer: Timer | None = None
        self.store_thread: StoreThread

    # -- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.styled("Pressroom", "bold"), id="brand")
            yield Static("", id="totals")
        yield SearchBar(id="search")
        with Horizontal(id="statusbar"):
            yield Static("", id="count")
            yield Static("", id="hint")
        with Horizontal(id="main"):
            yield FacetPanel(id="facets")
            yield ReleaseList(id="releases")
            yield DetailPane(id="detail")
            yield Static("", id="welcome")
        yield Timeline(id="timeline")
        yield KeyBar()

    def on_mount(self) -> None:
        self.store_thread = StoreThread(self.app)
        self.query_one(ReleaseList).follow = self._cursor_moved
        self.query_one("#facets").display = False
        self._apply_width(self.app.size.width)
        self.query_one("#count", Static).update("opening the archive …")
        self.store_thread.submit(self._open_archive, self._archive_ready, self._open_failed)
        self.set_interval(WATCH_STORE_EVERY, self._watch_store)

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        # On short terminals the search bar gives up its border for list rows.
        self.set_class(self.app.size.height < SHORT, "-short")

    # -- loading (store thread) -------------------------------------------

    def _open_archive(self) -> Archive:
        # Deferred: with a current catalogue the store file is never parsed
        # at all; otherwise the archive reads it (and reports damage) itself.
        return Archive(ReleaseStore(self.db, defer_load=True))

    def _open_failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, StoreError) else f"cannot open the store: {exc!r}"
        self.app.exit(return_code=1, message=message)

    def _archive_ready(self, archive: Archive) -> None:
        self.archive = archive
        self._refresh_totals()
        self.run_search(self.query_one(SearchBar).value, keep=None)
        # Whoever started typing while the archive opened keeps their focus.
        if self.focused is None:
            self.set_focus(self.query_one(ReleaseList), scroll_visible=False)
        self.build_index()

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def build_index(self) -> None:
        """The index makes keystrokes fast; until it is ready, searches scan."""
        # Two workers may build one directory at once (this one and `c`): both
        # build the same value and one of them is kept, which is harmless.
        if self.archive is not None:
            self.archive.build_index()
            # A search typed meanwhile was a scan: answer it again from the index.
            self.app.call_from_thread(self._index_ready)
            # The contact directory next, so that `c` opens on a ready one.
            self.archive.contacts()
            # Releases and index live as long as the archive: keep the cyclic
            # collector from walking their millions of objects in the middle
            # of a keystroke (full collections cost ~200 ms at 10k).
            gc.freeze()

    def _index_ready(self) -> None:
        if self.query_value.clauses:
            self.run_search(self.query_one(SearchBar).value, keep=self._current_id())

    def _watch_store(self) -> None:
        """Notice another process's writes (an import running beside the browser)."""
        archive = self.archive
        if archive is None:
            return

        def check() -> bool:
            changed = archive.refresh()
            if changed:
                # The previous generation may be collected again.
                gc.unfreeze()
            return changed

        self.store_thread.submit(check, self._store_changed, self._report)

    def _store_changed(self, changed: bool) -> None:
        if not changed or self.archive is None:
            return
        self._refresh_totals()
        self.run_search(self.query_one(SearchBar).value, keep=self._current_id())
        self.notify(f"The archive changed: {len(self.archive):,} releases", title="Updated")
        self.build_index()

    def _report(self, exc: BaseException) -> None:
        self.notify(Content(clean_line(str(exc)) or repr(exc)), severity="error", title="Store")

    # -- searching --------------------------------------------------------

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self.run_search(event.value, keep=self._current_id())

    @on(SearchBar.Submitted, "#search")
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        self.query_one(SearchBar).remember()
        self.query_one(ReleaseList).focus(scroll_visible=False)

    def run_search(self, text: str, *, keep: str | None) -> None:
        archive = self.archive
        if archive is None:
            return
        self._search_serial += 1
        serial = self._search_serial
        if archive.index is not None:
            query = parse_query(text)
            deadline = perf_counter() + SEARCH_HERE_FOR
            try:
                # Only phrase checks look at the deadline: the rest of an
                # indexed search is bitmap work, milliseconds even at 100k.
                result = archive.search(
                    query, self.order, should_stop=lambda: perf_counter() > deadline
                )
            except SearchCancelled:
                pass
            else:
                self._show_result(serial, query, result, result.months(), keep)
                return
        self._search(text, self.order, serial, keep)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, text: str, order: SortOrder, serial: int, keep: str | None) -> None:
        archive = self.archive
        if archive is None:
            return
        query = parse_query(text)
        worker = get_current_worker()

        def typed_on() -> bool:
            return worker.is_cancelled or serial != self._search_serial

        try:
            result = archive.search(query, order, should_stop=typed_on)
        except SearchCancelled:
            return
        if typed_on():
            return
        # The timeline's counts are made here, off the UI thread (a Counter
        # over every hit: milliseconds at 100k).
        months = result.months()
        if typed_on():
            return
        self.app.call_from_thread(self._show_result, serial, query, result, months, keep)

    def _show_result(
        self,
        serial: int,
        query: Query,
        result: ResultView,
        months: list[tuple[str, int]],
        keep: str | None,
    ) -> None:
        # A result that arrives after the input moved on is dropped (R2).
        if serial != self._search_serial or self.archive is None:
            return
        self.query_value = query
        self.result = result
        releases = self.query_one(ReleaseList)
        # The cursor moves with the new rows; the pane does not follow it now
        # but once the typing pauses (below).
        releases.follow = None
        releases.set_releases(result, self.archive.marks, keep=keep)
        releases.follow = self._cursor_moved
        # The status line has a fixed size: no layout pass for new words in it.
        # Until the index is ready a search reads every release: say why it is slow.
        indexing = (
            "  ·  indexing for search …" if self.archive.index is None and query.clauses else ""
        )
        self.query_one("#count", Static).update(
            Content(
                f"{len(result):,} of {len(self.archive):,}  ·  sorted by {self.order.label()}"
                + indexing
            ),
            layout=False,
        )
        self.query_one("#hint", Static).update(Content("  ".join(query.hints)), layout=False)
        self.query_one(Timeline).show(months)
        self._show_welcome(len(self.archive) == 0)
        if self.query_one(FacetPanel).display:
            self._compute_facets(result)
        # While the user types, the list comes first; the pane follows once they pause.
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if self.query_one(DetailPane).shown_for is None:
            self._show_current_detail()  # the first result: nothing to wait for
        else:
            self._detail_timer = self.set_timer(DETAIL_AFTER, self._show_current_detail)

    def _show_current_detail(self) -> None:
        self._detail_timer = None
        self._show_detail(self.query_one(ReleaseList).current)

    def _show_welcome(self, empty: bool) -> None:
        self.set_class(empty, "-empty")
        welcome = self.query_one("#welcome", Static)
        if empty:
            samples = bundled_samples()
            lines = [
                ("Your archive is empty.", "bold"),
                ("", ""),
                ("Import press releases from files, folders or feeds:", ""),
                ("    pressroom import PATH ...", "bold"),
                ("", ""),
                ("Formats: .txt .md .html .json .jsonl .eml, RSS and Atom feeds.", "dim"),
            ]
            if samples is not None:
                lines += [("", ""), ("Press i to import the bundled sample releases.", "bold")]
            text = Text()
            for line, style in lines:
                text.append(line + "\n", style)
            welcome.update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="facets")
    def _compute_facets(self, result: ResultView) -> None:
        if self.archive is None:
            return
        facets = self.archive.facets(result)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one(FacetPanel).show, facets)

    # -- the detail pane --------------------------------------------------

    def _current_id(self) -> str | None:
        current = self.query_one(ReleaseList).current
        return current.id if current else None

    def _cursor_moved(self, release: Release | None) -> None:
        """The user moved the cursor: the pane shows its release in the same frame."""
        if self.has_class("-wide"):
            if self._detail_timer is not None:
                self._detail_timer.stop()
                self._detail_timer = None
            self._show_detail(release)

    def _show_detail(self, release: Release | None) -> None:
        query = self.query_value
        pane = self.query_one(DetailPane)
        highlighter = None if query.is_empty() else query.highlight_spans
        release_id = release.id if release else None
        if pane.shown_for is None or pane.shown_for[0] != release_id:
            pane.show(release, highlighter)
        elif pane.shown_for[1] != query.text:
            pane.highlight(highlighter)
        pane.shown_for = (release_id, query.text)

    @on(ReleaseList.Selected)
    def _selected(self, event: ReleaseList.Selected) -> None:
        self.open_release(event.item)

    def open_release(self, release: Release) -> None:
        """Enter: show the release (beside the list, or full screen when narrow) and mark it read."""
        self._mark(release.id, read=True)
        if self.has_class("-wide"):
            self._show_detail(release)
            self.query_one(DetailPane).focus(scroll_visible=False)
        else:
            from tui.screens.reader import ReaderScreen

            query = self.query_value
            self.app.push_screen(
                ReaderScreen(release, None if query.is_empty() else query.highlight_spans)
            )

    # -- marks ------------------------------------------------------------

    def _mark(
        self, release_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        archive = self.archive
        if archive is None:
            return
        state = archive.state(release_id)
        if read is not None and read != state.read:
            archive.set_read(release_id, read)
        elif starred is not None and starred != state.starred:
            archive.set_starred(release_id, starred)
        else:
            return
        self._dirty_marks.add(release_id)
        self.query_one(ReleaseList).refresh_marks()
        # Debounced: reading ten releases in a row costs one store write.
        self.set_timer(SAVE_MARKS_AFTER, self.save_marks, name="save-marks")

    def save_marks(self, *, wait: bool = False) -> None:
        """Write pending read/star marks to the store (on the store thread)."""
        archive = self.archive
        if archive is None or not self._dirty_marks:
            return
        changed = sorted(self._dirty_marks)
        self._dirty_marks.clear()
        if wait:
            self.store_thread.run_now(lambda: archive.save_states(changed))
        else:
            self.store_thread.submit(lambda: archive.save_states(changed), None, self._report)

    def on_unmount(self) -> None:
        try:
            self.save_marks(wait=True)
        finally:
            self.store_thread.shutdown()

    # -- actions ----------------------------------------------------------

    def action_focus_search(self) -> None:
        bar = self.query_one(SearchBar)
        if self.focused is bar:
            # In the bar "/" is a character: let the key go on to it, in its
            # turn after the keys typed before it.
            raise SkipAction()
        # Focus now, not on the next turn of the loop (see the binding).
        self.set_focus(bar, scroll_visible=False)

    def action_back(self) -> None:
        """Esc backs out one step: the search text, then the pane, then the facets."""
        search = self.query_one(SearchBar)
        if self.focused is search:
            if search.value:
                search.remember()
                search.value = ""
            else:
                self.query_one(ReleaseList).focus(scroll_visible=False)
        elif self.focused is self.query_one(DetailPane):
            self.query_one(ReleaseList).focus(scroll_visible=False)
        elif self.query_one(FacetPanel).display:
            self.action_toggle_facets()
        elif search.value:
            search.remember()
            search.value = ""

    def action_contacts(self) -> None:
        if self.archive is None:
            return
        from tui.screens.contacts import ContactsScreen

        self.app.push_screen(ContactsScreen(self.archive, self.store_thread))

    def action_toggle_facets(self) -> None:
        panel = self.query_one(FacetPanel)
        panel.display = not panel.display
        if panel.display and self.result is not None:
            self._compute_facets(self.result)
            panel.focus(scroll_visible=False)
        elif self.focused is None:
            self.query_one(ReleaseList).focus(scroll_visible=False)

    @on(FacetPanel.Chosen)
    def _facet_chosen(self, event: FacetPanel.Chosen) -> None:
        search = self.query_one(SearchBar)
        text = search.value.rstrip()
        if event.qualifier not in text.split():
            search.value = f"{text} {event.qualifier} ".lstrip()
            search.cursor_position = len(search.value)
            search.remember()

    def _target(self) -> Release | None:
        pane = self.query_one(DetailPane)
        if self.focused is pane and pane.release is not None:
            return pane.release
        return self.query_one(ReleaseList).current

    def action_toggle_star(self) -> None:
        release = self._target()
        if release is not None and self.archive is not None:
            self._mark(release.id, starred=not self.archive.state(release.id).starred)

    def action_toggle_read(self) -> None:
        release = self._target()
        if release is not None and self.archive is not None:
            self._mark(release.id, read=not self.archive.state(release.id).read)

    def action_next_hit(self) -> None:
        self.query_one(DetailPane).action_next_hit()

    def action_previous_hit(self) -> None:
        self.query_one(DetailPane).action_previous_hit()

    def action_next_sort(self) -> None:
        self._resort(self.order.next_key())

    def action_reverse_sort(self) -> None:
        self._resort(self.order.reversed())

    def _resort(self, order: SortOrder) -> None:
        self.order = order
        self.run_search(self.query_one(SearchBar).value, keep=self._current_id())

    def action_open_link(self) -> None:
        release = self._target()
        if release is None:
            return
        links = [link for link in release.links if link.openable]
        if not links:
            self.notify("This release has no web or mail link.", severity="warning")
            return
        if len(links) == 1:
            self._open_url(links[0].url)
            return
        from tui.screens.links import LinkPicker

        self.app.push_screen(LinkPicker(links), self._open_url)

    def _open_url(self, url: str | None) -> None:
        if url:
            # A space is the one unsafe character an openable link may hold.
            self.app.open_url(url.replace(" ", "%20"))
            self.notify(Content(f"Opening {clean_line(url)}"))

    def action_copy(self) -> None:
        """y: the first contact's email, else the headline and dateline."""
        release = self._target()
        if release is None:
            return
        emails = [c.email for c in release.contacts if c.email]
        if emails:
            value = clean_line(emails[0])
        else:
            dateline = ", ".join(x for x in (release.location, release.date) if x)
            value = clean_line(release.title) + (f" ({dateline})" if dateline else "")
        self.app.copy_to_clipboard(value)
        self.notify(Content(f"Copied {value}"))

    def action_import_samples(self) -> None:
        samples = bundled_samples()
        if self.archive is None or samples is None or len(self.archive):
            return
        archive = self.archive
        self.query_one("#count", Static).update("importing the samples …")

        def run() -> ImportSummary:
            from store.ingest.run import import_paths

            summary = import_paths(archive.store, [str(samples)], workers=1)
            archive.reload()
            return summary

        self.store_thread.submit(run, self._imported, self._report)

    def _imported(self, summary: ImportSummary) -> None:
        self.notify(f"Imported {summary.imported:,} releases", title="Samples")
        self._refresh_totals()
        self.run_search("", keep=None)
        self.build_index()

    def _refresh_totals(self) -> None:
        total = len(self.archive) if self.archive else 0
        self.query_one("#totals", Static).update(Content(f"{total:,} releases"))
