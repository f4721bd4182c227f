"""AtomicJSONStorage and the store lock: UTF-8, caching, atomic writes, backups, locking."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import TinyDB

from store.disk import storage as storage_module
from store.disk.lock import StoreLock, lock_path_for
from store.disk.release_store import ReleaseStore
from store.disk.storage import (
    AtomicJSONStorage,
    _Damage,
    _parse_store_lines,
    _store_chunks,
    backup_path_for,
    parse_store_bytes,
)
from store.errors import StoreError, StoreLockedError
from tests.conftest import ROOT
from tests.helpers.synthetic_releases import synthetic_release


def open_db(path: Path, **options: Any) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, **options)


def temporary_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def serialized(data: dict[str, Any]) -> bytes:
    return b"".join(_store_chunks(data))


@pytest.fixture
def files_written(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The store files written while the test runs, one entry per complete file."""
    written: list[Path] = []
    write = storage_module._write_new_file

    def counted(tmp: Path, chunks: Any, *, like: Path) -> Any:
        written.append(like)
        return write(tmp, chunks, like=like)

    monkeypatch.setattr(storage_module, "_write_new_file", counted)
    return written


def test_opening_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "releases.json"
    storage = AtomicJSONStorage(path)
    assert storage.read() is None
    assert not path.parent.exists()


def test_writes_utf8_json_whatever_the_text(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    text = "Zürich 経済 🚀 👩🏽‍🔬 ‘q’ العربية"
    with open_db(path) as db:
        db.insert({"title": text})
    raw = path.read_bytes()
    assert text.encode("utf-8") in raw  # raw UTF-8, not \u escapes nor the locale's encoding
    assert json.loads(raw.decode("utf-8")) == {"_default": {"1": {"title": text}}}
    with open_db(path) as db:
        assert db.all() == [{"title": text}]


def test_the_file_is_parsed_again_only_when_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"n": 1})
    reader = AtomicJSONStorage(path)
    first = reader.read()
    assert reader.read() is first  # cached: the same parsed object
    assert reader.version == 1
    assert not reader.changed_on_disk()

    with open_db(path) as other:
        other.insert({"n": 2})
    assert reader.changed_on_disk()
    again = reader.read()
    assert again is not first
    assert reader.version == 2
    assert len(again["_default"]) == 2


def test_a_snapshot_storage_reloads_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"n": 1})
    reader = AtomicJSONStorage(path, follow_changes=False)
    assert reader.read() is not None
    with open_db(path) as other:
        other.insert({"n": 2})
    assert len(reader.read()["_default"]) == 1
    assert reader.reload() is True
    assert len(reader.read()["_default"]) == 2
    assert reader.reload() is False


def test_a_transaction_writes_the_file_once(tmp_path: Path, files_written: list[Path]) -> None:
    path = tmp_path / "releases.json"
    storage = AtomicJSONStorage(path)
    db = TinyDB(storage=lambda: storage)
    with storage.transaction():
        for n in range(50):
            db.insert({"n": n})
        assert not path.exists()  # nothing on disk before the transaction ends
    assert len(files_written) == 1
    assert len(orjson.loads(path.read_bytes())["_default"]) == 50


def test_without_a_transaction_every_tinydb_insert_rewrites_the_file(
    tmp_path: Path, files_written: list[Path]
) -> None:
    storage = AtomicJSONStorage(tmp_path / "releases.json")
    db = TinyDB(storage=lambda: storage)
    for n in range(5):
        db.insert({"n": n})
    assert len(files_written) == 5  # why the release store always batches


def test_an_exception_in_a_transaction_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    storage = AtomicJSONStorage(path)
    db = TinyDB(storage=lambda: storage)
    db.insert({"n": 0})
    before = path.read_bytes()
    with pytest.raises(RuntimeError), storage.transaction():
        db.insert({"n": 1})
        db.update({"n": 99})
        raise RuntimeError("boom")
    assert path.read_bytes() == before
    assert db.all() == [{"n": 0}]  # the half-changed data in memory was dropped


