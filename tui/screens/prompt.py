"""Small questions over the current screen: a line of text to type, or yes or no."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.widgets.plain_input import PlainInput


class Prompt(ModalScreen[str | None]):
    """Dismisses with the text typed (Enter), or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    DEFAULT_CSS = """
    Prompt { align: center middle; }
    Prompt > Vertical { width: 80%; max-width: 110; height: auto;
        border: round $accent; background: $surface; padding: 0 1; }
    Prompt #prompt-note { color: $text-muted; }
    """

    def __init__(self, question: str, value: str = "", note: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            # Content(...) is plain text: a file name from a headline is shown as written.
            yield Static(Content(self.question).stylize("bold"), id="prompt-question")
            yield PlainInput(self.value, id="prompt-input")
            yield Static(Content(self.note or "Enter to accept, Esc to cancel"), id="prompt-note")

    def on_mount(self) -> None:
        field = self.query_one("#prompt-input", PlainInput)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes-or-no question: ``y`` dismisses True; ``n``, Esc or q False."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,q", "answer(False)", "No", id="confirm.no"),
    ]

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: auto; max-width: 90%; height: auto;
        border: round $warning; background: $surface; padding: 0 2; }
    Confirm #confirm-question { width: auto; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(f"{self.question} y/n"), id="confirm-question")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_key(self, event: events.Key) -> None:
        # Any other key is not an answer; it must not reach the screen below.
        if event.key not in ("y", "n", "escape", "q"):
            event.stop()
