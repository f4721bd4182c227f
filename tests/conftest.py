"""Shared fixtures: paths to the project's data, and a store that never touches the user's."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_06adb31c1de62afd.txt"
CORPUS_ARCHIVE = SHARED / "corpus" / "newsworthy-press-releases.tar.gz"


@pytest.fixture(autouse=True)
def _private_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the user's real archive."""
    monkeypatch.setenv("PRESSROOM_DB", str(tmp_path / "default-store.json"))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real corpus, unpacked once per test session (skipped where absent)."""
    if not CORPUS_ARCHIVE.exists():
        pytest.skip(f"the real corpus is absent ({CORPUS_ARCHIVE})")
    target = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS_ARCHIVE) as archive:
        archive.extractall(target, filter="data")
    yield target
