"""Each reliance of tui.runtime.textual_internals on Textual, proved to still hold.

A Textual upgrade that breaks one fails here, with a message naming it, rather
than as a slow screen or a crash in the terminal. The layout tests count
layouts with a control run (Textual's own way) so that none can pass by not
looking.
"""

from __future__ import annotations

import codecs
import inspect
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.drivers import linux_driver
from textual.geometry import Size
from textual.pilot import Pilot
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from store.records import Release, Source
from tui.runtime.textual_internals import (
    QuietInputMixin,
    set_virtual_height_quietly,
    stop_input_at_once,
    tolerate_invalid_utf8,
)
from tui.widgets.plain_input import PlainInput
from tui.widgets.release_list import ReleaseList
from tui.widgets.virtual_list import VirtualList

ROOT = Path(__file__).resolve().parent.parent
INTERNALS = Path("tui/runtime/textual_internals.py")

# -- counting layouts ----------------------------------------------------------


class Layouts:
    """Counts the screen's layout passes (``Screen._refresh_layout`` not for a scroll alone)."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Layouts]:
    assert hasattr(Screen, "_refresh_layout"), (
        "Screen._refresh_layout is gone: the layout tests of textual_internals cannot count layouts"
    )
    counter = Layouts()
    original = Screen._refresh_layout

    def counting(self: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
        # A scroll alone (no layout asked for) reflows what is visible; anything
        # else is a layout of the whole screen.
        if self._layout_required or not scroll:
            counter.count += 1
        original(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    yield counter


class Lines(ScrollView):
    """A scroll view with an always-shown scrollbar, as the release list and detail pane have."""

    DEFAULT_CSS = "Lines { overflow-y: scroll; overflow-x: hidden; height: 1fr; }"

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class AutoLines(Lines):
    DEFAULT_CSS = "AutoLines { overflow-y: auto; }"


class Alone(App[None]):
    """The given widgets alone on a screen."""

    def __init__(self, *widgets: Widget) -> None:
        super().__init__()
        self.widgets = widgets

    def compose(self) -> ComposeResult:
        yield from self.widgets


async def _settle(pilot: Pilot[None]) -> None:
    """Three pauses: a change, the refresh it asks for, and the frame after it."""
    for _ in range(3):
        await pilot.pause()


# -- 1. a list's height without a layout --------------------------------------------


def test_1_virtual_size_is_a_layout_reactive_and_the_scrollbar_has_a_window() -> None:
    """Reliance 1 (set_virtual_height_quietly): the names it sets still mean what they did."""
    virtual_size = Widget.__dict__.get("virtual_size")
    assert isinstance(virtual_size, Reactive), "reliance 1: Widget.virtual_size is no reactive"
    assert ScrollView.virtual_size is virtual_size, (
        "reliance 1: ScrollView redefines virtual_size; set_reactive(Widget.virtual_size) misses it"
    )
    assert virtual_size._layout, (
        "reliance 1: virtual_size no longer asks for a layout: set_virtual_height_quietly can go"
    )
    assert isinstance(ScrollBar.__dict__.get("window_virtual_size"), Reactive), (
        "reliance 1: ScrollBar.window_virtual_size is gone"
    )
    assert list(inspect.signature(Widget.set_reactive).parameters) == ["self", "reactive", "value"]


async def test_1_quiet_height_moves_the_scrollbar_without_a_layout(layouts: Layouts) -> None:
    """Reliance 1: the scrollbar and scrolling follow the new height, and no layout runs."""
    lines = Lines()
    async with Alone(lines).run_test(size=(40, 10)) as pilot:
        await _settle(pilot)
        # Control: Textual's own way lays the screen out.
        layouts.count = 0
        lines.virtual_size = Size(lines.size.width, 300)
        await _settle(pilot)
        assert layouts.count >= 1, "the control run saw no layout: the counter is blind"

        layouts.count = 0
        set_virtual_height_quietly(lines, 500)
        await _settle(pilot)
        assert layouts.count == 0, "reliance 1: set_virtual_height_quietly laid the screen out"
        assert lines.virtual_size == Size(lines.size.width, 500)
        assert lines.vertical_scrollbar.window_virtual_size == 500, (
            "reliance 1: the scrollbar's window did not follow the new height"
        )
        lines.scroll_to(y=450, animate=False, immediate=True)
        assert lines.scroll_offset.y == 450, "reliance 1: scrolling does not reach the new height"


async def test_1_quiet_height_repaints_the_scrollbar_only_when_its_cells_change() -> None:
    """A row count that leaves the thumb as it is costs no repaint; one that moves it does."""
    lines = Lines()
    async with Alone(lines).run_test(size=(40, 10)) as pilot:
        set_virtual_height_quietly(lines, 24_652)
        await _settle(pilot)
        bar = lines.vertical_scrollbar
        drawn: list[int] = []
        original = type(bar).render

        def counting(self: ScrollBar) -> object:
            drawn.append(self.window_virtual_size)
            return original(self)

        bar.render = counting.__get__(bar)  # type: ignore[method-assign]
        set_virtual_height_quietly(lines, 20_108)  # the same one-cell thumb at the top
        await _settle(pilot)
        assert drawn == [], "the scrollbar was drawn again though none of its cells changed"
        assert bar.window_virtual_size == 20_108
        set_virtual_height_quietly(lines, 20)  # a thumb half the bar
        await _settle(pilot)
        assert drawn and drawn[-1] == 20, "the scrollbar was not drawn again for a new thumb"
        drawn.clear()
        set_virtual_height_quietly(lines, 5)  # fewer rows than the window: no thumb
        await _settle(pilot)
        assert drawn and drawn[-1] == 5, "the scrollbar kept a thumb for rows that all fit"


async def test_1_a_scrollbar_that_may_come_and_go_gets_its_layout(layouts: Layouts) -> None:
    """With ``overflow-y: auto`` the quiet path would leave the scrollbar hidden."""
    lines = AutoLines()
    async with Alone(lines).run_test(size=(40, 10)) as pilot:
        await _settle(pilot)
        assert not lines.show_vertical_scrollbar
        layouts.count = 0
        set_virtual_height_quietly(lines, 500)
        await _settle(pilot)
        assert layouts.count >= 1
        assert lines.show_vertical_scrollbar


# -- 2. an input's keystrokes without a layout --------------------------------------


def test_2_input_watch_value_still_sets_virtual_size() -> None:
    """Reliance 2 (QuietInputMixin): ``Input._watch_value(value)`` assigns virtual_size."""
    watcher = Input.__dict__.get("_watch_value")
    assert callable(watcher), "reliance 2: Input._watch_value is gone: QuietInputMixin does nothing"
    assert list(inspect.signature(watcher).parameters) == ["self", "value"], (
        "reliance 2: Input._watch_value takes other arguments now"
    )
    source = inspect.getsource(watcher)
    assert re.search(r"self\.virtual_size = Size\(self\.content_width, 1\)", source), (
        "reliance 2: Input._watch_value no longer sets virtual_size to (content_width, 1): "
        "quiet_input_virtual_size must set what it sets, or can go"
    )
    assert PlainInput.__mro__.index(QuietInputMixin) < PlainInput.__mro__.index(Input)


@pytest.mark.parametrize(
    ("input_class", "quiet"), [(Input, False), (PlainInput, True)], ids=["control", "plain"]
)
async def test_2_typing_into_the_input_lays_nothing_out(
    layouts: Layouts, input_class: type[Input], quiet: bool
) -> None:
    """Reliance 2: a keystroke into PlainInput repaints it alone; Textual's Input lays out."""
    field = input_class()
    async with Alone(field, Lines()).run_test(size=(60, 12)) as pilot:
        field.focus()
        await _settle(pilot)
        layouts.count = 0
        for key in "ferry":
            await pilot.press(key)
        await _settle(pilot)
        assert field.value == "ferry"
    if quiet:
        assert layouts.count == 0, (
            f"reliance 2: {layouts.count} layouts for 5 keys into PlainInput (one each costs 16 ms)"
        )
    else:
        assert layouts.count >= 5, "the control run saw no layouts: the counter is blind"


