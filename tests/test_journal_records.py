"""A journal read a record at a time (journal.Records) gives what reading it whole gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.disk import journal
from store.disk.release_store import ReleaseStore
from tests.helpers.synthetic_releases import synthetic_release


def _journal_of_three_records(tmp_path: Path) -> tuple[Path, tuple[int, int]]:
    path = tmp_path / "releases.json"
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(n) for n in range(40)])
    for batch in ([40, 41], [42], [43, 44, 45]):
        with ReleaseStore(path) as store:
            store.add_batch([synthetic_release(n) for n in batch])
    with ReleaseStore(path) as store:
        store.add_batch([synthetic_release(0, edit=1)])  # a document replaced
    kept = journal.journal_path_for(path)
    raw = kept.read_bytes()
    first = raw[len(journal.MAGIC) : raw.index(b"\n")]
    size, mtime = map(int, first.split())
    return kept, (size, mtime)


def _both(path: Path, base: tuple[int, int], start: int = 0) -> tuple[object, object]:
    fd = os.open(path, os.O_RDONLY)
    try:
        whole = journal.read_entries(fd, base, start)
        records = journal.Records(fd, base, start)
        given = [entry for record in records for entry in record]
        return whole, (given, records.end)
    finally:
        os.close(fd)


def test_records_give_the_entries_and_end_of_the_whole_journal(tmp_path: Path) -> None:
    path, base = _journal_of_three_records(tmp_path)
    whole, by_record = _both(path, base)
    assert by_record == whole
    entries, end = whole  # type: ignore[misc]
    assert len(entries) == 7 and end == path.stat().st_size
    # From a record boundary, as a catalogue grown from the journal reads it.
    with open(path, "rb") as handle:
        records = list(journal.Records(handle.fileno(), base, 0))
    assert [len(record) for record in records] == [2, 1, 3, 1]
    first_end = records[0][-1].offset + len(records[0][-1].raw or b"") + 1  # its last line
    assert _both(path, base, first_end)[1] == _both(path, base, first_end)[0]
    assert len(_both(path, base, first_end)[1][0]) == 5  # type: ignore[index]


def test_records_ignore_a_torn_tail_and_raise_for_damage_before_the_last(
    tmp_path: Path,
) -> None:
    path, base = _journal_of_three_records(tmp_path)
    raw = path.read_bytes()
    for cut in range(len(raw) - 40, len(raw)):
        path.write_bytes(raw[:cut])
        assert _both(path, base)[1] == _both(path, base)[0]
    damaged = bytearray(raw)
    damaged[raw.index(b'"title"') + 10] ^= 0x01  # in the first record
    path.write_bytes(bytes(damaged))
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(journal.JournalDamage) as whole:
            journal.read_entries(fd, base)
        with pytest.raises(journal.JournalDamage) as by_record:
            list(journal.Records(fd, base))
        assert str(by_record.value) == str(whole.value)
    finally:
        os.close(fd)


def test_records_of_a_journal_of_another_store_file_are_none(tmp_path: Path) -> None:
    path, (size, mtime) = _journal_of_three_records(tmp_path)
    assert _both(path, (size + 1, mtime)) == (([], 0), ([], 0))
