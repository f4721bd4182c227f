"""The catalogue's build at an import's end failing in its new paths (rows in buffers, the
journal a record at a time): every release stored, and the next opening made whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store.archive import Archive
from store.disk import journal
from store.disk.catalogue import Catalogue
from store.disk.fresh_rows import FreshRows
from store.disk.release_store import ReleaseStore
from tests.helpers.synthetic import generate
from tests.test_index_finish import _first_then_more, _jsonl, _leftovers, _stored_ids
from tui.cli.main import main


def _opened_whole(db: Path, count: int) -> None:
    with ReleaseStore(db) as store:
        archive = Archive(store)
        assert list(archive.ids) == Catalogue.build(db).ids
        assert len(archive.ids) == count
        archive.build_index()
        assert archive.index is not None and archive.index.size == count


def test_memory_running_out_while_the_rows_are_gathered_loses_no_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, more, releases, _before = _first_then_more(tmp_path)
    put = FreshRows.put
    calls = [0]

    def failing(self: FreshRows, *args: Any) -> None:
        calls[0] += 1
        if calls[0] > 250:  # midway through the 500 rows of the import's end
            raise MemoryError
        put(self, *args)

    monkeypatch.setattr(FreshRows, "put", failing)
    capsys.readouterr()
    assert main(["import", str(more), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("pressroom:")]
    assert len(lines) == 1
    assert lines[0].startswith("pressroom: the search index was not finished (out of memory")
    assert "the 300 releases are stored" in lines[0] and "Traceback" not in err
    monkeypatch.undo()
    assert _leftovers(db.parent) == []
    assert _stored_ids(db) == {release.id for release in releases}
    _opened_whole(db, len(releases))


def test_a_journal_that_cannot_be_read_record_by_record_loses_no_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read of the journal failing in the catalogue's build: the store is read whole
    instead (the catalogue's own way with a store it cannot catalogue), nothing lost."""
    releases = list(generate(220, seed=24))
    db = tmp_path / "archive" / "r.json"
    assert main(["import", str(_jsonl(tmp_path / "a.jsonl", releases[:200])), "--db", str(db)]) == 0
    more = _jsonl(tmp_path / "b.jsonl", releases[200:])  # a small write: to the journal
    failed = [0]

    def failing(self: journal.Records) -> Any:
        failed[0] += 1
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(journal.Records, "__iter__", failing)
    capsys.readouterr()
    status = main(["import", str(more), "--db", str(db)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert failed[0] >= 1  # the import's store had a journal, read by the catalogue's build
    monkeypatch.undo()
    assert status in (0, 1)
    assert _stored_ids(db) == {release.id for release in releases}
    _opened_whole(db, len(releases))
