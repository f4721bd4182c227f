"""Pickers: which of a release's links to open (or copy), which contact's email or card to copy.

Entries are numbered; a digit picks its entry at once (``o`` then ``2`` opens
the second link, as in newsboat's URL view).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.records import Link
from store.sanitize import clean_line
from tui.clipboard import copy_text


class PickerList(OptionList):
    """An option list with the list keys of the rest of the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="picker.down"),
        Binding("k", "cursor_up", "Up", show=False, id="picker.up"),
        Binding("g", "first", "First", show=False, id="picker.first"),
        Binding("G", "last", "Last", show=False, id="picker.last"),
    ]


class Picker(ModalScreen[str | None]):
    """Dismisses with the chosen entry's value, or None on Esc or q."""

    TITLE_TEXT = "Choose"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss_none", "Cancel", id="picker.cancel"),
    ]

    DEFAULT_CSS = """
    Picker { align: center middle; }
    Picker > Vertical { width: 80%; max-width: 100; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    Picker OptionList { height: auto; max-height: 20; }
    """

    def __init__(self, entries: Sequence[tuple[Content, str]], title: str | None = None) -> None:
        super().__init__()
        self.entries = list(entries)
        self.title_text = title or self.TITLE_TEXT

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(self.title_text, "bold"))
            yield PickerList(
                *(
                    Option(Content(f"{number:>2}. ").append(label), id=str(number))
                    for number, (label, _value) in enumerate(self.entries, 1)
                )
            )

    def on_mount(self) -> None:
        options = self.query_one(PickerList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[int(event.option.id or 1) - 1][1])

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            if 1 <= number <= len(self.entries):
                event.stop()
                self.dismiss(self.entries[number - 1][1])

    def highlighted_value(self) -> str | None:
        index = self.query_one(PickerList).highlighted
        return None if index is None else self.entries[index][1]

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def _link_label(link: Link) -> Content:
    """The link's label in bold, then its URL (once, when the label is the URL itself)."""
    label, url = clean_line(link.label), clean_line(link.url)
    if not label or label == url:
        return Content(url)
    return Content(label).stylize("bold").append(Content("  " + url).stylize("dim"))


class LinkPicker(Picker):
    """The release's web and mail links, numbered; ``y`` copies the highlighted URL."""

    TITLE_TEXT = "Open which link?  (a number opens it, y copies it)"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy_url", "Copy URL", id="links.copy"),
    ]

    def __init__(self, links: Sequence[Link]) -> None:
        self.links = [link for link in links if link.openable]
        super().__init__([(_link_label(link), link.url) for link in self.links])

    def action_copy_url(self) -> None:
        url = self.highlighted_value()
        if url:
            value = clean_line(url)
            copy_text(self.app, value)
            self.notify(f"Copied {value}", markup=False)
            self.dismiss(None)
