"""Releases related to a release: the same media contact, the same organisation and place, the same text.

Built once per generation of the archive from its columns (no release is
read), then answered per release with a few dictionary look-ups: every group
is a list of archive positions in archive order (newest first), so the first
entries of a group are its newest releases and its size is its count.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.give_way import looked_at
from store.records import Contact
from store.sanitize import clean_line, fold

if TYPE_CHECKING:
    from store.near_duplicates import DuplicateGroups  # numpy: imported when first used

SHOWN = 5  # entries of a group shown; the count says how many more there are
# Releases of an organisation looked at for those at other places: bounds a look-up
# (0.1 ms) when thousands are at the release's own place.
_SCAN_AT_MOST = 2000


@dataclass(frozen=True, slots=True)
class RelatedEntry:
    """One related release, as the pane lists it."""

    release_id: str
    date: str | None
    title: str


@dataclass(frozen=True, slots=True)
class RelatedGroup:
    """Releases related to one release in one way, newest first.

    *kind*: ``duplicates``, ``contact`` or ``organisation``; *label* says
    what they share (an email, a name, "UNOCT · Rabat"); *total* counts all
    of them, *entries* are the first :data:`SHOWN`.
    """

    kind: str
    label: str
    entries: tuple[RelatedEntry, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Related:
    """The groups of releases related to one release (only the groups that have some)."""

    release_id: str
    groups: tuple[RelatedGroup, ...]

    def entries(self) -> list[RelatedEntry]:
        """Every entry shown, in the order of the groups: the numbers the pane gives them."""
        return [entry for group in self.groups for entry in group.entries]

    def __bool__(self) -> bool:
        return bool(self.groups)


def contact_key(contact: Contact) -> tuple[str, str] | None:
    """What makes two contact blocks the same contact: the email, else the name (folded)."""
    if contact.email:
        email = clean_line(contact.email).lower()
        if email:
            return ("email", email)
    if contact.name:
        name = " ".join(fold(clean_line(contact.name)).split())
        if name:
            return ("name", name)
    return None


def organisation_of(issuer: str | None, organisations: Sequence[str]) -> str | None:
    """The organisation a release is from: its issuer, else the first it names."""
    return issuer or (organisations[0] if organisations else None)


class RelatedIndex:
    """Who shares a contact, an organisation and place, or a text with whom (see the module docstring)."""

    def __init__(
        self,
        ids: Sequence[str],
        titles: Sequence[str],
        dates: Sequence[str | None],
        locations: Sequence[str | None],
        organisations: Sequence[Sequence[str]],
        issuers: Sequence[str | None],
        contact_blocks: Iterable[Sequence[Contact]],
        duplicates: DuplicateGroups | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        """*should_stop*: asked every few milliseconds of the build (``store.give_way``):
        it may wait while the user types; True ends the build with ``BuildStopped``."""
        self._ids = ids
        self._titles = titles
        self._dates = dates
        self.duplicates = duplicates
        self._positions: dict[str, int] = {}
        for position, release_id in enumerate(ids):
            self._positions.setdefault(release_id, position)
        # One contact per release: the first with an email or a name (the
        # release's media contact); a key -> positions, and the label it shows.
        self._contact_of: list[tuple[str, str] | None] = []
        self._by_contact: dict[tuple[str, str], array[int]] = {}
        self._contact_label: dict[tuple[str, str], str] = {}
        for position, blocks in enumerate(looked_at(contact_blocks, should_stop, every=1024)):
            key = None
            for contact in blocks:
                key = contact_key(contact)
                if key is not None:
                    if key not in self._contact_label:
                        self._contact_label[key] = clean_line(contact.email or contact.name or "")
                    break
            self._contact_of.append(key)
            if key is not None:
                self._by_contact.setdefault(key, array("I")).append(position)
        self._place_of: list[tuple[str, str] | None] = []
        self._by_place: dict[tuple[str, str], array[int]] = {}
        self._place_label: dict[tuple[str, str], str] = {}
        # The same organisation anywhere: its releases at other places are a group of their own.
        self._by_organisation: dict[str, array[int]] = {}
        self._organisation_label: dict[str, str] = {}
        for position, (issuer, orgs, location) in enumerate(
            looked_at(zip(issuers, organisations, locations, strict=True), should_stop)
        ):
            organisation = organisation_of(issuer, orgs)
            place_key = None
            if organisation:
                place_key = (fold(organisation), fold(location or ""))
                self._by_organisation.setdefault(place_key[0], array("I")).append(position)
                self._organisation_label.setdefault(place_key[0], clean_line(organisation))
                if place_key not in self._place_label:
                    label = clean_line(organisation)
                    self._place_label[place_key] = (
                        f"{label} · {clean_line(location)}" if location else f"{label} (no place)"
                    )
                self._by_place.setdefault(place_key, array("I")).append(position)
            self._place_of.append(place_key)

    def with_duplicates(self, duplicates: DuplicateGroups) -> RelatedIndex:
        """The same index, its near-duplicate groups found (they take seconds: found later)."""
        copy = object.__new__(RelatedIndex)
        copy.__dict__.update(self.__dict__)
        copy.duplicates = duplicates
        return copy

    def related(self, release_id: str, shown: int = SHOWN) -> Related | None:
        """The releases related to *release_id* (None when it is not in the archive)."""
        position = self._positions.get(release_id)
        if position is None:
            return None
        groups: list[RelatedGroup] = []
        copies: tuple[int, ...] = ()
        if self.duplicates is not None:
            copies = self.duplicates.copies_of(position)
            if copies:
                groups.append(self._group("duplicates", "the same text", copies, shown))
        # The copies of the same text are listed once, under the same text.
        contact = self._contact_of[position]
        if contact is not None:
            left_out = {position, *(c for c in copies if self._contact_of[c] == contact)}
            found = _Without(self._by_contact[contact], left_out)
            if found:
                groups.append(self._group("contact", self._contact_label[contact], found, shown))
        place = self._place_of[position]
        if place is not None:
            left_out = {position, *(c for c in copies if self._place_of[c] == place)}
            found = _Without(self._by_place[place], left_out)
            if found:
                groups.append(self._group("organisation", self._place_label[place], found, shown))
            elsewhere = self._elsewhere(place, copies, shown)
            if elsewhere is not None:
                groups.append(elsewhere)
        return Related(release_id, tuple(groups))

    def _elsewhere(
        self, place: tuple[str, str], copies: tuple[int, ...], shown: int
    ) -> RelatedGroup | None:
        """The organisation's releases at other places than *place* (its copies left out)."""
        everywhere = self._by_organisation[place[0]]
        here = len(self._by_place[place])
        place_of = self._place_of
        copies_elsewhere = 0
        for copy in copies:
            theirs = place_of[copy]
            if theirs is not None and theirs != place and theirs[0] == place[0]:
                copies_elsewhere += 1
        total = len(everywhere) - here - copies_elsewhere
        if total <= 0:
            return None
        left_out = set(copies)
        first: list[int] = []
        # Stops after _SCAN_AT_MOST positions: the count is exact, the entries may be fewer.
        for p in everywhere[:_SCAN_AT_MOST]:
            if place_of[p] != place and p not in left_out:
                first.append(p)
                if len(first) == shown:
                    break
        entries = tuple(RelatedEntry(self._ids[p], self._dates[p], self._titles[p]) for p in first)
        return RelatedGroup("elsewhere", self._organisation_label[place[0]], entries, total)

    def _group(
        self, kind: str, label: str, positions: Sequence[int] | _Without, shown: int
    ) -> RelatedGroup:
        first = positions.first(shown) if isinstance(positions, _Without) else positions[:shown]
        entries = tuple(RelatedEntry(self._ids[p], self._dates[p], self._titles[p]) for p in first)
        return RelatedGroup(kind, label, entries, len(positions))


class _Without:
    """The positions of a group but a few (the release asked about, its copies), not copied."""

    __slots__ = ("_left_out", "_positions", "_size")

    def __init__(self, positions: array[int], left_out: set[int]) -> None:
        self._positions = positions
        self._left_out = left_out
        # Every position left out is in the group (the release is in its own group,
        # and only the copies that share its key are left out).
        self._size = len(positions) - len(left_out)

    def __len__(self) -> int:
        return self._size

    def first(self, count: int) -> list[int]:
        # Looks at count + len(left_out) positions at most: the group may hold 100k.
        left_out = self._left_out
        head = self._positions[: count + len(left_out)]
        return [p for p in head if p not in left_out][:count]
