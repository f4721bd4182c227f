"""The import progress bar: one bar through reading and indexing, on a terminal only, once an
import takes a moment."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from tui.wording import counted

if TYPE_CHECKING:
    # Typing only: store.ingest.run imports the readers and extractors (0.1 s),
    # which `pressroom search` and `show` never use.
    from store.ingest.run import ImportSummary

# A bar that flashes up for a fraction of a second is noise.
SHOW_AFTER_SECONDS = 0.5


class ImportProgress:
    """Context manager: ``update`` is the import's progress callback, ``indexing`` the index
    build's; the bar moves from one phase to the next on the same line."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._phase = ""
        self._told_waiting = False

    def __enter__(self) -> ImportProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, summary: ImportSummary) -> None:
        """Reading, extracting and writing: files done of all, and the releases stored."""
        if summary.waiting:
            # Said at once, on a terminal or not: the wait may last minutes.
            if not self._told_waiting:
                self._told_waiting = True
                self._console.print(f"{summary.waiting} ...", markup=False, highlight=False)
            return
        self._show(
            "reading",
            summary.files_done,
            summary.files_total,
            f"files · {counted(summary.stored, 'release')}",
        )

    def indexing(self, done: int, total: int) -> None:
        """The search index: releases read of all, then the sort that ends the build."""
        if done < total:
            self._show("indexing", done, total, "releases")
        else:
            self._show("sorting the index", done, total, "releases")

    def copying(self, done: int, total: int) -> None:
        """``pressroom copy``: releases copied of all."""
        self._show("copying", done, total, "releases")

    def _show(self, phase: str, done: int, total: int, unit: str) -> None:
        if self._progress is None:
            waited = time.monotonic() - self._started
            if not self._console.is_terminal or waited < SHOW_AFTER_SECONDS:
                return
            self._progress = Progress(
                TextColumn("{task.description:<17}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[unit]}"),
                TimeRemainingColumn(),
                console=self._console,
                transient=True,
            )
            self._task = self._progress.add_task(phase, total=total, unit=unit)
            self._phase = phase
            self._progress.start()
        assert self._task is not None
        if phase != self._phase:
            # A new phase starts its own count, and its own estimate of the time left.
            self._progress.reset(self._task, total=total, description=phase)
            self._phase = phase
        self._progress.update(self._task, completed=done, total=total, unit=unit)
