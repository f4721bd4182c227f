"""Pressroom installed from a wheel, as ``pipx install`` does: the samples come with it.

The wheel is built from a copy of the sources (a build in the checkout would
leave ``build/`` behind, and stale files in it would ship). It is installed
into a fresh virtual environment without its dependencies, which are read
from the test run's own environment through a ``.pth`` line: the test stays
offline and fast, and the ``pressroom`` it runs is the wheel's (the
environment's own ``site-packages`` comes first on ``sys.path``, and the
editable install's finder is not loaded from a ``.pth`` line's folder).
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.helpers.pty_session import PtySession

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "README.md", "store", "tui", "samples")


def _build_wheel(into: Path) -> Path:
    source = into / "source"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(
                origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(origin, source / name)
    built = into / "dist"
    subprocess.run(
        [
            sys.executable,
            *("-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"),
            *("--wheel-dir", str(built), str(source)),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = built.glob("pressroom-*.whl")
    return wheel


def _fresh_environment(into: Path, wheel: Path) -> Path:
    venv = into / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies (textual, tinydb, ...) from the environment running the tests.
    ours = {sysconfig.get_path("purelib"), *site.getsitepackages()}
    Path(purelib, "pressroom_test_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(ours))
    )
    subprocess.run(
        [
            sys.executable,
            *("-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"),
            *("--no-index", str(wheel)),
        ],
        check=True,
        capture_output=True,
    )
    return venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel, and a fresh environment it is installed in."""
    into = tmp_path_factory.mktemp("packaging")
    wheel = _build_wheel(into)
    return wheel, _fresh_environment(into, wheel)


@pytest.mark.slow
def test_the_wheel_carries_the_samples_and_nothing_of_the_checkout(
    installed: tuple[Path, Path],
) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    samples = sorted(
        p.relative_to(ROOT / "samples").as_posix()
        for p in (ROOT / "samples").rglob("*")
        if p.is_file()
    )
    assert samples
    assert sorted(
        n.removeprefix("tui/samples/") for n in names if n.startswith("tui/samples/")
    ) == (samples)
    assert "tui/app.tcss" in names
    assert "store/ingest/extract/given_names.txt" in names
    tops = {n.split("/")[0] for n in names}
    assert tops == {"store", "tui", f"{wheel.name.split('-py')[0]}.dist-info"}
    for name in names:
        parts = name.split("/")
        assert "tests" not in parts and "__pycache__" not in parts, name
        assert not name.endswith((".pyc", ".json.bak", ".prefs", ".state", ".lock")), name
        assert "releases.json" not in parts[-1], name


@pytest.mark.slow
def test_pressroom_samples_opens_the_browser_from_any_folder(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, venv = installed
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import tui; print(tui.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert Path(where).resolve().is_relative_to(venv.resolve()), where
    db = tmp_path / "somewhere" / "releases.json"
    command = [str(venv / "bin" / "pressroom"), "samples", "--db", str(db)]
    with PtySession(command, cols=120, rows=36, cwd=tmp_path) as session:
        # The samples' 52 releases, newest first, in the list.
        session.wait_for_screen("52 of 52", timeout=60)
        session.wait_for_screen("L'Ontario ouvre trois nouvelles", timeout=30)
        session.press("q")
        status = session.wait_exit(30)
    assert status == 0, session.describe()
    assert b"Traceback" not in session.output, session.describe()
    assert b"imported 52" in session.output


@pytest.mark.slow
def test_the_empty_archive_offers_the_samples_from_a_wheel(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, venv = installed
    db = tmp_path / "releases.json"
    command = [str(venv / "bin" / "pressroom"), "--db", str(db)]
    with PtySession(command, cols=120, rows=36, cwd=tmp_path) as session:
        session.wait_for_screen("Press i to import the bundled sample releases", timeout=60)
        session.press("i")
        session.wait_for_screen("52 of 52", timeout=60)
        session.press("q")
        status = session.wait_exit(30)
    assert status == 0, session.describe()