# -- the style caches on focus (public handlers now) --------------------------------


@pytest.mark.parametrize("notified", [True, False], ids=["as-is", "handlers-alone"])
async def test_a_focus_change_restyles_the_cursor_row(
    monkeypatch: pytest.MonkeyPatch, notified: bool
) -> None:
    """VirtualList forgets its drawn rows in the public on_focus/on_blur handlers.

    Textual 8.2.8 happens to call notify_style_update on a focus change too;
    the second run takes that away to prove the handlers alone suffice.
    """
    if not notified:
        monkeypatch.setattr(VirtualList, "notify_style_update", ScrollView.notify_style_update)
    releases = [
        Release(id=f"{n:016x}", title=f"Headline {n}", body="", source=Source("/p.txt", "text"))
        for n in range(3)
    ]
    widget = ReleaseList()
    field = Input()
    async with Alone(widget, field).run_test(size=(80, 10)) as pilot:
        widget.set_releases(releases)
        field.focus()
        await _settle(pilot)
        blurred = widget.render_line(0)
        widget.focus()
        await _settle(pilot)
        focused = widget.render_line(0)
        field.focus()
        await _settle(pilot)
        blurred_again = widget.render_line(0)
    assert "Headline 0" in focused.text
    assert list(focused) != list(blurred), "the cursor row kept its unfocused colours on focus"
    assert list(blurred_again) == list(blurred), "the cursor row kept its focused colours on blur"


