"""The timeline: a one-line sparkline of releases per month for the current result.

It takes the width it is given (a month may be several cells wide), says
what its axis is (first and last month, the peak), and can be focused (Tab):
← → walk the bars, each named with its month and count, and Enter narrows
the search to that month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

_BARS = "▁▂▃▄▅▆▇█"
LAST = 1 << 30  # a cursor past the end: the last bar


@dataclass(frozen=True)
class Bar:
    """One bar: the months it covers (first and last, ``YYYY-MM``) and their releases."""

    first: str
    last: str
    count: int

    @property
    def label(self) -> str:
        months = self.first if self.first == self.last else f"{self.first}..{self.last}"
        plural = "" if self.count == 1 else "s"
        return f"{months}: {self.count:,} release{plural}"

    @property
    def qualifier(self) -> str:
        return (
            f"date:{self.first}" if self.first == self.last else f"date:{self.first}..{self.last}"
        )


class Timeline(Static, can_focus=True):
    """``2019-03 ▁▂▃▅▂▁▁▂▇▃▂ 2024-06`` scaled to the width available."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Earlier", show=False, id="timeline.earlier"),
        Binding("right,l", "move(1)", "Later", show=False, id="timeline.later"),
        Binding("home,g", "move(-100000)", "First month", show=False, id="timeline.first"),
        Binding("end,G", "move(100000)", "Last month", show=False, id="timeline.last"),
        Binding("enter", "choose", "Search this month", id="timeline.choose"),
    ]

    DEFAULT_CSS = """
    Timeline { height: 1; padding: 0 1; color: $text-accent; background: $panel; }
    Timeline:focus { background: $boost; }
    """

    class Chosen(Message):
        """Enter on a bar: *qualifier* (``date:2024-06``) is to be added to the query."""

        def __init__(self, qualifier: str) -> None:
            super().__init__()
            self.qualifier = qualifier

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.months: list[tuple[str, int]] = []
        self.bars: list[Bar] = []
        self.cursor = -1  # the bar walked to (the last one once focused)
        self._drawn: Text | None = None  # what the line shows

    def show(self, months: list[tuple[str, int]]) -> None:
        self.months = months
        self.cursor = -1
        self._draw()

    def on_resize(self) -> None:
        self.cursor = -1
        self._draw()

    # Drawn after Widget's own handlers have set has_focus.
    def on_focus(self) -> None:
        self.call_later(self._draw)

    def on_blur(self) -> None:
        self.call_later(self._draw)

    def action_move(self, step: int) -> None:
        if not self.bars:
            return
        start = len(self.bars) - 1 if self.cursor < 0 else self.cursor
        self.cursor = max(0, min(len(self.bars) - 1, start + step))
        self._draw()

    def action_choose(self) -> None:
        if self.bars:
            bar = self.bars[self.cursor if self.cursor >= 0 else -1]
            self.post_message(self.Chosen(bar.qualifier))

    def _draw(self) -> None:
        # One line, always: the new bars never need a layout pass.
        width = max(10, self.size.width - 2)
        # Focused, the cursor starts on the last (newest) bar.
        cursor = (self.cursor if self.cursor >= 0 else LAST) if self.has_focus else -1
        text, self.bars = sparkline(self.months, width, cursor=cursor)
        # Most keystrokes change no bar: a repaint would render the line again.
        if text != self._drawn:
            self._drawn = text
            self.update(text, layout=False)


def sparkline(
    months: list[tuple[str, int]], width: int, *, cursor: int = -1
) -> tuple[Text, list[Bar]]:
    """Bars for *months* in *width* cells, labelled: first and last month, then the peak.

    Several months share a bar when they do not fit; a month takes several
    cells when there is room. With *cursor*, that bar is shown reversed and
    named (month and count) in place of the legend.
    """
    if not months:
        return Text("no dated releases", style="dim"), []
    first, last = months[0][0], months[-1][0]
    counts = [count for _, count in months]
    ends = len(first) + len(last) + 2
    # The legend's room is kept whatever it says, so the bars do not jump:
    # in full on wide terminals, the peak alone on narrow ones.
    if width - ends >= 100:
        legend_room = 34
    elif width - ends >= 40:
        legend_room = 14
    else:
        legend_room = 0
    room = width - ends - legend_room
    if room < 1:
        return Text(""), []
    per_bar = max(1, -(-len(counts) // room))
    bars = [
        Bar(
            months[i][0], months[min(i + per_bar, len(months)) - 1][0], sum(counts[i : i + per_bar])
        )
        for i in range(0, len(counts), per_bar)
    ]
    cursor = min(cursor, len(bars) - 1)
    # Cells per bar: the timeline fills its width (up to 8 cells a bar).
    cells = max(1, min(8, room // len(bars)))
    top = max(bar.count for bar in bars) or 1
    text = Text(f"{first} ", style="dim")
    for index, bar in enumerate(bars):
        glyph = _BARS[0] if bar.count == 0 else _BARS[min(7, (bar.count * 8 - 1) // top)]
        style = Style(reverse=True, bold=True) if index == cursor else None
        text.append(glyph * cells, style)
    text.append(f" {last}", style="dim")
    if legend_room:
        short = f"  peak {top:,}" + (f"/{per_bar}mo" if per_bar > 1 else "/mo")
        if 0 <= cursor < len(bars):
            bar = bars[cursor]
            legends = [f"  {bar.label}"] if legend_room > 14 else []
            legends.append(f"  {bar.first}: {bar.count:,}")
        elif legend_room > 14:
            scale = f"per {per_bar} months" if per_bar > 1 else "per month"
            legends = [f"  releases {scale}, peak {top:,}", f"  peak {top:,} {scale}", short]
        else:
            legends = [short]
        # The longest that fits: a figure cut short ("peak 3,46" for 3,463) would mislead.
        legend = next((x for x in legends if len(x) <= legend_room), "")
        text.append(legend, style="dim")
    return text, bars
