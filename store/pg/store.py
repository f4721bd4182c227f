"""The archive in a PostgreSQL database: what ``ReleaseStore`` offers, shared by a team.

Releases are shared; read and starred marks and tags belong to each user (the
store's ``user``, or the ``user=`` of a call). Imports from several machines
at once are safe: each batch decides its outcomes under one advisory lock
(the rules of ``ReleaseStore.add_batch`` read the whole batch against what is
stored, so two batches must not decide on the same snapshot), deletes the
rows it replaces and loads its rows with one ``COPY``, all in one
transaction; readers never wait, and see the batch whole or not at all.
Every write is announced on ``pressroom_changes`` (LISTEN/NOTIFY) when it commits.

Threads: one store is used from one thread at a time, as ``ReleaseStore``.
"""

from __future__ import annotations

import getpass
import math
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType, TracebackType
from typing import Any, LiteralString, overload

import orjson
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.types.json import set_json_loads

from store.archive import Facets, SortOrder, month_range
from store.disk.release_store import Outcome, ReleaseState
from store.errors import StoreError
from store.facet_names import facet_entries
from store.pg import bulk
from store.pg.columns import (
    ROW_COLUMNS,
    SAMPLE_INDEXED,
    SAMPLE_SPAN,
    release_row,
    stored_form,
)
from store.pg.copy_rows import COPY_HEADER, COPY_TRAILER, copy_row
from store.pg.query_sql import Condition, compile_query, planned_part
from store.pg.schema import CHANGES_CHANNEL, IMPORT_LOCK, SAMPLE_WORDS_ROWS, ensure_schema
from store.records import ID_LENGTH, Release, is_release_id
from store.sanitize import clean_line
from store.saved_searches import SavedSearches
from store.saved_searches import searches_of as saved_searches_of
from store.search.query import Query
from store.search.tokens import field_key
from store.tags import changed_tags, clean_tags, merged_tags

Connection = psycopg.Connection[tuple[Any, ...]]

# Rows per page when the whole archive is streamed (releases()): ~10 KB each.
PAGE = 2000
_UNTOUCHED = ReleaseState()
ARCHIVE_ORDER = SortOrder()  # newest first
# A result of up to this many releases is counted exactly by count_estimate; a bigger one
# is estimated on the sample.
EXACT_COUNT = 10_000
# Up to this many, the timeline and facets are computed on the whole result.
EXACT_FACETS = 20_000
# Releases in the sample on which the timeline and facets of big results are estimated.
SAMPLE_ROWS = 10_000
# ... and on which a count is, as a word is typed: a word's matches in it from its own
# words index (columns.SAMPLE_INDEXED; 10 ms for a word in half of a million), else each
# row tested in turn (35-90 ms at 1M); the error of a share p is about
# sqrt(p (1 - p) / 3,000), 1.8% of a word in half the archive.
COUNT_SAMPLE_ROWS = 3_000
# The sample's earlier matches are tested again (each found by its id) when they are at most
# this share of the archive; more, and the sample's own rows are read in order, which costs
# less ("c" -> "ch": 2,991 of 3,000 rows by their ids 30 ms, the sample read 10 ms).
NARROW_SAMPLE_UP_TO = 2 / 3
# The sample's estimate this many times the exact bound (asked first when the planner
# expects more than the bound): the count is estimated without counting up to the bound.
SURELY_MORE = 3
# A page of a result the planner expects to hold this many releases or more walks the
# list's index; of a smaller one, its matches are sorted, up to SORT_UP_TO of them (see
# PostgresStore._page: ~14 us a row walked, ~1 us a match sorted, at 1M).
WALK_FROM = 40_000
SORT_UP_TO = 60_000
# ... when the page is a page or a few: a longer one (the 20,000 rows a big result lists)
# walks wanted / share rows, which may cost far more than sorting every match.
WALK_WANTED = 1_000
# What each way costs, to choose between them below WALK_FROM (PostgresStore._walks_first):
# a row of the list's index walked and tested, a match taken from the bitmaps and sorted,
# and a phrase's needle looked for in a match's text (detoasted), in microseconds.
WALK_ROW_US = 14.0
SORT_ROW_US = 1.0
NEEDLE_ROW_US = 10.0
# Planner settings for a statement (SET LOCAL): "from the bitmaps" (no row-by-row scan,
# no walk of an index with a test on each row), and "walk the list's index in order".
_BITMAPS: LiteralString = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
_WALK: LiteralString = "SET LOCAL enable_sort = off"
# The sample's rows (or a list of ids) through their own index, each tested (no bitmap
# of every match).
_SAMPLE_ROWS: LiteralString = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off"
_WALK_A_WHILE: LiteralString = "SET LOCAL enable_sort = off; SET LOCAL statement_timeout = 250"

_ARCHIVE_ORDER = sql.SQL("r.undated, r.date_key, r.title_key, r.id")
# The other orders, as archive.py sorts: the key (empty values last), ties in archive
# order whichever the direction (Python's sort is stable, reverse=True included).
_SORT_KEYS: dict[str, tuple[LiteralString, ...]] = {
    "title": ("r.title_key",),
    "organisation": ("cardinality(r.organisations) = 0", "r.organisation_key"),
    "place": ("r.location IS NULL", "r.place_key"),
}
# An import transaction's GIN pending lists (see PostgresStore._add).
_PENDING_LIST: LiteralString = "SET LOCAL gin_pending_list_limit = '16MB'"
# Bytes of COPY tuples handed to the connection at once.
_COPY_PIECE = 1 << 20
_COPY_ROWS = sql.SQL("COPY pressroom.releases ({}) FROM STDIN WITH (FORMAT binary)").format(
    sql.SQL(", ").join(sql.Identifier(name) for name in ROW_COLUMNS)
)


