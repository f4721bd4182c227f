"""A first bulk load into an empty team archive: its GIN indexes built once, at its end.

Keeping the ten GIN indexes (the words, the trigrams of the qualifiers' keys) row
by row is most of what a row costs the server; building them over the loaded
table costs about a fifth less in all. So an import that finds the archive empty
takes the import lock for its whole length (a session-level advisory lock on
``IMPORT_LOCK``: every other importer's batch waits for it), drops the GIN
indexes, loads its batches (each committed as usual: nothing acknowledged waits
for the end), and builds them again before it lets the lock go.

Whatever happens, the indexes are there afterwards: an import that fails or is
interrupted builds them on its way out, and one that was killed (its connection,
and with it the lock, gone) leaves them to the next Pressroom that opens the
archive (:func:`recover`). Searches meanwhile are right, only slower.
"""

from __future__ import annotations

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


def end(conn: Connection) -> None:
    """Build the GIN indexes again and let the import lock go."""
    try:
        build(conn)
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


def recover(conn: Connection) -> None:
    """Build the GIN indexes a killed bulk load left out. A live one holds the import
    lock, and builds them itself at its end: then nothing is done here."""
    if not missing(conn):
        return
    row = conn.execute("SELECT pg_try_advisory_lock(%s)", [IMPORT_LOCK]).fetchone()
    if not row or not row[0]:
        return
    try:
        build(conn)
    except psycopg.errors.InsufficientPrivilege:
        pass  # not the owner: the owner's next Pressroom builds them
    finally:
        _unlock(conn)


def build(conn: Connection) -> None:
    """Create every missing GIN index, each in a transaction of its own."""
    for name in missing(conn):
        with conn.transaction():
            conn.execute(_BUILD_MEMORY)
            conn.execute(GIN_INDEXES[name])


def _unlock(conn: Connection) -> None:
    # A connection lost has let its locks go already.
    with suppress(psycopg.OperationalError):
        if not conn.closed:
            conn.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK])
