"""Memory an import or an index build has freed, handed back to the system (glibc's malloc_trim)."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

# mallopt's parameter for the size from which a block gets a mapping of its own.
_M_MMAP_THRESHOLD = -3
# glibc's ceiling for that size on 64-bit systems (DEFAULT_MMAP_THRESHOLD_MAX): where
# its own sliding threshold stands after an import's reading has freed blocks that big.
_MMAP_THRESHOLD_MAX = 32 << 20
# The finish's arrays of this size and more are mapped each on its own.
LARGE_BLOCK = 1 << 20


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library the interpreter runs on
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    except (OSError, AttributeError):
        return None  # a C library without it (musl): nothing to do
    return libc


def give_back() -> None:
    """Return the free pages of the C heap to the system.

    An import's batches pass through the heap (parsed releases, their tokens,
    the documents encoded for the store) and are freed once written; glibc
    gives back on its own only what is free at the top of its heaps, so the
    importing process grew with what it had written. Fixing glibc's mmap and
    trim thresholds (mallopt) was tried as well: more system time (every large
    block mapped and unmapped) for no clear gain at the peak.
    """
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@contextmanager
def large_blocks_mapped(threshold: int = LARGE_BLOCK) -> Iterator[None]:
    """Inside, a block of *threshold* bytes or more that the heap's free memory cannot
    hold is a mapping of its own, given back to the system the moment it is freed.

    glibc slides its threshold up to the largest block freed (32 MiB at most), and an
    import's reading frees blocks that big: the index's finish then made its working
    arrays, tens of MB each and freed a slice at a time, in the heaps of the threads
    that sort the slices, where what they freed stayed resident until the next trim
    (on the real corpus 100-270 MiB of the heap free through the slices, part of it
    resident, at a peak of 460-600 MiB). Afterwards the threshold is set to glibc's
    ceiling, about where the sliding one stood (setting it ends the sliding).
    """
    libc = _libc()
    if libc is None:
        yield
        return
    libc.mallopt(_M_MMAP_THRESHOLD, threshold)
    try:
        yield
    finally:
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_MAX)
