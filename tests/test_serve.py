"""``pressroom serve`` in a real browser: headless Chromium, driven through the DevTools protocol.

The page draws the terminal on a canvas (xterm.js), which has no text to read;
a script added before the page's own records the bytes the page receives on
its WebSocket (what xterm.js draws) and the size it asks for, and the pty
harness's screen model turns them into rows. Keys are typed as a person
would, through Chromium's input events into the page's terminal. The
protocol is spoken with aiohttp, which textual-serve brings anyway.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pty_session import ScreenModel

aiohttp = pytest.importorskip("aiohttp", reason="pressroom serve needs the serve extra")
pytest.importorskip("textual_serve", reason="pressroom serve needs the serve extra")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium: apt-get install chromium (.ci/run installs it) to test pressroom serve",
    ),
]
DEADLINE = 60.0  # seconds for each thing awaited; the machine is shared

# Runs in the page before its own scripts: keeps what the terminal receives.
RECORDER = """
window.__bytes = [];
window.__size = null;
const Original = window.WebSocket;
window.WebSocket = function (url, protocols) {
    const socket = protocols === undefined ? new Original(url) : new Original(url, protocols);
    const asked = new URL(url).searchParams;
    window.__size = [Number(asked.get("width")), Number(asked.get("height"))];
    socket.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
            window.__bytes.push(...new Uint8Array(event.data));
        }
    });
    const send = socket.send.bind(socket);
    socket.send = (data) => {
        if (typeof data === "string" && data.startsWith('["resize"')) {
            const size = JSON.parse(data)[1];
            window.__size = [size.width, size.height];
        }
        send(data);
    };
    return socket;
};
window.WebSocket.prototype = Original.prototype;
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "releases.json"
    subprocess.run(
        [sys.executable, "-m", "tui", "import", str(ROOT / "samples"), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    return db


@contextlib.contextmanager
def _serving(db: Path, cwd: Path) -> Any:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port), "--db", str(db)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        yield server, port, first
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, 15)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait(10)


class Page:
    """One Chromium tab, spoken to over the DevTools protocol."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.ids = itertools.count(1)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), DEADLINE)
            if message.get("id") == number:
                assert "error" not in message, message
                return dict(message.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def screen(self) -> list[str]:
        """What the page's terminal shows now, row by row."""
        size = await self.evaluate("window.__size")
        data = await self.evaluate("window.__bytes")
        if not size or not data:
            return []
        model = ScreenModel(int(size[0]), int(size[1]))
        model.feed(codecs.decode(bytes(data), "utf-8", errors="replace"))
        return model.lines()

    async def wait_for(self, text: str, *, gone: bool = False) -> list[str]:
        deadline = time.monotonic() + DEADLINE
        lines: list[str] = []
        while time.monotonic() < deadline:
            lines = await self.screen()
            if (text in "\n".join(lines)) != gone:
                return lines
            await asyncio.sleep(0.2)
        state = "gone" if gone else "shown"
        raise AssertionError(f"{text!r} not {state} in the page:\n" + "\n".join(lines))

    async def type(self, text: str) -> None:
        await self.send("Input.insertText", text=text)

    async def enter(self) -> None:
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.send("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **key)


@contextlib.asynccontextmanager
async def _chromium(profile: Path) -> AsyncIterator[Page]:
    assert CHROMIUM is not None
    browser = subprocess.Popen(
        [
            CHROMIUM,
            *("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"),
            *("--remote-debugging-port=0", f"--user-data-dir={profile}"),
            *("--window-size=1000,800", "about:blank"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + DEADLINE
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline, "chromium did not start"
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as answer:
                targets = await answer.json()
            target = next(t for t in targets if t["type"] == "page")
            async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = Page(ws)
                await page.send("Page.enable")
                await page.send("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
                yield page
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(browser.pid, 9)
        browser.wait(10)


def test_the_page_shows_the_archive_and_takes_keys(samples_store: Path, tmp_path: Path) -> None:
    first = subprocess.run(
        # --prefix: the last word counts as the browser counts the word being typed.
        [
            sys.executable,
            "-m",
            "tui",
            "search",
            "--prefix",
            "harbour",
            "--json",
            *("--db", str(samples_store)),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    hits = [json.loads(line) for line in first]
    count = f"{len(hits)} of 52"
    assert 1 < len(hits) < 52
    title = hits[0]["title"]

    async def drive(url: str) -> None:
        # A short profile path: Chromium's socket names have a length limit.
        with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
            async with _chromium(Path(profile)) as page:
                await page.send("Page.navigate", url=url)
                await page.wait_for("52 of 52")
                assert await page.evaluate("document.body.classList.contains('-first-byte')")
                await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
                await page.type("/")
                await page.type("harbour")
                await page.wait_for(count)
                # Enter, Enter at once: the first leaves the bar for the list, the second
                # opens the release under the cursor (even when it arrives before the
                # first has been handled).
                await page.enter()
                await page.enter()
                await page.wait_for(count, gone=True)  # the reader, full screen
                lines = await page.wait_for(title[:30])
                assert not any("Traceback" in line for line in lines)

    with _serving(samples_store, tmp_path) as (server, port, said):
        url = f"http://127.0.0.1:{port}"
        assert said.strip() == f"Pressroom is served at {url} (Ctrl+C stops it)", said
        asyncio.run(drive(url))
        assert server.poll() is None


def test_a_port_in_use_is_one_line(samples_store: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "tui", "serve", "--port", str(port), "--db", str(samples_store)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2
    assert run.stderr.startswith(f"pressroom: cannot listen on 127.0.0.1:{port}: "), run.stderr
    assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr
