"""The organisations and people readers timed alone, on the arguments a real parse gave them.

Run: ``python -m tests.benchmarks.readers record PATH CALLS.pickle [--every N]``, then
``python -m tests.benchmarks.readers time CALLS.pickle [READER ...]`` in a fresh interpreter
(the readers' caches start cold, as in a worker). See ``tests/benchmarks/README.md``
("Organisations and people restructured").
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import sys
import time
from collections.abc import Callable
from typing import Any

import store.ingest.extract.anatomy as anatomy
from store.ingest.build import parse_sources
from store.ingest.discover import discover

# The readers of organisations and people that `anatomy.extract` calls, by their names there.
READERS = (
    "find_people",
    "titled_people",
    "romance_bodies",
    "romance_people",
    "find_organisations",
    "defined_bodies",
    "listed_members",
    "legislatures",
    "with_issuer_named",
    "without_distributor",
    "subject_names",
    "about_names",
    # the eleventh session's readers (speed12)
    "one_word_firms",
    "local_offices",
    "activity_bodies",
    "header_bodies",
    "list_neighbours",
    "shared_kinds",
    "capital_surname_people",
    "run_together_boilerplate",
    "subject_after_opening",
    "ticker_name",
)

Calls = dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]


def record(path: str, out: str, every: int) -> Calls:
    """Parse every *every*-th source under *path*, keeping each reader's arguments."""
    calls: Calls = {name: [] for name in READERS}

    def keeping(name: str, reader: Callable[..., Any]) -> Callable[..., Any]:
        def kept(*args: Any, **kwargs: Any) -> Any:
            calls[name].append((args, kwargs))
            return reader(*args, **kwargs)

        return kept

    for name in READERS:
        setattr(anatomy, name, keeping(name, getattr(anatomy, name)))
    sources = itertools.islice(discover([path]), 0, None, every)
    releases = sum(len(result.releases) for result in parse_sources(sources))
    with open(out, "wb") as file:
        pickle.dump({"releases": releases, "calls": calls}, file)
    return calls


def time_readers(recorded: str, names: list[str]) -> None:
    """CPU of each reader over its recorded calls, a release's share, and a digest of what it
    returned (the same digest on two branches: the same output)."""
    with open(recorded, "rb") as file:
        data = pickle.load(file)
    releases: int = data["releases"]
    calls: Calls = data["calls"]
    for name in names or READERS:
        reader = getattr(anatomy, name)
        results = []
        started = time.process_time()
        for args, kwargs in calls[name]:
            results.append(reader(*args, **kwargs))
        cpu = time.process_time() - started
        digest = hashlib.sha256(repr(results).encode()).hexdigest()[:12]
        per = cpu * 1000 / releases if releases else 0.0
        print(f"{name:22s} {len(calls[name]):6d} calls  {per:.4f} ms a release  {digest}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.readers")
    commands = parser.add_subparsers(dest="command", required=True)
    keep = commands.add_parser("record", help="parse sources, keeping the readers' arguments")
    keep.add_argument("path")
    keep.add_argument("out")
    keep.add_argument("--every", type=int, default=6, help="every N-th source (default 6)")
    timed = commands.add_parser("time", help="time each reader on recorded arguments")
    timed.add_argument("recorded")
    timed.add_argument("names", nargs="*", help="readers to time (default: all)")
    args = parser.parse_args(argv)
    if args.command == "record":
        calls = record(args.path, args.out, args.every)
        print({name: len(kept) for name, kept in calls.items()})
    else:
        time_readers(args.recorded, args.names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
