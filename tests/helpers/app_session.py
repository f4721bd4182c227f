"""Waiting on the browser's session in Pilot tests: on its work, never on the clock."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from tui.app import PressroomApp
from tui.screens.browse import BrowseScreen


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the session's work is done and every message it posted is handled.

    A handler may start more work (the archive opened starts a search, the
    index ready asks again), so this waits until a pause leaves nothing busy.
    """
    app = pilot.app
    assert isinstance(app, PressroomApp)
    session = app.session
    await session.settled()
    await pilot.pause()
    while session.busy:
        await session.settled()
        await pilot.pause()


def browse(app: PressroomApp) -> BrowseScreen:
    """The browse screen, at the bottom of the stack."""
    screen = app.screen_stack[0]
    assert isinstance(screen, BrowseScreen)
    return screen


def shown_text(widget: Static, width: int = 88) -> str:
    """What a Static holds (plain text, a Rich renderable), printed as a terminal of
    *width* columns would print it."""
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(widget.content)
    return console.export_text()
