"""The copy menu (``y``, then a key): headline, dateline, citation, body, link, email, vCard.

Each choice is offered with its key and a preview of what it copies; a choice
that has nothing to copy (a release without a link) is shown dimmed. The
values are cleaned release text: one line for every choice but the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.contacts import DirectoryEntry
from store.records import Contact, Release
from store.sanitize import clean_line, clean_text
from store.vcard import vcard
from tui.screens.links import PickerList

PREVIEW = 60  # characters of a value shown in the menu


@dataclass(frozen=True, slots=True)
class CopyChoice:
    """One line of the menu: *key* copies *what*; several *options* are chosen among first."""

    key: str
    what: str  # "the headline": how the notification names it
    options: tuple[tuple[str, str], ...]  # (label, value); empty: nothing to copy

    @property
    def available(self) -> bool:
        return bool(self.options)


def human_date(iso: str | None) -> str:
    """``2021-06-12`` as ``12 June 2021`` (a date that is not ISO is given back as it is)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return clean_line(iso)
    return f"{day.day} {day:%B} {day.year}"


def dateline(release: Release) -> str:
    """``Rabat, 12 June 2021``: the place and the date (either may be missing)."""
    return ", ".join(x for x in (clean_line(release.location or ""), human_date(release.date)) if x)


def citation(release: Release) -> str:
    """``UNOCT, "Heads of security meet in Rabat", Rabat, 12 June 2021``.

    The issuing organisation, the headline in quotes, the place and the date;
    a part the release does not say is left out, never invented: an
    organisation the release only mentions is not its author.
    """
    parts = [
        clean_line(release.issuer or ""),
        f'"{clean_line(release.title)}"',
        clean_line(release.location or ""),
        human_date(release.date),
    ]
    return ", ".join(p for p in parts if p and p != '""')


def web_link(release: Release) -> str | None:
    """Where the release can be read on the web: its source when that is a URL, else its first web link."""
    source = clean_line(release.source.path)
    if source.lower().startswith(("http://", "https://")):
        return source
    for link in release.links:
        if link.openable and link.url.lower().startswith(("http://", "https://")):
            return clean_line(link.url)
    return None


def contact_vcard(contact: Contact, release: Release) -> str:
    """A release's contact as a vCard 4.0, through the directory's card writer (store.vcard)."""
    name = clean_line(contact.name or "") or clean_line(contact.email or "")
    try:
        seen = date.fromisoformat(release.date) if release.date else None
    except ValueError:
        seen = None
    entry = DirectoryEntry(
        key=name.lower(),
        name=name,
        email=contact.email,
        phones=(contact.phone,) if contact.phone else (),
        role=contact.role,
        organisation=contact.organisation,
        history=(),
        release_ids=(release.id,),
        release_count=1,
        last_seen=seen,
    )
    return vcard(entry)


def entry_vcard(entry: DirectoryEntry) -> str:
    return vcard(entry)


def _who(contact: Contact) -> str:
    return " · ".join(
        clean_line(x) for x in (contact.name, contact.email, contact.role, contact.phone) if x
    )


def _distinct_contacts(release: Release) -> list[Contact]:
    seen: set[tuple[str, str]] = set()
    kept: list[Contact] = []
    for contact in release.contacts:
        key = (clean_line(contact.name or "").lower(), clean_line(contact.email or "").lower())
        if key != ("", "") and key not in seen:
            seen.add(key)
            kept.append(contact)
    return kept


def email_options(release: Release) -> tuple[tuple[str, str], ...]:
    """Each contact's email once, labelled with who it reaches."""
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for contact in release.contacts:
        email = clean_line(contact.email or "")
        if not email or email in seen:
            continue
        seen.add(email)
        who = " · ".join(clean_line(x) for x in (contact.name, contact.role) if x)
        options.append((f"{email}  {who}".rstrip(), email))
    return tuple(options)


def _one(value: str | None) -> tuple[tuple[str, str], ...]:
    return ((value, value),) if value else ()


def release_choices(release: Release) -> list[CopyChoice]:
    """What ``y`` offers for a release, in the menu's order."""
    body = clean_text(release.body).strip()
    return [
        CopyChoice("h", "the headline", _one(clean_line(release.title))),
        CopyChoice("d", "the dateline", _one(dateline(release))),
        CopyChoice("c", "the citation", _one(citation(release))),
        CopyChoice("b", "the body", _one(body)),
        CopyChoice("l", "the link", _one(web_link(release))),
        CopyChoice("e", "the email", email_options(release)),
        CopyChoice(
            "v",
            "the vCard",
            tuple((_who(c), contact_vcard(c, release)) for c in _distinct_contacts(release)),
        ),
    ]


def entry_choices(entry: DirectoryEntry) -> list[CopyChoice]:
    """What ``y`` offers for a person of the contact lookup: their email, their vCard."""
    email = clean_line(entry.email or "")
    name = clean_line(entry.name)
    return [
        CopyChoice("e", "the email", _one(email)),
        CopyChoice("v", "the vCard", ((name or email, entry_vcard(entry)),)),
    ]


def preview(choice: CopyChoice) -> str:
    """What the menu shows of a choice's value: its first line, cut to :data:`PREVIEW`."""
    if not choice.options:
        return "(none)"
    if len(choice.options) > 1:
        return f"{len(choice.options)} to choose from"
    label = choice.options[0][0] if choice.key == "v" else choice.options[0][1]
    line = clean_line(label.split("\n", 1)[0])
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1] + "…"


def copied_notice(what: str, value: str) -> str:
    """``Copied the headline (62 characters)``; a short one-line value (an email, a link) is named."""
    if "\n" not in value and len(value) <= PREVIEW and what in ("the email", "the link"):
        return f"Copied {what} {value}"
    return f"Copied {what} ({len(value):,} characters)"


class CopyMenu(ModalScreen[CopyChoice | None]):
    """The choices with their keys; a key (or Enter on a line) picks one, Esc or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="copy.close"),
    ]

    DEFAULT_CSS = """
    CopyMenu { align: center middle; }
    CopyMenu > Vertical { width: 80%; max-width: 90; height: auto;
        border: round $accent; background: $surface; padding: 0 1; }
    CopyMenu OptionList { height: auto; max-height: 12; }
    """

    def __init__(self, choices: Sequence[CopyChoice]) -> None:
        super().__init__()
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled("Copy  (a key picks, Esc closes)", "bold"))
            yield PickerList(
                *(
                    Option(
                        Content.assemble(
                            (f" {c.key} ", "bold"),
                            f" {c.what.removeprefix('the '):<9} ",
                            (preview(c), "" if c.available else "dim"),
                        ),
                        id=c.key,
                        disabled=not c.available,
                    )
                    for c in self.choices
                )
            )

    def on_mount(self) -> None:
        options = self.query_one(PickerList)
        first = next((n for n, c in enumerate(self.choices) if c.available), None)
        options.highlighted = first
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id or "")

    def on_key(self, event: events.Key) -> None:
        if event.character and any(c.key == event.character for c in self.choices):
            event.stop()
            event.prevent_default()
            self._pick(event.character)

    def _pick(self, key: str) -> None:
        choice = next((c for c in self.choices if c.key == key), None)
        if choice is None:
            return
        if not choice.available:
            self.notify(f"Nothing to copy: this has no {choice.what.removeprefix('the ')}.")
            return
        self.dismiss(choice)

    def action_close(self) -> None:
        self.dismiss(None)
