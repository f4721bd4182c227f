"""The import progress bar: shown on a terminal only, and only once an import takes a moment."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from store.ingest.run import ImportSummary

# A bar that flashes up for a fraction of a second is noise.
SHOW_AFTER_SECONDS = 0.5


class ImportProgress:
    """Context manager whose ``update`` is the import's progress callback."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

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
        if self._progress is None:
            waited = time.monotonic() - self._started
            if not self._console.is_terminal or waited < SHOW_AFTER_SECONDS:
                return
            self._progress = Progress(
                TextColumn("importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[releases]} releases"),
                TimeRemainingColumn(),
                console=self._console,
                transient=True,
            )
            self._task = self._progress.add_task("import", total=summary.files_total, releases=0)
            self._progress.start()
        assert self._task is not None
        self._progress.update(
            self._task,
            completed=summary.files_done,
            total=summary.files_total,
            releases=summary.stored,
        )
