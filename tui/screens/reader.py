"""The reader: one release full screen, for terminals too narrow for the pane beside the list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from store.records import Release
from tui.widgets.detail_pane import DetailPane, Highlighter
from tui.widgets.key_bar import KeyBar


class ReaderScreen(Screen[None]):
    """Esc or q goes back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="reader.back"),
    ]

    def __init__(self, release: Release, highlighter: Highlighter | None = None) -> None:
        super().__init__()
        self.release = release
        self.highlighter = highlighter

    def compose(self) -> ComposeResult:
        yield DetailPane(id="reader")
        yield KeyBar()

    def on_mount(self) -> None:
        pane = self.query_one(DetailPane)
        pane.show(self.release, self.highlighter)
        pane.focus()
