"""The detail pane: one release laid out for reading, wrapped lazily, search hits highlighted."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Collection
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.records import Release
from store.related import Related
from store.sanitize import clean_line, clean_text
from tui.runtime.textual_internals import set_virtual_height_quietly

Highlighter = Callable[[str], list[tuple[int, int]]]

# Renders wrapped lines to segments; its width never matters (lines are pre-wrapped).
_CONSOLE = Console(width=10_000, legacy_windows=False, markup=False, emoji=False)
_HIT = Style(reverse=True, bold=True)
_CURRENT_HIT = Style(reverse=True, bold=True, underline=True)


class DetailPane(ScrollView, can_focus=True):
    """Kicker, headline, dateline, organisations, people, body, contacts and links.

    Every paragraph is one logical line, wrapped only when it comes into view,
    so a release of a million lines opens as fast as a short one.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_hit", "Next hit", show=False, id="detail.next_hit"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="detail.previous_hit"),
        Binding("down,j", "scroll_down", "Down", show=False, id="detail.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="detail.up"),
        Binding(
            "pagedown,space,ctrl+f", "page_down", "Page down", show=False, id="detail.page_down"
        ),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="detail.page_up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False, id="detail.half_down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="detail.half_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="detail.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="detail.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail-pane--kicker",
        "detail-pane--title",
        "detail-pane--dateline",
        "detail-pane--label",
        "detail-pane--muted",
        "detail-pane--embargo",
    }

    DEFAULT_CSS = """
    DetailPane {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: scroll;
    }
    DetailPane > .detail-pane--kicker { color: $text-muted; text-style: bold; }
    DetailPane > .detail-pane--title { text-style: bold; color: $text; }
    DetailPane > .detail-pane--dateline { color: $text-accent; text-style: italic; }
    DetailPane > .detail-pane--label { text-style: bold; color: $text-secondary; }
    DetailPane > .detail-pane--muted { color: $text-muted; }
    DetailPane > .detail-pane--embargo { color: $text-error; text-style: bold; }
    """

    class HitMoved(Message):
        """``n``/``N`` moved to another hit: *text* is the counter (``3/12``) and any wrap notice."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.release: Release | None = None
        # Body lines stay plain strings until they are drawn: a body of a
        # million lines must not cost a million Text objects up front.
        self._paragraphs: list[Text | str] = []
        self._body_range = (0, 0)  # paragraph indexes of the body
        self._release_end = 0  # paragraphs of the release itself: the related releases follow
        self._whole = False  # hits looked for in every line, not only the body
        self._highlighter: Highlighter | None = None
        self._width = 0
        self._starts = array("Q", [0])  # first row of each paragraph, and the total
        self._current_hit = -1  # paragraph of the hit last jumped to
        self._cache: dict[int, list[Strip]] = {}
        self._heights: list[int] = []
        self._estimated = bytearray()
        self._heights_dirty = False
        # What the pane was last laid out for (release id, query text), so
        # that a cursor or result update with nothing new costs nothing.
        self.shown_for: tuple[str | None, str] | None = None
        # The user's tags on a release (the session's marks), and those shown.
        self.tags_of: Callable[[str], tuple[str, ...]] = lambda _id: ()
        self._shown_tags: tuple[str, ...] = ()
        # The releases related to a release (the session's, store.related), listed at the end.
        self.related_of: Callable[[str], Related | None] = lambda _id: None

    # -- content ----------------------------------------------------------

    def highlight(self, highlighter: Highlighter | None, *, whole: bool = False) -> None:
        """Highlight other hits in the same release: the layout is unchanged, only the rows.

        Search hits are looked for in the body; with *whole* (finding text in
        the release), in every line of it.
        """
        self._highlighter = highlighter
        self._whole = whole
        self._current_hit = -1
        self._cache.clear()
        self.refresh()

    def show(self, release: Release | None, highlighter: Highlighter | None = None) -> None:
        """Lay out *release* (or nothing); *highlighter* gives the hit spans of a line."""
        self.release = release
        self._highlighter = highlighter
        self._whole = False
        self._current_hit = -1
        self._paragraphs, self._body_range = self._layout(release)
        self._cache.clear()
        self._measure()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def refresh_tags(self, release_ids: Collection[str]) -> None:
        """Lay the release out again if the user's tags on it changed, keeping the place."""
        release = self.release
        if release is None or release.id not in release_ids:
            return
        if self.tags_of(release.id) == self._shown_tags:
            return
        y = self.scroll_offset.y
        self._paragraphs, self._body_range = self._layout(release)
        self._cache.clear()
        self._measure()
        self.scroll_to(0, y, animate=False, immediate=True)
        self.refresh()

    def refresh_related(self) -> None:
        """Lay the release out again now that its related releases are known, keeping the place."""
        release = self.release
        if release is None:
            return
        y = self.scroll_offset.y
        self._paragraphs, self._body_range = self._layout(release)
        self._cache.clear()
        self._measure()
        self.scroll_to(0, y, animate=False, immediate=True)
        self.refresh()

    def _layout(self, release: Release | None) -> tuple[list[Text | str], tuple[int, int]]:
        self._shown_tags = () if release is None else self.tags_of(release.id)
        if release is None:
            self._release_end = 0
            return [], (0, 0)
        style = self.get_component_rich_style
        out: list[Text | str] = []
        if release.kicker:
            out.append(_styled(clean_line(release.kicker), style("detail-pane--kicker")))
        if release.embargo:
            out.append(_styled(clean_line(release.embargo), style("detail-pane--embargo")))
        out.append(_styled(clean_line(release.title), style("detail-pane--title")))
        dateline = " · ".join(
            clean_line(x) for x in (release.location, _long_date(release.date)) if x
        )
        if dateline:
            out.append(_styled(dateline, style("detail-pane--dateline")))
        if release.issuer:
            out.append(
                _styled(f"Issued by {clean_line(release.issuer)}", style("detail-pane--dateline"))
            )
        if release.organisations:
            out.append(Text(" · ".join(clean_line(o) for o in release.organisations)))
        if self._shown_tags or release.tags:
            # Yours first, then the release's own (each once, case ignored).
            tags = dict.fromkeys(t.casefold() for t in self._shown_tags)
            line = _styled("Tags: ", style("detail-pane--label"))
            line.append(", ".join(self._shown_tags))
            own = [t for t in release.tags if t.casefold() not in tags]
            if own:
                line.append(
                    ("  ·  " if self._shown_tags else "") + ", ".join(clean_line(t) for t in own),
                    style("detail-pane--muted"),
                )
            out.append(line)
        for person in release.people:
            line = _styled(clean_line(person.name), Style(bold=True))
            if person.role:
                line.append(", " + clean_line(person.role))
            out.append(line)
        out.append(Text(""))
        body_start = len(out)
        out.extend(clean_text(release.body).split("\n"))
        body_end = len(out)
        if release.contacts:
            out.append(Text(""))
            out.append(_styled("Contacts", style("detail-pane--label")))
            for contact in release.contacts:
                fields = (
                    contact.name,
                    contact.role,
                    contact.organisation,
                    contact.email,
                    contact.phone,
                )
                out.append(Text("  " + " · ".join(clean_line(f) for f in fields if f)))
        if release.links:
            out.append(Text(""))
            out.append(_styled("Links", style("detail-pane--label")))
            for number, link in enumerate(release.links, 1):
                line = Text(f"  {number}. ")
                line.append(clean_line(link.label) or "link", Style(bold=True))
                line.append("  " + clean_line(link.url), style("detail-pane--muted"))
                if not link.openable:
                    line.append("  (not openable)", style("detail-pane--muted"))
                out.append(line)
        out.append(Text(""))
        out.append(
            _styled(
                f"{release.source.format} · {clean_line(release.source.path)}",
                style("detail-pane--muted"),
            )
        )
        # Finding text in the release looks no further (not in its related releases).
        self._release_end = len(out)
        self._related_lines(release, out)
        return out, (body_start, body_end)

    def _related_lines(self, release: Release, out: list[Text | str]) -> None:
        """Related releases, numbered as ``x`` numbers them (tui.screens.related)."""
        related = self.related_of(release.id)
        if not related:
            return
        from tui.screens.related import entry_line, group_heading

        style = self.get_component_rich_style
        out.append(Text(""))
        heading = _styled("Related", style("detail-pane--label"))
        heading.append("  x opens one", style("detail-pane--muted"))
        out.append(heading)
        number = 0
        for group in related.groups:
            out.append(_styled("  " + group_heading(group), style("detail-pane--muted")))
            for entry in group.entries:
                number += 1
                out.append(Text(f"  {number:>2}. {entry_line(entry.date, entry.title)}"))

    # -- wrapping ---------------------------------------------------------

    def _measure(self) -> None:
        """Rows per paragraph at the current width.

        Short lines are one row. Long paragraphs are wrapped for real only
        as far as the first screens reach; further down their height is an
        estimate, made exact when they scroll into view (see render_line).
        """
        width = self._wrap_width()
        self._width = width
        # One screen wrapped for real: what the first frame shows (opening a
        # release is timed from the key); the rest settles as it scrolls in.
        exact_until = max(self.size.height, 24) + 1
        heights: list[int] = []
        estimated = bytearray(len(self._paragraphs))
        total = 0
        for index, paragraph in enumerate(self._paragraphs):
            plain = paragraph if isinstance(paragraph, str) else paragraph.plain
            cells = len(plain) if plain.isascii() else cell_len(plain)
            if cells <= width:
                height = 1
            elif total < exact_until:
                height = len(self._wrapped(index))
            else:
                # Word wrapping leaves a little room at the end of each row.
                height = -(-cells * 110 // (100 * width))
                estimated[index] = 1
            heights.append(height)
            total += height
        self._heights = heights
        self._estimated = estimated
        self._apply_heights()

    def _apply_heights(self) -> None:
        starts = array("Q", [0])
        total = 0
        for height in self._heights:
            total += height
            starts.append(total)
        self._starts = starts
        # As in VirtualList: no layout pass for what only changes our scrollbar.
        set_virtual_height_quietly(self, total, width=self._width)

    def _settle_height(self, index: int, rows: int) -> None:
        """An estimated paragraph came into view: use its real height from the next frame."""
        self._estimated[index] = 0
        if self._heights[index] != rows:
            self._heights[index] = rows
            if not self._heights_dirty:
                self._heights_dirty = True
                self.call_after_refresh(self._reflow)

    def _reflow(self) -> None:
        self._heights_dirty = False
        self._apply_heights()
        self.refresh()

    def _wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width or 80)

    def _wrapped(self, index: int) -> list[Strip]:
        """The rows of paragraph *index* at the current width (cached while shown)."""
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        if len(self._cache) > 4096:
            self._cache.clear()
        strips = self._wrap(index)
        self._cache[index] = strips
        return strips

    def _wrap(self, index: int) -> list[Strip]:
        stored = self._paragraphs[index]
        paragraph = Text(stored) if isinstance(stored, str) else stored
        first, last = self._hit_range()
        if self._highlighter and first <= index < last:
            paragraph = paragraph.copy()
            for start, end in self._highlighter(paragraph.plain):
                paragraph.stylize(_CURRENT_HIT if index == self._current_hit else _HIT, start, end)
        if not paragraph.plain:
            return [Strip.blank(self._width)]
        lines = paragraph.wrap(_CONSOLE, self._width, overflow="fold")
        return [
            Strip([seg for seg in line.render(_CONSOLE) if seg.text != "\n"]).adjust_cell_length(
                self._width
            )
            for line in lines
        ]

    def render_line(self, y: int) -> Strip:
        if self._wrap_width() != self._width:
            # The scrollbar (or a layout pass) changed the room after the last
            # Resize: wrap again before drawing, so no word is ever cut off.
            self._cache.clear()
            self._measure()
        row = y + self.scroll_offset.y
        base = self.rich_style
        if row >= self._starts[-1]:
            return Strip.blank(self._width, base)
        index = bisect_right(self._starts, row) - 1
        strips = self._wrapped(index)
        if self._estimated[index]:
            self._settle_height(index, len(strips))
        sub = row - self._starts[index]
        strip = strips[sub] if sub < len(strips) else Strip.blank(self._width)
        return strip.apply_style(base)

    def on_resize(self, event: events.Resize) -> None:
        if self._wrap_width() != self._width:
            self._cache.clear()
            self._measure()

    def action_half_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + max(1, self.size.height // 2), animate=False)

    def action_half_page_up(self) -> None:
        self.scroll_to(y=max(0, self.scroll_y - max(1, self.size.height // 2)), animate=False)

    # -- search hits ------------------------------------------------------

    def _hit_range(self) -> tuple[int, int]:
        return (0, self._release_end) if self._whole else self._body_range

    def hit_paragraphs(self) -> list[int]:
        """The lines that hold a hit."""
        if not self._highlighter:
            return []
        first, last = self._hit_range()
        lines = self._paragraphs
        return [i for i in range(first, last) if self._highlighter(_plain(lines[i]))]

    def action_next_hit(self) -> None:
        self._jump(forward=True)

    def action_previous_hit(self) -> None:
        self._jump(forward=False)

    def _jump(self, *, forward: bool) -> None:
        hits = self.hit_paragraphs()
        if not hits:
            self.app.bell()
            self.post_message(self.HitMoved("no hits in this release"))
            return
        started = self._current_hit >= 0
        if forward:
            after = [i for i in hits if i > self._current_hit]
            target = after[0] if after else hits[0]
            wrapped = started and not after
            where = "search wrapped to the top"
        else:
            before = [i for i in hits if i < self._current_hit]
            target = before[-1] if before else hits[-1]
            wrapped = started and not before
            where = "search wrapped to the bottom"
        status = f"{hits.index(target) + 1}/{len(hits)}"
        self.post_message(self.HitMoved(f"{status}  {where}" if wrapped else status))
        self._current_hit = target
        self._cache.clear()
        row = self._starts[target]
        self.scroll_to(y=max(0, row - 2), animate=False)
        self.refresh()

    @property
    def lines(self) -> list[str]:
        """The laid-out paragraphs as plain text (for tests and copying)."""
        return [_plain(p) for p in self._paragraphs]


def _plain(paragraph: Text | str) -> str:
    return paragraph if isinstance(paragraph, str) else paragraph.plain


def _styled(value: str, style: Style) -> Text:
    """Text whose characters carry *style* (a Text's base style does not survive wrapping)."""
    text = Text()
    text.append(value, style)
    return text


def _long_date(date: str | None) -> str | None:
    """``2021-06-23`` -> ``23 June 2021``: the way a dateline reads."""
    if not date or len(date) != 10:
        return date
    try:
        return f"{int(date[8:10])} {_MONTHS[int(date[5:7]) - 1]} {date[:4]}"
    except (ValueError, IndexError):
        return date


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
