"""pressroom doctor: every damaged store of SECURITY.md section 3 is found, explained and repaired."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from store import doctor
from store.archive import Archive
from store.disk.catalogue import Catalogue, catalogue_path
from store.disk.lock import lock_path_for
from store.disk.release_store import ReleaseStore, id_of_key, state_path
from store.disk.storage import AtomicJSONStorage, backup_path_for
from store.errors import DamagedStoreError, StoreError
from store.records import Release
from tests.conftest import ROOT
from tests.helpers.synthetic_releases import synthetic_release
from tui.cli.main import main

OLD = [synthetic_release(n) for n in range(3)]
NEW = [synthetic_release(n) for n in range(3, 6)]
ALL = OLD + NEW
LATER = [synthetic_release(n) for n in range(6, 8)]


def ids(releases: list[Release]) -> set[str]:
    return {release.id for release in releases}


def make_store(path: Path, *generations: list[Release]) -> bytes:
    """A store written once per generation (its backup is the one before the last),
    with its catalogue and search index, as `pressroom import` leaves them."""
    with ReleaseStore(path) as store:
        for releases in generations:
            store.add_batch(releases)
        Archive(store).build_index()
    return path.read_bytes()


def counted(n: int) -> str:
    return f"{n} release" if n == 1 else f"{n} releases"


def ids_in(path: Path) -> set[str]:
    with ReleaseStore(path, read_only=True) as store:
        return {release.id for release in store.releases()}


def written(release: Release) -> bytes:
    """A release's document as the store file holds it."""
    return orjson.dumps(release.to_document())


def on_disk(folder: Path) -> dict[str, Any]:
    """Every name in *folder*, what it is and what it holds: to prove nothing changed."""
    found: dict[str, Any] = {}
    for entry in os.scandir(folder):
        mode = os.lstat(entry.path).st_mode
        if stat.S_ISLNK(mode):
            found[entry.name] = ("link", os.readlink(entry.path))
        elif stat.S_ISREG(mode):
            found[entry.name] = ("file", Path(entry.path).read_bytes())
        else:
            found[entry.name] = ("other", stat.S_IFMT(mode))
    return found


def checked(path: Path) -> doctor.Report:
    """``doctor.check``, proved to change nothing and never to hang (a FIFO, a held lock)."""
    before = on_disk(path.parent)
    outcome: list[doctor.Report | BaseException] = []

    def run() -> None:
        try:
            outcome.append(doctor.check(path))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(30)
    assert outcome, "the check did not finish"
    report = outcome[0]
    if isinstance(report, BaseException):
        raise report
    assert on_disk(path.parent) == before, "the check changed something on disk"
    return report


def line(report: doctor.Report, name: str) -> str:
    return {checked.file: checked.summary for checked in report.files}[name]


def problem(report: doctor.Report, name: str) -> doctor.Finding:
    (finding,) = [f for f in report.problems if f.file == name]
    return finding


def repair_all(report: doctor.Report) -> list[str]:
    return [doctor.repair(f) for f in report.problems if f.apply is not None]


def set_aside(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


# -- a sound store ------------------------------------------------------------------------


def test_a_sound_store_is_fine_file_by_file(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD, ALL)
    with ReleaseStore(path) as store:
        store.set_starred([OLD[0].id])
    report = checked(path)
    assert report.problems == [] and report.notes == [] and report.busy is None
    assert line(report, "releases.json") == "6 releases, fine"
    assert line(report, "releases.json.bak") == (
        "3 releases, the generation before the current one (3 fewer); fine"
    )
    assert line(report, "releases.json.state") == "1 mark (1 starred, 0 read), fine"
    assert line(report, "releases.json.state.bak") == "none yet (made at the next write)"
    assert line(report, "releases.json.catalogue") == "6 releases, current; fine"
    assert line(report, "releases.json.index") == "6 releases, current; fine"
    assert line(report, "releases.json.lock").startswith("free")


def test_the_journal_says_what_was_written_since_the_store_file(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    assert line(checked(path), "releases.json.journal") == (
        "none (nothing written since the store file)"
    )
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(6)])
    assert (tmp_path / "releases.json.journal").exists(), (
        "one release is appended, not written whole"
    )
    report = checked(path)
    assert line(report, "releases.json") == "7 releases, fine"
    assert line(report, "releases.json.journal") == (
        "1 release written since the store file was written whole "
        "(folded into it when the journal passes a quarter of it); fine"
    )
    assert line(report, "releases.json.bak") == (
        "none yet (made when the store file is next written whole)"
    )
    # The store file written again by something else: the journal continues nothing.
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    report = checked(path)
    assert line(report, "releases.json") == "6 releases, fine"
    assert line(report, "releases.json.journal") == (
        "left from an earlier store file: not read (replaced at the next write)"
    )


