"""A release out to other tools: its plain text, a file name for it, an atomic save, a command run on it.

The text is what ``pressroom show`` prints into a pipe (``tui.cli.render``):
headline, dateline, people, body, contacts, links, each paragraph one line,
no escape sequences. The commands (a pipe, ``$PAGER``, ``$EDITOR``) run with
the terminal handed over (``App.suspend``); where the app cannot hand it over
(a headless run, a web page) a pipe runs with its output captured instead,
and a pager or an editor is refused, as they would write into the page.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import shlex
import stat
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App, SuspendNotSupported

from store.records import Release
from store.sanitize import clean_line

MAX_STEM = 80  # characters of a file name made from a headline
CAPTURE_LIMIT = 64 * 1024  # bytes of a command's output kept when it cannot have the terminal
CAPTURED_RUN_LIMIT = 30.0  # seconds a command without the terminal may take


def release_text(release: Release) -> str:
    """The release as ``pressroom show`` prints it into a pipe: plain text, a paragraph a line."""
    # Imported here: the command line's renderer brings the import summary's
    # types with it, which the browser does not otherwise need.
    from tui.cli.render import print_release

    out = io.StringIO()
    console = Console(
        file=out,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=True,
        force_terminal=False,
        color_system=None,
        width=100,
    )
    print_release(console, release)
    return out.getvalue()


def file_stem(release: Release) -> str:
    """``2021-06-23-meeting-of-heads-of-counter-terrorism``: a file name safe everywhere."""
    folded = unicodedata.normalize("NFKD", clean_line(release.title))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    stem = "-".join(x for x in (release.date or "", words) if x)[:MAX_STEM].rstrip("-")
    return stem or f"release-{release.id}"


def default_path(release: Release, folder: Path) -> Path:
    return folder / f"{file_stem(release)}.txt"


def target_path(typed: str, folder: Path) -> Path:
    """The path the user typed (``~`` expanded; relative to *folder*)."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else folder / path


class SaveError(Exception):
    """The file could not be written; the message is one line for the user."""


def save_text(path: Path, text: str, *, overwrite: bool) -> None:
    """Write *text* to *path* whole or not at all (temporary file, fsync, rename).

    Raises :class:`FileExistsError` when *path* exists and *overwrite* is
    false, and :class:`SaveError` for anything else that stops the write.
    """
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise SaveError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            raise SaveError(f"{path} is not a regular file; choose another name")
        if not overwrite:
            raise FileExistsError(str(path))
    if not path.parent.is_dir():
        raise SaveError(f"no folder {path.parent}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        # A new file of our own (never through a link planted at that name),
        # renamed over the old one: a reader sees the old text or the new.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with open(os.open(tmp, flags, 0o644), "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SaveError(f"cannot write {path}: {exc.strerror or exc}") from exc


@dataclass(frozen=True, slots=True)
class CommandRun:
    """How a command ended: its status, and what it wrote when it could not have the terminal."""

    status: int
    output: str = ""
    had_terminal: bool = True

    def summary(self, command: str) -> str:
        """One line for a notification."""
        name = clean_line(command)
        if len(name) > 40:
            name = name[:39] + "…"
        if self.status < 0:
            said = f"`{name}` was stopped by signal {-self.status}"
        elif self.status == 127:
            said = f"`{name}`: command not found (exit status 127)"
        else:
            said = f"`{name}` exited with status {self.status}"
        first = next((line for line in clean_line_list(self.output) if line), "")
        return f"{said}: {first}" if first else said


def clean_line_list(text: str) -> list[str]:
    return [clean_line(line) for line in text.splitlines()]


def pipe_to(app: App[Any], command: str, text: str) -> CommandRun:
    """Run *command* in the shell with *text* on its stdin, the terminal handed over to it.

    After it ends the user presses Enter to come back (as mutt's ``wait_key``
    does), so that what it printed can be read. Without a terminal to hand
    over, its output is captured (bounded) and it must end within
    :data:`CAPTURED_RUN_LIMIT`.
    """
    data = text.encode("utf-8")
    shell = ["/bin/sh", "-c", command]
    failed: OSError | None = None
    try:
        with app.suspend():
            # Nothing may raise out of this block: Textual would not take the
            # terminal back (App.suspend resumes only after a clean exit).
            try:
                status = _run_with_input(shell, data)
                _wait_for_enter(status)
            except OSError as exc:
                failed = exc
    except SuspendNotSupported:
        pass
    else:
        if failed is not None:
            raise failed
        return CommandRun(status)
    try:
        done = subprocess.run(
            shell,
            input=data,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=CAPTURED_RUN_LIMIT,
            check=False,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        return CommandRun(-9, "stopped: it ran too long", had_terminal=False)
    output = done.stdout[:CAPTURE_LIMIT].decode("utf-8", "replace")
    return CommandRun(done.returncode, output, had_terminal=False)


def _run_with_input(argv: list[str], data: bytes) -> int:
    # The text goes in through a temporary file, not a pipe: a command that
    # reads only part of it (``head``) never blocks us on a full pipe.
    with tempfile.TemporaryFile() as stdin:
        stdin.write(data)
        stdin.seek(0)
        try:
            return subprocess.run(argv, stdin=stdin, check=False).returncode
        except KeyboardInterrupt:
            return -2


def _wait_for_enter(status: int) -> None:
    out = sys.__stdout__
    tty_in = sys.__stdin__
    if out is None or tty_in is None:
        return
    with contextlib.suppress(OSError, ValueError, KeyboardInterrupt):
        out.write(f"\n[exit status {status}] Press Enter to return to Pressroom.")
        out.flush()
        tty_in.readline()


class NoTerminal(Exception):
    """The app cannot hand the terminal over here (a headless run, a web page)."""


def view_in(app: App[Any], program: list[str], text: str, name: str) -> int:
    """Show *text* in *program* (a pager, an editor) from a read-only temporary file.

    The app suspends while it runs and comes back after. Raises
    :class:`NoTerminal` where it cannot suspend, and OSError when the program
    cannot be started.
    """
    folder = Path(tempfile.mkdtemp(prefix="pressroom-"))
    path = folder / f"{name}.txt"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with open(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        # Read-only: the release is shown, not edited (an editor says so on save).
        path.chmod(0o400)
        failed: OSError | None = None
        status = 0
        try:
            with app.suspend():
                # Nothing may raise out of this block (see pipe_to).
                try:
                    status = subprocess.run([*program, str(path)], check=False).returncode
                except KeyboardInterrupt:
                    status = -2
                except OSError as exc:
                    failed = exc
        except SuspendNotSupported as exc:
            raise NoTerminal(str(exc)) from exc
        if failed is not None:
            raise failed
        return status
    finally:
        with contextlib.suppress(OSError):
            path.chmod(0o600)
            path.unlink()
        with contextlib.suppress(OSError):
            folder.rmdir()


def program_from(env_names: tuple[str, ...], default: str) -> list[str]:
    """The first of the environment variables set (``PAGER``, ``EDITOR`` ...) split as a shell would."""
    for name in env_names:
        value = os.environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = value.split()
            if words:
                return words
    return [default]
