"""The PostgreSQL schema of an archive: tables, indexes, and its version.

Everything lives in the database schema ``pressroom`` (a team's database may
hold other things): ``releases`` (shared by everyone), ``marks`` (each user's
read and starred marks and tags), ``saved_searches`` (each user's, one JSON
payload a user) and ``meta`` (the schema version, one row).
The search columns of ``releases`` are described in ``store.pg.columns``.

Why the indexes are what they are:

* ``words`` (GIN over a tsvector of the scan's own tokens): words and prefixes
  (``'sahe':*``), the keystroke path;
* the ``*_keys`` columns and ``phones`` (GIN, ``pg_trgm``): qualifiers match
  *inside* a value (``org:nesco`` finds UNESCO), which neither a btree nor an
  array's GIN can answer, and trigrams can;
* ``archive_order``: the list's order, and the keyset pages that stream the
  archive without holding it in memory;
* ``day`` (btree): date filters and ranges;
* none for ``initials``: a prefix of one or two letters matches most releases, so its
  bit is read in the row while the list's index is walked (no lexemes detoasted);
* ``sample`` (btree): a fixed random share of the archive (``columns.SAMPLE_SPAN``),
  on which the counts, timeline and facets of big results are estimated;
* ``sample_words`` (GIN over ``words`` of the first ``columns.SAMPLE_INDEXED`` buckets
  only): the sample's matches of a word, found as its count is estimated at every key;
  1/256 of the words index's size and upkeep (an older Pressroom keeps it up too);
* ``document`` is ``json``, not ``jsonb``: it is only ever read back whole, and the
  server checks json without converting it (bulk load: ~8% less server time a row);
* the fingerprint is unique, checked at commit (``DEFERRABLE``) so that one
  batch may hand a fingerprint from an updated release to a new one, as the
  TinyDB store allows.
"""

from __future__ import annotations

from typing import LiteralString

import psycopg

from store.errors import NewerSchemaError, StoreError
from store.pg.columns import KEY_COLUMNS
from store.search.query import FIELDS

# 2: the sample bucket and the initials of each release, saved searches, the document as json.
SCHEMA_VERSION = 2
SCHEMA = "pressroom"
# pg_advisory_xact_lock keys: one for creating or upgrading the schema, one held by
# each import batch (two importers never decide outcomes on the same snapshot).
SCHEMA_LOCK = 0x70726573_00000001
IMPORT_LOCK = 0x70726573_00000002
# The channel a write announces itself on (LISTEN pressroom_changes).
CHANGES_CHANNEL = "pressroom_changes"

_KEY_COLUMN_DEFINITIONS: LiteralString = ",\n".join(
    f"    {KEY_COLUMNS[name]} text NOT NULL" for name in FIELDS
)
# The rows of the sample's own words index, the buckets below ``columns.SAMPLE_INDEXED``
# (1 << 8), stated as the searches on it state them (the planner uses a partial index for
# a condition that holds this one verbatim), and in a form the btree on ``sample`` cannot
# answer, so that the planner's way to a word's matches in the sample is that index (not
# the sample's rows, each tested).
SAMPLE_WORDS_ROWS: LiteralString = "(sample >> 8) = 0"
# The GIN indexes, by name: most of what a row costs the server to store, so a first
# bulk load into an empty archive builds them once at its end (store.pg.bulk).
GIN_INDEXES: dict[str, LiteralString] = {
    "releases_words": "CREATE INDEX IF NOT EXISTS releases_words ON pressroom.releases"
    " USING gin (words)",
    **{
        f"releases_{KEY_COLUMNS[name]}": f"CREATE INDEX IF NOT EXISTS releases_{KEY_COLUMNS[name]}"
        f" ON pressroom.releases USING gin ({KEY_COLUMNS[name]} gin_trgm_ops)"
        for name in FIELDS
    },
    "releases_phones": "CREATE INDEX IF NOT EXISTS releases_phones ON pressroom.releases"
    " USING gin (phones gin_trgm_ops)",
    # Made when an archive made before it is opened (bulk.recover: seconds at a million).
    "releases_sample_words": "CREATE INDEX IF NOT EXISTS releases_sample_words"
    f" ON pressroom.releases USING gin (words) WHERE {SAMPLE_WORDS_ROWS}",
}

