"""Every reliance on Textual's internals, in one module: what, why, and what would let it go.

Pressroom pins Textual exactly (8.2.8). Nothing outside this module may touch a
private name of Textual or change its behaviour; ``tests/test_textual_internals.py``
greps ``tui/`` for the patterns and has a test per reliance that fails, naming
it, when an upgrade breaks it.

1. A list's height changed without a layout of the whole screen
   (:func:`set_virtual_height_quietly`). ``Widget.virtual_size`` is a reactive
   with ``layout=True``: assigning it lays out the whole screen, tens of
   milliseconds per keystroke on the browse screen, though a list's own size
   never changes with its number of rows. We set it with ``set_reactive`` (no
   watchers, no refresh) and tell the vertical scrollbar ourselves through
   ``ScrollBar.window_virtual_size``. Only sound while the scrollbar cannot
   appear or vanish (``overflow-y: scroll`` or ``hidden``); with ``auto`` the
   helper assigns the reactive as Textual would. The scrollbar is repainted only
   when its cells change (``ScrollBar.renderer.render_bar`` asked with the old
   and the new count, as ``ScrollBar._render_bar`` would: ``window_size``,
   ``position``, ``thickness``); most keystrokes leave a one-cell thumb at the
   top, and its repaint cost a third of the keystroke's frame. Upstream would need a way to
   change a ScrollView's virtual size that refreshes its scrollbars without a
   layout (Textual does that much in ``Widget._scroll_update`` after a layout).

2. An input's keystrokes without a layout of the whole screen
   (:class:`QuietInputMixin`). ``Input._watch_value`` (private) assigns
   ``virtual_size = Size(content_width, 1)`` on every change of the value, and
   every layout sets it back to the content region's size: one layout of the
   whole screen per keystroke, 16 ms on the browse screen. Setting the same
   size with ``set_reactive`` first leaves Input's assignment nothing to
   change. An input has no scrollbars for it to matter to. Upstream would need
   Input to leave ``virtual_size`` to the layout, or to assign it without
   ``layout=True``.

3. Terminal input that is not UTF-8 (:func:`tolerate_invalid_utf8`). The
   input thread of ``textual.drivers.linux_driver.LinuxDriver`` decodes with
   ``getincrementaldecoder("utf-8")()``, looked up as a global of that module,
   strictly: one Latin-1 byte typed or pasted into the terminal raises
   UnicodeDecodeError in that thread and ends the app with a traceback. We
   replace the module's global with a factory that decodes with
   ``errors="replace"``, so such a byte reads as U+FFFD. Upstream would need
   the driver to decode with replacement (or take the error handler as an
   option).

4. The frame rate (:func:`set_frame_rate`). Textual repaints at most
   ``TEXTUAL_FPS`` times a second, read from the environment once, when
   ``textual.constants`` (``MAX_FPS``) and ``textual.screen``
   (``UPDATE_PERIOD``) are imported. A result waits up to one period for its
   frame: at the default 60 that alone is a keystroke's whole 16 ms budget, so
   the browser asks for 120. It must be set before Textual is imported, and
   only by the path that opens the browser (``pressroom search`` never imports
   Textual). Upstream would need the frame rate as an ``App`` setting read at
   run time.

5. The terminal going away (:func:`survive_lost_terminal`,
   :func:`end_on_hangup`). When the terminal closes (a window closed, an SSH
   connection dropped, ``tmux kill-session``) the kernel sends SIGHUP and
   then SIGCONT to the browser. Textual's driver answers SIGCONT (its
   private ``_sigcont_application``) by starting application mode again on
   the dead terminal, with a new output thread; and the old output thread
   (``textual.drivers._writer_thread.WriterThread``) dies on the first write
   error, its queue of 30 writes fills, and the app's shutdown then waits for
   ever in ``WriterThread.stop`` (``Queue.put``): 9 of 12 browsers closed
   while they drew were left running, ignoring SIGTERM, until SIGKILL. We
   replace ``WriterThread.run`` with one that, after a write error, keeps
   taking (and dropping) what is queued, so no writer ever waits; and a
   SIGHUP ends the app and makes the SIGCONT that follows it do nothing.
   Upstream would need the writer thread to survive write errors (or
   ``stop()`` to time out) and the driver not to resume after a hang-up.

6. The screen drawn on standard error (:func:`screen_on_the_terminal`).
   ``LinuxDriver`` writes the whole interface to ``sys.__stderr__``: with
   standard error redirected to a file (``pressroom 2>log``) the terminal
   stays blank and the file fills with escape sequences. When standard
   output is the terminal and standard error is not, ``sys.__stderr__`` is
   pointed at the terminal while the app runs (``sys.stderr``, where errors
   are printed, is left alone). Upstream would need the driver to write to
   whichever of the two is the terminal (or to ``/dev/tty``).

7. Keys still on their way (:func:`keys_waiting`). The search bar answers a
   typed letter from the value's watcher, in the same step as the key, so that
   the letter and the narrowed list reach the screen in one frame (the
   ``Changed`` message is handled a step later, often after a frame of its
   own). When several keys arrive in one read (a word pasted without
   bracketed paste, keys typed while a frame was drawn), only the last is
   answered: the others see more keys waiting in the app's or the input's
   message queue (``MessagePump._message_queue``, a ``textual._queue.Queue``,
   read through its deque ``values``). Upstream would need a public way to know that
   input is pending.

8. A key's bindings run in the input's own step (:func:`run_bindings_now`).
   An input handles printable keys itself, in its own message queue, and
   leaves every other key (Backspace, ←, Esc, Tab, Enter) to the app, which
   matches it to a binding only when the key has bubbled up to it: by then
   the input may have typed the keys queued behind it ("ab⌫c" became "ab"
   with the c deleted; Esc then c typed the c into the search bar). The
   input runs the bindings itself, in order, through the app's private
   ``_check_bindings`` (the same call the app makes when the key bubbles
   up), and stops the key when one ran. Upstream would need the app to
   dispatch bindings before forwarding a key, or a public way to run them.

9. The input thread stopped at once (:func:`stop_input_at_once`). Quitting
   (and Ctrl+Z) waits in ``LinuxDriver.disable_input`` for the input thread,
   which sees the driver's ``exit_event`` only when its ``select(0.1)`` times
   out, and then makes a last ``select(0.1)`` with nothing registered, a plain
   sleep: 100 to 200 ms before the terminal is given back, in every Textual
   app. The module's ``Event`` (the exit event's class) is replaced with one
   whose ``set()`` also writes to a pipe, and its ``selectors`` with one whose
   ``SelectSelector`` watches that pipe in the input thread: both selects
   return as soon as the event is set. Upstream would need the input thread
   to be woken when input is disabled (a self-pipe or an eventfd).

No longer a reliance: the style caches of ``VirtualList`` were cleared by
overriding the private ``Widget._on_focus`` / ``_on_blur``; the public
``on_focus`` / ``on_blur`` handlers do it now (Textual calls one handler per
class of the MRO, so no ``super()`` call is involved), with a test that a focus
change still restyles the cursor row.

This module imports no Textual at import time, so that :func:`set_frame_rate`
can run before Textual is imported; the other helpers import it when called.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import signal
import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asyncio import AbstractEventLoop
    from types import FrameType

    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.scrollbar import ScrollBar
    from textual.widget import Widget
    from textual.widgets import Input
    from textual.widgets import Input as _InputBase
else:
    _InputBase = object

FRAME_RATE_ENV = "TEXTUAL_FPS"
DEFAULT_FRAME_RATE = 120


# -- 1. a list's height without a layout ------------------------------------------


def set_virtual_height_quietly(widget: Widget, height: int, *, width: int | None = None) -> None:
    """Give a scrolling *widget* *height* rows of content without a layout of the screen.

    *width* is the virtual width (the widget's own width when None). Where the
    vertical scrollbar may come and go (``overflow-y: auto``), the layout is
    needed after all and the size is assigned as Textual would.
    """
    from textual.geometry import Size
    from textual.scrollbar import ScrollBar
    from textual.widget import Widget

    size = Size(widget.size.width if width is None else width, height)
    if widget.styles.overflow_y == "auto":
        widget.virtual_size = size
        return
    widget.set_reactive(Widget.virtual_size, size)
    scrollbar = widget.vertical_scrollbar
    if _bar_drawn(scrollbar, scrollbar.window_virtual_size) == _bar_drawn(scrollbar, height):
        # The bar would be drawn cell for cell as it is (24,652 rows or 20,108
        # in a window of 33: the same one-cell thumb at the top): a repaint
        # renders every line of it again, a third of a keystroke's frame.
        scrollbar.set_reactive(ScrollBar.window_virtual_size, height)
        return
    scrollbar.window_virtual_size = height
    scrollbar.refresh()


def _bar_drawn(scrollbar: ScrollBar, virtual_size: int) -> list[object]:
    """What *scrollbar* draws with *virtual_size* rows: its cells, as ``ScrollBar._render_bar``
    hands them to its renderer (colours aside, which a row count does not change)."""
    from math import ceil

    window = scrollbar.window_size
    return list(
        scrollbar.renderer.render_bar(
            size=scrollbar.size.height if scrollbar.vertical else scrollbar.size.width,
            virtual_size=ceil(virtual_size),
            window_size=ceil(window if window < virtual_size else 0),
            position=scrollbar.position,
            thickness=scrollbar.thickness,
            vertical=scrollbar.vertical,
        ).segments
    )


# -- 2. an input's keystrokes without a layout ------------------------------------


def quiet_input_virtual_size(input: Input) -> None:
    """Set *input*'s virtual size to what ``Input._watch_value`` assigns, without a layout."""
    from textual.geometry import Size
    from textual.widget import Widget

    input.set_reactive(Widget.virtual_size, Size(input.content_width, 1))


class QuietInputMixin(_InputBase):
    """Put before ``Input`` in the bases: a keystroke no longer lays out the whole screen."""

    def _watch_value(self, value: str) -> None:
        quiet_input_virtual_size(self)
        super()._watch_value(value)


# -- 3. terminal input that is not UTF-8 -------------------------------------------


def _lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """``codecs.getincrementaldecoder``, but the decoder replaces what it cannot decode."""
    decoder_class = codecs.getincrementaldecoder(encoding)

    def decoder() -> codecs.IncrementalDecoder:
        return decoder_class(errors="replace")

    return decoder


def tolerate_invalid_utf8() -> None:
    """Make the Linux driver decode terminal input with replacement (idempotent).

    Call before the app runs: the driver's input thread looks the decoder up
    when it starts.
    """
    if os.name != "posix":
        return  # Textual's Windows driver is another module
    from textual.drivers import linux_driver

    linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined,assignment]


