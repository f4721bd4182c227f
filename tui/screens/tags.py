"""The tag editor (``t`` on a release, ``T`` on every release of the result) and its keys.

The editor lists the user's tags on the releases it was opened for; typing a
name and Enter adds it (completed from the tags already in use, → accepts
the completion), ``d`` or Delete on a listed tag removes it. Changes go
through the session as marks do (kept beside them, saved a second later);
for more than one release it asks first ("Tag 1,234 releases with
'climate'? y/n").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.sanitize import clean_line
from store.tags import split_tags, tag_key
from tui.screens.prompt import Confirm
from tui.widgets.detail_pane import DetailPane
from tui.widgets.plain_input import PlainInput
from tui.wording import counted

if TYPE_CHECKING:
    from tui.session import Session


def tag_bindings(prefix: str, *, result: bool = False) -> list[Binding]:
    """``t`` (and with *result*, ``T``) for a screen whose binding ids start with *prefix*."""
    # Not in the key bar, which is full on an 80-column terminal (q and ? come first):
    # listed by ? and the command palette.
    bindings = [Binding("t", "edit_tags", "Tags", show=False, id=f"{prefix}.tags")]
    if result:
        bindings.append(
            Binding("T", "tag_result", "Tag every release", show=False, id=f"{prefix}.tag_result")
        )
    return bindings


if TYPE_CHECKING:
    # What the mixin is mixed into: a screen with the release keys.
    from tui.release_actions import ReleaseActions as _Screen
else:
    _Screen = object


class TagActions(_Screen):
    """Mixed into a screen that shows releases (before ReleaseActions): ``t`` and ``T``.

    The screen names the release (``release_target``) and the ids of its list
    (``result_release_ids``), as for the other release keys (tui.release_actions).
    """

    def action_edit_tags(self) -> None:
        release = self.release_target()
        if release is None:
            self.notify(self.NO_TARGET or "Choose a release first.")
            return
        heading = f"Tags of: {clean_line(release.title)}"
        ids = [release.id]
        editor = TagEditor(self.session, ids, heading, release.tags)
        self.app.push_screen(editor, lambda _: self._tags_edited(ids))

    def action_tag_result(self) -> None:
        ids = self.result_release_ids()
        if not ids:
            self.notify("No releases here to tag.")
            return
        heading = f"Tags of every release here ({counted(len(ids), 'release')})"
        editor = TagEditor(self.session, list(ids), heading)
        self.app.push_screen(editor, lambda _: self._tags_edited(ids))

    def _tags_edited(self, ids: Sequence[str]) -> None:
        # A screen that does not follow the session's MarksChanged (the reader)
        # shows the new tags all the same.
        for pane in self.query(DetailPane):
            pane.refresh_tags(set(ids))


class TagEditor(ModalScreen[None]):
    """The user's tags on some releases: add by typing, remove with ``d``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="tags.close"),
        Binding("d,delete", "remove", "Remove tag", id="tags.remove"),
    ]

    DEFAULT_CSS = """
    TagEditor { align: center middle; }
    TagEditor > Vertical { width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    TagEditor #tags-heading { text-style: bold; }
    TagEditor #tags-imported, TagEditor #tags-note { color: $text-muted; }
    TagEditor #tags-list { height: auto; max-height: 12; border: none; }
    """

    def __init__(
        self,
        session: Session,
        release_ids: Sequence[str],
        heading: str,
        imported: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.session = session
        self.release_ids = list(release_ids)
        self.heading = heading
        self.imported = tuple(imported)

    def compose(self) -> ComposeResult:
        known = sorted(self._known_tags(), key=str.casefold)
        with Vertical():
            # Content(...) is plain text: a headline is shown as written, never as markup.
            yield Static(Content(self.heading), id="tags-heading")
            if self.imported:
                shown = ", ".join(clean_line(t) for t in self.imported)
                yield Static(Content(f"from the release: {shown}"), id="tags-imported")
            yield OptionList(id="tags-list")
            yield PlainInput(
                placeholder="a tag to add (several: comma-separated)",
                suggester=SuggestFromList(known, case_sensitive=False) if known else None,
                id="tags-input",
            )
            yield Static(
                Content("Enter adds · ↓ to the tags, d removes one · → completes · Esc closes"),
                id="tags-note",
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#tags-input", PlainInput).focus()

    def _known_tags(self) -> set[str]:
        # Every tag the user gave any release, for completion (shown spelling kept).
        snapshot = self.session.marks.snapshot()
        return {tag for state in snapshot.values() for tag in state.tags}

    def _counts(self) -> Counter[str]:
        marks = self.session.marks
        counts: Counter[str] = Counter()
        for release_id in self.release_ids:
            counts.update(marks.tags(release_id))
        return counts

    def _fill(self) -> None:
        counts = self._counts()
        tags = self.query_one("#tags-list", OptionList)
        highlighted = tags.highlighted
        tags.clear_options()
        many = len(self.release_ids) > 1
        for name, count in sorted(counts.items(), key=lambda item: tag_key(item[0])):
            label = f"{name}  ({count:,} of {len(self.release_ids):,})" if many else name
            tags.add_option(Option(Content(label), id=name))
        if not counts:
            tags.add_option(Option(Content("no tags of yours yet"), disabled=True))
        elif highlighted is not None:
            tags.highlighted = min(highlighted, tags.option_count - 1)

    @on(Input.Submitted, "#tags-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        names = split_tags(event.value)
        event.input.value = ""
        if not names:
            return
        ids = self.release_ids
        if len(ids) == 1:
            self._apply(names, True)
            return
        quoted = ", ".join(f"'{name}'" for name in names)
        self.app.push_screen(
            Confirm(f"Tag {len(ids):,} releases with {quoted}?"),
            lambda yes: self._apply(names, True) if yes else None,
        )

    def action_remove(self) -> None:
        tags = self.query_one("#tags-list", OptionList)
        if self.focused is not tags or tags.highlighted is None:
            if isinstance(self.focused, Input):
                return  # d is a letter there
            self.notify("Choose a tag in the list first (↓).")
            return
        option = tags.get_option_at_index(tags.highlighted)
        name = option.id
        if not name:
            return
        holders = self._counts().get(name, 0)
        if holders <= 1:
            self._apply([name], False)
            return
        self.app.push_screen(
            Confirm(f"Remove '{name}' from {holders:,} releases?"),
            lambda yes: self._apply([name], False) if yes else None,
        )

    def _apply(self, names: list[str], present: bool) -> None:
        changed = 0
        for name in names:
            changed += self.session.set_tag(self.release_ids, name, present)
        self._fill()
        if len(self.release_ids) > 1:
            verb = "Tagged" if present else "Untagged"
            self.notify(f"{verb} {counted(changed, 'release')}", markup=False)

    def on_key(self, event: events.Key) -> None:
        # ↓ in the input goes down to the tags, as in the contact lookup.
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            tags = self.query_one("#tags-list", OptionList)
            tags.focus()
            if tags.highlighted is None and tags.option_count:
                tags.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)
