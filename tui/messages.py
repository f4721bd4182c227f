"""What the session tells the screens: the one route from the store to a widget.

Every result of store work (the archive opened, a search answered, the store
changed by another process, marks saved) reaches a screen as one of these
messages, posted by :class:`tui.session.Session` from whichever thread did the
work (``post_message`` is thread-safe and never waits on the UI). Handlers run
on the UI thread, so widgets are only ever changed there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.message import Message

from store.archive import Facets, ResultView
from store.backend import BrowsedArchive
from store.contacts import ContactDirectory, DirectoryEntry
from store.related import RelatedIndex
from store.search.query import Query


class SessionMessage(Message, bubble=False):
    """A message from the session; it goes to the screens that subscribed, never further."""


class ArchiveOpened(SessionMessage):
    """The archive is open: the list can be filled (the index may still be building)."""

    def __init__(self, archive: BrowsedArchive) -> None:
        super().__init__()
        self.archive = archive


class IndexReady(SessionMessage):
    """The search index is ready: a search answered by a scan meanwhile may be asked again."""


class ResultReady(SessionMessage):
    """The answer to search number *serial*; a screen drops it if it asked again since."""

    def __init__(
        self,
        serial: int,
        query: Query,
        result: ResultView,
        months: list[tuple[str, int]] | None,
        keep: str | None,
        *,
        completes: bool = False,
    ) -> None:
        super().__init__()
        self.serial = serial
        self.query = query
        self.result = result
        # None: not counted yet (a first page): the timeline stays as it is.
        self.months = months
        self.keep = keep
        # The whole result after its first page: the cursor stays where the user put it.
        self.completes = completes


class FacetsReady(SessionMessage):
    """Counts of organisations, places and years over a result."""

    def __init__(self, facets: Facets) -> None:
        super().__init__()
        self.facets = facets


class ContactsReady(SessionMessage):
    """The contact directory of the current archive is built."""

    def __init__(self, directory: ContactDirectory) -> None:
        super().__init__()
        self.directory = directory


class RelatedReady(SessionMessage):
    """Related releases can be shown (store.related): by contact and place, then with near-duplicates.

    *duplicates*: the near-duplicate groups are found too, so a list that
    folds them can be searched again.
    """

    def __init__(self, related: RelatedIndex, *, duplicates: bool) -> None:
        super().__init__()
        self.related = related
        self.duplicates = duplicates


class ContactsFiltered(SessionMessage):
    """The directory entries that filter number *serial* matches."""

    def __init__(self, serial: int, entries: list[DirectoryEntry]) -> None:
        super().__init__()
        self.serial = serial
        self.entries = entries


class StoreChanged(SessionMessage):
    """Another process (or an import from the browser) changed the store.

    *releases*: the releases changed (the archive was reloaded; searches are
    stale); otherwise only marks changed and the lists need a repaint.
    *imported*: how many releases an import from the browser brought in.
    """

    def __init__(self, *, releases: bool, total: int, imported: int | None = None) -> None:
        super().__init__()
        self.releases = releases
        self.total = total
        self.imported = imported


class MarksChanged(SessionMessage):
    """Read or starred marks changed (here or on disk): rows showing them repaint."""

    def __init__(self, release_ids: Sequence[str]) -> None:
        super().__init__()
        self.release_ids = release_ids


class ExportFinished(SessionMessage):
    """An export asked for by the screen is written: *count* of *noun* (release, contact) in *path*."""

    def __init__(self, path: Path, count: int, noun: str) -> None:
        super().__init__()
        self.path = path
        self.count = count
        self.noun = noun


class StoreProblem(SessionMessage):
    """Store work failed; *text* is one line for the user."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SavedCounts(SessionMessage):
    """The saved searches' counts now: name -> (releases matched, new since it was last opened)."""

    def __init__(self, counts: dict[str, tuple[int, int]]) -> None:
        super().__init__()
        self.counts = counts


class SavedChanged(SessionMessage):
    """A search was saved, renamed or deleted: the lists of saved searches redraw."""
