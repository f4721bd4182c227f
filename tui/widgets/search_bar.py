"""The search bar: an input that remembers what was searched (Up and Down walk it)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.widgets.plain_input import PlainInput

HISTORY_SIZE = 100


class SearchBar(PlainInput):
    """Query input with a search history, newest last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history_back", "Earlier search", show=False, id="search.history_back"),
        Binding("down", "history_forward", "Later search", show=False, id="search.history_forward"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='/ search: words "a phrase" -not a OR b org: loc: date:2021 is:unread',
            id=id,
            select_on_focus=False,
        )
        self.history: list[str] = []
        self._walk: int | None = None  # index into history while walking it
        self._draft = ""  # what was typed before walking started

    def remember(self, query: str | None = None) -> None:
        """Add *query* (default: the current value) to the history."""
        text = (self.value if query is None else query).strip()
        self._walk = None
        if not text:
            return
        if text in self.history:
            self.history.remove(text)
        self.history.append(text)
        del self.history[:-HISTORY_SIZE]

    def action_history_back(self) -> None:
        if not self.history:
            return
        if self._walk is None:
            self._draft = self.value
            self._walk = len(self.history)
        self._walk = max(0, self._walk - 1)
        self._recall(self.history[self._walk])

    def action_history_forward(self) -> None:
        if self._walk is None:
            return
        self._walk += 1
        if self._walk >= len(self.history):
            self._walk = None
            self._recall(self._draft)
        else:
            self._recall(self.history[self._walk])

    def _recall(self, text: str) -> None:
        walk = self._walk
        self.value = text
        self.cursor_position = len(text)
        self._walk = walk  # setting value must not end the walk
