"""SECURITY.md section 3: the store survives failed writes, kills, damage and a second writer."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson
import pytest

from store.disk import storage as storage_module
from store.disk.release_store import ReleaseStore
from store.disk.storage import backup_path_for
from store.errors import DamagedStoreError, StoreError
from tests.conftest import ROOT
from tests.helpers.synthetic_releases import international_release, synthetic_release

OLD = [synthetic_release(n) for n in range(3)]
NEW = [synthetic_release(n) for n in range(3, 6)] + [synthetic_release(0, edit=1)]


def ids_on_disk(path: Path) -> set[str]:
    with ReleaseStore(path) as store:
        return {release.id for release in store.releases()}


def leftovers(folder: Path) -> list[str]:
    """Temporary or quarantined files: what a clean failure never leaves."""
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp") or ".damaged-" in n)


def make_store(path: Path, *generations: list[Any]) -> bytes:
    with ReleaseStore(path) as store:
        for releases in generations:
            store.add_batch(releases)
    return path.read_bytes()


class Fault:
    """Makes the *at*-th call of ``os.<name>`` fail with *code* (a write first writes half)."""

    def __init__(self, name: str, at: int, code: int = errno.EIO) -> None:
        self.name, self.at, self.code = name, at, code
        self.calls = 0
        self.fired = False

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real: Callable[..., Any] = getattr(os, self.name)

        def faulty(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls != self.at:
                return real(*args, **kwargs)
            self.fired = True
            if self.name == "write":
                fd, data = args
                real(fd, bytes(data[: len(data) // 2]))
            raise OSError(self.code, os.strerror(self.code))

        monkeypatch.setattr(os, self.name, faulty)


@pytest.mark.parametrize("chunk", [None, 256], ids=["one-chunk", "many-chunks"])
@pytest.mark.parametrize("name", ["open", "write", "fsync", "link", "replace"])
def test_d1_a_failure_at_any_step_leaves_the_old_or_the_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, chunk: int | None
) -> None:
    if chunk is not None:
        monkeypatch.setattr(storage_module, "_WRITE_CHUNK", chunk)
    old_ids = {r.id for r in OLD}
    new_ids = old_ids | {r.id for r in NEW}
    refused = 0
    for at in range(1, 40):
        folder = tmp_path / f"{name}-{at}"
        folder.mkdir()
        path = folder / "releases.json"
        make_store(path, OLD[:1], OLD)
        fault = Fault(name, at)
        store = ReleaseStore(path)
        with pytest.MonkeyPatch.context() as patch:
            fault.install(patch)
            try:
                store.add_batch(NEW)
            except StoreError as error:
                assert fault.fired
                assert "\n" not in str(error)
                refused += 1
        json.loads(path.read_bytes().decode("utf-8"))  # never invalid JSON
        assert ids_on_disk(path) in (old_ids, new_ids)
        assert leftovers(folder) == []
        # The same store object goes on working and starts from what is on disk.
        assert set(store.add_batch(NEW)) <= {"imported", "updated", "known"}
        assert {r.id for r in store.releases()} == new_ids
        assert store.get(NEW[-1].id) == NEW[-1]
        store.close()
        assert ids_on_disk(path) == new_ids
        if not fault.fired:
            break  # past the last call: every step has had its failure
    else:
        pytest.fail(f"os.{name} is called more often than expected")
    if name != "link":  # a failed hard link falls back to a copy and the write succeeds
        assert refused > 0


@pytest.mark.parametrize("name", ["write", "fsync"])
def test_d7_a_full_disk_keeps_the_previous_store(tmp_path: Path, name: str) -> None:
    path = tmp_path / "releases.json"
    before = make_store(path, OLD)
    store = ReleaseStore(path)
    with pytest.MonkeyPatch.context() as patch:
        Fault(name, 1, errno.ENOSPC).install(patch)
        with pytest.raises(StoreError) as caught:
            store.add_batch(NEW)
    assert "disk is full" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert store.add_batch(NEW)  # space again: the import goes on
    store.close()


# -- D3: a damaged store is reported, kept aside and never taken for an empty one --------


def _truncated(valid: bytes) -> bytes:
    return valid[: len(valid) // 2]


def _nul_padded(valid: bytes) -> bytes:
    return valid[: len(valid) // 3] + b"\x00" * 4096


def _all_nul(valid: bytes) -> bytes:
    return b"\x00" * len(valid)


def _not_utf8(valid: bytes) -> bytes:
    return valid.replace(b"Geneva", b"Gen\xe8ve", 1)


def _schema(value: object) -> Callable[[bytes], bytes]:
    def damage(valid: bytes) -> bytes:
        data = orjson.loads(valid)
        data["meta"]["1"]["schema"] = value
        return orjson.dumps(data)

    return damage


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (_truncated, "truncated JSON at byte"),
    "nul-padded": (_nul_padded, "NUL bytes from byte"),
    "all-nul": (_all_nul, "NUL bytes from byte 0"),
    "bare-list": (lambda valid: b"[]", "JSON list"),
    "bare-string": (lambda valid: b'"releases"', "JSON string"),
    "zero-bytes": (lambda valid: b"", "empty (0 bytes)"),
    "not-utf8": (_not_utf8, "not UTF-8 text at byte"),
    "schema-text": (_schema("one"), "schema version"),
    "schema-zero": (_schema(0), "schema version 0"),
    "table-list": (lambda valid: b'{"releases": []}', 'table "releases" is not an object'),
    "document-number": (lambda valid: b'{"releases": {"1": 5}}', "not an object"),
    "document-id-text": (lambda valid: b'{"releases": {"x": {}}}', "not a number"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_d3_a_damaged_store_is_moved_aside_and_the_backup_offered(
    tmp_path: Path, case: str
) -> None:
    damage, reason = DAMAGE[case]
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD[:1], OLD)
    bad = damage(valid)
    path.write_bytes(bad)
    with pytest.raises(DamagedStoreError) as caught:
        ReleaseStore(path)
    error = caught.value
    message = str(error)
    assert "\n" not in message
    assert reason in message
    assert str(path) in message
    assert error.quarantined.name in message
    assert f"pressroom --db {path} --restore-backup" in message
    assert error.path == path
    assert error.quarantined.read_bytes() == bad  # kept aside, byte for byte
    assert error.quarantined.name.startswith("releases.json.damaged-")
    assert not path.exists()  # never silently emptied in place
    assert error.backup == backup_path_for(path)

    assert ReleaseStore.restore_backup(path) == path
    assert ids_on_disk(path) == {OLD[0].id}
    assert error.quarantined.read_bytes() == bad


def test_d3_without_a_backup_the_message_says_so(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD)
    path.write_bytes(_truncated(valid))
    with pytest.raises(DamagedStoreError) as caught:
        ReleaseStore(path)
    assert caught.value.backup is None
    assert "no valid backup" in str(caught.value)
    with pytest.raises(StoreError, match="no backup"):
        ReleaseStore.restore_backup(path)
    assert caught.value.quarantined.read_bytes() == _truncated(valid)


def test_d3_a_damaged_backup_is_not_offered(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD[:1], OLD)
    backup_path_for(path).write_bytes(b"[]")
    path.write_bytes(_truncated(valid))
    with pytest.raises(DamagedStoreError) as caught:
        ReleaseStore(path)
    assert caught.value.backup is None
    with pytest.raises(StoreError, match="damaged too"):
        ReleaseStore.restore_backup(path)


def test_d3_quarantine_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    quarantined = []
    for garbage in (b"[1]", b"[2]", b"[3]"):
        path.write_bytes(garbage)
        with pytest.raises(DamagedStoreError) as caught:
            ReleaseStore(path)
        quarantined.append(caught.value.quarantined)
    assert len(set(quarantined)) == 3
    assert [q.read_bytes() for q in quarantined] == [b"[1]", b"[2]", b"[3]"]


def test_d3_restoring_over_a_valid_store_moves_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    current = make_store(path, OLD[:1], OLD)
    ReleaseStore.restore_backup(path)
    assert ids_on_disk(path) == {OLD[0].id}
    (aside,) = [n for n in os.listdir(tmp_path) if ".replaced-" in n]
    assert (tmp_path / aside).read_bytes() == current


def test_d3_damage_seen_on_refresh_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD[:1], OLD)
    with ReleaseStore(path) as browser:
        path.write_bytes(b"\x00" * 100)
        with pytest.raises(DamagedStoreError):
            browser.refresh()


def test_a_utf8_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD)
    path.write_bytes(b"\xef\xbb\xbf" + valid)
    assert ids_on_disk(path) == {r.id for r in OLD}


# -- D8: the locale never decides the encoding ---------------------------------------------

_D8_CHILD = """
import locale, sys
from store.disk.release_store import ReleaseStore
from tests.helpers.synthetic_releases import international_release
expected = international_release()
with ReleaseStore(sys.argv[2]) as store:
    if sys.argv[1] == "write":
        print(store.add_batch([expected])[0])
    else:
        print(store.get(expected.id) == expected)
