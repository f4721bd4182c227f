"""Related releases: the numbered picker that ``x`` opens, and what opening one does.

The detail pane lists a release's related releases under numbers; ``x``
opens the same list as a picker (a digit opens that entry at once, as ``o``
does for links), and the release chosen opens in the full-screen reader,
marked read as Enter marks it; ``Esc`` or ``q`` comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen

from store.related import Related, RelatedGroup
from store.sanitize import clean_line
from tui.screens.links import Picker
from tui.wording import counted

if TYPE_CHECKING:
    from tui.session import Session


def group_heading(group: RelatedGroup) -> str:
    """What a group shares, and how many releases share it (``Same contact: a@b.org · 12``)."""
    label = clean_line(group.label)
    if group.kind == "duplicates":
        what = "The same text, issued again"
    elif group.kind == "contact":
        what = f"Same contact: {label}"
    elif group.kind == "organisation":
        what = f"Same organisation and place: {label}"
    else:
        what = f"Same organisation, other places: {label}"
    shown = len(group.entries)
    more = f" (newest {shown} shown)" if group.total > shown else ""
    return f"{what} · {counted(group.total, 'release')}{more}"


def entry_line(date: str | None, title: str) -> str:
    """``2021-06-23  Heads of security meet``: one related release, on one line."""
    return f"{date or '':<10}  {clean_line(title)}"


class RelatedPicker(Picker):
    """The related releases, numbered as in the pane; a digit or Enter opens one."""

    TITLE_TEXT = "Related releases  (a number or Enter opens one, Esc goes back)"

    def __init__(self, related: Related) -> None:
        entries: list[tuple[Content, str]] = []
        for group in related.groups:
            tag = {
                "duplicates": "same text",
                "contact": "contact",
                "organisation": "place",
                "elsewhere": "organisation",
            }
            for entry in group.entries:
                label = Content(entry_line(entry.date, entry.title))
                entries.append(
                    (
                        label.append(Content(f"  · {tag[group.kind]}").stylize("dim")),
                        entry.release_id,
                    )
                )
        super().__init__(entries)


def open_related(screen: Screen[None], session: Session, release_id: str | None) -> None:
    """x: the picker of *release_id*'s related releases; the one chosen opens in the reader."""
    if release_id is None:
        return
    related = session.related(release_id)
    if related is None:
        screen.notify("Related releases are still being found …")
        return
    if not related:
        screen.notify("No related releases: no other release shares its contact, place or text.")
        return
    screen.app.push_screen(
        RelatedPicker(related), lambda chosen: open_release(screen, session, chosen)
    )


def open_release(screen: Screen[None], session: Session, release_id: str | None) -> None:
    """Show release *release_id* full screen and mark it read, as Enter does."""
    if release_id is None:
        return
    release = session.release(release_id)
    if release is None:
        screen.notify("That release is no longer in the archive.", severity="warning")
        return
    from tui.screens.reader import ReaderScreen

    session.set_read(release.id, True)
    screen.app.push_screen(ReaderScreen(session, release))
