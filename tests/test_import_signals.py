"""An import stopped by a signal: it ends, its worker processes with it, the store intact (D14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from tests.conftest import ROOT
from tests.helpers.synthetic import write_corpus

DEADLINE = 20.0  # seconds: tells "never" from "slow" on a shared machine; no time is asserted


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"after {DEADLINE:.0f} s: {what}")
        time.sleep(0.02)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus")
    write_corpus(path, 3000, seed=5)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_an_import_stopped_by_a_signal_leaves_no_worker_behind(
    folder: Path, tmp_path: Path, how: signal.Signals
) -> None:
    db = tmp_path / "releases.json"
    importer = subprocess.Popen(
        [sys.executable, "-m", "tui", "import", str(folder), "--db", str(db)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the workers are found by it
    )
    try:
        # The workers exist: the import is parsing in parallel.
        _until(lambda: len(_children(importer.pid)) >= 2, "no worker processes started")
        importer.send_signal(how)
        try:
            _, err = importer.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            dump = subprocess.run(
                [str(Path(sys.executable).parent / "py-spy"), "dump", "--pid", str(importer.pid)],
                capture_output=True,
                text=True,
            ).stdout
            pytest.fail(
                f"the importer or its workers (holding its output) still ran {DEADLINE:.0f} s after {how.name}:\n{dump}"
            )
        _until(lambda: not _group_alive(importer.pid), "worker processes left running")
    finally:
        if _group_alive(importer.pid):
            os.killpg(importer.pid, signal.SIGKILL)
    if how is not signal.SIGKILL:
        assert importer.returncode == 128 + how
        assert err.decode().strip().endswith(f"stopped by {how.name}")
        assert "Traceback" not in err.decode()
    if db.exists():
        with ReleaseStore(db) as store:  # whatever was written is a store that opens
            assert len(store) >= 0
