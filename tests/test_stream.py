"""JSON Lines and large JSON arrays: read a release at a time, a bad entry reported by its number."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import orjson
import pytest

from store.disk.release_store import ReleaseStore
from store.ingest import limits, manifest, stream
from store.ingest.discover import SourceFile
from store.ingest.run import ImportSummary, import_paths


def _release(n: int, **extra: object) -> dict[str, object]:
    return {
        "id": f"synthetic-{n:06d}",
        "title": f"Harbour Board release number {n}",
        "body": f"GENEVA, 3 March 2024 -- The Harbour Board announced plan {n} today.",
        **extra,
    }


def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _import(store_path: Path, *paths: Path, workers: int = 1) -> ImportSummary:
    with ReleaseStore(store_path) as store:
        return import_paths(store, [str(p) for p in paths], workers=workers)


def _titles(store_path: Path) -> set[str]:
    with ReleaseStore(store_path) as store:
        return {release.title for release in store.releases()}


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest, "RACY_SECONDS", 0.0)


def test_broken_lines_are_reported_by_number_and_the_others_land(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "export.jsonl",
        [
            orjson.dumps(_release(1)),
            b'{"title": "cut off in the mid',
            orjson.dumps(_release(3)),
            b"[1, 2, 3]",
            b"",
            orjson.dumps({"id": 5}),
            orjson.dumps(_release(7)),
        ],
    )
    summary = _import(tmp_path / "releases.json", path)
    assert summary.imported == 3
    reasons = sorted(reason for _, reason in summary.failed)
    assert reasons[0].startswith("line 2: cannot parse JSON")
    assert reasons[1:] == ["line 4: not a JSON object", "line 6: neither a title nor a body"]
    assert all(where == str(path) for where, _ in summary.failed)


def test_ids_from_another_tool_are_kept_as_entry_keys(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "x.jsonl", [orjson.dumps(_release(n)) for n in range(3)])
    first = _import(tmp_path / "releases.json", path)
    again = _import(tmp_path / "releases.json", path)
    assert first.imported == 3 and not first.failed
    assert again.imported == 0 and again.stored == 3


def test_a_file_larger_than_the_file_limit_is_read_a_release_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limits made small, so that the test stays quick: a 40-release file is
    # "too large" to be read whole, each release is not; one line over the
    # per-release limit is refused alone.
    monkeypatch.setattr(stream, "MAX_ENTRY_BYTES", 400)
    monkeypatch.setattr(stream, "CHUNK_ENTRIES", 7)
    lines = [orjson.dumps(_release(n)) for n in range(40)]
    lines[20] = orjson.dumps(_release(20, body="word " * 200))
    path = _jsonl(tmp_path / "big.jsonl", lines)
    read: list[int] = []
    real_chunks = stream.chunks

    def counting(source: SourceFile, data: bytes | None = None) -> object:
        for chunk in real_chunks(source, data):
            read.append(len(chunk.entries))
            yield chunk

    monkeypatch.setattr(stream, "chunks", counting)
    summary = _import(tmp_path / "releases.json", path)
    assert summary.imported == 39
    assert summary.failed == [(str(path), "line 21: larger than 0 MB")]
    assert max(read) <= 7 and len(read) >= 6
    assert summary.files_done == summary.files_total == 1


def test_a_json_array_over_the_file_limit_is_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(stream, "CHUNK_ENTRIES", 5)
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_bytes(orjson.dumps({"total": 30, "items": [_release(n) for n in range(30)]}))
    plain = tmp_path / "plain.json"
    plain.write_bytes(orjson.dumps([_release(n) for n in range(100, 130)]))
    assert stream.is_streamed(SourceFile(str(wrapped), "json"))
    summary = _import(tmp_path / "releases.json", wrapped, plain)
    assert summary.imported == 60 and not summary.failed
    assert "Harbour Board release number 129" in _titles(tmp_path / "releases.json")


def test_a_json_array_broken_halfway_keeps_what_came_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "MAX_FILE_BYTES", 100)
    path = tmp_path / "cut.json"
    whole = orjson.dumps([_release(n) for n in range(10)])
    path.write_bytes(whole[: len(whole) * 2 // 3])
    summary = _import(tmp_path / "releases.json", path)
    assert 0 < summary.imported < 10
    [(_, reason)] = summary.failed
    assert reason.startswith(f"cannot parse JSON after entry {summary.imported}")


def test_the_same_releases_whether_streamed_or_read_whole(tmp_path: Path) -> None:
    from store.ingest.build import parse_source

    array = tmp_path / "a.json"
    array.write_bytes(orjson.dumps([_release(n, date="2024-03-0" + str(n)) for n in range(1, 6)]))
    whole = parse_source(SourceFile(str(array), "json")).releases
    streamed = [
        release
        for chunk in stream.chunks(SourceFile(str(array), "json"))
        for release in stream.build_entries(str(array), "json", chunk.entries).releases
    ]
    assert [r.to_json() for r in streamed] == [r.to_json() for r in whole]


def test_the_digest_of_a_streamed_file_is_that_of_its_bytes(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "x.jsonl", [orjson.dumps(_release(n)) for n in range(600)])
    *_, last = stream.chunks(SourceFile(str(path), "jsonl"))
    assert last.last and last.digest == manifest.digest_of(path.read_bytes())


def test_an_unchanged_big_file_is_not_parsed_again(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _jsonl(tmp_path / "x.jsonl", [orjson.dumps(_release(n)) for n in range(20)])
    _import(tmp_path / "releases.json", path)
    built: list[int] = []
    real = stream.build_entries

    def counting(path: str, fmt: str, entries: list[stream.Entry]) -> object:
        built.append(len(entries))
        return real(path, fmt, entries)

    monkeypatch.setattr(stream, "build_entries", counting)
    again = _import(tmp_path / "releases.json", path)
    assert (again.unchanged, again.known, built) == (1, 20, [])
    os.utime(path)  # touched: read to compare its bytes, not parsed
    again = _import(tmp_path / "releases.json", path)
    assert (again.unchanged, again.known, built) == (1, 20, [])


def test_json_lines_on_standard_input_report_broken_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = orjson.dumps(_release(1)) + b"\n{broken\n" + orjson.dumps(_release(2)) + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with ReleaseStore(tmp_path / "releases.json") as store:
        summary = import_paths(store, ["-"], workers=1)
    assert summary.imported == 2
    [(where, reason)] = summary.failed
    assert where == "-" and reason.startswith("line 2: cannot parse JSON")


def test_entries_parsed_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "CHUNK_ENTRIES", 10)
    path = _jsonl(tmp_path / "x.jsonl", [orjson.dumps(_release(n)) for n in range(95)])
    summary = _import(tmp_path / "releases.json", path, workers=2)
    assert summary.imported == 95 and not summary.failed
    assert len(_titles(tmp_path / "releases.json")) == 95


def test_a_slow_entry_is_stopped_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "PARSE_SECONDS", 0.05)
    real = stream.build_release

    def slow(draft: object, path: str) -> object:
        if "number 1" in str(getattr(draft, "title", "")):
            while True:
                pass
        return real(draft, path)  # type: ignore[arg-type]

    monkeypatch.setattr(stream, "build_release", slow)
    path = _jsonl(tmp_path / "x.jsonl", [orjson.dumps(_release(n)) for n in range(3)])
    summary = _import(tmp_path / "releases.json", path)
    assert summary.imported == 2
    assert summary.failed == [(str(path), "line 2: parse time limit exceeded")]


def test_the_file_limit_still_holds_for_formats_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (limits.MAX_FILE_BYTES // 5 + 1))
    summary = _import(tmp_path / "releases.json", path)
    assert summary.failed == [(str(path), "larger than 20 MB")]


def test_pressroom_parse_prints_a_big_file_as_it_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main

    monkeypatch.setattr(stream, "CHUNK_ENTRIES", 4)
    monkeypatch.setattr(stream, "MAX_FILE_BYTES", 500)
    printed: list[int] = []
    errors: list[str] = []
    real = stream.parse_chunk

    def counting(path: str, fmt: str, chunk: stream.Chunk) -> object:
        out, err = capsys.readouterr()
        printed.append(len(out.splitlines()))  # lines printed since the chunk before
        errors.append(err)
        return real(path, fmt, chunk)

    monkeypatch.setattr(stream, "parse_chunk", counting)
    lines = [orjson.dumps(_release(n)) for n in range(10)]
    lines[6] = b"{broken"
    array = tmp_path / "big.json"
    array.write_bytes(orjson.dumps([_release(n) for n in range(20, 30)]))
    assert main(["parse", str(_jsonl(tmp_path / "x.jsonl", lines)), str(array)]) == 0
    out, err = capsys.readouterr()
    assert printed == [0, 4, 3, 2, 4, 4]  # each chunk printed before the next is read
    assert len(out.splitlines()) + sum(printed) == 19
    assert "x.jsonl: line 7: cannot parse JSON" in "".join(errors) + err
