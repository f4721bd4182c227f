"""The actions on a release (star, read, open a link, copy), the same wherever a release is shown.

The browse screen, the full-screen reader and the contact lookup mix
:class:`ReleaseActions` in and name the release the keys act on with
:meth:`ReleaseActions.release_target`; :func:`release_bindings` gives each its
keys, with ids of its own (a screen's bindings are looked up by id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen

from store.records import Link, Release
from store.sanitize import clean_line

if TYPE_CHECKING:
    from tui.session import Session


def release_bindings(prefix: str) -> list[Binding]:
    """``s`` ``r`` ``o`` ``y`` for a screen whose binding ids start with *prefix*."""
    return [
        Binding("s", "toggle_star", "Star", id=f"{prefix}.star"),
        Binding("r", "toggle_read", "Read", id=f"{prefix}.read"),
        Binding("o", "open_link", "Open link", id=f"{prefix}.open_link"),
        Binding("y", "copy", "Copy", id=f"{prefix}.copy"),
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


def copy_choices(release: Release) -> list[tuple[str, str]]:
    """What ``y`` can copy: (label, value) for each contact's email, then the headline."""
    choices: list[tuple[str, str]] = []
    seen: set[str] = set()
    for contact in release.contacts:
        if not contact.email:
            continue
        email = clean_line(contact.email)
        if email in seen:
            continue
        seen.add(email)
        who = " · ".join(clean_line(x) for x in (contact.name, contact.role) if x)
        choices.append((f"{email}  {who}".rstrip(), email))
    dateline = ", ".join(x for x in (release.location, release.date) if x)
    headline = clean_line(release.title) + (f" ({clean_line(dateline)})" if dateline else "")
    choices.append((f"headline: {headline}", headline))
    return choices


class ReleaseActions(Screen[None]):
    """A screen that shows releases: ``s`` ``r`` ``o`` ``y`` act on :meth:`release_target`."""

    session: Session

    def release_target(self) -> Release | None:
        """The release the keys act on now (None: nothing to act on)."""
        raise NotImplementedError

    def action_toggle_star(self) -> None:
        release = self.release_target()
        if release is not None:
            starred = self.session.marks.state(release.id).starred
            self.session.set_starred(release.id, not starred)

    def action_toggle_read(self) -> None:
        release = self.release_target()
        if release is not None:
            self.session.set_read(release.id, not self.session.marks.state(release.id).read)

    def action_open_link(self) -> None:
        release = self.release_target()
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

    def action_copy(self) -> None:
        """y: the contact's email; with several contacts, a choice among them."""
        release = self.release_target()
        if release is None:
            return
        choices = copy_choices(release)
        if len(choices) <= 2:
            # One email (or none: the headline and dateline).
            self.copy_value(choices[0][1])
            return
        from tui.screens.links import copy_picker

        self.app.push_screen(copy_picker(choices), self.copy_value)

    def copy_value(self, value: str | None) -> None:
        if value:
            self.app.copy_to_clipboard(value)
            self.notify(f"Copied {value}", markup=False)
