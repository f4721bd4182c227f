"""``pressroom copy --from A --to B``: a whole archive with its marks, between a store file and a database."""

from __future__ import annotations

import argparse
import time
from contextlib import ExitStack
from typing import TYPE_CHECKING

from rich.text import Text

from store.backend import Location, copy_archive, parse_location
from tui.wording import counted

if TYPE_CHECKING:
    from store.backend import CopyableStore


def add_copy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Copy a whole archive, with your marks and tags, from one place to another: "
        "a store file to a team's PostgreSQL database, or back for working offline. "
        "Releases already in the target are not stored twice; marks there are kept."
    )
    parser.add_argument(
        "--from",
        dest="source",
        metavar="FILE|URL",
        type=parse_location,
        required=True,
        help="the archive to copy: a store file or a postgresql:// address",
    )
    parser.add_argument(
        "--to",
        dest="target",
        metavar="FILE|URL",
        type=parse_location,
        required=True,
        help="where to copy it (a missing store file or an empty database is made)",
    )
    parser.add_argument("--json", action="store_true", help="the summary as one JSON object")


def cmd_copy(ns: argparse.Namespace) -> int:
    import orjson

    from store.disk.release_store import ReleaseStore
    from tui.cli.main import STARTED, UsageError, _stderr, _user
    from tui.cli.progress import ImportProgress

    source: Location = ns.source
    target: Location = ns.target
    if _same(source, target):
        raise UsageError("--from and --to name the same archive")
    user = _user()
    with ExitStack() as stack:
        reader = _opened(source, user)
        stack.callback(reader.close)
        writer = _opened(target, user)
        stack.callback(writer.close)
        total = len(reader)
        with ImportProgress(_stderr()) as bar:
            summary = copy_archive(reader, writer, progress=lambda done: bar.copying(done, total))
            if isinstance(writer, ReleaseStore) and writer.path is not None:
                # As after an import: the browser opens on a ready catalogue and index.
                from store.archive import Archive

                Archive(writer).build_index(progress=bar.indexing)
    seconds = time.monotonic() - STARTED
    outcomes = summary.outcomes
    if ns.json:
        import sys

        data = {
            "from": str(source),
            "to": str(target),
            "releases": total,
            "imported": outcomes["imported"],
            "updated": outcomes["updated"],
            "known": outcomes["known"],
            "conflicts": outcomes["conflict"],
            "marks": summary.marks,
            "seconds": round(seconds, 3),
        }
        sys.stdout.buffer.write(orjson.dumps(data) + b"\n")
        sys.stdout.flush()
        return 0
    line = (
        f"copied {counted(total, 'release')} from {source} to {target} in {seconds:.1f} s: "
        f"{outcomes['imported']:,} new, {outcomes['updated']:,} updated, "
        f"{outcomes['known']:,} already there"
        + (
            f", {outcomes['conflict']:,} kept apart (same id, other source)"
            if outcomes["conflict"]
            else ""
        )
        + f"; marks of {counted(summary.marks, 'release')} laid over the target's"
    )
    _stderr().print(Text(line))
    return 0


def _opened(location: Location, user: str) -> CopyableStore:
    """The store at *location* as a copy reads or writes it (the caller closes it)."""
    from store.backend import ServerArchive, postgres_module
    from store.disk.release_store import ReleaseStore

    if isinstance(location, ServerArchive):
        store: CopyableStore = postgres_module(location).SharedStore(location.conninfo, user=user)
        return store
    return ReleaseStore(location)


def _same(a: Location, b: Location) -> bool:
    from pathlib import Path

    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    return a == b
