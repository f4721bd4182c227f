"""The contact lookup: every media contact of the archive, filtered as you type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from store.contacts import ContactDirectory, DirectoryEntry
from store.records import Release
from store.sanitize import clean_line
from tui.messages import (
    ContactsFiltered,
    ContactsReady,
    ExportFinished,
    MarksChanged,
    StoreChanged,
    StoreProblem,
)
from tui.release_actions import ReleaseActions, release_bindings, result_bindings
from tui.screens.tags import TagActions, tag_bindings
from tui.typing_pause import TypingPause
from tui.widgets.contact_list import ContactList
from tui.widgets.key_bar import KeyBar
from tui.widgets.plain_input import PlainInput
from tui.widgets.release_list import ReleaseList
from tui.wording import counted

if TYPE_CHECKING:
    from tui.session import Session


class ContactsScreen(TagActions, ReleaseActions):
    """Directory on the left; the chosen person's history and releases on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="contacts.back"),
        Binding("slash", "focus_filter", "Filter", priority=True, id="contacts.filter"),
        Binding("down", "to_list", "To the list", show=False, id="contacts.to_list"),
        *release_bindings("contacts"),
        *tag_bindings("contacts", result=True),
        Binding("e", "export_vcards", "Export vCards", show=False, id="contacts.export"),
        Binding("v", "export_vcard", "vCard of one", show=False, id="contacts.vcard"),
        *result_bindings("contacts"),
    ]

    NO_TARGET = "Choose one of the contact's releases first (Enter)."

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.directory: ContactDirectory | None = None
        self._serial = 0
        # The card and its releases follow the list once the typing pauses (as the pane).
        self._card_follows = TypingPause(self, self._show_current_card)
        self._card_entry: DirectoryEntry | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="contacts-topbar"):
            yield Static(Content.styled("Contacts", "bold"), id="contacts-brand")
            yield Static("building the directory …", id="contacts-count")
        yield PlainInput(
            placeholder="filter: name, email, role, organisation or phone", id="contact-filter"
        )
        with Horizontal(id="contacts-main"):
            yield ContactList(id="contact-list")
            with Vertical(id="contact-side"):
                yield Static("", id="contact-card")
                yield ReleaseList(id="contact-releases")
        yield KeyBar()

    def on_mount(self) -> None:
        contact_filter = self.query_one("#contact-filter", PlainInput)
        contact_filter.focus(scroll_visible=False)
        # Enter in the filter moves to the list of contacts.
        contact_filter.leads_to = self.query_one(ContactList)
        self.query_one("#contact-releases", ReleaseList).tags_of = self.session.marks.tags
        self.session.subscribe(self)
        built = self.session.contacts()
        if built is not None:
            # Usually built in the background already: shown in the screen's
            # first frame, with no frames after it for a first letter to wait on.
            self._directory_ready(built)

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def on_contacts_ready(self, message: ContactsReady) -> None:
        self._directory_ready(message.directory)

    def on_store_changed(self, message: StoreChanged) -> None:
        # Another generation of the archive: its own directory follows.
        if message.releases:
            built = self.session.contacts()
            if built is not None:
                self._directory_ready(built)

    def on_marks_changed(self, message: MarksChanged) -> None:
        self.query_one("#contact-releases", ReleaseList).refresh_marks(message.release_ids)

    def action_export_vcards(self) -> None:
        """e: the contacts shown (the filter's) as vCards 4.0, to a file named here."""
        entries = list(self.query_one(ContactList).rows)
        if not entries:
            self.notify("No contact to export.", severity="warning")
            return
        self._export_vcards(entries, "pressroom-contacts")

    def action_export_vcard(self) -> None:
        """v: the highlighted contact as a vCard 4.0."""
        entry = self.query_one(ContactList).current
        if entry is None:
            self.notify("No contact to export.", severity="warning")
            return
        self._export_vcards([entry], "pressroom-contact")

    def _export_vcards(self, entries: list[DirectoryEntry], stem: str) -> None:
        from pathlib import Path

        from tui.screens.export import default_export_path
        from tui.screens.prompt import Prompt

        def chosen(name: str | None) -> None:
            if name and name.strip():
                self.session.export_contacts(self, entries, Path(name.strip()).expanduser())

        question = f"Export {counted(len(entries), 'contact')} as vCard 4.0 to"
        self.app.push_screen(Prompt(question, default_export_path("vcf", stem)), chosen)

    def on_export_finished(self, message: ExportFinished) -> None:
        self.notify(
            f"Exported {counted(message.count, message.noun)} to {message.path}",
            title="Export",
            markup=False,
        )

    def on_store_problem(self, message: StoreProblem) -> None:
        self.notify(message.text, markup=False, severity="error", title="Store")

    def _directory_ready(self, directory: ContactDirectory) -> None:
        self.directory = directory
        self._filter(self.query_one("#contact-filter", Input).value)

    @on(Input.Changed, "#contact-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, text: str) -> None:
        directory = self.directory
        if directory is None:
            return
        self._serial += 1
        answer = self.session.filter_contacts(self, directory, text, self._serial)
        if answer is not None:
            self._show_entries(answer.serial, answer.entries)

    def on_contacts_filtered(self, message: ContactsFiltered) -> None:
        self._show_entries(message.serial, message.entries)

    def _show_entries(self, serial: int, entries: list[DirectoryEntry]) -> None:
        if serial != self._serial or self.directory is None:
            return
        contacts = self.query_one(ContactList)
        contacts.set_rows(entries)
        # A fixed-size line: no layout pass per keystroke.
        self.query_one("#contacts-count", Static).update(
            Content(f"{len(entries):,} of {counted(len(self.directory), 'contact')}"), layout=False
        )
        # The first card at once, so that none is pending when the typing starts.
        self._card_follows.changed()

    def _show_current_card(self) -> None:
        self._show_card(self.query_one(ContactList).current)

    @on(ContactList.Highlighted, "#contact-list")
    def _contact_highlighted(self, event: ContactList.Highlighted) -> None:
        # The list announces the entry the card already shows when it fills.
        if not self._card_follows.waiting and event.item is not self._card_entry:
            self._show_card(event.item)

    def _show_card(self, entry: DirectoryEntry | None) -> None:
        self._card_entry = entry
        card = self.query_one("#contact-card", Static)
        releases = self.query_one("#contact-releases", ReleaseList)
        if entry is None:
            card.update(Text("no contact matches", style="dim"), layout=False)
            releases.set_releases([])
            return
        card.update(contact_card(entry), layout=False)
        # A view: a shared press@ mailbox may have thousands of releases, and
        # only the visible ones are read.
        archive = self.session.archive
        if archive is None:
            return
        releases.set_releases(archive.view(entry.release_ids), self.session.marks.starred_unread)

    @on(ContactList.Selected, "#contact-list")
    def _contact_selected(self, event: ContactList.Selected) -> None:
        # The card may still wait for a pause in the typing: the releases that
        # take the focus are the chosen contact's, never the previous card's.
        self._card_follows.cancel()
        if event.item is not self._card_entry:
            self._show_card(event.item)
        self.query_one("#contact-releases", ReleaseList).focus(scroll_visible=False)

    @on(ReleaseList.Selected, "#contact-releases")
    def _release_selected(self, event: ReleaseList.Selected) -> None:
        release: Release = event.item
        from tui.screens.reader import ReaderScreen

        # Opening a release marks it read, here as in the list.
        self.session.set_read(release.id, True)
        self.app.push_screen(ReaderScreen(self.session, release))

    def action_focus_filter(self) -> None:
        # A priority binding (see BrowseScreen's "/"): in the filter it is a character.
        filter_input = self.query_one("#contact-filter", PlainInput)
        if self.focused is filter_input:
            raise SkipAction()  # a character in the filter, typed in its turn
        self.set_focus(filter_input, scroll_visible=False)

    def action_to_list(self) -> None:
        """↓ in the filter goes down into the directory (elsewhere ↓ moves the list)."""
        if self.focused is not self.query_one("#contact-filter", Input):
            raise SkipAction()
        self.query_one(ContactList).focus(scroll_visible=False)

    def action_back(self) -> None:
        """Esc (or q outside the filter): back to the main screen, in one key."""
        self.app.pop_screen()

    def release_target(self) -> Release | None:
        releases = self.query_one("#contact-releases", ReleaseList)
        if self.focused is releases:
            return releases.current
        return None

    def action_toggle_star(self) -> None:
        if self.release_target() is None:
            self.notify("Choose one of the contact's releases first (Enter).")
            return
        super().action_toggle_star()

    def action_toggle_read(self) -> None:
        if self.release_target() is None:
            self.notify("Choose one of the contact's releases first (Enter).")
            return
        super().action_toggle_read()

    def action_open_link(self) -> None:
        if self.release_target() is None:
            self.notify("Choose one of the contact's releases first (Enter).")
            return
        super().action_open_link()

    def action_copy(self) -> None:
        """y: the copy menu; on a release, of the release; on a person, their email or vCard."""
        if self.release_target() is not None:
            super().action_copy()
        else:
            self.copy_entry(self.query_one(ContactList).current)

    def result_release_ids(self) -> Sequence[str] | None:
        """A: the releases of the contact shown."""
        entry = self._card_entry
        return entry.release_ids if entry is not None else None


def contact_card(entry: DirectoryEntry) -> Text:
    """Name, email, phones, role history and counts of one directory entry."""
    text = Text()
    text.append(clean_line(entry.name) + "\n", "bold")
    if entry.shared:
        # Named by its organisation: say it is a desk's mailbox, not a person.
        text.append("a desk, not a person\n", "dim")
    if entry.email:
        text.append(clean_line(entry.email) + "\n")
    for other in entry.other_emails:
        # Earlier addresses at the same organisation: shown, dimmed, below the current one.
        text.append(clean_line(other) + "  (earlier)\n", "dim")
    for phone in entry.phones:
        text.append(clean_line(phone) + "\n")
    last = entry.last_seen.isoformat() if entry.last_seen else "undated"
    plural = "" if entry.release_count == 1 else "s"
    text.append(f"{entry.release_count:,} release{plural}, last seen {last}\n", "dim")
    if entry.history:
        text.append("\n")
        for spell in entry.history:
            where = " · ".join(clean_line(x) for x in (spell.role, spell.organisation) if x)
            first = spell.first_seen.isoformat() if spell.first_seen else "?"
            last_seen = spell.last_seen.isoformat() if spell.last_seen else "?"
            text.append(f"{first} – {last_seen}  ", "dim")
            text.append((where or "(no role given)") + f"  ({spell.release_count})\n")
    return text
