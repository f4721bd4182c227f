"""The actions on a release, the same wherever a release is shown: star, read, links, copy, and out to other tools.

The browse screen, the full-screen reader and the contact lookup mix
:class:`ReleaseActions` in and name the release the keys act on with
:meth:`ReleaseActions.release_target`; :func:`release_bindings` gives each its
keys, with ids of its own (a screen's bindings are looked up by id). A screen
that shows a list of releases adds :func:`result_bindings` and names the list
with :meth:`ReleaseActions.result_release_ids`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from store.contacts import DirectoryEntry
from store.records import Link, Release
from store.sanitize import clean_line
from tui.clipboard import copy_text
from tui.release_out import (
    NoTerminal,
    SaveError,
    default_path,
    file_stem,
    pipe_to,
    program_from,
    release_text,
    save_text,
    target_path,
    view_in,
)
from tui.screens.copy_menu import (
    CopyChoice,
    CopyMenu,
    copied_notice,
    entry_choices,
    release_choices,
)
from tui.screens.prompt import Confirm, Prompt
from tui.wording import counted

if TYPE_CHECKING:
    from tui.session import Session


def release_bindings(prefix: str) -> list[Binding]:
    """The keys on one release, for a screen whose binding ids start with *prefix*."""
    return [
        Binding("s", "toggle_star", "Star", id=f"{prefix}.star"),
        Binding("r", "toggle_read", "Read", id=f"{prefix}.read"),
        Binding("o", "open_link", "Open link", id=f"{prefix}.open_link"),
        Binding("y", "copy", "Copy", id=f"{prefix}.copy"),
        Binding("w", "save_release", "Save to a file", show=False, id=f"{prefix}.save"),
        Binding(
            "vertical_line", "pipe_release", "Pipe to a command", show=False, id=f"{prefix}.pipe"
        ),
        Binding("p", "page_release", "Open in the pager", show=False, id=f"{prefix}.pager"),
        Binding("E", "edit_release", "Open in the editor", show=False, id=f"{prefix}.editor"),
    ]


def result_bindings(prefix: str) -> list[Binding]:
    """The keys on every release of a list (:meth:`ReleaseActions.result_release_ids`)."""
    return [
        Binding("A", "mark_all_read", "Mark all read", show=False, id=f"{prefix}.mark_all_read"),
    ]


def openable_links(release: Release) -> list[Link]:
    """The release's web and mail links, each URL once, in the order they appear."""
    seen: set[str] = set()
    links: list[Link] = []
    for link in release.links:
        if link.openable and link.url not in seen:
            seen.add(link.url)
            links.append(link)
    return links


