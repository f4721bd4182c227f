"""Pressroom's benchmark: the app's budgets on synthetic and real corpora, next to baselines.

Run: ``python -m tests.benchmarks.run [--sizes 1000,10000,100000] [--real-corpus PATH]
[--json OUT]``. See ``tests/benchmarks/README.md`` for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import baselines, corpora, report
from tests.benchmarks.app_timing import T0_ENV

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REAL = ROOT.parent / "shared" / "corpus"
CHILD_TIMEOUT = 900.0
DATATABLE_ROWS = 10_000
PILOT_QUERIES = 3


def log(message: str) -> None:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"[{time.strftime('%H:%M:%S')} load {load}] {message}", file=sys.stderr, flush=True)


def run_child(mode: str, args: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Run one app measurement in a fresh interpreter: its figures and its peak RSS in bytes."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        env = dict(os.environ)
        env[T0_ENV] = repr(time.perf_counter())
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.app_timing", mode, json.dumps(args)],
            stdout=out,
            stderr=err,
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + CHILD_TIMEOUT
        while True:
            # wait4 gives this child's own rusage: its peak RSS, not the largest of all children.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"{mode} child failed ({process.returncode}):\n{stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    # The child's own high-water mark (VmHWM) when it could read it: the
    # rusage of a child counts the parent's memory at the moment of the fork
    # too (Linux keeps the pre-exec peak), and this parent holds whole stores.
    peak = figures.pop("peak_rss_bytes", None)
    return figures, int(peak) if peak else usage.ru_maxrss * 1024  # Linux reports KiB


def shown_count(status: str) -> int | None:
    """The count the status line shows (``4,812 of 10,000 · sorted by ...``)."""
    head = status.split(" of ", 1)[0].replace(",", "").strip()
    return int(head) if head.isdigit() else None


def measure_bare(args: argparse.Namespace, queries: list[str]) -> dict[str, Any]:
    starts = []
    peak = 0
    for _ in range(args.starts):
        figures, rss = run_child("bare-start", {})
        starts.append(figures)
        peak = max(peak, rss)
    session, rss = run_child("bare-session", {"queries": queries, "cadence": args.cadence})
    keys = session["keys"]
    pilot_keys = session["pilot_keys"]
    return {
        "start": {
            "runs": starts,
            "first_frame_s": report.spread([s["first_frame_s"] for s in starts]),
        },
        "keystroke_ms": report.spread([k["app_ms"] for k in keys]),
        "keystroke_pilot_ms": report.spread([k["round_trip_ms"] for k in pilot_keys]),
        "keystroke_under_pilot_ms": report.spread([k["app_ms"] for k in pilot_keys]),
        "peak_rss_bytes": max(peak, rss),
    }


def measure_corpus(corpus: corpora.Corpus, args: argparse.Namespace) -> dict[str, Any]:
    store = corpus.store
    texts = list(corpus.queries.values())
    log(f"{corpus.name}: start x{args.starts}")
    starts = []
    peak = 0
    for _ in range(args.starts):
        figures, rss = run_child("start", {"db": str(store)})
        starts.append(figures)
        peak = max(peak, rss)
    log(f"{corpus.name}: session (keystrokes, open, contacts)")
    session, rss = run_child(
        "session",
        {
            "db": str(store),
            "queries": texts,
            # Pilot's round trip is mostly Pilot: three queries say enough.
            "pilot_queries": texts[:PILOT_QUERIES],
            "contact_filters": list(corpora.CONTACT_FILTERS),
            "cadence": args.cadence,
            "opens": args.opens,
        },
    )
    peak = max(peak, rss)
    log(f"{corpus.name}: reference scan counts")
    scan = corpora.scan_counts(store, texts)
    log(f"{corpus.name}: DataTable baseline")
    datatable, _ = run_child("datatable", {"db": str(store), "rows": DATATABLE_ROWS})
    log(f"{corpus.name}: TinyDB baseline")
    tiny = baselines.tinydb_search(store, corpus.plain)
    grep: dict[str, Any] = {}
    if corpus.files is not None:
        log(f"{corpus.name}: grep baseline")
        grep = baselines.grep_files(corpus.files, corpus.plain)

    all_keys: list[float] = []
    all_updates: list[float] = []
    all_pilot: list[float] = []
    all_under_pilot: list[float] = []
    queries: dict[str, Any] = {}
    for kind, text in corpus.queries.items():
        typed = session["queries"][text]
        ms = [k["app_ms"] for k in typed["keys"]]
        all_keys += ms
        all_updates += [k.get("update_ms", 0.0) for k in typed["keys"]]
        piloted = typed.get("pilot_keys", [])
        all_pilot += [k["round_trip_ms"] for k in piloted]
        all_under_pilot += [k["app_ms"] for k in piloted]
        queries[kind] = {
            "query": text,
            "app_count": typed["count"],
            "app_count_under_pilot": typed.get("pilot_count"),
            "scan_count": scan[text],
            "shown": typed["shown_text"],
            "shown_count": shown_count(typed["shown_text"]),
            "ms": report.spread(ms),
            "last_key_ms": ms[-1],
            "pilot_round_trip_ms": report.spread([k["round_trip_ms"] for k in piloted]),
            "tinydb": tiny["searches"].get(kind),
            "grep": grep.get("searches", {}).get(kind),
        }
    contact_keys: list[float] = []
    contact_filters: dict[str, Any] = {}
    for text, typed in session["contact_filters"].items():
        ms = [k["app_ms"] for k in typed["keys"]]
        contact_keys += ms
        contact_filters[text] = {
            "count": typed["count"],
            "directory": typed["directory"],
            "ms": report.spread(ms),
        }
    releases = starts[0]["rows"]
    imported = dict(corpus.imported)
    if imported:
        imported["stored"] = imported["imported"] + imported["known"]
    return {
        "name": corpus.name,
        "releases": releases,
        "store_bytes": store.stat().st_size,
        "setup": corpus.setup,
        "budgets": report.budgets_for(corpus.name, releases),
        "start": {
            "runs": starts,
            "first_rows_s": report.spread([s["first_rows_s"] for s in starts]),
            "index_ready_s": report.spread([s["index_ready_s"] for s in starts]),
        },
        "keystroke_ms": report.spread(all_keys),
        "keystroke_update_ms": report.spread(all_updates),
        "keystroke_pilot_ms": report.spread(all_pilot),
        "keystroke_under_pilot_ms": report.spread(all_under_pilot),
        "queries": queries,
        "show_all_ms": report.spread(session["show_all_ms"]),
        "open_ms": report.spread([k["app_ms"] for k in session["open"]]),
        "open_update_ms": report.spread([k.get("update_ms", 0.0) for k in session["open"]]),
        "contacts_open_ms": session["contacts_open_ms"],
        "contact_keystroke_ms": report.spread(contact_keys),
        "contact_filters": contact_filters,
        "peak_rss_bytes": peak,
        "peak_memory_ratio": peak / store.stat().st_size,
        "import": imported,
        "datatable": datatable,
        "tinydb": {"open_s": tiny["open_s"], "documents": tiny["documents"]},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic sizes, or ''")
    parser.add_argument(
        "--real-corpus",
        type=Path,
        default=DEFAULT_REAL,
        help="folder or tar.gz of the real corpus (default: ../shared/corpus); '' to skip",
    )
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--starts", type=int, default=3, help="start measurements per corpus")
    parser.add_argument("--opens", type=int, default=20, help="releases opened per pass")
    parser.add_argument(
        "--cadence", type=float, default=0.15, help="seconds between typed keys (a fast typist)"
    )
    parser.add_argument("--no-import", action="store_true", help="skip the synthetic imports")
    parser.add_argument(
        "--import-limit",
        type=int,
        default=20_000,
        help="synthetic import figure over at most this many files (0: all; default 20000)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "loadavg_start": os.getloadavg(),
        },
        "settings": {
            "sizes": sizes,
            "seed": corpora.SEED,
            "cadence_s": args.cadence,
            "starts": args.starts,
        },
        "corpora": [],
    }
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-") as temp:
        folder = Path(temp)
        log("bare Textual app: start and keystrokes")
        results["bare"] = measure_bare(args, list(corpora.SYNTHETIC_QUERIES.values()))
        work: list[tuple[str, Any]] = [("synthetic", n) for n in sizes]
        if str(args.real_corpus) not in ("", "."):
            work.append(("real", args.real_corpus))
        for kind, what in work:
            if kind == "synthetic":
                log(f"synthetic {what:,}: generating the store and files")
                corpus = corpora.synthetic_corpus(folder / f"s{what}", what)
                if corpus.files is not None and not args.no_import:
                    log(f"synthetic {what:,}: import throughput")
                    corpus.imported = corpora.measure_import(
                        corpus.files, folder / f"s{what}" / "imported.json", args.import_limit
                    )
                    (folder / f"s{what}" / "imported.json").unlink(missing_ok=True)
            else:
                log(f"real corpus: unpacking {what}")
                files = corpora.unpack_real_corpus(what, folder)
                if files is None:
                    log(f"real corpus: nothing at {what}; skipped")
                    continue
                log("real corpus: import throughput (this store is the one measured)")
                corpus = corpora.real_corpus(folder, files)
            measured = measure_corpus(corpus, args)
            results["corpora"].append(measured)
            print(report.format_corpus(measured, results["bare"]), flush=True)
            if args.json:
                args.json.write_text(json.dumps(results, indent=1))
            if corpus.files is not None and kind == "synthetic":
                # Free the disk before the next (larger) corpus is written.
                shutil.rmtree(corpus.files, ignore_errors=True)
    results["machine"]["loadavg_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    problems = report.mismatches(results["corpora"])
    load = results["machine"]
    print(
        f"\nload average at start {load['loadavg_start']}, at end {load['loadavg_end']} "
        f"on {load['cpus']} CPUs"
    )
    if problems:
        print("\n!!! RESULT COUNT MISMATCH (app vs reference scan) !!!", file=sys.stderr)
        for line in problems:
            print("!!! " + line, file=sys.stderr)
        return 1
    print("result counts: every query matches the reference scan")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
