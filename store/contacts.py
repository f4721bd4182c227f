"""The contact directory: one entry per press contact, merged across releases, filtered as you type.

Merging rules:

- a personal email address is a person: every contact block with that address
  (compared case-insensitively) is the same entry, whatever name it is signed
  with; the most recent non-empty name wins;
- a contact with a name and no email is keyed by its folded name; it joins the
  entry of an email address seen with the same folded name when exactly one
  address was (otherwise it stays on its own: two "Maria Garcia" with two
  addresses are not guessed apart);
- a shared mailbox (``press@``, ``media@``, ``info@``, ``presse@``,
  ``prensa@`` ... see ``SHARED_MAILBOXES``) is not a person: it is an entry of
  its own, named by its organisation, and the people who sign with it get
  their own entries by name (the shared address is not copied onto them);
- an address written next to two or more different people (across the releases) is a
  desk's, not a person's: an agency's ``heidelbergpharma@agency.com`` signed by whoever is on
  duty is treated as a shared mailbox, so that no one person is given it;
- a person is the same whatever the case, spacing or honorific of their name ("Dr. Jane
  Doe", "jane  doe");
- a contact with only a phone is keyed by the phone's digits.

Nothing is inferred: a name, role or organisation the contact blocks never
said stays empty.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from store.records import Contact, Release
from store.sanitize import clean_line, clean_text
from store.search.query import date_ordinal
from store.search.tokens import digits_of, field_key, fold_fast, is_phone_like

SHARED_MAILBOXES = frozenset(
    {
        "press", "media", "info", "presse", "prensa", "news", "newsroom", "pressoffice",
        "press.office", "communications", "comms", "medien", "stampa", "imprensa", "pr",
        "contact", "mediarelations", "media.relations", "pressroom", "noticias",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """A stretch of time a contact signed with one role at one organisation."""

    role: str | None
    organisation: str | None
    first_seen: date | None
    last_seen: date | None
    release_count: int


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """One person (or shared mailbox) of the directory, merged over every release."""

    key: str
    name: str
    email: str | None
    phones: tuple[str, ...]  # distinct by digits, most recent first
    role: str | None  # the latest role said
    organisation: str | None  # the latest organisation said
    history: tuple[RoleSpell, ...]  # latest first
    release_ids: tuple[str, ...]  # newest first
    release_count: int
    last_seen: date | None
    shared: bool = False  # a shared mailbox such as press@, not a person
    # For a person: the shared desk address they last signed with (press@, an agency's
    # mailbox), shown as how to reach them; it stays the desk's entry, never their email.
    desk: str | None = None


@dataclass(frozen=True, slots=True)
class _Sighting:
    recency: tuple[int, int]  # (date ordinal or 0, position): later is more recent
    release_id: str
    name: str | None
    email: str | None
    phone: str | None
    role: str | None
    organisation: str | None
    desk: str | None = None  # the shared address a person signed with


def is_shared_mailbox(email: str) -> bool:
    """Whether *email* is a generic address of an organisation (press@, media@ ...)."""
    local = email.partition("@")[0].strip().lower()
    return local in SHARED_MAILBOXES


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return clean_line(value) or None


class ContactDirectory:
    """The directory over a sequence of releases (see the module docstring)."""

    def __init__(self, entries: list[DirectoryEntry]) -> None:
        self.entries: tuple[DirectoryEntry, ...] = tuple(entries)
        self._by_key = {entry.key: entry for entry in entries}
        self._haystacks = [_haystack(entry) for entry in entries]
        self._names = [" " + fold_fast(entry.name) for entry in entries]

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> DirectoryEntry | None:
        """The entry with *key*, or None."""
        return self._by_key.get(key)

    @classmethod
    def build(cls, releases: Sequence[Release]) -> ContactDirectory:
        """Merge the contact blocks of *releases* into entries, most recently seen first."""
        return cls.build_from((r.id, r.date, r.contacts) for r in releases)

    @classmethod
    def build_from(
        cls, blocks: Iterable[tuple[str, str | None, Sequence[Contact]]]
    ) -> ContactDirectory:
        """:meth:`build` from each release's (id, date, contacts), in archive order."""
        groups: defaultdict[str, list[_Sighting]] = defaultdict(list)
        names_of_email: defaultdict[str, set[str]] = defaultdict(set)
        blocks = list(blocks)
        desks = _desk_addresses(contacts for _, _, contacts in blocks)
        for position, (release_id, release_date, contacts) in enumerate(blocks):
            recency = (date_ordinal(release_date), position)
            for contact in contacts:
                for key, sighting in _sightings(contact, release_id, recency, desks):
                    groups[key].append(sighting)
                    if key.startswith("email:") and sighting.name:
                        names_of_email[person_key(sighting.name)].add(key)
        for key in [k for k in groups if k.startswith("name:")]:
            owners = names_of_email.get(key[len("name:") :], set())
            if len(owners) == 1:
                groups[next(iter(owners))].extend(groups.pop(key))
        entries = [_entry(key, sightings, desks) for key, sightings in groups.items()]
        entries.sort(key=_default_order)
        return cls(entries)

    def filter(self, text: str) -> list[DirectoryEntry]:
        """Entries matching every word of *text* (folded substrings of name, email, role,
        organisation; phone-like words against phone digits), best first.

        Best: the words that start a word of the name, then the most recently seen.
        """
        words = []
        for word in fold_fast(clean_text(text)).split():
            if is_phone_like(word):
                word = digits_of(word)
            words.append(word)
        if not words:
            return list(self.entries)
        haystacks = self._haystacks
        chosen = [i for i in range(len(haystacks)) if words[0] in haystacks[i]]
        for word in words[1:]:
            chosen = [i for i in chosen if word in haystacks[i]]
        names = self._names
        if len(words) == 1:
            starts = " " + words[0]
            ranked = [i for i in chosen if starts in names[i]]
            ranked += [i for i in chosen if starts not in names[i]]
        else:
            starts_all = [" " + word for word in words]
            ranked = sorted(chosen, key=lambda i: -sum(s in names[i] for s in starts_all))
        return [self.entries[i] for i in ranked]


