"""A bug reaches the user as a problem with its file, never as a silently half-empty release.

Extraction has no catch-all of its own: ``parse_source`` is the one place where
an extraction bug becomes a reported problem (file and reason), and the other
releases of the file and of the import still land. The few narrower guards
left (the charset guesser, store migrations) let through what they do not
expect.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

import store.ingest.extract.anatomy as anatomy
from store.disk.release_store import ReleaseStore
from store.ingest.decoding import decode
from store.ingest.discover import SourceFile
from store.ingest.limits import ImportProblem
from store.ingest.read import read_source
from store.ingest.run import import_paths

ROOT = Path(__file__).resolve().parent.parent
BUG = "the dateline finder broke"

# The per-file guards: a reader's surprise and an extraction bug become a problem
# reported with the file (with the entry, for a file read a release at a time).
# Every other broad handler in store/ must re-raise.
PER_FILE_GUARDS = {
    ("store/ingest/read.py", "read_source"),
    ("store/ingest/build.py", "parse_source"),
    ("store/ingest/stream.py", "build_entries"),
}


@pytest.fixture
def broken_dateline_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dateline finder raises on any text that holds the word BOOM."""
    real: Callable[..., object] = anatomy.find_dateline

    def find_dateline(lines: list[str], *args: object) -> object:
        if any("BOOM" in line for line in lines):
            raise RuntimeError(BUG)
        return real(lines, *args)

    monkeypatch.setattr(anatomy, "find_dateline", find_dateline)


def _release_text(title: str, word: str = "opened") -> str:
    return f"{title}\n\nLONDON, 4 March 2024 – Acme {word} a plant in Leeds.\n"


def test_an_extraction_bug_is_reported_with_its_file_and_the_rest_lands(
    tmp_path: Path, broken_dateline_finder: None
) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "a.txt").write_text(_release_text("Acme Opens a Plant"), encoding="utf-8")
    (folder / "b.txt").write_text(_release_text("Beta Goes BOOM"), encoding="utf-8")
    entries = [
        {"title": "Gamma Hires", "body": _release_text("Gamma Hires")},
        {"title": "Delta Fails", "body": _release_text("Delta Fails", "BOOM")},
        {"title": "Epsilon Grows", "body": _release_text("Epsilon Grows")},
    ]
    (folder / "c.jsonl").write_bytes(b"\n".join(orjson.dumps(entry) for entry in entries))

    with ReleaseStore() as store:
        summary = import_paths(store, [str(folder)], workers=1)
        titles = sorted(release.title for release in store.releases())

    assert summary.failed == [
        (str(folder / "b.txt"), f"cannot extract a release: RuntimeError: {BUG}"),
        (str(folder / "c.jsonl"), f"line 2: cannot extract: RuntimeError: {BUG}"),
    ]
    # The other file and the other entries of the failing one landed, complete.
    assert titles == ["Acme Opens a Plant", "Epsilon Grows", "Gamma Hires"]
    assert summary.imported == 3


def test_without_the_bug_every_release_lands(tmp_path: Path) -> None:
    # The control run: the same words are harmless when no extractor is broken.
    path = tmp_path / "b.txt"
    path.write_text(_release_text("Beta Goes BOOM"), encoding="utf-8")
    with ReleaseStore() as store:
        summary = import_paths(store, [str(path)], workers=1)
        (release,) = store.releases()
    assert summary.failed == []
    assert (release.title, release.location, release.date) == (
        "Beta Goes BOOM",
        "LONDON",
        "2024-03-04",
    )


def test_an_extraction_problem_holds_no_escape_sequence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def leaky(lines: list[str], *args: object) -> object:
        raise ValueError("\x1b]0;PWNED\x07 in " + lines[0][:20])

    monkeypatch.setattr(anatomy, "find_dateline", leaky)
    path = tmp_path / "a.txt"
    path.write_text(_release_text("Acme Opens a Plant"), encoding="utf-8")
    with ReleaseStore() as store:
        summary = import_paths(store, [str(path)], workers=1)
    ((where, reason),) = summary.failed
    assert where == str(path)
    assert reason.startswith("cannot extract a release: ValueError: ")
    assert "\x1b" not in reason and "\x07" not in reason


# -- the charset guesser --------------------------------------------------------------------

# cp1252 without a declaration, not UTF-8: only the guesser can read it.
CP1252 = "Café crème, brûlée à la carte".encode("cp1252")


def _guesser_raises(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    import charset_normalizer

    def from_bytes(data: bytes) -> object:
        raise error

    monkeypatch.setattr(charset_normalizer, "from_bytes", from_bytes)


def test_a_decoding_error_of_the_guesser_falls_back_to_cp1252(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _guesser_raises(monkeypatch, UnicodeDecodeError("ascii", b"\xe9", 0, 1, "bad"))
    assert decode(CP1252) == "Café crème, brûlée à la carte"


def test_any_other_guesser_failure_is_reported_with_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _guesser_raises(monkeypatch, RuntimeError("guesser bug"))
    with pytest.raises(RuntimeError, match="guesser bug"):
        decode(CP1252)
    # read_source, the reader's guard, turns it into a problem with the file.
    with pytest.raises(ImportProblem, match="cannot read: guesser bug"):
        read_source(SourceFile("/imports/menu.txt", "txt"), CP1252)


# -- no other catch-all ----------------------------------------------------------------------


def _broad_handlers_that_swallow(path: Path) -> list[tuple[str, int]]:
    """``(function, line)`` of each handler of Exception, BaseException or anything
    that does not end by raising again."""
    found: list[tuple[str, int]] = []

    def broad(kind: ast.expr | None) -> bool:
        if kind is None:
            return True
        names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
        return any(
            isinstance(n, ast.Name) and n.id in ("Exception", "BaseException") for n in names
        )

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.ExceptHandler) and broad(child.type):
                last = child.body[-1]
                if not (isinstance(last, ast.Raise) and last.exc is None):
                    found.append((function, child.lineno))
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8")), "<module>")
    return found


def test_no_catch_all_in_store_but_the_per_file_guards() -> None:
    swallowing = {
        (path.relative_to(ROOT).as_posix(), function, line)
        for path in sorted((ROOT / "store").rglob("*.py"))
        for function, line in _broad_handlers_that_swallow(path)
    }
    assert {(path, function) for path, function, _line in swallowing} == PER_FILE_GUARDS, swallowing


def test_the_catch_all_finder_sees_one(tmp_path: Path) -> None:
    # The control run: a catch-all such as the one extraction had is found.
    module = tmp_path / "m.py"
    module.write_text(
        "def extract(text):\n"
        "    try:\n"
        "        return work(text)\n"
        "    except Exception:\n"
        "        return None\n"
        "def cleanup():\n"
        "    try:\n"
        "        work()\n"
        "    except BaseException:\n"
        "        undo()\n"
        "        raise\n"
        "def bare():\n"
        "    try:\n"
        "        work()\n"
        "    except (ValueError, Exception):\n"
        "        pass\n"
    )
    assert _broad_handlers_that_swallow(module) == [("extract", 4), ("bare", 15)]