class ReleaseActions(Screen[None]):
    """A screen that shows releases: its keys act on :meth:`release_target`."""

    session: Session

    # Said when a key needs a release and none is chosen ("" says nothing).
    NO_TARGET: ClassVar[str] = ""

    def release_target(self) -> Release | None:
        """The release the keys act on now (None: nothing to act on)."""
        raise NotImplementedError

    def result_release_ids(self) -> Sequence[str] | None:
        """The ids of the list ``A`` marks read (None: this screen shows no list)."""
        return None

    def _target(self) -> Release | None:
        release = self.release_target()
        if release is None and self.NO_TARGET:
            self.notify(self.NO_TARGET)
        return release

    # -- marks ------------------------------------------------------------

    def action_toggle_star(self) -> None:
        release = self._target()
        if release is not None:
            starred = self.session.marks.state(release.id).starred
            self.session.set_starred(release.id, not starred)

    def action_toggle_read(self) -> None:
        release = self._target()
        if release is not None:
            self.session.set_read(release.id, not self.session.marks.state(release.id).read)

    def action_mark_all_read(self) -> None:
        """A: every release of the list read, asking first when that is more than one."""
        ids = self.result_release_ids()
        if ids is None:
            return
        marks = self.session.marks
        unread = [i for i in ids if not marks.state(i).read]
        if not unread:
            self.notify("Every release here is read already.")
            return
        if len(unread) == 1:
            self._mark_read(unread, True)
            return
        self.app.push_screen(
            Confirm(f"Mark {len(unread):,} releases read?"),
            lambda yes: self._mark_read(unread, bool(yes)),
        )

    def _mark_read(self, ids: list[str], yes: bool) -> None:
        if yes:
            self.session.set_read_many(ids, True)
            self.notify(f"Marked {counted(len(ids), 'release')} read.")

    # -- links ------------------------------------------------------------

    def action_open_link(self) -> None:
        release = self._target()
        if release is None:
            return
        links = openable_links(release)
        if not links:
            self.notify("This release has no web or mail link.", severity="warning")
            return
        if len(links) == 1:
            self.open_url(links[0].url)
            return
        from tui.screens.links import LinkPicker

        self.app.push_screen(LinkPicker(links), self.open_url)

    def open_url(self, url: str | None) -> None:
        if url:
            # A space is the one unsafe character an openable link may hold.
            self.app.open_url(url.replace(" ", "%20"))
            self.notify(f"Opening {clean_line(url)}", markup=False)

    # -- copying ----------------------------------------------------------

    def action_copy(self) -> None:
        """y: the copy menu (headline, dateline, citation, body, link, email, vCard)."""
        release = self._target()
        if release is not None:
            self.copy_menu(release_choices(release))

    def copy_entry(self, entry: DirectoryEntry | None) -> None:
        """y on a person of the contact lookup: their email or their vCard."""
        if entry is None:
            return
        self.copy_menu(entry_choices(entry))

    def copy_menu(self, choices: list[CopyChoice]) -> None:
        self.app.push_screen(CopyMenu(choices), self._copy_chosen)

    def _copy_chosen(self, choice: CopyChoice | None) -> None:
        if choice is None:
            return
        if len(choice.options) == 1:
            self.copy_value(choice.what, choice.options[0][1])
            return
        from tui.screens.links import Picker

        entries = [(Content(label), value) for label, value in choice.options]
        picker = Picker(entries, title=f"Copy which {choice.what.removeprefix('the ')}?")
        self.app.push_screen(picker, lambda value: self.copy_value(choice.what, value))

    def copy_value(self, what: str, value: str | None) -> None:
        if value:
            copy_text(self.app, value)
            self.notify(copied_notice(what, value), markup=False)

    # -- out to other tools -----------------------------------------------

    def action_save_release(self) -> None:
        """w: the release as plain text in a file (a name from its headline, asked first)."""
        release = self._target()
        if release is None:
            return
        folder = self.session.save_folder or Path.home()
        self.app.push_screen(
            Prompt("Save the release to", str(default_path(release, folder))),
            lambda typed: self._save(release, typed, folder),
        )

    def _save(self, release: Release, typed: str | None, folder: Path) -> None:
        if not typed or not typed.strip():
            return
        path = target_path(typed, folder)
        text = release_text(release)
        try:
            save_text(path, text, overwrite=False)
        except FileExistsError:
            self.app.push_screen(
                Confirm(f"{clean_line(str(path))} exists. Overwrite?"),
                lambda yes: self._overwrite(path, text) if yes else None,
            )
            return
        except SaveError as exc:
            self.notify(str(exc), markup=False, severity="error", title="Not saved")
            return
        self._saved(path)

    def _overwrite(self, path: Path, text: str) -> None:
        try:
            save_text(path, text, overwrite=True)
        except (SaveError, FileExistsError) as exc:
            self.notify(clean_line(str(exc)), markup=False, severity="error", title="Not saved")
            return
        self._saved(path)

    def _saved(self, path: Path) -> None:
        self.session.save_folder = path.parent
        self.notify(f"Saved to {clean_line(str(path))}", markup=False)

    def action_pipe_release(self) -> None:
        """|: the release as plain text on a shell command's stdin; the terminal is the command's."""
        release = self._target()
        if release is None:
            return
        self.app.push_screen(
            Prompt(
                "Pipe the release to a command",
                self.session.pipe_command,
                note="The release as plain text on its stdin. Enter runs it, Esc cancels.",
            ),
            lambda command: self._pipe(release, command),
        )

    def _pipe(self, release: Release, command: str | None) -> None:
        if not command or not command.strip():
            return
        self.session.pipe_command = command
        try:
            run = pipe_to(self.app, command, release_text(release))
        except OSError as exc:
            self.notify(f"cannot run it: {exc.strerror or exc}", markup=False, severity="error")
            return
        self.notify(
            run.summary(command),
            markup=False,
            severity="information" if run.status == 0 else "error",
        )

    def action_page_release(self) -> None:
        """p: the release in $PAGER (less when unset), the app suspended meanwhile."""
        self._view(program_from(("PAGER",), "less"), "pager")

    def action_edit_release(self) -> None:
        """E: the release in $VISUAL or $EDITOR (vi when unset), from a read-only file."""
        self._view(program_from(("VISUAL", "EDITOR"), "vi"), "editor")

    def _view(self, program: list[str], what: str) -> None:
        release = self._target()
        if release is None:
            return
        try:
            status = view_in(self.app, program, release_text(release), file_stem(release))
        except NoTerminal:
            self.notify(
                f"The {what} needs the terminal, which cannot be handed over here.",
                severity="warning",
            )
            return
        except OSError as exc:
            self.notify(
                f"cannot start the {what} {clean_line(program[0])}: {exc.strerror or exc}",
                markup=False,
                severity="error",
            )
            return
        if status not in (0, -2):
            self.notify(
                f"The {what} {clean_line(program[0])} exited with status {status}",
                markup=False,
                severity="warning",
            )
