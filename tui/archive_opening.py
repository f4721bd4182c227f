"""The archive opened on the browser's store thread while its screens and Textual still import.

Opening a store file (its catalogue read and checked, the marks read) is mostly
file reading and a checksum, which leave the GIL to the importing thread: done
beside the 200-odd ms of importing Textual and the screens, it is over by the
time the app mounts, and the first frame already shows rows instead of "opening
the archive" followed by a second full frame. A database is opened there too: its
connections and queries wait on the server, not on this process's CPU.

This module imports neither Textual nor the screens: ``pressroom`` starts it
before importing them. The :class:`~tui.session.Session` then takes over the
store thread the archive was opened on (TinyDB is used from that one thread).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path

# Imported here, on the importing thread, though only the store thread uses it:
# two threads importing the same modules at once can trip the import system's
# deadlock detection (store.backend imports it only when a store file is opened).
import store.archive  # noqa: F401
from store.archive import SortOrder
from store.backend import BrowsedArchive, Location, open_archive, postgres_module
from store.disk.release_store import ReleaseState
from store.errors import StoreError
from store.saved_searches import SavedSearches
from store.search.query import parse_query

# Rows a database is asked for first (tui.session's FIRST_ROWS, here without Textual).
FIRST_ROWS = 200

# What the store thread hands the session: the archive, its marks on disk, and
# a database's saved searches (a store file's are read beside it, at once).
Opened = tuple[BrowsedArchive, dict[str, ReleaseState], SavedSearches | None]


def open_for_browsing(db: Location, user: str | None) -> Opened:
    """Open the archive at *db* for the browser (on the store thread)."""
    # A store file is opened deferred: with a current catalogue it is never
    # parsed at all; otherwise the archive reads it (and reports damage) itself.
    archive = open_archive(db, user=user)
    saved = None if isinstance(db, Path) else archive.load_saved()
    prefetch = getattr(archive, "prefetch", None)
    if prefetch is not None:
        # A database: the browser's first rows found here too, while Textual imports
        # (its first search takes them: store.pg.archive.PostgresArchive.prefetch).
        prefetch(parse_query(""), SortOrder(), FIRST_ROWS)
    return archive, archive.read_marks(), saved


class ArchiveOpening:
    """The store thread, and the opening of the archive already under way on it."""

    def __init__(self, db: Location, user: str | None = None) -> None:
        self.db = db
        self.store = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressroom-store")
        self.opened: Future[Opened] = self.store.submit(open_for_browsing, db, user)

    @classmethod
    def start(cls, db: Location, user: str | None = None) -> ArchiveOpening:
        """Start opening *db* now, a store file or a database.

        A database's driver and archive modules are imported here first, on
        the importing thread (two threads importing at once risk the import
        system's deadlock detection on shared modules); then its connections,
        the schema's check and the count of its releases (0.1-0.3 s at a
        million, on the server's core) run beside Textual's imports instead
        of after the app has mounted.
        """
        if not isinstance(db, Path):
            # Missing driver: the store thread raises it again, in one line.
            with suppress(StoreError):
                postgres_module(db)
        return cls(db, user)
