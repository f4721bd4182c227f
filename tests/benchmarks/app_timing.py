"""Times Pressroom and bare Textual apps headless under Pilot, one child process per measurement.

Run by ``run.py`` as ``python -m tests.benchmarks.app_timing MODE ARGS_JSON``; the
child prints one JSON object as its last line of stdout. Each measurement gets a
fresh interpreter so that start includes imports, and so that the parent can read
the child's own peak memory from ``os.wait4``.

Latency is timed inside the app, not around Pilot: from the moment the app's
``on_event`` receives the key to the end of the first frame that shows what the
key caused (the compositor update handed to ``App._display``). A headless app
skips turning that update into terminal bytes, so the clock does it too: the
frame's cost includes building the escape sequences a real terminal would get.
Pilot's own round trip (``press()`` plus the wait for that frame) is kept as a
secondary figure because Pilot adds idle waits of its own.
"""

from __future__ import annotations

import time

# Taken before anything heavy is imported: start is timed from the parent's
# clock reading before it spawned us (CLOCK_MONOTONIC is shared by processes).
IMPORTED_AT = time.perf_counter()

import asyncio  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Awaitable, Callable, Coroutine  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

T0_ENV = "PRESSROOM_BENCH_T0"
SIZE = (140, 40)  # wide enough for the detail pane beside the list
FRAME_TIMEOUT = 60.0
DETAIL_SETTLE = 0.5  # longer than the screen's pause before the pane follows the list


class FrameClock:
    """Counts the frames an app hands to its driver and remembers the last key's arrival."""

    def __init__(self, app: App[Any]) -> None:
        from textual import events
        from textual._compositor import CompositorUpdate

        self.frame_ends: list[float] = []
        self.key_at = 0.0
        self._changed = asyncio.Event()
        display = app._display
        dispatch = app.on_event

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            if app.is_headless and isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.frame_ends.append(time.perf_counter())
            self._changed.set()

        async def timed_on_event(event: Any) -> None:
            if isinstance(event, events.Key):
                self.key_at = time.perf_counter()
            await dispatch(event)

        app._display = timed_display  # type: ignore[method-assign]
        app.on_event = timed_on_event  # type: ignore[method-assign]

    @property
    def frames(self) -> int:
        return len(self.frame_ends)

    async def frame_after(self, mark: int) -> float:
        """The end time of frame number *mark* (0-based), waiting for it if need be."""
        deadline = time.perf_counter() + FRAME_TIMEOUT
        while len(self.frame_ends) <= mark:
            self._changed.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no frame after mark {mark}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 1.0))
        return self.frame_ends[mark]


class Marks:
    """Frame marks set by the hooked screen methods: the next frame shows their effect."""

    def __init__(self, clock: FrameClock) -> None:
        self.clock = clock
        self.mark: int | None = None
        self.noted_at = 0.0
        self.updates = 0
        self._event = asyncio.Event()

    def note(self) -> None:
        self.mark = self.clock.frames
        self.noted_at = time.perf_counter()
        self.updates += 1
        self._event.set()

    async def next_update(self, seen: int) -> int:
        """Wait for the hooked method to have run more than *seen* times; return its frame mark."""
        deadline = time.perf_counter() + FRAME_TIMEOUT
        while self.updates <= seen:
            self._event.clear()
            if time.perf_counter() > deadline:
                raise TimeoutError("the screen never showed the update")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event.wait(), 1.0)
        assert self.mark is not None
        return self.mark


def _hook(cls: type, name: str, after: Callable[[Any, tuple[Any, ...]], None]) -> None:
    """Make ``cls.name`` call *after(self, args)* once it has run (this process only)."""
    original = getattr(cls, name)

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        after(self, args)
        return result

    setattr(cls, name, wrapped)


async def _until(condition: Callable[[], bool], timeout: float = FRAME_TIMEOUT) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition never held")
        await asyncio.sleep(0.002)


