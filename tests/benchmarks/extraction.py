"""Extraction harness: the CPU cost of reading and extracting releases, and proof its output is unchanged.

Run: ``python -m tests.benchmarks.extraction PATH [--out F.jsonl] [--compare BASE.jsonl]
[--profile] [--sample] [--limit N] [--every N]``. See ``tests/benchmarks/README.md`` (Extraction).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import orjson

from store.ingest.build import ParseResult, parse_sources
from store.ingest.discover import discover

# What the profile summary groups by: the parsing code, by module.
_OWN_CODE = ("store/ingest/", "store/sanitize", "store/records", "store/text")
_EXAMPLES = 3  # differing releases shown per field


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.extraction")
    parser.add_argument("path", help="a folder or file of releases, as `pressroom import` takes")
    parser.add_argument("--out", help="write every release's JSON here, one line each")
    parser.add_argument("--compare", help="a file written by --out: count the releases that differ")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument(
        "--sample",
        action="store_true",
        help="print where CPU time goes, sampled (SIGPROF): shares without cProfile's cost a call",
    )
    parser.add_argument("--limit", type=int, default=0, help="parse only the first N sources")
    parser.add_argument(
        "--every", type=int, default=1, help="parse every N-th source: a sample of every wire"
    )
    args = parser.parse_args(argv)

    sources = discover([args.path])
    if args.every > 1:
        sources = itertools.islice(sources, 0, None, args.every)
    if args.limit:
        sources = itertools.islice(sources, args.limit)
    profiler = cProfile.Profile() if args.profile else None
    sampler = _Sampler() if args.sample else None
    started = time.process_time()
    if profiler is not None:
        profiler.enable()
    if sampler is not None:
        sampler.start()
    results = list(parse_sources(sources))
    if sampler is not None:
        sampler.stop()
    if profiler is not None:
        profiler.disable()
    cpu = time.process_time() - started

    releases = sum(len(r.releases) for r in results)
    problems = sum(len(r.problems) for r in results)
    files = sum(r.files for r in results)
    per = cpu * 1000 / releases if releases else 0.0
    print(f"{files} files, {releases} releases, {problems} problems")
    print(f"CPU {cpu:.2f} s, {per:.3f} ms a release" + (" (profiled)" if profiler else ""))

    lines = dict(_lines(results))
    if args.out:
        with open(args.out, "wb") as out:
            for key, line in lines.items():
                out.write(orjson.dumps({"key": key, "value": orjson.Fragment(line)}) + b"\n")
        print(f"wrote {len(lines)} lines to {args.out}")
    differing = 0
    if args.compare:
        differing = _compare(_load(args.compare), lines)
    if profiler is not None:
        _summary(pstats.Stats(profiler))
    if sampler is not None:
        sampler.summary()
    return 1 if differing else 0


def _lines(results: list[ParseResult]) -> Iterator[tuple[str, bytes]]:
    """Each release's JSON (sorted keys, one line) keyed by its source path, place and id.

    The place in its file keys it too, so that a release whose id changed (its
    text did) still pairs with its baseline and shows which fields differ.
    """
    for result in results:
        seen: Counter[str] = Counter()
        for release in result.releases:
            path = release.source.path
            n = seen[path]
            seen[path] += 1
            value = release.to_json()
            value["fingerprint"] = release.fingerprint
            yield f"{path}#{n}", orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        for path, reason in result.problems:
            yield f"{path}#problem:{reason}", b'{"problem":true}'


def _load(path: str) -> dict[str, bytes]:
    lines: dict[str, bytes] = {}
    with open(path, "rb") as file:
        for line in file:
            entry = orjson.loads(line)
            lines[entry["key"]] = orjson.dumps(entry["value"], option=orjson.OPT_SORT_KEYS)
    return lines


def _compare(base: dict[str, bytes], now: dict[str, bytes]) -> int:
    """Print how many releases differ from *base*, by field, with a few examples."""
    missing = [k for k in base if k not in now]
    extra = [k for k in now if k not in base]
    by_field: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, Any, Any]]] = {}
    differing = 0
    for key, line in now.items():
        old = base.get(key)
        if old is None or old == line:
            continue
        differing += 1
        before, after = orjson.loads(old), orjson.loads(line)
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                by_field[name] += 1
                shown = examples.setdefault(name, [])
                if len(shown) < _EXAMPLES:
                    shown.append((key, before.get(name), after.get(name)))
    print(
        f"compare: {len(now)} now, {len(base)} in base; {differing} differ, "
        f"{len(missing)} missing, {len(extra)} extra"
    )
    for name, count in by_field.most_common():
        print(f"  {name}: {count}")
        for key, before, after in examples[name]:
            print(f"    {key}\n      base: {_short(before)}\n      now:  {_short(after)}")
    for label, keys in (("missing", missing), ("extra", extra)):
        for key in keys[:_EXAMPLES]:
            print(f"  {label}: {key}")
    return differing + len(missing) + len(extra)


def _short(value: Any) -> str:
    text = orjson.dumps(value).decode()
    return text if len(text) <= 300 else text[:300] + "..."


def _summary(stats: pstats.Stats) -> None:
    """Own and cumulative time by module of the parsing code, then the top functions."""
    table: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in table.values()) or 1.0
    modules: Counter[str] = Counter()
    functions: list[tuple[float, float, int, str]] = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in table.items():
        # A built-in (a regex's search, str.split) is named for itself: that is the hot spot.
        where = name if filename == "~" else _module(filename)
        modules[where] += own
        if where.startswith("store."):
            functions.append((cumulative, own, calls, f"{where}:{name}:{line}"))
    print(f"\nown time by module ({total:.2f} s profiled):")
    for where, own in modules.most_common(25):
        print(f"  {own:7.2f} s {own * 100 / total:5.1f}%  {where}")
    print("\nfunctions of the parsing code, by cumulative time:")
    print("    cum s   own s     calls  function")
    for cumulative, own, calls, where in sorted(functions, reverse=True)[:40]:
        print(f"  {cumulative:7.2f} {own:7.2f} {calls:9d}  {where}")
    print("\nfunctions of the parsing code, by own time:")
    for cumulative, own, calls, where in sorted(functions, key=lambda f: -f[1])[:30]:
        print(f"  {cumulative:7.2f} {own:7.2f} {calls:9d}  {where}")


class _Sampler:
    """Where the CPU goes, from the stack seen every :data:`PERIOD` of CPU time (SIGPROF).

    cProfile charges every call (a release costs ~1.5 times as much, most in small
    functions, and more still in the functions that make many calls); a sample costs
    the same wherever it lands, so the shares hold. Each function is counted once a
    sample however deep it recurs (inclusive), each line where the sample stopped (own).
    """

    PERIOD = 0.0005  # seconds of CPU between samples

    def __init__(self) -> None:
        self.samples = 0
        self.functions: Counter[str] = Counter()
        self.lines: Counter[str] = Counter()

    def start(self) -> None:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.PERIOD, self.PERIOD)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)

    def _sample(self, _signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        if frame is not None:
            self.lines[f"{_module(frame.f_code.co_filename)}:{frame.f_lineno}"] += 1
        seen: set[str] = set()
        while frame is not None:
            name = f"{_module(frame.f_code.co_filename)}:{frame.f_code.co_name}"
            if name not in seen:
                seen.add(name)
                self.functions[name] += 1
            frame = frame.f_back

    def summary(self) -> None:
        total = self.samples or 1
        print(f"\nsampled: {self.samples} samples, one every {self.PERIOD * 1000:.1f} ms of CPU")
        print("functions, inclusive (their callees in):")
        for name, count in self.functions.most_common(45):
            print(f"  {count * 100 / total:5.1f}%  {name}")
        print("lines, own (a regex's scan shows on the line that runs it):")
        for name, count in self.lines.most_common(40):
            print(f"  {count * 100 / total:5.1f}%  {name}")


def _module(filename: str) -> str:
    """store/ingest/extract/people.py -> store.ingest.extract.people; else a short label."""
    path = filename.replace("\\", "/")
    for root in _OWN_CODE:
        at = path.find(root)
        if at >= 0:
            return path[at:].removesuffix(".py").replace("/", ".")
    if filename.startswith("<"):
        return filename
    return Path(path).name


if __name__ == "__main__":
    sys.exit(main())