def test_a_write_over_another_process_change_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    storage = AtomicJSONStorage(path, follow_changes=False)
    db = TinyDB(storage=lambda: storage)
    db.insert({"who": "first"})
    with open_db(path) as other:
        other.insert({"who": "other"})
    with pytest.raises(StoreError, match="changed by another process"):
        db.insert({"who": "stale"})
    assert {doc["who"] for doc in open_db(path).all()} == {"first", "other"}


def test_a_lone_surrogate_is_a_clear_store_error(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"title": "fine"})
    before = path.read_bytes()
    with open_db(path) as db, pytest.raises(StoreError) as caught:
        db.insert({"title": "bad \udc80 byte"})
    message = str(caught.value)
    assert "\n" not in message
    assert "surrogate" in message
    assert path.read_bytes() == before
    assert temporary_files(tmp_path) == []


def test_the_previous_generation_is_kept_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"gen": 1})
        first = path.read_bytes()
        first_inode = path.stat().st_ino
        assert not backup_path_for(path).exists()
        db.insert({"gen": 2})
    backup = backup_path_for(path)
    assert backup.read_bytes() == first
    assert backup.stat().st_ino == first_inode  # a hard link, not a copy


def test_the_backup_is_copied_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"gen": 1})
        first = path.read_bytes()

        def no_links(*args: Any, **kwargs: Any) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
        db.insert({"gen": 2})
    assert backup_path_for(path).read_bytes() == first
    assert len(orjson.loads(path.read_bytes())["_default"]) == 2
    assert temporary_files(tmp_path) == []