CREATE: tuple[LiteralString, ...] = (
    "CREATE SCHEMA IF NOT EXISTS pressroom",
    """
CREATE TABLE pressroom.meta (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    schema_version integer NOT NULL
)""",
    f"""
CREATE TABLE pressroom.releases (
    id text PRIMARY KEY,
    document json NOT NULL,
    fingerprint text NOT NULL,
    source_path text NOT NULL,
    date text,
    location text,
    issuer text,
    organisations text[] NOT NULL,
    day integer,
    undated boolean NOT NULL,
    date_key text COLLATE "C" NOT NULL,
    title_key text COLLATE "C" NOT NULL,
    organisation_key text COLLATE "C" NOT NULL,
    place_key text COLLATE "C" NOT NULL,
    words tsvector NOT NULL,
    words_complete boolean NOT NULL,
    token_text text NOT NULL,
{_KEY_COLUMN_DEFINITIONS},
    tag_folds text[] NOT NULL,
    phones text NOT NULL,
    sample integer NOT NULL,
    initials bytea NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT releases_fingerprint_once UNIQUE (fingerprint) DEFERRABLE INITIALLY DEFERRED
)""",
    "CREATE INDEX releases_archive_order ON pressroom.releases (undated, date_key, title_key, id)",
    "CREATE INDEX releases_words_incomplete ON pressroom.releases (id) WHERE NOT words_complete",
    "CREATE INDEX releases_day ON pressroom.releases (day)",
    "CREATE INDEX releases_sample ON pressroom.releases (sample)",
    *GIN_INDEXES.values(),
    """
CREATE TABLE pressroom.marks (
    user_name text NOT NULL,
    release_id text NOT NULL,
    read boolean NOT NULL DEFAULT false,
    starred boolean NOT NULL DEFAULT false,
    tags text[] NOT NULL DEFAULT '{}',
    tag_keys text NOT NULL DEFAULT '',
    tag_folds text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (user_name, release_id)
)""",
    # Each user's saved searches: SavedSearches.to_json(), written whole.
    """
CREATE TABLE pressroom.saved_searches (
    user_name text PRIMARY KEY,
    payload jsonb NOT NULL
)""",
)


def ensure_schema(conn: psycopg.Connection[tuple[object, ...]], where: str) -> None:
    """Create the schema in an empty database, or check the version of an existing one.

    *where* names the database in messages (never with its password). Raises
    :class:`NewerSchemaError` for a schema made by a newer Pressroom (nothing is
    touched), :class:`StoreError` when the database cannot take the schema.
    """
    if _version(conn) == SCHEMA_VERSION:
        return
    with conn.transaction():
        # Two Pressrooms opening an empty database at once: one creates, the other waits.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
        version = _version(conn)
        if version is None:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except psycopg.errors.InsufficientPrivilege:
                raise StoreError(
                    f"{where} lacks the pg_trgm extension and this user may not add it: "
                    "ask its administrator to run CREATE EXTENSION pg_trgm"
                ) from None
            for statement in CREATE:
                conn.execute(statement)
            if _has_lz4(conn):
                # The JSON, the token text and the lexemes hold ~4 KB a release each: lz4 compresses them several
                # times faster than the default pglz (bulk load: 1,850 -> 2,090 releases/s).
                conn.execute(
                    "ALTER TABLE pressroom.releases ALTER COLUMN document SET COMPRESSION lz4,"
                    " ALTER COLUMN token_text SET COMPRESSION lz4,"
                    " ALTER COLUMN words SET COMPRESSION lz4"
                )
            conn.execute(
                "INSERT INTO pressroom.meta (schema_version) VALUES (%s)", [SCHEMA_VERSION]
            )
            return
    check_version(version, where)


def check_version(version: int | None, where: str) -> None:
    """Refuse a schema this Pressroom does not know, in one line, as ``ReleaseStore`` does."""
    if version is None or version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{where} was made by a newer Pressroom (store schema {version}, this version "
            f"knows up to {SCHEMA_VERSION}); it was left untouched — upgrade Pressroom to open it",
            path=None,
            schema=version,
        )
    raise StoreError(
        f"{where} has store schema {version} and this Pressroom cannot upgrade it "
        f"(no migration from schema {version})"
    )


def _has_lz4(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    """Whether the server was built with lz4 (Debian's is; a server without it keeps pglz)."""
    row = conn.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_catalog.pg_settings"
        " WHERE name = 'default_toast_compression'"
    ).fetchone()
    return bool(row and row[0])


def _version(conn: psycopg.Connection[tuple[object, ...]]) -> int | None:
    """The schema version recorded in the database, None when there is no Pressroom schema."""
    # Read from pg_class under the statement's snapshot: to_regclass's cached catalog
    # may not yet see a schema another session created while this one waited.
    exists = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = 'pressroom' AND c.relname = 'meta')"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = conn.execute("SELECT schema_version FROM pressroom.meta").fetchone()
    if row is None or not isinstance(row[0], int):
        return None
    return row[0]