def _since_parent(moment: float) -> float:
    return moment - float(os.environ[T0_ENV])


# -- start ----------------------------------------------------------------------


async def pressroom_start(args: dict[str, Any]) -> dict[str, Any]:
    """Process start to the first frame whose list has rows; then to the index being ready."""
    from tui.runtime.textual_internals import set_frame_rate

    set_frame_rate()  # as `pressroom` does, before Textual is imported
    from tui.app import PressroomApp
    from tui.screens.browse import BrowseScreen

    imports_done = time.perf_counter()
    app = PressroomApp(Path(args["db"]))
    clock = FrameClock(app)
    listed = Marks(clock)

    def shown(screen: Any, _args: tuple[Any, ...]) -> None:
        if listed.updates == 0 and screen.result is not None and len(screen.result):
            listed.note()

    _hook(BrowseScreen, "_show_result", shown)
    async with app.run_test(size=SIZE):
        mark = await listed.next_update(0)
        first_rows = await clock.frame_after(mark)
        screen = app.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        await _until(
            lambda: app.session.archive is not None and app.session.archive.index is not None
        )
        index_ready = time.perf_counter()
        rows = len(screen.result or ())
        app.exit()
    return {
        "interpreter_s": _since_parent(IMPORTED_AT),
        "imports_s": _since_parent(imports_done),
        "first_rows_s": _since_parent(first_rows),
        "index_ready_s": _since_parent(index_ready),
        "rows": rows,
    }


