"""The saved-searches switcher: every saved search with its live count and what is new; Enter runs one.

``r`` renames the highlighted search and ``d`` (or Delete) deletes it, after
asking. The counts come from the session (:class:`tui.messages.SavedCounts`),
counted off the UI thread each time the switcher opens and whenever the
archive or the saved searches change. :class:`SavedSearchActions` gives the
browse screen the keys that save a search, open the switcher and show the
sidebar (:mod:`tui.widgets.saved_sidebar`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from store.archive import ResultView
from store.saved_searches import clean_name, clean_query
from store.search.query import Query
from tui.messages import IndexReady, MarksChanged, SavedChanged, SavedCounts, StoreChanged
from tui.release_actions import ReleaseActions
from tui.screens.prompt import Confirm, Prompt
from tui.widgets.release_list import ReleaseList
from tui.widgets.saved_sidebar import SavedSidebar
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from tui.session import Session


class SavedSearchesScreen(ModalScreen[str | None]):
    """Dismisses with the name of the search to run, or None (Esc, q)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,apostrophe", "close", "Close", id="saved.close"),
        Binding("r", "rename", "Rename", id="saved.rename"),
        Binding("d,delete", "delete", "Delete", id="saved.delete"),
    ]

    DEFAULT_CSS = """
    SavedSearchesScreen { align: center middle; }
    SavedSearchesScreen > Vertical { width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    SavedSearchesScreen SavedSidebar { width: 1fr; height: auto; max-height: 20;
        border-right: none; }
    SavedSearchesScreen #saved-query { color: $text-muted; height: 1; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Content.styled("Saved searches  (Enter runs, r renames, d deletes)", "bold")
            )
            yield SavedSidebar(id="saved-list")
            yield Static("", id="saved-query")

    def on_mount(self) -> None:
        listing = self.query_one(SavedSidebar)
        listing.border_title = None  # the switcher has its own heading
        listing.show_searches(self.session.saved)
        if len(self.session.saved):
            listing.highlighted = 0
        listing.focus()
        self.session.subscribe(self)
        self.session.count_saved()

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def on_saved_counts(self, message: SavedCounts) -> None:
        self.query_one(SavedSidebar).show_counts(message.counts)

    def on_saved_changed(self, message: SavedChanged) -> None:
        self.query_one(SavedSidebar).show_searches(self.session.saved)

    def on_store_changed(self, message: StoreChanged) -> None:
        self.session.count_saved()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = self._highlighted()
        search = self.session.saved.get(name) if name else None
        # The query as typed, plain (Content is never markup).
        self.query_one("#saved-query", Static).update(
            Content(search.query if search else ""), layout=False
        )

    def on_saved_sidebar_chosen(self, event: SavedSidebar.Chosen) -> None:
        event.stop()
        self.dismiss(event.name)

    def _highlighted(self) -> str | None:
        index = self.query_one(SavedSidebar).highlighted
        names = self.session.saved.names()
        return names[index] if index is not None and index < len(names) else None

    def action_rename(self) -> None:
        name = self._highlighted()
        if name is None:
            return

        def renamed(new_name: str | None) -> None:
            if not new_name or new_name == name:
                return
            try:
                self.session.rename_saved(name, new_name)
            except ValueError as exc:
                self.notify(str(exc), markup=False, severity="warning")

        self.app.push_screen(Prompt(f"Rename {name} to", name), renamed)

    def action_delete(self) -> None:
        name = self._highlighted()
        if name is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.session.delete_saved(name)
                self.notify(f"Deleted the saved search {name}", markup=False)

        self.app.push_screen(Confirm(f"Delete the saved search {name}?"), confirmed)

    def action_close(self) -> None:
        self.dismiss(None)


def saved_search_bindings(prefix: str) -> list[Binding]:
    """Ctrl+S, ' and b, for a screen whose binding ids start with *prefix* (in the palette too)."""
    return [
        Binding("ctrl+s", "save_search", "Save the search", show=False, id=f"{prefix}.save_search"),
        Binding("apostrophe", "saved_searches", "Saved searches", show=False, id=f"{prefix}.saved"),
        Binding(
            "b",
            "toggle_saved_sidebar",
            "Saved searches sidebar",
            show=False,
            id=f"{prefix}.saved_sidebar",
        ),
    ]


