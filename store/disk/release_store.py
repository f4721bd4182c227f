"""The archive of releases as the app and the command line use it, kept in TinyDB.

Two TinyDB files, their tables keyed by the release id read as a 64-bit
number (so two processes never hand out the same document id and no counter
is needed):

* the store file (``releases.json``): table ``releases``, holding
  ``Release.to_document()``, the text and what was recovered from it, and
  table ``meta``: ``{"schema": 3}`` (document 1), written with the first write;
  the latest writes may be in the journal beside it (``releases.json.journal``,
  store.disk.journal), which is why schema 3 exists: Pressroom up to schema 2
  would read the file without its journal, and refuses it instead. A schema-2
  file is read as it is and written whole once, at schema 3, by its first write;
* the state file beside it (``releases.json.state``): table ``state``,
  ``{"read": bool, "starred": bool}`` and, once the user tagged the release,
  ``"tags": [str, ...]`` (store.tags; a file without it reads as no tags). Kept apart from the text so that
  re-importing an edited file never loses it, and in a file of its own so
  that starring one release of 100k writes a few kilobytes, not the whole
  archive (schema 1 kept it in the store file; opening such a store moves it).

Writes are read-merge-write transactions under the store's lock
(store.disk.storage): one write per call, returned only once durable. A
write of a few releases is appended to the journal; when the journal passes a
quarter of the file, the whole file is written again (TinyDB's model), so
bytes written stay in proportion to the change. Opening the store for a write
parses no release when the catalogue is current (it vouches for the file). A
store on disk is a snapshot: what another process writes is seen after
:meth:`ReleaseStore.refresh`.

Threads: a ReleaseStore is used from one thread at a time (the app gives it
a single worker thread); it has no locks of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, ClassVar, Literal

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from store import collector
from store.disk import storage as storage_module
from store.disk.lock import DEFAULT_TIMEOUT
from store.disk.storage import (
    AtomicJSONStorage,
    StoredDocument,
    Tables,
    Vouched,
    materialized,
)
from store.errors import NewerSchemaError, StoreError
from store.records import DATE_SOURCES, ID_LENGTH, TITLE_SOURCES, Release, is_release_id
from store.sanitize import clean_line
from store.tags import changed_tags, clean_tags, merged_tags

Outcome = Literal["imported", "updated", "known", "conflict"]

# A migration turns the raw tables of schema N into schema N + 1, in place.
Migration = Callable[[Tables], None]

RELEASES = "releases"
STATE = "state"
META = "meta"
_META_KEY = "1"


@dataclass(frozen=True, slots=True)
class ReleaseState:
    """What the reader did with a release: read and starred marks, and their own tags."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


_UNTOUCHED = ReleaseState()