async def bare_start(args: dict[str, Any]) -> dict[str, Any]:
    """Process start to the first frame of a Textual app holding one Static."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

    imports_done = time.perf_counter()
    app = Bare()
    clock = FrameClock(app)
    async with app.run_test(size=SIZE):
        first = await clock.frame_after(0)
        app.exit()
    return {
        "interpreter_s": _since_parent(IMPORTED_AT),
        "imports_s": _since_parent(imports_done),
        "first_frame_s": _since_parent(first),
    }


# -- keystrokes -------------------------------------------------------------------


Press = Callable[[str], Awaitable[None]]


def terminal_keys(app: App[Any]) -> Press:
    """Keys as the terminal driver delivers them: straight to the app, nothing awaited after.

    ``Pilot.press`` polls for idle on the app's own loop after every key, which
    delays the app's handling of that very key; a terminal does not.
    """
    from textual import events
    from textual.keys import _character_to_key

    async def press(char: str) -> None:
        key = char if char.isalnum() else _character_to_key(char)
        driver = app._driver
        assert driver is not None
        driver.process_message(events.Key(key, char))

    return press


def pilot_keys(pilot: Pilot[Any]) -> Press:
    async def press(char: str) -> None:
        await pilot.press(char)

    return press


async def _type(
    press: Press, clock: FrameClock, marks: Marks, text: str, cadence: float
) -> list[dict[str, float]]:
    """Type *text* a key at a time; each key is timed to the frame after the hooked update."""
    timings: list[dict[str, float]] = []
    for char in text:
        seen = marks.updates
        pressed = time.perf_counter()
        await press(char)
        returned = time.perf_counter()
        mark = await marks.next_update(seen)
        frame = await clock.frame_after(mark)
        timings.append(
            {
                "app_ms": (frame - clock.key_at) * 1000,
                # Where the time goes: key to the screen applying the update, then its frame.
                "update_ms": (marks.noted_at - clock.key_at) * 1000,
                "round_trip_ms": (max(frame, returned) - pressed) * 1000,
            }
        )
        # A typist's pace: what the app does between keys (the detail pane
        # following the list) lands where it would for a person typing.
        await asyncio.sleep(max(0.0, pressed + cadence - time.perf_counter()))
    return timings


async def pressroom_session(args: dict[str, Any]) -> dict[str, Any]:
    """Keystrokes for each query, opening releases, contact lookup: one warm app."""
    from tui.runtime.textual_internals import set_frame_rate

    set_frame_rate()  # as `pressroom` does, before Textual is imported
    from textual.widgets import Input

    from tui.app import PressroomApp
    from tui.screens.browse import BrowseScreen
    from tui.screens.contacts import ContactsScreen
    from tui.widgets.detail_pane import DetailPane
    from tui.widgets.release_list import ReleaseList
    from tui.widgets.search_bar import SearchBar

    cadence = float(args["cadence"])
    app = PressroomApp(Path(args["db"]))
    clock = FrameClock(app)
    results = Marks(clock)
    panes = Marks(clock)
    entries = Marks(clock)

    def result_shown(screen: Any, call: tuple[Any, ...]) -> None:
        # Only a result that was applied counts; a stale one is dropped by the screen.
        if call[0].serial == screen.session.serial:
            results.note()

    def pane_shown(pane: Any, call: tuple[Any, ...]) -> None:
        if call and call[0] is not None:
            panes.note()

    def entries_shown(screen: Any, call: tuple[Any, ...]) -> None:
        if call[0] == screen._serial:
            entries.note()

    _hook(BrowseScreen, "_show_result", result_shown)
    _hook(DetailPane, "show", pane_shown)
    _hook(ContactsScreen, "_show_entries", entries_shown)
    figures: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen_stack[0]
        assert isinstance(screen, BrowseScreen)
        await results.next_update(0)
        # The budgets are for a warm app: the index is built before keys are timed.
        await _until(
            lambda: app.session.archive is not None and app.session.archive.index is not None
        )
        await app.workers.wait_for_complete()
        await pilot.pause()
        search = screen.query_one(SearchBar)
        search.cursor_blink = False

        async def show_all() -> float:
            """Clear the search: the time to fill and paint the list with every release."""
            seen = results.updates
            started = time.perf_counter()
            search.value = ""
            mark = await results.next_update(seen)
            frame = await clock.frame_after(mark)
            await pilot.pause()
            return (frame - started) * 1000

        keys = terminal_keys(app)
        await pilot.press("slash")
        queries: dict[str, Any] = {}
        show_all_ms: list[float] = []
        for query in args["queries"]:
            if search.value:
                show_all_ms.append(await show_all())
            timings = await _type(keys, clock, results, query, cadence)
            await pilot.pause()
            result = screen.result
            queries[query] = {
                "keys": timings,
                "count": len(result) if result is not None else None,
                "shown_text": str(screen.query_one("#count").render()),
            }
        # Some again through Pilot: its round trip is the secondary figure.
        for query in args["pilot_queries"]:
            show_all_ms.append(await show_all())
            timings = await _type(pilot_keys(pilot), clock, results, query, cadence)
            await pilot.pause()
            queries[query]["pilot_keys"] = timings
            queries[query]["pilot_count"] = len(screen.result or ())
        show_all_ms.append(await show_all())
        figures["queries"] = queries
        figures["show_all_ms"] = show_all_ms

        # Opening: the cursor moves to a release and the pane beside the list lays it out.
        release_list = screen.query_one(ReleaseList)
        release_list.focus()
        await pilot.pause()
        opens = await _type(keys, clock, panes, "j" * int(args["opens"]), cadence)
        # The same under a query, where every hit in the pane is highlighted.
        search.focus()
        await _type(keys, clock, results, args["queries"][0], cadence)
        await pilot.pause(DETAIL_SETTLE)
        release_list.focus()
        await pilot.pause()
        opens += await _type(keys, clock, panes, "j" * int(args["opens"]), cadence)
        figures["open"] = opens
        search.value = ""
        await pilot.pause(DETAIL_SETTLE)

        # Contact lookup: 'c' to the directory on screen, then filter keystrokes.
        release_list.focus()
        await pilot.pause()
        seen = entries.updates
        await keys("c")
        mark = await entries.next_update(seen)
        pressed_at = clock.key_at
        figures["contacts_open_ms"] = (await clock.frame_after(mark) - pressed_at) * 1000
        contacts = app.screen
        assert isinstance(contacts, ContactsScreen)
        filter_input = contacts.query_one("#contact-filter", Input)
        filter_input.cursor_blink = False
        await pilot.pause()
        contact_filters: dict[str, Any] = {}
        for text in args["contact_filters"]:
            if filter_input.value:
                seen = entries.updates
                filter_input.value = ""
                await entries.next_update(seen)
                await pilot.pause()
            timings = await _type(keys, clock, entries, text, cadence)
            await pilot.pause()
            contact_filters[text] = {
                "keys": timings,
                "count": len(contacts.query_one("#contact-list").rows),  # type: ignore[attr-defined]
                "directory": len(contacts.directory or ()),
            }
        figures["contact_filters"] = contact_filters
        app.exit()
    return figures


async def bare_session(args: dict[str, Any]) -> dict[str, Any]:
    """A bare Textual app: an Input whose Changed handler updates a count, typed like a query."""
    from textual import on
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="search")
            yield Static("", id="count")

        @on(Input.Changed)
        def changed(self, event: Input.Changed) -> None:
            self.query_one("#count", Static).update(f"{len(event.value)} characters")
            counted.note()

    app = Bare()
    clock = FrameClock(app)
    counted = Marks(clock)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(Input).cursor_blink = False
        await pilot.pause()
        timings: list[dict[str, float]] = []
        pilot_timings: list[dict[str, float]] = []
        for query in args["queries"]:
            for press, into in ((terminal_keys(app), timings), (pilot_keys(pilot), pilot_timings)):
                app.query_one(Input).value = ""
                await pilot.pause()
                into += await _type(press, clock, counted, query, float(args["cadence"]))
        app.exit()
    return {"keys": timings, "pilot_keys": pilot_timings}


async def datatable_fill(args: dict[str, Any]) -> dict[str, Any]:
    """A stock DataTable: add the same rows as the release list, then its first paint."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from store.disk.release_store import ReleaseStore

    # Loading the store is not the table's cost; it happens before the clock starts.
    releases = ReleaseStore(Path(args["db"])).releases()[: int(args["rows"])]
    # Text cells: a str cell is parsed as markup (SECURITY.md), which real titles break.
    rows = [
        (
            Text(r.date or ""),
            Text(r.organisations[0] if r.organisations else ""),
            Text(r.location or ""),
            Text(r.title),
        )
        for r in releases
    ]

    class Table(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(id="table")

    app = Table()
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(DataTable)
        await pilot.pause()
        started = time.perf_counter()
        table.add_columns("date", "organisation", "place", "title")
        table.add_rows(rows)
        filled = time.perf_counter()
        mark = clock.frames
        await clock.frame_after(mark)
        # The table sizes its rows lazily: the paint that shows them is the last
        # frame before the app is idle again.
        await pilot.wait_for_scheduled_animations()
        painted = clock.frame_ends[-1]
        count = table.row_count
        app.exit()
    return {
        "rows": count,
        "fill_ms": (filled - started) * 1000,
        "fill_and_paint_ms": (painted - started) * 1000,
    }


MODES: dict[str, Callable[[dict[str, Any]], Coroutine[Any, Any, dict[str, Any]]]] = {
    "start": pressroom_start,
    "bare-start": bare_start,
    "session": pressroom_session,
    "bare-session": bare_session,
    "datatable": datatable_fill,
}


def _peak_rss_bytes() -> int | None:
    """This process's peak resident memory since its exec (VmHWM), None where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def main(argv: list[str]) -> int:
    mode, raw = argv
    figures: dict[str, Any] = asyncio.run(MODES[mode](json.loads(raw)))
    figures["peak_rss_bytes"] = _peak_rss_bytes()
    sys.stdout.write("\n" + json.dumps(figures) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
