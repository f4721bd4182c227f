"""The command line in scripts: --json where a command prints data, plain text when piped, examples in --help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.browser_data import write_store
from tui.cli.main import COMMANDS, _parser, main

ROOT = Path(__file__).resolve().parent.parent
# Each command that prints data, and what it needs to print some.
PRINTS_DATA = ("import", "search", "show", "doctor", "config", "export", "contacts")


@pytest.mark.parametrize("command", ["browse", *COMMANDS])
def test_every_command_has_help_with_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--help"] if command == "browse" else [command, "--help"]
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    prog = "pressroom" if command == "browse" else f"pressroom {command}"
    examples = out[out.index("examples:") :].splitlines()[1:]
    assert any(line.strip().startswith(prog) for line in examples), out


@pytest.mark.parametrize("command", PRINTS_DATA)
def test_every_command_that_prints_data_has_json(command: str) -> None:
    if command not in COMMANDS:
        pytest.skip(f"pressroom {command} is not there yet")
    options = {o for action in _parser(command)._actions for o in action.option_strings}
    assert "--json" in options


def test_the_browser_lists_every_command_in_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    listed = out[out.index("commands:") : out.index("examples:")]
    for command in COMMANDS:
        assert command in listed.split() or f"{command}" in listed, command


def test_import_json_is_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    db = tmp_path / "r.json"
    status = main(["import", str(ROOT / "samples" / "un"), str(bad), "--db", str(db), "--json"])
    assert status == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["imported"] == 5 and summary["updated"] == 0 and summary["files"] == 6
    assert [f["path"] for f in summary["failed"]] == [str(bad)]
    assert "imported 5" not in captured.err  # the text summary is not printed as well
    main(["import", str(ROOT / "samples" / "un"), "--db", str(db), "--json"])
    again = json.loads(capsys.readouterr().out)
    assert again["imported"] == 0 and again["known"] + again["unchanged_files"] >= 5


def test_doctor_json_reports_and_repairs_only_with_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A store written without `pressroom import`: no catalogue nor index beside it yet.
    db = write_store(tmp_path / "r.json")
    index = tmp_path / "r.json.index"
    status = main(["doctor", "--db", str(db), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1 and "repairs" not in report
    assert report["store"].endswith("r.json")
    assert {f["file"] for f in report["files"]} >= {"r.json", "r.json.index"}
    problems = {p["file"]: p["repair"] for p in report["problems"]}
    assert problems["r.json.index"] == "build it now"
    assert not index.exists()  # nothing changed without --yes, and nothing asked
    assert main(["doctor", "--db", str(db), "--json", "--yes"]) == 0
    fixed = json.loads(capsys.readouterr().out)
    assert {r["file"] for r in fixed["repairs"]} == set(problems)
    assert fixed["after"]["problems"] == [] and index.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["search", "--", ""],
        ["show", "SHOW"],
        ["doctor"],
        ["config"],
        ["import", str(ROOT / "samples" / "un")],
    ],
)
def test_piped_output_is_plain_text(tmp_path: Path, args: list[str]) -> None:
    db = write_store(tmp_path / "r.json")
    if args == ["show", "SHOW"]:
        first = subprocess.run(
            [sys.executable, "-m", "tui", "search", "--db", str(db), "--", ""],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        args = ["show", first.split("\t")[0]]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    run = subprocess.run(
        [sys.executable, "-m", "tui", args[0], "--db", str(db), *args[1:]],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    assert run.stdout or run.stderr
    assert b"\x1b" not in run.stdout and b"\x1b" not in run.stderr
