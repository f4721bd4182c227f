"""The reader's read and starred marks and tags, as the browser holds them between saves.

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
from store.tags import changed_tags, has_tag, tag_key

READ = "read"
STARRED = "starred"
_UNTOUCHED = ReleaseState()

# A pending change: (release id, READ or STARRED) -> the value to write.
Changes = dict[tuple[str, str], bool]
# Pending tag changes: release id -> {tag key: the tag to add, or None to remove it}.
TagChanges = dict[str, dict[str, str | None]]


class Marks:
    """Marks as shown: those on disk, with this session's unsaved changes on top."""

    def __init__(self, on_disk: Mapping[str, ReleaseState] | None = None) -> None:
        self._on_disk: dict[str, ReleaseState] = dict(on_disk or {})
        self._pending: Changes = {}
        # Changes handed to the store thread and not yet confirmed written.
        self._saving: Changes = {}
        self._pending_tags: TagChanges = {}
        self._saving_tags: TagChanges = {}
        self._shown: dict[str, ReleaseState] = dict(self._on_disk)
        self._frozen: Mapping[str, ReleaseState] | None = None

    def state(self, release_id: str) -> ReleaseState:
        return self._shown.get(release_id, _UNTOUCHED)

    def tags(self, release_id: str) -> tuple[str, ...]:
        """The user's tags on a release, as shown."""
        return self._shown.get(release_id, _UNTOUCHED).tags

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

    def set_tag(self, release_ids: Iterable[str], name: str, present: bool) -> list[str]:
        """Add tag *name* (cleaned, store.tags) to the releases, or remove it; the ids changed."""
        key = tag_key(name)
        changed = []
        for release_id in release_ids:
            if has_tag(self.tags(release_id), name) == present:
                continue
            self._pending_tags.setdefault(release_id, {})[key] = name if present else None
            self._show(release_id)
            changed.append(release_id)
        return changed

    @property
    def unsaved(self) -> bool:
        return bool(self._pending or self._pending_tags)

    @property
    def unconfirmed(self) -> bool:
        """Changes not known to be on disk: pending, or handed to the store thread."""
        return bool(self._pending or self._pending_tags or self._saving or self._saving_tags)

    def take_unconfirmed(self) -> tuple[dict[str, bool], dict[str, bool], TagChanges]:
        """At quit: every change not confirmed written, the pending ones and those handed
        to the store thread (a write queued there may never run once the thread stops).
        Writing one twice is harmless: a mark is set to a value, a tag added or removed."""
        changes = {**self._saving, **self._pending}
        read = {i: v for (i, field), v in changes.items() if field == READ}
        starred = {i: v for (i, field), v in changes.items() if field == STARRED}
        tags: TagChanges = {}
        for source in (self._saving_tags, self._pending_tags):  # the newer last
            for release_id, wanted in source.items():
                tags.setdefault(release_id, {}).update(wanted)
        self._pending, self._pending_tags = {}, {}
        return read, starred, tags

    def take_changes(self) -> tuple[dict[str, bool], dict[str, bool]]:
        """The changes to write now, as (read, starred) maps; they count as being saved."""
        changes, self._pending = self._pending, {}
        self._saving.update(changes)
        read = {i: v for (i, field), v in changes.items() if field == READ}
        starred = {i: v for (i, field), v in changes.items() if field == STARRED}
        return read, starred

    def take_tag_changes(self) -> TagChanges:
        """The tag changes to write now; they count as being saved."""
        changes, self._pending_tags = self._pending_tags, {}
        for release_id, wanted in changes.items():
            self._saving_tags.setdefault(release_id, {}).update(wanted)
        return changes

    def tags_saved(self, changes: TagChanges) -> None:
        """The store wrote these tag changes: they are on disk now."""
        for release_id, wanted in changes.items():
            saving = self._saving_tags.get(release_id, {})
            for key, name in wanted.items():
                if key in saving and saving[key] == name:
                    del saving[key]
            if not saving:
                self._saving_tags.pop(release_id, None)
            old = self._on_disk.get(release_id, _UNTOUCHED)
            self._on_disk[release_id] = ReleaseState(
                old.read, old.starred, changed_tags(old.tags, wanted)
            )

    def tags_not_saved(self, changes: TagChanges) -> None:
        """Writing these tag changes failed: they are pending again (unless changed since)."""
        for release_id, wanted in changes.items():
            saving = self._saving_tags.get(release_id, {})
            pending = self._pending_tags.setdefault(release_id, {})
            for key, name in wanted.items():
                saving.pop(key, None)
                pending.setdefault(key, name)
            if not saving:
                self._saving_tags.pop(release_id, None)

    def saved(self, read: Mapping[str, bool], starred: Mapping[str, bool]) -> None:
        """The store wrote these changes: they are on disk now."""
        for field, written in ((READ, read), (STARRED, starred)):
            for release_id, value in written.items():
                if self._saving.get((release_id, field)) == value:
                    del self._saving[(release_id, field)]
                old = self._on_disk.get(release_id, _UNTOUCHED)
                self._on_disk[release_id] = (
                    ReleaseState(value, old.starred, old.tags)
                    if field == READ
                    else ReleaseState(old.read, value, old.tags)
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
        touched = {i for i, _ in (*self._saving, *self._pending)}
        for release_id in touched | self._saving_tags.keys() | self._pending_tags.keys():
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
        tags = state.tags
        for tag_changes in (self._saving_tags, self._pending_tags):
            wanted = tag_changes.get(release_id)
            if wanted:
                tags = changed_tags(tags, wanted)
        shown = ReleaseState(read, starred, tags)
        if shown == _UNTOUCHED:
            self._shown.pop(release_id, None)
        else:
            self._shown[release_id] = shown
        self._frozen = None
