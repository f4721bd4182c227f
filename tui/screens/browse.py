"""The browse screen: search bar, release list, detail pane, facets and timeline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Static

from store.archive import ResultView, SortOrder
from store.records import Release
from store.search.query import Query, parse_query
from tui.messages import (
    ArchiveOpened,
    ExportFinished,
    FacetsReady,
    IndexReady,
    MarksChanged,
    RelatedReady,
    ResultReady,
    StoreChanged,
    StoreProblem,
)
from tui.release_actions import release_bindings, result_bindings
from tui.sample_releases import bundled_samples
from tui.screens.saved_searches import SavedSearchActions, saved_search_bindings
from tui.screens.tags import TagActions, tag_bindings
from tui.typing_pause import TypingPause
from tui.widgets.detail_pane import DetailPane
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.release_list import ReleaseList
from tui.widgets.saved_sidebar import SavedSidebar
from tui.widgets.search_bar import SearchBar
from tui.widgets.timeline import Timeline
from tui.wording import counted

if TYPE_CHECKING:
    from tui.session import Session

WIDE = 120  # columns from which the detail pane sits beside the list
SHORT = 20  # rows below which the search bar is one line
NARROW = 80  # columns below which the status line is written short


def prefix_note(query: Query, *, short: bool = False) -> str:
    """``  ·  ai… prefix``: the last word, still being typed, matches as a prefix.

    ``pressroom search`` takes it whole unless given ``--prefix``; saying so
    explains why the two counts may differ.
    """
    for clause in query.clauses:
        for term in clause:
            if term.prefix and term.tokens:
                return f" · {term.tokens[-1]}…" if short else f"  ·  {term.tokens[-1]}… prefix"
    return ""


class BrowseScreen(TagActions, SavedSearchActions):
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
        *release_bindings("browse"),
        *result_bindings("browse"),
        *saved_search_bindings("browse"),
        *tag_bindings("browse", result=True),
        Binding("e", "export", "Export", show=False, id="browse.export"),
        Binding("q", "quit_or_back", "Quit", id="browse.quit"),
        Binding("n", "next_hit", "Next hit", show=False, id="browse.next_hit"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="browse.previous_hit"),
        Binding("S", "next_sort", "Sort", show=False, id="browse.sort"),
        Binding("R", "reverse_sort", "Reverse", show=False, id="browse.reverse"),
        Binding("i", "import_samples", "Import samples", show=False, id="browse.import_samples"),
        Binding("x", "related", "Related", show=False, id="browse.related"),
        Binding("z", "toggle_fold", "Fold copies", show=False, id="browse.fold"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.query_value: Query = parse_query("")
        self.result: ResultView | None = None
        # The order and the search history of the last run (tui.prefs).
        self.order: SortOrder = session.prefs.order
        # While the user types, the list comes first; the pane follows once they pause.
        self._pane_follows = TypingPause(self, self._show_current_detail)
        # The text last searched: the bar's Changed messages for it are already answered.
        self._searched: str | None = None
        self._hint = ""  # what the status line's hint shows (query hints or the hit counter)

    # -- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The classes of the terminal's size before any child is styled: set once
        # mounted, each would restyle every widget before the first frame.
        self._apply_width(self.app.size.width)
        with Horizontal(id="topbar"):
            yield Static(Content.styled("Pressroom", "bold"), id="brand")
            yield Static("", id="totals")
        yield SearchBar(id="search")
        with Horizontal(id="statusbar"):
            yield Static("", id="count")
            yield Static("", id="hint")
        with Horizontal(id="main"):
            yield SavedSidebar(id="saved-sidebar")
            facets = FacetPanel(id="facets")
            facets.display = False  # until f
            yield facets
            yield ReleaseList(id="releases")
            yield DetailPane(id="detail")
            yield Static("", id="welcome")
        yield Timeline(id="timeline")
        yield KeyBar()

    def on_mount(self) -> None:
        # The bar's history is the session's: remembered across runs.
        self.query_one(SearchBar).history = self.session.prefs.history
        self.query_one(SearchBar).typed = self._typed
        # Enter in the bar remembers the search and moves to the list.
        self.query_one(SearchBar).leads_to = self.query_one(ReleaseList)
        self.query_one(ReleaseList).follow = self._cursor_moved
        # The user's tags, shown in the rows and the pane (tui.marks).
        self.query_one(ReleaseList).tags_of = self.session.marks.tags
        self.query_one(DetailPane).tags_of = self.session.marks.tags
        self.query_one(DetailPane).related_of = self.session.related
        self.query_one("#count", Static).update("opening the archive …")
        self.session.subscribe(self)
        if self.session.archive is not None:
            # Opened already (while the app imported: tui.archive_opening, or
            # before this screen was pushed): its rows are in the first frame.
            self.on_archive_opened(ArchiveOpened(self.session.archive))

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        # Below 80 columns the status line says the same in fewer words, with
        # more of the line for it: nothing in it is cut off.
        narrow = width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if self.result is not None:
                self.run_search(self.query_one(SearchBar).value, keep=self._current_id())
        # On short terminals the search bar gives up its border for list rows.
        self.set_class(self.app.size.height < SHORT, "-short")

    # -- what the session tells ------------------------------------------

    def on_archive_opened(self, message: ArchiveOpened) -> None:
        self._refresh_totals()
        self.run_search(self.query_one(SearchBar).value, keep=None)
        # Whoever started typing while the archive opened keeps their focus; an
        # empty archive shows the welcome instead of the list.
        if self.focused is None and len(message.archive):
            self.set_focus(self.query_one(ReleaseList), scroll_visible=False)

    def on_index_ready(self, message: IndexReady) -> None:
        # A search typed meanwhile was a scan, shown already or still reading
        # every release (seconds, typed just after the start): what the bar
        # holds is answered from the index now, and the scan stops.
        text = self.query_one(SearchBar).value
        if self.query_value.clauses or parse_query(text).clauses:
            self.run_search(text, keep=self._current_id())

    def on_store_changed(self, message: StoreChanged) -> None:
        self._refresh_totals()
        self.run_search(self.query_one(SearchBar).value, keep=self._current_id())
        if message.imported is not None:
            self.notify(f"Imported {counted(message.imported, 'release')}", title="Import")
        else:
            self.notify(
                f"The archive changed: {counted(message.total, 'release')}", title="Updated"
            )

    def on_marks_changed(self, message: MarksChanged) -> None:
        self.query_one(ReleaseList).refresh_marks(message.release_ids)
        self.query_one(DetailPane).refresh_tags(message.release_ids)

    def on_store_problem(self, message: StoreProblem) -> None:
        self.notify(message.text, markup=False, severity="error", title="Store")

    def on_result_ready(self, message: ResultReady) -> None:
        self._show_result(message)

    def on_related_ready(self, message: RelatedReady) -> None:
        self.query_one(DetailPane).refresh_related()
        if message.duplicates and self.session.prefs.fold and self.result is not None:
            # Near-duplicates are known now: the list folds them.
            self.run_search(self.query_one(SearchBar).value, keep=self._current_id())

    def on_facets_ready(self, message: FacetsReady) -> None:
        self.query_one(FacetPanel).show(message.facets)

    # -- searching --------------------------------------------------------

    def _typed(self, text: str) -> None:
        self.run_search(text, keep=self._current_id())

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, event: SearchBar.Changed) -> None:
        # Usually answered already, from the bar's watcher (SearchBar.typed); a
        # change it left (more keys were waiting) is answered here. What counts
        # is the bar's value now: a message of a value since typed over is stale.
        text = self.query_one(SearchBar).value
        if text != self._searched:
            self.run_search(text, keep=self._current_id())

    def run_search(self, text: str, *, keep: str | None) -> None:
        """Ask the session for *text*'s releases: shown now, or by :meth:`on_result_ready`."""
        self._searched = text
        answer = self.session.search(self, text, self.order, keep)
        if answer is not None:
            self._show_result(answer)
        elif self.session.index_coming:
            # Typed in the first second of a big archive: the answer waits for the index
            # (on_index_ready asks again). The count line says so rather than keep the
            # last count, which is not this text's.
            self.query_one("#count", Static).update(
                Content("searching …  ·  loading the search index"), layout=False
            )

    def _show_result(self, answer: ResultReady) -> None:
        # A result that arrives after the input moved on is dropped (R2).
        archive = self.session.archive
        if answer.serial != self.session.serial or archive is None:
            return
        query, result = answer.query, answer.result
        self.query_value = query
        self.result = result
        if not result.partial:
            self.saved_result_shown(query, result)
        releases = self.query_one(ReleaseList)
        # The cursor moves with the new rows; the pane follows it once the
        # typing pauses (below), not now.
        keep = self._current_id() if answer.completes else answer.keep
        releases.set_releases(result, self.session.marks.starred_unread, keep=keep)
        # The status line has a fixed size: no layout pass for new words in it.
        # Until the index is ready a search reads every release: say why it is slow.
        indexing = "  ·  indexing for search …" if archive.indexing and query.clauses else ""
        # The releases matched, and how many of them are folded into another's row.
        folded = f", {result.folded:,} folded" if result.folded else ""
        # A database's count of a big result is estimated until the whole result arrives.
        about = "about " if result.estimated else ""
        self.query_one("#count", Static).update(
            Content(
                f"{about}{result.matched:,} of {len(archive):,}{folded} · {self.order.label()}"
                + prefix_note(query, short=True)
                + indexing
                if self.has_class("-narrow")
                # Folded rows are counted in the room "sorted by" took: the line keeps its length.
                else f"{about}{result.matched:,} of {len(archive):,}{folded}  ·  "
                + ("" if folded else "sorted by ")
                + self.order.label()
                + prefix_note(query)
                + indexing
            ),
            layout=False,
        )
        self._show_hint("  ".join(query.hints))
        if answer.months is not None:
            self.query_one(Timeline).show(answer.months)
        self._show_welcome(len(archive) == 0)
        if self.query_one(FacetPanel).display and not answer.completes:
            self.session.facets(self, result)
        self._pane_follows.changed()

    def _show_current_detail(self) -> None:
        self._show_detail(self.query_one(ReleaseList).current)

    def _show_welcome(self, empty: bool) -> None:
        self.set_class(empty, "-empty")
        welcome = self.query_one("#welcome", Static)
        if empty:
            # The list is hidden with the archive empty. Hidden before its first
            # frame (an archive opened as the app started), it is never sent the
            # Hide that would blur it, and would keep the keys the welcome offers.
            if self.focused is self.query_one(ReleaseList):
                self.set_focus(None)
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

    # -- the detail pane --------------------------------------------------

    def _current_id(self) -> str | None:
        current = self.query_one(ReleaseList).current
        return current.id if current else None

    def _cursor_moved(self, release: Release | None) -> None:
        """The user moved the cursor: the pane shows its release in the same frame."""
        if self.has_class("-wide"):
            self._pane_follows.cancel()
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

    @on(DetailPane.HitMoved)
    def _hit_moved(self, event: DetailPane.HitMoved) -> None:
        # The counter (3/12) and any wrap notice, where the query's hints go.
        self._show_hint(event.text)

    def _show_hint(self, text: str) -> None:
        # Most keystrokes leave the hints as they were: a repaint would render them again.
        if text != self._hint:
            self._hint = text
            self.query_one("#hint", Static).update(Content(text), layout=False)

    @on(ReleaseList.Selected)
    def _selected(self, event: ReleaseList.Selected) -> None:
        self.open_release(event.item)

    def open_release(self, release: Release) -> None:
        """Enter: show the release (beside the list, or full screen when narrow) and mark it read."""
        self.session.set_read(release.id, True)
        if self.has_class("-wide"):
            self._show_detail(release)
            self._focus_now(self.query_one(DetailPane))
        else:
            from tui.screens.reader import ReaderScreen

            query = self.query_value
            highlighter = None if query.is_empty() else query.highlight_spans
            self.app.push_screen(ReaderScreen(self.session, release, highlighter))

    # -- actions ----------------------------------------------------------

    def _focus_now(self, widget: Widget) -> None:
        # Now, in the step of the key, not on the next turn of the loop as
        # Widget.focus does: the keys typed right after this one are sent to
        # whatever has the focus when the app takes them in.
        self.set_focus(widget, scroll_visible=False)

    def action_focus_search(self) -> None:
        bar = self.query_one(SearchBar)
        if self.focused is bar:
            # In the bar "/" is a character: let the key go on to it, in its
            # turn after the keys typed before it.
            raise SkipAction()
        self._focus_now(bar)  # see the binding

    def action_back(self) -> None:
        """Esc backs out one step: out of the bar (its text kept), the pane, the facets, the search."""
        search = self.query_one(SearchBar)
        if self.focused is search:
            if search.value:
                search.remember()
            self._focus_now(self.query_one(ReleaseList))
        elif self.focused in (
            self.query_one(DetailPane),
            self.query_one(Timeline),
            self.query_one(SavedSidebar),
        ):
            self._focus_now(self.query_one(ReleaseList))
        elif self.query_one(FacetPanel).display:
            self.action_toggle_facets()
        elif search.value:
            search.remember()
            search.value = ""

    def action_quit_or_back(self) -> None:
        """q: back one level (the pane, the facets, the timeline, the sidebar); from the list, quit."""
        if self.focused in (
            self.query_one(DetailPane),
            self.query_one(Timeline),
            self.query_one(SavedSidebar),
        ):
            self._focus_now(self.query_one(ReleaseList))
        elif self.focused is self.query_one(FacetPanel):
            self.action_toggle_facets()
            self._focus_now(self.query_one(ReleaseList))
        else:
            self.app.exit()

    def action_contacts(self) -> None:
        if self.session.archive is None:
            return
        from tui.screens.contacts import ContactsScreen

        self.app.push_screen(ContactsScreen(self.session))

    def action_toggle_facets(self) -> None:
        panel = self.query_one(FacetPanel)
        panel.display = not panel.display
        if panel.display and self.result is not None:
            self.session.facets(self, self.result)
            self._focus_now(panel)
        elif self.focused is None:
            self._focus_now(self.query_one(ReleaseList))

    @on(FacetPanel.Chosen)
    @on(Timeline.Chosen)
    def _qualifier_chosen(self, event: FacetPanel.Chosen | Timeline.Chosen) -> None:
        search = self.query_one(SearchBar)
        text = search.value.rstrip()
        if event.qualifier not in text.split():
            search.value = f"{text} {event.qualifier} ".lstrip()
            search.cursor_position = len(search.value)
            search.remember()

    def action_export(self) -> None:
        """e: the current result to a file, in a format chosen with one key."""
        # Every release matched: the copies folded into a row too.
        result = self.result.unfolded() if self.result is not None else None
        if result is None or not len(result):
            self.notify("Nothing to export: the result is empty.")
            return
        from tui.screens.export import ExportDialog

        count = len(result)
        query = self.query_value.text.strip()
        heading = f"Export {counted(count, 'release')}" + (f" matching {query}" if query else "")

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is None:
                return
            fmt, path = answer
            title = f"Pressroom export: {query}" if query else "Pressroom export"

            def write(yes: bool | None = True) -> None:
                if yes:
                    self.session.export(self, result, fmt, path, title)
                    self.notify(f"Exporting {counted(count, 'release')} …", markup=False)

            if path.exists():
                from tui.screens.prompt import Confirm

                self.app.push_screen(Confirm(f"Replace {path}?"), write)
            else:
                write()

        self.app.push_screen(ExportDialog(heading), chosen)

    def on_export_finished(self, message: ExportFinished) -> None:
        self.notify(
            f"Exported {counted(message.count, message.noun)} to {message.path}",
            title="Export",
            markup=False,
        )

    def result_release_ids(self) -> Sequence[str] | None:
        """A: every release of the current result (the copies folded into a row too)."""
        return self.result.unfolded().release_ids() if self.result is not None else None

    def release_target(self) -> Release | None:
        pane = self.query_one(DetailPane)
        if self.focused is pane and pane.release is not None:
            return pane.release
        return self.query_one(ReleaseList).current

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
        self.session.prefs.order = order
        self.run_search(self.query_one(SearchBar).value, keep=self._current_id())

    def action_related(self) -> None:
        """x: the related releases of the release in front of the user; one opens in the reader."""
        from tui.screens.related import open_related

        release = self.release_target()
        open_related(self, self.session, release.id if release else None)

    def action_toggle_fold(self) -> None:
        """z: near-duplicates folded into one row, or every copy shown (remembered)."""
        prefs = self.session.prefs
        prefs.fold = not prefs.fold
        self.notify(
            "Near-duplicates folded into one row." if prefs.fold else "Every copy shown.",
            timeout=2,
        )
        self.run_search(self.query_one(SearchBar).value, keep=self._current_id())

    def action_import_samples(self) -> None:
        samples = bundled_samples()
        archive = self.session.archive
        if archive is None or samples is None or len(archive):
            return
        self.query_one("#count", Static).update("importing the samples …")
        self.session.import_paths([str(samples)])

    def _refresh_totals(self) -> None:
        archive = self.session.archive
        total = len(archive) if archive else 0
        self.query_one("#totals", Static).update(Content(counted(total, "release")))