class ReleaseStore:
    """All releases of one archive, with their read/starred state.

    ``path=None`` keeps everything in memory (TinyDB's MemoryStorage). Opening
    a path that does not exist creates nothing until the first write.
    Raises :class:`~store.errors.DamagedStoreError` (the file was moved
    aside) or :class:`~store.errors.NewerSchemaError` (left untouched) on open.
    """

    SCHEMA_VERSION: ClassVar[int] = 3
    # {1: migrate_1_to_2, 2: migrate_2_to_3, ...}, applied in order on open.
    # 1 -> 2 drops the state table, which _migrate has copied to the state file.
    # 2 -> 3 changes no document: schema 3 says that a journal beside the file
    # may hold its latest writes (store.disk.journal), so that a Pressroom that
    # would read the file without them refuses it instead.
    MIGRATIONS: ClassVar[Mapping[int, Migration]] = {
        1: lambda data: _drop_state_table(data),
        2: lambda data: _allow_a_journal(data),
    }

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        lock_timeout: float = DEFAULT_TIMEOUT,
        defer_load: bool = False,
        read_only: bool = False,
    ) -> None:
        """*read_only*: for commands that only read (``search``, ``show``): nothing on
        disk is written, renamed or moved, a damaged file included; an older
        store is upgraded in memory only.
        """
        self.path: Path | None = Path(path) if path is not None else None
        self._file: AtomicJSONStorage | None = None
        self._state_file: AtomicJSONStorage | None = None
        storage: Storage
        state_storage: Storage
        if self.path is None:
            storage = MemoryStorage()  # type: ignore[no-untyped-call]
            state_storage = MemoryStorage()  # type: ignore[no-untyped-call]
        else:
            # A snapshot (follow_changes=False): the file is parsed again only
            # on refresh() or when a write needs the latest state, never in
            # the middle of a keystroke.
            self._file = AtomicJSONStorage(
                self.path,
                follow_changes=False,
                lock_timeout=lock_timeout,
                validate=partial(type(self).schema_problem, self.path),
                read_only=read_only,
                # Releases stay in the file until asked for (storage.StoredDocument).
                lazy_tables=frozenset({RELEASES}),
                # Writes are appended to the journal once the file is at schema 3.
                can_append=_journal_allowed,
                # A current catalogue spares parsing the file on open.
                vouch=_vouched_by_catalogue,
            )
            storage = self._file
            self._state_file = AtomicJSONStorage(
                state_path(self.path),
                follow_changes=False,
                lock_timeout=lock_timeout,
                read_only=read_only,
            )
            state_storage = self._state_file
        self._storage = storage
        self._state_storage = state_storage
        self._db = TinyDB(storage=lambda: storage)
        self._state_db = TinyDB(storage=lambda: state_storage)
        self._releases_table = self._db.table(RELEASES)
        self._state_table = self._state_db.table(STATE)
        self._meta_table = self._db.table(META)
        self._closed = False
        self._seen_version = -1
        self._release_list: tuple[Release, ...] | None = None
        self._by_key: dict[str, Release] = {}
        self._fingerprints: dict[str, str] | None = None
        self._states: dict[str, ReleaseState] | None = None
        self._seen_state_version = -1
        if not defer_load:
            # A damaged or newer store is reported now, not at the first click.
            # defer_load is for a caller that knows the file is sound already
            # (the browser with a current catalogue, store.disk.catalogue).
            self._tables()

    @classmethod
    def restore_backup(cls, path: str | os.PathLike[str]) -> Path:
        """Put ``<name>.bak`` back in place, moving the current file (if any) aside.

        Returns the store path. StoreError if there is no usable backup.
        """
        store_path = Path(path)
        return storage_module.restore_backup(
            store_path, validate=partial(cls.schema_problem, store_path)
        )

    # -- reading -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._tables().get(RELEASES, {}))

    def __contains__(self, release_id: object) -> bool:
        key = key_of(release_id)
        return key is not None and key in self._tables().get(RELEASES, {})

    def get(self, release_id: str) -> Release | None:
        key = key_of(release_id)
        if key is None:
            return None
        stored = self._tables().get(RELEASES, {})
        release = self._by_key.get(key)
        if release is None:
            doc = stored.get(key)
            if doc is None:
                return None
            release = self._by_key[key] = _release_from(key, _loaded(doc))
        return release

    def releases(self) -> Sequence[Release]:
        """Every release, in the order stored; built once and cached until the store changes."""
        stored = self._tables().get(RELEASES, {})
        if self._release_list is None:
            known = self._by_key
            with collector.paused():
                if known:
                    built = [
                        known.get(key) or _release_from(key, _loaded(doc))
                        for key, doc in stored.items()
                    ]
                else:
                    built = _releases_from(stored)
            self._release_list = tuple(built)
            self._by_key = dict(zip(stored, built, strict=True))
        return self._release_list

    def state(self, release_id: str) -> ReleaseState:
        return self.states().get(release_id, _UNTOUCHED)

    def fingerprints(self) -> Collection[str]:
        """The content fingerprints of the stored releases (a live view: do not keep it)."""
        return self._fingerprint_index(self._tables()).keys()

    def states(self) -> Mapping[str, ReleaseState]:
        """The state of every release that has one (the others are unread and unstarred)."""
        stored = self._state_tables().get(STATE, {})
        if self._states is None:
            self._states = {id_of_key(key): _state_of(doc) for key, doc in stored.items()}
        return MappingProxyType(self._states)

    # -- writing -------------------------------------------------------------------

    def add_batch(self, releases: Sequence[Release]) -> list[Outcome]:
        """Store *releases* in one durable write; say for each what happened.

        ``known``: the same id with the same fingerprint is stored, or the
        fingerprint is stored under another id (a copy of a known file).
        ``updated``: the id is stored with another fingerprint; the document is
        replaced and the read/starred state kept. ``imported``: new.
        ``conflict``: the id is stored for a release from another source (an id
        written in a file, such as an export's, is only a claim): nothing is
        replaced, and the caller decides (SECURITY.md: an id from a file never
        replaces a release from another source without saying so).
        """
        batch = list(releases)
        for release in batch:
            if key_of(release.id) is None:
                raise ValueError(f"release id {release.id!r} is not {ID_LENGTH} hex digits")
        if not batch:
            return []
        outcomes: list[Outcome] = []
        pending: dict[int, Release] = {}
        try:
            with self._transaction():
                tables = self._tables()
                stored = tables.get(RELEASES, {})
                fingerprints = self._fingerprint_index(tables)
                replaced: list[int] = []
                for release in batch:
                    if release.fingerprint in fingerprints:
                        outcomes.append("known")
                        continue
                    doc_id = int(release.id, 16)
                    earlier = pending.get(doc_id)
                    old_fingerprint = (
                        earlier.fingerprint
                        if earlier is not None
                        else _fingerprint_of(stored.get(str(doc_id)))
                    )
                    if earlier is None and _other_source(stored.get(str(doc_id)), release):
                        outcomes.append("conflict")
                        continue
                    if earlier is None and str(doc_id) not in stored:
                        outcomes.append("imported")
                    else:
                        outcomes.append("updated")
                        if earlier is None:
                            replaced.append(doc_id)
                        if (
                            isinstance(old_fingerprint, str)
                            and fingerprints.get(old_fingerprint) == release.id
                        ):
                            del fingerprints[old_fingerprint]
                    pending[doc_id] = release
                    fingerprints[release.fingerprint] = release.id
                if pending:
                    if replaced:
                        self._releases_table.remove(doc_ids=replaced)
                    self._insert(pending)
                    self._write_meta(tables)
        except BaseException:
            self._drop_caches()
            raise
        if pending:
            self._after_own_write()
            self._release_list = None
            if self._file is None:
                self._by_key.update((str(doc_id), release) for doc_id, release in pending.items())
            else:
                # Now in the file: an import of 100,000 would otherwise keep them all
                # (about 10 KB each); read again when asked for.
                for doc_id in pending:
                    self._by_key.pop(str(doc_id), None)
        return outcomes

    def set_read(self, release_ids: Iterable[str], read: bool = True) -> None:
        self._set_state(release_ids, "read", read)

    def set_starred(self, release_ids: Iterable[str], starred: bool = True) -> None:
        self._set_state(release_ids, "starred", starred)

    def change_tags(self, changes: Mapping[str, Mapping[str, str | None]]) -> None:
        """Add and remove the user's tags: release id -> {tag key: name to add, or None to remove}.

        Applied to the tags on disk in one transaction, so a tag another
        process gave the same release meanwhile is kept (only what changed
        here is written).
        """
        self._merge_states(
            {
                release_id: (False, False, partial(changed_tags, changes=wanted))
                for release_id, wanted in changes.items()
                if wanted
            }
        )

    def merge_states(self, claims: Mapping[str, ReleaseState]) -> None:
        """Lay marks from elsewhere (an export being imported) over the marks kept here.

        Nothing the user set here is undone: a release read or starred stays
        so, and the tags are the union of both.
        """
        self._merge_states(
            {
                release_id: (claim.read, claim.starred, partial(merged_tags, theirs=claim.tags))
                for release_id, claim in claims.items()
            }
        )

    def id_of_fingerprint(self, fingerprint: str) -> str | None:
        """The id under which a release with this content fingerprint is stored, if any."""
        return self._fingerprint_index(self._tables()).get(fingerprint)

    def ids_of_fingerprints(self, fingerprints: Sequence[str]) -> dict[str, str]:
        """The ids under which releases with these content fingerprints are stored (those
        stored), by fingerprint."""
        index = self._fingerprint_index(self._tables())
        return {f: index[f] for f in fingerprints if f in index}

    def refresh(self) -> bool:
        """Read the files again if another process changed them; True if something changed.

        A store file not read yet (``defer_load``) is left alone: there is no
        snapshot of it to be stale.
        """
        if self._file is None or self._state_file is None or self._closed:
            return False
        changed = False
        if self._file.loaded and self._file.reload():
            self._tables()
            changed = True
        if self._state_file.reload():
            self._states = None
            changed = True
        return changed

    def let_go(self) -> None:
        """Hold nothing of the store file (its tables, the caches made of them) until it is
        next used: it is read again then, through its catalogue when that is current.

        An import lets go once its releases are written, before its index is finished,
        which reads only the catalogue: the tables were about 250 bytes a release, and the
        table of fingerprints as many again, held through the import's largest step.
        """
        self._drop_caches()
        if self._file is not None:
            self._file.let_go()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._drop_caches()
            self._db.close()
            self._state_db.close()

    def __enter__(self) -> ReleaseStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals -----------------------------------------------------------------

    def _tables(self) -> Tables:
        """The raw tables, after noticing a new load (which drops the derived caches)."""
        if self._closed:
            raise StoreError("the release store is closed")
        data = self._storage.read()
        version = self._file.version if self._file is not None else 0
        if version != self._seen_version:
            self._seen_version = version
            self._drop_caches()
            if data is not None and (_schema_of(data) < self.SCHEMA_VERSION or data.get(STATE)):
                self._migrate()
                data = self._storage.read()
                self._seen_version = self._file.version if self._file is not None else 0
        return data if data is not None else {}

    def _transaction(self) -> AbstractContextManager[None]:
        if self._file is None:
            return nullcontext()
        return self._file.transaction()

    def _after_own_write(self) -> None:
        # Our own write: the caches were updated along with it; only the
        # version seen moves, so that the write is not taken for a new load.
        if self._file is not None:
            self._seen_version = self._file.version

    def _state_tables(self) -> Tables:
        """The state file's tables, after noticing a new load (which drops the cached states)."""
        if self._closed:
            raise StoreError("the release store is closed")
        data = self._state_storage.read()
        version = self._state_file.version if self._state_file is not None else 0
        if version != self._seen_state_version:
            self._seen_state_version = version
            self._states = None
        return data if data is not None else {}

    def _state_transaction(self) -> AbstractContextManager[None]:
        if self._state_file is None:
            return nullcontext()
        return self._state_file.transaction()

    def _drop_caches(self) -> None:
        self._release_list = None
        self._by_key = {}
        self._fingerprints = None
        self._states = None

    def _fingerprint_index(self, tables: Tables) -> dict[str, str]:
        if self._fingerprints is None:
            index: dict[str, str] = {}
            for key, doc in tables.get(RELEASES, {}).items():
                fingerprint = _fingerprint_of(doc)
                if fingerprint:
                    index.setdefault(fingerprint, id_of_key(key))
            self._fingerprints = index
        return self._fingerprints

    def _set_state(self, release_ids: Iterable[str], field: str, value: bool) -> None:
        keys = {key for release_id in release_ids if (key := key_of(release_id)) is not None}
        if not keys:
            return
        changed: list[str] = []
        # Any well-formed id is marked: checking it against the store would
        # mean reading the whole store file (hundreds of MB) for one star. A
        # mark nobody shows is harmless.
        try:
            with self._state_transaction():
                states = self._state_tables().get(STATE, {})
                existing: list[int] = []
                missing: list[int] = []
                for key in keys:
                    doc = states.get(key)
                    if doc is not None and bool(doc.get(field)) != value:
                        existing.append(int(key))
                    elif doc is None and value:
                        missing.append(int(key))
                    else:
                        continue
                    changed.append(key)
                if existing:
                    self._state_table.update({field: value}, doc_ids=existing)
                if missing:
                    blank = {"read": False, "starred": False}
                    self._state_table.insert_multiple(
                        Document({**blank, field: value}, doc_id) for doc_id in missing
                    )
        except BaseException:
            self._states = None
            raise
        if not changed:
            return
        self._seen_state_version = self._state_file.version if self._state_file is not None else 0
        if self._states is not None:
            for key in changed:
                release_id = id_of_key(key)
                old = self._states.get(release_id, _UNTOUCHED)
                self._states[release_id] = (
                    ReleaseState(value, old.starred, old.tags)
                    if field == "read"
                    else ReleaseState(old.read, value, old.tags)
                )

    def _merge_states(self, wanted: Mapping[str, tuple[bool, bool, _TagChange]]) -> None:
        """For each release id: set read and starred when True, and change its tags."""
        keyed = {
            key: change
            for release_id, change in wanted.items()
            if (key := key_of(release_id)) is not None
        }
        if not keyed:
            return
        written: dict[str, ReleaseState] = {}
        try:
            with self._state_transaction():
                states = self._state_tables().get(STATE, {})
                replaced: list[int] = []
                fresh: list[Document] = []
                for key, (read, starred, change) in keyed.items():
                    doc = states.get(key)
                    old = _state_of(doc) if doc is not None else _UNTOUCHED
                    new = ReleaseState(old.read or read, old.starred or starred, change(old.tags))
                    if new == old:
                        continue
                    document = {"read": new.read, "starred": new.starred, "tags": list(new.tags)}
                    if doc is not None:
                        replaced.append(int(key))
                    fresh.append(Document(document, int(key)))
                    written[key] = new
                if replaced:
                    self._state_table.remove(doc_ids=replaced)
                if fresh:
                    self._state_table.insert_multiple(fresh)
        except BaseException:
            self._states = None
            raise
        if not written:
            return
        self._seen_state_version = self._state_file.version if self._state_file is not None else 0
        if self._states is not None:
            for key, state in written.items():
                self._states[id_of_key(key)] = state

    def _insert(self, pending: dict[int, Release]) -> None:
        """Add *pending* (not stored under their ids) to the releases table, in one write."""
        # Not TinyDB's insert_multiple: it makes the table again twice, with a new int
        # and then a new str for every key, at every batch of an import (at 100k, 200,000
        # small objects a batch, for nothing). The table is still a new dict (a reader
        # holding the old one is not disturbed), sharing the old one's keys.
        tables = self._storage.read() or {}
        table = dict(tables.get(RELEASES, {}))
        for doc_id, release in pending.items():
            table[str(doc_id)] = release.to_document()
        tables[RELEASES] = table
        self._storage.write(tables)
        self._releases_table.clear_cache()

    def _write_meta(self, tables: Tables) -> None:
        if _META_KEY not in tables.get(META, {}):
            self._meta_table.insert(Document({"schema": self.SCHEMA_VERSION}, int(_META_KEY)))

    def _move_states_out(self, data: Tables) -> None:
        """Copy the state table of a schema-1 store file into the state file (durably).

        Marks already in the state file win: they are newer. Run again after a
        crash before the store file was rewritten, it copies nothing new.
        """
        old = data.get(STATE)
        if not old:
            return
        with self._state_transaction():
            current = self._state_tables().get(STATE, {})
            fresh = [
                Document(
                    {"read": bool(doc.get("read")), "starred": bool(doc.get("starred"))}, int(key)
                )
                for key, doc in old.items()
                if key not in current and isinstance(doc, Mapping)
            ]
            if fresh:
                self._state_table.insert_multiple(fresh)
        self._states = None

    def _migrate(self) -> None:
        with self._transaction():
            data = self._storage.read()
            if data is None:
                return
            self._move_states_out(data)
            data.pop(STATE, None)
            schema = _schema_of(data)
            steps = [self.MIGRATIONS.get(v) for v in range(schema, self.SCHEMA_VERSION)]
            if RELEASES in data and any(step is not _NO_EDIT for step in steps):
                # Migrations edit documents: they get them parsed (a rare, one-time path;
                # 2 -> 3 edits none).
                data[RELEASES] = materialized(data[RELEASES])
            for version in range(schema, self.SCHEMA_VERSION):
                try:
                    self.MIGRATIONS[version](data)
                except (KeyError, TypeError, AttributeError, ValueError) as exc:
                    # A document not in the shape the migration expects (edited by
                    # hand, written by another tool): the user is told, and nothing
                    # is written, so the file stays as the older version left it. A
                    # bug in the migration itself raises as it is, also writing nothing.
                    raise StoreError(
                        f"cannot upgrade {clean_line(os.fspath(self.path or 'the store'))} from "
                        f"store schema {version} ({clean_line(repr(exc))[:200]})"
                    ) from exc
            meta = data.setdefault(META, {})
            meta[_META_KEY] = {**meta.get(_META_KEY, {}), "schema": self.SCHEMA_VERSION}
            self._storage.write(data)
        self._drop_caches()

    @classmethod
    def schema_problem(cls, path: Path, data: Tables) -> str | None:
        """The storage's check of a loaded file: what is wrong with its schema, if anything."""
        meta = data.get(META, {}).get(_META_KEY)
        if meta is None:
            return None  # a store never written by Pressroom, or not yet: current schema
        schema = meta.get("schema")
        if type(schema) is not int or schema < 1:
            shown = clean_line(repr(schema))[:40]
            return f"its schema version {shown} is not a version number"
        if schema > cls.SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{clean_line(os.fspath(path))} was made by a newer Pressroom (store schema "
                f"{schema}, this version knows up to {cls.SCHEMA_VERSION}); it was left "
                "untouched — upgrade Pressroom to open it",
                path=path,
                schema=schema,
            )
        missing = [v for v in range(schema, cls.SCHEMA_VERSION) if v not in cls.MIGRATIONS]
        if missing:
            raise StoreError(
                f"{clean_line(os.fspath(path))} has store schema {schema} and this Pressroom "
                f"cannot upgrade it (no migration from schema {missing[0]})"
            )
        return None