_HONORIFIC = re.compile(r"(?:mr|mrs|ms|mx|dr|prof|sir|dame|mme|mlle|sr|sra|herr|frau)\.?\s+")


def person_key(name: str) -> str:
    """The form under which two spellings of a person's name are one person: folded, single
    spaces, without an honorific in front ("Dr. Jane Doe" is "jane doe")."""
    key = field_key(name)
    m = _HONORIFIC.match(key)
    return key[m.end() :] if m and m.end() < len(key) else key


def _desk_addresses(blocks: Iterable[Sequence[Contact]]) -> frozenset[str]:
    """Addresses (lowercase) written next to two or more different people: a desk's.

    Two names are different people when they share neither their first nor their last word
    ("Jane Doe" and "Jane M. Doe" are one person; "Mary Clark" and "Zoe Bolt" are two)."""
    people: dict[str, tuple[str, str]] = {}
    desks: set[str] = set()
    for contacts in blocks:
        for contact in contacts:
            if not (contact.email and contact.name):
                continue
            address = contact.email.strip().lower()
            words = person_key(contact.name).split()
            if not words or address in desks:
                continue
            first, last = people.setdefault(address, (words[0], words[-1]))
            if first != words[0] and last != words[-1]:
                desks.add(address)
    return frozenset(desks)


