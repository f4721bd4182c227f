"""Run ``pressroom ARGS`` in this process and print, at each step of the index's finish, the
process's resident memory and what glibc's heap holds in use and free (``mallinfo2``).

    python -P -m tests.benchmarks.import_heap import /work/data/1g.jsonl --db /tmp/x/releases.json

A heap's free pages stay resident until they are handed back (``store.heap.give_back``):
the difference between the two figures is memory no object holds. With ``--trim`` the
heap is also trimmed at the start of each step, and its resident memory printed again.
Linux and glibc only.
"""

from __future__ import annotations

import ctypes
import runpy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


_LIBC = ctypes.CDLL(None)
_LIBC.mallinfo2.restype = _MallInfo2
_MIB = 1 << 20


def _resident() -> str:
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            found[name] = int(value.split()[0]) // 1024
    return ", ".join(f"{name} {mib}" for name, mib in found.items())


def _show(tag: str) -> None:
    info = _LIBC.mallinfo2()
    print(
        f"[{tag}] MiB: {_resident()}; heap {info.arena // _MIB} (in use {info.uordblks // _MIB},"
        f" free {info.fordblks // _MIB}), mapped blocks {info.hblkhd // _MIB}",
        file=sys.stderr,
    )


def _watched(owner: Any, name: str, trim: bool) -> None:
    real: Callable[..., Any] = getattr(owner, name)

    def watched(*args: Any, **kwargs: Any) -> Any:
        _show(f"{name} starts")
        if trim:
            _LIBC.malloc_trim(0)
            _show(f"{name} starts, trimmed")
        try:
            return real(*args, **kwargs)
        finally:
            _show(f"{name} ends")

    setattr(owner, name, watched)


def main() -> None:
    from store.search import index, postings

    trim = "--trim" in sys.argv
    args = [arg for arg in sys.argv[1:] if arg != "--trim"]
    _watched(postings.Collector, "finish", trim)
    for name in ("_sorted_slices", "_token_postings", "_pair_postings"):
        _watched(postings, name, trim)
    _watched(index.SearchIndex, "_precompute_prefixes", trim)
    sys.argv = ["pressroom", *args]
    runpy.run_module("tui", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
