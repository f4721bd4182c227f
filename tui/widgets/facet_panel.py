"""The facet panel: issuers, organisations, places, years and tags of the current result, with counts."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.archive import Facets
from store.sanitize import clean_line


def qualifier(name: str, value: str) -> str:
    """``org:"World Health Organization"`` — quoted when the value has spaces or quotes."""
    value = clean_line(value).replace('"', "")
    return f'{name}:"{value}"' if " " in value or not value else f"{name}:{value}"


class FacetPanel(OptionList):
    """Choosing an entry adds its qualifier to the query."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Add to query", id="facets.add"),
        Binding("j", "cursor_down", "Down", show=False, id="facets.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facets.up"),
        Binding("g", "first", "First", show=False, id="facets.first"),
        Binding("G", "last", "Last", show=False, id="facets.last"),
        Binding("ctrl+d,ctrl+f", "page_down", "Page down", show=False, id="facets.page_down"),
        Binding("ctrl+u,ctrl+b", "page_up", "Page up", show=False, id="facets.page_up"),
    ]

    DEFAULT_CSS = """
    FacetPanel { width: 34; border-right: vkey $secondary; }
    """

    class Chosen(Message):
        """A facet was chosen: *qualifier* is to be added to the query."""

        def __init__(self, qualifier: str) -> None:
            super().__init__()
            self.qualifier = qualifier

    def show(self, facets: Facets) -> None:
        """Replace the entries with *facets*, keeping the highlight where it can."""
        highlighted = self.highlighted
        options: list[Option | None] = []
        for title, name, entries in (
            ("Issued by", "issuer", facets.issuers),
            ("Organisations", "org", facets.organisations),
            ("Places", "loc", facets.places),
            ("Years", "date", facets.years),
            ("Tags", "tag", facets.tags),
        ):
            if not entries:
                continue
            if options:
                options.append(None)
            options.append(Option(Content.styled(title, "bold"), disabled=True))
            for value, count in entries:
                label = Content(f"{count:>6,}  ").append(Content(clean_line(value)))
                options.append(Option(label, id=qualifier(name, value)))
        self.clear_options()
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        else:
            # A row is highlighted from the start: Enter adds it, j and k move.
            self.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
