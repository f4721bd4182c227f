"""store/ is the UI-free domain layer: it must never pull in textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import store
from tests.conftest import ROOT


def test_store_imports_no_ui_library() -> None:
    modules = [m.name for m in pkgutil.walk_packages(store.__path__, "store.")]
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"store/ imported: {out.stdout}"


def test_the_public_api_names_what_it_lists() -> None:
    import importlib

    assert sorted(store.__all__) == sorted(store._HOME_OF)
    for name in store.__all__:
        value = getattr(store, name)
        home = importlib.import_module(store._HOME_OF[name])
        assert value is getattr(home, name), name


def test_importing_store_loads_no_reader_or_index() -> None:
    """``import store`` is free: the command line's start pays only for what it uses."""
    code = (
        "import sys, store\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('store.'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_no_logic_in_package_init_files() -> None:
    """Package ``__init__`` files hold a docstring (and the store's API table), never logic."""
    for init in [
        *ROOT.joinpath("store").rglob("__init__.py"),
        *ROOT.joinpath("tui").rglob("__init__.py"),
    ]:
        if init == ROOT / "store" / "__init__.py":
            continue
        lines = [
            line
            for line in init.read_text().splitlines()
            if line.strip() and not line.startswith(("#", '"""'))
        ]
        assert len(lines) <= 3, f"{init.relative_to(ROOT)} holds code: {lines[:3]}"


def test_the_browser_starts_without_the_heavy_modules() -> None:
    """numpy (the index build, near-duplicates), the importers and the PostgreSQL driver
    cost a tenth of a second each to import: the browser's first frame waits for none."""
    code = (
        "import sys, tui.cli.main, tui.app; "
        "print(sorted(m for m in ('numpy', 'psycopg', 'feedparser', 'yaml', "
        "'store.near_duplicates', 'store.ingest.extract.anatomy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_tui_names_no_backend_of_the_store() -> None:
    """The browser and the command line reach either backend through the seam
    (``store.backend``): no module of tui/ imports ``store.pg`` (or ``psycopg``)."""
    import ast

    found = []
    for path in ROOT.joinpath("tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            found += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[:2] == ["store", "pg"] or name.split(".")[0] == "psycopg"
            ]
    assert found == []
