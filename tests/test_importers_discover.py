"""Finding files to import: folders, suffixes, hidden files, standard input, refusals (P5)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from store.ingest.discover import FORMATS, ImportProblem, SourceFile, discover
from store.ingest.read import read_source


def _found(paths: list[str]) -> tuple[list[SourceFile], dict[str, str]]:
    sources, problems = [], {}
    for item in discover(paths):
        if isinstance(item, SourceFile):
            sources.append(item)
        else:
            path, problem = item
            problems[path] = str(problem)
    return sources, problems


def test_formats_table() -> None:
    assert FORMATS[".markdown"] == "md" and FORMATS[".htm"] == "html"
    assert FORMATS[".ndjson"] == "jsonl" and FORMATS[".atom"] == "feed"
    assert FORMATS[".xml"] == "feed" and FORMATS[".eml"] == "eml"


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    for name in [
        "b.md",
        "a.TXT",
        "sub/c.html",
        "sub/deeper/d.json",
        ".hidden.md",
        ".git/config.txt",
        "notes.pdf",
        "sub/._c.html",
        "2024/1229/.md",  # a release with an empty slug, as in the real corpus
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    sources, problems = _found([str(tmp_path)])
    assert problems == {}
    assert [(Path(s.path).relative_to(tmp_path).as_posix(), s.format) for s in sources] == [
        ("2024/1229/.md", "md"),
        ("a.TXT", "txt"),
        ("b.md", "md"),
        ("sub/c.html", "html"),
        ("sub/deeper/d.json", "json"),
    ]
    assert all(os.path.isabs(s.path) for s in sources)


def test_explicit_files_unknown_suffix_missing_path_and_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.md").write_text("x")
    (tmp_path / "r.pdf").write_text("x")
    monkeypatch.chdir(tmp_path)
    sources, problems = _found(["r.md", "r.pdf", "missing.md", "r.md", str(tmp_path / "r.md")])
    assert sources == [SourceFile(str(tmp_path / "r.md"), "md")]
    assert problems == {
        str(tmp_path / "r.pdf"): "unknown file type (.pdf)",
        str(tmp_path / "missing.md"): "no such file or folder",
    }


def test_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 25 MB of zeros without writing them
        handle.truncate(25 * 1024 * 1024)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "broken.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "folder.rss").mkdir()
    (tmp_path / "folder.rss" / "inside.md").write_text("# inside")
    names = ["empty.txt", "big.txt", "pipe.txt", "zero.txt", "broken.md", "folder.rss"]
    sources, problems = _found([str(tmp_path / n) for n in names])
    assert sources == [SourceFile(str(tmp_path / "folder.rss" / "inside.md"), "md")]
    assert problems == {
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "big.txt"): "larger than 20 MB",
        str(tmp_path / "pipe.txt"): "not a regular file",
        str(tmp_path / "zero.txt"): "not a regular file",
        str(tmp_path / "broken.md"): "broken link",
    }
    # Inside a folder walk, the same refusals apply.
    _, walked = _found([str(tmp_path)])
    assert set(walked.values()) == {
        "empty file",
        "larger than 20 MB",
        "not a regular file",
        "broken link",
    }


def test_read_source_refuses_a_file_swapped_for_a_fifo_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "late.txt")  # discover() said txt; then it became a FIFO
    with pytest.raises(ImportProblem, match="not a regular file"):
        read_source(SourceFile(str(tmp_path / "late.txt"), "txt"))


def test_read_source_enforces_the_size_limit_while_reading(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="larger than 20 MB"):
        read_source(SourceFile(str(tmp_path / "x.txt"), "txt"), b"a" * (20 * 1024 * 1024 + 1))
    with pytest.raises(ImportProblem, match="no such file or folder"):
        read_source(SourceFile(str(tmp_path / "gone.txt"), "txt"))


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(discover(["-", "-"])) == [SourceFile("-", "auto")]
    stdin = io.TextIOWrapper(io.BytesIO(b"# Piped title\n\nPiped body"))
    monkeypatch.setattr(sys, "stdin", stdin)
    [draft] = read_source(SourceFile("-", "auto"))
    assert (draft.format, draft.title, draft.text) == ("md", "Piped title", "Piped body")


def test_standard_input_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(ImportProblem, match="larger than 20 MB"):
        read_source(SourceFile("-", "auto"))


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b'{"title": "x", "body": "y"}', "json"),
        (b'[{"title": "x", "body": "y"}]', "json"),
        (b'{"title": "a", "body": "1"}\n{"title": "b", "body": "2"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"From: a@b.example\nSubject: Hello\n\nBody", "eml"),
        (b"PRESS RELEASE\n\nPlain text", "txt"),
    ],
)
def test_standard_input_formats_are_sniffed(
    content: bytes, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = read_source(SourceFile("-", "auto"), content)
    assert {d.format for d in drafts} == {fmt}


def test_the_archive_kept_among_its_releases_is_not_a_source(tmp_path: Path) -> None:
    """A user keeps the archive in the folder of the releases it holds: importing the
    folder again reads the releases, not the archive (a JSON file, and a big one)."""
    import shutil

    from store.disk.release_store import ReleaseStore
    from store.ingest.run import import_paths

    folder = tmp_path / "releases"
    shutil.copytree(Path(__file__).parent.parent / "samples" / "un", folder)
    archive = folder / "releases.json"
    with ReleaseStore(archive) as store:
        first = import_paths(store, [str(folder)], workers=1)
    assert first.imported and not first.failed
    with ReleaseStore(archive) as store:
        again = import_paths(store, [str(folder)], workers=1)
    assert again.failed == [] and again.imported == 0
    assert again.known == first.imported
    # Named, under another spelling of its path, it is refused with the reason.
    found = list(discover([str(folder / ".." / "releases" / "releases.json")], str(archive)))
    assert [(path, str(problem)) for path, problem in found] == [  # type: ignore[misc]
        (str(archive), "the archive being imported into, not a source")
    ]
