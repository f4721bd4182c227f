"""An input that keeps out what must never reach the terminal: escapes, C1 and bidi controls."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from store.sanitize import clean_text


def _one_line(text: str) -> str:
    # Spaces typed one at a time must survive, so no whitespace folding here.
    return clean_text(text).replace("\n", " ").replace("\t", " ")


class PlainInput(Input):
    """Typed and pasted text is cleaned before the input shows (echoes) it."""

    def _watch_value(self, value: str) -> None:
        # Input's watcher sets virtual_size to (content width, 1), and every
        # layout sets it back to the content region's size: one layout of the
        # whole screen per keystroke (16 ms on the browse screen). Setting it
        # here without the reactive's refresh leaves Input's assignment
        # nothing to change. An input has no scrollbars for it to matter to.
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def insert(self, text: str, index: int) -> None:
        super().insert(_one_line(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(_one_line(text), start, end)
