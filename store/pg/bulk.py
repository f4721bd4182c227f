"""A first bulk load into an empty team archive: its GIN indexes built once, at its end.

Keeping the ten GIN indexes (the words, the trigrams of the qualifiers' keys) row
by row is most of what a row costs the server; building them over the loaded
table costs about a fifth less in all. So an import that finds the archive empty
takes the import lock for its whole length (a session-level advisory lock on
``IMPORT_LOCK``: every other importer's batch waits for it), drops the GIN
indexes, loads its batches (each committed as usual: nothing acknowledged waits
for the end), and builds them again before it lets the lock go.

The words index is most of the build (100k releases: 15 s of CPU, the nine trigram
indexes 4 s) and PostgreSQL 15 builds a GIN index on one core: it is built on a
second connection while the first builds the others, so that both cores work at the
end of a bulk load, when the importer itself has nothing left to do. Both
connections check every second that their client is still there: a killed import's
builds stop, rather than run on for minutes after its lock is gone.

Whatever happens, the indexes are there afterwards: an import that fails or is
interrupted builds them on its way out, and one that was killed (its connection,
and with it the lock, gone) leaves them to the next Pressroom that opens the
archive (:func:`recover`). Searches meanwhile are right, only slower.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import psycopg
from psycopg import sql

from store.pg.schema import GIN_INDEXES, IMPORT_LOCK

Connection = psycopg.Connection[tuple[Any, ...]]

# Memory for each index build, at least 1 GB (never less than the server gives): with
# the default 64 MB, or 256 MB, a GIN build merges many runs into its tree (at 100k
# releases: 0.32 ms a release with 256 MB, 0.25 with 1 GB).
_BUILD_MEMORY = (
    "SELECT set_config('maintenance_work_mem',"
    " greatest(setting::bigint, 1048576)::text || 'kB', true)"
    " FROM pg_catalog.pg_settings WHERE name = 'maintenance_work_mem'"
)
# A build whose client is gone (a killed import) stops within a second (PostgreSQL 14+).
_CHECK_CLIENT = "SELECT set_config('client_connection_check_interval', '1s', true)"
# Built on a connection of its own, beside the others (see the module's docstring).
_APART = "releases_words"


def begin(conn: Connection, waiting: Callable[[], None] | None = None) -> bool:
    """Start a bulk load if the archive is empty: True, with the import lock held and the
    GIN indexes dropped; False (no lock held) otherwise, or when this user may not drop
    them (not their owner). *waiting*: called, before waiting, when another importer's
    bulk load holds the lock (minutes at a million: the user is told why nothing moves)."""
    row = conn.execute("SELECT pg_try_advisory_lock(%s)", [IMPORT_LOCK]).fetchone()
    if not (row and row[0]):
        # Held: by a batch (a moment) or by a bulk load, whose indexes are missing.
        if waiting is not None and missing(conn):
            waiting()
        conn.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
    try:
        row = conn.execute("SELECT EXISTS (SELECT 1 FROM pressroom.releases)").fetchone()
        if row is None or row[0]:
            _unlock(conn)
            return False
        with conn.transaction():
            for name in GIN_INDEXES:
                conn.execute(
                    sql.SQL("DROP INDEX IF EXISTS pressroom.{}").format(sql.Identifier(name))
                )
    except psycopg.errors.InsufficientPrivilege:
        _unlock(conn)
        return False
    except BaseException:
        _unlock(conn)
        raise
    return True


def end(conn: Connection, conninfo: str | None = None) -> None:
    """Build the GIN indexes again (on a second connection to *conninfo* too) and let
    the import lock go."""
    try:
        build(conn, conninfo)
    finally:
        _unlock(conn)


def missing(conn: Connection) -> list[str]:
    """The GIN indexes the archive lacks (none but during or after a bulk load)."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = 'pressroom' AND c.relname = ANY(%s)",
        [list(GIN_INDEXES)],
    ).fetchall()
    present = {row[0] for row in rows}
    return [name for name in GIN_INDEXES if name not in present]


def recover(conn: Connection, conninfo: str | None = None) -> None:
    """Build the GIN indexes a killed bulk load left out. A live one holds the import
    lock, and builds them itself at its end: then nothing is done here."""
    if not missing(conn):
        return
    row = conn.execute("SELECT pg_try_advisory_lock(%s)", [IMPORT_LOCK]).fetchone()
    if not row or not row[0]:
        return
    try:
        build(conn, conninfo)
    except psycopg.errors.InsufficientPrivilege:
        pass  # not the owner: the owner's next Pressroom builds them
    finally:
        _unlock(conn)


def build(conn: Connection, conninfo: str | None = None) -> None:
    """Create every missing GIN index, each in a transaction of its own: the words index
    on a second connection to *conninfo* while *conn* builds the others (on *conn* alone
    when there is no *conninfo*, or a second connection cannot be had)."""
    names = missing(conn)
    beside = _APART in names and len(names) > 1
    other = _second(conninfo) if conninfo is not None and beside else None
    if other is None:
        create(conn, names)
        return

    def apart() -> None:
        # A failure here (the connection lost): built below, on conn, if still missing.
        with suppress(psycopg.Error):
            create(other, [_APART])

    with other:
        thread = threading.Thread(target=apart, name="pressroom-gin-build", daemon=True)
        thread.start()
        try:
            create(conn, [name for name in names if name != _APART])
            thread.join()
        except BaseException:
            # Interrupted (here, or while waiting): the words index's build is cancelled
            # too, not waited for; the next open builds what is missing.
            other.cancel()
            thread.join()
            raise
    create(conn, missing(conn))


def create(conn: Connection, names: list[str]) -> None:
    """Create the GIN indexes *names* on *conn*, each in a transaction of its own."""
    for name in names:
        try:
            with conn.transaction():
                conn.execute(_BUILD_MEMORY)
                conn.execute(_CHECK_CLIENT)
                conn.execute(GIN_INDEXES[name])
        except psycopg.errors.UniqueViolation:
            # Created meanwhile by another connection (a killed import's build, ending as
            # this one began): the index is there.
            pass


def _second(conninfo: str) -> Connection | None:
    """A second connection for a build beside *conn*'s, or None when the server has none
    to give (its connections all taken) or cannot be reached again."""
    try:
        return psycopg.connect(conninfo, autocommit=True)
    except psycopg.Error:
        return None


def _unlock(conn: Connection) -> None:
    # A connection lost has let its locks go already.
    with suppress(psycopg.OperationalError):
        if not conn.closed:
            conn.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK])
