"""The search bar: an input that remembers what was searched (Up and Down walk it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType

from tui.runtime.textual_internals import keys_waiting
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
        # Called with the new value as it changes, in the step of the key that
        # changed it (the screen's search): the letter and its result then
        # reach the screen in one frame. Not while more keys wait (a paste
        # arriving a key at a time): the last of them is answered, once.
        self.typed: Callable[[str], None] | None = None
        self._key: events.Key | None = None  # the key being handled

    def on_key(self, event: events.Key) -> None:
        # Runs before Input's own handler (subclass first), which changes the value.
        self._key = event

    def watch_value(self, value: str) -> None:
        if self.typed is not None and not self._more_keys_coming():
            self.typed(value)

    def _more_keys_coming(self) -> bool:
        """Keys taken in after the one being handled, or waiting to be."""
        newest = getattr(self.app, "last_key", None)
        handling, self._key = self._key, None
        if handling is not None and newest is not None and newest is not handling:
            return True
        return keys_waiting(self)

    async def action_submit(self) -> None:
        # Remembered in the step of the key too (the focus moves on: PlainInput).
        self.remember()
        await super().action_submit()

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