# -- 3. terminal input that is not UTF-8 --------------------------------------------


def test_3_the_input_thread_looks_the_decoder_up_in_its_module() -> None:
    """Reliance 3 (tolerate_invalid_utf8): the driver's input thread calls the module's
    ``getincrementaldecoder("utf-8")`` when it starts, so replacing that global works."""
    assert callable(getattr(linux_driver, "getincrementaldecoder", None)), (
        "reliance 3: textual.drivers.linux_driver has no getincrementaldecoder"
    )
    run_input_thread = linux_driver.LinuxDriver.run_input_thread
    # Textual's own, under reliance 9's wrapper when an app was made in this process.
    run_input_thread = getattr(run_input_thread, "__wrapped__", run_input_thread)
    assert "getincrementaldecoder" in run_input_thread.__code__.co_names, (
        "reliance 3: LinuxDriver.run_input_thread no longer reads the module global "
        "getincrementaldecoder: tolerate_invalid_utf8 patches nothing"
    )
    assert 'getincrementaldecoder("utf-8")' in inspect.getsource(run_input_thread)


def test_3_the_patched_decoder_replaces_an_invalid_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reliance 3: b"\\xe9" alone (Latin-1 é) reads as U+FFFD; calling twice changes nothing."""
    monkeypatch.setattr(linux_driver, "getincrementaldecoder", codecs.getincrementaldecoder)
    tolerate_invalid_utf8()
    patched = linux_driver.getincrementaldecoder  # type: ignore[attr-defined]
    tolerate_invalid_utf8()
    assert linux_driver.getincrementaldecoder is patched  # type: ignore[attr-defined]
    decode = linux_driver.getincrementaldecoder("utf-8")().decode  # type: ignore[attr-defined]
    assert decode(b"caf\xe9", final=True) == "caf\ufffd"
    assert decode("é ✓".encode()) == "é ✓"


_INPUT_THREAD = """
import asyncio, json, os, sys, threading, time
from textual import events
from textual.drivers.linux_driver import LinuxDriver
from tui.runtime.textual_internals import tolerate_invalid_utf8

if sys.argv[1] == "lenient":
    tolerate_invalid_utf8()

async def main():
    driver = LinuxDriver(app=None, size=(80, 24))
    reading, writing = os.pipe()
    driver.fileno = reading
    keys, errors = [], []
    driver.process_message = lambda m: keys.append(m.character) if isinstance(m, events.Key) else None
    def run():
        try:
            driver.run_input_thread()
        except BaseException as exc:
            errors.append(type(exc).__name__)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    os.write(writing, b"caf\\xe9 ok")
    deadline = time.monotonic() + 10
    while len(keys) < 6 and not errors and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    driver.exit_event.set()
    thread.join(5)
    print(json.dumps({"keys": "".join(k or "" for k in keys), "errors": errors}))

asyncio.run(main())
"""


def _child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run *code* in a fresh interpreter at the repository's root; its last line is JSON."""
    child_env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    child_env.update(env or {})
    child_env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=child_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("mode", ["strict", "lenient"])