# -- 4. the frame rate -------------------------------------------------------------


def set_frame_rate(fps: int = DEFAULT_FRAME_RATE) -> None:
    """Ask Textual for *fps* frames a second, unless the user set ``TEXTUAL_FPS``.

    Must run before Textual is imported. Raises RuntimeError when Textual is
    already imported and runs at another rate: the setting would do nothing.
    """
    os.environ.setdefault(FRAME_RATE_ENV, str(fps))
    if "textual" not in sys.modules:
        return
    # Imported already: textual.screen read the rate when it was imported
    # (now, if it was not yet).
    import textual.screen

    try:
        wanted = max(1, int(os.environ[FRAME_RATE_ENV]))
    except ValueError:
        return  # the user's own value, which Textual ignores for its default
    period = textual.screen.UPDATE_PERIOD
    if period != 1 / wanted:
        actual = round(1 / period)
        raise RuntimeError(
            f"set_frame_rate() was called after Textual was imported: Textual runs at "
            f"{actual} frames a second, not {wanted}. Call it before importing textual."
        )


# -- 5. the terminal going away ----------------------------------------------------

_HUNG_UP = threading.Event()


def survive_lost_terminal() -> None:
    """Make Textual's output thread outlive a terminal that is gone (idempotent).

    After a write error it keeps taking what is queued, dropping it, until it
    is told to stop: whoever writes or stops it never waits on a full queue.
    """
    from textual.drivers._writer_thread import WriterThread

    if getattr(WriterThread.run, "_survives_lost_terminal", False):
        return

    def run(self: WriterThread) -> None:
        # Textual's loop (write, flush when the queue is empty), but a write
        # error ends the writing, not the thread.
        queue = self._queue
        write, flush = self._file.write, self._file.flush
        lost = False
        while True:
            text = queue.get()
            if text is None:
                break
            if lost:
                continue
            try:
                write(text)
                if queue.qsize() == 0:
                    flush()
            except (OSError, ValueError):  # EIO from a hung-up terminal; a closed file
                lost = True
        if not lost:
            with contextlib.suppress(OSError, ValueError):
                flush()

    run._survives_lost_terminal = True  # type: ignore[attr-defined]
    WriterThread.run = run  # type: ignore[method-assign]


