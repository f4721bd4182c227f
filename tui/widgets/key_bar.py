"""The key bar: the keys that matter now, on one line drawn as one widget.

Textual's Footer recomposes a widget per key whenever focus moves, which
costs tens of milliseconds on every Enter and Esc; this bar redraws one line.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static


def _length(items: list[tuple[str, str, DOMNode, Binding]], gap: int) -> int:
    """Cells of the keys and descriptions of *items* drawn *gap* apart."""
    return sum(len(key) + 2 + len(description) + gap - 1 for key, description, _, _ in items)


class KeyBar(Static):
    """Active bindings with ``show=True``, then the command palette key; click one to run it."""

    DEFAULT_CSS = """
    KeyBar { height: 1; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, DOMNode, Binding]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        if not self.is_attached:
            return
        key_style = f"bold {self.app.get_css_variables().get('footer-key-foreground', '')}".strip()
        items: list[tuple[str, str, DOMNode, Binding]] = []
        seen: set[str] = set()
        active = self.screen.active_bindings
        for key, (node, binding, enabled, _tooltip) in active.items():
            if key == self.app.COMMAND_PALETTE_BINDING:
                continue
            if not binding.show or binding.action in seen or not enabled:
                continue
            seen.add(binding.action)
            items.append((self.app.get_key_display(binding), binding.description, node, binding))
        width = self.size.width or 80
        # Every key on the line, however narrow: spaced out when there is
        # room, then tighter, then the last keys but "? Help" left out (the
        # help lists them all). Text is never cut off mid-word.
        gap = 2
        if _length(items, 2) > width:
            gap = 1
            while len(items) > 1 and _length(items, 1) > width:
                del items[-2]
        text = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, DOMNode, Binding]] = []
        for shown_key, description, node, binding in items:
            start = len(text)
            text.append(f" {shown_key} ", key_style)
            text.append(description + " " * (gap - 1))
            spans.append((start, len(text), node, binding))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            node, binding = palette.node, palette.binding
            label = f" {self.app.get_key_display(binding)} palette "
            room = width - len(text) - len(label)
            if room > 0:
                text.append(" " * room)
                start = len(text)
                text.append(label, "dim")
                spans.append((start, len(text), node, binding))
        self._spans = spans
        self.update(text, layout=False)

    def on_resize(self) -> None:
        self._draw()

    async def on_click(self, event: events.Click) -> None:
        for start, end, node, binding in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(binding.action, node)
                return
