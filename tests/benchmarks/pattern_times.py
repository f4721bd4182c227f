"""Where the parse's regular expressions spend: every compiled pattern timed in place.

Run: ``python -P tests/benchmarks/pattern_times.py PATH [--every N] [--top N]``. See
``tests/benchmarks/README.md`` ("Parsing compiled with mypyc").

``re.compile`` is replaced, before the parsing code is imported, by one that wraps each
pattern in a proxy timing its ``search``, ``match``, ``finditer`` (each step) and the rest
with ``perf_counter_ns``; the time is charged to the module and line that compiled it.
Module-level ``re.search(STRING, ...)`` calls go to ``re``'s own cache and are not counted.
The proxy costs a Python call per use: read the ranking and the shares, not the microseconds
(wall time, so a busy machine inflates them). A pattern "opens with a capital" when a class
of capitals (``[A-Z...]``) is in its first 60 characters: the scans that look for
capitalised runs, which a shared pass could read once.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

_compile = re.compile
_spent: defaultdict[tuple[str, int, str], int] = defaultdict(int)
_calls: defaultdict[tuple[str, int, str], int] = defaultdict(int)
_CAPITAL_LED = re.compile(r"\[A-Z")


class _Timed:
    """A compiled pattern whose uses are timed and charged to where it was compiled."""

    __slots__ = ("_key", "_pattern")

    def __init__(self, pattern: re.Pattern[str], key: tuple[str, int, str]) -> None:
        self._pattern = pattern
        self._key = key

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter_ns()
        result = getattr(self._pattern, name)(*args, **kwargs)
        _spent[self._key] += time.perf_counter_ns() - started
        _calls[self._key] += 1
        return result

    def _method(name: str) -> Callable[..., Any]:  # type: ignore[misc]
        def call(self: _Timed, *args: Any, **kwargs: Any) -> Any:
            return self._call(name, *args, **kwargs)

        return call

    search = _method("search")
    match = _method("match")
    fullmatch = _method("fullmatch")
    findall = _method("findall")
    sub = _method("sub")
    subn = _method("subn")
    split = _method("split")

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[re.Match[str]]:
        matches = self._pattern.finditer(*args, **kwargs)
        _calls[self._key] += 1
        while True:
            started = time.perf_counter_ns()
            found = next(matches, None)
            _spent[self._key] += time.perf_counter_ns() - started
            if found is None:
                return
            yield found


def _timed_compile(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, re.Pattern | _Timed):
        return pattern
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("re"):
        frame = frame.f_back
    key = (frame.f_globals.get("__name__", "?"), frame.f_lineno, str(pattern))
    return _Timed(_compile(pattern, flags), key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -P tests/benchmarks/pattern_times.py")
    parser.add_argument("path")
    parser.add_argument("--every", type=int, default=8)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    re.compile = _timed_compile  # type: ignore[assignment]
    from store.ingest.build import parse_sources
    from store.ingest.discover import discover

    sources = list(itertools.islice(discover([args.path]), 0, None, args.every))
    started, cpu = time.perf_counter_ns(), time.process_time()
    releases = sum(len(result.releases) for result in parse_sources(sources))
    wall, cpu = time.perf_counter_ns() - started, time.process_time() - cpu
    in_patterns = sum(_spent.values())
    capital_led: defaultdict[str, int] = defaultdict(int)
    for (module, _, source), spent in _spent.items():
        if _CAPITAL_LED.search(source[:60]):
            capital_led[module.rsplit(".", 1)[-1]] += spent
    print(
        f"{releases} releases, CPU {cpu:.2f} s, wall {wall / 1e9:.2f} s; in the patterns "
        f"{in_patterns / 1e9:.2f} s ({in_patterns / wall:.0%} of the wall), those that open "
        f"with a capital {sum(capital_led.values()) / in_patterns:.0%} of it"
    )
    ranked = sorted(_spent.items(), key=lambda item: -item[1])
    for (module, line, source), spent in ranked[: args.top]:
        calls = _calls[module, line, source] / releases
        print(
            f"{spent / releases / 1000:8.2f} us {spent / in_patterns:6.1%} {calls:6.1f} calls"
            f"  {module}:{line}  {source[:90]!r}"
        )
    print("the patterns that open with a capital, by module (share of the patterns' time):")
    for module, spent in sorted(capital_led.items(), key=lambda item: -item[1]):
        if spent / in_patterns >= 0.005:
            print(f"  {spent / in_patterns:6.1%}  {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