def end_on_hangup(app: App[Any], loop: AbstractEventLoop) -> None:
    """SIGHUP ends *app* as ``q`` does; the SIGCONT that comes with a hang-up is ignored.

    Call once the app runs (the driver has put its own SIGCONT handler in
    place by then: it resumes application mode after Ctrl+Z, and still does
    when no hang-up came first).
    """
    resume = signal.getsignal(signal.SIGCONT)

    def on_hangup(signum: int, frame: FrameType | None) -> None:
        # Python runs pending handlers in signal-number order: this one
        # (SIGHUP, 1) before the SIGCONT (18) the kernel sends with it.
        _HUNG_UP.set()
        loop.call_soon_threadsafe(app.exit)

    def on_continue(signum: int, frame: FrameType | None) -> None:
        if _HUNG_UP.is_set():
            return  # no terminal to come back to
        if callable(resume):
            resume(signum, frame)

    signal.signal(signal.SIGHUP, on_hangup)
    signal.signal(signal.SIGCONT, on_continue)


# -- 6. the screen on the terminal, whatever standard error is -----------------------


@contextlib.contextmanager
def screen_on_the_terminal() -> Iterator[None]:
    """While the app runs, Textual draws on standard output when only that is a terminal."""
    if os.isatty(2) or not os.isatty(1):
        yield
        return
    original = sys.__stderr__
    terminal = open(os.dup(1), "w", encoding="utf-8", errors="replace", closefd=True)  # noqa: SIM115
    sys.__stderr__ = terminal  # type: ignore[misc]
    try:
        yield
    finally:
        sys.__stderr__ = original  # type: ignore[misc]
        terminal.close()


