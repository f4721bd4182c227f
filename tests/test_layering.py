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
