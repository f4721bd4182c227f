"""The command line contract: import, parse, search, show, errors as one line, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.archive import Archive
from store.disk.release_store import ReleaseStore
from store.search import index_file as index_cache
from tests.conftest import ROOT, SAMPLES, SEED
from tui.cli.main import default_db, main

RELEASE = """PRESS RELEASE

Harbour authority opens a new ferry terminal

PORTSMOUTH, 3 March 2024 – The Solent Harbour Authority today opened its new ferry terminal.

Media contact: Jane Roe, Press Officer, press@harbour.example, +44 20 7946 0123
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "terminal.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process (no terminal: plain output)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_import_summarises_and_reports_each_failed_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "imported 2, updated 0, already known 0, failed 1" in err
    assert "empty.txt" in err
    # The search index is built with the import, for the browser to load.
    with ReleaseStore(db) as store:
        archive = Archive(store)
        assert index_cache.load(index_cache.cache_path(db), archive.releases) is not None
    # Again: nothing new.
    assert main(["import", str(folder), "--db", str(db)]) == 0
    assert "imported 0, updated 0, already known 2, failed 1" in capsys.readouterr().err
    # An edited file updates its release instead of adding one.
    (folder / "terminal.txt").write_text(RELEASE.replace("new ferry", "larger ferry"), "utf-8")
    assert main(["import", str(folder / "terminal.txt"), "--db", str(db)]) == 0
    assert "imported 0, updated 1" in capsys.readouterr().err
    with ReleaseStore(db) as store:
        assert len(store) == 2


def test_import_fails_only_when_nothing_could_be_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["import", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "s.json")]) == 1
    assert "failed 1" in capsys.readouterr().err


