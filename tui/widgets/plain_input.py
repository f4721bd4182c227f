"""An input that keeps out what must never reach the terminal: escapes, C1 and bidi controls."""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from store.sanitize import clean_text
from tui.runtime.textual_internals import QuietInputMixin, run_bindings_now


def _one_line(text: str) -> str:
    # Spaces typed one at a time must survive, so no whitespace folding here.
    return clean_text(text).replace("\n", " ").replace("\t", " ")


class PlainInput(QuietInputMixin, Input):
    """Typed and pasted text is cleaned before the input shows (echoes) it.

    A keystroke repaints the input alone, not the whole screen (QuietInputMixin).
    Enter moves the focus to :attr:`leads_to`, when set, before ``Submitted`` is sent.
    """

    # Where Enter hands the focus (the list or pane the input narrows), set by its screen.
    leads_to: Widget | None = None

    async def _on_key(self, event: events.Key) -> None:
        # Runs before Input's own handler (subclass first), in this input's queue,
        # that is in the order the keys were typed. Keys are queued to the widget
        # that had the focus when the app took them in: those typed right after a
        # key that moved the focus on (Enter, Esc; "Enter y e" to copy an email,
        # "Enter Enter" to open a release) may be here already, and belong where
        # it went: given back to the app, in their order, to be sent on as new.
        focused = self.screen.focused
        if focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
        elif not event.is_printable and await run_bindings_now(self, event.key):
            # Run here, in order, not left to the app a step later, after the
            # keys behind it (textual_internals, reliance 8).
            event.stop()
            event.prevent_default()

    async def action_submit(self) -> None:
        target = self.leads_to
        if target is not None and target.focusable:
            self.screen.set_focus(target, scroll_visible=False)
        await super().action_submit()

    def insert(self, text: str, index: int) -> None:
        super().insert(_one_line(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(_one_line(text), start, end)
