"""Issue 10: where a release's headline came from (the text, the format, or a stand-in for
a headline the release does not state), kept through the store, an export and the CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from store.disk.release_store import ReleaseStore
from store.export import write_export
from store.ingest.build import parse_paths
from store.ingest.extract.anatomy import extract
from store.records import TITLE_FALLBACKS, TITLE_SOURCES, Release, Source
from tests import accuracy

ROOT = Path(__file__).resolve().parent.parent

BODY = (
    "Acme Corp opened a research laboratory in Leeds today, its third in Europe, "
    "and will hire forty engineers over the next two years.\n"
)


def _parsed(tmp_path: Path, name: str, data: str) -> Release:
    file = tmp_path / name
    file.write_bytes(data.encode("utf-8"))
    result = parse_paths([str(file)])
    assert not result.problems
    (release,) = result.releases
    return release


@pytest.mark.parametrize(
    ("name", "data", "title", "source"),
    [
        # A title line of the release's own.
        (
            "a.txt",
            "Acme opens a lab in Leeds\n\nLEEDS, 3 March 2024 – " + BODY,
            "Acme opens a lab in Leeds",
            "text",
        ),
        # What the format declares: an HTML page's heading, a mail's Subject, front matter.
        (
            "a.html",
            "<html><head><title>Acme opens a lab</title></head><body><h1>Acme opens a lab</h1>"
            f"<p>{BODY}</p></body></html>",
            "Acme opens a lab",
            "format",
        ),
        (
            "a.eml",
            "From: press@acme.example\nSubject: Acme opens a lab in Leeds\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + BODY,
            "Acme opens a lab in Leeds",
            "format",
        ),
        (
            "a.md",
            "---\ntitle: Acme opens a lab in Leeds\n---\n\n" + BODY,
            "Acme opens a lab in Leeds",
            "format",
        ),
        # A scraped page that starts at its dateline states no headline: its first words stand in.
        (
            "b.txt",
            "WASHINGTON, June 3, 2024 - U.S. Senator Jane Roe today called on the agency to "
            "approve the state's request for disaster aid, which she said was overdue.\n",
            "WASHINGTON, June 3, 2024 - U.S. Senator Jane Roe today called on the agency to "
            "approve the state's request for disaster aid, which she said was overdue",
            "first line",
        ),
    ],
)
def test_the_headline_says_where_it_came_from(
    tmp_path: Path, name: str, data: str, title: str, source: str
) -> None:
    release = _parsed(tmp_path, name, data)
    assert (release.title, release.title_source) == (title, source)
    assert release.to_json()["title_source"] == source


def test_a_dateline_place_split_off_the_first_paragraph_is_no_headline() -> None:
    # Text scraped with its punctuation stripped: the place, a run of spaces, the paragraph.
    found = extract(
        " WASHINGTON  D C    Senator Jane Roe  D IA  today announced that Linn County has "
        "received  393 578 from the U S  Department of Justice to hire police officers in "
        "three towns over the next year  Roe said the money would help every one of them \n"
    )
    assert found.location == "WASHINGTON D C"
    assert found.title_source == "first line"
    assert found.title  # the list still shows it


SPACED = (
    "                 P R I V A C Y   &   C I V I L   L I B E          R T I E S   "
    "B O A R         D\n\n\n"
    "                                                     October 2, 2013\n\n"
    "The Privacy and Civil Liberties Board has been notified by a significant number of "
    "witnesses that they are unable to testify at the public hearing.\n"
)


def test_a_letterhead_above_the_date_is_no_headline_and_reads_as_words() -> None:
    found = extract(SPACED)
    # The letter gaps are read on the raw line, before spaces are squashed.
    assert found.title == "PRIVACY & CIVIL LIBERTIES BOARD"
    assert found.title_source == "first line"
    # A body's name the release never names again is not taken for its letterhead.
    plain = extract(SPACED.replace(SPACED.split("\n")[0], "   ACME FOUNDATION"))
    assert (plain.title, plain.title_source) == ("ACME FOUNDATION", "text")


def test_a_headline_naming_a_body_that_says_what_happened_is_a_headline() -> None:
    found = extract(
        "Privacy and Civil Liberties Board Welcomes New Members\n\nOctober 2, 2013\n\n"
        "The Privacy and Civil Liberties Board welcomed two new members today, both "
        "confirmed by the Senate last week.\n"
    )
    assert found.title == "Privacy and Civil Liberties Board Welcomes New Members"
    assert found.title_source == "text"


def test_an_empty_text_has_no_title_source() -> None:
    assert (extract("").title, extract("").title_source) == ("", None)


def _release(**changes: object) -> Release:
    base = Release(
        id="0123456789abcdef",
        title="WASHINGTON - Senator Jane Roe today said",
        body="b",
        source=Source("/x.txt", "txt"),
        title_source="first line",
    )
    return base.with_changes(**changes) if changes else base


def test_title_source_round_trips_and_old_or_odd_documents_load() -> None:
    release = _release()
    assert Release.from_json(release.to_json()) == release
    assert Release.from_document(release.to_document()) == release
    old = release.to_json()
    del old["title_source"]
    assert Release.from_json(old).title_source is None
    assert Release.from_json({**old, "title_source": "guess"}).title_source is None
    assert Release.from_json({**old, "title_source": ["text"]}).title_source is None
    assert set(TITLE_FALLBACKS) <= set(TITLE_SOURCES)


def test_the_disk_store_keeps_title_source_and_refuses_an_odd_one(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    releases = [
        _release(id=f"{n:016x}", title=f"t{n}", title_source=s)
        for n, s in enumerate((*TITLE_SOURCES, None))
    ]
    with ReleaseStore(path) as store:
        store.add_batch(releases)
    with ReleaseStore(path) as store:
        assert {r.id: r.title_source for r in store.releases()} == {
            r.id: r.title_source for r in releases
        }
    # A document edited by hand with a value we never write is read through from_json.
    data = orjson.loads(path.read_bytes())
    for doc in data["releases"].values():
        doc["title_source"] = "guess"
    path.write_bytes(orjson.dumps(data))
    with ReleaseStore(path) as store:
        assert {r.title_source for r in store.releases()} == {None}


def test_an_export_imports_back_with_its_title_sources(tmp_path: Path) -> None:
    releases = [_release(), _release(id="fedcba9876543210", title="Acme", title_source="text")]
    out = io.BytesIO()
    write_export(out, "jsonl", releases, {})
    file = tmp_path / "export.jsonl"
    file.write_bytes(out.getvalue())
    again = parse_paths([str(file)]).releases
    assert [(r.id, r.title_source) for r in again] == [(r.id, r.title_source) for r in releases]


def test_show_json_has_title_source(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Acme opens a lab in Leeds\n\n" + BODY, encoding="utf-8")
    db = str(tmp_path / "store.json")
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args, "--db", db],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    assert run("import", str(source)).returncode == 0
    found = run("search", "--json", "acme")
    (record,) = [json.loads(line) for line in found.stdout.splitlines()]
    assert record["title_source"] == "text"
    shown = json.loads(run("show", "--json", record["id"]).stdout)
    assert shown["title_source"] == "text"


def test_the_scorer_reads_a_stand_in_title_as_no_headline() -> None:
    got = {"title": "WASHINGTON D C", "title_source": "first line"}
    unlabelled = accuracy.Item("a", {"headline": None}, got)
    labelled = accuracy.Item("b", {"headline": "WASHINGTON D C"}, got)
    read = accuracy.Item("c", {"headline": None}, {**got, "title_source": "text"})
    scores = accuracy.score([unlabelled, labelled, read], ["headline"])["headline"]
    assert (scores.n, scores.correct) == (3, 1)
    assert [m["file"] for m in scores.misses] == ["b", "c"]
