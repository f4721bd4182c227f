"""A copy of a checkout with its parsing modules compiled by mypyc, to measure beside the original.

Run: ``python tests/benchmarks/compiled_copy.py DEST [--source DIR] [--final] [--only extract]``.
See ``tests/benchmarks/README.md`` ("Parsing compiled with mypyc").

The copy is ``git archive`` of the source's HEAD (what is committed, nothing generated), with
``pyproject.toml`` and ``setup.py`` left out (setuptools, which mypyc drives, refuses the flat
layout of two top-level packages) and mypy's settings written as ``mypy.ini``. ``--final``
first marks each module-level constant (an upper-case name assigned once) ``Final`` in the
copy: mypyc then keeps it in a C static instead of looking it up in the module's dict at each
use. Nothing here touches the source checkout.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

# What the parse runs, by the profile: extraction first, then the readers and the helpers
# every release meets (fold, clean_text, the tokens' digits, decoding).
EXTRACT = ["store/ingest/extract/"]
PARSING = [
    *EXTRACT,
    "store/ingest/readers/",
    "store/sanitize.py",
    "store/search/tokens.py",
    "store/ingest/read.py",
    "store/ingest/decoding.py",
]
_MYPY_INI = """\
[mypy]
python_version = 3.11
strict = True
warn_unreachable = True

[mypy-feedparser,feedparser.*,tinydb,tinydb.*,defusedxml,defusedxml.*,charset_normalizer,ijson]
ignore_missing_imports = True
"""
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


def mark_final(path: Path) -> int:
    """Annotate *path*'s module-level constants (assigned once, never ``global``) as ``Final``."""
    source = path.read_text()
    tree = ast.parse(source)
    stores: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            for name in node.names:
                stores[name] = stores.get(name, 0) + 2
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    stores[name.id] = stores.get(name.id, 0) + 1
    lines = source.splitlines(keepends=True)
    marked = 0
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name) or not _CONSTANT.fullmatch(target.id):
            continue
        if stores[target.id] != 1 or not lines[node.lineno - 1].startswith(f"{target.id} = "):
            continue
        line = lines[node.lineno - 1]
        lines[node.lineno - 1] = f"{target.id}: Final = {line[len(target.id) + 3 :]}"
        marked += 1
    if marked:
        text = "".join(lines)
        future = "from __future__ import annotations\n"
        if future in text:
            text = text.replace(future, f"{future}\nfrom typing import Final\n", 1)
        else:
            after = tree.body[0].end_lineno if isinstance(tree.body[0], ast.Expr) else 0
            rows = text.splitlines(keepends=True)
            rows.insert(after or 0, "from typing import Final\n")
            text = "".join(rows)
        path.write_text(text)
    return marked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tests/benchmarks/compiled_copy.py")
    parser.add_argument("dest", help="a new folder for the copy")
    parser.add_argument("--source", default=".", help="the checkout to copy (its HEAD)")
    parser.add_argument("--final", action="store_true", help="mark module constants Final")
    parser.add_argument(
        "--only", choices=["extract", "parsing"], default="parsing", help="what to compile"
    )
    args = parser.parse_args(argv)
    dest = Path(args.dest)
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", args.source, "archive", "HEAD"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    for name in ("pyproject.toml", "setup.py"):
        (dest / name).unlink()
    (dest / "mypy.ini").write_text(_MYPY_INI)
    modules = EXTRACT if args.only == "extract" else PARSING
    if args.final:
        files = [
            path
            for module in modules
            for path in (
                sorted((dest / module).glob("*.py")) if module.endswith("/") else [dest / module]
            )
        ]
        print(f"Final: {sum(map(mark_final, files))} constants in {len(files)} modules")
    mypyc = shutil.which("mypyc", path=str(Path(sys.executable).parent)) or "mypyc"
    started = time.monotonic()
    built = subprocess.run([mypyc, *modules], cwd=dest, capture_output=True, text=True)
    print(f"mypyc: exit {built.returncode}, {time.monotonic() - started:.0f} s wall")
    if built.returncode:
        print(built.stdout[-4000:], built.stderr[-4000:], sep="\n")
    return built.returncode


if __name__ == "__main__":
    raise SystemExit(main())