def test_3_the_input_thread_survives_a_latin1_byte(mode: str) -> None:
    """Reliance 3, end to end: the real input thread reading b"caf\\xe9 ok" from a pipe."""
    result = _child(_INPUT_THREAD, mode)
    if mode == "strict":
        assert result["errors"] == ["UnicodeDecodeError"], (
            "Textual's input thread now survives invalid UTF-8 by itself: "
            "reliance 3 (tolerate_invalid_utf8) can go"
        )
    else:
        assert result == {"keys": "caf\ufffd ok", "errors": []}, (
            f"reliance 3: the input thread with tolerate_invalid_utf8 gave {result}"
        )


# -- 4. the frame rate --------------------------------------------------------------

_FRAME_RATE = """
import json, os, sys
from tui.runtime.textual_internals import set_frame_rate
set_frame_rate()
import textual.screen
print(json.dumps({"period": textual.screen.UPDATE_PERIOD, "env": os.environ.get("TEXTUAL_FPS")}))
"""


@pytest.mark.parametrize(("user", "fps"), [(None, 120), ("30", 30)], ids=["default", "user's"])
def test_4_set_frame_rate_before_textual_sets_its_update_period(user: str | None, fps: int) -> None:
    """Reliance 4 (set_frame_rate): Textual reads TEXTUAL_FPS into screen.UPDATE_PERIOD."""
    result = _child(_FRAME_RATE, env={"TEXTUAL_FPS": user} if user else None)
    assert result["env"] == str(fps)
    assert result["period"] == 1 / fps, (
        f"reliance 4: TEXTUAL_FPS={fps} gave textual.screen.UPDATE_PERIOD {result['period']}"
    )


def test_4_set_frame_rate_after_textual_is_imported_fails_loudly() -> None:
    code = "import textual.screen\nfrom tui.runtime.textual_internals import set_frame_rate\nset_frame_rate()"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"},
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "RuntimeError: set_frame_rate() was called after Textual was imported" in done.stderr


def test_4_the_command_line_sets_no_frame_rate_and_imports_no_textual(tmp_path: Path) -> None:
    """``import tui`` sets nothing; ``pressroom search`` runs without Textual."""
    code = f"""
import io, json, os, sys
import tui, tui.cli.main
imported = "textual" in sys.modules
from tests.helpers.browser_data import write_store
db = write_store(__import__("pathlib").Path({str(tmp_path)!r}) / "releases.json")
out, sys.stdout = sys.stdout, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
status = tui.cli.main.main(["search", "cholera", "--db", str(db), "--json"])
sys.stdout.flush()
found, sys.stdout = sys.stdout.buffer.getvalue().decode(), out
print(json.dumps({{"imported": imported, "status": status, "found": "cholera" in found,
    "textual": "textual" in sys.modules, "fps": os.environ.get("TEXTUAL_FPS")}}))
"""
    assert _child(code) == {
        "imported": False,
        "status": 0,
        "found": True,
        "textual": False,
        "fps": None,
    }


def test_4_the_browser_path_sets_the_frame_rate_before_importing_the_app(tmp_path: Path) -> None:
    """``pressroom`` (cmd_browse) asks for 120 frames a second before Textual is imported."""
    code = f"""
import io, json, os, sys, types
seen = {{}}
class PressroomApp:
    def __init__(self, db, config=None, opening=None, *, leave_builds=False):
        seen.update(fps=os.environ.get("TEXTUAL_FPS"), textual="textual" in sys.modules)
        self.return_code = 0
        self.session = types.SimpleNamespace(store_closed=None)
    def run(self):
        pass
fake = types.ModuleType("tui.app")
fake.PressroomApp = PressroomApp
sys.modules["tui.app"] = fake
class Ended(Exception):
    pass
def end_process(status, store_closed=None):
    raise Ended(status)
import tui.runtime.leaving
tui.runtime.leaving.end_process = end_process
class Terminal(io.StringIO):
    def isatty(self):
        return True
out = sys.stdout
sys.stdin, sys.stdout = Terminal(), Terminal()
from tui.cli.main import main
try:
    main(["--db", {str(tmp_path / "releases.json")!r}])
except Ended as ended:
    status = ended.args[0]
sys.stdout = out
print(json.dumps({{"status": status, **seen}}))
"""
    assert _child(code) == {"status": 0, "fps": "120", "textual": False}


# -- 5. the terminal going away --------------------------------------------------


