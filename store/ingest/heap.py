"""Memory an import frees, handed back to the system as it goes (glibc's mallopt and malloc_trim)."""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any

# mallopt's parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Blocks from this size up get pages of their own, returned when freed.
_OWN_PAGES_FROM = 128 * 1024


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library the interpreter runs on
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    except (OSError, AttributeError):
        return None  # a C library without them (musl): nothing to do
    return libc


def for_a_whole_import() -> None:
    """Keep this process's large blocks out of the heap, for a process that imports and ends.

    glibc serves a block of 128 KB and more with pages of its own, until one
    is freed: then it raises that threshold to the freed block's size (up to
    32 MB) and its trimming threshold with it, and later blocks of that size
    come from the heap, which only gives back what is free at its top. An
    import makes and frees such blocks all along (batches of releases, their
    tokens and encoded documents, the index build's arrays), so the importing
    process kept what it had freed: at 100,000 releases, a peak of 1.35 GB of
    which a few hundred MB were live. Fixed thresholds keep the default
    behaviour for good. Not for the browser: its searches would then map and
    unmap every large array they make.
    """
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, _OWN_PAGES_FROM)
        libc.mallopt(_M_TRIM_THRESHOLD, _OWN_PAGES_FROM)


def give_back() -> None:
    """Return the free pages of the C heap to the system (between an import's batches)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
