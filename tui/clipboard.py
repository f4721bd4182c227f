"""Copying text: OSC 52 through the terminal (over SSH too), and the local clipboard tool when there is one.

Textual's ``App.copy_to_clipboard`` writes ``ESC ] 52 ; c ; <base64> BEL`` to
the terminal, which sets the clipboard of the machine the terminal runs on,
across SSH (kitty, WezTerm, iTerm2, foot, Windows Terminal, xterm when allowed,
tmux with ``set-clipboard on``). Some terminals ignore it (macOS Terminal,
GNOME's VTE before 0.76): on a local desktop the clipboard tool is run as
well, so a copy works there too. Over SSH it is not: the tool would fill the
remote machine's clipboard, which nobody sees.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from typing import Any

from textual.app import App

# Tools started and not yet reaped (xclip stays to serve the selection).
_running: list[subprocess.Popen[bytes]] = []


def local_tool(env: Mapping[str, str], platform: str = sys.platform) -> list[str] | None:
    """The command that sets this desktop's clipboard from its stdin, or None (none, or over SSH)."""
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return None
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [
            ["xclip", "-selection", "clipboard", "-in"],
            ["xsel", "--clipboard", "--input"],
        ]
    for command in candidates:
        found = shutil.which(command[0])
        if found:
            return [found, *command[1:]]
    return None


def copy_text(app: App[Any], text: str) -> None:
    """Put *text* on the clipboard: OSC 52 always, the local tool as well when there is one."""
    app.copy_to_clipboard(text)
    if app.is_headless:
        return
    tool = local_tool(os.environ)
    if tool is not None:
        _start(tool, text)


def _start(tool: list[str], text: str) -> None:
    # Never waited on: the text goes in through a file, so a tool that is
    # slow to read (or xclip, which stays running) cannot hold the UI.
    for process in list(_running):
        if process.poll() is not None:
            _running.remove(process)
    try:
        with tempfile.TemporaryFile() as stdin:
            stdin.write(text.encode("utf-8"))
            stdin.seek(0)
            _running.append(
                subprocess.Popen(
                    tool,
                    stdin=stdin,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
    except OSError:
        # OSC 52 has been sent; a tool that fails to start is no worse.
        pass
