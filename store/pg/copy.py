"""A whole archive from one store to another, marks included: TinyDB to PostgreSQL and back.

Releases go in batches through the target's ``add_batch`` (so the usual
outcomes apply: copying twice stores nothing twice), then the marks of the
source's user are laid over the target user's with ``merge_states`` (nothing
the target's user set is undone; tags are united). A PostgreSQL store gives
and takes the marks of its ``user``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from store.disk.release_store import Outcome, ReleaseState, ReleaseStore
from store.records import Release

# Releases per add_batch: PostgreSQL loads a batch with one COPY; a TinyDB store
# rewrites its whole file per batch, so it takes them in much larger ones.
POSTGRES_BATCH = 2000
TINYDB_BATCH = 50_000


class CopyableStore(Protocol):
    """What copying needs of a store (``ReleaseStore`` and ``PostgresStore`` both offer it)."""

    def __len__(self) -> int: ...

    def releases(self) -> Iterable[Release]: ...

    def add_batch(self, releases: Sequence[Release]) -> list[Outcome]: ...

    def states(self) -> Mapping[str, ReleaseState]: ...

    def merge_states(self, claims: Mapping[str, ReleaseState]) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class LoadedStore(Protocol):
    """A target that loads an empty archive in bulk (``PostgresStore``: store.pg.bulk)."""

    def begin_import(self) -> None: ...

    def settle(self) -> None: ...


@dataclass(slots=True)
class CopySummary:
    """What a copy did: the releases' outcomes in the target, and the marks laid over."""

    outcomes: Counter[str] = field(default_factory=Counter)
    marks: int = 0


def copy_archive(
    source: CopyableStore,
    target: CopyableStore,
    *,
    progress: Callable[[int], None] | None = None,
) -> CopySummary:
    """Copy every release of *source* into *target*, then the marks; *progress* is told
    how many releases have been copied so far, after each batch."""
    size = TINYDB_BATCH if isinstance(target, ReleaseStore) else POSTGRES_BATCH
    summary = CopySummary()
    batch: list[Release] = []
    done = 0
    # Into an empty database, a copy is a bulk load, as an import is (its indexes built
    # once at its end, whatever happens).
    loader = target if isinstance(target, LoadedStore) else None
    if loader is not None:
        loader.begin_import()
    try:
        for release in source.releases():
            batch.append(release)
            if len(batch) >= size:
                summary.outcomes.update(target.add_batch(batch))
                done += len(batch)
                batch = []
                if progress is not None:
                    progress(done)
        if batch:
            summary.outcomes.update(target.add_batch(batch))
            done += len(batch)
            if progress is not None:
                progress(done)
    finally:
        if loader is not None:
            loader.settle()
    marks = {
        release_id: state
        for release_id, state in source.states().items()
        if state != ReleaseState()
    }
    if marks:
        target.merge_states(marks)
    summary.marks = len(marks)
    return summary
