"""The browser under stress, through a real pseudo-terminal (SECURITY.md section 5).

One run per terminal kind (colour, ``NO_COLOR=1``, ``TERM=dumb``): the archive
holds a title of 100,000 characters without a space and a body of a million
lines beside every script and emoji; the terminal starts at 20x6, is resized
to 200x60 and back to 80x24 while keys arrive; meanwhile ``pressroom import``
adds 600 releases beside it. The browser must keep answering keys, show the
new releases, keep the star given during the import, and exit cleanly with
``q``, with no traceback on the terminal.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from store.disk.release_store import ReleaseStore
from store.ingest import read as read_module
from store.ingest import run
from store.records import Release, Source
from tests.helpers.browser_data import sample_releases, write_store
from tests.helpers.pty_session import PtySession, python_command
from tests.helpers.synthetic import write_corpus

ADDED = 600  # releases imported beside the open browser


def _huge_and_every_script() -> list[Release]:
    return [
        Release(
            id="00000000000000a1",
            title="W" * 100_000,
            body="line\n" * 1_000_000,
            source=Source("/stress/huge.txt", "txt"),
            date="2024-05-01",
        ),
        Release(
            id="00000000000000a2",
            title="👩‍👩‍👧‍👦 東京 مرحبا שלום Ελληνικά ñ̃ e\u0301 🏳️‍🌈 Zalgo z̷̢̛a̶l̵g̸o",
            body="بيان صحفي — 新闻稿 — Пресс-релиз — प्रेस विज्ञप्ति — 보도자료",
            source=Source("/stress/scripts.txt", "txt"),
            date="2024-05-02",
            location="القاهرة",
        ),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("terminal", ["xterm", "NO_COLOR", "dumb"])
def test_the_browser_keeps_working_under_stress(tmp_path: Path, terminal: str) -> None:
    releases = [*sample_releases(), *_huge_and_every_script()]
    db = write_store(tmp_path / "releases.json", releases)
    folder = tmp_path / "incoming"
    write_corpus(folder, ADDED, seed=5)
    env = {"NO_COLOR": "1"} if terminal == "NO_COLOR" else {}
    if terminal == "dumb":
        env["TERM"] = "dumb"
    total = len(releases)
    session = PtySession(
        python_command("tui", "--db", str(db)), cols=20, rows=6, cwd=tmp_path, env=env
    )
    with session:
        session.wait_for_quiet(0.5, timeout=30)
        session.resize(200, 60)
        session.press("j", "j", "k")
        session.wait_for_screen(f"{total} of {total}", timeout=30)
        session.resize(80, 24)
        session.send("/W")
        session.wait_for_quiet(0.3, timeout=30)
        session.press("backspace")
        session.wait_for_quiet(0.3, timeout=30)
        session.press("enter")  # the search emptied, back in the list
        session.resize(200, 60)
        session.wait_for_screen(f"{total} of {total}", timeout=30)
        importer = subprocess.Popen(
            [sys.executable, "-m", "tui", "import", str(folder), "--db", str(db)],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            # Keys while the import writes beside the browser.
            session.press("j")
            session.wait_for_quiet(0.3, timeout=30)
            session.press("s")
            session.wait_for_screen("★", timeout=30)
            for _ in range(20):
                session.press("j", "k")
            _, errors = importer.communicate(timeout=300)
        finally:
            if importer.poll() is None:
                importer.kill()
        assert importer.returncode == 0, errors.decode(errors="replace")
        grown = total + ADDED
        session.wait_for_screen(f"{grown} releases", timeout=60)
        session.resize(80, 24)
        session.press("j")
        session.wait_for_quiet(0.5, timeout=30)
        screen = session.screen_text()
        session.press("q")
        status = session.wait_exit(30)
    assert status == 0, session.describe()
    assert b"Traceback" not in session.output, session.describe()
    assert "of" in screen
    with ReleaseStore(db) as store:
        assert len(store) == grown
        starred = [i for i, state in store.states().items() if state.starred]
    assert len(starred) == 1


def _spinning_reader(data: bytes) -> list[Any]:
    if b"SPIN" in data:
        while True:  # a parser stuck for ever (a runaway regular expression, say)
            pass
    return _plain_reader(data)


_plain_reader = read_module._READERS["txt"]


def test_a_stuck_parse_is_stopped_in_the_import_workers_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers are forked: they run with the limits and the reader set here.
    monkeypatch.setattr(read_module, "PARSE_SECONDS", 0.5)
    monkeypatch.setitem(read_module._READERS, "txt", _spinning_reader)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(run.PARALLEL_THRESHOLD + 20):
        text = "SPIN" if n == 7 else f"Harbour notice {n}\n\nGENEVA, 3 March 2024 - Number {n}."
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    with ReleaseStore(tmp_path / "releases.json") as store:
        summary = run.import_paths(store, [str(folder)], workers=2)
    assert summary.failed == [(str(folder / "007.txt"), "parse time limit exceeded")]
    assert summary.imported == run.PARALLEL_THRESHOLD + 19
