"""Importing again: unchanged files are not parsed (nor even read), changed ones are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from store.ingest import manifest, run
from store.ingest.run import ImportSummary, import_paths

RELEASE = """# {title}

GENEVA, 3 March 2024 -- The {who} announced a plan for {what} today.

Media contact: Ana Ruiz, ana.ruiz@example.org, +41 22 555 0101
"""


def _folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n, (who, what) in enumerate(
        [("Harbour Board", "dredging"), ("City Council", "parks"), ("Water Agency", "pipes")]
    ):
        (folder / f"r{n}.md").write_text(
            RELEASE.format(title=f"{who} plans {what}", who=who, what=what), encoding="utf-8"
        )
    return folder


class _Counting:
    """Counts the calls that read and parse files during an import."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads: list[str] = []
        self.parses: list[str] = []
        read, parse = run.read_bytes, run.parse_source

        def reading(source: run.SourceFile) -> bytes:
            self.reads.append(Path(source.path).name)
            return read(source)

        def parsing(source: run.SourceFile, data: bytes | None = None) -> run.ParseResult:
            self.parses.append(Path(source.path).name)
            return parse(source, data)

        monkeypatch.setattr(run, "read_bytes", reading)
        monkeypatch.setattr(run, "parse_source", parsing)

    def reset(self) -> None:
        self.reads.clear()
        self.parses.clear()


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled at once (not racily recent)."""
    monkeypatch.setattr(manifest, "RACY_SECONDS", 0.0)


def _import(store_path: Path, folder: Path) -> ImportSummary:
    with ReleaseStore(store_path) as store:
        return import_paths(store, [str(folder)], workers=1)


def test_unchanged_files_are_not_even_read(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    first = _import(db, folder)
    assert (first.imported, first.unchanged) == (3, 0)
    calls = _Counting(monkeypatch)
    again = _import(db, folder)
    assert (again.imported, again.updated, again.known, again.unchanged) == (0, 0, 3, 3)
    assert again.files_total == again.files_done == 3
    assert calls.reads == [] and calls.parses == []


def test_a_touched_file_is_read_but_not_parsed(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    os.utime(folder / "r1.md", ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))
    calls = _Counting(monkeypatch)
    again = _import(db, folder)
    assert (again.imported, again.known, again.unchanged) == (0, 3, 3)
    assert calls.reads == ["r1.md"] and calls.parses == []
    # Its new signature was remembered: the next import does not read it.
    calls.reset()
    _import(db, folder)
    assert calls.reads == []


def test_an_edited_file_is_parsed_and_its_release_updated(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    edited = folder / "r2.md"
    edited.write_text(edited.read_text().replace("pipes", "new pipes"), encoding="utf-8")
    calls = _Counting(monkeypatch)
    again = _import(db, folder)
    assert (again.imported, again.updated, again.known, again.unchanged) == (0, 1, 2, 2)
    assert calls.parses == ["r2.md"]
    with ReleaseStore(db) as store:
        assert any("new pipes" in r.body for r in store.releases())


def test_a_racily_recent_file_is_compared_by_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Written a moment ago: a change within the same timestamp could hide.
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    calls = _Counting(monkeypatch)
    again = _import(db, folder)
    assert again.unchanged == 3
    assert sorted(calls.reads) == ["r0.md", "r1.md", "r2.md"] and calls.parses == []
    # Same size, same timestamps, other bytes: still seen.
    target = folder / "r0.md"
    before = target.stat()
    target.write_text(target.read_text().replace("Harbour", "Harbeur"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    calls.reset()
    third = _import(db, folder)
    assert (third.updated, third.unchanged) == (1, 2)
    assert calls.parses == ["r0.md"]


def test_releases_missing_from_the_store_are_imported_again(tmp_path: Path, settled: None) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    seen = manifest.manifest_path(db).read_bytes()
    # Another store in the same place (a backup put back, a store started over):
    # the manifest names releases it does not hold.
    for path in tmp_path.glob("releases.json*"):
        path.unlink()
    manifest.manifest_path(db).write_bytes(seen)
    again = _import(db, folder)
    assert (again.imported, again.unchanged) == (3, 0)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-5],  # cut short
        lambda data: data.replace(b"r1.md", b"r9.md"),  # changed inside, header intact
        lambda data: b"not a manifest",
        lambda data: data.split(b"\n", 1)[0] + b"\n" + b"[1, 2, 3]",
    ],
)
def test_a_damaged_manifest_means_parsing_everything_again(
    tmp_path: Path, settled: None, damage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    seen = manifest.manifest_path(db)
    assert callable(damage)
    seen.write_bytes(damage(seen.read_bytes()))
    calls = _Counting(monkeypatch)
    again = _import(db, folder)
    assert (again.known, again.unchanged) == (3, 0)
    assert sorted(calls.parses) == ["r0.md", "r1.md", "r2.md"]
    # And it is whole again afterwards.
    assert len(manifest.load(seen).entries) == 3


def test_a_file_with_problems_is_read_and_reported_every_time(
    tmp_path: Path, settled: None
) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    (folder / "broken.json").write_text('{"title": "Port reopens", "body": ', encoding="utf-8")
    first = _import(db, folder)
    again = _import(db, folder)
    assert len(first.failed) == len(again.failed) == 1
    assert again.unchanged == 3


def test_the_manifest_is_not_followed_through_a_link(tmp_path: Path, settled: None) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    _import(db, folder)
    seen = manifest.manifest_path(db)
    target = tmp_path / "elsewhere"
    target.write_bytes(seen.read_bytes())
    seen.unlink()
    seen.symlink_to(target)
    again = _import(db, folder)
    assert again.unchanged == 0 and again.known == 3
    # Replaced by a file of its own; what the link pointed to is untouched.
    assert not seen.is_symlink()
    assert target.read_bytes() != b""


def test_file_names_that_are_not_utf8_are_remembered(tmp_path: Path, settled: None) -> None:
    folder, db = _folder(tmp_path), tmp_path / "releases.json"
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.md")
    Path(odd).write_text(RELEASE.format(title="Cafe opens", who="Cafe", what="coffee"))
    first = _import(db, folder)
    again = _import(db, folder)
    assert (first.imported, again.unchanged, again.known) == (4, 4, 4)
    assert odd in manifest.load(manifest.manifest_path(db)).entries