def default_user() -> str:
    """The OS user's name, whose marks are used unless a user is named."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no passwd entry (a bare container)
        return "pressroom"


def describe(conninfo: str) -> str:
    """The database of *conninfo* for messages: name, host and port, never the password."""
    try:
        parts = conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return "the PostgreSQL database (its connection string is not valid)"
    name = str(parts.get("dbname") or parts.get("user") or "")
    host = str(parts.get("host") or parts.get("hostaddr") or "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    return clean_line(f"PostgreSQL database {name} on {host}{port}".replace("  ", " "))


class PostgresStore:
    """All releases of one archive in PostgreSQL, with each user's marks.

    Raises :class:`StoreError` (one line) when the database cannot be reached
    or holds a schema this Pressroom cannot use.
    """

    def __init__(self, conninfo: str, *, user: str | None = None) -> None:
        self.where = describe(conninfo)
        self._conninfo = conninfo  # for the listener's connection of its own
        self.user = user if user is not None else default_user()
        try:
            self._conn: Connection = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open {self.where}: {_first_line(exc)}") from None
        set_json_loads(orjson.loads, self._conn)
        # Plans made for each statement's own values (a generic plan cannot tell a word in
        # 0.1% of releases from one in 75%), and no JIT: compiling took 0.3 s of a keystroke.
        self._conn.prepare_threshold = None
        try:
            with self._errors():
                self._conn.execute("SET jit = off")
                ensure_schema(self._conn, self.where)
                bulk.recover(
                    self._conn, conninfo
                )  # a bulk load killed half-way left its indexes out
        except BaseException:
            self._conn.close()
            raise
        self._bulk = False  # a bulk load into the empty archive is under way (store.pg.bulk)
        self._has_sample_index: bool | None = None  # asked once (_sample_indexed)
        self._wrote = False

    # -- reading -------------------------------------------------------------------

    def __len__(self) -> int:
        with self._errors():
            row = self._conn.execute("SELECT count(*) FROM pressroom.releases").fetchone()
        return int(row[0]) if row else 0

    def __contains__(self, release_id: object) -> bool:
        if not is_release_id(release_id):
            return False
        with self._errors():
            row = self._conn.execute(
                "SELECT 1 FROM pressroom.releases WHERE id = %s", [release_id]
            ).fetchone()
        return row is not None

    def get(self, release_id: str) -> Release | None:
        if not is_release_id(release_id):
            return None
        with self._errors():
            row = self._conn.execute(
                "SELECT document FROM pressroom.releases WHERE id = %s", [release_id]
            ).fetchone()
        return Release.from_document(row[0]) if row else None

    def get_many(self, release_ids: Sequence[str]) -> list[Release]:
        """The releases of *release_ids* that are stored, in the order asked (a page of a list)."""
        wanted = [i for i in release_ids if is_release_id(i)]
        with self._errors():
            rows = self._conn.execute(
                "SELECT id, document FROM pressroom.releases WHERE id = ANY(%s)", [wanted]
            ).fetchall()
        found = {row[0]: Release.from_document(row[1]) for row in rows}
        return [found[i] for i in wanted if i in found]

    def releases(self) -> Iterator[Release]:
        """Every release in archive order, read a page at a time (1M never in memory at once).

        Pages follow the order's key (keyset paging), so no transaction is held
        open between pages: what others import meanwhile may or may not be seen.
        """
        after: tuple[object, ...] | None = None
        while True:
            with self._errors():
                if after is None:
                    rows = self._conn.execute(
                        "SELECT document, undated, date_key, title_key, id FROM pressroom.releases"
                        " ORDER BY undated, date_key, title_key, id LIMIT %s",
                        [PAGE],
                    ).fetchall()
                else:
                    rows = self._conn.execute(
                        "SELECT document, undated, date_key, title_key, id FROM pressroom.releases"
                        " WHERE (undated, date_key, title_key, id) > (%s, %s, %s, %s)"
                        " ORDER BY undated, date_key, title_key, id LIMIT %s",
                        [*after, PAGE],
                    ).fetchall()
            for row in rows:
                yield Release.from_document(row[0])
            if len(rows) < PAGE:
                return
            after = tuple(rows[-1][1:])

    def fingerprints(self) -> set[str]:
        """The content fingerprints of the stored releases."""
        with self._errors():
            rows = self._conn.execute("SELECT fingerprint FROM pressroom.releases").fetchall()
        return {row[0] for row in rows}

    def id_of_fingerprint(self, fingerprint: str) -> str | None:
        """The id under which a release with this content fingerprint is stored, if any."""
        with self._errors():
            row = self._conn.execute(
                "SELECT id FROM pressroom.releases WHERE fingerprint = %s", [fingerprint]
            ).fetchone()
        return str(row[0]) if row else None

    def ids_of_fingerprints(self, fingerprints: Sequence[str]) -> dict[str, str]:
        """The ids under which releases with these content fingerprints are stored (those
        stored), by fingerprint: one round trip for a batch."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT fingerprint, id FROM pressroom.releases WHERE fingerprint = ANY(%s)",
                [list(fingerprints)],
            ).fetchall()
        return {str(fingerprint): str(release_id) for fingerprint, release_id in rows}

    # -- importing -----------------------------------------------------------------

    def add_batch(self, releases: Sequence[Release]) -> list[Outcome]:
        """Store *releases* in one transaction; say for each what happened.

        The rules of ``ReleaseStore.add_batch``: ``known`` (this content is
        stored, under this id or another), ``updated`` (the id is stored with
        other content from the same source: replaced, every user's marks kept),
        ``conflict`` (the id is stored for a release from another source:
        nothing replaced), ``imported`` (new).
        """
        # Each release cleaned for PostgreSQL, with its JSON text (made once, used in the row).
        prepared = [stored_form(release) for release in releases]
        documents = {id(release): document for release, document in prepared}

        def line(release: Release) -> bytes:
            # Only the rows written are made: a known release costs no row.
            return copy_row(release_row(release, documents[id(release)]))

        return self._add([release for release, _document in prepared], line, None)

    def add_rows(
        self, rows: Sequence[tuple[Release, bytes]], *, known: set[str] | None = None
    ) -> list[Outcome]:
        """:meth:`add_batch` for releases whose rows are made already: each release (cleaned
        by ``columns.stored_form``) with its row's COPY tuple (``copy_rows.prepared``, made in
        an import's parse workers), so that this process only sends bytes.

        *known*: fingerprints stored when the import began (``fingerprints()``, read once);
        a release with one of them is ``known`` without being sent to the server. The set
        follows what this store's batches write and replace, so that a fingerprint an
        update frees is not taken for stored.
        """
        made = {id(release): row for release, row in rows}
        return self._add([release for release, _row in rows], lambda r: made[id(r)], known)

    def _add(
        self,
        batch: list[Release],
        row_of: Callable[[Release], bytes],
        known: set[str] | None,
    ) -> list[Outcome]:
        """The outcomes of *batch*, its new and changed releases written (see add_batch)."""
        for release in batch:
            if not is_release_id(release.id):
                raise ValueError(f"release id {release.id!r} is not {ID_LENGTH} hex digits")
        if not batch:
            return []
        skipped = [known is not None and r.fingerprint in known for r in batch]
        sent = [release for release, skip in zip(batch, skipped, strict=True) if not skip]
        outcomes: list[Outcome] = ["known"] * len(batch)
        freed: set[str] = set()
        written: list[Release] = []
        if sent:
            with self._errors(), self._conn.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
                # The GIN indexes (fastupdate) gather new entries in a pending list and
                # merge it into their trees when it passes this size: merged a quarter as
                # often as with the default 4 MB, in bigger, cheaper runs (settle() merges
                # what is left when the import ends).
                self._conn.execute(_PENDING_LIST)
                decided, pending, stored = self._decide(sent)
                freed = {stored[i][0] for i in pending if i in stored}
                if known is not None and freed & {r.fingerprint for r in batch}:
                    # A skipped release's content was freed by an update in this very batch
                    # (a file's new version beside a copy of its old one): the whole batch
                    # is decided as add_batch would, nothing skipped.
                    sent, skipped = batch, [False] * len(batch)
                    decided, pending, stored = self._decide(sent)
                    freed = {stored[i][0] for i in pending if i in stored}
                if pending:
                    self._wrote = True
                    written = _written(batch, pending)
                    self._write(
                        [row_of(release) for release in written],
                        [i for i in pending if i in stored],
                    )
                    self._conn.execute("SELECT pg_notify(%s, 'releases')", [CHANGES_CHANNEL])
            verdicts = iter(decided)
            outcomes = ["known" if skip else next(verdicts) for skip in skipped]
        if known is not None:  # committed: the set follows the table
            known.difference_update(freed)
            known.update(release.fingerprint for release in written)
        return outcomes

    def begin_import(self, waiting: Callable[[], None] | None = None) -> None:
        """Before an import's first batch: into an empty archive, a bulk load (its GIN
        indexes built once at its end, other importers waiting: store.pg.bulk).
        *waiting*: called when this import is about to wait for another's bulk load."""
        with self._errors():
            self._bulk = bulk.begin(self._conn, waiting)

    def settle(self) -> None:
        """Once an import is done, or has failed: the GIN indexes of a bulk load built;
        after any other import that wrote, their pending lists merged into their trees,
        so that the searches after it do not read through megabytes of pending entries.

        Only the indexes' owner may merge them (as for VACUUM); anyone else leaves it to
        autovacuum.
        """
        if self._bulk:
            self._bulk = self._wrote = False
            with self._errors():
                bulk.end(self._conn, self._conninfo)
            return
        if not self._wrote:
            return
        self._wrote = False
        with self._errors(), suppress(psycopg.errors.InsufficientPrivilege):
            self._conn.execute(
                "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_catalog.pg_index i"
                " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
                " JOIN pg_catalog.pg_am a ON a.oid = c.relam"
                " WHERE i.indrelid = 'pressroom.releases'::regclass AND a.amname = 'gin'"
            )

    def _decide(
        self, batch: list[Release]
    ) -> tuple[list[Outcome], dict[str, Release], dict[str, tuple[str, str]]]:
        """*batch*'s outcomes, the releases to write by id, and the stored (fingerprint,
        source path) of the batch's stored ids, read under the import lock."""
        stored = {
            row[0]: (row[1], row[2])
            for row in self._conn.execute(
                "SELECT id, fingerprint, source_path FROM pressroom.releases"
                " WHERE id = ANY(string_to_array(%s, ','))",
                [_listed({r.id for r in batch})],
            )
        }
        # The store's fingerprint index, as far as this batch can ask it.
        fingerprints: dict[str, str] = {
            row[0]: row[1]
            for row in self._conn.execute(
                "SELECT fingerprint, id FROM pressroom.releases WHERE fingerprint = ANY(%s)",
                [list({r.fingerprint for r in batch})],
            )
        }
        for release_id, (fingerprint, _path) in stored.items():
            fingerprints.setdefault(fingerprint, release_id)
        outcomes, pending = _decide(batch, stored, fingerprints)
        return outcomes, pending, stored

    def _write(self, rows: list[bytes], replaced: list[str]) -> None:
        """Store *rows* (binary COPY tuples, ``copy_rows``), the *replaced* ids among them
        stored already: those rows are deleted, then every row is loaded with one ``COPY``
        straight into the table.

        Not a temporary table and ``INSERT ... ON CONFLICT``: that writes each row twice
        and halved the rate (960 against 1,850 releases/s, 2,000-release batches). The
        outcomes were decided under the import lock, so no other importer can store
        these ids in between; if a writer that bypasses the lock did, the primary key
        refuses the COPY and the whole batch rolls back.
        """
        if replaced:
            self._conn.execute("DELETE FROM pressroom.releases WHERE id = ANY(%s)", [replaced])
        with self._conn.cursor() as cursor, cursor.copy(_COPY_ROWS) as copy:
            # The tuples are ready: sent in pieces of about a megabyte, not one row a call.
            piece: list[bytes] = [COPY_HEADER]
            size = 0
            for row in rows:
                piece.append(row)
                size += len(row)
                if size >= _COPY_PIECE:
                    copy.write(b"".join(piece))
                    piece, size = [], 0
            piece.append(COPY_TRAILER)
            copy.write(b"".join(piece))

    # -- each user's marks ---------------------------------------------------------

    def state(self, release_id: str, *, user: str | None = None) -> ReleaseState:
        return self.states(user=user).get(release_id, _UNTOUCHED)

    def states(self, *, user: str | None = None) -> Mapping[str, ReleaseState]:
        """The marks of *user* (default: the store's user) on every release they touched."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT release_id, read, starred, tags FROM pressroom.marks WHERE user_name = %s",
                [self._user(user)],
            ).fetchall()
        return MappingProxyType(
            {row[0]: ReleaseState(row[1], row[2], clean_tags(row[3])) for row in rows}
        )

    def set_read(
        self, release_ids: Iterable[str], read: bool = True, *, user: str | None = None
    ) -> None:
        self._set_mark("read", release_ids, read, user)

    def set_starred(
        self, release_ids: Iterable[str], starred: bool = True, *, user: str | None = None
    ) -> None:
        self._set_mark("starred", release_ids, starred, user)

    def change_tags(
        self, changes: Mapping[str, Mapping[str, str | None]], *, user: str | None = None
    ) -> None:
        """Add and remove *user*'s tags: release id -> {tag key: name to add, or None to remove}."""
        self._merge(
            {
                release_id: (False, False, partial(changed_tags, changes=wanted))
                for release_id, wanted in changes.items()
                if wanted
            },
            user,
        )

    def merge_states(self, claims: Mapping[str, ReleaseState], *, user: str | None = None) -> None:
        """Lay marks from elsewhere over *user*'s: nothing set is undone, tags are united."""
        self._merge(
            {
                release_id: (claim.read, claim.starred, partial(merged_tags, theirs=claim.tags))
                for release_id, claim in claims.items()
            },
            user,
        )

    def _set_mark(
        self, field: str, release_ids: Iterable[str], value: bool, user: str | None
    ) -> None:
        # Any well-formed id is marked, as in ReleaseStore: a mark nobody shows is harmless.
        ids = sorted({i for i in release_ids if is_release_id(i)})
        if not ids:
            return
        column = sql.Identifier(field)
        with self._errors(), self._conn.transaction():
            if value:
                self._conn.execute(
                    sql.SQL(
                        "INSERT INTO pressroom.marks (user_name, release_id, {0})"
                        " SELECT %s, unnest(%s::text[]), true"
                        " ON CONFLICT (user_name, release_id) DO UPDATE SET {0} = true"
                    ).format(column),
                    [self._user(user), ids],
                )
            else:
                self._conn.execute(
                    sql.SQL(
                        "UPDATE pressroom.marks SET {0} = false"
                        " WHERE user_name = %s AND release_id = ANY(%s)"
                    ).format(column),
                    [self._user(user), ids],
                )
            self._notify("marks", user)

    def _merge(
        self,
        wanted: Mapping[str, tuple[bool, bool, Callable[[tuple[str, ...]], tuple[str, ...]]]],
        user: str | None,
    ) -> None:
        """For each release id: set read and starred when True, and change its tags."""
        keyed = {i: change for i, change in wanted.items() if is_release_id(i)}
        if not keyed:
            return
        name = self._user(user)
        with self._errors(), self._conn.transaction():
            # Read-change-write of one user's rows: one such change at a time per user.
            self._conn.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended('pressroom.marks:' || %s, 0))",
                [name],
            )
            current = {
                row[0]: ReleaseState(row[1], row[2], clean_tags(row[3]))
                for row in self._conn.execute(
                    "SELECT release_id, read, starred, tags FROM pressroom.marks"
                    " WHERE user_name = %s AND release_id = ANY(%s)",
                    [name, sorted(keyed)],
                )
            }
            rows = []
            for release_id, (read, starred, change) in sorted(keyed.items()):
                old = current.get(release_id, _UNTOUCHED)
                new = ReleaseState(old.read or read, old.starred or starred, change(old.tags))
                if new != old:
                    folds = [field_key(tag) for tag in new.tags]
                    rows.append(
                        (
                            name,
                            release_id,
                            new.read,
                            new.starred,
                            list(new.tags),
                            "\n".join(folds),
                            folds,
                        )
                    )
            if rows:
                with self._conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO pressroom.marks"
                        " (user_name, release_id, read, starred, tags, tag_keys, tag_folds)"
                        " VALUES (%s, %s, %s, %s, %s, %s, %s)"
                        " ON CONFLICT (user_name, release_id) DO UPDATE SET read = EXCLUDED.read,"
                        " starred = EXCLUDED.starred, tags = EXCLUDED.tags,"
                        " tag_keys = EXCLUDED.tag_keys, tag_folds = EXCLUDED.tag_folds",
                        rows,
                    )
                self._notify("marks", user)

    # -- saved searches and change notices ---------------------------------------

    def load_saved(self, *, user: str | None = None) -> SavedSearches:
        """*user*'s saved searches (none yet, or a payload not understood: none)."""
        with self._errors():
            row = self._conn.execute(
                "SELECT payload FROM pressroom.saved_searches WHERE user_name = %s",
                [self._user(user)],
            ).fetchone()
        return saved_searches_of(row[0] if row else None)

    def write_saved(self, searches: SavedSearches, *, user: str | None = None) -> None:
        """Replace *user*'s saved searches by *searches* (announced as ``saved:<user>``)."""
        payload = orjson.dumps(searches.to_json()).decode()
        with self._errors(), self._conn.transaction():
            self._conn.execute(
                "INSERT INTO pressroom.saved_searches (user_name, payload) VALUES (%s, %s::jsonb)"
                " ON CONFLICT (user_name) DO UPDATE SET payload = EXCLUDED.payload",
                [self._user(user), payload],
            )
            self._notify("saved", user)

    def listen(self, *, user: str | None = None) -> ChangeListener:
        """A listener for this archive's change notices, on a connection of its own; the
        marks and saved searches of users other than *user* (the store's) are left out."""
        return ChangeListener(self._conninfo, self.where, self._user(user))

    # -- searching -----------------------------------------------------------------

    def page(
        self,
        query: Query,
        order: SortOrder = ARCHIVE_ORDER,
        *,
        user: str | None = None,
        limit: int,
        offset: int = 0,
    ) -> list[str]:
        """The ids of one page of the result of *query* for *user*: *limit* releases from
        *offset* on, in *order* (archive order: newest first, undated last, ties by title,
        then by id). In archive order the list's own index is read in order and the scan
        stops at the page's end, unless the planner finds the matches few enough to sort."""
        return self.search(query, order, user=user, limit=limit, offset=offset)

    def search(
        self,
        query: Query,
        order: SortOrder = ARCHIVE_ORDER,
        *,
        user: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        expected: float | None = None,
    ) -> list[str]:
        """The ids of the releases *query* matches for *user*, in *order*; a page with
        *limit* (:meth:`page`). *expected*: how many releases the result holds, when the
        caller knows it (a count, or the sample's estimate), for choosing how the page
        is taken; else the planner's estimate is used, which cannot see words that go
        together ("chief" and "executive": 27,000 expected, 63,540 found, at 1M)."""
        ids, _counted = self.search_counted(
            query, order, user=user, limit=limit, offset=offset, expected=expected
        )
        return ids

    def search_counted(
        self,
        query: Query,
        order: SortOrder = ARCHIVE_ORDER,
        *,
        user: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        expected: float | None = None,
    ) -> tuple[list[str], int | None]:
        """:meth:`search`, and how many releases *query* matches when finding the page
        counted them on the way (every match taken from the bitmaps and sorted, or fewer
        rows than *limit* from the start); None when it did not (the page walked in
        order, and more rows behind it). A broad word's listed rows ("climate", in half of
        a million releases) are sorted from every match: their count comes free, where a
        ``count(*)`` of its own cost the server as much again."""
        condition = compile_query(query, self._user(user))
        if limit is not None and order.key == "date":
            if expected is None:
                expected = self._expected(query, user)
            return self._page(condition, order, limit, offset, expected, _has_phrase(query))
        statement = sql.SQL("SELECT r.id FROM pressroom.releases r WHERE {} ORDER BY {}").format(
            condition.sql, _order_by(order)
        )
        params: list[object] = [*condition.params]
        if limit is not None:
            statement = sql.SQL("{} LIMIT %s OFFSET %s").format(statement)
            params += [limit, offset]
        ids = [row[0] for row in self._rows(statement, params)]
        return ids, _whole(ids, limit, offset)

    def _page(
        self,
        condition: Condition,
        order: SortOrder,
        limit: int,
        offset: int,
        expected: float,
        phrase: bool = False,
    ) -> tuple[list[str], int | None]:
        """A page in archive order (or its reverse), the cheaper of two ways, chosen here
        rather than by the planner, whose cost model does not see that testing a row's
        lexemes detoasts them (~14 us a row at 1M): it walked 170,000 rows of the list's
        index for a word in 1,258 releases (1.7 s).

        * many matches (*expected*, at least WALK_FROM, for a page of up to WALK_WANTED
          rows; else by what each way costs): the list's index walked in order, each
          row tested, to the page's end; given WALK_TIMEOUT, after which the estimate
          was wrong (a word and a negation that never meet: 0 of an estimated 85,000,
          the whole index walked in 11 s) and the other way is taken;
        * few: every match from the indexes' bitmaps (~1 us each), sorted; when there
          turn out to be more than SORT_UP_TO (or twice *expected*), the walk without
          a time limit.

        With the ids, the size of the result when taking them counted it (the matches
        taken from the bitmaps, or a page that holds the rest of the result), else None.
        """
        params: list[object] = [*condition.params, limit, offset]
        walk = sql.SQL(
            "SELECT r.id FROM pressroom.releases r WHERE {} ORDER BY {} LIMIT %s OFFSET %s"
        ).format(condition.sql, _order_by(order))
        if condition.params and self._walks_first(expected, limit + offset, phrase):
            walked = self._rows(walk, params, _WALK_A_WHILE, may_cancel=True)
            if walked is not None:
                ids = [row[0] for row in walked]
                return ids, _whole(ids, limit, offset)
        elif not condition.params:  # everything: the list's index alone
            ids = [row[0] for row in self._rows(walk, params, _WALK)]
            return ids, _whole(ids, limit, offset)
        few = sql.SQL(
            "WITH hit AS MATERIALIZED (SELECT r.id, r.undated, r.date_key, r.title_key"
            " FROM pressroom.releases r WHERE {} LIMIT %s)"
            " SELECT (SELECT count(*) FROM hit),"
            " ARRAY(SELECT r.id FROM hit r ORDER BY {} LIMIT %s OFFSET %s)"
        ).format(condition.sql, _order_by(order))
        # Up to twice what is expected: a long page (the 20,000 rows a big result lists)
        # of a result of 63,540 is sorted in 0.3 s, where walking to its end took 9 s.
        most = max(SORT_UP_TO, math.ceil(2 * expected))
        (found, ids), *_ = self._rows(few, [*condition.params, most + 1, limit, offset], _BITMAPS)
        if found <= most:
            return list(ids), int(found)
        ids = [row[0] for row in self._rows(walk, params, _WALK)]
        return ids, _whole(ids, limit, offset)

    def _walks_first(self, expected: float, wanted: int, phrase: bool) -> bool:
        """Whether a page of *wanted* rows of a result the planner expects to hold *expected*
        releases is cheaper walked than taken from the bitmaps: always from WALK_FROM on;
        below, by what each costs. The walk reads about ``wanted * rows / expected`` rows
        to fill the page; the bitmaps take every match, and a phrase (whose estimate is
        its words') checks each one's text. "of the" at 100,000 releases, expected 23,000
        and in 79,000: 800 ms from the bitmaps (60,000 needles before giving up), a few
        milliseconds walked."""
        if expected >= WALK_FROM and wanted <= WALK_WANTED:
            return True  # no need to ask for the archive's size
        return walk_is_cheaper(expected, self._table_rows(), wanted, phrase)

    def _expected(self, query: Query, user: str | None) -> float:
        """How many releases the planner expects *query* to match: of its part it can
        estimate (:func:`planned_part`), the whole archive when that part is empty."""
        planned = compile_query(planned_part(query), self._user(user))
        if not planned.params:
            return self._table_rows()
        return self._planner_rows(planned)

    def _planner_rows(self, condition: Condition) -> float:
        """How many releases the planner expects *condition* to hold for (its statistics:
        most common lexemes, histograms; no row is read)."""
        statement = sql.SQL(
            "EXPLAIN (FORMAT JSON) SELECT FROM pressroom.releases r WHERE {}"
        ).format(condition.sql)
        plan = self._rows(statement, condition.params)[0][0]
        if isinstance(plan, str):
            plan = orjson.loads(plan)
        return float(plan[0]["Plan"]["Plan Rows"])

    def count(self, query: Query, *, user: str | None = None) -> int:
        """How many releases *query* matches for *user* (every one counted; the estimate of
        :meth:`count_estimate` reads a sample). From the words index's bitmap where the
        query names words: the planner would scan every row in parallel and test its
        lexemes ("climate" at a million: a sequential scan of 1,000,000 rows, each
        ``tsvector`` detoasted, on three processes, 14-16 s; its bitmap 0.8 s). Without
        words ("c" reads a bit of each row) the planner's scan is the way."""
        condition = compile_query(query, self._user(user))
        if condition.words:
            return self._bounded_count(condition, None)
        statement = sql.SQL("SELECT count(*) FROM pressroom.releases r WHERE {}").format(
            condition.sql
        )
        rows = self._rows(statement, condition.params)
        return int(rows[0][0]) if rows else 0

    def count_estimate(
        self, query: Query, *, user: str | None = None, exact_up_to: int = EXACT_COUNT
    ) -> tuple[int, bool]:
        """How many releases *query* matches for *user*, and whether that is exact.

        A result of at most *exact_up_to* releases is counted exactly (True); a bigger
        one is estimated from the archive's fixed random sample (``columns.SAMPLE_SPAN``),
        and the estimate is never below *exact_up_to* + 1 (False: "about 240,000").
        """
        count, exact, _sampled = self.count_sampled(query, user=user, exact_up_to=exact_up_to)
        return count, exact

    def count_sampled(
        self,
        query: Query,
        *,
        user: str | None = None,
        exact_up_to: int = EXACT_COUNT,
        within: Sampled | None = None,
    ) -> tuple[int, bool, Sampled | None]:
        """:meth:`count_estimate`, and the sample's matches when the count was estimated on
        the sample (None otherwise). *within*: the sample's matches of a query whose
        result holds this one's (``narrowing.narrows``): only they are tested again, and
        the sample is asked first whatever the planner expects (it cannot see that "chief"
        and "executive" go together: 27,000 expected, 63,540 found, at a million)."""
        condition = compile_query(query, self._user(user))
        sampled: Sampled | None = None
        # The sample is asked first as soon as the planner expects more than the bound: a
        # phrase's estimate is its words' (counting it to the bound reads the text of each
        # match: "of the" at 100,000, 10,000 needles, 100 ms), and words that go together
        # are expected in fewer releases than hold them ("chief executive" at 1M: 27,000
        # expected, 63,540 found; the bitmap of "chief" and "executive" alone 0.1 s).
        if within is not None or self._expected(query, user) > exact_up_to:
            # Counting to the bound first builds the bitmap of every match (a word in
            # half of a million releases: 280 ms): the sample alone, when it agrees.
            sampled = self._sample_matches(condition, within)
            if sampled is None:  # the archive is its sample: counted whole
                counted = self._bounded_count(condition, None)
                return counted, counted <= exact_up_to, None
            if sampled.estimate > SURELY_MORE * exact_up_to:
                return sampled.estimate, False, sampled
        counted = self._bounded_count(condition, exact_up_to)
        if counted <= exact_up_to:
            return counted, True, None
        if sampled is None:
            sampled = self._sample_matches(condition, within)
            if sampled is None:
                counted = self._bounded_count(condition, None)
                return counted, counted <= exact_up_to, None
        return max(exact_up_to + 1, sampled.estimate), False, sampled

    def _sample_matches(self, condition: Condition, within: Sampled | None) -> Sampled | None:
        """The releases of the fixed sample (about COUNT_SAMPLE_ROWS) that *condition* holds
        for: from the sample's words index when it has words to look up there and the sample
        is among the indexed buckets; else each tested in turn, of *within*'s only when it is
        of the same sample and excludes a good part of it. None when the archive is its own
        sample (a small archive: counted whole instead)."""
        share = self._sample_share(COUNT_SAMPLE_ROWS)
        if share >= SAMPLE_SPAN:
            return None
        if condition.words and share <= SAMPLE_INDEXED and self._sample_indexed():
            # The sample's own words index: a word's matches in the sample from its posting
            # lists, no row's lexemes read ("climate", 1,466 of 3,000 at a million: 35-60 ms
            # tested row by row, even from the last key's matches). The share as a sum,
            # which the btree on ``sample`` cannot answer: else the planner takes the
            # sample's rows from it and tests each (it does not see what a test costs).
            statement = sql.SQL(
                "SELECT r.id FROM pressroom.releases r WHERE {} AND r.sample + 0 < %s AND ({})"
            ).format(sql.SQL(SAMPLE_WORDS_ROWS.replace("sample", "r.sample")), condition.sql)
            rows = self._rows(statement, [share, *condition.params], _BITMAPS)
        elif (
            within is not None
            and within.share == share
            and within.estimate <= NARROW_SAMPLE_UP_TO * self._table_rows()
        ):
            statement = sql.SQL(
                "SELECT r.id FROM pressroom.releases r WHERE r.id = ANY(%s) AND ({})"
            ).format(condition.sql)
            params: list[object] = [list(within.ids), *condition.params]
            rows = self._rows(statement, params, _SAMPLE_ROWS)
        else:
            statement = sql.SQL("SELECT r.id FROM pressroom.releases r WHERE {}").format(
                _in_sample(condition, share).sql
            )
            rows = self._rows(statement, [share, *condition.params], _SAMPLE_ROWS)
        ids = tuple(row[0] for row in rows)
        return Sampled(share, ids, round(len(ids) * SAMPLE_SPAN / share))

    def _sample_indexed(self) -> bool:
        """Whether the archive has the sample's words index (``schema``): an archive made
        before it, opened only by users who may not build it, has not; without it the
        words' GIN lookup would be the whole archive's (a word in half of a million:
        a bitmap of 490,000), and the sample's rows are tested one by one instead."""
        if self._has_sample_index is None:
            with self._errors():
                row = self._conn.execute(
                    "SELECT to_regclass('pressroom.releases_sample_words') IS NOT NULL"
                ).fetchone()
            self._has_sample_index = bool(row and row[0])
        return self._has_sample_index

    def page_within(
        self,
        query: Query,
        limit: int,
        first: Sequence[str],
        *,
        user: str | None = None,
        expected: float,
    ) -> list[str] | None:
        """The first *limit* ids of *query* in archive order, from *first*: the first ids
        in archive order of a query whose result holds this one's (``narrowing.narrows``),
        as many as *limit* or all of that result. Those of them that still match come
        first; after the last of them, the list's index is walked on for the rest. None
        when that walk would read far for the *expected* size of the result (a word in no
        release, typed on from a word in most: the whole index walked to its time limit,
        again at every key), when it ran out of time, or when the last of *first* is gone:
        the usual way then."""
        if len(first) >= limit and not self._walks_first(expected, limit, _has_phrase(query)):
            return None
        condition = compile_query(query, self._user(user))
        kept = sql.SQL(
            "SELECT r.id FROM pressroom.releases r WHERE r.id = ANY(%s) AND ({}) ORDER BY {}"
        ).format(condition.sql, _ARCHIVE_ORDER)
        # Each of them tested by its row (no GIN bitmap: a common word's costs 0.1 s).
        rows = self._rows(kept, [list(first), *condition.params], _SAMPLE_ROWS)
        ids = [row[0] for row in rows]
        if len(first) < limit or len(ids) >= limit:
            return ids[:limit]
        after = self._rows(
            sql.SQL(
                "SELECT r.undated, r.date_key, r.title_key, r.id FROM pressroom.releases r"
                " WHERE r.id = %s"
            ).format(),
            [first[-1]],
        )
        if not after:
            return None
        walk = sql.SQL(
            "SELECT r.id FROM pressroom.releases r"
            " WHERE (r.undated, r.date_key, r.title_key, r.id) > (%s, %s, %s, %s) AND ({})"
            " ORDER BY {} LIMIT %s"
        ).format(condition.sql, _ARCHIVE_ORDER)
        more = self._rows(
            walk,
            [*after[0], *condition.params, limit - len(ids)],
            _WALK_A_WHILE,
            may_cancel=True,
        )
        if more is None:
            return None
        return ids + [row[0] for row in more]

    def months(self, query: Query, *, user: str | None = None) -> list[tuple[str, int]]:
        """Releases per month (YYYY-MM) of the result, every month of its span, oldest first
        (``ResultView.months``)."""
        return _month_series(self._month_counts(compile_query(query, self._user(user))), 1.0)

    def months_estimate(
        self, query: Query, *, user: str | None = None, exact_up_to: int = EXACT_FACETS
    ) -> tuple[list[tuple[str, int]], bool]:
        """:meth:`months`, and True; or, for a result of more than *exact_up_to* releases,
        the months of its share in the sample scaled up, and False (approximate)."""
        condition = compile_query(query, self._user(user))
        if self._bounded_count(condition, exact_up_to) <= exact_up_to:
            return _month_series(self._month_counts(condition), 1.0), True
        share = self._sample_share()
        counts = self._month_counts(_in_sample(condition, share))
        return _month_series(counts, SAMPLE_SPAN / share), False

    def facets(self, query: Query, limit: int = 30, *, user: str | None = None) -> Facets:
        """Organisations, issuers, places, years and tags of the result, biggest first
        (``Archive.facets``; ties by name). Tags count the release's own and *user*'s, a
        release once per tag, compared folded; a tag is named as the user spelled it."""
        name = self._user(user)
        return _facets_of(self._facet_rows(compile_query(query, name), name), limit, 1.0)

    def facets_estimate(
        self,
        query: Query,
        limit: int = 30,
        *,
        user: str | None = None,
        exact_up_to: int = EXACT_FACETS,
    ) -> tuple[Facets, bool]:
        """:meth:`facets`, and True; or, for a result of more than *exact_up_to* releases,
        the facets of its share in the sample with the counts scaled up, and False."""
        name = self._user(user)
        condition = compile_query(query, name)
        if self._bounded_count(condition, exact_up_to) <= exact_up_to:
            return _facets_of(self._facet_rows(condition, name), limit, 1.0), True
        share = self._sample_share()
        rows = self._facet_rows(_in_sample(condition, share), name)
        return _facets_of(rows, limit, SAMPLE_SPAN / share), False

    def _bounded_count(self, condition: Condition, bound: int | None) -> int:
        """How many releases *condition* holds for, counting no further than *bound* + 1,
        from the indexes' bitmaps where it has an indexed part: the planner would rather
        test rows one by one (a sequential scan to the 10,001st match of a common word:
        0.5 s at 1M), each test detoasting the row's lexemes."""
        if bound is None:
            statement = sql.SQL("SELECT count(*) FROM pressroom.releases r WHERE {}").format(
                condition.sql
            )
            params: list[object] = [*condition.params]
        else:
            statement = sql.SQL(
                "SELECT count(*) FROM (SELECT FROM pressroom.releases r WHERE {} LIMIT %s) hit"
            ).format(condition.sql)
            params = [*condition.params, bound + 1]
        rows = self._rows(statement, params, _BITMAPS)
        return int(rows[0][0]) if rows else 0

    @overload
    def _rows(
        self, statement: sql.Composed, params: Sequence[object], plan: LiteralString = ""
    ) -> list[tuple[Any, ...]]: ...

    @overload
    def _rows(
        self,
        statement: sql.Composed,
        params: Sequence[object],
        plan: LiteralString,
        *,
        may_cancel: bool,
    ) -> list[tuple[Any, ...]] | None: ...

    def _rows(
        self,
        statement: sql.Composed,
        params: Sequence[object],
        plan: LiteralString = "",
        *,
        may_cancel: bool = False,
    ) -> list[tuple[Any, ...]] | None:
        """The rows of *statement*; with *plan* (``SET LOCAL`` planner settings) in a
        transaction of its own, so that the settings end with it. None when *may_cancel*
        and the plan's statement_timeout ended it."""
        with self._errors():
            if not plan:
                return self._conn.execute(statement, params).fetchall()
            try:
                with self._conn.transaction():
                    self._conn.execute(plan)
                    return self._conn.execute(statement, params).fetchall()
            except psycopg.errors.QueryCanceled:
                if may_cancel:
                    return None
                raise

    def _sample_share(self, wanted: int | None = None) -> int:
        """How many of the SAMPLE_SPAN sample buckets make about *wanted* releases (default
        SAMPLE_ROWS; all of them in a small archive), from the planner's row count."""
        wanted = SAMPLE_ROWS if wanted is None else wanted
        rows = self._table_rows()
        if rows <= wanted:
            return SAMPLE_SPAN
        return max(1, math.ceil(SAMPLE_SPAN * wanted / rows))

    def _table_rows(self) -> float:
        """The planner's count of the releases (kept by ANALYZE and VACUUM: no row read)."""
        with self._errors():
            row = self._conn.execute(
                "SELECT reltuples FROM pg_catalog.pg_class"
                " WHERE oid = 'pressroom.releases'::regclass"
            ).fetchone()
        return float(row[0]) if row and row[0] and row[0] > 0 else 0.0

    def _month_counts(self, condition: Condition) -> dict[str, int]:
        statement = sql.SQL(
            "SELECT left(r.date, 7), count(*) FROM pressroom.releases r"
            " WHERE r.date IS NOT NULL AND ({}) GROUP BY 1"
        ).format(condition.sql)
        with self._errors():
            counts: dict[str, int] = dict(
                self._conn.execute(statement, condition.params).fetchall()
            )
        counts.pop("", None)
        return counts

    def _facet_rows(self, condition: Condition, user: str) -> list[tuple[Any, ...]]:
        """(kind, value, count, the user's spelling) of every facet value of the result."""
        statement = sql.SQL(
            "WITH hit AS MATERIALIZED (SELECT r.id, r.organisations, r.issuer, r.location,"
            " r.date, r.tag_folds, m.tags AS user_tags, m.tag_folds AS user_folds"
            " FROM pressroom.releases r LEFT JOIN pressroom.marks m"
            " ON m.user_name = %s AND m.release_id = r.id WHERE {})"
            " SELECT 'org', o, count(*), NULL FROM hit, unnest(hit.organisations) o GROUP BY o"
            " UNION ALL SELECT 'issuer', issuer, count(*), NULL FROM hit"
            "  WHERE issuer IS NOT NULL AND issuer <> '' GROUP BY issuer"
            " UNION ALL SELECT 'place', location, count(*), NULL FROM hit"
            "  WHERE location IS NOT NULL AND location <> '' GROUP BY location"
            " UNION ALL SELECT 'year', left(date, 4), count(*), NULL FROM hit"
            "  WHERE date IS NOT NULL AND date <> '' GROUP BY 2"
            " UNION ALL SELECT 'tag', k, count(DISTINCT id), NULL FROM ("
            "  SELECT id, unnest(tag_folds) AS k FROM hit"
            "  UNION ALL SELECT id, unnest(user_folds) FROM hit WHERE user_folds IS NOT NULL"
            " ) keys WHERE k <> '' GROUP BY k"
            # The user's spelling of each of their tags names the tag's row.
            " UNION ALL SELECT 'name', f, 0, min(t) FROM hit,"
            "  unnest(hit.user_folds, hit.user_tags) AS u(f, t)"
            "  WHERE hit.user_folds IS NOT NULL GROUP BY f"
        ).format(condition.sql)
        with self._errors():
            return self._conn.execute(statement, [user, *condition.params]).fetchall()

    # -- the connection ------------------------------------------------------------

    def cancel(self) -> None:
        """Cancel the statement running on this store's connection, from another thread
        (nothing happens when none runs); the statement raises QueryCanceled."""
        with suppress(psycopg.Error):
            self._conn.cancel_safe(timeout=1.0)

    def ready(self) -> bool:
        """Whether the connection can take the next statement, rolling back a transaction
        left failed or open (a cancel meant for a statement already done, arriving at
        the server during the next one's transaction, left it failed: every statement
        that followed on the connection was refused, InFailedSqlTransaction, and the
        search that had it was lost). False for a connection that is lost."""
        status = self._conn.info.transaction_status
        if status == TransactionStatus.IDLE:
            return True
        if status in (TransactionStatus.INERROR, TransactionStatus.INTRANS):
            try:
                self._conn.rollback()
            except psycopg.Error:
                return False
            return self._conn.info.transaction_status == TransactionStatus.IDLE
        return False

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _user(self, user: str | None) -> str:
        return self.user if user is None else user

    def _notify(self, kind: str, user: str | None) -> None:
        """Announce a change of *user*'s own things (marks, saved searches) at commit:
        the payload names them (``marks:alice``), so others' listeners can ignore it."""
        self._conn.execute(
            "SELECT pg_notify(%s, %s)", [CHANGES_CHANNEL, f"{kind}:{self._user(user)}"]
        )

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The database's failures as one line for the user (a lost server, a full disk);
        mistakes in Pressroom's own SQL still raise as they are."""
        if self._conn.closed:
            raise StoreError("the release store is closed")
        try:
            yield
        except (psycopg.OperationalError, psycopg.errors.InsufficientPrivilege) as exc:
            raise StoreError(f"{self.where}: {_first_line(exc)}") from None


