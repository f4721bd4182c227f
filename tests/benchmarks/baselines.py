"""Baselines on the same data: stock TinyDB's regex search and ``grep -rilF`` over the files."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where


def tinydb_search(store: Path, words: dict[str, str]) -> dict[str, Any]:
    """Open *store* with stock ``TinyDB``/``JSONStorage`` and search ``body`` by regex per word."""
    started = time.perf_counter()
    # Read-only: the baseline must not touch the store it is measured on.
    db = TinyDB(store, access_mode="r")
    try:
        table = db.table("releases")
        size = len(table)  # the first operation parses the whole file
        opened = time.perf_counter() - started
        searches: dict[str, Any] = {}
        for kind, word in words.items():
            table.clear_cache()
            pattern = re.escape(word)
            t0 = time.perf_counter()
            hits = table.search(where("body").search(pattern, flags=re.IGNORECASE))
            searches[kind] = {
                "word": word,
                "ms": (time.perf_counter() - t0) * 1000,
                "count": len(hits),
            }
    finally:
        db.close()
    return {"open_s": opened, "documents": size, "searches": searches}


def grep_files(folder: Path, words: dict[str, str]) -> dict[str, Any]:
    """``grep -rilF WORD folder`` per word: files that contain it, case ignored."""
    grep = shutil.which("grep")
    if grep is None:
        return {"error": "grep not found"}
    searches: dict[str, Any] = {}
    for kind, word in words.items():
        t0 = time.perf_counter()
        done = subprocess.run(
            [grep, "-rilF", "--", word, str(folder)],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - t0
        searches[kind] = {
            "word": word,
            "ms": elapsed * 1000,
            "count": len(done.stdout.splitlines()),
            "returncode": done.returncode,
        }
    return {"searches": searches}