def _sightings(
    contact: Contact,
    release_id: str,
    recency: tuple[int, int],
    desks: frozenset[str] = frozenset(),
) -> list[tuple[str, _Sighting]]:
    """The directory keys a contact block counts for, each with what it says there."""
    name = _clean(contact.name)
    email = _clean(contact.email)
    phone = _clean(contact.phone)
    role = _clean(contact.role)
    organisation = _clean(contact.organisation)
    if email and "@" not in email:
        email = None
    out: list[tuple[str, _Sighting]] = []
    desk: str | None = None
    if email and (is_shared_mailbox(email) or email.lower() in desks):
        # The mailbox gets the release; the phone belongs to the person when one signs.
        out.append(
            (
                "email:" + email.lower(),
                _Sighting(recency, release_id, None, email, None if name else phone, role,
                          organisation),
            )
        )  # fmt: skip
        desk, email = email, None
        if not name:
            return out
    if email:
        key = "email:" + email.lower()
    elif name and person_key(name):
        key = "name:" + person_key(name)
    elif phone and digits_of(phone):
        key = "phone:" + digits_of(phone)
    else:
        return out
    out.append((key, _Sighting(recency, release_id, name, email, phone, role, organisation, desk)))
    return out


def _entry(key: str, sightings: list[_Sighting], desks: frozenset[str]) -> DirectoryEntry:
    sightings.sort(key=lambda s: s.recency, reverse=True)
    address = key[len("email:") :]
    shared = key.startswith("email:") and (is_shared_mailbox(address) or address in desks)
    email = next((s.email for s in sightings if s.email), None)
    organisation = next((s.organisation for s in sightings if s.organisation), None)
    role = next((s.role for s in sightings if s.role), None)
    if shared:
        name = organisation or email or key
    else:
        name = next((s.name for s in sightings if s.name), None) or email or ""
        if not name:
            name = next((s.phone for s in sightings if s.phone), "") or ""
    phones: dict[str, str] = {}
    for sighting in sightings:
        if sighting.phone:
            phones.setdefault(digits_of(sighting.phone) or sighting.phone, sighting.phone)
    release_ids = tuple(dict.fromkeys(s.release_id for s in sightings))
    dated = [s.recency[0] for s in sightings if s.recency[0]]
    return DirectoryEntry(
        key=key,
        name=name,
        email=email,
        phones=tuple(phones.values()),
        role=role,
        organisation=organisation,
        history=_history(sightings),
        release_ids=release_ids,
        release_count=len(release_ids),
        last_seen=date.fromordinal(max(dated)) if dated else None,
        shared=shared,
        desk=None if shared else next((s.desk for s in sightings if s.desk), None),
    )


def _history(sightings: list[_Sighting]) -> tuple[RoleSpell, ...]:
    """Spells of (role, organisation), latest first; *sightings* are newest first."""
    spells: dict[tuple[str, str], list[_Sighting]] = {}
    for sighting in sightings:
        if not (sighting.role or sighting.organisation):
            continue
        spell_key = (field_key(sighting.role or ""), field_key(sighting.organisation or ""))
        spells.setdefault(spell_key, []).append(sighting)
    out = []
    for group in spells.values():
        dated = [s.recency[0] for s in group if s.recency[0]]
        out.append(
            RoleSpell(
                role=group[0].role,
                organisation=group[0].organisation,
                first_seen=date.fromordinal(min(dated)) if dated else None,
                last_seen=date.fromordinal(max(dated)) if dated else None,
                release_count=len({s.release_id for s in group}),
            )
        )
    return tuple(out)  # dict order: by each spell's most recent sighting


def _default_order(entry: DirectoryEntry) -> tuple[int, int, str, str]:
    seen = entry.last_seen.toordinal() if entry.last_seen else 0
    return (-seen, -entry.release_count, fold_fast(entry.name), entry.key)


def _haystack(entry: DirectoryEntry) -> str:
    parts = [entry.name, entry.email or ""]
    for spell in entry.history:
        parts.extend((spell.role or "", spell.organisation or ""))
    parts.extend(digits_of(phone) for phone in entry.phones)
    return "\x00".join(fold_fast(part) for part in parts if part)