# -- 7. keys still on their way --------------------------------------------------------


def keys_waiting(widget: MessagePump) -> bool:
    """Whether key presses wait in the app's queue or in *widget*'s, not yet handled."""
    from textual import events

    for pump in (widget.app, widget):
        waiting: Iterable[object] = pump._message_queue.values  # textual._queue.Queue's deque
        if any(isinstance(message, events.Key) for message in waiting):
            return True
    return False


# -- 8. a key's bindings in the input's own step -----------------------------------------


async def run_bindings_now(widget: Widget, key: str) -> bool:
    """Run the binding of *key* for the focus chain of *widget* now; whether one ran."""
    checked: bool = await widget.app._check_bindings(key)
    return checked


# -- 9. the input thread stopped at once -----------------------------------------------


class _WakingEvent(threading.Event):
    """The driver's exit event: setting it also makes its input thread's ``select`` return."""

    def __init__(self) -> None:
        super().__init__()
        self.wake_fd, self._write_fd = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._write_fd, False)
        weakref.finalize(self, _close_fds, self.wake_fd, self._write_fd)

    def set(self) -> None:
        super().set()
        with contextlib.suppress(OSError):  # already holding a byte (full), or closed
            os.write(self._write_fd, b"\0")

    def clear(self) -> None:
        super().clear()
        # Emptied, so that the input thread of a resumed app (after Ctrl+Z) waits again.
        with contextlib.suppress(OSError):  # BlockingIOError once empty
            while os.read(self.wake_fd, 512):
                pass


def _close_fds(*fds: int) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


_input_thread = threading.local()


def _woken_selectors() -> Any:
    """``selectors`` as ``linux_driver`` sees it: its SelectSelector also watches the wake pipe."""
    import selectors
    import types

    class WokenSelector(selectors.SelectSelector):
        def __init__(self) -> None:
            super().__init__()
            self._wake: int | None = getattr(_input_thread, "wake_fd", None)
            if self._wake is not None:
                super().register(self._wake, selectors.EVENT_READ)

        def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
            ready = super().select(timeout)
            return [(key, events) for key, events in ready if key.fd != self._wake]

    return types.SimpleNamespace(
        SelectSelector=WokenSelector,
        EVENT_READ=selectors.EVENT_READ,
        SelectorKey=selectors.SelectorKey,
    )


def stop_input_at_once() -> None:
    """Make the Linux driver's input thread end as soon as input is disabled (idempotent)."""
    if os.name != "posix":
        return
    from textual.drivers import linux_driver

    driver_class = linux_driver.LinuxDriver
    if getattr(driver_class.run_input_thread, "_stops_at_once", False):
        return
    original = driver_class.run_input_thread

    @functools.wraps(original)
    def run_input_thread(self: Any) -> None:
        event = self.exit_event
        _input_thread.wake_fd = event.wake_fd if isinstance(event, _WakingEvent) else None
        try:
            original(self)
        finally:
            _input_thread.wake_fd = None

    run_input_thread._stops_at_once = True  # type: ignore[attr-defined]
    linux_driver.Event = _WakingEvent  # type: ignore[attr-defined]
    linux_driver.selectors = _woken_selectors()  # type: ignore[attr-defined]
    driver_class.run_input_thread = run_input_thread  # type: ignore[method-assign]