def _decide(
    batch: list[Release],
    stored: Mapping[str, tuple[str, str]],
    fingerprints: dict[str, str],
) -> tuple[list[Outcome], dict[str, Release]]:
    """Each release's outcome and the releases to write, by id, in the batch's order.

    Line for line the rules of ``ReleaseStore.add_batch``: *stored* maps the
    batch's stored ids to (fingerprint, source path), *fingerprints* the
    stored fingerprints the batch may meet to their ids (changed here as the
    batch goes, as the TinyDB store's index is).
    """
    outcomes: list[Outcome] = []
    pending: dict[str, Release] = {}
    for release in batch:
        if release.fingerprint in fingerprints:
            outcomes.append("known")
            continue
        earlier = pending.get(release.id)
        on_disk = stored.get(release.id)
        old_fingerprint = (
            earlier.fingerprint
            if earlier is not None
            else (on_disk[0] if on_disk is not None else None)
        )
        if earlier is None and on_disk is not None and on_disk[1] != release.source.path:
            outcomes.append("conflict")
            continue
        if earlier is None and on_disk is None:
            outcomes.append("imported")
        else:
            outcomes.append("updated")
            if old_fingerprint is not None and fingerprints.get(old_fingerprint) == release.id:
                del fingerprints[old_fingerprint]
        pending[release.id] = release
        fingerprints[release.fingerprint] = release.id
    return outcomes, pending