def test_no_store_yet_is_not_a_problem(tmp_path: Path) -> None:
    report = checked(tmp_path / "releases.json")
    assert report.problems == []
    assert line(report, "releases.json") == "no store here yet"


# -- D3: a damaged store ----------------------------------------------------------------


def _truncated(valid: bytes) -> bytes:
    return valid[: len(valid) // 2]


def _nul_padded(valid: bytes) -> bytes:
    return valid[: len(valid) * 2 // 3] + b"\x00" * 4096


def _not_utf8(valid: bytes) -> bytes:
    return valid.replace(b"Geneva", b"Gen\xe8ve", 1)


def _a_line_garbled(valid: bytes) -> bytes:
    lines = valid.split(b"\n")
    lines[5] = b"\x00\x13 garbled \xff"  # the fourth release: the ones after it still read
    return b"\n".join(lines)


def _one_line_truncated(valid: bytes) -> bytes:
    """TinyDB's own storage writes the whole store on one line: cut it short."""
    whole = orjson.dumps(orjson.loads(valid))
    return whole[: len(whole) * 2 // 3]


def _schema_text(valid: bytes) -> bytes:
    data = orjson.loads(valid)
    data["meta"]["1"]["schema"] = "one"
    return orjson.dumps(data)


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": _truncated,
    "nul-padded": _nul_padded,
    "all-nul": lambda valid: b"\x00" * len(valid),
    "zero-bytes": lambda valid: b"",
    "bare-list": lambda valid: b"[]",
    "garbage": lambda valid: bytes(range(256)) * 8,
    "not-utf8": _not_utf8,
    "a-line-garbled": _a_line_garbled,
    "one-line-truncated": _one_line_truncated,
    "schema-text": _schema_text,
    "table-list": lambda valid: b'{"releases": []}',
    "document-number": lambda valid: b'{"releases": {"1": 5}}',
    "deeply-nested": lambda valid: b'{"releases": {"1": ' + b"[" * 200_000,
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_d3_a_damaged_store_comes_back_from_what_can_be_read_and_its_backup(
    tmp_path: Path, case: str
) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    backup = backup_path_for(path).read_bytes()
    bad = DAMAGE[case](valid)
    path.write_bytes(bad)
    # The backup holds OLD; of NEW, what is whole in the damaged file comes back.
    readable = {release.id for release in NEW if written(release) in bad}
    report = checked(path)
    finding = problem(report, "releases.json")
    assert finding.severity == "error"
    assert finding.problem.startswith("cannot be read (")
    assert finding.repair is not None and "releases.json.damaged-<date and time>" in finding.repair
    done = doctor.repair(finding)
    aside = set_aside(tmp_path, "releases.json.damaged-*")
    assert f"the damaged file is now {aside.name}" in done
    assert aside.read_bytes() == bad  # kept aside, byte for byte
    assert backup_path_for(path).read_bytes() == backup  # the last good copy, untouched (D10)
    assert ids_in(path) == ids(OLD) | readable
    with ReleaseStore(path) as store:
        for release in ALL:
            assert store.get(release.id) in (None, release)
    after = checked(path)
    assert after.problems == []  # the catalogue and the index were built again with it
    assert line(after, "releases.json.catalogue").endswith("current; fine")


def test_d3_what_a_truncated_store_still_holds_is_counted_and_proposed(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    bad = valid[: len(valid) // 4]  # the first releases only: the backup has more
    path.write_bytes(bad)
    readable = [release for release in ALL if written(release) in bad]
    assert 0 < len(readable) < len(OLD)
    report = checked(path)
    finding = problem(report, "releases.json")
    kept, taken = len(readable), len(ids(OLD) - ids(readable))
    assert finding.problem.startswith(
        f"cannot be read (truncated JSON at byte {len(bad)}); "
        f"{counted(kept)} can still be read from it"
    )
    assert finding.repair is not None
    assert finding.repair.startswith(
        f"keep the {counted(kept)} that can be read and take {taken} more from the backup "
        f"({counted(kept + taken)} in all)"
    )


def test_d3_a_damaged_store_and_a_damaged_backup_keep_what_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    bad = _truncated(valid)
    path.write_bytes(bad)
    backup_path_for(path).write_bytes(b"[]")
    readable = {release.id for release in ALL if written(release) in bad}
    report = checked(path)
    assert (
        line(report, "releases.json.bak")
        == "cannot be read (it holds a JSON list, not an object of tables); nothing in it can be read"
    )
    finding = problem(report, "releases.json")
    assert finding.repair is not None
    assert finding.repair.startswith(
        f"keep the {len(readable)} releases that can be read (the backup holds no others)"
    )
    doctor.repair(finding)
    assert ids_in(path) == readable
    # The store is sound again; its backup is not: a fresh one is made, the bad one set aside.
    report = checked(path)
    finding = problem(report, "releases.json.bak")
    assert finding.severity == "warning"
    doctor.repair(finding)
    assert set_aside(tmp_path, "releases.json.bak.damaged-*").read_bytes() == b"[]"
    assert ids_in(backup_path_for(path)) == readable
    assert checked(path).problems == []


def test_d3_when_nothing_can_be_read_anywhere_the_store_is_set_aside_never_emptied(
    tmp_path: Path,
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD, ALL)
    path.write_bytes(b"\x00" * 512)
    backup_path_for(path).write_bytes(b"garbage")
    finding = problem(checked(path), "releases.json")
    assert finding.repair is not None and finding.repair.startswith("set it aside (nothing in it")
    doctor.repair(finding)
    assert not path.exists()
    assert set_aside(tmp_path, "releases.json.damaged-*").read_bytes() == b"\x00" * 512
    assert backup_path_for(path).read_bytes() == b"garbage"


def test_d10_what_pressroom_set_aside_and_the_backup_come_back_after_more_imports(
    tmp_path: Path,
) -> None:
    """Pressroom sets a damaged store aside at open and refuses to start a new one while
    the backup waits (a new store's second write would replace it); the doctor brings
    back the backup and what the damaged file still holds, and imports go on."""
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    good_backup = backup_path_for(path).read_bytes()
    bad = valid[: len(valid) * 2 // 3]
    path.write_bytes(bad)
    readable = {release.id for release in ALL if written(release) in bad}
    with pytest.raises(DamagedStoreError):
        ReleaseStore(path)
    with ReleaseStore(path) as store, pytest.raises(StoreError, match="--restore-backup"):
        store.add_batch(LATER)
    assert backup_path_for(path).read_bytes() == good_backup
    report = checked(path)
    assert problem(report, "releases.json").problem.startswith(
        "is missing, but its backup holds 3 releases"
    )
    quarantined = set_aside(tmp_path, "releases.json.damaged-*")
    repair_all(report)
    assert ids_in(path) == ids(OLD) | readable
    with ReleaseStore(path) as store:
        store.add_batch(LATER)
    assert ids_in(path) == ids(LATER) | ids(OLD) | readable
    assert quarantined.read_bytes() == bad  # left as it is
    after = checked(path)
    # The import above went around the command line: only the derived files lag.
    assert {finding.file for finding in after.problems} <= {
        "releases.json.catalogue",
        "releases.json.index",
    }
    assert [note.file for note in after.notes] == [quarantined.name]


def test_a_missing_store_is_put_back_from_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD, ALL)
    path.write_bytes(b"[]")
    with pytest.raises(DamagedStoreError):
        ReleaseStore(path)  # moved aside: only the backup is left
    report = checked(path)
    assert line(report, "releases.json") == "no store here yet"
    finding = problem(report, "releases.json")
    assert finding.problem.startswith("is missing, but its backup holds 3 releases")
    assert finding.repair == (
        "put the backup back (3 releases); the catalogue and the search index are built again"
    )
    doctor.repair(finding)
    assert ids_in(path) == ids(OLD)
    assert checked(path).problems == []


@pytest.mark.parametrize("edited", [False, True], ids=["damaged", "edited-by-hand"])
def test_d7_a_repair_that_meets_a_full_disk_leaves_everything_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: bool
) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    if edited:
        _edited_by_hand(path)
    else:
        path.write_bytes(_truncated(valid))
    finding = problem(checked(path), "releases.json")
    before = on_disk(tmp_path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)
        with pytest.raises(StoreError, match="the disk is full; the store was left as it was"):
            doctor.repair(finding)
    assert on_disk(tmp_path) == before
    doctor.repair(finding)  # room again: the same repair goes through


def test_a_repair_refuses_a_file_that_changed_since_it_was_checked(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    path.write_bytes(_truncated(valid))
    finding = problem(checked(path), "releases.json")
    path.write_bytes(valid)  # another process wrote meanwhile
    with pytest.raises(StoreError, match="changed since it was checked; nothing was done"):
        doctor.repair(finding)
    assert path.read_bytes() == valid
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_a_store_from_a_newer_pressroom_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, ALL)
    data = orjson.loads(valid)
    data["meta"]["1"]["schema"] = 99
    path.write_bytes(orjson.dumps(data))
    finding = problem(checked(path), "releases.json")
    assert "made by a newer Pressroom (store schema 99)" in finding.problem
    assert finding.repair is None and finding.apply is None


# -- D13: documents edited by hand --------------------------------------------------------


def _edited_by_hand(path: Path) -> tuple[dict[str, str], bytes]:
    """Every kind of hand edit at once; returns the keys of the edited releases."""
    data = orjson.loads(path.read_bytes())
    releases = data["releases"]
    keys = list(releases)
    releases[keys[0]]["id"] = 12345
    releases[keys[1]]["title"] = 42
    releases[keys[2]]["organisations"] = "Acme"
    releases["0" + keys[3]] = dict(releases[keys[3]])  # the same id with a leading zero
    releases[str(1 << 64)] = dict(releases[keys[4]], fingerprint="x")  # too large to be an id
    storage = AtomicJSONStorage(path)
    storage.read()
    storage.write(data)
    storage.close()
    lines = path.read_bytes().split(b"\n")
    (at,) = [n for n, text in enumerate(lines) if text.startswith(f'"{keys[5]}": '.encode())]
    lines.insert(at, lines[at])  # written twice: JSON keeps the last without a word
    path.write_bytes(b"\n".join(lines))
    named = {"wrong id": keys[0], "title": keys[1], "organisations": keys[2]}
    return named, path.read_bytes()


def test_d13_documents_edited_by_hand_are_rewritten_as_pressroom_reads_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    edited, before = _edited_by_hand(path)
    report = checked(path)
    finding = problem(report, "releases.json")
    assert finding.severity == "warning"
    assert finding.problem == (
        "6 releases are not stored the way Pressroom writes them (1 whose id is not the one "
        "it is stored under; 2 with fields of the wrong type or fields Pressroom does not "
        "write; 2 stored a second time under the same id; 1 under a number too large to be "
        "a release id): Pressroom reads them the tolerant way"
    )
    done = doctor.repair(finding)
    kept = set_aside(tmp_path, "releases.json.before-repair-*")
    assert f"the file as it was is kept as {kept.name}" in done
    assert kept.read_bytes() == before  # nothing is lost: the hand-edited file stays
    assert ids_in(path) == ids(ALL)
    with ReleaseStore(path) as store:
        assert store.get(id_of_key(edited["title"])).title == "42"  # type: ignore[union-attr]
        assert store.get(id_of_key(edited["organisations"])).organisations == ()  # type: ignore[union-attr]
    stored = orjson.loads(path.read_bytes())["releases"]
    assert stored[edited["wrong id"]]["id"] == id_of_key(edited["wrong id"])
    assert str(1 << 64) not in stored
    assert Catalogue.build(path) is not None
    assert checked(path).problems == []


def test_a_store_in_tinydbs_own_layout_is_written_again_in_pressrooms(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, ALL)
    path.write_bytes(orjson.dumps(orjson.loads(valid)))  # one line, as TinyDB writes it
    report = checked(path)
    finding = problem(report, "releases.json")
    assert finding.problem.startswith("is not in the layout Pressroom writes")
    assert line(report, "releases.json.catalogue") == (
        "none (one is made only of a store in Pressroom's layout)"
    )
    assert line(report, "releases.json.index") == "6 releases, current; fine"
    doctor.repair(finding)
    assert path.read_bytes() == valid
    assert checked(path).problems == []


# -- D9: what is in the store's place -----------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "mine.txt").write_text("precious\n")


def _device(path: Path) -> None:
    path.symlink_to("/dev/null")


@pytest.mark.parametrize("make", [_fifo, _directory, _device], ids=["fifo", "directory", "device"])
def test_d9_a_store_that_is_not_a_file_is_reported_and_never_touched(
    tmp_path: Path, make: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD, ALL)
    path.unlink()
    make(path)
    report = checked(path)
    finding = problem(report, "releases.json")
    assert finding.severity == "error" and finding.apply is None
    assert "not a store file: Pressroom can neither read nor write it" in finding.problem
    before = on_disk(tmp_path)
    assert main(["doctor", "--db", str(path), "--yes"]) == 1
    assert on_disk(tmp_path) == before
    assert "move it away yourself" in capsys.readouterr().out


def test_d9_a_store_behind_a_link_is_checked_where_it_lies(tmp_path: Path) -> None:
    real = tmp_path / "real" / "releases.json"
    real.parent.mkdir()
    path = tmp_path / "releases.json"
    path.symlink_to(real)
    make_store(path, OLD, ALL)
    report = checked(path)
    assert report.problems == []
    assert line(report, "releases.json") == f"a link to {real}; 6 releases, fine"
    # The backup and the lock are beside the file the link points to.
    assert line(report, f"{real}.bak").startswith("3 releases")


# -- the marks ------------------------------------------------------------------------------


def _marked_store(path: Path) -> None:
    make_store(path, OLD, ALL)
    with ReleaseStore(path) as store:
        store.set_starred(ids(OLD))  # the marks' backup holds these
        store.set_read([NEW[0].id])


@pytest.mark.parametrize("damage", [b"not json at all", "truncated"])
def test_damaged_marks_come_back_from_what_can_be_read_and_their_backup(
    tmp_path: Path, damage: bytes | str
) -> None:
    path = tmp_path / "releases.json"
    _marked_store(path)
    marks = state_path(path)
    valid = marks.read_bytes()
    bad = valid[: len(valid) * 2 // 3] if damage == "truncated" else damage
    assert isinstance(bad, bytes)
    marks.write_bytes(bad)
    finding = problem(checked(path), "releases.json.state")
    assert finding.severity == "error" and finding.apply is not None
    doctor.repair(finding)
    assert set_aside(tmp_path, "releases.json.state.damaged-*").read_bytes() == bad
    with ReleaseStore(path) as store:
        states = store.states()
    assert {i for i, s in states.items() if s.starred} == ids(OLD)
    assert checked(path).problems == []


def test_marks_edited_by_hand_are_rewritten_and_marks_of_absent_releases_only_noted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    absent = "00000000000000ab"
    with ReleaseStore(path) as store:
        store.set_starred([absent, OLD[0].id])
    marks = state_path(path)
    data = orjson.loads(marks.read_bytes())
    data["state"][str(int(OLD[0].id, 16))] = {"read": "yes", "starred": 1}
    marks.write_bytes(orjson.dumps(data))
    report = checked(path)
    assert problem(report, "releases.json.state").problem.startswith(
        "1 mark is not stored the way Pressroom writes it (1 with values other than true and false)"
    )
    (note,) = report.notes
    assert note.problem.startswith("1 mark is for releases not in the store: harmless")
    repair_all(report)
    with ReleaseStore(path) as store:
        assert store.state(OLD[0].id).read and store.state(absent).starred
    assert checked(path).problems == []


# -- the backup -----------------------------------------------------------------------------


def test_a_backup_holding_releases_the_store_lacks_gives_them_back(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    backup_path_for(path).write_bytes(path.read_bytes())
    smaller = tmp_path / "other" / "releases.json"
    smaller.parent.mkdir()
    path.write_bytes(make_store(smaller, OLD))
    finding = problem(checked(path), "releases.json.bak")
    assert finding.repair == "take the 3 releases back (the backup itself is left as it is)"
    doctor.repair(finding)
    assert ids_in(path) == ids(ALL)
    assert checked(path).problems == []


@pytest.mark.parametrize("kind", ["fifo", "empty directory"])
def test_a_backup_that_is_not_a_file_is_replaced_by_a_real_one(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    backup = backup_path_for(path)
    backup.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(backup)
    else:
        backup.mkdir()
    finding = problem(checked(path), "releases.json.bak")
    assert finding.apply is not None
    doctor.repair(finding)
    with ReleaseStore(path) as store:
        store.add_batch(LATER)  # writes go on, and keep a real backup again
    assert backup.is_file() and ids_in(backup) == ids(ALL)
    assert "releases.json.bak" not in [f.file for f in checked(path).problems]


# -- the derived files (D9, D12) -------------------------------------------------------------


def _junk(path: Path) -> None:
    path.write_bytes(b"not a derived file")


def _cut_short(path: Path) -> None:
    """Damaged inside with its header intact (D12)."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])


def _gone(path: Path) -> None:
    path.unlink()


def _to_dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _fifo_in_place(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _empty_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("name", ["releases.json.catalogue", "releases.json.index"])
@pytest.mark.parametrize(
    "damage",
    [_junk, _cut_short, _gone, _to_dev_zero, _fifo_in_place, _empty_folder],
    ids=["junk", "cut-short", "missing", "link-to-dev-zero", "fifo", "empty-folder"],
)
def test_derived_files_out_of_date_or_damaged_are_built_now(
    tmp_path: Path, name: str, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD, ALL)
    damage(tmp_path / name)
    finding = problem(checked(path), name)
    assert finding.apply is not None
    assert "build" in (finding.repair or "")
    doctor.repair(finding)
    derived = tmp_path / name
    assert derived.is_file() and not derived.is_symlink()
    assert Catalogue.load(catalogue_path(path), path) is not None
    archive = Archive(ReleaseStore(path, defer_load=True, read_only=True))
    archive.build_index(cached_only=True)  # only a current index on disk is taken
    assert archive.catalogued and archive.index is not None
    assert checked(path).problems == []


def test_a_catalogue_out_of_date_after_another_write_is_found(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD)
    with ReleaseStore(path) as store:  # written without building the derived files
        store.add_batch(NEW)
    report = checked(path)
    assert problem(report, "releases.json.catalogue").problem.startswith("out of date or damaged")
    assert problem(report, "releases.json.index").problem.startswith("out of date or damaged")


# -- locks (D4, D9) ---------------------------------------------------------------------------


def test_a_lock_left_by_a_process_that_has_ended_holds_nothing_and_is_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, ALL)
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    lock = lock_path_for(path)
    lock.write_text(f"{ended.pid}\n")
    report = checked(path)
    assert report.problems == [] and report.busy is None
    assert line(report, "releases.json.lock") == (
        f"free (last taken by pid {ended.pid}, which has ended; nothing to clear)"
    )


@pytest.fixture
def victim(tmp_path: Path) -> Iterator[Path]:
    mine = tmp_path / "mine.txt"
    mine.write_text("precious\n")
    yield mine
    assert mine.read_text() == "precious\n"


@pytest.mark.parametrize("kind", ["symlink", "fifo", "empty directory"])
def test_d9_a_lock_that_is_not_a_file_is_removed_and_writes_go_on(
    tmp_path: Path, victim: Path, kind: str
) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD)
    lock = lock_path_for(path)
    lock.unlink()
    if kind == "symlink":
        lock.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    with pytest.raises(StoreError, match=r"\.lock"), ReleaseStore(path) as store:
        store.add_batch(NEW)
    finding = problem(checked(path), "releases.json.lock")
    assert finding.severity == "error" and finding.apply is not None
    assert doctor.repair(finding).startswith("removed releases.json.lock")
    with ReleaseStore(path) as store:
        store.add_batch(NEW)
    assert ids_in(path) == ids(ALL)


def test_a_lock_folder_with_something_in_it_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "releases.json"
    make_store(path, OLD)
    lock = lock_path_for(path)
    lock.unlink()
    lock.mkdir()
    (lock / "mine.txt").write_text("precious\n")
    finding = problem(checked(path), "releases.json.lock")
    assert finding.apply is None and finding.problem.endswith("move it away yourself")


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """The store's lock held by another running process, as a writing Pressroom holds it."""
    path = tmp_path / "releases.json"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
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
        yield path, holder.pid
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_d4_no_repair_while_another_pressroom_holds_the_lock(
    held_lock: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = held_lock
    path.write_bytes(b"[]")  # damaged, with a repair to propose
    report = checked(path)
    assert report.busy == f"pid {pid}"
    assert problem(report, "releases.json.lock").problem.startswith(
        f"held by pid {pid}: another Pressroom is writing to the store"
    )
    before = on_disk(path.parent)
    assert main(["doctor", "--db", str(path), "--yes"]) == 1
    assert on_disk(path.parent) == before
    assert f"nothing was changed: no repair while pid {pid} writes to the store" in (
        capsys.readouterr().out
    )


# -- the command ------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """Standard input that is a terminal, answering the questions it is asked in turn."""

    def isatty(self) -> bool:
        return True


def test_the_command_repairs_everything_with_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    path.write_bytes(_truncated(valid))
    (tmp_path / "releases.json.index").write_bytes(b"junk")
    assert main(["doctor", "--db", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"checking {path}\n" in out
    assert "  releases.json: cannot be read (truncated JSON at byte" in out
    assert "1 problem:\n  1. releases.json: cannot be read" in out
    assert "     repair: keep the " in out
    assert "  1: " in out and "the damaged file is now releases.json.damaged-" in out
    assert out.endswith("everything is fine now\n")
    assert ids(OLD) <= ids_in(path)
    assert main(["doctor", "--db", str(path)]) == 0
    assert capsys.readouterr().out.endswith("everything is fine\n")


def test_without_a_terminal_and_without_yes_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    path.write_bytes(_truncated(valid))
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    before = on_disk(tmp_path)
    assert main(["doctor", "--db", str(path)]) == 1
    assert on_disk(tmp_path) == before
    assert capsys.readouterr().out.endswith(
        "nothing was changed: run `pressroom doctor --yes` to make these repairs, "
        "or run it in a terminal to be asked for each\n"
    )


def test_on_a_terminal_each_repair_is_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "releases.json"
    valid = make_store(path, OLD, ALL)
    path.write_bytes(_truncated(valid))
    _junk(tmp_path / "releases.json.catalogue")
    before = on_disk(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))  # then end of input: no
    assert main(["doctor", "--db", str(path)]) == 1
    assert on_disk(tmp_path) == before
    out = capsys.readouterr().out
    assert "repair 1 (releases.json)? [y/N]" in out and "  1: left as it is" in out
    assert "still wrong:\n  releases.json: cannot be read" in out
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    assert main(["doctor", "--db", str(path)]) == 0  # the store's repair built the catalogue too
    assert ids(OLD) <= ids_in(path)


def test_a_mistake_on_the_command_line_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", "--yse"]) == 2
    assert "unrecognized arguments: --yse" in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["fifo", "truncated"])
def test_the_real_command_never_shows_a_traceback(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "re\x1b]0;pwned\x07leases.json"
    valid = make_store(path, OLD, ALL)
    if damage == "fifo":
        path.unlink()
        os.mkfifo(path)
    else:
        path.write_bytes(_truncated(valid))
    done = subprocess.run(
        [sys.executable, "-m", "tui", "doctor", "--db", str(path)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "releases.json: " in done.stdout  # the name, cleaned for the terminal


def _imported(tmp_path: Path) -> Path:
    from store.ingest.run import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.md").write_text(
            f"# Harbour notice {n}\n\nGENEVA, 3 March 2024 - Number {n}.\n", encoding="utf-8"
        )
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        import_paths(store, [str(folder)], workers=1)
        Archive(store).build_index()
    return path


def test_the_list_of_imported_files_is_checked(tmp_path: Path) -> None:
    path = _imported(tmp_path)
    report = checked(path)
    assert line(report, "releases.json.seen") == "3 imported files remembered; fine"
    assert report.problems == []


@pytest.mark.parametrize("shape", ["damaged", "fifo", "link"])
def test_a_damaged_or_odd_list_of_imported_files_is_removed(tmp_path: Path, shape: str) -> None:
    path = _imported(tmp_path)
    seen = tmp_path / "releases.json.seen"
    target = tmp_path / "precious.txt"
    target.write_text("mine")
    seen.unlink()
    if shape == "damaged":
        seen.write_bytes(b"PRESSROOM-SEEN garbage\n{}")
    elif shape == "fifo":
        os.mkfifo(seen)
    else:
        seen.symlink_to(target)
    report = checked(path)
    finding = problem(report, "releases.json.seen")
    assert finding.severity == "warning"
    assert (
        "damaged" if shape == "damaged" else "not the list of imported files"
    ) in finding.problem
    [done] = repair_all(report)
    assert done == "removed releases.json.seen; the next import makes it again"
    assert not os.path.lexists(seen) and target.read_text() == "mine"
    assert checked(path).problems == []
