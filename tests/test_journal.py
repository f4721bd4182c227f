"""The journal beside a store file: appended writes that keep every durability guarantee."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.disk import journal
from store.disk import storage as storage_module
from store.disk.catalogue import Catalogue, catalogue_path, open_catalogue
from store.disk.release_store import ReleaseStore
from store.disk.storage import backup_path_for
from store.errors import DamagedStoreError, NewerSchemaError, StoreError
from tests.conftest import ROOT
from tests.helpers.synthetic_releases import synthetic_release
from tests.test_durability import Fault, ids_on_disk, leftovers

BASE = [synthetic_release(n) for n in range(40)]
ADDED = [synthetic_release(n) for n in range(40, 43)] + [synthetic_release(0, edit=1)]


def _store(path: Path) -> bytes:
    with ReleaseStore(path) as store:
        store.add_batch(BASE)
    return path.read_bytes()


def _journal(path: Path) -> Path:
    return journal.journal_path_for(path)


def test_a_small_write_is_appended_and_the_store_file_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    before = _store(path)
    with ReleaseStore(path) as store:
        outcomes = store.add_batch(ADDED)
        assert outcomes == ["imported"] * 3 + ["updated"]
        assert store.get(ADDED[-1].id) == ADDED[-1]
    assert path.read_bytes() == before
    assert _journal(path).read_bytes().startswith(journal.MAGIC)
    json.loads(before)  # the store file stays plain JSON
    with ReleaseStore(path) as reopened:
        assert {r.id for r in reopened.releases()} == {r.id for r in [*BASE, *ADDED]}
        assert reopened.get(ADDED[-1].id) == ADDED[-1]
        assert len(reopened) == 43


def test_the_journal_is_folded_into_the_file_past_a_quarter_of_it(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as store:
        for n in range(43, 80):
            store.add_batch([synthetic_release(n)])
            if not _journal(path).exists():
                break
        else:
            pytest.fail("the journal never folded into the store file")
        folded = len(store)
    assert folded < 79  # folded before the end
    # The store file holds everything; the previous file and its journal are the backup.
    data = orjson.loads(path.read_bytes())
    assert len(data["releases"]) == folded
    assert _journal(backup_path_for(path)).exists()
    assert ids_on_disk(backup_path_for(path)) == {r.id for r in BASE} | {
        synthetic_release(n).id for n in range(43, 43 + folded - 41)
    }


@pytest.mark.parametrize("existing", [True, False], ids=["journal", "no-journal"])
@pytest.mark.parametrize("name", ["open", "write", "pwrite", "fsync", "ftruncate", "replace"])
def test_a_failure_at_any_step_of_an_append_leaves_the_old_or_the_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, existing: bool
) -> None:
    old_ids = {r.id for r in BASE}
    new_ids = old_ids | {r.id for r in ADDED}
    refused = 0
    for at in range(1, 20):
        folder = tmp_path / f"{name}-{at}"
        folder.mkdir()
        path = folder / "releases.json"
        _store(path)
        extra = {synthetic_release(90).id} if existing else set()
        if existing:
            with ReleaseStore(path) as store:  # a journal already: the append continues it
                store.add_batch([synthetic_release(90)])
        old, new = old_ids | extra, new_ids | extra
        fault = Fault(name, at)
        store = ReleaseStore(path)
        assert store._file is not None
        # The lock taken first: the faults land in the write, not in taking the lock.
        with store._file.lock, pytest.MonkeyPatch.context() as patch:
            fault.install(patch)
            try:
                store.add_batch(ADDED)
            except StoreError as error:
                assert fault.fired and "\n" not in str(error)
                refused += 1
        assert ids_on_disk(path) in (old, new)
        assert leftovers(folder) == []
        assert set(store.add_batch(ADDED)) <= {"imported", "updated", "known"}
        store.close()
        assert ids_on_disk(path) == new
        with ReleaseStore(path) as reopened:
            assert reopened.get(ADDED[-1].id) == ADDED[-1]
        if not fault.fired:
            break
    else:
        pytest.fail(f"os.{name} is called more often than expected")
    # Each call the append makes has had its failure (a journal's is created only once).
    if name in ("pwrite", "fsync") or (name in ("open", "write", "replace") and not existing):
        assert refused > 0


def test_a_record_cut_short_by_a_crash_is_ignored_then_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as store:
        store.add_batch(ADDED[:1])
    whole = _journal(path).stat().st_size
    with ReleaseStore(path) as store:
        store.add_batch(ADDED[1:2])
    raw = _journal(path).read_bytes()
    for cut in (whole + 1, whole + 5, (whole + len(raw)) // 2, len(raw) - 1):
        _journal(path).write_bytes(raw[:cut])  # the second record, torn
        assert ids_on_disk(path) == {r.id for r in [*BASE, *ADDED[:1]]}
    with ReleaseStore(path) as store:
        store.add_batch(ADDED[2:3])
    assert ids_on_disk(path) == {r.id for r in [*BASE, ADDED[0], ADDED[2]]}


def test_a_damaged_record_before_the_last_is_reported_never_skipped(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    for release in ADDED[:2]:
        with ReleaseStore(path) as store:
            store.add_batch([release])
    raw = bytearray(_journal(path).read_bytes())
    at = raw.index(b'"title"')
    raw[at + 10] ^= 0x01
    _journal(path).write_bytes(bytes(raw))
    with pytest.raises(DamagedStoreError) as caught:
        ReleaseStore(path)
    assert "journal" in str(caught.value) and "\n" not in str(caught.value)
    assert not path.exists()  # moved aside with its journal, the backup offered
    assert not _journal(path).exists()


def test_another_process_sees_the_append_after_refresh(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as browser:
        first = browser.releases()
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from store.disk.release_store import ReleaseStore; "
                "from tests.helpers.synthetic_releases import synthetic_release; "
                "s = ReleaseStore(sys.argv[1]); s.add_batch([synthetic_release(77)]); s.close()",
                str(path),
            ],
            cwd=ROOT,
            check=True,
            timeout=60,
        )
        assert child.returncode == 0
        assert _journal(path).exists()
        assert browser.releases() is first
        # Only what was appended is read: the store file is not parsed again.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(storage_module, "_read_store", _refused)
            assert browser.refresh() is True
        assert browser.get(synthetic_release(77).id) == synthetic_release(77)
        # Its own write starts from the other's: nothing is lost.
        browser.add_batch([synthetic_release(78)])
    assert {synthetic_release(77).id, synthetic_release(78).id} <= ids_on_disk(path)


_read_store = storage_module._read_store


def _refused(path: Path, *args: Any) -> Any:
    if path.name == "releases.json":
        raise AssertionError("the store file was parsed")
    return _read_store(path, *args)  # the marks' file


def test_a_current_catalogue_spares_parsing_the_store_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as store:
        store.add_batch(ADDED)
    open_catalogue(path)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the store file was parsed")

    monkeypatch.setattr(storage_module, "_parse_store_lines", refused)
    with ReleaseStore(path) as store:
        assert store.add_batch([synthetic_release(0, edit=1)]) == ["known"]
        assert store.add_batch([synthetic_release(60)]) == ["imported"]
        assert store.get(ADDED[0].id) == ADDED[0]
    monkeypatch.undo()
    assert ids_on_disk(path) == {r.id for r in [*BASE, *ADDED, synthetic_release(60)]}


def test_a_document_damaged_in_place_is_caught_when_read(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    open_catalogue(path)
    st = path.stat()
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"body"') + 12
    raw[at] = ord("X") if raw[at] != ord("X") else ord("Y")
    path.write_bytes(bytes(raw))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time
    # Opened through the catalogue, which vouches for the file: the damage shows on reading.
    with ReleaseStore(path) as store, pytest.raises(StoreError, match="damaged"):
        store.releases()


def test_the_catalogue_grown_from_the_journal_is_a_full_builds(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    open_catalogue(path)
    for release in ADDED:
        with ReleaseStore(path) as store:
            store.add_batch([release])
        grown = open_catalogue(path)
        fresh = Catalogue.build(path)
        assert grown.ids == fresh.ids and grown.titles == fresh.titles
        assert list(grown) == list(fresh)
    assert catalogue_path(path).exists()


def test_restoring_the_backup_brings_back_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as store:
        store.add_batch(ADDED[:1])
        expected = {r.id for r in store.releases()}
        for n in range(100, 140):  # enough to fold the journal into the file
            store.add_batch([synthetic_release(n)])
            if not _journal(path).exists():
                break
    ReleaseStore.restore_backup(path)
    restored = ids_on_disk(path)
    assert expected <= restored
    # The restored journal is a copy: writing it leaves the backup's as it was.
    backup_journal = _journal(backup_path_for(path)).read_bytes()
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(200)])
    assert _journal(backup_path_for(path)).read_bytes() == backup_journal


def test_older_pressroom_refuses_a_store_that_may_have_a_journal(tmp_path: Path) -> None:
    class Older(ReleaseStore):
        SCHEMA_VERSION = 2

    path = tmp_path / "releases.json"
    _store(path)
    with ReleaseStore(path) as store:
        store.add_batch(ADDED)
    before = path.read_bytes(), _journal(path).read_bytes()
    with pytest.raises(NewerSchemaError):
        Older(path)
    assert (path.read_bytes(), _journal(path).read_bytes()) == before


def test_a_schema_2_store_opens_and_is_written_whole_once(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    _store(path)
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 2
    path.write_bytes(orjson.dumps(data))
    with ReleaseStore(path, read_only=True) as reader:
        assert len(reader) == 40
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema"] == 2  # read-only: untouched
    with ReleaseStore(path) as store:
        store.add_batch(ADDED)
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema"] == 3
    assert ids_on_disk(path) == {r.id for r in [*BASE, *ADDED]}
