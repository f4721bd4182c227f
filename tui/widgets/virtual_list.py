"""A virtualised list: a cursor over rows, drawing only the rows on screen (Line API)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeAlias, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.sanitize import clean_line
from tui.runtime.textual_internals import set_virtual_height_quietly

T = TypeVar("T")
# How a row looks, its width aside (see VirtualList._look): the item, the cursor on it, and
# what row_key adds.
_Look: TypeAlias = tuple[Hashable, bool, Hashable]

# One piece of a row: its text (already cleaned) and its style.
Piece = tuple[str, Style]


class ItemMessage(Message):
    """A message about one item of a list (``item`` is None when the list is empty)."""

    def __init__(self, virtual_list: VirtualList[Any], item: Any) -> None:
        super().__init__()
        self.virtual_list = virtual_list
        self.item = item

    @property
    def control(self) -> VirtualList[Any]:
        return self.virtual_list


def fixed_cell(value: str, width: int, style: Style) -> Piece:
    """*value* on one line in exactly *width* cells: cut with an ellipsis or padded."""
    text = clean_line(value[: 4 * width])
    cells = len(text) if text.isascii() else cell_len(text)
    if cells > width:
        text = _cut(text, width)
    elif cells < width:
        text += " " * (width - cells)
    return (text, style)


def _cut(text: str, width: int) -> str:
    """*text* cut to *width* cells, the last one an ellipsis (as Rich's ``truncate``)."""
    if width <= 0:
        return ""
    if text.isascii():
        return text[: width - 1] + "…"
    return set_cell_size(text, width - 1) + "…"


def row_strip(
    pieces: Sequence[Piece], width: int, style: Style, over: Style | None = None
) -> Strip:
    """The pieces of a row in exactly *width* cells: cut with an ellipsis where they
    overflow, padded where they fall short. Every piece is drawn in *style* + its
    own style + *over* (the cursor's colours win over the columns beneath).

    Segments straight from strings: a row through Rich's ``Text`` cost ~0.4 ms,
    and a keystroke can bring a screenful of new rows.
    """
    sizes = [len(text) if text.isascii() else cell_len(text) for text, _ in pieces]
    total = sum(sizes)
    segments: list[Segment] = []
    used = 0
    for (text, own), cells in zip(pieces, sizes, strict=True):
        if total > width and used + cells >= width:
            # The piece holding the last cell: cut, ellipsis, and nothing after it.
            text = _cut(text, width - used) if width - used > 0 else ""
            cells = width - used
            total = width
        piece_style = style + own
        segments.append(Segment(text, piece_style + over if over else piece_style))
        used += cells
        if used >= width:
            break
    if used < width:
        segments.append(Segment(" " * (width - used), style + over if over else style))
    return Strip(segments, width)


class VirtualList(ScrollView, Generic[T], can_focus=True):
    """A cursor over rows of items, drawing only the rows on screen (Textual's Line API).

    Subclasses say how one item reads as a row in :meth:`row_pieces`, and what
    names it and its row in :meth:`item_key` and :meth:`row_key`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="list.open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False, id="list.half_down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="list.half_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--unread",
        "virtual-list--dim",
        "virtual-list--meta",
        "virtual-list--marker",
    }

    DEFAULT_CSS = """
    VirtualList {
        background: $surface;
        overflow-x: hidden;
        overflow-y: scroll;
    }
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    VirtualList > .virtual-list--unread { text-style: bold; }
    VirtualList > .virtual-list--dim { color: $text-muted; }
    VirtualList > .virtual-list--meta { color: $text-secondary; }
    VirtualList > .virtual-list--marker { color: $text-warning; }
    """

    # No repaint of the whole list: watch_cursor repaints the two rows that change.
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Highlighted(ItemMessage):
        """The cursor moved to another item."""

    class Selected(ItemMessage):
        """Enter (or a double click) on an item."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[T] = ()
        # Drawn rows by (item_key, width, is_cursor, row_key): see render_line.
        self._strips: dict[tuple[_Look, int], Strip] = {}
        # Called with the item under the cursor whenever it moves over the same
        # rows (see watch_cursor); new rows (set_rows) are not a move to follow.
        self.follow: Callable[[T | None], object] | None = None
        self._filling = False
        self._styles: dict[str, Style] = {}
        # While render_lines runs: the scroll offset and the rows' width (render_line).
        self._frame: tuple[int, int] | None = None

    # -- data -------------------------------------------------------------

    @property
    def rows(self) -> Sequence[T]:
        return self._rows

    @property
    def current(self) -> T | None:
        """The item under the cursor, if any."""
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def set_rows(self, rows: Sequence[T], *, keep_index: int = 0) -> None:
        """Show *rows* with the cursor on row *keep_index*."""
        shown = self._shown_keys() if self.scroll_offset.y == 0 else None
        self._rows = rows
        self.set_virtual_height(len(rows))
        self.scroll_to(y=0, animate=False, immediate=True)
        # Whatever follows the cursor (the pane) catches up with new rows on
        # its own terms (once the typing pauses), not at every keystroke.
        self._filling = True
        try:
            self.cursor = keep_index
        finally:
            self._filling = False
        if shown is None:
            self.refresh()
            return
        # Only the lines whose row changed are drawn again. A broad word's first
        # letters keep most of the newest releases on top ("" -> "h" -> "ha" at 100k):
        # its rows were the list's largest share of the frame (6 of 16 ms a key).
        now = self._shown_keys()
        changed = [y for y, key in enumerate(now) if key != shown[y]]
        if len(changed) == len(shown):
            self.refresh()
        else:
            for y in changed:
                self.refresh(Region(0, y, self.size.width, 1))

    def _shown_keys(self) -> list[_Look | None]:
        """What each line of the list draws, at the top (None: a blank line)."""
        rows, cursor = self._rows, self.cursor
        return [
            self._look(rows[y], y == cursor) if y < len(rows) else None
            for y in range(self.size.height)
        ]

    def _look(self, item: T, is_cursor: bool) -> _Look:
        """All that decides how *item*'s line looks, its width aside: the key of a drawn row."""
        return (self.item_key(item), is_cursor, self.row_key(item))

    def set_virtual_height(self, height: int) -> None:
        """Change the number of rows without a layout pass of the whole screen.

        A layout costs tens of milliseconds per keystroke on a busy screen, and
        the list's own size does not change: only its scrollbar needs telling.
        """
        set_virtual_height_quietly(self, height)

    # -- movement ---------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self._scroll_cursor_into_view()
        if self.follow is not None and not self._filling:
            # Called now, not through a message, so that what follows the
            # cursor is drawn in the same frame as the cursor itself.
            self.follow(self.current)
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_cursor_into_view(self) -> None:
        if self.size.height:
            self.scroll_to_region(
                Region(0, self.cursor, max(1, self.size.width), 1), animate=False, immediate=True
            )

    def refresh_row(self, row: int) -> None:
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

    def action_half_page_down(self) -> None:
        self.cursor += max(1, self.size.height // 2)

    def action_half_page_up(self) -> None:
        self.cursor -= max(1, self.size.height // 2)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_select(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.Selected(self, item))

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self._rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        # Not through the reactive: the layout that resized us is done, and
        # asking for another costs a frame's time on a fresh screen (the
        # first letter typed into the contact filter waited for it).
        self.set_virtual_height(len(self._rows))
        self._scroll_cursor_into_view()

    # -- drawing ----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width and the scroll offset are the same for every line of one
        # render: worked out once here, not for each of the 33 lines a
        # keystroke redraws (a third of the list's own time per line).
        self._frame = (self.scroll_offset.y, self._row_width())
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _row_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width

    def render_line(self, y: int) -> Strip:
        top, width = self._frame or (self.scroll_offset.y, self._row_width())
        row = y + top
        if row >= len(self._rows):
            return Strip.blank(width, self._style("base"))
        item = self._rows[row]
        is_cursor = row == self.cursor
        # Rows often stay the same between two keystrokes (the newest hits
        # lead both results): reuse their strips instead of rendering again.
        # Keyed by what the item is, never by id(): the rows may be objects
        # built on each read, and a new one can take a freed one's address.
        key = (self._look(item, is_cursor), width)
        strip = self._strips.get(key)
        if strip is None:
            row_style, pieces = self.row_pieces(item, width)
            base = self._style("base")
            strip = row_strip(
                pieces,
                width,
                base + row_style if row_style else base,
                self._style("cursor") if is_cursor else None,
            )
            if len(self._strips) > 1024:
                self._strips.clear()
            self._strips[key] = strip
        return strip

    def item_key(self, item: T) -> Hashable:
        """What names *item* for as long as the list lives (a release's id), never ``id()``."""
        raise NotImplementedError

    def row_key(self, item: T) -> Hashable:
        """What, besides :meth:`item_key`, changes how the item's row looks (e.g. its marks).

        Two items with equal keys share one drawn row, so this must cover all
        that :meth:`row_pieces` shows that the item's key does not fix.
        """
        return None

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            elif name == "cursor":
                style = self.get_component_rich_style("virtual-list--cursor")
            else:
                part = f"virtual-list--{name}"
                style = self.get_component_rich_style(part, partial=True)
                if style.color is not None:
                    # A partial style leaves an "auto" colour (the theme's $text-muted is
                    # "auto 60%") unblended: pure white, brighter than the text it should
                    # mute. The full style blends it over the list's background.
                    style += Style(color=self.get_component_rich_style(part).color)
            self._styles[name] = style
        return style

    def _forget_styles(self) -> None:
        self._styles.clear()
        self._strips.clear()

    def notify_style_update(self) -> None:
        # A theme change restyles every row.
        self._forget_styles()
        super().notify_style_update()

    # A focus change restyles the cursor row (``:focus`` in DEFAULT_CSS), and
    # Textual need not call notify_style_update for it: only the component
    # classes change. Textual calls these along with Widget's own handlers
    # (one per class of the MRO), so no super() call.
    def on_focus(self, event: events.Focus) -> None:
        self._forget_styles()

    def on_blur(self, event: events.Blur) -> None:
        self._forget_styles()

    def row_pieces(self, item: T, width: int) -> tuple[Style | None, list[Piece]]:
        """One row for *item*: a style for the whole row (or None) and its pieces.

        The pieces may be longer than *width*: the row is cut to fit.
        """
        raise NotImplementedError

    def part(self, name: str) -> Style:
        """The style of a component class, for use in :meth:`row_pieces`."""
        return self._style(name)
