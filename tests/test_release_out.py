"""Issue 11, item 2: a release out to other tools (save, pipe, pager, editor) and the result marked read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from store.records import Release
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import sample_releases, write_store
from tests.helpers.pty_session import PtySession, python_command
from tui.app import PressroomApp
from tui.release_out import file_stem
from tui.screens.browse import BrowseScreen
from tui.screens.prompt import Confirm, Prompt
from tui.widgets.search_bar import SearchBar

WIDE = (140, 40)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json", sample_releases())


def shown_by_pressroom_show(db: Path, release: Release) -> str:
    """What ``pressroom show ID`` prints into a pipe: the text every tool is given."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", "show", release.id, "--db", str(db)],
        capture_output=True,
        check=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return done.stdout.decode("utf-8")


def notices(app: PressroomApp) -> list[str]:
    return [n.message for n in app._notifications]


def current(app: PressroomApp) -> Release:
    release = browse(app).release_target()
    assert release is not None
    return release


# -- w: save -----------------------------------------------------------------


async def test_w_saves_what_pressroom_show_prints_and_never_overwrites_unasked(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        release = current(app)
        await pilot.press("w")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, Prompt)
        target = home / f"{file_stem(release)}.txt"
        assert prompt.query_one("#prompt-input").value == str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text == shown_by_pressroom_show(db, release)
        assert "\x1b" not in text and release.title in text
        assert notices(app)[-1] == f"Saved to {target}"

        # The same name again: asked; "n" keeps the file as it is.
        target.write_text("mine", encoding="utf-8")
        await pilot.press("w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine"
        # "y" replaces it, whole, and nothing is left beside it.
        await pilot.press("w", "enter", "y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == text
        assert sorted(p.name for p in home.iterdir()) == [target.name]


async def test_w_remembers_the_folder_and_says_when_it_cannot_write(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    elsewhere = tmp_path / "clippings"
    elsewhere.mkdir()
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        prompt_value = "#prompt-input"
        await pilot.press("w")
        await pilot.pause()
        field = app.screen.query_one(prompt_value)
        field.value = str(elsewhere / "a.txt")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert (elsewhere / "a.txt").exists()
        await pilot.press("j", "w")
        await pilot.pause()
        value = app.screen.query_one(prompt_value).value  # type: ignore[attr-defined]
        assert Path(value).parent == elsewhere, "the last folder used is offered next"
        app.screen.query_one(prompt_value).value = str(tmp_path / "missing" / "b.txt")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert notices(app)[-1] == f"no folder {tmp_path / 'missing'}"


# -- |: pipe -------------------------------------------------------------------


async def test_pipe_gives_the_release_to_a_command_on_its_stdin(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "piped.txt"
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        release = current(app)
        await pilot.press("vertical_line")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        await pilot.press(*f"cat > {out}", "enter")
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == shown_by_pressroom_show(db, release)
        assert notices(app)[-1].endswith("exited with status 0")
        # The last command is offered again; a failing one says its status.
        await pilot.press("vertical_line")
        await pilot.pause()
        field = app.screen.query_one("#prompt-input")
        assert field.value == f"cat > {out}"  # type: ignore[attr-defined]
        field.value = "echo nope >&2; exit 3"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert notices(app)[-1] == "`echo nope >&2; exit 3` exited with status 3: nope"


async def test_pager_and_editor_need_a_terminal_and_say_so_without_one(db: Path) -> None:
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Save to a file"] == "key: w" and helps["Pipe to a command"] == "key: |"
        assert helps["Open in the pager"] == "key: p" and helps["Open in the editor"] == "key: E"
        assert helps["Mark all read"] == "key: A"
        await pilot.press("p")
        await pilot.pause()
        assert "needs the terminal" in notices(app)[-1]
        await pilot.press("E")
        await pilot.pause()
        assert "needs the terminal" in notices(app)[-1]
        assert isinstance(app.screen, BrowseScreen)


# -- A: mark the result read -------------------------------------------------


async def test_a_marks_every_release_of_the_result_read_after_asking(db: Path) -> None:
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        assert screen.result is not None
        ids = screen.result.release_ids()
        marks = app.session.marks
        await pilot.press("A")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, Confirm)
        assert confirm.question == f"Mark {len(ids)} releases read?"
        await pilot.press("n")
        await pilot.pause()
        assert not any(marks.state(i).read for i in ids)
        await pilot.press("A", "y")
        await pilot.pause()
        assert all(marks.state(i).read for i in ids)
        # Written to the store with the other marks (debounced, then saved).
        app.session.save_marks()
        await settle(pilot)
    with ReleaseStore(db) as store:
        assert all(store.state(i).read for i in ids)


async def test_a_on_one_unread_release_marks_it_without_asking(db: Path) -> None:
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        bar.value = "cholera "
        await settle(pilot)
        screen = browse(app)
        assert screen.result is not None and len(screen.result) == 1
        (only,) = screen.result.release_ids()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.session.marks.state(only).read


# -- through a real terminal: the app hands it over and takes it back ---------


def _recorder(folder: Path, name: str) -> Path:
    """A program that keeps a copy of the file it is given, its mode and its path."""
    script = folder / name
    log = folder / f"{name}.got"
    script.write_text(
        "#!/bin/sh\n"
        f'cp "$1" "{log}.tmp"\n'
        f'stat -c %a "$1" > "{log}.mode"\n'
        f'echo "$1" > "{log}.path"\n'
        f'mv "{log}.tmp" "{log}"\n'
    )
    script.chmod(0o755)
    return log


@pytest.mark.parametrize(("key", "variable"), [("p", "PAGER"), ("E", "EDITOR")])
def test_pager_and_editor_get_the_release_and_the_app_comes_back(
    db: Path, tmp_path: Path, key: str, variable: str
) -> None:
    log = _recorder(tmp_path, variable.lower())
    env = {"PAGER": "", "VISUAL": "", "EDITOR": "", variable: str(tmp_path / variable.lower())}
    session = PtySession(
        python_command("tui", "--db", str(db)), cols=140, rows=36, cwd=tmp_path, env=env
    )
    with session:
        session.wait_for_screen("8 of 8")
        session.press(key)
        session.wait_for(lambda s: log.exists(), f"the {variable} program to run")
        # Back from it: the app draws its list again and takes keys.
        session.wait_for_screen("8 of 8")
        session.press("q")
        assert session.wait_exit() == 0
    text = log.read_text(encoding="utf-8")
    assert text.startswith("PRESS RELEASE\n") and "\x1b" not in text
    assert Path(f"{log}.mode").read_text().strip() == "400", "the file given is not read-only"
    given = Path(Path(f"{log}.path").read_text().strip())
    assert not given.exists(), "the temporary file was left behind"


def test_pipe_through_a_real_terminal_waits_for_enter_then_comes_back(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "piped.txt"
    session = PtySession(python_command("tui", "--db", str(db)), cols=140, rows=36, cwd=tmp_path)
    with session:
        session.wait_for_screen("8 of 8")
        session.press("|")
        session.wait_for_screen("Pipe the release to a command")
        session.type_text(f"cat > {out.name}")
        session.press("enter")
        session.wait_for_screen("Press Enter to return to Pressroom")
        assert out.read_text(encoding="utf-8").startswith("PRESS RELEASE\n")
        session.press("enter")
        session.wait_for_screen("exited with status 0")
        session.press("q")
        assert session.wait_exit() == 0