def test_5_the_writer_thread_and_the_sigcont_handler_are_where_we_expect() -> None:
    from textual.drivers._writer_thread import WriterThread

    assert "self._queue.put(None)" in inspect.getsource(WriterThread.stop), (
        "reliance 5: WriterThread.stop no longer puts None on its queue"
    )
    for name in ("_queue", "_file"):
        assert name in inspect.getsource(WriterThread.__init__), f"reliance 5: WriterThread.{name}"
    source = inspect.getsource(linux_driver.LinuxDriver)
    assert "signal.signal(signal.SIGCONT, self._sigcont_application)" in source, (
        "reliance 5: the driver no longer sets its SIGCONT handler where end_on_hangup expects"
    )


_WRITER_CHILD = """
import json, sys, threading
from textual.drivers._writer_thread import WriterThread
from tui.runtime.textual_internals import survive_lost_terminal
if sys.argv[1] == "fixed":
    survive_lost_terminal()

class HungUp:
    def write(self, text):
        raise OSError(5, "Input/output error")
    def flush(self):
        raise OSError(5, "Input/output error")

writer = WriterThread(HungUp())
writer.start()
def shutdown():
    for _ in range(40):  # frames and the escape sequences of leaving application mode
        writer.write("frame")
    writer.stop()
stopper = threading.Thread(target=shutdown, daemon=True)
stopper.start()
stopper.join(5)
print(json.dumps({"stopped": not stopper.is_alive()}))
"""


@pytest.mark.parametrize("mode", ["fixed", "stock"])
def test_5_a_writer_whose_terminal_is_gone_never_blocks_its_stop(mode: str) -> None:
    """Control run included: Textual's own writer dies on EIO and its stop waits for ever."""
    assert _child(_WRITER_CHILD, mode) == {"stopped": mode == "fixed"}, (
        "reliance 5: a writer whose terminal is gone blocks its stop"
        if mode == "fixed"
        else "control: Textual's own writer no longer hangs (the workaround may go)"
    )


_HANGUP_CHILD = """
import json, os, signal, sys
from tui.runtime.textual_internals import end_on_hangup
resumed, exits = [], []
signal.signal(signal.SIGCONT, lambda *_: resumed.append(True))  # as the driver does

class Loop:
    def call_soon_threadsafe(self, callback):
        callback()

class App:
    def exit(self):
        exits.append(True)

end_on_hangup(App(), Loop())
os.kill(os.getpid(), signal.SIGCONT)  # Ctrl+Z then fg: the driver resumes
before = len(resumed)
if sys.argv[1] == "hangup":
    os.kill(os.getpid(), signal.SIGHUP)
os.kill(os.getpid(), signal.SIGCONT)  # the SIGCONT of a hang-up
print(json.dumps({"resumed": len(resumed) - before, "first": before, "exits": len(exits)}))
"""


@pytest.mark.parametrize("hangup", [True, False])
def test_5_after_a_hangup_sigcont_does_not_restart_the_terminal(hangup: bool) -> None:
    assert _child(_HANGUP_CHILD, "hangup" if hangup else "none") == {
        "resumed": 0 if hangup else 1,
        "first": 1,
        "exits": 1 if hangup else 0,
    }


# -- one module knows Textual's internals -------------------------------------------

PATTERNS = (
    "set_reactive(",
    "window_virtual_size",
    "_watch_value",
    "def _on_focus",
    "def _on_blur",
    "linux_driver",
    "TEXTUAL_FPS",
    "getincrementaldecoder",
    "WriterThread",
    "SIGCONT",
    "__stderr__",
)

# Known, to be moved onto textual_internals by their owners: (path, pattern).
# Remove an entry once its module calls set_virtual_height_quietly instead.
PENDING: set[tuple[Path, str]] = set()


def test_only_textual_internals_touches_textual_internals() -> None:
    found: set[tuple[Path, str]] = set()
    lines: list[str] = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative == INTERNALS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in PATTERNS:
                if pattern in line:
                    found.add((relative, pattern))
                    if (relative, pattern) not in PENDING:
                        lines.append(f"{relative}:{number}: {line.strip()}")
    assert not lines, "Textual internals outside tui/runtime/textual_internals.py:\n" + "\n".join(
        lines
    )
    assert found >= PENDING, f"no longer there, remove from PENDING: {sorted(PENDING - found)}"


