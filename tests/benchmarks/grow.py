"""``pressroom import`` of 100 new releases into an archive of 100,000, timed from outside.

    .venv/bin/python -m compileall -q store tui tests
    .venv/bin/python -m tests.benchmarks.grow --code base=/tmp/grow/base --code change=. \\
        --rounds 3

The archive (``generate(100_000, seed=0)`` as JSON Lines, imported by ``pressroom
import``) is built once for each checkout under ``--work`` (default ``/tmp/grow``) and
reused: an archive in a newer store format is refused by older code, so each checkout
grows an archive of its own making. The 100 new releases are the first 100 of
``generate(2000, seed=7)`` whose ids are not in the archive (so they are all new).

Each round, for each checkout in turn (interleaved, so that a busy machine slows all
of them alike):

* ``grow``: the archive's files (store, catalogue, search index, state, and the
  journal and the index kept apart where there are) are copied fresh (``cp -p``,
  timestamps kept; then ``sync``) and ``pressroom import new100.jsonl --db COPY``
  is timed, start to exit;
* ``again``: the same 100 imported again into that copy (nothing new);
* ``browse``: the copy opened as the browser opens it (catalogue, cached search
  index), the new releases looked up by id and found by a search of a title.

For each: wall seconds and the CPU seconds (user + system) of the command with its
worker processes. It is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import time
from pathlib import Path

import orjson

from tests.benchmarks.checkouts import add_code_option, checkouts, command
from tests.helpers.synthetic import generate

_FILES = ("store.json", "store.json.catalogue", "store.json.index", "store.json.state")
# Beside the store only where the change wrote them (store.disk.journal, index_file).
_JOURNAL = ("store.json.journal", "store.json.index.added")

# Run in the child with the checkout's code: open as the browser does, find the new ones.
_BROWSE = """
import sys, orjson
from store.disk.release_store import ReleaseStore
from store.archive import Archive
from store.search.query import parse_query
wanted = [orjson.loads(line) for line in open(sys.argv[2], "rb")]
store = ReleaseStore(sys.argv[1], read_only=True, defer_load=True)
archive = Archive(store)
archive.build_index(cached_only=True)
if archive.index is None:
    sys.exit("no current search index")
ids = set(archive.ids)
missing = [w["id"] for w in wanted if w["id"] not in ids]
if missing:
    sys.exit(f"{len(missing)} new releases not in the archive")
for w in wanted[:5]:
    found = {r.id for r in archive.search(parse_query(w["title"]))}
    if w["id"] not in found:
        sys.exit(f"{w['id']} not found by its title")
print(len(ids))
"""


def write_jsonl(path: Path, releases: list[dict[str, object]]) -> None:
    partial = path.with_suffix(".partial")
    with partial.open("wb") as out:
        for release in releases:
            out.write(orjson.dumps(release) + b"\n")
    partial.replace(path)


def inputs(work: Path, count: int) -> tuple[Path, Path]:
    """The archive's releases and the 100 new ones as JSON Lines (written once)."""
    whole = work / f"{count}.jsonl"
    new = work / "new100.jsonl"
    if not whole.exists():
        write_jsonl(whole, [r.to_json() for r in generate(count, seed=0)])
    if not new.exists():
        with whole.open("rb") as lines:
            known = {orjson.loads(line)["id"] for line in lines}
        fresh = [r.to_json() for r in generate(2000, seed=7) if r.id not in known][:100]
        write_jsonl(new, fresh)
    return whole, new


def run(code: Path, *args: str) -> tuple[float, float, bytes]:
    """Wall and CPU seconds (user + system, with its workers) of ``pressroom ARGS``."""
    argv, env = command(code, *args)
    before = os.times()
    started = time.perf_counter()
    child = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    seconds = time.perf_counter() - started
    after = os.times()
    # Children's times count a child once it is reaped, with the workers it reaped.
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if child.returncode != 0:
        raise SystemExit(f"{code}: {' '.join(args[:2])} failed: {child.stderr.decode()[-2000:]}")
    return seconds, cpu, child.stdout


def archive_of(work: Path, name: str, code: Path, whole: Path) -> Path:
    """The 100k archive built by *code* (once)."""
    folder = work / f"archive-{name}"
    store = folder / "store.json"
    if not (folder / "done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        seconds, cpu, _ = run(code, "import", str(whole), "--db", str(store))
        print(f"{name}: built the archive in {seconds:.0f} s ({cpu:.0f} s CPU)", flush=True)
        (folder / "done").write_text("")
    return store


def fresh_copy(store: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    names = [n for n in (*_FILES, *_JOURNAL) if (store.parent / n).exists()]
    subprocess.run(["cp", "-p", *(str(store.parent / n) for n in names), str(target)], check=True)
    # The copy's writeback is not the command's: flushed before it starts (an fsync of
    # the command would otherwise wait for the 800 MB just copied).
    os.sync()
    return target / store.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/grow"))
    parser.add_argument("--count", type=int, default=100_000)
    add_code_option(parser)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    codes = checkouts(args.code, "this")
    whole, new = inputs(work, args.count)
    archives = {name: archive_of(work, name, code, whole) for name, code in codes}
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for round_number in range(args.rounds):
        for name, folder in codes:
            copy = fresh_copy(archives[name], work / f"run-{name}")
            load = os.getloadavg()[0]
            for step, argv_ in (
                ("grow", ("import", str(new), "--db", str(copy))),
                ("again", ("import", str(new), "--db", str(copy))),
                ("browse", ("-c", _BROWSE, str(copy), str(new))),
            ):
                seconds, cpu, _out = run(folder, *argv_)
                figures.setdefault((name, step), []).append((seconds, cpu))
                print(
                    f"round {round_number + 1} {name:>8} {step:>6}: {seconds:6.2f} s wall, "
                    f"{cpu:6.2f} s CPU (load {load:.2f})",
                    flush=True,
                )
    print("\nmedians (wall s / CPU s):")
    for (name, step), runs in figures.items():
        walls = sorted(s for s, _ in runs)
        cpus = sorted(c for _, c in runs)
        print(f"{name:>8} {step:>6}: {walls[len(walls) // 2]:6.2f} / {cpus[len(cpus) // 2]:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
