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
- a person who never signed with an address of their own is listed with the desk address
  they signed with most (``press@``, the agency's mailbox): it is how a journalist reaches
  them. Someone whose own address is in any release is never given a desk's;
- a person is the same whatever the case, spacing or honorific of their name ("Dr. Jane
  Doe", "jane  doe"), and whatever heading a run-together page glued to it
  ("DetailsYeweon Park", from "Contact DetailsYeweon Park");
- one name with several addresses at one organisation's domain is one person
  (``redwoods@landispr.com`` and ``handlery@landispr.com`` both signed "Robin Carr"): the
  most recent address is theirs, the others are kept in ``other_emails``. At different
  domains (or at a webmail provider) two addresses stay two entries: two "Maria Garcia" at
  two firms are not guessed to be one;
- a contact with only a phone is keyed by the phone's digits.

Nothing is inferred: a name, role or organisation the contact blocks never
said stays empty.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from store.give_way import looked_at
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
    # mailbox), shown as how to reach them. It is their email only when no release gives
    # them an address of their own.
    desk: str | None = None
    # A person's earlier addresses at the same organisation's domain, most recent first.
    other_emails: tuple[str, ...] = ()


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


def where_of(entry: DirectoryEntry) -> str:
    """What a listing says of an entry beside its name: its latest role and organisation,
    and for a shared mailbox that it is a desk ("desk · Stonegate Capital Partners"), since
    it is named by its organisation and would otherwise read as a person."""
    parts = [clean_line(x) for x in (entry.role, entry.organisation) if x]
    return " · ".join(["desk", *parts] if entry.shared else parts)


def is_shared_mailbox(email: str) -> bool:
    """Whether *email* is a generic address of an organisation (press@, media@ ...)."""
    local = email.partition("@")[0].strip().lower()
    return local in SHARED_MAILBOXES


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return clean_line(value) or None


# A page's heading run into the name after it, kept by stores imported before extraction
# split them: "Contact DetailsYeweon Park" gave "DetailsYeweon Park".
_GLUED_HEADING = re.compile(
    r"^(?:Contact[ ]?)?(?:Details|Detail|Information|Info|Person|Contacts?|Inquiries|Enquiries)"
    r"(?=[A-Z][a-z])"
)


def _clean_name(value: str | None) -> str | None:
    name = _clean(value)
    if name and (m := _GLUED_HEADING.match(name)) is not None:
        name = name[m.end() :] or None
    return name


# Providers where one domain is many unrelated people: a shared domain proves nothing there.
_WEBMAIL = frozenset(
    {
        "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol", "icloud",
        "me", "mac", "mail", "gmx", "web", "proton", "protonmail", "yandex", "qq", "163",
        "126", "naver", "rediffmail", "zoho", "fastmail", "orange", "free", "libero",
    }
)  # fmt: skip


def organisation_domain(email: str) -> str | None:
    """The domain an address belongs to, without subdomains ("cable.comcast.com" is
    "comcast.com", "mail.bbc.co.uk" is "bbc.co.uk"); None for a webmail provider."""
    labels = email.rpartition("@")[2].strip().lower().rstrip(".").split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    domain = labels[-keep:]
    if domain[0] in _WEBMAIL:
        return None
    return ".".join(domain)


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
        cls,
        blocks: Iterable[tuple[str, str | None, Sequence[Contact]]],
        should_stop: Callable[[], bool] | None = None,
    ) -> ContactDirectory:
        """:meth:`build` from each release's (id, date, contacts), in archive order.

        *should_stop*: asked every few milliseconds of work (``store.give_way``); it may
        wait while the user types, and when it says yes the build ends with
        :class:`BuildStopped` (the browser quitting: the build is seconds at 100k).
        """
        groups: defaultdict[str, list[_Sighting]] = defaultdict(list)
        names_of_email: defaultdict[str, set[str]] = defaultdict(set)
        blocks = list(blocks)
        desks = _desk_addresses(contacts for _, _, contacts in looked_at(blocks, should_stop))
        for position, (release_id, release_date, contacts) in enumerate(
            looked_at(blocks, should_stop)
        ):
            recency = (date_ordinal(release_date), position)
            for contact in contacts:
                for key, sighting in _sightings(contact, release_id, recency, desks):
                    groups[key].append(sighting)
                    if key.startswith("email:") and sighting.name:
                        names_of_email[person_key(sighting.name)].add(key)
        _merge_same_domain(groups, names_of_email)
        for key in [k for k in groups if k.startswith("name:")]:
            owners = names_of_email.get(key[len("name:") :], set())
            if len(owners) == 1:
                groups[next(iter(owners))].extend(groups.pop(key))
        # An entry's merge is its sightings' work: a busy press desk's is thousands. Each
        # group is taken out as its entry is made, so that its sightings are freed here,
        # between two asks of should_stop: left to the end, the freeing of them all (a
        # million objects at 100k) held the interpreter's lock 150-500 ms in one go, as
        # this function returned, and the keys typed meanwhile waited.
        entries: list[DirectoryEntry] = []
        for key in looked_at(list(groups), should_stop, every=16):
            sightings = groups.pop(key)
            owned = key.startswith("email:") or bool(names_of_email.get(key[len("name:") :]))
            entries.append(_entry(key, sightings, desks, owned))
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


def _merge_same_domain(
    groups: dict[str, list[_Sighting]], names_of_email: dict[str, set[str]]
) -> None:
    """Fold the entries of one name's addresses at one organisation's domain into the entry
    of the most recently seen address; *names_of_email* is updated to match."""
    for name, owners in names_of_email.items():
        if len(owners) < 2:
            continue
        by_domain: defaultdict[str, list[str]] = defaultdict(list)
        for key in owners:
            domain = organisation_domain(key)
            if domain is not None and key in groups:
                by_domain[domain].append(key)
        for keys in by_domain.values():
            if len(keys) < 2:
                continue
            # An address signed by someone else too ("Jane Doe" and "Jane M. Doe" are one,
            # see _desk_addresses) is left as it is: only one person's addresses are folded.
            if any(person_key(s.name or name) != name for k in keys for s in groups[k]):
                continue
            keys.sort(key=lambda k: max(s.recency for s in groups[k]), reverse=True)
            into = keys[0]
            for key in keys[1:]:
                groups[into].extend(groups.pop(key))
                owners.discard(key)


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
    name = _clean_name(contact.name)
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


def _entry(
    key: str, sightings: list[_Sighting], desks: frozenset[str], has_own: bool = True
) -> DirectoryEntry:
    """The entry of *key*; *has_own*: the person signed with an address of their own in
    some release (then no desk's address is listed as theirs)."""
    sightings.sort(key=lambda s: s.recency, reverse=True)
    address = key[len("email:") :]
    shared = key.startswith("email:") and (is_shared_mailbox(address) or address in desks)
    emails = list(dict.fromkeys(s.email.lower() for s in sightings if s.email))
    email = next((s.email for s in sightings if s.email), None)
    desk = None if shared else next((s.desk for s in sightings if s.desk), None)
    if email is None and desk is not None and not has_own:
        # Reached only through a desk: the one signed with most (the latest on a tie).
        counts: dict[str, int] = {}
        for sighting in sightings:
            if sighting.desk:
                counts[sighting.desk.lower()] = counts.get(sighting.desk.lower(), 0) + 1
        best = max(counts.values())
        email = next(s.desk for s in sightings if s.desk and counts[s.desk.lower()] == best)
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
        desk=desk,
        other_emails=tuple(
            next(s.email for s in sightings if s.email and s.email.lower() == other)
            for other in emails[1:]
        ),
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
    parts = [entry.name, entry.email or "", *entry.other_emails]
    for spell in entry.history:
        parts.extend((spell.role or "", spell.organisation or ""))
    parts.extend(digits_of(phone) for phone in entry.phones)
    return "\x00".join(fold_fast(part) for part in parts if part)