class SavedSearchActions(ReleaseActions):
    """Ctrl+S saves the query, ``'`` opens the switcher, ``b`` shows the sidebar (the browse screen).

    The screen binds :func:`saved_search_bindings`, yields a :class:`SavedSidebar` with the id ``saved-sidebar`` and
    a :class:`SearchBar`, keeps what it shows in :attr:`result` and
    :attr:`query_value`, and calls :meth:`saved_result_shown` wherever it shows
    a result. The handlers of the session's messages here run besides the
    screen's own: Textual calls the handler of each class along the MRO.
    """

    result: ResultView | None
    query_value: Query
    # (name, query) of the saved search being opened, until its result is shown.
    _opening_saved: tuple[str, str] | None = None

    def on_mount(self) -> None:
        sidebar = self.query_one("#saved-sidebar", SavedSidebar)
        sidebar.display = self.session.prefs.sidebar
        sidebar.show_searches(self.session.saved)

    def _sidebar_shown(self) -> bool:
        return bool(self.query_one("#saved-sidebar", SavedSidebar).display)

    # -- counts follow the archive ----------------------------------------

    def on_index_ready(self, message: IndexReady) -> None:
        if self._sidebar_shown():
            self.session.count_saved()

    def on_store_changed(self, message: StoreChanged) -> None:
        if self._sidebar_shown():
            self.session.count_saved()

    def on_marks_changed(self, message: MarksChanged) -> None:
        # Only an is:read, is:unread or is:starred search counts differently.
        if self._sidebar_shown() and any("is:" in s.query for s in self.session.saved):
            self.session.count_saved()

    def on_saved_counts(self, message: SavedCounts) -> None:
        self.query_one("#saved-sidebar", SavedSidebar).show_counts(message.counts)

    def on_saved_changed(self, message: SavedChanged) -> None:
        self.query_one("#saved-sidebar", SavedSidebar).show_searches(self.session.saved)

    def on_saved_sidebar_chosen(self, event: SavedSidebar.Chosen) -> None:
        event.stop()
        self.open_saved(event.name)

    # -- actions ----------------------------------------------------------

    def action_save_search(self) -> None:
        """Ctrl+S: the query in the bar, under a name (the query itself, to begin with)."""
        text = self.query_one(SearchBar).value
        if not text.strip():
            self.notify("Type a search first: the whole archive needs no saving.")
            return
        self.app.push_screen(
            Prompt("Save this search as", clean_name(text), note=f"The query: {clean_query(text)}"),
            lambda name: self._save_search(name, text),
        )

    def _save_search(self, name: str | None, text: str) -> None:
        if not name or not clean_name(name):
            return
        if self.session.saved.get(clean_name(name)) is not None:
            self.app.push_screen(
                Confirm(f"Replace the saved search {clean_name(name)}?"),
                lambda yes: self._store_search(name, text) if yes else None,
            )
            return
        self._store_search(name, text)

    def _store_search(self, name: str, text: str) -> None:
        # What the list shows now is what the search matches now: seen.
        shown = self.result if self.query_value.text == text else None
        try:
            self.session.save_search(name, text, shown)
        except ValueError as exc:
            self.notify(str(exc), markup=False, severity="warning")
            return
        self.notify(f"Saved the search as {clean_name(name)} ('  to switch)", markup=False)

    def action_saved_searches(self) -> None:
        """': the switcher; Enter runs the search chosen."""
        if not len(self.session.saved):
            self.notify("No saved searches yet: Ctrl+S saves the search in the bar.")
            return
        self.app.push_screen(
            SavedSearchesScreen(self.session), lambda name: self.open_saved(name) if name else None
        )

    def action_toggle_saved_sidebar(self) -> None:
        sidebar = self.query_one("#saved-sidebar", SavedSidebar)
        sidebar.display = not sidebar.display
        self.session.prefs.sidebar = bool(sidebar.display)
        if sidebar.display:
            sidebar.show_searches(self.session.saved)
            self.session.count_saved()

    def open_saved(self, name: str) -> None:
        """Put saved search *name* in the bar; its result, once shown, is what it has seen."""
        search = self.session.saved.get(name)
        if search is None:
            return
        self._opening_saved = (name, search.query)
        bar = self.query_one(SearchBar)
        if bar.value == search.query and self.result is not None:
            self.saved_result_shown(self.query_value, self.result)
        else:
            bar.value = search.query
            bar.cursor_position = len(search.query)
        self.query_one(ReleaseList).focus(scroll_visible=False)

    def saved_result_shown(self, query: Query, result: ResultView) -> None:
        """A result is on screen: if it is the saved search being opened, its new ones are seen."""
        opening = self._opening_saved
        if opening is not None and query.text == opening[1]:
            self._opening_saved = None
            self.session.saved_opened(opening[0], result)
