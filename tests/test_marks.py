"""The marks as the browser holds them: unsaved changes always win over what is read from disk."""

from __future__ import annotations

from store.disk.release_store import ReleaseState
from tui.marks import READ, STARRED, Marks

A, B = "a" * 16, "b" * 16


def test_a_change_shows_at_once_and_is_pending_until_saved() -> None:
    marks = Marks()
    assert marks.set(A, STARRED, True)
    assert not marks.set(A, STARRED, True)  # already so: nothing to write
    assert marks.state(A) == ReleaseState(read=False, starred=True)
    assert marks.starred_unread(A) == (True, True)
    assert marks.unsaved
    read, starred = marks.take_changes()
    assert (read, starred) == ({}, {A: True})
    assert not marks.unsaved
    marks.saved(read, starred)
    assert marks.state(A).starred


def test_marks_read_from_disk_are_laid_under_unsaved_changes() -> None:
    """The race of the issue: another process's write picked up while a star waits to be saved."""
    marks = Marks({B: ReleaseState(read=True)})
    marks.set(A, STARRED, True)
    changed = marks.reload(
        {B: ReleaseState(read=True, starred=True)}
    )  # A's star is not on disk yet
    assert marks.state(A).starred, "the unsaved star was undone by the reload"
    assert marks.state(B) == ReleaseState(read=True, starred=True)
    assert changed == [B]
    assert marks.take_changes() == ({}, {A: True})


def test_changes_being_saved_survive_a_reload_and_only_changed_fields_are_written() -> None:
    marks = Marks()
    marks.set(A, READ, True)
    read, starred = marks.take_changes()
    # Another process starred A meanwhile; our write has not landed.
    marks.reload({A: ReleaseState(read=False, starred=True)})
    assert marks.state(A) == ReleaseState(read=True, starred=True)
    assert (read, starred) == ({A: True}, {})  # the star is not ours to write
    marks.saved(read, starred)
    marks.reload({A: ReleaseState(read=True, starred=True)})
    assert marks.state(A) == ReleaseState(read=True, starred=True)


def test_a_failed_save_leaves_the_changes_pending_unless_changed_since() -> None:
    marks = Marks()
    marks.set(A, STARRED, True)
    marks.set(B, READ, True)
    read, starred = marks.take_changes()
    marks.set(A, STARRED, False)  # changed again while the write failed
    marks.not_saved(read, starred)
    assert marks.take_changes() == ({B: True}, {A: False})


def test_the_snapshot_for_searches_is_a_copy_renewed_after_each_change() -> None:
    marks = Marks()
    marks.set(A, STARRED, True)
    first = marks.snapshot()
    assert first is marks.snapshot()  # no copy per search while nothing changes
    marks.set(B, STARRED, True)
    second = marks.snapshot()
    assert B not in first and second[B].starred