# How a release's tags change: the tags on disk -> the tags to write.
_TagChange = Callable[[tuple[str, ...]], tuple[str, ...]]


def _state_of(doc: object) -> ReleaseState:
    """A state document as read: anything not in Pressroom's shape reads as not set."""
    if not isinstance(doc, Mapping):
        return _UNTOUCHED
    tags = doc.get("tags")
    return ReleaseState(
        bool(doc.get("read")), bool(doc.get("starred")), clean_tags(tags) if tags else ()
    )


def _journal_allowed(data: Tables) -> bool:
    """Whether a store file may have a journal: only from schema 3, which older code refuses."""
    meta = data.get(META, {}).get(_META_KEY)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    return type(schema) is int and schema >= 3


def _allow_a_journal(data: Tables) -> None:
    """2 -> 3: no document changes; the new schema number is the whole of it."""


_NO_EDIT = ReleaseStore.MIGRATIONS[2]


def _vouched_by_catalogue(path: Path, identity: tuple[int, int, int]) -> Vouched | None:
    """What a current catalogue says the store file holds (store.disk.catalogue)."""
    from store.disk.catalogue import vouched

    return vouched(path, identity)


def _drop_state_table(data: Tables) -> None:
    data.pop(STATE, None)


def state_path(store_path: Path) -> Path:
    """``releases.json`` -> ``releases.json.state``: the read and starred marks."""
    return store_path.with_name(store_path.name + ".state")


