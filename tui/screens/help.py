"""The help screen: every key, and the search syntax with examples."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
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
            ("Esc", "back out: leave the bar (its text kept), the pane, the facets, the search"),
            ("j k  ↑ ↓", "move down and up (lists and text alike)"),
            ("g G  Home End", "first and last"),
            ("Ctrl+D Ctrl+U", "half a page down and up"),
            ("Ctrl+F Ctrl+B PgDn PgUp", "a page down and up"),
            ("Tab Shift+Tab", "next and previous pane"),
            ("n N", "next and previous search hit in the release (3/12, wrap notice)"),
            ("s", "star or unstar"),
            ("r", "mark read or unread (opening marks read)"),
            ("o", "open a link; with several, a numbered list: 1-9 opens, y copies"),
            ("y", "copy menu, then a key: h headline, d dateline, c citation, b body,"),
            ("", "l link, e a contact's email, v a contact as vCard (over SSH too)"),
            ("A", "mark every release of the result read (asks first)"),
            ("t T", "your tags on the release / on every release of the result (asks first)"),
            ("e", "export the result: c CSV, j JSON, l JSON Lines, m Markdown"),
            ("w", "save the release to a text file (asks where; never overwrites unasked)"),
            ("|", "pipe the release as plain text to a shell command"),
            ("p E", "open the release in $PAGER (less) / $EDITOR, read-only"),
            ("Ctrl+S", "save the search in the bar under a name"),
            ("'", "saved searches: counts, new since last opened; Enter runs, r d"),
            ("b", "saved-searches sidebar (remembered)"),
            ("f", "facets: organisations, places, years and tags of the result"),
            ("S R", "sort by the next field; reverse the order"),
            ("x", "related releases (same text, contact, organisation): 1-9 opens one"),
            ("z", "fold near-duplicates into one row (×3), or show every copy"),
            ("c", "contact lookup"),
            ("i", "import the bundled sample releases (an empty archive only)"),
            ("q", "back one level; quit from the list"),
        ),
    ),
    (
        "Search bar",
        (
            ("ai…", "the last word matches as a prefix (the status line says so)"),
            ("", "pressroom search only with --prefix"),
        ),
    ),
    (
        "Reader (full screen)",
        (
            ("/", "find text in the release; Enter or Esc, then n N move between hits"),
            ("s r o y", "star, read, open a link, copy: as in the list"),
            ("w | p E", "save, pipe, pager, editor: as in the list"),
            ("t", "your tags on the release"),
            ("x", "related releases: one opens in a reader of its own (Esc comes back)"),
            ("Esc q", "back to the list"),
        ),
    ),
    (
        "Facets",
        (
            ("j k  ↑ ↓  g G", "move"),
            ("Enter", "add the highlighted facet to the query"),
            ("f Esc q", "close the facets"),
        ),
    ),
    (
        "Contact lookup",
        (
            ("type", "filter by name, email, role, organisation or phone"),
            ("↓ Enter", "from the filter into the list"),
            ("Enter", "the contact's releases; Enter again opens one (marks it read)"),
            ("y", "copy menu: e the email, v the vCard; on a release, as in the list"),
            ("s r o w | p E", "on one of their releases: as in the list"),
            ("A", "mark every release of the contact read"),
            ("t T", "tags on one of their releases / on all of them"),
            ("e v", "export the contacts shown / the highlighted one as vCard 4.0"),
            ("Esc  q", "back to the main screen"),
        ),
    ),
    (
        "Everywhere",
        (
            ("?", "this help"),
            ("Ctrl+P", "command palette: every action by name"),
            ("Ctrl+C", "quit"),
        ),
    ),
)


def help_text(remapped: Mapping[str, str] | None = None) -> Group:
    """The keys table and the query syntax, as plain text (never markup).

    *remapped*: binding id to keys, from ``[keys]`` in config.toml; listed
    first, as they replace the keys of the table below. A description too
    long for the line wraps under itself, not under the keys.
    """
    parts: list[RenderableType] = []
    if remapped:
        parts.append(Text("Your keys (config.toml), in place of those below", "bold underline"))
        parts.append(
            _key_table(
                (" ".join(_key_shown(k) for k in bound.split(",")), binding_id)
                for binding_id, bound in sorted(remapped.items())
            )
        )
        parts.append(Text())
    for title, keys in KEYS:
        parts.append(Text(title, "bold underline"))
        parts.append(_key_table(keys))
        parts.append(Text())
    syntax, _, rest = QUERY_HELP.partition("\n")
    parts.append(Text(syntax, "bold underline"))
    parts.append(Text(rest))
    return Group(*parts)


def _key_table(rows: Iterable[tuple[str, str]]) -> Table:
    """Keys in a column of their own (as wide as the widest), what they do beside them."""
    table = Table.grid()
    table.add_column(min_width=26, no_wrap=True)
    table.add_column(overflow="fold")
    for key, what in rows:
        table.add_row(Text(f"  {key}  ", "bold"), Text(what))
    return table


def _key_shown(key: str) -> str:
    """``ctrl+f`` as the table writes it, ``Ctrl+F``; a printable key as itself."""
    if len(key) == 1:
        return key
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))


class HelpText(VerticalScroll):
    """The help's text, with the movement keys of every other view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
        Binding("g", "scroll_home", "Top", show=False, id="help.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="help.bottom"),
        Binding("ctrl+d,ctrl+f,space", "page_down", "Page down", show=False, id="help.page_down"),
        Binding("ctrl+u,ctrl+b", "page_up", "Page up", show=False, id="help.page_up"),
    ]


class HelpScreen(ModalScreen[None]):
    """Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > HelpText {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, remapped: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.remapped = dict(remapped or {})

    def compose(self) -> ComposeResult:
        with HelpText():
            yield Static(help_text(self.remapped))

    def on_mount(self) -> None:
        self.query_one(HelpText).focus()
