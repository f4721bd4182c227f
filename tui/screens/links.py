"""The link picker: which of a release's web and mail links to open."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.records import Link
from store.sanitize import clean_line


class LinkPicker(ModalScreen[str | None]):
    """Dismisses with the chosen URL, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel", id="links.cancel"),
    ]

    DEFAULT_CSS = """
    LinkPicker { align: center middle; }
    LinkPicker > Vertical { width: 80%; max-width: 100; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    LinkPicker OptionList { height: auto; max-height: 20; }
    """

    def __init__(self, links: Sequence[Link]) -> None:
        super().__init__()
        self.links = [link for link in links if link.openable]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled("Open which link?", "bold"))
            yield OptionList(
                *(
                    Option(
                        Content(clean_line(link.label) or "link")
                        .stylize("bold")
                        .append(Content("  " + clean_line(link.url)).stylize("dim")),
                        id=str(number),
                    )
                    for number, link in enumerate(self.links)
                )
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[int(event.option.id or 0)].url)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
