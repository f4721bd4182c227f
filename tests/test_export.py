"""Exports: CSV read back by the csv module, JSON by json, Markdown escaped, the round trip
through an import with marks and tags, `pressroom export`, and `e` in the browser."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.archive import Archive
from store.disk.release_store import ReleaseState, ReleaseStore
from store.export import CSV_COLUMNS, export_to_file, markdown_text, write_export
from store.records import Contact, Link, Release
from store.search.query import parse_query
from tests.helpers.app_session import settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.screens.export import ExportDialog, with_suffix

ROOT = Path(__file__).resolve().parent.parent
WIDE = (140, 40)

HOSTILE_TITLE = 'Comma, "quote"\nnew line: Zürich 東京 =HYPERLINK("http://evil.example","x")'


def hostile_releases() -> list[Release]:
    releases = sample_releases()
    first = releases[0].with_changes(
        title=HOSTILE_TITLE,
        location="=1+1",
        issuer="@SUM(A1:A9)",
        organisations=("+cmd|' /C calc'!A0", "-2+3"),
        contacts=(Contact(name="Ana, Ruiz", email="ana@example.org", phone="+34 91 555 0101"),),
        links=(Link("site", "https://example.org/a b"), Link("bad", "javascript:alert(1)")),
        tags=("climate", "[bold]x[/bold]"),
    )
    return [first, *releases[1:]]


STATES = {
    sample_releases()[0].id: ReleaseState(read=True, starred=True, tags=("Mine", "Sea level")),
    sample_releases()[1].id: ReleaseState(tags=("=danger",)),
}


def exported(fmt: str, releases: list[Release] | None = None) -> bytes:
    out = io.BytesIO()
    count = write_export(out, fmt, releases or hostile_releases(), STATES)
    assert count == len(releases or hostile_releases())
    return out.getvalue()


def test_csv_reads_back_with_the_csv_module_and_opens_as_utf8_in_a_spreadsheet() -> None:
    data = exported("csv")
    assert data.startswith("\ufeff".encode())  # Excel takes it as UTF-8 only with the mark
    assert b"\r\n" in data  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(sample_releases())
    first = dict(zip(rows[0], rows[1], strict=True))
    # Commas, quotes and non-ASCII survive; the line break inside a headline is a space.
    assert first["headline"] == (
        'Comma, "quote" new line: Zürich 東京 =HYPERLINK("http://evil.example","x")'
    )
    # A cell a spreadsheet would run as a formula starts with ' instead.
    assert first["place"] == "'=1+1"
    assert first["issuer"] == "'@SUM(A1:A9)"
    assert first["organisations"] == "'+cmd|' /C calc'!A0; -2+3"
    assert first["tags"] == "climate; [bold]x[/bold]"
    assert first["my_tags"] == "Mine; Sea level"
    assert (first["read"], first["starred"]) == ("yes", "yes")
    assert first["url"] == "https://example.org/a b"  # only an openable link
    assert first["contacts"] == "Ana, Ruiz <ana@example.org> +34 91 555 0101"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["my_tags"] == "'=danger"
    assert (second["read"], second["starred"]) == ("no", "no")


def test_json_lines_and_json_read_back_with_the_marks() -> None:
    lines = exported("jsonl").decode().splitlines()
    records = [json.loads(line) for line in lines]  # as jq reads it: one object a line
    assert [r["id"] for r in records] == [r.id for r in hostile_releases()]
    assert records[0]["title"] == HOSTILE_TITLE
    assert records[0]["marks"] == {"read": True, "starred": True, "tags": ["Mine", "Sea level"]}
    assert records[2]["marks"] == {"read": False, "starred": False, "tags": []}
    assert records[0]["fingerprint"] == hostile_releases()[0].fingerprint
    assert json.loads(exported("json")) == records
    empty = io.BytesIO()
    assert write_export(empty, "json", [], {}) == 0
    assert json.loads(empty.getvalue()) == []


def test_markdown_digest_shows_hostile_text_as_text() -> None:
    text = exported("md").decode()
    assert text.startswith("# Pressroom export\n")
    assert '## Comma, "quote" new line: Zürich 東京 =HYPERLINK("http://evil.example","x")' in text
    assert "<https://example.org/a%20b>" in text
    assert "javascript:" not in text
    assert markdown_text("[Click](javascript:alert(1)) <script>") == (
        "\\[Click\\](javascript:alert(1)) \\<script\\>"
    )
    assert "Tags: Mine, Sea level, climate, \\[bold\\]x\\[/bold\\]" in text


def test_an_export_streams_writing_before_the_last_release_is_read() -> None:
    releases = sample_releases()
    out = io.BytesIO()
    seen_before_last: list[int] = []

    def one_at_a_time() -> Iterator[Release]:
        for number, release in enumerate(releases * 200):
            if number == len(releases) * 200 - 1:
                seen_before_last.append(len(out.getvalue()))
            yield release

    for fmt in ("csv", "jsonl", "json", "md"):
        out.seek(0)
        out.truncate()
        seen_before_last.clear()
        write_export(out, fmt, one_at_a_time(), {})
        assert seen_before_last and seen_before_last[0] > 0, fmt


def test_an_export_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def broken() -> Iterator[Release]:
        yield sample_releases()[0]
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        export_to_file(target, "csv", broken(), {})
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary left
    assert export_to_file(target, "csv", sample_releases(), {}) == len(sample_releases())
    assert target.read_bytes().startswith("\ufeffid,".encode())


# -- the command line -------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.fixture
def marked_store(tmp_path: Path) -> Path:
    # As an import stores them: every field read the tolerant way (a title on one line).
    releases = [Release.from_json(r.to_document()) for r in hostile_releases()]
    path = write_store(tmp_path / "releases.json", releases)
    with ReleaseStore(path) as store:
        store.set_starred([releases[0].id])
        store.set_read([releases[0].id, releases[3].id])
        store.change_tags({releases[0].id: {"mine": "Mine"}, releases[2].id: {"w": "Water"}})
    return path


def test_export_then_import_into_an_empty_archive_loses_nothing(
    marked_store: Path, tmp_path: Path
) -> None:
    for fmt in ("jsonl", "json"):
        out = tmp_path / f"all.{fmt}"
        done = run("export", "--db", str(marked_store), "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert f"exported {len(hostile_releases())} releases" in done.stderr
        fresh = tmp_path / f"fresh-{fmt}.json"
        imported = run("import", str(out), "--db", str(fresh))
        assert imported.returncode == 0, imported.stderr
        with ReleaseStore(marked_store) as before, ReleaseStore(fresh) as after:
            assert {r.id: r.to_json() for r in before.releases()} == {
                r.id: r.to_json() for r in after.releases()
            }
            assert dict(before.states()) == dict(after.states())


def test_an_import_of_an_export_never_undoes_the_marks_of_the_target(
    marked_store: Path, tmp_path: Path
) -> None:
    releases = hostile_releases()
    out = tmp_path / "marked.jsonl"
    assert run("export", "--db", str(marked_store), "-o", str(out)).returncode == 0
    target = write_store(tmp_path / "target.json", hostile_releases())
    with ReleaseStore(target) as store:
        store.set_starred([releases[1].id])  # starred here, not in the export
        store.change_tags({releases[0].id: {"here": "here"}})
    assert run("import", str(out), "--db", str(target)).returncode == 0
    with ReleaseStore(target) as store:
        assert store.state(releases[1].id).starred  # a star stays
        assert store.state(releases[0].id) == ReleaseState(True, True, ("here", "Mine"))
        assert store.state(releases[2].id).tags == ("Water",)


def test_pressroom_export_takes_the_query_language_and_sorts_as_search(marked_store: Path) -> None:
    done = run("export", "--db", str(marked_store), "date:2021..2024", "-cholera", "-f", "jsonl")
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    searched = run(
        "search", "--db", str(marked_store), "date:2021..2024", "-cholera", "--limit", "0"
    )
    assert ids == [line.split("\t")[0] for line in searched.stdout.splitlines()]
    assert ids
    csv_out = run("export", "--db", str(marked_store), "tag:mine", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout.lstrip("\ufeff"), newline="")))
    assert [row["id"] for row in rows] == [hostile_releases()[0].id]
    assert "\x1b" not in csv_out.stdout


def test_pressroom_export_errors_are_one_line(marked_store: Path, tmp_path: Path) -> None:
    unknown = run("export", "--db", str(marked_store), "-o", str(tmp_path / "x.txt"))
    assert unknown.returncode == 2
    assert unknown.stderr.strip().splitlines() == [
        "pressroom: cannot tell the format from 'x.txt': give --format"
    ]
    folder = run("export", "--db", str(marked_store), "-o", str(tmp_path), "--format", "csv")
    assert folder.returncode == 1
    assert len(folder.stderr.strip().splitlines()) == 1
    assert "it is a folder" in folder.stderr
    helped = run("export", "--help")
    assert "examples:" in helped.stdout and "--format" in helped.stdout


# -- the browser ------------------------------------------------------------------------------


def test_the_suffix_follows_the_format() -> None:
    assert with_suffix("~/x.csv", "jsonl") == "~/x.jsonl"
    assert with_suffix("~/report", "md") == "~/report.md"


async def test_e_exports_the_current_result_off_the_ui_thread(
    marked_store: Path, tmp_path: Path
) -> None:
    app = PressroomApp(marked_store)
    target = tmp_path / "out" / "result.csv"
    target.parent.mkdir()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"date:2021..2024 ", "escape")
        await settle(pilot)
        assert app.session.archive is not None
        expected = [
            r.id for r in app.session.archive.search(parse_query("date:2021..2024 "), states={})
        ]
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("l")  # JSON Lines: the name's suffix follows
        field = app.screen.query_one("#export-file")
        assert field.value.endswith(".jsonl")  # type: ignore[attr-defined]
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        notices = [n.message for n in app._notifications]
        assert any(f"Exported {len(expected)} releases to {target}" in m for m in notices)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == expected


async def test_e_asks_before_replacing_a_file(marked_store: Path, tmp_path: Path) -> None:
    from tui.screens.prompt import Confirm

    target = tmp_path / "kept.md"
    target.write_text("mine", encoding="utf-8")
    app = PressroomApp(marked_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("e", "m")
        app.screen.query_one("#export-file").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
    assert target.read_text(encoding="utf-8") == "mine"


def test_export_reads_a_catalogued_store_release_by_release(marked_store: Path) -> None:
    with ReleaseStore(marked_store, defer_load=True, read_only=True) as store:
        archive = Archive(store)
        assert archive.catalogued
        out = io.BytesIO()
        count = write_export(out, "jsonl", archive.search(parse_query("")), store.states())
    assert count == len(hostile_releases())