def _written(batch: list[Release], pending: Mapping[str, Release]) -> list[Release]:
    """The releases *pending* holds (what the batch writes), each once, in the batch's order."""
    written: dict[str, Release] = {}
    for release in batch:
        if pending.get(release.id) is release:
            written.setdefault(release.id, release)
    return list(written.values())


def _listed(ids: set[str]) -> str:
    """Release ids (checked: hex digits, never a comma) as one comma-separated string, for
    ``string_to_array``: a batch's 2,000 sent as one text, not as an array of 2,000 texts
    through psycopg's list dumper (8 ms a batch). Not fingerprints: an export's may hold
    any character."""
    return ",".join(ids)


def _in_sample(condition: Condition, share: int) -> Condition:
    """*condition* on the releases of the first *share* sample buckets only."""
    return Condition(
        sql.SQL("r.sample < %s AND ({})").format(condition.sql),
        (share, *condition.params),
        condition.uses_marks,
        condition.words,
    )


def _month_series(counts: Mapping[str, int], scale: float) -> list[tuple[str, int]]:
    """Every month from the first to the last of *counts*, each count times *scale*."""
    if not counts:
        return []
    return [
        (month, round(counts.get(month, 0) * scale))
        for month in month_range(min(counts), max(counts))
    ]


def _facets_of(rows: list[tuple[Any, ...]], limit: int, scale: float) -> Facets:
    """The facets of :meth:`PostgresStore._facet_rows`, each count times *scale*."""
    groups: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for kind, value, amount, spelling in rows:
        if kind == "name":
            names[value] = spelling
        else:
            groups.setdefault(kind, {})[value] = round(int(amount) * scale)

    def biggest(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit])

    tags = Counter({names.get(key, key): amount for key, amount in groups.get("tag", {}).items()})
    return Facets(
        organisations=facet_entries(sorted(groups.get("org", {}).items()), limit),
        places=facet_entries(sorted(groups.get("place", {}).items()), limit, places=True),
        years=tuple(sorted(groups.get("year", {}).items(), reverse=True)),
        issuers=facet_entries(sorted(groups.get("issuer", {}).items()), limit),
        tags=biggest(tags),
    )


