"""Run a program in a pseudo-terminal and keep every byte it sends to the terminal.

The tests of SECURITY.md section 2 must look at what a terminal really
receives, so this harness plays the terminal: a pty of a fixed size with
``TERM=xterm-256color``, keys written to the master side, and every output
byte kept in order. A small screen model (cursor addressing, erase, the
alternate screen) turns the stream into rows of text, so that a test can wait
until something is drawn instead of sleeping.

Nothing here may hang a test run: every wait has a deadline, and
:meth:`PtySession.stop` escalates from ``q`` to SIGTERM to SIGKILL of the
child's whole process group.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType

from rich.cells import get_character_cell_size

DEFAULT_TIMEOUT = 20.0  # seconds; generous, the machine is shared and has two cores

# What a terminal's keyboard sends (xterm, normal cursor-key mode).
KEYS: Mapping[str, bytes] = {
    "escape": b"\x1b",
    "enter": b"\r",
    "tab": b"\t",
    "backspace": b"\x7f",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "ctrl+c": b"\x03",
}

# Textual tells a lone ESC from the start of a sequence by waiting a little;
# a key written right after ESC would be read as Alt+key.
_ESCAPE_SETTLE = 0.3
_MOUSE_SETTLE = 0.25


class PtyTimeout(AssertionError):
    """A wait ran out of time; the message says what was awaited and what was on screen."""


class PtySession:
    """One program running in a pseudo-terminal of *cols* x *rows* cells.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    ``output`` holds every byte the program wrote, ``screen_lines()`` what an
    xterm would show now.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cols: int = 120,
        rows: int = 36,
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        replies: Mapping[bytes, bytes] | None = None,
        timestamps: bool = False,
        live_screen: bool = True,
    ) -> None:
        """*replies* answers terminal queries: when the program writes a key
        of it, the reader writes the value back at once, as a terminal that
        supports the feature does (say ``CSI ?2026$p`` -> ``CSI ?2026;2$y``,
        synchronized output). *timestamps* keeps ``(time.perf_counter(), end
        offset)`` of every chunk read, in :attr:`chunk_times`. With
        *live_screen* False the reader only keeps bytes and the screen model
        reads them when the screen is asked about (the same answers, less
        work between reads: for benchmarks timing the chunks).
        """
        self.argv = list(argv)
        self.cols = cols
        self.rows = rows
        self.cwd = cwd
        self.env = terminal_environment(env)
        self.process: subprocess.Popen[bytes] | None = None
        self.returncode: int | None = None
        self._master = -1
        self._output = bytearray()
        self._changed = threading.Condition()
        self._reader: threading.Thread | None = None
        self._closed = False
        self._screen = ScreenModel(cols, rows)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._replies = dict(replies or {})
        self._longest_query = max((len(q) for q in self._replies), default=0)
        self._timestamps = timestamps
        self._live_screen = live_screen
        self._screen_fed = 0  # output bytes the screen model has read
        self.chunk_times: list[tuple[float, int]] = []
        self.spawned_at: float | None = None  # perf_counter() just before the program was started

    # -- lifetime ------------------------------------------------------------------

    def start(self) -> PtySession:
        master, slave = os.openpty()
        try:
            set_window_size(slave, self.cols, self.rows)
            self.spawned_at = time.perf_counter()
            self.process = subprocess.Popen(
                self.argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                cwd=self.cwd,
                env=dict(self.env),
                # Its own session and process group: signals reach the app and
                # any children it has, and never pytest itself. The pty is the
                # session's controlling terminal, as a real terminal's is: its
                # closing (hang_up) sends SIGHUP and SIGCONT, as a window closing does.
                start_new_session=True,
                preexec_fn=_take_controlling_terminal,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self._master = master
        self._reader = threading.Thread(target=self._read_loop, name="pty-reader", daemon=True)
        self._reader.start()
        return self

    def __enter__(self) -> PtySession:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self, quit_keys: bytes = b"q", timeout: float = 10.0) -> int:
        """End the program: *quit_keys*, then SIGTERM, then SIGKILL. Returns its status.

        The returned status is the one the program chose only if it left on
        its own after *quit_keys*; a signal gives a negative status.
        """
        process = self.process
        if process is None:
            return self.returncode if self.returncode is not None else 0
        try:
            if process.poll() is None and quit_keys:
                self._write(quit_keys)
                self._wait_exit(timeout)
            for sig, grace in ((signal.SIGTERM, timeout), (signal.SIGKILL, timeout)):
                if process.poll() is not None:
                    break
                self._signal_group(sig)
                self._wait_exit(grace)
        finally:
            self.returncode = process.poll()
            if self.returncode is None:
                self._signal_group(signal.SIGKILL)
                self._wait_exit(timeout)
                self.returncode = process.poll()
            self._close()
        return self.returncode if self.returncode is not None else -signal.SIGKILL

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait until the program ends by itself; its exit status."""
        if self.process is None:
            raise RuntimeError("the session was never started")
        if not self._wait_exit(timeout):
            raise PtyTimeout(f"still running after {timeout:.0f} s\n{self.describe()}")
        self.returncode = self.process.returncode
        # Everything written before the exit is in the pty: let the reader drain it.
        self._drain()
        return self.returncode

    def hang_up(self) -> None:
        """Close the terminal under the program, as closing its window or losing SSH does.

        The kernel then sends the program's session SIGHUP and SIGCONT, and its
        reads and writes on the terminal fail with EIO.
        """
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        # The reader stops at its next turn (0.1 s at most), before the
        # descriptor it reads is closed and its number given to another file.
        self._drain(2.0)
        if self._master >= 0:
            master, self._master = self._master, -1
            os.close(master)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def resize(self, cols: int, rows: int) -> None:
        """Resize the terminal, as dragging its window does (the program gets SIGWINCH).

        The screen model starts afresh at the new size: a program redraws
        everything after a resize.
        """
        with self._changed:
            set_window_size(self._master, cols, rows)
            self.cols, self.rows = cols, rows
            self._catch_up()
            self._screen = ScreenModel(cols, rows)

    # -- keys ----------------------------------------------------------------------

    def send(self, data: bytes | str) -> int:
        """Write raw *data* to the terminal's input; the output offset at that moment."""
        mark = self.mark()
        self._write(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return mark

    def press(self, *keys: str) -> int:
        """Press named keys (``KEYS``) or single characters, one after another."""
        mark = self.mark()
        for key in keys:
            if key in KEYS:
                self._write(KEYS[key])
                if key == "escape":
                    time.sleep(_ESCAPE_SETTLE)
            elif len(key) == 1:
                self._write(key.encode("utf-8"))
            else:
                raise ValueError(f"unknown key {key!r}")
        return mark

    def type_text(self, text: str) -> int:
        """Type *text* key by key (no bracketed paste); ESC inside it would be a key."""
        return self.send(text)

    def paste(self, text: str) -> int:
        """Paste *text* the way a terminal in bracketed-paste mode delivers it."""
        return self.send(b"\x1b[200~" + text.encode("utf-8", "surrogatepass") + b"\x1b[201~")

    def click(self, col: int, row: int) -> int:
        """A left click at cell (*col*, *row*), counted from 0, as SGR mouse reports."""
        x, y = col + 1, row + 1
        # The pointer moves there first, as a real mouse does: Textual finds
        # what is under it (a widget, a link in its text) from motion reports.
        # Textual handles each report on a later turn of its loop; a press that
        # arrives in the same read as the motion is matched against the old hover.
        mark = self.send(f"\x1b[<35;{x};{y}M".encode())
        time.sleep(_MOUSE_SETTLE)
        self.send(f"\x1b[<0;{x};{y}M".encode())
        time.sleep(_MOUSE_SETTLE)
        self.send(f"\x1b[<0;{x};{y}m".encode())
        return mark

    # -- output --------------------------------------------------------------------

    @property
    def output(self) -> bytes:
        with self._changed:
            return bytes(self._output)

    def mark(self) -> int:
        """The current length of the output, to look only at what comes after."""
        with self._changed:
            return len(self._output)

    def screen_lines(self) -> list[str]:
        with self._changed:
            return self._catch_up().lines()

    def screen_text(self) -> str:
        return "\n".join(self.screen_lines())

    def cursor(self) -> tuple[int, int]:
        """Where the terminal cursor is now: (column, row), from 0."""
        with self._changed:
            return self._catch_up().cursor

    def find_on_screen(self, text: str) -> tuple[int, int] | None:
        """(column, row) of the first cell of *text* on screen, or None."""
        with self._changed:
            return self._catch_up().find(text)

    def find_all_on_screen(self, text: str) -> list[tuple[int, int]]:
        """(column, row) of every place *text* is drawn, top to bottom."""
        with self._changed:
            return self._catch_up().find_all(text)

    def wait_for(
        self,
        condition: Callable[[PtySession], bool],
        what: str,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        """Block until *condition* holds (checked after every chunk of output)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                # The condition may call back into the session; the lock is reentrant.
                if condition(self):
                    return
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                if self._closed and not self.alive():
                    break
                self._changed.wait(min(remaining, 0.25))
        state = "exited" if not self.alive() else "running"
        raise PtyTimeout(f"timed out waiting for {what} (program {state})\n{self.describe()}")

    def wait_for_screen(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[int, int]:
        """Wait until *text* is drawn on one screen row; where it is."""
        self.wait_for(lambda s: s.find_on_screen(text) is not None, f"{text!r} on screen", timeout)
        found = self.find_on_screen(text)
        assert found is not None
        return found

    def wait_for_output(self, data: bytes, since: int = 0, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait until the raw bytes *data* appear after offset *since*; their offset."""
        self.wait_for(lambda s: s.output.find(data, since) != -1, f"{data!r} in output", timeout)
        return self.output.find(data, since)

    def wait_for_quiet(self, quiet: float = 0.5, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until the program has written nothing for *quiet* seconds (it settled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.mark()
            time.sleep(quiet)
            if self.mark() == before:
                return
        raise PtyTimeout(f"output never settled for {quiet} s\n{self.describe()}")

    def describe(self) -> str:
        """What is on screen and the last output bytes, for failure messages."""
        tail = self.output[-600:]
        screen = "\n".join(f"|{line}" for line in self.screen_lines())
        return f"screen:\n{screen}\nlast bytes: {tail!r}"

    # -- internals -----------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        if self._master < 0:
            raise RuntimeError("the session is not running")
        view = memoryview(data)
        while view:
            written = os.write(self._master, view)
            view = view[written:]

    def _read_loop(self) -> None:
        # Always draining: a program whose pty buffer fills would block on write.
        master = self._master
        while True:
            try:
                ready, _, _ = select.select([master], [], [], 0.1)
                if self._closed:
                    break  # hang_up: the terminal is closing, keep nothing more
                if not ready:
                    continue
                chunk = os.read(master, 65536)
            except OSError as exc:
                # EIO: every slave side is closed (the program and its children left).
                if exc.errno not in (errno.EIO, errno.EBADF):
                    raise
                chunk = b""
            except ValueError:  # the descriptor was closed under us
                chunk = b""
            read_at = time.perf_counter()
            with self._changed:
                if chunk:
                    self._output += chunk
                    if self._timestamps:
                        self.chunk_times.append((read_at, len(self._output)))
                    if self._live_screen:
                        self._catch_up()
                else:
                    self._closed = True
                self._changed.notify_all()
            if not chunk:
                break
            if self._replies:
                self._answer(len(self._output) - len(chunk))

    def _catch_up(self) -> ScreenModel:
        """The screen model, having read all output so far (call with the lock held)."""
        if self._screen_fed < len(self._output):
            data = bytes(self._output[self._screen_fed :])
            self._screen_fed = len(self._output)
            self._screen.feed(self._decoder.decode(data))
        return self._screen

    def _answer(self, start: int) -> None:
        # A query may be split across two reads: look a little before the new chunk.
        with self._changed:
            since = max(0, start - self._longest_query + 1)
            recent = bytes(self._output[since:])
        for query, reply in self._replies.items():
            at = recent.find(query)
            while at != -1:
                if since + at + len(query) > start:  # not answered with the chunk before
                    with contextlib.suppress(OSError, RuntimeError):
                        self._write(reply)
                at = recent.find(query, at + 1)

    def _drain(self, timeout: float = 5.0) -> None:
        if self._reader is not None:
            self._reader.join(timeout)

    def _wait_exit(self, timeout: float) -> bool:
        assert self.process is not None
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def _signal_group(self, sig: signal.Signals) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sig)

    def _close(self) -> None:
        self._drain(2.0)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        if self._master >= 0:
            master, self._master = self._master, -1
            if self._reader is not None:
                self._reader.join(2.0)
            os.close(master)


def _take_controlling_terminal() -> None:
    # In the child, after setsid(): standard input (the pty's slave side)
    # becomes the new session's controlling terminal.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def set_window_size(fd: int, cols: int, rows: int) -> None:
    """Set the size the program reads with ``TIOCGWINSZ``."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def terminal_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of an xterm user: colour, UTF-8, no size or colour overrides."""
    env = {
        key: value
        for key, value in os.environ.items()
        # Size and colour come from the pty and TERM alone; Textual's own
        # variables (devtools, driver, snapshot settings) would change what it sends.
        if key not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "COLORTERM")
        and not key.startswith("TEXTUAL")
    }
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONUNBUFFERED="1")
    if extra:
        env.update(extra)
    return env


def python_command(module: str, *args: str, python: str | None = None) -> list[str]:
    """``python -m MODULE ARGS`` with the interpreter running the tests."""
    import sys

    return [python or sys.executable, "-m", module, *args]


# -- the screen model --------------------------------------------------------------


_STRING_SEQUENCE = re.compile(r"\x1b[\]PX^_].*?(?:\x07|\x1b\\)", re.DOTALL)
_CSI = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])")
_SHORT_ESCAPE = re.compile(r"\x1b[ -/]*[0-~]")
_TEXT_RUN = re.compile(r"[^\x00-\x1f\x7f-\x9f]+")