def _schema_of(data: Tables) -> int:
    meta = data.get(META, {}).get(_META_KEY)
    schema = meta.get("schema") if meta is not None else None
    return schema if type(schema) is int else ReleaseStore.SCHEMA_VERSION


def key_of(release_id: object) -> str | None:
    """The TinyDB document id (as stored: decimal text) of a release id, None if malformed."""
    if not is_release_id(release_id):
        return None
    return str(int(release_id, 16))


def id_of_key(key: str) -> str:
    """The release id of a TinyDB document id (decimal text)."""
    return f"{int(key):0{ID_LENGTH}x}"


def _releases_from(stored: Mapping[str, Any]) -> list[Release]:
    # Each document checked on its own: one edited by hand is read the tolerant way.
    return [_release_from(key, _loaded(doc)) for key, doc in stored.items()]


def _loaded(doc: Any) -> Any:
    """A stored document, parsed if it was left in the file (storage.StoredDocument)."""
    return doc.load() if type(doc) is StoredDocument else doc


def _fingerprint_of(doc: object) -> str | None:
    """The fingerprint of a stored document (parsed or not), None when it has none."""
    if type(doc) is StoredDocument:
        return doc.fingerprint or None
    fingerprint = doc.get("fingerprint") if isinstance(doc, dict) else None
    return fingerprint if isinstance(fingerprint, str) and fingerprint else None


