"""The facet panel: organisations, places and years of the current result, with counts."""

from __future__ import annotations

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
            ("Organisations", "org", facets.organisations),
            ("Places", "loc", facets.places),
            ("Years", "date", facets.years),
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

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