def test_temporary_files_of_a_killed_writer_are_swept(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    leftovers = [
        tmp_path / ".releases.json.4242-deadbeef.tmp",
        tmp_path / ".releases.json.bak.1-2.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b'{"half": ')
    unrelated = tmp_path / ".other.json.1-2.tmp"
    unrelated.write_bytes(b"keep")
    with open_db(path) as db:
        db.insert({"n": 1})
    assert not any(leftover.exists() for leftover in leftovers)
    assert unrelated.exists()


def test_the_file_mode_is_kept_across_writes(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with open_db(path) as db:
        db.insert({"n": 1})
        path.chmod(0o600)
        db.insert({"n": 2})
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_lock_refuses_clearly_after_its_timeout(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    # flock locks belong to open files: a second open in this process contends too.
    with StoreLock(path), pytest.raises(StoreLockedError) as caught:
        StoreLock(path, timeout=0.1).acquire()
    message = str(caught.value)
    assert f"pid {os.getpid()}" in message
    assert "try again" in message
    assert "\n" not in message
    with StoreLock(path, timeout=0.1):  # released: free again
        pass


def test_the_lock_is_reentrant_and_released_on_error(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    lock = StoreLock(path)
    with pytest.raises(RuntimeError), lock:
        with lock:
            assert lock.held
        assert lock.held
        raise RuntimeError("boom")
    assert not lock.held
    with StoreLock(path, timeout=0.1):
        pass


def test_a_writer_waits_for_the_lock_held_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from store.disk.lock import StoreLock\n"
            "with StoreLock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n"
            "    sys.stdin.readline()\n",
            str(path),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "held"
        storage = AtomicJSONStorage(path, lock_timeout=0.2)
        with pytest.raises(StoreLockedError, match=f"pid {holder.pid}"):
            TinyDB(storage=lambda: storage).insert({"n": 1})
        assert not path.exists()
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    TinyDB(storage=lambda: AtomicJSONStorage(path)).insert({"n": 1})
    assert orjson.loads(path.read_bytes()) == {"_default": {"1": {"n": 1}}}
    assert lock_path_for(path).exists()  # never deleted: waiters may hold it open


ODD_TABLES: dict[str, dict[str, Any]] = {
    "releases": {"1": {"body": 'two\nlines, a } and a "quote"'}, "22": {}},
    'na"me\n{': {"3": {"k": [1, {"z": None}], "é": "🚀"}},
    "empty": {},
    "meta": {"1": {"schema": 1}},
}


@pytest.mark.parametrize(
    "data", [{}, {"empty": {}}, ODD_TABLES], ids=["no-tables", "empty-table", "odd"]
)
def test_the_line_layout_is_plain_json_and_reads_back(data: dict[str, Any]) -> None:
    raw = serialized(data)
    assert json.loads(raw) == data
    assert _parse_store_lines(io.BytesIO(raw)) == data  # the line-at-a-time path


def test_a_store_is_written_in_pieces_that_join_to_the_same_json() -> None:
    pieces = list(_store_chunks(ODD_TABLES, chunk_size=8))
    assert len(pieces) > 2
    assert b"".join(pieces) == serialized(ODD_TABLES)


def test_a_cut_file_is_never_read_as_a_smaller_store() -> None:
    raw = serialized(ODD_TABLES)
    for end in range(len(raw) - 1):
        cut = raw[:end]
        assert _parse_store_lines(io.BytesIO(cut)) is None
        with pytest.raises(_Damage):
            parse_store_bytes(cut)
    # Only the final newline cut: everything is still there.
    assert parse_store_bytes(raw[:-1]) == ODD_TABLES


@pytest.mark.parametrize(
    "edit",
    [
        (b'},\n"22"', b'}\n"22"'),  # a missing comma
        (b"{}\n}", b"{},\n}"),  # a trailing comma
        (b'"22"', b'"2x"'),  # an id that is not a number
    ],
)
def test_the_line_reader_leaves_anything_odd_to_the_whole_file_parser(
    edit: tuple[bytes, bytes],
) -> None:
    raw = serialized(ODD_TABLES)
    assert edit[0] in raw
    assert _parse_store_lines(io.BytesIO(raw.replace(*edit))) is None
    assert _parse_store_lines(io.BytesIO(raw + b"trailing")) is None


def test_stores_of_stock_tinydb_and_of_this_storage_read_each_other(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with TinyDB(path, encoding="utf-8") as stock:  # one line, json module
        stock.table("releases").insert({"title": "Zürich 🚀"})
    with open_db(path) as db:
        assert db.table("releases").all() == [{"title": "Zürich 🚀"}]
        db.table("releases").insert({"title": "second"})
    assert path.read_bytes().count(b"\n") > 3  # rewritten in the line layout
    with TinyDB(path, encoding="utf-8", access_mode="r") as stock:
        assert len(stock.table("releases")) == 2


def test_a_store_behind_a_symbolic_link_stays_behind_it(tmp_path: Path) -> None:
    real = tmp_path / "data" / "releases.json"
    real.parent.mkdir()
    link = tmp_path / "releases.json"
    link.symlink_to(real)
    for n in range(2):
        with open_db(link) as db:
            db.insert({"n": n})
    assert link.is_symlink()
    assert len(orjson.loads(real.read_bytes())["_default"]) == 2
    assert backup_path_for(real).exists()


def test_a_backup_that_is_already_the_current_file_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A writer killed between making the backup and replacing the store leaves
    ``.bak`` and the store as two links of one file; the next write must not
    leave its staged backup behind (rename() between links of one file is a no-op)."""
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(1)])
    backup = path.with_name(path.name + ".bak")
    backup.unlink(missing_ok=True)
    os.link(path, backup)
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(2)])
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []
    assert backup.exists() and not os.path.samefile(path, backup)


@pytest.mark.parametrize("lock_of", ["releases.json", "releases.json.state"])
@pytest.mark.parametrize("kind", ["symlink", "fifo", "directory"])
def test_a_lock_file_that_is_not_a_regular_file_is_refused_and_nothing_is_touched(
    tmp_path: Path, lock_of: str, kind: str
) -> None:
    """SECURITY.md D9: a linked lock once had the user's file truncated and a pid written in."""
    victim = tmp_path / "mine.txt"
    victim.write_text("precious\n")
    lock = tmp_path / f"{lock_of}.lock"
    if kind == "symlink":
        lock.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    with (
        pytest.raises(StoreError, match=r"\.lock"),
        ReleaseStore(tmp_path / "releases.json") as store,
    ):
        store.add_batch([synthetic_release(1)])
        store.set_starred([synthetic_release(1).id], True)
    assert victim.read_text() == "precious\n"
    assert lock.is_symlink() or not lock.is_file()