def _order_by(order: SortOrder) -> sql.Composable:
    if order.key == "date":
        if order.descending:
            return _ARCHIVE_ORDER
        return sql.SQL("r.undated DESC, r.date_key DESC, r.title_key DESC, r.id DESC")
    direction = " DESC" if order.descending else ""
    keys = [sql.SQL(key + direction) for key in _SORT_KEYS[order.key]]
    return sql.SQL(", ").join([*keys, _ARCHIVE_ORDER])


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return clean_line(lines[0]) if lines else type(exc).__name__


class ChangeListener:
    """The change notices of one archive (``LISTEN pressroom_changes``), on its own connection.

    Kinds: ``releases`` (an import committed, by anyone), ``marks`` and ``saved``
    (the listener's user changed marks or saved searches, from any desk). One
    thread at a time: ``wait`` and ``close`` from the thread that waits.
    """

    def __init__(self, conninfo: str, where: str, user: str) -> None:
        self.where = where
        self.user = user
        try:
            self._conn: Connection = psycopg.connect(conninfo, autocommit=True)
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANGES_CHANNEL)))
        except psycopg.Error as exc:
            raise StoreError(f"cannot listen to {where}: {_first_line(exc)}") from None

    def wait(self, timeout: float) -> set[str]:
        """The kinds of change announced since the last call, waiting up to *timeout*
        seconds for the first one; an empty set when none came."""
        deadline = time.monotonic() + max(0.0, timeout)
        kinds: set[str] = set()
        try:
            while not kinds:
                remaining = deadline - time.monotonic()
                notices = list(self._conn.notifies(timeout=max(0.0, remaining), stop_after=1))
                if not notices:
                    return kinds
                # Whatever else is already here comes in the same answer.
                notices += self._conn.notifies(timeout=0)
                kinds.update(kind for n in notices if (kind := self._kind(n.payload)))
        except psycopg.Error as exc:
            raise StoreError(f"{self.where}: {_first_line(exc)}") from None
        return kinds

    def _kind(self, payload: str) -> str | None:
        kind, _, user = payload.partition(":")
        return kind if not user or user == self.user else None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Sampled:
    """The releases of the fixed sample that a query matches: the sample's share of
    SAMPLE_SPAN, their ids, and the count of the whole archive they stand for."""

    share: int
    ids: tuple[str, ...]
    estimate: int


def _whole(ids: list[str], limit: int | None, offset: int) -> int | None:
    """The size of a result whose page from *offset* is *ids*, when the page holds its
    end (fewer rows than *limit*; not an empty page past the end); else None."""
    if limit is None or (len(ids) < limit and (ids or offset == 0)):
        return offset + len(ids)
    return None


def _has_phrase(query: Query) -> bool:
    """Whether *query* asks for a phrase (a text term of several tokens, not left out):
    its matches are fewer than its words', each found by reading the release's text."""
    return any(
        term.kind == "text" and not term.negated and len(term.tokens) > 1
        for clause in query.clauses
        for term in clause
    )


def walk_is_cheaper(expected: float, rows: float, wanted: int, phrase: bool) -> bool:
    """Whether walking the list's index to fill *wanted* rows beats taking the *expected*
    matches of an archive of *rows* releases from the bitmaps (PostgresStore._walks_first)."""
    if expected >= WALK_FROM and wanted <= WALK_WANTED:
        return True
    if expected <= 0:
        return False
    walk = wanted * rows / expected * WALK_ROW_US
    bitmaps = expected * (SORT_ROW_US + (NEEDLE_ROW_US if phrase else 0.0))
    return walk < bitmaps