print(locale.getpreferredencoding(False))
"""


def test_d8_non_ascii_round_trips_exactly_under_lc_all_c(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    env = {
        **os.environ,
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "ascii:backslashreplace",
    }
    outputs = []
    for step in ("write", "read"):
        done = subprocess.run(
            [sys.executable, "-c", _D8_CHILD, step, str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout.split())
    (written, encoding), (same, _encoding) = outputs
    assert encoding.lower() in {"ansi_x3.4-1968", "ascii", "us-ascii"}  # really not UTF-8
    assert written == "imported"
    assert same == "True"
    raw = path.read_bytes()
    assert "👩🏽‍🔬".encode() in raw and "経済産業省".encode() in raw
    with ReleaseStore(path) as store:
        assert store.get(international_release().id) == international_release()


# -- D2, D4: other processes ----------------------------------------------------------------


def _child(
    path: Path, tag: str, start: int, count: int, batch: int, go_file: Path | None = None
) -> subprocess.Popen[str]:
    arguments = [str(path), tag, str(start), str(count), str(batch), "400"]
    if go_file is not None:
        arguments.append(str(go_file))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.import_child", *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_d2_kill_9_never_loses_an_acknowledged_release(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    rng = random.Random(20261127)
    acknowledged: set[str] = set()
    for round_number in range(50):
        child = _child(path, "kill", round_number * 1_000_000, 1_000_000, 20)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        output = child.stdout.read()
        child.stdout.close()
        # Only whole lines: an id cut by the kill was not reported.
        acknowledged.update(line for line in output.split("\n")[:-1] if len(line) == 16)
        with ReleaseStore(path) as store:  # parses, or raises DamagedStoreError
            stored = {release.id for release in store.releases()}
        assert acknowledged <= stored, f"round {round_number}: acknowledged releases lost"
        json.loads(path.read_bytes().decode("utf-8")) if path.exists() else None
    assert len(acknowledged) > 200  # the kills did land while importing
    assert not [n for n in os.listdir(tmp_path) if ".damaged-" in n]
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(0, tag="after")])
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []


def test_d4_two_importers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    go = tmp_path / "go"
    tags = ("left", "right")
    children = [_child(path, tag, 0, 300, 10, go) for tag in tags]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    go.touch()  # both open, both start importing now
    reported: set[str] = set()
    for child in children:
        out, _err = child.communicate(timeout=120)
        assert child.returncode == 0
        reported.update(out.split())
    expected = {synthetic_release(n, tag=tag).id for tag in tags for n in range(300)}
    assert reported == expected
    with ReleaseStore(path) as store:
        stored = store.releases()
    assert {release.id for release in stored} == expected
    # Their batches interleaved in the file: the two really wrote at the same time.
    order = [release.tags[0] for release in stored]
    changes = sum(1 for a, b in pairwise(order) if a != b)
    assert changes >= 2, f"{changes} changes of writer"


def test_d5_an_open_store_sees_another_process_import_after_refresh(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD)
    with ReleaseStore(path) as browser:
        first = browser.releases()
        importer = _child(path, "other", 0, 40, 10)
        out, _err = importer.communicate(timeout=60)
        assert importer.returncode == 0
        assert browser.releases() is first  # the open snapshot keeps working meanwhile
        assert browser.refresh() is True
        assert len(browser) == len(OLD) + 40
        assert set(out.split()[1:]) <= {release.id for release in browser.releases()}


def test_d10_no_new_store_while_a_damaged_one_waits_for_its_backup(tmp_path: Path) -> None:
    # The case: a damaged store set aside, then more imports; the
    # second write of a new store would have replaced the only good backup.
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD[:1], OLD)
    good_backup = backup_path_for(path).read_bytes()
    path.write_bytes(_truncated(valid))
    with pytest.raises(DamagedStoreError):
        ReleaseStore(path)
    for _attempt in range(2):
        with ReleaseStore(path) as store, pytest.raises(StoreError, match="--restore-backup"):
            store.add_batch(NEW[:1])
        assert not path.exists()
        assert backup_path_for(path).read_bytes() == good_backup
    ReleaseStore.restore_backup(path)
    with ReleaseStore(path) as store:
        store.add_batch(NEW[:1])
        assert len(store) == len(OLD[:1]) + 1


def test_d10_without_a_good_backup_a_new_store_starts_as_announced(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD)
    path.write_bytes(_truncated(valid))
    with pytest.raises(DamagedStoreError, match="the next import starts a new store"):
        ReleaseStore(path)
    with ReleaseStore(path) as store:
        store.add_batch(NEW[:1])
    assert ids_on_disk(path) == {NEW[0].id}
