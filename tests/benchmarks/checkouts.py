"""Running ``pressroom`` from other checkouts of it, for figures paired in one run.

``--code NAME=FOLDER`` (repeatable) names a checkout; each command runs with
``PYTHONPATH=FOLDER`` and ``python -P``: without ``-P`` Python puts the current
folder first on the path, and a benchmark started from a checkout would run that
checkout's code for every ``--code``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# The console script's own entry point, run by ``python -P -c``.
LAUNCH = "import sys; from tui.cli.main import main; sys.exit(main())"


def add_code_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="NAME=FOLDER",
        help="a checkout to run the command from (default: this one); repeatable",
    )


def checkouts(specs: list[str], default: str) -> list[tuple[str, Path]]:
    """``NAME=FOLDER`` specs as (name, folder); this checkout as *default* when none."""
    pairs = [spec.split("=", 1) for spec in specs]
    return [(name, Path(folder)) for name, folder in pairs] or [(default, Path("."))]


def command(
    code: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """The argv and environment that run ``pressroom ARGS`` (or ``python -c CODE ARGS``
    when *args* start with ``-c``) on *code*'s modules."""
    launch = list(args) if args[:1] == ("-c",) else ["-c", LAUNCH, *args]
    return [sys.executable, "-P", *launch], {
        **os.environ,
        "PYTHONPATH": str(code.resolve()),
        **(env or {}),
    }
