"""Where each typed search of a team archive went, one JSON line a search, for the benchmarks.

Set ``PRESSROOM_PG_TRACE`` to a file's path and every search the browser's model
answers with first rows (``PostgresArchive.search(first=...)``) appends a line
to it: the query, the earlier answer it narrowed from, how the count and the
rows were found, how many rows each tested again, how long it took, and whether
the next key cancelled it. It is how a run through a terminal shows what each
key did (``tests/benchmarks/README.md``); unset, nothing is written or timed.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import orjson

_LOCK = threading.Lock()


class Trace:
    """What one search did, written as one line when it ends (:meth:`end`)."""

    def __init__(self, path: str, text: str) -> None:
        self._path = path
        self._started = time.perf_counter()
        self.fields: dict[str, Any] = {"query": text, "at": round(time.time(), 3)}

    def note(self, **fields: Any) -> None:
        self.fields.update(fields)

    def step(self, name: str) -> None:
        """The milliseconds since the search began, as *name* ends."""
        self.fields[f"{name}_ms"] = round((time.perf_counter() - self._started) * 1000, 1)

    def begun(self) -> None:
        """A line as the search begins: a search that never ends (waiting for a
        connection, or stuck) leaves this one alone."""
        self._write({**self.fields, "outcome": "begun"})

    def end(self, outcome: str) -> None:
        self.fields["outcome"] = outcome
        self.step("total")
        self._write(self.fields)

    def _write(self, fields: dict[str, Any]) -> None:
        line = orjson.dumps(fields) + b"\n"
        with _LOCK, open(self._path, "ab") as out:
            out.write(line)


def begin(text: str) -> Trace | None:
    """A trace of the search of *text*, or None when no trace is asked for."""
    path = os.environ.get("PRESSROOM_PG_TRACE")
    return Trace(path, text) if path else None
