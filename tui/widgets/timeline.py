"""The timeline: a one-line sparkline of releases per month for the current result."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

_BARS = "▁▂▃▄▅▆▇█"


class Timeline(Static):
    """``2019-03 ▁▂▃▅▂▁▁▂▇▃▂ 2024-06`` scaled to the width available."""

    DEFAULT_CSS = """
    Timeline { height: 1; padding: 0 1; color: $text-accent; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.months: list[tuple[str, int]] = []

    def show(self, months: list[tuple[str, int]]) -> None:
        self.months = months
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        # One line, always: the new bars never need a layout pass.
        self.update(sparkline(self.months, max(10, self.size.width - 2)), layout=False)


def sparkline(months: list[tuple[str, int]], width: int) -> Text:
    """Bars for *months*, several months to a bar when they do not fit, labelled at both ends."""
    if not months:
        return Text("no dated releases", style="dim")
    first, last = months[0][0], months[-1][0]
    legend = " releases per month"
    room = width - len(first) - len(last) - 2 - len(legend)
    if room < 4:
        legend = ""
        room = width - len(first) - len(last) - 2
    if room < 1:
        return Text("")
    counts = [count for _, count in months]
    per_bar = max(1, -(-len(counts) // room))
    bars = [sum(counts[i : i + per_bar]) for i in range(0, len(counts), per_bar)]
    top = max(bars) or 1
    line = "".join(_BARS[0] if n == 0 else _BARS[min(7, (n * 8 - 1) // top)] for n in bars)
    text = Text(f"{first} ", style="dim")
    text.append(line)
    text.append(f" {last}", style="dim")
    if legend:
        text.append(legend + (f" (×{per_bar})" if per_bar > 1 else ""), style="dim")
    return text