class ScreenModel:
    """Enough of an xterm to know which characters are on which row.

    Understands what Textual and Rich send: cursor addressing and moves,
    erase in line and display, CR/LF/BS/TAB, and the alternate screen.
    Colours, modes and string sequences are consumed and ignored.
    """

    def __init__(self, cols: int, rows: int) -> None:
        self.cols = cols
        self.rows = rows
        self._main = self._blank()
        self._alternate = self._blank()
        self._cells = self._main
        self._x = 0
        self._y = 0
        self._pending = ""

    def _blank(self) -> list[list[str]]:
        return [[" "] * self.cols for _ in range(self.rows)]

    @property
    def cursor(self) -> tuple[int, int]:
        return (self._x, self._y)

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self._cells]

    def find(self, text: str) -> tuple[int, int] | None:
        for y, row in enumerate(self._cells):
            line = "".join(row)
            index = line.find(text)
            if index != -1:
                return (_column_of(row, index), y)
        return None

    def find_all(self, text: str) -> list[tuple[int, int]]:
        found = []
        for y, row in enumerate(self._cells):
            line = "".join(row)
            index = line.find(text)
            while index != -1:
                found.append((_column_of(row, index), y))
                index = line.find(text, index + len(text))
        return found

    def feed(self, text: str) -> None:
        data = self._pending + text
        self._pending = ""
        i = 0
        end = len(data)
        while i < end:
            ch = data[i]
            if ch == "\x1b":
                if i + 1 >= end:
                    self._pending = data[i:]
                    return
                introducer = data[i + 1]
                if introducer in "]PX^_":
                    match = _STRING_SEQUENCE.match(data, i)
                    if match is None:
                        self._pending = data[i:]
                        return
                    i = match.end()
                    continue
                if introducer == "[":
                    match = _CSI.match(data, i)
                    if match is None:
                        if re.fullmatch(r"\x1b\[[0-?]*[ -/]*", data[i:]):
                            self._pending = data[i:]
                            return
                        i += 2  # malformed: drop the introducer
                        continue
                    self._csi(match.group(1), match.group(2), match.group(3))
                    i = match.end()
                    continue
                match = _SHORT_ESCAPE.match(data, i)
                if match is None:
                    if re.fullmatch(r"\x1b[ -/]*", data[i:]):
                        self._pending = data[i:]
                        return
                    i += 1
                    continue
                i = match.end()
                continue
            run = _TEXT_RUN.match(data, i)
            if run is not None:
                self._print(run.group())
                i = run.end()
                continue
            self._control(ch)
            i += 1

    def _print(self, text: str) -> None:
        cells = self._cells
        for ch in text:
            width = get_character_cell_size(ch)
            if width == 0 or unicodedata.combining(ch):
                if self._x > 0:
                    cells[self._y][self._x - 1] += ch
                continue
            if self._x + width > self.cols:
                self._x = 0
                self._line_feed()
            cells[self._y][self._x] = ch
            if width == 2 and self._x + 1 < self.cols:
                cells[self._y][self._x + 1] = ""
            self._x += width

    def _control(self, ch: str) -> None:
        if ch == "\r":
            self._x = 0
        elif ch == "\n":
            self._line_feed()
        elif ch == "\b":
            self._x = max(0, self._x - 1)
        elif ch == "\t":
            self._x = min(self.cols - 1, (self._x // 8 + 1) * 8)

    def _line_feed(self) -> None:
        if self._y + 1 < self.rows:
            self._y += 1
        else:
            self._cells.pop(0)
            self._cells.append([" "] * self.cols)

    def _csi(self, params: str, intermediates: str, final: str) -> None:
        if intermediates:
            return
        if params.startswith("?"):
            if params[1:] in ("1049", "47", "1047") and final in "hl":
                self._switch_screen(alternate=final == "h")
            return
        if params and not params[0].isdigit() and params[0] != ";":
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(index: int, default: int) -> int:
            value = numbers[index] if index < len(numbers) else 0
            return value or default

        if final in "Hf":
            self._y = min(self.rows - 1, arg(0, 1) - 1)
            self._x = min(self.cols - 1, arg(1, 1) - 1)
        elif final == "A":
            self._y = max(0, self._y - arg(0, 1))
        elif final == "B":
            self._y = min(self.rows - 1, self._y + arg(0, 1))
        elif final == "C":
            self._x = min(self.cols - 1, self._x + arg(0, 1))
        elif final == "D":
            self._x = max(0, self._x - arg(0, 1))
        elif final == "G":
            self._x = min(self.cols - 1, arg(0, 1) - 1)
        elif final == "d":
            self._y = min(self.rows - 1, arg(0, 1) - 1)
        elif final == "K":
            row = self._cells[self._y]
            mode = numbers[0] if numbers else 0
            start, stop = {0: (self._x, self.cols), 1: (0, self._x + 1)}.get(mode, (0, self.cols))
            for x in range(start, stop):
                row[x] = " "
        elif final == "J":
            mode = numbers[0] if numbers else 0
            if mode in (2, 3):
                self._cells[:] = self._blank()
            elif mode == 0:
                self._cells[self._y][self._x :] = [" "] * (self.cols - self._x)
                for y in range(self._y + 1, self.rows):
                    self._cells[y] = [" "] * self.cols
            elif mode == 1:
                for y in range(self._y):
                    self._cells[y] = [" "] * self.cols

    def _switch_screen(self, *, alternate: bool) -> None:
        target = self._alternate if alternate else self._main
        if target is self._cells:
            return
        if alternate:
            self._alternate[:] = self._blank()
        self._cells = target


def _column_of(row: list[str], index: int) -> int:
    """The cell holding character *index* of ``"".join(row)`` (wide and combining aware)."""
    consumed = 0
    for column, cell in enumerate(row):
        consumed += len(cell)
        if consumed > index:
            return column
    return len(row)


# -- escape sequences in raw output ------------------------------------------------

_RAW_SEQUENCE = re.compile(
    rb"\x1b[\]PX^_].*?(?:\x07|\x1b\\|\Z)"  # OSC, DCS, SOS, PM, APC (maybe unterminated)
    rb"|\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"  # CSI
    rb"|\x1b[\x20-\x2f]*[\x30-\x7e]",  # two- and three-character escapes
    re.DOTALL,
)
_CSI_PARTS = re.compile(rb"\x1b\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])")
# CSI whose parameters are positions, counts or colours: the kind is the final byte alone.
_CSI_KIND_BY_FINAL = frozenset(b"HfABCDEFGdmXKJ@Pr")


def escape_sequences(data: bytes) -> list[tuple[int, bytes]]:
    """Every 7-bit escape sequence in *data*, with its offset."""
    return [(m.start(), m.group()) for m in _RAW_SEQUENCE.finditer(data)]


def sequence_kind(sequence: bytes) -> str:
    """A name for what *sequence* does, blind to positions and colours.

    ``CSI H`` for any cursor address, ``CSI m`` for any colour, but
    ``CSI ?1049l``, ``CSI 6n`` or ``OSC 52`` in full: those are the ones whose
    arguments change what they do.
    """
    if sequence.startswith(b"\x1b["):
        match = _CSI_PARTS.match(sequence)
        if match is None:
            return "CSI ?"
        params, intermediates, final = match.groups()
        if final[0] in _CSI_KIND_BY_FINAL and not params.startswith((b"?", b">", b"<", b"=")):
            if final in (b"J", b"K") and params:
                return f"CSI {params.decode()}{final.decode()}"
            return f"CSI {final.decode()}"
        if final == b"u" or final == b"~":
            return f"CSI {final.decode()}"
        return f"CSI {(params + intermediates + final).decode('latin-1')}"
    if sequence[1:2] == b"]":
        number = re.match(rb"\x1b\](\d*)", sequence)
        return f"OSC {number.group(1).decode() if number else ''}"
    names = {b"P": "DCS", b"X": "SOS", b"^": "PM", b"_": "APC"}
    if sequence[1:2] in names:
        return names[sequence[1:2]]
    return f"ESC {sequence[1:].decode('latin-1')}"


def stray_c1_bytes(data: bytes) -> list[tuple[int, int]]:
    """(offset, byte) of every byte in 0x80-0x9f that is not inside a valid UTF-8 character."""
    found: list[tuple[int, int]] = []
    text = data.decode("utf-8", "surrogateescape")
    offset = 0
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDC9F:
            found.append((offset, code - 0xDC00))
            offset += 1
        else:
            offset += 1 if code < 0x80 else len(ch.encode("utf-8", "surrogateescape"))
    return found


def c1_characters(data: bytes) -> list[str]:
    """C1 controls encoded as UTF-8 (U+0080-U+009F): some terminals obey those too."""
    text = data.decode("utf-8", "replace")
    return [ch for ch in text if "\x80" <= ch <= "\x9f"]


def osc8_targets(data: bytes) -> list[bytes]:
    """The URL of every OSC 8 hyperlink that opens a link (the closing one has none)."""
    targets = []
    for match in re.finditer(rb"\x1b\]8;([^;\x07\x1b]*);(.*?)(?:\x07|\x1b\\|\Z)", data, re.DOTALL):
        if match.group(2):
            targets.append(match.group(2))
    return targets
