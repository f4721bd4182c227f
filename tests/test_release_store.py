"""ReleaseStore: outcomes, state, caching, refresh, schema; run in memory and on a file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import orjson
import pytest

from store.disk import storage as storage_module
from store.disk.release_store import ReleaseState, ReleaseStore
from store.disk.storage import Tables
from store.errors import NewerSchemaError, StoreError
from tests.helpers.synthetic import generate
from tests.helpers.synthetic_releases import international_release, synthetic_release

OpenStore = Callable[[], ReleaseStore]


@pytest.fixture(params=["memory", "file"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenStore]:
    """Opens "the" store: in memory it is always the same object, on a file a new one."""
    if request.param == "memory":
        store = ReleaseStore()
        yield lambda: store
        store.close()
        return
    opened: list[ReleaseStore] = []

    def reopen() -> ReleaseStore:
        opened.append(ReleaseStore(tmp_path / "releases.json"))
        return opened[-1]

    yield reopen
    for store in opened:
        store.close()


def test_releases_round_trip_exactly(open_store: OpenStore) -> None:
    releases = [synthetic_release(n) for n in range(20)] + [international_release()]
    assert open_store().add_batch(releases) == ["imported"] * 21
    store = open_store()
    assert len(store) == 21
    for release in releases:
        stored = store.get(release.id)
        assert stored == release
        assert stored is not None and stored.fingerprint == release.fingerprint
        assert release.id in store
    assert list(store.releases()) == releases


def test_outcomes_imported_updated_known(open_store: OpenStore) -> None:
    store = open_store()
    original = synthetic_release(1)
    assert store.add_batch([original]) == ["imported"]
    assert store.add_batch([original]) == ["known"]
    edited = synthetic_release(1, edit=1)
    assert edited.id == original.id and edited.fingerprint != original.fingerprint
    assert store.add_batch([edited]) == ["updated"]
    assert store.get(original.id) == edited
    assert len(store) == 1
    # The same text found under another path (a copied file) is already known.
    copy = edited.with_changes(id="00000000000000aa")
    assert copy.fingerprint == edited.fingerprint
    assert store.add_batch([copy]) == ["known"]
    assert copy.id not in store
    # The text before the edit is no longer stored: under another path, it is new.
    assert store.add_batch([original.with_changes(id="00000000000000ab")]) == ["imported"]


def test_outcomes_within_one_batch(open_store: OpenStore) -> None:
    store = open_store()
    first, edited, copy = (
        synthetic_release(5),
        synthetic_release(5, edit=2),
        synthetic_release(5).with_changes(id="00000000000000bb"),
    )
    assert store.add_batch([first, first, copy, edited]) == [
        "imported",
        "known",
        "known",
        "updated",
    ]
    reopened = open_store()
    assert len(reopened) == 1
    assert reopened.get(first.id) == edited
    assert reopened.add_batch([edited.with_changes(id="00000000000000cc")]) == ["known"]


def test_state_persists_and_survives_an_update(open_store: OpenStore) -> None:
    store = open_store()
    a, b, c = (synthetic_release(n) for n in range(3))
    store.add_batch([a, b, c])
    assert store.state(a.id) == ReleaseState()
    store.set_read([a.id, b.id])
    store.set_starred([b.id])
    store.set_read([b.id], read=False)
    store.set_read(["not-an-id"])  # malformed ids are ignored
    reopened = open_store()
    assert reopened.state(a.id) == ReleaseState(read=True, starred=False)
    assert reopened.state(b.id) == ReleaseState(read=False, starred=True)
    assert reopened.state(c.id) == ReleaseState()
    assert "not-an-id" not in reopened.states()
    assert reopened.add_batch([synthetic_release(1, edit=3)]) == ["updated"]
    assert open_store().state(b.id) == ReleaseState(read=False, starred=True)


def test_releases_are_built_once_and_rebuilt_after_a_change(open_store: OpenStore) -> None:
    store = open_store()
    store.add_batch([synthetic_release(n) for n in range(3)])
    first = store.releases()
    assert store.releases() is first
    assert store.get(first[0].id) is first[0]
    store.add_batch([synthetic_release(3)])
    second = store.releases()
    assert second is not first
    assert len(second) == 4
    assert second[0] is first[0]  # unchanged releases are not rebuilt


def test_states_mapping_cannot_be_mutated_by_callers(open_store: OpenStore) -> None:
    store = open_store()
    release = synthetic_release(1)
    store.add_batch([release])
    store.set_starred([release.id])
    states = store.states()
    with pytest.raises(TypeError):
        states[release.id] = ReleaseState()  # type: ignore[index]
    assert dict(states) == {release.id: ReleaseState(starred=True)}


def test_malformed_ids_are_refused_before_anything_is_written(open_store: OpenStore) -> None:
    store = open_store()
    with pytest.raises(ValueError):
        store.add_batch([synthetic_release(1), synthetic_release(2).with_changes(id="XYZ")])
    assert len(open_store()) == 0
    assert store.get("XYZ") is None
    assert "XYZ" not in store


def test_an_empty_batch_changes_nothing(open_store: OpenStore) -> None:
    store = open_store()
    assert store.add_batch([]) == []
    assert len(store) == 0


def test_a_closed_store_refuses_use(open_store: OpenStore) -> None:
    store = open_store()
    with store:
        pass
    with pytest.raises(StoreError, match="closed"):
        len(store)


# -- on a file only ------------------------------------------------------------------------


def test_opening_a_new_path_creates_nothing_until_the_first_write(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        assert len(store) == 0
        assert store.releases() == ()
        store.add_batch([synthetic_release(1)] * 0)
        assert os.listdir(tmp_path) == []
        store.add_batch([synthetic_release(1)])
    data = orjson.loads(path.read_bytes())
    assert data["meta"] == {"1": {"schema": ReleaseStore.SCHEMA_VERSION}}
    assert list(data["releases"]) == [str(int(synthetic_release(1).id, 16))]


def test_refresh_sees_what_another_store_wrote(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as importer, ReleaseStore(path) as browser:
        importer.add_batch([synthetic_release(1)])
        assert len(browser) == 0  # a snapshot until refresh()
        assert browser.refresh() is True
        assert len(browser) == 1
        assert browser.get(synthetic_release(1).id) == synthetic_release(1)
        assert browser.refresh() is False
        # A write starts from the latest file: nothing the other store wrote is lost.
        importer.add_batch([synthetic_release(2)])
        browser.set_starred([synthetic_release(2).id])
        assert browser.add_batch([synthetic_release(3)]) == ["imported"]
        assert len(browser) == 3
        assert importer.refresh() is True
        assert {r.id for r in importer.releases()} == {synthetic_release(n).id for n in (1, 2, 3)}
        assert importer.state(synthetic_release(2).id).starred


def test_ten_batches_of_a_thousand_write_the_file_ten_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One write a batch: the whole file, or a record appended to its journal."""
    written: list[Path] = []
    appended: list[int] = []
    write = storage_module._write_new_file
    append = storage_module._append_record

    def counted(tmp: Path, chunks: Any, *, like: Path) -> Any:
        written.append(like)
        return write(tmp, chunks, like=like)

    def counted_append(fd: int, start: int, record: bytes) -> None:
        appended.append(len(record))
        append(fd, start, record)

    monkeypatch.setattr(storage_module, "_write_new_file", counted)
    monkeypatch.setattr(storage_module, "_append_record", counted_append)
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        for batch in range(10):
            releases = [
                synthetic_release(n, body_size=100) for n in range(batch * 1000, (batch + 1) * 1000)
            ]
            assert store.add_batch(releases) == ["imported"] * 1000
    assert len(written) + len(appended) == 10
    # The journal grows to a quarter of the file, then the file is written whole.
    assert written[0] == path and len(written) >= 2 and len(appended) >= 3
    with ReleaseStore(path) as reopened:
        assert len(reopened) == 10_000
        assert len(reopened.releases()) == 10_000