def test_the_grep_sees_what_it_looks_for() -> None:
    """Control: the patterns match the module that is allowed them."""
    text = (ROOT / INTERNALS).read_text(encoding="utf-8")
    missing = [p for p in PATTERNS if p not in text and not p.startswith("def _on_")]
    assert not missing, missing


# -- 6. the screen on the terminal, whatever standard error is -----------------------


def test_6_the_driver_still_writes_to_sys_stderr() -> None:
    source = inspect.getsource(linux_driver.LinuxDriver.__init__)
    assert "self._file = sys.__stderr__" in source, (
        "reliance 6: LinuxDriver no longer draws on sys.__stderr__ (screen_on_the_terminal)"
    )


def test_6_with_standard_error_in_a_file_the_browser_draws_on_the_terminal(
    tmp_path: Path,
) -> None:
    """`pressroom 2>log`: the screen on the terminal, no escape sequence in the log."""
    import shlex

    from store.disk.release_store import ReleaseStore
    from tests.helpers.browser_data import write_store
    from tests.helpers.pty_session import PtySession, python_command

    db = write_store(tmp_path / "releases.json")
    with ReleaseStore(db) as store:
        count = len(store)
    log = tmp_path / "stderr.log"
    command = shlex.join(python_command("tui", "--db", str(db)))
    with PtySession(["sh", "-c", f"exec {command} 2>{shlex.quote(str(log))}"], cwd=ROOT) as session:
        session.wait_for_screen(f"{count} of {count}")
        session.press("q")
        assert session.wait_exit() == 0
    assert "\x1b" not in log.read_text(encoding="utf-8", errors="replace")


# -- 9. the input thread stopped at once -------------------------------------------------


def test_9_the_driver_takes_its_exit_event_and_selector_from_module_globals() -> None:
    """Reliance 9 (stop_input_at_once): ``Event`` and ``selectors`` are looked up in
    linux_driver when the driver is made and when its input thread starts."""
    driver_class = linux_driver.LinuxDriver
    assert "Event" in driver_class.__init__.__code__.co_names, (
        "reliance 9: LinuxDriver.__init__ no longer makes exit_event from the module's Event"
    )
    run = driver_class.run_input_thread
    source = inspect.getsource(getattr(run, "__wrapped__", run))
    assert "selectors.SelectSelector()" in source, (
        "reliance 9: the input thread no longer makes its selector as selectors.SelectSelector()"
    )
    assert "while not self.exit_event.is_set():" in source
    disable = inspect.getsource(driver_class.disable_input)
    assert disable.index("self.exit_event.set()") < disable.index("self._key_thread.join()"), (
        "reliance 9: disable_input no longer sets exit_event before joining the input thread"
    )


async def test_9_the_input_thread_ends_when_input_is_disabled_even_with_endless_selects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reliance 9: with every select made to wait for ever, setting the exit event still
    ends the input thread (Textual's own waits out a 0.1 s timeout, twice)."""
    for name in ("Event", "selectors"):
        monkeypatch.setattr(linux_driver, name, getattr(linux_driver, name))
    monkeypatch.setattr(
        linux_driver.LinuxDriver, "run_input_thread", linux_driver.LinuxDriver.run_input_thread
    )
    stop_input_at_once()
    stop_input_at_once()  # idempotent: one wrapper
    run = linux_driver.LinuxDriver.run_input_thread
    assert run.__wrapped__.__name__ == "run_input_thread"  # type: ignore[attr-defined]
    assert not hasattr(run.__wrapped__, "__wrapped__")  # type: ignore[attr-defined]
    selector_class = linux_driver.selectors.SelectSelector  # type: ignore[attr-defined]
    select = selector_class.select
    monkeypatch.setattr(selector_class, "select", lambda self, timeout=None: select(self, None))

    driver = linux_driver.LinuxDriver(app=None, size=(80, 24))  # type: ignore[arg-type]
    reading, writing = os.pipe()
    try:
        driver.fileno = reading
        driver.process_message = lambda message: None  # type: ignore[method-assign]
        thread = threading.Thread(target=driver.run_input_thread, daemon=True)
        thread.start()
        driver.exit_event.set()
        thread.join(30)
        assert not thread.is_alive(), "the input thread still waits in select"
        driver.exit_event.clear()
        with pytest.raises(BlockingIOError):
            os.read(driver.exit_event.wake_fd, 1)  # type: ignore[attr-defined]
    finally:
        os.close(reading)
        os.close(writing)
