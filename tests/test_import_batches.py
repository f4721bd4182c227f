"""An import into a store file writes bounded batches, and a batch leaves readers' tables alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from store.disk.release_store import RELEASES, Outcome, ReleaseStore
from store.ingest import run
from store.ingest.run import import_paths
from store.records import Release

RELEASE = """# The {who} plans number {n}

GENEVA, 3 March 2024 -- The {who} announced plan number {n} today, the {n}th of its kind.
"""


def _folder(root: Path, count: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"r{n:03}.md").write_text(
            RELEASE.format(who=f"Harbour Board {n}", n=n), encoding="utf-8"
        )
    return folder


def test_batches_stay_under_the_cap_and_every_release_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A batch waits in memory until written: it grows with the store, up to the cap.
    monkeypatch.setattr(run, "MIN_BATCH", 2)
    monkeypatch.setattr(run, "MAX_BATCH", 5)
    sizes: list[int] = []
    add_batch = ReleaseStore.add_batch

    def counting(self: ReleaseStore, releases: Sequence[Release]) -> list[Outcome]:
        sizes.append(len(releases))
        return add_batch(self, releases)

    monkeypatch.setattr(ReleaseStore, "add_batch", counting)
    store = ReleaseStore(tmp_path / "db" / "store.json")
    try:
        summary = import_paths(store, [str(_folder(tmp_path, 40))], workers=1)
        assert summary.imported == 40
        assert len(store) == 40
        assert max(sizes) == 5
        assert sum(sizes) == 40
    finally:
        store.close()
    # And read back whole from the file and its journal.
    again = ReleaseStore(tmp_path / "db" / "store.json")
    try:
        titles = sorted(release.title for release in again.releases())
        assert len(titles) == 40
        assert titles[0] == "The Harbour Board 0 plans number 0"
    finally:
        again.close()


def test_a_batch_makes_a_new_table_and_leaves_the_one_a_reader_holds(tmp_path: Path) -> None:
    store = ReleaseStore(tmp_path / "store.json")
    try:
        import_paths(store, [str(_folder(tmp_path, 3))], workers=1)
        tables = store._storage.read()
        assert tables is not None
        held = tables[RELEASES]  # what a reader iterating it holds
        before = dict(held)
        extra = tmp_path / "more.md"
        extra.write_text(RELEASE.format(who="Water Agency", n=99), encoding="utf-8")
        import_paths(store, [str(extra)], workers=1)
        tables = store._storage.read()
        assert tables is not None
        now = tables[RELEASES]
        assert now is not held
        assert held == before
        assert len(now) == 4
        assert set(before) < set(now)
    finally:
        store.close()
