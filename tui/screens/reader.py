"""The reader: one release full screen, for terminals too narrow for the pane beside the list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, Static

from store.records import Release
from tui.release_actions import ReleaseActions, release_bindings
from tui.screens.tags import TagActions, tag_bindings
from tui.widgets.detail_pane import DetailPane, Highlighter
from tui.widgets.key_bar import KeyBar
from tui.widgets.plain_input import PlainInput

if TYPE_CHECKING:
    from tui.session import Session


def find_spans(needle: str) -> Highlighter:
    """Where *needle* occurs in a line, case ignored: what ``/`` in the reader highlights."""
    pattern = re.compile(re.escape(needle), re.IGNORECASE)

    def spans(line: str) -> list[tuple[int, int]]:
        return [match.span() for match in pattern.finditer(line)]

    return spans


class ReaderScreen(TagActions, ReleaseActions):
    """Esc or q goes back to the list; s r o y act on the release shown; / finds text in it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back"),
        Binding("q", "back", "Back", show=False, id="reader.quit"),
        # Priority, as "/" on the browse screen: in the find bar it is a character.
        Binding("slash", "find", "Find", priority=True, id="reader.find"),
        *release_bindings("reader"),
        *tag_bindings("reader"),
        Binding("x", "related", "Related", show=False, id="reader.related"),
    ]

    DEFAULT_CSS = """
    ReaderScreen #reader { height: 1fr; }
    ReaderScreen #find { display: none; border: none; height: 1; padding: 0 1; }
    ReaderScreen.-finding #find { display: block; }
    ReaderScreen #reader-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(
        self, session: Session, release: Release, highlighter: Highlighter | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.release = release
        self.highlighter = highlighter

    def compose(self) -> ComposeResult:
        yield DetailPane(id="reader")
        yield PlainInput(placeholder="find in this release", id="find")
        yield Static("", id="reader-status")
        yield KeyBar()

    def on_mount(self) -> None:
        pane = self.query_one(DetailPane)
        pane.tags_of = self.session.marks.tags
        pane.related_of = self.session.related
        pane.show(self.release, self.highlighter)
        pane.focus()
        # Enter in the find bar goes back to the text (then to the next hit, below).
        self.query_one("#find", PlainInput).leads_to = pane

    def release_target(self) -> Release | None:
        return self.release

    def action_related(self) -> None:
        """x: the related releases; the one chosen opens in a reader of its own (Esc comes back)."""
        from tui.screens.related import open_related

        open_related(self, self.session, self.release.id)

    def _status(self, text: str) -> None:
        self.query_one("#reader-status", Static).update(Content(text), layout=False)

    @on(DetailPane.HitMoved)
    def _hit_moved(self, event: DetailPane.HitMoved) -> None:
        self._status(event.text)

    def action_find(self) -> None:
        find = self.query_one("#find", PlainInput)
        if self.focused is find:
            raise SkipAction()
        self.add_class("-finding")
        self.set_focus(find, scroll_visible=False)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        pane = self.query_one(DetailPane)
        if event.value:
            pane.highlight(find_spans(event.value), whole=True)
            count = len(pane.hit_paragraphs())
            self._status(f"{count} line{'' if count == 1 else 's'} with “{event.value}”")
        else:
            pane.highlight(self.highlighter)
            self._status("")

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        pane = self.query_one(DetailPane)
        pane.focus()
        if event.value:
            pane.action_next_hit()

    def action_back(self) -> None:
        """Esc: out of the find bar (its text kept, n N go on); else back to the list."""
        find = self.query_one("#find", PlainInput)
        if self.focused is find:
            if not find.value:
                self.remove_class("-finding")
            self.query_one(DetailPane).focus()
            return
        self.app.pop_screen()
