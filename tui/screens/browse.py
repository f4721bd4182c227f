"""The browse screen: search bar, release list and detail pane."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from store.query import parse_query
from store.records import Release
from store.release_store import ReleaseState, ReleaseStore
from tui.widgets.detail_pane import DetailPane
from tui.widgets.release_list import ReleaseList


class BrowseScreen(Screen[None]):
    """Everything in the archive, narrowed as the user types."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="browse.search"),
        Binding("escape", "back", "Back", show=False, id="browse.back"),
    ]

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.store: ReleaseStore | None = None
        self.all_releases: list[Release] = []
        self.states: dict[str, ReleaseState] = {}

    def compose(self) -> ComposeResult:
        yield Static("Pressroom", id="topbar")
        yield Input(placeholder="/ search: words, \"phrases\", org:, date:2021 …", id="search")
        with Horizontal(id="main"):
            yield ReleaseList(id="releases")
            yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.load_store()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_store(self) -> None:
        store = ReleaseStore(self.db)
        releases = sorted(store.releases(), key=lambda r: r.date or "", reverse=True)
        states = dict(store.states())
        self.app.call_from_thread(self._loaded, store, releases, states)

    def _loaded(self, store: ReleaseStore, releases: list[Release], states: dict[str, ReleaseState]) -> None:
        self.store = store
        self.all_releases = releases
        self.states = states
        self._show(releases)
        self.query_one(ReleaseList).focus()

    def _marks(self, release_id: str) -> tuple[bool, bool]:
        state = self.states.get(release_id)
        return (bool(state and state.starred), not (state and state.read))

    def _show(self, rows: list[Release]) -> None:
        self.query_one(ReleaseList).set_rows(rows, self._marks)
        self.query_one("#topbar", Static).update(
            f"Pressroom  {len(rows):,} of {len(self.all_releases):,} releases"
        )

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, text: str) -> None:
        query = parse_query(text)
        worker = get_current_worker()
        default = ReleaseState()
        hits = [r for r in self.all_releases if query.matches(r, self.states.get(r.id, default))]
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, hits)

    @on(ReleaseList.Highlighted)
    def _highlighted(self, event: ReleaseList.Highlighted) -> None:
        self.query_one(DetailPane).show(event.release)

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.query_one(ReleaseList).focus()
