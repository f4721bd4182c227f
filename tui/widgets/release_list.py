"""The release list: a virtualised Line API view that draws only the rows on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.records import Release
from store.sanitize import clean_line

StarredUnread = Callable[[str], tuple[bool, bool]]


def short_organisation(name: str) -> str:
    """``United Nations Office of Counter-Terrorism (UNOCT)`` -> ``UNOCT`` for a narrow column."""
    if name.endswith(")") and " (" in name:
        acronym = name[name.rindex(" (") + 2 : -1]
        if acronym and " " not in acronym and len(acronym) <= 12:
            return acronym
    return name


class ReleaseList(ScrollView, can_focus=True):
    """Rows of date, organisation, dateline place and title, with star and unread markers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="list.open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "release-list--cursor",
        "release-list--unread",
        "release-list--date",
        "release-list--meta",
        "release-list--marker",
    }

    DEFAULT_CSS = """
    ReleaseList {
        background: $surface;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    ReleaseList > .release-list--cursor { background: $block-cursor-blurred-background; }
    ReleaseList:focus > .release-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ReleaseList > .release-list--unread { text-style: bold; }
    ReleaseList > .release-list--date { color: $text-muted; }
    ReleaseList > .release-list--meta { color: $text-secondary; }
    ReleaseList > .release-list--marker { color: $text-warning; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to another release."""

        def __init__(self, release_list: ReleaseList, release: Release | None) -> None:
            super().__init__()
            self.release_list = release_list
            self.release = release

        @property
        def control(self) -> ReleaseList:
            return self.release_list

    class Selected(Message):
        """Enter (or a click) on a release."""

        def __init__(self, release_list: ReleaseList, release: Release) -> None:
            super().__init__()
            self.release_list = release_list
            self.release = release

        @property
        def control(self) -> ReleaseList:
            return self.release_list

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[Release] = ()
        self._marks: StarredUnread = lambda _id: (False, False)

    # -- data -------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Release]:
        return self._rows

    @property
    def current(self) -> Release | None:
        """The release under the cursor, if any."""
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def set_rows(
        self,
        rows: Sequence[Release],
        marks: StarredUnread | None = None,
        *,
        keep: str | None = None,
    ) -> None:
        """Show *rows*; the cursor stays on release *keep* when it is still there."""
        self._rows = rows
        if marks is not None:
            self._marks = marks
        target = 0
        if keep is not None:
            for index, release in enumerate(rows):
                if release.id == keep:
                    target = index
                    break
        self.virtual_size = Size(self.size.width, len(rows))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = target
        self.refresh()

    def refresh_marks(self) -> None:
        """Redraw after a star or read state changed."""
        self.refresh()

    # -- movement ---------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_cursor_into_view(self) -> None:
        if self.size.height:
            self.scroll_to_region(
                Region(0, self.cursor, max(1, self.size.width), 1), animate=False, immediate=True
            )

    def refresh_line(self, row: int) -> None:
        y = row - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_select(self) -> None:
        release = self.current
        if release is not None:
            self.post_message(self.Selected(self, release))

    def _on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self._rows):
            if row == self.cursor and event.chain >= 2:
                self.action_select()
            self.cursor = row

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows))
        self._scroll_cursor_into_view()

    # -- drawing ----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, base)
        release = self._rows[row]
        starred, unread = self._marks(release.id)
        style = base
        if unread:
            style += self.get_component_rich_style("release-list--unread", partial=True)
        cursor = self.get_component_rich_style("release-list--cursor") if row == self.cursor else None
        return Strip(self._row_segments(release, starred, unread, width, style, cursor), width)

    def _row_segments(
        self,
        release: Release,
        starred: bool,
        unread: bool,
        width: int,
        style: Style,
        cursor: Style | None,
    ) -> list[Segment]:
        marker = self.get_component_rich_style("release-list--marker", partial=True)
        dim = self.get_component_rich_style("release-list--date", partial=True)
        meta = self.get_component_rich_style("release-list--meta", partial=True)
        line = Text(style=style, no_wrap=True, overflow="ellipsis", end="")
        line.append("★" if starred else " ", marker)
        line.append("•" if unread else " ", marker)
        line.append(" ")
        if width >= 48:
            line.append(f"{release.date or '':<10}", dim)
            line.append(" ")
        org_width, place_width = _column_widths(width)
        if org_width:
            org = short_organisation(release.organisations[0]) if release.organisations else ""
            line.append_text(_cell(org, org_width, meta))
            line.append(" ")
        if place_width:
            line.append_text(_cell(release.location or "", place_width, meta))
            line.append(" ")
        line.append(clean_line(release.title))
        line.truncate(width, overflow="ellipsis", pad=True)
        if cursor is not None:
            # The cursor row's colours win over the column colours beneath.
            line.stylize(cursor)
        return [seg for seg in line.render(_CONSOLE) if seg.text != "\n"]


def _column_widths(width: int) -> tuple[int, int]:
    """Organisation and place columns grow with the terminal; narrow ones drop them."""
    if width < 64:
        return (0, 0)
    if width < 90:
        return (12, 0)
    if width < 120:
        return (14, 12)
    return (18, 14)


def _cell(value: str, width: int, style: Style) -> Text:
    text = Text(clean_line(value), style=style, no_wrap=True, overflow="ellipsis", end="")
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


# Renders a row's Text to segments; its size never matters (rows are pre-truncated).
_CONSOLE = Console(width=10_000, legacy_windows=False, markup=False, emoji=False)
