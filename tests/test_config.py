"""config.toml: settings read, mistakes named by line, the theme remembered, keys remapped."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from store.archive import SortOrder
from tests.helpers.app_session import browse, settle
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp
from tui.cli.main import main
from tui.config import (
    DEFAULT_THEME,
    Config,
    known_bindings,
    load_config,
    remember_theme,
    theme_names,
)
from tui.screens.help import HelpScreen, help_text
from tui.widgets.search_bar import SearchBar

WIDE = (140, 40)


def checked(path: Path) -> Config:
    return load_config(path, themes=theme_names, bindings=known_bindings)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_is_every_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSROOM_DB")
    config = load_config(tmp_path / "absent.toml")
    assert not config.exists and not config.problems
    assert (config.theme, config.sort, config.reverse, config.keys) == (
        DEFAULT_THEME,
        "date",
        False,
        {},
    )
    assert config.store.name == "releases.json"
    assert set(config.origins.values()) == {"default"}


def test_every_setting_from_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSROOM_DB")
    path = write(
        tmp_path / "config.toml",
        '# mine\ntheme = "nord"\nsort = "organisation"\nreverse = true\n'
        'store = "~/press/archive.json"\nuser = "Ana"\n\n[keys]\n'
        '"browse.search" = "ctrl+f"\nbrowse.star = "x, f5"\n',
    )
    config = load_config(path, themes=theme_names, bindings=known_bindings)
    assert config.problems == []
    assert (config.theme, config.sort, config.reverse, config.user) == (
        "nord",
        "organisation",
        True,
        "Ana",
    )
    assert config.store == Path("~/press/archive.json").expanduser()
    # Quoted and dotted ids alike (TOML reads the dotted one as a nested table).
    assert config.keys == {"browse.search": "ctrl+f", "browse.star": "x,f5"}
    assert config.origins == dict.fromkeys(config.origins, "file")
    # Organisations from A, reversed: from Z.
    assert config.descending is True


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('sort = "title"\n\ntheme = "nrod"\n', 3, 'theme "nrod" is not a theme (ansi-dark'),
        ("theme = 7\n", 1, "theme must be a string, not a number"),
        ('sort = "size"\n', 1, "sort must be one of date, title, organisation, place, not 'size'"),
        ('reverse = "yes"\n', 1, "reverse must be true or false, not 'yes'"),
        ('user = ""\n', 1, "user must be a non-empty string"),
        ("colour = 3\n", 1, "unknown setting 'colour'"),
        ('# keys\n[keys]\n"browse.serch" = "x"\n', 3, "'browse.serch' is not a binding id"),
        ("[keys]\nbrowse.star = 5\n", 2, "keys for 'browse.star' must be a string"),
        ("keys = 3\n", 1, "keys must be a table"),
        ('theme = "nord\n', 1, "the file is ignored"),
        ('sort = "date"\nreverse = tru\n', 2, "the file is ignored"),
    ],
)
def test_a_mistake_is_one_line_naming_the_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path / "config.toml", text)
    config = load_config(path, themes=theme_names, bindings=known_bindings)
    assert len(config.problems) == 1, config.problems
    (problem,) = config.problems
    assert problem.startswith(f"{path}:{line}: "), problem
    assert words in problem
    assert "\n" not in problem
    # The setting in error keeps its default.
    assert config.theme == DEFAULT_THEME and config.keys == {}


def test_a_mistake_leaves_the_other_settings_in_force(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nrod"\nsort = "title"\n')
    config = load_config(path, themes=theme_names)
    assert config.sort == "title" and config.theme == DEFAULT_THEME
    assert len(config.problems) == 1


def test_a_file_that_is_not_text_or_too_large_is_named(tmp_path: Path) -> None:
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'theme = "nord"\n\xff\xfe\n')
    assert load_config(binary).problems == [f"{binary}:2: not UTF-8 text"]
    large = write(tmp_path / "large.toml", "# x\n" * 20_000)
    (problem,) = load_config(large).problems
    assert problem.startswith(f"{large}: larger than")


def test_the_store_comes_from_the_option_then_env_then_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "config.toml", f'store = "{tmp_path / "from-file.json"}"\n')
    monkeypatch.setenv("PRESSROOM_CONFIG", str(path))
    monkeypatch.delenv("PRESSROOM_DB")

    def store_and_origin(*args: str) -> tuple[str, str]:
        assert main(["config", "--json", *args]) == 0
        report = json.loads(capsys.readouterr().out)
        setting = report["settings"]["store"]
        return Path(setting["value"]).name, setting["from"]

    assert store_and_origin() == ("from-file.json", "file")
    monkeypatch.setenv("PRESSROOM_DB", str(tmp_path / "from-env.json"))
    assert store_and_origin() == ("from-env.json", "env")
    assert store_and_origin("--db", str(tmp_path / "from-option.json")) == (
        "from-option.json",
        "option",
    )


def test_commands_use_the_store_the_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = write_store(tmp_path / "configured.json")
    monkeypatch.delenv("PRESSROOM_DB")
    monkeypatch.setenv(
        "PRESSROOM_CONFIG", str(write(tmp_path / "config.toml", f'store = "{store}"\n'))
    )
    assert main(["search", "--json", "--limit", "0", "--", ""]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 8


def test_pressroom_config_prints_every_setting_aligned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nord"\n[keys]\n"app.help" = "f1"\n')
    monkeypatch.setenv("PRESSROOM_CONFIG", str(path))
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"file: {path}"
    assert "\x1b" not in out
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["theme"][1:] == ["nord", "file"]
    assert rows["sort"][1:] == ["date", "default"]
    assert rows["store"][-2:] == ["env", "(PRESSROOM_DB)"]
    assert rows["keys.app.help"][1:] == ["f1", "file"]
    # One column of values, one of origins.
    starts = {line.index(line.split()[1]) for line in lines[1:]}
    assert len(starts) == 1


def test_pressroom_config_says_when_there_is_no_file_and_reports_mistakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config"]) == 0
    assert "(not there: every setting is its default)" in capsys.readouterr().out
    path = write(tmp_path / "config.toml", 'theme = "nrod"\n')
    assert main(["config", "--json"]) == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["exists"] is True and report["file"] == str(path)
    assert report["settings"]["theme"] == {"value": DEFAULT_THEME, "from": "default"}
    assert report["problems"] == [captured.err.strip().removeprefix("pressroom: ")]


def test_config_keys_lists_every_binding_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "config.toml", '[keys]\n"browse.star" = "x"\n')
    assert main(["config", "--keys", "--json"]) == 0
    keys = json.loads(capsys.readouterr().out)
    assert keys["browse.search"] == {"key": "slash", "description": "Search"}
    assert keys["browse.star"]["key"] == "x"
    assert main(["config", "--keys"]) == 0
    assert any(
        line.split()[:2] == ["browse.star", "x"] for line in capsys.readouterr().out.splitlines()
    )


def test_other_commands_say_a_mistake_on_stderr_and_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "config.toml", "sort = 1\n")
    store = write_store(tmp_path / "r.json")
    assert main(["search", "--db", str(store), "--json", "--", ""]) == 0
    captured = capsys.readouterr()
    assert (
        captured.err
        == f"pressroom: {path}:1: sort must be one of date, title, organisation, place, not a number\n"
    )
    assert len(captured.out.splitlines()) == 8


# -- remembering the theme ----------------------------------------------------------


def test_remembering_the_theme_keeps_every_other_line(tmp_path: Path) -> None:
    text = (
        "# my settings\n"
        'theme = "nord"   # the dark one\n'
        "sort   =   'title'  # spaced as I like\n"
        "\n"
        "[keys]\n"
        '"browse.search" = "ctrl+f"\n'
    )
    path = write(tmp_path / "config.toml", text)
    assert remember_theme(path, "gruvbox") is None
    assert path.read_text() == text.replace('"nord"', '"gruvbox"')


def test_a_theme_line_is_added_above_the_first_table(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", '# mine\nsort = "title"\n[keys]\ntheme = "x"\n')
    assert remember_theme(path, "dracula") is None
    assert path.read_text() == '# mine\nsort = "title"\ntheme = "dracula"\n[keys]\ntheme = "x"\n'


def test_the_file_is_created_when_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "config.toml"
    assert remember_theme(path, "nord") is None
    assert load_config(path, themes=theme_names).theme == "nord"
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


def test_a_file_that_does_not_parse_is_left_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nord"\nsort = [\n')
    problem = remember_theme(path, "gruvbox")
    assert problem is not None and "not remembered" in problem
    assert path.read_text() == 'theme = "nord"\nsort = [\n'


def test_reading_no_file_imports_no_toml_parser(tmp_path: Path) -> None:
    """Start time: a user without a config file pays nothing for it."""
    code = "import sys; from tui.cli.main import default_db; default_db(); print('tomllib' in sys.modules)"
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PRESSROOM_CONFIG": str(tmp_path / "absent.toml"), "PATH": "/usr/bin:/bin"},
    )
    assert run.stdout.strip() == "False"


# -- the app ------------------------------------------------------------------------


async def test_the_app_takes_theme_keys_and_sort_from_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml",
        '# mine\ntheme = "nord"\nsort = "title"\n[keys]\n"browse.search" = "ctrl+f"\n',
    )
    config = checked(path)
    app = PressroomApp(write_store(tmp_path / "r.json"), config)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        assert app.theme == "nord"
        assert screen.order == SortOrder("title", descending=False)
        assert "sorted by title" in str(screen.query_one("#count", Static).render())
        await pilot.press("slash")
        assert not isinstance(app.focused, SearchBar)
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, SearchBar)
        await pilot.press("escape", "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        # What the screen shows, as a terminal of its width prints it.
        console = Console(width=88, file=io.StringIO(), record=True)
        console.print(help_text(help_screen.remapped))
        shown = console.export_text()
        assert "Your keys (config.toml)" in shown
        assert "Ctrl+F" in shown and "browse.search" in shown


async def test_a_theme_chosen_in_the_app_is_written_back(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", '# mine\ntheme = "nord"  # dark\n')
    app = PressroomApp(write_store(tmp_path / "r.json"), checked(path))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert path.read_text() == '# mine\ntheme = "nord"  # dark\n'
        app.theme = "gruvbox"
        await pilot.pause()
    assert path.read_text() == '# mine\ntheme = "gruvbox"  # dark\n'


async def test_mistakes_are_notified_and_the_app_starts_on_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nrod"\n[keys]\n"browse.nope" = "x"\n')
    app = PressroomApp(write_store(tmp_path / "r.json"), checked(path))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        messages = [n.message for n in app._notifications]
        assert f'{path}:1: theme "nrod" is not a theme' in messages[0]
        assert messages[1].startswith(f"{path}:3: 'browse.nope' is not a binding id")
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBar)
    # Nothing written: the user's file is theirs.
    assert path.read_text() == 'theme = "nrod"\n[keys]\n"browse.nope" = "x"\n'


async def test_without_a_config_the_app_never_writes_one(tmp_path: Path) -> None:
    app = PressroomApp(write_store(tmp_path / "r.json"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert not (tmp_path / "config.toml").exists()
