"""The contact lookup: every media contact of the archive, filtered as you type."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from store.archive import Archive
from store.contacts import ContactDirectory, DirectoryEntry
from store.records import Release
from store.sanitize import clean_line
from tui.store_thread import StoreThread
from tui.widgets.contact_list import ContactList
from tui.widgets.key_bar import KeyBar
from tui.widgets.plain_input import PlainInput
from tui.widgets.release_list import ReleaseList

CARD_AFTER = 0.25  # seconds of typing pause before the card follows the list (as the pane)
# Directories up to this size are filtered on the UI thread (1 ms for the
# real corpus's 3,564 entries); bigger ones in a worker, so typing never waits.
FILTER_HERE_UP_TO = 10_000


def _filtered(directory: ContactDirectory, text: str) -> list[DirectoryEntry]:
    return directory.filter(text) if text.strip() else list(directory.entries)


class ContactsScreen(Screen[None]):
    """Directory on the left; the chosen person's history and releases on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="contacts.back"),
        Binding("slash", "focus_filter", "Filter", priority=True, id="contacts.filter"),
        Binding("y", "copy_email", "Copy email", id="contacts.copy"),
    ]

    def __init__(self, archive: Archive, store_thread: StoreThread) -> None:
        super().__init__()
        self.archive = archive
        self.store_thread = store_thread
        self.directory: ContactDirectory | None = None
        self._serial = 0
        self._card_timer: Timer | None = None
        self._card_shown = False
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
        self.query_one("#contact-filter", Input).focus(scroll_visible=False)
        built = self.archive.built_contacts()
        if built is not None:
            # Usually built in the background already: shown in the screen's
            # first frame, with no frames after it for a first letter to wait on.
            self._directory_ready(built)
        else:
            self.build_directory()

    @work(thread=True, exclusive=True, exit_on_error=False, group="directory")
    def build_directory(self) -> None:
        directory = self.archive.contacts()
        self.app.call_from_thread(self._directory_ready, directory)

    def _directory_ready(self, directory: ContactDirectory) -> None:
        self.directory = directory
        self._filter(self.query_one("#contact-filter", Input).value)

    @on(Input.Changed, "#contact-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#contact-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one(ContactList).focus(scroll_visible=False)

    def _filter(self, text: str) -> None:
        directory = self.directory
        if directory is None:
            return
        self._serial += 1
        if len(directory) <= FILTER_HERE_UP_TO:
            # Under a millisecond: filtering right here puts the typed letter
            # and the narrowed list in the same frame, where a worker costs a
            # frame of its own and a thread hand-over.
            self._show_entries(self._serial, _filtered(directory, text))
        else:
            self._run_filter(text, self._serial)

    @work(thread=True, exclusive=True, exit_on_error=False, group="filter")
    def _run_filter(self, text: str, serial: int) -> None:
        directory = self.directory
        if directory is None:
            return
        entries = _filtered(directory, text)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_entries, serial, entries)

    def _show_entries(self, serial: int, entries: list[DirectoryEntry]) -> None:
        if serial != self._serial or self.directory is None:
            return
        contacts = self.query_one(ContactList)
        contacts.set_rows(entries)
        # A fixed-size line: no layout pass per keystroke.
        self.query_one("#contacts-count", Static).update(
            Content(f"{len(entries):,} of {len(self.directory):,} contacts"), layout=False
        )
        # The card and its releases follow once the typing pauses; the first
        # one at once, so that no card is pending when the typing starts.
        if self._card_timer is not None:
            self._card_timer.stop()
            self._card_timer = None
        if not self._card_shown:
            self._show_current_card()
        else:
            self._card_timer = self.set_timer(CARD_AFTER, self._show_current_card)

    def _show_current_card(self) -> None:
        self._card_timer = None
        self._show_card(self.query_one(ContactList).current)

    @on(ContactList.Highlighted, "#contact-list")
    def _contact_highlighted(self, event: ContactList.Highlighted) -> None:
        # The list announces the entry the card already shows when it fills.
        if self._card_timer is None and event.item is not self._card_entry:
            self._show_card(event.item)

    def _show_card(self, entry: DirectoryEntry | None) -> None:
        self._card_shown = True
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
        releases.set_releases(self.archive.view(entry.release_ids), self.archive.marks)

    @on(ContactList.Selected, "#contact-list")
    def _contact_selected(self, event: ContactList.Selected) -> None:
        self.query_one("#contact-releases", ReleaseList).focus(scroll_visible=False)

    @on(ReleaseList.Selected, "#contact-releases")
    def _release_selected(self, event: ReleaseList.Selected) -> None:
        release: Release = event.item
        from tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(release))

    def action_focus_filter(self) -> None:
        # A priority binding (see BrowseScreen's "/"): in the filter it is a character.
        filter_input = self.query_one("#contact-filter", PlainInput)
        if self.focused is filter_input:
            raise SkipAction()  # a character in the filter, typed in its turn
        self.set_focus(filter_input, scroll_visible=False)

    def action_back(self) -> None:
        filter_input = self.query_one("#contact-filter", Input)
        if self.focused is self.query_one("#contact-releases"):
            self.query_one(ContactList).focus(scroll_visible=False)
        elif self.focused is filter_input and filter_input.value:
            filter_input.value = ""
        else:
            self.app.pop_screen()

    def action_copy_email(self) -> None:
        entry = self.query_one(ContactList).current
        if entry is None or not entry.email:
            self.notify("This contact has no email.", severity="warning")
            return
        email = clean_line(entry.email)
        self.app.copy_to_clipboard(email)
        self.notify(Content(f"Copied {email}"))


def contact_card(entry: DirectoryEntry) -> Text:
    """Name, email, phones, role history and counts of one directory entry."""
    text = Text()
    text.append(clean_line(entry.name) + "\n", "bold")
    if entry.email:
        text.append(clean_line(entry.email) + "\n")
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
