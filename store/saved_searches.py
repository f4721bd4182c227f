"""Saved searches: queries kept under a name beside the store, with what each showed when last opened.

Kept in ``releases.json.saved`` beside the store (as the marks sit in
``releases.json.state`` and the browser's preferences in ``.prefs``): a small
JSON file of the user's own, written atomically (a temporary file of our own,
fsync, rename). A damaged or foreign file is ignored, never fatal: the next
save replaces it.

"New since last opened" is counted from the ids a search matched when it was
last opened (or saved): a release that matches now and was not among them is
new. Ids, not a date or an import counter, because an archive has neither an
import order (an updated release is stored again, archive order is by date)
nor a clock every release shares; the cost is 19 bytes per release a search
matched, 1.9 MB for a search that matches 100,000.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from store.disk.derived import open_derived
from store.sanitize import clean_line

VERSION = 1
MAX_FILE = 64 * 1024 * 1024  # a larger file is not read (it is not ours)
MAX_NAME = 80  # characters of a name
MAX_QUERY = 500  # characters of a query (as the search history keeps them)
MAX_SEARCHES = 200  # searches kept; a file with more is cut to the first ones
_ID = re.compile(r"[0-9a-f]{1,64}")


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """One saved query: its *name*, the *query* as typed, the ids it matched when last opened."""

    name: str
    query: str
    seen: frozenset[str] = frozenset()
    opened: str | None = None  # ISO date and time of the last opening (or the saving)

    def new_among(self, release_ids: Iterable[str]) -> int:
        """How many of *release_ids* (what the query matches now) were not seen at the last opening."""
        seen = self.seen
        return sum(1 for release_id in release_ids if release_id not in seen)


class SavedSearches:
    """The saved searches of one store, in the order they were saved; names are unique."""

    def __init__(self, searches: Iterable[SavedSearch] = ()) -> None:
        self._searches: list[SavedSearch] = []
        for search in searches:
            if self.get(search.name) is None and len(self._searches) < MAX_SEARCHES:
                self._searches.append(search)

    def __iter__(self) -> Iterator[SavedSearch]:
        return iter(list(self._searches))

    def __len__(self) -> int:
        return len(self._searches)

    def names(self) -> list[str]:
        return [search.name for search in self._searches]

    def get(self, name: str) -> SavedSearch | None:
        return next((s for s in self._searches if s.name == name), None)

    def save(self, name: str, query: str, seen: Iterable[str], when: str) -> SavedSearch:
        """Save *query* as *name* (replacing a search of that name, in its place)."""
        search = SavedSearch(
            clean_name(name), clean_query(query), frozenset(seen), clean_line(when) or None
        )
        if not search.name:
            raise ValueError("a saved search needs a name")
        for n, old in enumerate(self._searches):
            if old.name == search.name:
                self._searches[n] = search
                return search
        if len(self._searches) >= MAX_SEARCHES:
            raise ValueError(f"at most {MAX_SEARCHES} saved searches; delete one first")
        self._searches.append(search)
        return search

    def opened(self, name: str, seen: Iterable[str], when: str) -> None:
        """*name* was opened now and matched *seen*: from here on, only others count as new."""
        for n, old in enumerate(self._searches):
            if old.name == name:
                self._searches[n] = replace(old, seen=frozenset(seen), opened=clean_line(when))

    def rename(self, name: str, new_name: str) -> None:
        new_name = clean_name(new_name)
        if not new_name:
            raise ValueError("a saved search needs a name")
        if new_name != name and self.get(new_name) is not None:
            raise ValueError(f"a saved search is already called {new_name}")
        for n, old in enumerate(self._searches):
            if old.name == name:
                self._searches[n] = replace(old, name=new_name)
                return
        raise ValueError(f"no saved search called {clean_line(name)}")

    def delete(self, name: str) -> None:
        self._searches = [s for s in self._searches if s.name != name]

    def to_json(self) -> dict[str, object]:
        return {
            "version": VERSION,
            "searches": [
                {
                    "name": s.name,
                    "query": s.query,
                    "opened": s.opened,
                    "seen": sorted(s.seen),
                }
                for s in self._searches
            ],
        }


def clean_name(name: str) -> str:
    """A name as kept: one line, no controls, at most :data:`MAX_NAME` characters."""
    return clean_line(name)[:MAX_NAME].strip()


def clean_query(query: str) -> str:
    """A query as kept: one line, at most :data:`MAX_QUERY` characters.

    A trailing space is kept: in the search bar it makes the last word whole
    rather than a prefix, and the saved search must match what was shown.
    """
    kept = clean_line(query)[:MAX_QUERY]
    return kept + " " if kept and query[-1:].isspace() else kept


def saved_path(db: Path) -> Path:
    """The saved-searches file beside the store at *db*."""
    return db.with_name(db.name + ".saved")


def load_saved(db: Path) -> SavedSearches:
    """The searches saved beside *db*; none for a missing, damaged or foreign file."""
    try:
        # Not through a link, not a FIFO or a device, and bounded (SECURITY.md D9).
        with open_derived(saved_path(db)) as handle:
            raw = handle.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            return SavedSearches()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return SavedSearches()
    return searches_of(data)


def searches_of(payload: object) -> SavedSearches:
    """The saved searches of a payload made by :meth:`SavedSearches.to_json` (a file's,
    a database's); none for one of another shape."""
    if not isinstance(payload, dict) or not isinstance(payload.get("searches"), list):
        return SavedSearches()
    return SavedSearches(_searches_of(payload["searches"]))


def _searches_of(entries: Sequence[object]) -> Iterator[SavedSearch]:
    # Each entry on its own: one edited by hand into another shape is left
    # out, the others kept.
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        name, query = entry.get("name"), entry.get("query")
        if not isinstance(name, str) or not isinstance(query, str) or not clean_name(name):
            continue
        seen = entry.get("seen")
        ids = (
            frozenset(i for i in seen if isinstance(i, str) and _ID.fullmatch(i))
            if isinstance(seen, list)
            else frozenset()
        )
        opened = entry.get("opened")
        yield SavedSearch(
            clean_name(name),
            clean_query(query),
            ids,
            clean_line(opened) or None if isinstance(opened, str) else None,
        )


def write_saved(db: Path, searches: SavedSearches) -> None:
    """Write *searches* beside *db* atomically; raises OSError (the old file is left as it was)."""
    path = saved_path(db)
    data = json.dumps(searches.to_json(), ensure_ascii=False, separators=(",", ":"))
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        # A new file of our own: never through a link planted at that name (SECURITY.md D9).
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with open(os.open(tmp, flags, 0o600), "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