def test_a_newer_schema_is_refused_without_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(1)])
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 7
    path.write_bytes(orjson.dumps(data))
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as caught:
        ReleaseStore(path)
    message = str(caught.value)
    assert "newer Pressroom" in message and "\n" not in message
    assert caught.value.schema == 7
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["releases.json", "releases.json.lock"]


_NOW = ReleaseStore.SCHEMA_VERSION


class _StoreV4(ReleaseStore):
    """Two schemas past the current one."""

    SCHEMA_VERSION = _NOW + 2
    calls: ClassVar[list[int]] = []

    @staticmethod
    def _two_to_three(tables: Tables) -> None:
        _StoreV4.calls.append(_NOW)
        for doc in tables.get("releases", {}).values():
            doc["tags"] = [*doc["tags"], "migrated"]

    @staticmethod
    def _three_to_four(tables: Tables) -> None:
        _StoreV4.calls.append(_NOW + 1)

    MIGRATIONS: ClassVar = {_NOW: _two_to_three, _NOW + 1: _three_to_four}


def test_migrations_run_in_order_on_open(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(1)])
    _StoreV4.calls.clear()
    with _StoreV4(path) as migrated:
        assert _StoreV4.calls == [_NOW, _NOW + 1]
        release = migrated.get(synthetic_release(1).id)
        assert release is not None and release.tags[-1] == "migrated"
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema"] == _NOW + 2
    with _StoreV4(path):
        assert _StoreV4.calls == [_NOW, _NOW + 1]  # already current: not migrated twice
    with pytest.raises(NewerSchemaError):
        ReleaseStore(path)


