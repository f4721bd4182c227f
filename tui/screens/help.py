"""The help screen: every key, and the search syntax with examples."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store.search.query import QUERY_HELP

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Browse",
        (
            ("/", "search (type to narrow the list as you go)"),
            ("↑ ↓ in the search bar", "earlier and later searches"),
            ("Enter", "open the release; in the search bar, go to the list"),
            ("Esc", "back out: clear the search, leave the pane, close a screen"),
            ("j k  ↑ ↓", "move down and up"),
            ("g G  Home End", "first and last"),
            ("PgUp PgDn", "a page up and down"),
            ("Tab Shift+Tab", "next and previous pane"),
            ("n N", "next and previous search hit in the release"),
            ("s", "star or unstar"),
            ("r", "mark read or unread (opening marks read)"),
            ("o", "open a link (web and mail links only)"),
            ("y", "copy the contact's email (else the headline)"),
            ("f", "facets: organisations, places and years of the result"),
            ("S R", "sort by the next field; reverse the order"),
            ("c", "contact lookup"),
        ),
    ),
    (
        "Contact lookup",
        (
            ("type", "filter by name, email, role, organisation or phone"),
            ("Enter", "the contact's releases; Enter again opens one"),
            ("y", "copy the email"),
            ("Esc", "back"),
        ),
    ),
    (
        "Everywhere",
        (
            ("?", "this help"),
            ("Ctrl+P", "command palette: every action by name"),
            ("q  Ctrl+C", "quit"),
        ),
    ),
)


def help_text() -> Text:
    """The keys table and the query syntax as one plain text."""
    text = Text()
    for title, keys in KEYS:
        text.append(title + "\n", "bold underline")
        for key, what in keys:
            text.append(f"  {key:<24}", "bold")
            text.append(what + "\n")
        text.append("\n")
    syntax, _, rest = QUERY_HELP.partition("\n")
    text.append(syntax + "\n", "bold underline")
    text.append(rest)
    return text


class HelpScreen(ModalScreen[None]):
    """Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_text())

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
