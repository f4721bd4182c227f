"""Shared fixtures: paths to the project's data, and a store that never touches the user's."""

from __future__ import annotations

import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import pg_server

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
# The UN release the project started from: a byte-identical copy of
# ../shared/seeds/000_06adb31c1de62afd.txt, kept in the repository so that a
# clone with nothing beside it runs every test that needs it.
SEED = FIXTURES / "seed" / "000_06adb31c1de62afd.txt"
# Beside the clone on development machines and in CI, absent from a user's
# clone: only the tests of the real corpus need it, and they skip without it.
SHARED = ROOT.parent / "shared"
CORPUS_ARCHIVE = SHARED / "corpus" / "newsworthy-press-releases.tar.gz"


@pytest.fixture(autouse=True)
def _private_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the user's real archive, nor read their settings."""
    monkeypatch.setenv("PRESSROOM_DB", str(tmp_path / "default-store.json"))
    monkeypatch.setenv("PRESSROOM_CONFIG", str(tmp_path / "config.toml"))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real corpus, unpacked once per test session and worker (skipped where absent)."""
    if not CORPUS_ARCHIVE.exists():
        pytest.skip(
            f"the real corpus is absent: no ../shared beside the checkout ({CORPUS_ARCHIVE})"
        )
    target = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS_ARCHIVE) as archive:
        archive.extractall(target, filter="data")
    yield target
    shutil.rmtree(target, ignore_errors=True)  # 180 MB: not left behind for pytest's retention


@pytest.fixture(scope="session")
def server() -> pg_server.Server:
    """The test process's throwaway PostgreSQL server (its tests skip, saying why, without one)."""
    return pg_server.shared()


@pytest.fixture
def dsn(server: pg_server.Server) -> Iterator[str]:
    """A new empty database on the server for one test, dropped after it."""
    with pg_server.database(server) as conninfo:
        yield conninfo