def test_a_missing_migration_is_a_clear_error(tmp_path: Path) -> None:
    class StoreV3(ReleaseStore):
        SCHEMA_VERSION = _NOW + 1

    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(1)])
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot upgrade"):
        StoreV3(path)
    assert path.read_bytes() == before


def test_documents_edited_by_hand_are_read_tolerantly(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    release = synthetic_release(1)
    key = str(int(release.id, 16))
    hostile = {"title": "\x1b]0;PWNED\x07Edited [b]by[/b] hand", "body": 42, "people": "x"}
    path.write_bytes(orjson.dumps({"releases": {key: hostile}}))
    with ReleaseStore(path) as store:
        (read,) = store.releases()
    assert read.id == release.id
    assert read.title == "Edited [b]by[/b] hand"
    assert read.body == "42"
    assert read.people == ()


@pytest.mark.parametrize(
    ("error", "raised", "match"),
    [
        # A document in a shape the migration does not expect: the user's to know.
        (KeyError("title"), StoreError, rf"cannot upgrade .* from store schema {_NOW}"),
        # A bug in the migration itself raises as it is, never as a store problem.
        (ZeroDivisionError("a bug"), ZeroDivisionError, "a bug"),
    ],
)
def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, error: Exception, raised: type[Exception], match: str
) -> None:
    def broken(tables: Tables) -> None:
        tables["releases"].clear()
        raise error

    class StoreV3(ReleaseStore):
        SCHEMA_VERSION = _NOW + 1
        MIGRATIONS: ClassVar = {_NOW: broken}

    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(1)])
    before = path.read_bytes()
    with pytest.raises(raised, match=match):
        StoreV3(path)
    assert path.read_bytes() == before


def test_a_schema_1_store_moves_its_marks_to_the_state_file(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    a, b = synthetic_release(1), synthetic_release(2)
    with ReleaseStore(path) as store:
        store.add_batch([a, b])
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 1
    data["state"] = {
        str(int(a.id, 16)): {"read": True, "starred": False},
        str(int(b.id, 16)): {"read": False, "starred": True},
    }
    path.write_bytes(orjson.dumps(data))
    with ReleaseStore(path) as upgraded:
        assert upgraded.state(a.id) == ReleaseState(read=True)
        assert upgraded.state(b.id) == ReleaseState(starred=True)
    rewritten = orjson.loads(path.read_bytes())
    assert "state" not in rewritten
    assert rewritten["meta"]["1"]["schema"] == ReleaseStore.SCHEMA_VERSION
    assert len(orjson.loads((tmp_path / "releases.json.state").read_bytes())["state"]) == 2
    with ReleaseStore(path) as again:
        assert again.state(b.id).starred


def test_a_star_writes_the_state_file_and_leaves_the_store_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    release = synthetic_release(1)
    with ReleaseStore(path) as store:
        store.add_batch([release])
        before = os.stat(path)
        store.set_starred([release.id])
        after = os.stat(path)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    with ReleaseStore(path, defer_load=True) as deferred:
        assert deferred.state(release.id).starred
        deferred.set_read([release.id])
    assert ReleaseStore(path).state(release.id) == ReleaseState(read=True, starred=True)


def test_releases_stay_in_the_file_until_asked_for_and_are_written_back_as_they_were(
    tmp_path: Path,
) -> None:
    """The store keeps where each release lies, not the parsed document: an import into a
    large archive holds offsets, and the untouched documents are written as their bytes."""
    from store.disk.storage import StoredDocument, _store_chunks, materialized

    path = tmp_path / "releases.json"
    first = list(generate(30, seed=3))
    with ReleaseStore(path) as store:
        store.add_batch(first)
        assert store._by_key == {}  # written, then let go
    with ReleaseStore(path) as store:
        stored = store._tables()["releases"]
        assert all(type(doc) is StoredDocument for doc in stored.values())
        assert store.get(first[4].id) == first[4]
        more = list(generate(40, seed=4))[30:]
        assert store.add_batch([*more, first[0]]) == ["imported"] * 10 + ["known"]
        tables = store._tables()
        assert all(type(doc) is StoredDocument for doc in tables["releases"].values())
        parsed = {name: materialized(table) for name, table in tables.items()}
    # Byte for byte what writing the parsed documents gives.
    assert path.read_bytes() == b"".join(_store_chunks(parsed))
    with ReleaseStore(path) as store:
        assert {r.id: r for r in store.releases()} == {r.id: r for r in [*first, *more]}
