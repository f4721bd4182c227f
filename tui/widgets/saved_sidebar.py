"""The saved-searches sidebar: each saved search with its count and how many are new; Enter runs one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.saved_searches import SavedSearch


def saved_row(search: SavedSearch, counts: tuple[int, int] | None, width: int) -> Content:
    """``sahel press     128 +3``: the name, then the count and the new ones (… while counting)."""
    if counts is None:
        tail = Content.styled(" …", "dim")
    else:
        total, new = counts
        tail = Content(f" {total:,}")
        if new:
            tail = tail.append(Content.styled(f" +{new:,} new", "bold"))
    room = max(4, width - len(tail.plain))
    # Content(...) is plain text: a name typed by the user is shown as written.
    name = search.name if len(search.name) <= room else search.name[: room - 1] + "…"
    return Content(name.ljust(room)).append(tail)


class SavedSidebar(OptionList):
    """Saved searches, in the order they were saved; Enter posts :class:`SavedSidebar.Chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="saved_sidebar.down"),
        Binding("k", "cursor_up", "Up", show=False, id="saved_sidebar.up"),
        Binding("g", "first", "First", show=False, id="saved_sidebar.first"),
        Binding("G", "last", "Last", show=False, id="saved_sidebar.last"),
    ]

    DEFAULT_CSS = """
    SavedSidebar { width: 30; height: 1fr; border: none; border-right: vkey $secondary;
        padding: 0; background: $surface; }
    """

    class Chosen(Message):
        """The user chose saved search *name*."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Saved searches"
        self._searches: list[SavedSearch] = []
        self._counts: dict[str, tuple[int, int]] = {}

    def show_searches(self, searches: Iterable[SavedSearch]) -> None:
        """The saved searches to list (their counts follow with :meth:`show_counts`)."""
        self._searches = list(searches)
        self._redraw()

    def show_counts(self, counts: Mapping[str, tuple[int, int]]) -> None:
        self._counts = dict(counts)
        self._redraw()

    def _redraw(self) -> None:
        highlighted = self.highlighted
        width = max(10, (self.size.width or 30) - 2)
        self.clear_options()
        if not self._searches:
            self.add_option(
                Option(
                    Content.styled("No saved searches yet: Ctrl+S saves one.", "dim"), disabled=True
                )
            )
            return
        self.add_options(
            Option(saved_row(s, self._counts.get(s.name), width), id=str(n))
            for n, s in enumerate(self._searches)
        )
        if highlighted is not None:
            self.highlighted = min(highlighted, len(self._searches) - 1)

    def on_resize(self) -> None:
        self._redraw()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self._searches[int(event.option.id)].name))
