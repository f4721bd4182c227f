"""Where an archive lives: a TinyDB store file, or a team's PostgreSQL database; one seam for both.

A location is what ``--db``, ``$PRESSROOM_DB`` and ``store`` in config.toml
name: a path picks the TinyDB store file (the default, one person's archive);
a ``postgresql://`` or ``postgres://`` address picks a PostgreSQL database
(a team's archive, ``store.pg``). :class:`BrowsedArchive` is what the browser
and the command line use of an opened archive; ``store.archive.Archive``
(TinyDB) and ``store.pg.archive.PostgresArchive`` both offer it, so nothing
above ``store/`` knows which one it has.

psycopg is imported only when a PostgreSQL address is opened: a TinyDB user
needs neither the driver nor the extra (``pressroom[postgres]``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from store.errors import StoreError

if TYPE_CHECKING:
    from store.archive import Facets, Refreshed, ResultView, SortOrder
    from store.contacts import ContactDirectory
    from store.disk.release_store import ReleaseState
    from store.ingest.run import ImportSummary, ImportTarget
    from store.near_duplicates import DuplicateGroups
    from store.pg.copy import CopyableStore as CopyableStore
    from store.pg.copy import CopySummary
    from store.records import Release
    from store.related import RelatedIndex
    from store.saved_searches import SavedSearches
    from store.search.query import Query, ReleaseStateLike

SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True, slots=True)
class ServerArchive:
    """A team's archive in a PostgreSQL database, named by its connection address."""

    conninfo: str

    def __str__(self) -> str:
        # Shown in messages and `pressroom config`: never the password.
        return redacted(self.conninfo)


Location = Path | ServerArchive


def parse_location(text: str) -> Location:
    """The archive *text* names: a PostgreSQL address, else a store file's path."""
    if text.strip().lower().startswith(SCHEMES):
        return ServerArchive(text.strip())
    return Path(text).expanduser()


def redacted(conninfo: str) -> str:
    """*conninfo* without its password (``postgresql://ann:secret@host/db`` -> ``ann:***@``)."""
    scheme, sep, rest = conninfo.partition("://")
    if not sep:
        return conninfo
    credentials, at, place = rest.rpartition("@")
    if at and ":" in credentials:
        user = credentials.split(":", 1)[0]
        rest = f"{user}:***@{place}"
    if "password=" in rest:
        head, _, tail = rest.partition("password=")
        rest = head + "password=***" + ("&" + tail.split("&", 1)[1] if "&" in tail else "")
    return f"{scheme}://{rest}"


def local_base(location: Location, state_folder: Path) -> Path:
    """The path the browser's own small files (preferences) are named after.

    A store file keeps them beside it; a database is shared, so each person
    keeps theirs in *state_folder*, one name per database (the address
    without its password, hashed).
    """
    if isinstance(location, Path):
        return location
    digest = hashlib.sha256(redacted(location.conninfo).encode()).hexdigest()[:16]
    return state_folder / f"team-{digest}"


def open_store(location: Location, *, user: str | None = None) -> ImportTarget:
    """The store at *location* as an import writes to it; raises :class:`StoreError` in one line."""
    if isinstance(location, ServerArchive):
        store: ImportTarget = postgres_module(location).SharedStore(location.conninfo, user=user)
        return store
    from store.disk.release_store import ReleaseStore

    return ReleaseStore(location)


def postgres_module(location: ServerArchive) -> ModuleType:
    """``store.pg.archive``, or why it cannot be used here (the extra is not installed)."""
    try:
        import store.pg.archive as module
    except ImportError as exc:
        raise StoreError(
            f"{location} is a PostgreSQL database and its driver is missing "
            f"({exc.name}): pip install 'pressroom[postgres]'"
        ) from None
    return module


def copy_archive(
    source: CopyableStore,
    target: CopyableStore,
    *,
    progress: Callable[[int], None] | None = None,
) -> CopySummary:
    """Copy a whole archive, its user's marks included, from *source* to *target*, either
    way between a store file and a database (``store.pg.copy``, imported when asked)."""
    from store.pg.copy import copy_archive as copy_whole

    return copy_whole(source, target, progress=progress)


def open_archive(
    location: Location, *, user: str | None = None, read_only: bool = False
) -> BrowsedArchive:
    """The archive at *location*, opened; raises :class:`StoreError` in one line."""
    if isinstance(location, ServerArchive):
        archive: BrowsedArchive = postgres_module(location).PostgresArchive(
            location.conninfo, user=user
        )
        return archive
    from store.archive import Archive
    from store.disk.release_store import ReleaseStore

    return Archive(ReleaseStore(location, defer_load=True, read_only=read_only))


class BrowsedArchive(Protocol):
    """What the browser and the command line use of an opened archive.

    Searches may run in worker threads while the store thread writes marks;
    each implementation makes that safe (snapshots in memory; a connection
    per thread for PostgreSQL).
    """

    @property
    def local(self) -> bool:
        """Whether searches are answered in this process's memory (fast enough for the UI thread)."""
        ...

    @property
    def indexing(self) -> bool:
        """Whether a search now reads every release because the index is not ready yet."""
        ...

    @property
    def index_on_disk(self) -> bool:
        """Whether the index is kept beside the archive: loaded in a second, not built."""
        ...

    @property
    def watch_every(self) -> float:
        """Seconds between looks for other processes' or people's writes (:meth:`refresh`)."""
        ...

    @property
    def ids(self) -> Sequence[str]: ...

    def __len__(self) -> int: ...

    def get(self, release_id: str) -> Release | None: ...

    def view(self, release_ids: Sequence[str]) -> ResultView: ...

    def search(
        self,
        query: Query,
        order: SortOrder = ...,
        should_stop: Callable[[], bool] | None = None,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
        fold: bool = False,
        first: int | None = None,
    ) -> ResultView:
        """The releases *query* matches; with *first*, perhaps only the first rows of them
        (``ResultView.partial``), with the size of the whole, perhaps estimated."""
        ...

    def counted(
        self, result: ResultView, should_stop: Callable[[], bool] | None = None
    ) -> ResultView | None:
        """*result* with its size counted exactly when it was estimated (``ResultView.estimated``),
        the same rows; None when it was exact already."""
        ...

    def facets(
        self,
        result: ResultView,
        limit: int = 30,
        *,
        states: Mapping[str, ReleaseStateLike] | None = None,
    ) -> Facets: ...

    def reload(self) -> None: ...

    def refresh(self) -> Refreshed: ...

    def build_index(self, *, cached_only: bool = False) -> None:
        """Load (or, unless *cached_only*, build) what searching needs; seconds: off the UI."""
        ...

    def built_contacts(self) -> ContactDirectory | None: ...

    def contacts(self, should_stop: Callable[[], bool] | None = None) -> ContactDirectory: ...

    def built_related(self) -> RelatedIndex | None: ...

    def related(self, should_stop: Callable[[], bool] | None = None) -> RelatedIndex: ...

    def find_duplicates(self, should_stop: Callable[[], bool] | None = None) -> DuplicateGroups: ...

    def read_marks(self) -> dict[str, ReleaseState]: ...

    def write_marks(
        self,
        read: Mapping[str, bool],
        starred: Mapping[str, bool],
        tags: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None: ...

    def load_saved(self) -> SavedSearches: ...

    def write_saved(self, searches: SavedSearches) -> None: ...

    def import_paths(self, paths: Sequence[str]) -> ImportSummary:
        """Import *paths* (from the browser, on the store thread), then :meth:`reload`."""
        ...

    def close(self) -> None: ...
