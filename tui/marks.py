"""The reader's read and starred marks, as the browser holds them between saves.

Owned by the UI thread alone: a key press changes a mark here at once, the
session writes the changes to the store later (debounced, on its store
thread), and marks read again from disk (another process's writes) are laid
*under* the changes not yet saved, so a star pressed while another process's
write is being picked up is never undone, on screen or on disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from store.disk.release_store import ReleaseState

READ = "read"
STARRED = "starred"
_UNTOUCHED = ReleaseState()

# A pending change: (release id, READ or STARRED) -> the value to write.
Changes = dict[tuple[str, str], bool]


class Marks:
    """Marks as shown: those on disk, with this session's unsaved changes on top."""

    def __init__(self, on_disk: Mapping[str, ReleaseState] | None = None) -> None:
        self._on_disk: dict[str, ReleaseState] = dict(on_disk or {})
        self._pending: Changes = {}
        # Changes handed to the store thread and not yet confirmed written.
        self._saving: Changes = {}
        self._shown: dict[str, ReleaseState] = dict(self._on_disk)
        self._frozen: Mapping[str, ReleaseState] | None = None

    def state(self, release_id: str) -> ReleaseState:
        return self._shown.get(release_id, _UNTOUCHED)

    def starred_unread(self, release_id: str) -> tuple[bool, bool]:
        """(starred, unread), the list's two markers."""
        state = self._shown.get(release_id, _UNTOUCHED)
        return (state.starred, not state.read)

    def snapshot(self) -> Mapping[str, ReleaseState]:
        """A read-only copy for a search on another thread (copied once per change)."""
        if self._frozen is None:
            self._frozen = MappingProxyType(dict(self._shown))
        return self._frozen

    # -- changes from the user --------------------------------------------

    def set(self, release_id: str, field: str, value: bool) -> bool:
        """Set one mark; False when it already had that value."""
        state = self.state(release_id)
        if getattr(state, field) == value:
            return False
        self._pending[(release_id, field)] = value
        self._show(release_id)
        return True

    @property
    def unsaved(self) -> bool:
        return bool(self._pending)

    def take_changes(self) -> tuple[dict[str, bool], dict[str, bool]]:
        """The changes to write now, as (read, starred) maps; they count as being saved."""
        changes, self._pending = self._pending, {}
        self._saving.update(changes)
        read = {i: v for (i, field), v in changes.items() if field == READ}
        starred = {i: v for (i, field), v in changes.items() if field == STARRED}
        return read, starred

    def saved(self, read: Mapping[str, bool], starred: Mapping[str, bool]) -> None:
        """The store wrote these changes: they are on disk now."""
        for field, written in ((READ, read), (STARRED, starred)):
            for release_id, value in written.items():
                if self._saving.get((release_id, field)) == value:
                    del self._saving[(release_id, field)]
                old = self._on_disk.get(release_id, _UNTOUCHED)
                self._on_disk[release_id] = (
                    ReleaseState(value, old.starred)
                    if field == READ
                    else ReleaseState(old.read, value)
                )

    def not_saved(self, read: Mapping[str, bool], starred: Mapping[str, bool]) -> None:
        """Writing these changes failed: they are pending again (unless changed since)."""
        for field, written in ((READ, read), (STARRED, starred)):
            for release_id, value in written.items():
                self._saving.pop((release_id, field), None)
                self._pending.setdefault((release_id, field), value)

    # -- marks read from disk ---------------------------------------------

    def reload(self, on_disk: Mapping[str, ReleaseState]) -> list[str]:
        """Take the marks on disk afresh; returns the ids whose shown marks changed."""
        before = self._shown
        self._on_disk = dict(on_disk)
        self._shown = dict(self._on_disk)
        for release_id in {i for i, _ in (*self._saving, *self._pending)}:
            self._show(release_id)
        self._frozen = None
        ids: Iterable[str] = before.keys() | self._shown.keys()
        return [i for i in ids if before.get(i, _UNTOUCHED) != self._shown.get(i, _UNTOUCHED)]

    def _show(self, release_id: str) -> None:
        state = self._on_disk.get(release_id, _UNTOUCHED)
        read, starred = state.read, state.starred
        # What is being saved, then what is pending, wins over the disk.
        for changes in (self._saving, self._pending):
            read = changes.get((release_id, READ), read)
            starred = changes.get((release_id, STARRED), starred)
        shown = ReleaseState(read, starred)
        if shown == _UNTOUCHED:
            self._shown.pop(release_id, None)
        else:
            self._shown[release_id] = shown
        self._frozen = None
