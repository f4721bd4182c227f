"""``pressroom serve``: the same browser in a web page, through textual-serve.

Each page that connects starts its own ``pressroom --db FILE`` with Textual's
web driver, as textual-serve does for any app; the archive, the marks and the
settings are the same as in a terminal. textual-serve is an optional extra
(``pip install 'pressroom[serve]'``): it brings aiohttp and Jinja, which a
terminal user never needs.
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import TYPE_CHECKING, Any, TextIO

from store.backend import Location, ServerArchive
from tui.config import DB_ENV

if TYPE_CHECKING:
    from textual_serve.server import Server

MISSING = (
    "pressroom serve needs textual-serve, an optional extra: "
    "pip install 'pressroom[serve]' (or pipx inject pressroom textual-serve)"
)
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"  # what textual-serve sets in TEXTUAL_DRIVER


class ServeUnavailable(Exception):
    """textual-serve is not installed: one line saying how to get it."""


def is_served() -> bool:
    """True in the app process a web page started (its output goes to the page, not a terminal)."""
    import os

    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def app_command(db: Location) -> str:
    """The shell command textual-serve runs for each page: this Python, this store.

    A database's address goes in the environment the pages' processes inherit
    (``$PRESSROOM_DB``), not on their command lines, where ``ps`` would show its password.
    """
    if isinstance(db, ServerArchive):
        os.environ[DB_ENV] = db.conninfo
        return shlex.join([sys.executable, "-m", "tui"])
    return shlex.join([sys.executable, "-m", "tui", "--db", str(db)])


def make_server(
    db: Location, host: str, port: int, out: TextIO, public_url: str | None = None
) -> Server:
    """A server for the archive at *db*; it says its address on *out* once it listens."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ServeUnavailable(MISSING) from None

    class PressroomServer(Server):
        async def on_startup(self, app: Any) -> None:
            # One plain line instead of textual-serve's banner (which names the
            # whole command line, the interpreter's path included).
            out.write(f"Pressroom is served at {self.public_url} (Ctrl+C stops it)\n")
            out.flush()

    return PressroomServer(
        app_command(db), host=host, port=port, title="Pressroom", public_url=public_url
    )