def test_parse_prints_one_json_object_per_line_and_stores_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(folder / "terminal.txt"), str(folder / "seed.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["title"] == "Harbour authority opens a new ferry terminal"
    assert first["date"] == "2024-03-03" and first["location"] == "PORTSMOUTH"
    assert first["contacts"][0]["email"] == "press@harbour.example"
    assert set(first) >= {
        "id",
        "kicker",
        "organisations",
        "people",
        "links",
        "language",
        "body",
        "source",
    }
    assert not default_db().exists()


def test_search_show_and_json_forms(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.json")
    main(["import", str(folder), "--db", db])
    capsys.readouterr()
    assert main(["search", "ferry", "--db", db, "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["title"] for h in hits] == ["Harbour authority opens a new ferry terminal"]
    assert main(["search", "org:unoct", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Marrakech" in out and "\x1b" not in out
    assert main(["search", "a", "--db", db, "--limit", "1", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    release_id = hits[0]["id"]
    assert main(["show", release_id[:6], "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == release_id
    assert main(["show", release_id, "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "PORTSMOUTH" in shown and "press@harbour.example" in shown


def test_search_takes_words_to_leave_out_as_the_query_language_writes_them(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`pressroom search harbour -dredging`: "-dredging" is the query's, not an unknown option."""
    db = str(tmp_path / "store.json")
    main(["import", str(folder), "--db", db])
    capsys.readouterr()

    def titles(*args: str) -> list[str]:
        assert main(["search", *args, "--db", db, "--json"]) == 0
        return [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]

    assert titles("ferry") == ["Harbour authority opens a new ferry terminal"]
    assert titles("ferry", "-terminal") == []
    assert titles("ferry", '-"new ferry"', "--limit", "5") == []
    assert titles("--limit=5", "ferry", "-marrakech") == titles("ferry")
    assert main(["search", "--db", db, "--json", "--", "ferry", "-terminal"]) == 0
    assert capsys.readouterr().out == ""  # after --, every argument is the query's


def test_the_store_follows_pressroom_db(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "from-env.json"
    result = run("import", str(folder), env={"PRESSROOM_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["show", "nope"], 2, "no release with id"),
        (["search", "x", "--limit", "-1"], 2, "--limit must be 0 or more"),
        (["frobnicate"], 2, "neither a command"),
        (["search"], 2, "the following arguments are required"),
    ],
)
def test_errors_are_one_clear_line(
    args: list[str], status: int, message: str, tmp_path: Path
) -> None:
    result = run(*args, "--db", str(tmp_path / "s.json"))
    assert result.returncode == status
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("pressroom: ")
    assert "Traceback" not in result.stderr


def test_a_damaged_store_is_set_aside_with_one_line(tmp_path: Path) -> None:
    """A command that writes (import) moves a damaged store aside; one that reads does not."""
    db = tmp_path / "s.json"
    db.write_bytes(b'{"releases": {"1": {"title": ')
    release = next(SAMPLES.rglob("*.txt"))
    result = run("import", str(release), "--db", str(db))
    assert result.returncode == 1
    assert "damaged" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob("s.json.damaged-*"))


def test_the_browser_refuses_a_non_terminal_with_a_clear_line(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "s.json"))
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("pressroom ")
    assert "import PATH" in run("--help").stdout


def test_bundled_samples_import_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLES), "--db", str(tmp_path / "s.json")]) == 0
    assert ", failed 0 " in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [b"my notes, not a store\n", b'{"releases": {"1": {"title": ', b"", b"[1, 2, 3]"],
    ids=["text", "truncated", "empty", "a-list"],
)
@pytest.mark.parametrize("command", [["search", "harbour"], ["show", "abc"]])
def test_a_command_that_only_reads_changes_nothing_on_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, command: list[str]
) -> None:
    """SECURITY.md D11: `search` and `show` given a file that is not a store touch nothing."""
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    status = main([*command, "--db", str(path)])
    err = capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]
    assert path.read_bytes() == content
    if content:
        assert status == 1 and "nothing was changed" in err and "Traceback" not in err


def test_file_names_that_are_not_utf8_or_hold_escapes_import_and_print_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One such name once stopped a whole folder's import ("a text holds a lone surrogate")."""
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    files = {
        b"caf\xe9.txt": b"A title about harbours\n\nBody.",
        b"esc\x1b]0;PWNED\x07.txt": b"Escape in the name\n\nBody.",
        b"empty\xff\x1b[2J.txt": b"",
    }
    for name, content in files.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
    db = str(tmp_path / "store.json")
    assert main(["import", os.fsdecode(folder), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "empty file" in err and "imported 2" in err
    assert main(["parse", os.fsdecode(folder)]) == 0
    parsed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["title"] for r in parsed) == ["A title about harbours", "Escape in the name"]
    assert all("\x1b" not in r["source"]["path"] for r in parsed)
    assert main(["import", os.fsdecode(folder), "--db", db]) == 0  # the same releases again
    assert "already known 2" in capsys.readouterr().err


def test_piped_search_is_tab_separated_and_says_when_a_limit_cuts_it(
    folder: Path, tmp_path: Path
) -> None:
    """Issue 14: `cut -f1` works on piped results, and a cut result says so on stderr."""
    db = str(tmp_path / "store.json")
    assert run("import", str(folder), "--db", db).returncode == 0
    result = run("search", "a", "--db", db, "--limit", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    fields = lines[0].split("\t")
    assert len(fields) == 5 and len(fields[0]) == 16  # id, date, organisation, place, title
    assert "1 of 2 shown; --limit 0 for all" in result.stderr
    everything = run("search", "a", "--db", db, "--limit", "0")
    assert len(everything.stdout.splitlines()) == 2
    assert "shown" not in everything.stderr


def test_piped_show_is_not_hard_wrapped(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.json")
    assert run("import", str(folder), "--db", db).returncode == 0
    release_id = run("search", "ferry", "--db", db).stdout.split("\t")[0]
    shown = run("show", release_id, "--db", db, env={"COLUMNS": "40"}).stdout
    lead = "PORTSMOUTH, 3 March 2024 – The Solent Harbour Authority today opened its new ferry"
    assert any(line.startswith(lead) for line in shown.splitlines()), shown


def test_prefix_makes_the_last_word_a_prefix_as_in_the_browser(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.json")
    main(["import", str(folder), "--db", db])
    capsys.readouterr()
    assert main(["search", "ferr", "--db", db, "--json"]) == 0
    assert capsys.readouterr().out == ""  # a whole word: "ferr" is not in the text
    assert main(["search", "--prefix", "ferr", "--db", db, "--json"]) == 0
    hits = [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]
    assert hits == ["Harbour authority opens a new ferry terminal"]


def test_search_and_show_name_the_issuer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.browser_data import sample_releases, write_store

    issued = [r.with_changes(issuer="Harbour Board of Lisbon") for r in sample_releases()[:1]]
    db = str(write_store(tmp_path / "store.json", issued))
    assert main(["search", "issuer:lisbon", "--db", db]) == 0
    [row] = capsys.readouterr().out.splitlines()
    assert row.split("\t")[2] == "Harbour Board of Lisbon"
    assert main(["show", issued[0].id, "--db", db]) == 0
    assert "issued by Harbour Board of Lisbon" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["search", "x"], ["show", "abc"], ["import", "-"]])
def test_a_directory_in_place_of_the_store_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = tmp_path / "releases.json"
    db.mkdir()
    assert main([*command, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"pressroom: {db} is a directory, not a store; nothing was changed"
    ]
    assert db.is_dir() and not any(db.iterdir())


def test_commands_that_only_read_import_no_reader_or_extractor(
    folder: Path, tmp_path: Path
) -> None:
    """`search` and `show` of a scripted loop start in a tenth of a second less
    when the importers (readers, extractors, feedparser) stay unimported."""
    db = str(tmp_path / "store.json")
    assert main(["import", str(folder), "--db", db]) == 0
    with ReleaseStore(db) as store:
        release_id = store.releases()[0].id
    heavy = ("store.ingest.run", "store.ingest.build", "store.ingest.extract.anatomy", "feedparser")
    for args in (["search", "ferry"], ["search", "ferry", "--json"], ["show", release_id[:8]]):
        code = (
            "import sys\n"
            "from tui.cli.main import main\n"
            f"status = main({[*args, '--db', db]!r})\n"
            f"print(status, sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert out.stderr.strip().splitlines()[-1] == "0 []", (args, out.stderr)
