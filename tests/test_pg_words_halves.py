"""The words index in two halves (schema 3), and an archive of schema 2 read with its whole one.

On a real throwaway server; skipped (saying why) where no PostgreSQL server can be started.
"""

from __future__ import annotations

import pytest

from tests.helpers import pg_server

pg_server.require()

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from store.pg import bulk  # noqa: E402
from store.pg import store as store_module  # noqa: E402
from store.pg.columns import SAMPLE_SPAN, sample_of  # noqa: E402
from store.pg.copy_rows import prepared  # noqa: E402
from store.pg.schema import (  # noqa: E402
    GIN_INDEXES,
    LEGACY_GIN_INDEXES,
    SCHEMA_VERSION,
    WHOLE_WORDS_VERSION,
    WORDS_HALVES,
    WORDS_INDEXES,
)
from store.pg.store import PostgresStore  # noqa: E402
from store.records import Release  # noqa: E402
from store.search.query import parse_query  # noqa: E402
from tests.helpers.synthetic import generate  # noqa: E402

# A word, a prefix being typed, words and a prefix, a phrase, a negation beside a word.
QUERIES = ("climate", "clim", "water sup", '"climate change"', "health -water")


def releases(count: int) -> list[Release]:
    return list(generate(count, seed=3))


def scan(text: str, archive: list[Release]) -> set[str]:
    query = parse_query(text)
    return {r.id for r in archive if query.matches(r, None)}


def plan_of(store: PostgresStore, text: str) -> str:
    """The plan of the count of *text* the store asks for (from the indexes' bitmaps)."""
    condition = store._compile(parse_query(text), None)
    statement = sql.SQL("EXPLAIN SELECT count(*) FROM pressroom.releases r WHERE {}").format(
        condition.sql
    )
    return "\n".join(
        row[0] for row in store._rows(statement, condition.params, store_module._BITMAPS)
    )


def index_names(dsn: str) -> set[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT indexname FROM pg_catalog.pg_indexes WHERE schemaname = 'pressroom'"
            " AND tablename = 'releases'"
        ).fetchall()
    return {row[0] for row in rows}


def test_the_halves_split_the_sample_buckets_in_two() -> None:
    half = SAMPLE_SPAN // 2
    assert (f"(sample < {half}) IS TRUE", f"(sample >= {half}) IS TRUE") == WORDS_HALVES
    low = sum(sample_of(r.id) < SAMPLE_SPAN // 2 for r in releases(2000))
    assert 900 < low < 1100  # half the releases each


def test_a_words_search_reads_both_halves_of_the_words_index(dsn: str) -> None:
    archive = releases(1500)
    with PostgresStore(dsn) as store:
        store.add_batch(archive)
        assert set(WORDS_INDEXES) <= index_names(dsn) and "releases_words" not in index_names(dsn)
        for text in QUERIES:
            assert set(store.search(parse_query(text))) == scan(text, archive), text
            assert store.count(parse_query(text)) == len(scan(text, archive)), text
        for text in QUERIES[:4]:
            plan = plan_of(store, text)
            # Both partial indexes looked up, no row read whole to test its lexemes.
            assert "releases_words_low" in plan and "releases_words_high" in plan, plan
            assert "Seq Scan" not in plan, plan


def test_a_bulk_load_builds_both_halves(dsn: str) -> None:
    archive = releases(600)
    with PostgresStore(dsn) as store:
        store.begin_import()
        assert store.add_rows([prepared(r) for r in archive]) == ["imported"] * 600
        assert not set(WORDS_INDEXES) & index_names(dsn)  # dropped for the load
        store.settle()
        assert set(GIN_INDEXES) <= index_names(dsn)
        assert store.count(parse_query("climate")) == len(scan("climate", archive))


def make_schema_2(dsn: str) -> None:
    """The archive on *dsn* as a Pressroom of schema 2 made it: its words index whole."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        for name in WORDS_INDEXES:
            conn.execute(sql.SQL("DROP INDEX pressroom.{}").format(sql.Identifier(name)))
        conn.execute(LEGACY_GIN_INDEXES["releases_words"])
        conn.execute("UPDATE pressroom.meta SET schema_version = %s", [WHOLE_WORDS_VERSION])


def test_an_archive_of_schema_2_is_read_and_written_with_its_whole_words_index(
    dsn: str,
) -> None:
    archive = releases(1200)
    with PostgresStore(dsn) as store:
        store.add_batch(archive[:900])
    make_schema_2(dsn)
    before = index_names(dsn)
    with PostgresStore(dsn) as store:
        # Opened as it is: nothing built, nothing dropped, the version kept.
        assert index_names(dsn) == before and "releases_words" in before
        with psycopg.connect(dsn) as conn:
            assert bulk.missing(conn) == []
            version = conn.execute("SELECT schema_version FROM pressroom.meta").fetchone()
        assert version == (WHOLE_WORDS_VERSION,) != (SCHEMA_VERSION,)
        assert store.add_batch(archive[900:]) == ["imported"] * 300
        store.settle()
        for text in QUERIES:
            assert set(store.search(parse_query(text))) == scan(text, archive), text
            assert store.count(parse_query(text)) == len(scan(text, archive)), text
        plan = plan_of(store, "climate")
        assert "releases_words " in plan + " " and "releases_words_low" not in plan, plan
        assert "Seq Scan" not in plan, plan
    assert index_names(dsn) == before


def test_a_bulk_load_into_an_empty_archive_of_schema_2_keeps_its_layout(dsn: str) -> None:
    PostgresStore(dsn).close()
    make_schema_2(dsn)
    archive = releases(400)
    with PostgresStore(dsn) as store:
        store.begin_import()
        assert "releases_words" not in index_names(dsn)
        store.add_rows([prepared(r) for r in archive])
        store.settle()
        assert set(LEGACY_GIN_INDEXES) <= index_names(dsn)
        assert not set(WORDS_INDEXES) & index_names(dsn)
        assert store.count(parse_query("climate")) == len(scan("climate", archive))


@pytest.mark.parametrize("version", [WHOLE_WORDS_VERSION, SCHEMA_VERSION])
def test_a_killed_bulk_load_is_rebuilt_in_the_archives_own_layout(dsn: str, version: int) -> None:
    PostgresStore(dsn).close()
    if version == WHOLE_WORDS_VERSION:
        make_schema_2(dsn)
    loader = PostgresStore(dsn)
    loader.begin_import()
    loader.add_rows([prepared(r) for r in releases(50)])
    loader.close()  # as if killed: no settle
    with PostgresStore(dsn) as store:
        expected = LEGACY_GIN_INDEXES if version == WHOLE_WORDS_VERSION else GIN_INDEXES
        assert index_names(dsn) & (set(GIN_INDEXES) | set(LEGACY_GIN_INDEXES)) == set(expected)
        assert store.count(parse_query("climate")) == len(scan("climate", releases(50)))
