"""An input that keeps out what must never reach the terminal: escapes, C1 and bidi controls."""

from __future__ import annotations

from textual.widgets import Input

from store.sanitize import clean_text
from tui.runtime.textual_internals import QuietInputMixin


def _one_line(text: str) -> str:
    # Spaces typed one at a time must survive, so no whitespace folding here.
    return clean_text(text).replace("\n", " ").replace("\t", " ")


class PlainInput(QuietInputMixin, Input):
    """Typed and pasted text is cleaned before the input shows (echoes) it.

    A keystroke repaints the input alone, not the whole screen (QuietInputMixin).
    """

    def insert(self, text: str, index: int) -> None:
        super().insert(_one_line(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(_one_line(text), start, end)
