"""The Pressroom browser: a Textual app over one release store."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.screens.browse import BrowseScreen


class PressroomApp(App[int]):
    """Opens the store at *db* and shows the browse screen."""

    TITLE = "Pressroom"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db

    def on_mount(self) -> None:
        self.push_screen(BrowseScreen(self.db))