def _other_source(doc: object, release: Release) -> bool:
    """Whether the stored document *doc* is a release from another source than *release*."""
    doc = _loaded(doc)
    if not isinstance(doc, dict):
        return False
    source = doc.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    return isinstance(path, str) and path != release.source.path


def release_from_stored(key: str, doc: object) -> Release:
    """The release of a stored document, read the tolerant way if it is not Pressroom's shape."""
    if not isinstance(doc, Mapping):
        doc = {}
    return _release_from(key, doc)


def _release_from(key: str, doc: Mapping[str, Any]) -> Release:
    try:
        release = Release.from_document(doc)
        if _in_our_shape(release, key, doc):
            return release
    except (KeyError, TypeError, AttributeError, ValueError):
        pass
    # Edited by hand or by another tool (an id that is a number or null, a
    # title that is not text, a list that is a string): the tolerant reader
    # cleans every field, and the document's key is its id (SECURITY.md D13).
    return Release.from_json({**doc, "id": id_of_key(key)})


_LIST_FIELDS = ("organisations", "people", "contacts", "links", "tags")


def _in_our_shape(release: Release, key: str, doc: Mapping[str, Any]) -> bool:
    """Whether every field has the type Pressroom writes (the fast reader checks none).

    Type checks only, a few microseconds a release: the fast path stays fast.
    """

    def text(value: object) -> bool:
        return type(value) is str

    def optional(value: object) -> bool:
        return value is None or type(value) is str

    return (
        release.id == id_of_key(key)
        # A string where a list belongs reads as its letters: "Acme" as A, c, m, e.
        and all(type(doc.get(name) or []) is list for name in _LIST_FIELDS)
        and text(release.title)
        and text(release.body)
        and text(release.fingerprint)
        and text(release.source.path)
        and text(release.source.format)
        and all(
            optional(v)
            for v in (
                release.kicker,
                release.date,
                release.location,
                release.embargo,
                release.language,
                release.issuer,
            )
        )
        and release.date_source in (None, *DATE_SOURCES)
        and release.title_source in (None, *TITLE_SOURCES)
        and all(text(v) for v in release.organisations)
        and all(text(v) for v in release.tags)
        and all(text(p.name) and optional(p.role) for p in release.people)
        and all(text(link.label) and text(link.url) for link in release.links)
        and all(
            optional(c.name)
            and optional(c.role)
            and optional(c.organisation)
            and optional(c.email)
            and optional(c.phone)
            for c in release.contacts
        )
    )
