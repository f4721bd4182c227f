"""Memory an import or an index build has freed, handed back to the system (glibc's malloc_trim)."""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library the interpreter runs on
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
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
