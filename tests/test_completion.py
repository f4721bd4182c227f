"""Shell completion: the scripts parse, and bash completes as a user's TAB would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tui.cli.completion import QUALIFIERS, completion_script
from tui.cli.main import COMMANDS, main

BASH = shutil.which("bash")
ZSH = shutil.which("zsh")


def complete(script: str, words: list[str], cwd: Path) -> list[str]:
    """What bash offers for the last of *words* (the word being completed)."""
    assert BASH is not None
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (
        f"{script}\n"
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        '_pressroom; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    run = subprocess.run(
        [BASH, "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    assert run.stderr == ""
    return [line for line in run.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def bash_script() -> str:
    return completion_script("bash")


def test_pressroom_completion_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "bash"]) == 0
    assert capsys.readouterr().out == completion_script("bash")
    assert main(["completion", "zsh"]) == 0
    assert capsys.readouterr().out.startswith("#compdef pressroom\n")


@pytest.mark.skipif(BASH is None, reason="no bash")
def test_the_bash_script_is_valid_bash(bash_script: str, tmp_path: Path) -> None:
    path = tmp_path / "pressroom.bash"
    path.write_text(bash_script)
    subprocess.run([BASH, "-n", str(path)], check=True)


@pytest.mark.skipif(ZSH is None, reason="no zsh (apt-get install zsh)")
def test_the_zsh_script_is_valid_zsh(tmp_path: Path) -> None:
    path = tmp_path / "_pressroom"
    path.write_text(completion_script("zsh"))
    subprocess.run([ZSH, "-n", str(path)], check=True)
    for command in COMMANDS:
        assert f"_pressroom_{command}()" in path.read_text()


@pytest.mark.skipif(BASH is None, reason="no bash")
def test_bash_completes_commands_options_values_and_qualifiers(
    bash_script: str, tmp_path: Path
) -> None:
    (tmp_path / "seach-notes.txt").write_text("")
    assert complete(bash_script, ["pressroom", "se"], tmp_path) == [
        "search",
        "serve",
        "seach-notes.txt",
    ]
    assert complete(bash_script, ["pressroom", "search", "--l"], tmp_path) == ["--limit"]
    assert complete(bash_script, ["pressroom", "search", "sahel", "lo"], tmp_path) == ["loc:"]
    assert set(complete(bash_script, ["pressroom", "search", "is:"], tmp_path)) == {
        q for q in QUALIFIERS if q.startswith("is:")
    }
    assert complete(bash_script, ["pressroom", "completion", ""], tmp_path) == ["bash", "zsh"]
    assert complete(bash_script, ["pressroom", "import", "--db", "seach"], tmp_path) == [
        "seach-notes.txt"
    ]
    # The options of the command being completed, not another's.
    assert complete(bash_script, ["pressroom", "serve", "--p"], tmp_path) == [
        "--port",
        "--public-url",
    ]
    assert complete(bash_script, ["pressroom", "show", "--p"], tmp_path) == []


@pytest.mark.skipif(BASH is None, reason="no bash")
def test_bash_completes_the_formats_a_command_takes(bash_script: str, tmp_path: Path) -> None:
    from tui.cli.main import _parser

    for command in COMMANDS:
        for action in _parser(command)._actions:
            if "--format" in action.option_strings and action.choices:
                offered = complete(bash_script, ["pressroom", command, "--format", ""], tmp_path)
                assert offered == [str(c) for c in action.choices]
