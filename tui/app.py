"""The Pressroom browser: a Textual app over one release store, through its session."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from tui.runtime.leaving import WorkerThreads
from tui.runtime.textual_internals import (
    end_on_hangup,
    stop_input_at_once,
    survive_lost_terminal,
    tolerate_invalid_utf8,
)
from tui.screens.browse import BrowseScreen
from tui.screens.help import HelpScreen
from tui.session import Session

if TYPE_CHECKING:
    from store.backend import Location
    from tui.archive_opening import ArchiveOpening
    from tui.config import Config


# Threads for the app's thread workers (see on_mount): searches overtaken by later
# keys, whole results and facets at once, with room to spare.
WORKER_THREADS = 32


class PressroomApp(App[None]):
    """Opens the store at *db* on the browse screen; :attr:`session` does the store's work."""

    TITLE = "Pressroom"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        # Ctrl+C quits too (Textual would only say how to quit): D6 in SECURITY.md.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.interrupt"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        db: Location,
        config: Config | None = None,
        opening: ArchiveOpening | None = None,
        *,
        leave_builds: bool = False,
    ) -> None:
        """*config*: the user's settings (tui.config); None (tests) is the defaults, never saved.
        *opening*: the archive at *db* already being opened (``pressroom`` starts it early).
        *leave_builds*: the app's end does not wait for background builds still running
        (``pressroom``, whose process ends with the app: tui.runtime.leaving)."""
        tolerate_invalid_utf8()
        survive_lost_terminal()
        stop_input_at_once()
        super().__init__()
        self.db = db
        self.config = config
        user = config.user if config is not None else None
        self.session = Session(self, db, user=user, opening=opening)
        self.session.builds_left_at_close = leave_builds
        self.last_key: events.Key | None = None
        # Keys taken in, by id, with the screen on top when each came (on_event).
        self._typed_on: dict[int, Screen[Any]] = {}
        if config is not None:
            self.set_keymap(config.keys)
            if config.from_file("sort") or config.from_file("reverse"):
                # A sort set in the file is where every start begins; without
                # one, the order of the last run (tui.prefs) is kept.
                from store.archive import SortOrder

                self.session.prefs.order = SortOrder(config.sort, config.descending)

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        # Thread workers (every search that is not answered in the key's own step,
        # the facets, the contacts) run in the loop's default executor: Python's has
        # cpu_count + 4 threads, 6 on two cores. Searches overtaken by later keys
        # still hold theirs until their statement is cancelled, and a database's
        # whole results and facets take seconds: with all six busy, the search of
        # the word typed last waited for one, and a pasted word's count never came.
        loop.set_default_executor(
            WorkerThreads(
                WORKER_THREADS,
                "pressroom-worker",
                leave_running=self.session.builds_left_at_close,
            )
        )
        # SIGTERM and SIGHUP end the app like q does: pending marks are saved
        # and the terminal is restored (SECURITY.md D6, D14).
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGTERM, self.exit)
            if not self.is_headless:
                # A hang-up (the terminal closed) must not bring Textual back
                # onto the dead terminal (tui.runtime.textual_internals, 5).
                end_on_hangup(self, loop)
        self.session.start()
        if self.config is not None:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            for problem in self.config.problems:
                self.notify(problem, markup=False, severity="warning", title="Settings")

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the app ("Change theme") is remembered in the config file."""
        config = self.config
        if config is None or theme == config.theme:
            return
        from tui.config import remember_theme

        config.theme = theme
        problem = remember_theme(config.path, theme)
        if problem is not None:
            self.notify(problem, markup=False, severity="warning", title="Settings")

    def on_unmount(self) -> None:
        # The last marks are written before the terminal is given back.
        self.session.close()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            # A pasted word is typing too: the builds that give way to keys wait for it.
            self.session.key_pressed()
        elif isinstance(event, events.Key):
            # The newest key taken in: a widget handling an older one knows more
            # are on their way (tui.widgets.search_bar answers only the last).
            self.last_key = event
            self.session.key_pressed()
            if not event.is_forwarded:
                self._note_screen(event)
            elif self._typed_ahead(event):
                return
        await super().on_event(event)

    def _note_screen(self, key: events.Key) -> None:
        typed_on = self._typed_on
        typed_on[id(key)] = self.screen
        if len(typed_on) > 256:  # keys a widget kept (stopped) never come back here
            del typed_on[next(iter(typed_on))]

    def _typed_ahead(self, key: events.Key) -> bool:
        """Send *key* again to the screen on top if it was typed on one below; whether it was.

        Keys go to the widget focused when the app takes them in. Typed right
        after a key that opens a screen ("c" and a name for the contact lookup,
        "y" then "e" to copy an email), they are queued to the screen below,
        and come back here, unhandled, once the new screen is on top. They are
        its keys: sent again, after its first refresh when it has no focus yet
        (its widgets are still being mounted).
        """
        typed_on = self._typed_on.pop(id(key), None)
        screen = self.screen
        if typed_on is None or typed_on is screen:
            return False
        again = events.Key(key.key, key.character)
        if screen.focused is None:
            screen.call_after_refresh(self.post_message, again)
        else:
            self.post_message(again)
        return True

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.session)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.config.keys if self.config else {}))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists every action of the current screen, then the app's own.

        Each name once (the first, nearest binding wins: "Quit" from the list,
        "Down" from the focused widget), with its key as the key bar shows it.
        """
        seen: set[str] = set()
        focused = screen.focused
        nodes: list[DOMNode] = [*(focused.ancestors_with_self if focused else ())]
        nodes += [node for node in (*screen.query("*"), screen, self) if node not in nodes]
        for node in nodes:
            for binding in getattr(node, "BINDINGS", ()):
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.description in seen:
                    continue
                seen.add(binding.description)
                # A key remapped in config.toml is shown as the user set it.
                remapped = self.config.keys if self.config else {}
                keys = remapped.get(binding.id or "", binding.key)
                first = Binding(keys.split(",")[0], binding.action, binding.description)
                yield SystemCommand(
                    binding.description,
                    f"key: {self.get_key_display(first)}",
                    _runner(node, binding.action),
                )
        for command in super().get_system_commands(screen):
            if command.title not in seen:
                yield command


def _runner(node: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await node.app.run_action(action, node)

    return run
