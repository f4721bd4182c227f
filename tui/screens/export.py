"""The export dialog (``e``): choose a format with one key, confirm the file name, Enter.

It only asks: the screen that opened it hands the answer to the session,
which writes the file off the UI thread (store.export) and says when it is done.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.export import SUFFIXES
from tui.widgets.plain_input import PlainInput

# key -> (format, what it is for)
FORMAT_KEYS = {
    "c": ("csv", "CSV — a spreadsheet (Excel, LibreOffice)"),
    "j": ("json", "JSON — one list, for programs; imports back with marks and tags"),
    "l": ("jsonl", "JSON Lines — one release a line, for jq; imports back"),
    "m": ("md", "Markdown — a readable digest"),
}


def default_export_path(
    fmt: str, stem: str = "pressroom-export", now: datetime | None = None
) -> str:
    """``~/pressroom-export-20250131-0942.csv``: in the home folder, named for the minute."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    return f"~/{stem}-{stamp}{SUFFIXES.get(fmt, '.' + fmt)}"


def with_suffix(name: str, fmt: str) -> str:
    """*name* with the suffix of *fmt* in place of a known export suffix (or added)."""
    for known in (*SUFFIXES.values(), ".vcf"):
        if name.lower().endswith(known):
            name = name[: -len(known)]
            break
    return name + SUFFIXES.get(fmt, "." + fmt)


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Dismisses with (format, file) to write, or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        *(
            Binding(key, f"choose('{key}')", f"Export {fmt}", show=False, id=f"export.{fmt}")
            for key, (fmt, _) in FORMAT_KEYS.items()
        ),
    ]

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 80%; max-width: 90; height: auto;
        border: round $accent; background: $surface; padding: 0 1; }
    ExportDialog #export-heading { text-style: bold; }
    ExportDialog #export-formats { height: auto; border: none; }
    ExportDialog #export-note { color: $text-muted; }
    """

    def __init__(self, heading: str, fmt: str = "csv", stem: str = "pressroom-export") -> None:
        super().__init__()
        self.heading = heading
        self.format = fmt
        self.stem = stem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.heading), id="export-heading")
            yield OptionList(
                *(
                    Option(Content(f"{key}  {label}"), id=key)
                    for key, (_, label) in FORMAT_KEYS.items()
                ),
                id="export-formats",
            )
            yield PlainInput(default_export_path(self.format, self.stem), id="export-file")
            yield Static(
                Content("c j l m: the format · Enter writes the file · Esc cancels"),
                id="export-note",
            )

    def on_mount(self) -> None:
        formats = self.query_one("#export-formats", OptionList)
        keys = list(FORMAT_KEYS)
        formats.highlighted = next(
            (n for n, key in enumerate(keys) if FORMAT_KEYS[key][0] == self.format), 0
        )
        formats.focus()

    def action_choose(self, key: str) -> None:
        """A format key: that format, and on to the file name."""
        if isinstance(self.focused, Input):
            return  # a letter of the file name (the input takes it first)
        fmt = FORMAT_KEYS[key][0]
        self.format = fmt
        field = self.query_one("#export-file", PlainInput)
        field.value = with_suffix(field.value, fmt)
        field.cursor_position = len(field.value)
        self.query_one("#export-formats", OptionList).highlighted = list(FORMAT_KEYS).index(key)
        field.focus()

    @on(OptionList.OptionSelected, "#export-formats")
    def _format_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.action_choose(event.option.id)

    @on(Input.Submitted, "#export-file")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            self.notify("Give a file name.", severity="warning")
            return
        self.dismiss((self.format, Path(name).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
