"""A key typed at the end of a search starts from the last key's answer, and gives the same answer as from scratch.

``store.pg.narrowing.narrows`` says when a query's result lies inside an
earlier one's; the browser's model then takes the next first rows from the
last ones and re-tests only the sample's earlier matches. Checked against the
plain scan (the first rows, exact counts) and against the same count asked from
scratch (an estimate on the same sample must be the same number), on a real
throwaway server (skipped, saying why, where none can be started).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import pairwise

import pytest
from psycopg import sql

from tests.helpers import pg_server

pg_server.require()

from store.disk.release_store import ReleaseState  # noqa: E402
from store.pg import archive as archive_module  # noqa: E402
from store.pg import store as store_module  # noqa: E402
from store.pg.archive import PostgresArchive  # noqa: E402
from store.pg.columns import SAMPLE_INDEXED, sample_of  # noqa: E402
from store.pg.narrowing import narrows  # noqa: E402
from store.pg.query_sql import compile_query  # noqa: E402
from store.pg.store import PostgresStore  # noqa: E402
from store.search.index import SearchCancelled  # noqa: E402
from store.search.query import parse_query  # noqa: E402
from store.search.tokens import text_tokens  # noqa: E402
from tests.test_pg_query import Loaded, _load, scan  # noqa: E402
from tests.test_search_index import TODAY, keystroke_queries, synthetic_releases  # noqa: E402


def _narrows(new: str, old: str) -> bool:
    return narrows(parse_query(new, today=TODAY), parse_query(old, today=TODAY))


def test_a_key_typed_at_the_end_narrows_and_nothing_else_is_taken_for_it() -> None:
    # A word's prefix made longer, the word ended, a word or any clause added.
    assert _narrows("chief exec", "chief exe")
    assert _narrows("chief ", "chief")
    assert _narrows("chief e", "chief ")
    assert _narrows("chief executive", "chief")
    assert _narrows('"of th', '"of t')
    assert _narrows("sahel OR saharan", "sahel OR sahar")
    assert _narrows("climate is:starred", "climate")
    assert _narrows("climate -flood", "climate")
    # Not inside the earlier result, or not sure: from scratch.
    assert not _narrows("chie", "chief")
    assert not _narrows("chiefs", "chief ")
    assert not _narrows("-clima", "-clim")
    assert not _narrows("org:unes", "org:une")
    assert not _narrows("climate OR flood", "climate")
    assert not _narrows("is:starred climate", "is:starred")  # marks change between keys
    assert not _narrows("tag:mine x", "tag:mine")
    assert not _narrows("flood", "climate")


@pytest.fixture(scope="module")
def typed(server: pg_server.Server) -> Iterator[Loaded]:
    releases = synthetic_releases(300, seed=7, body_words=120)
    marks = {
        r.id: ReleaseState(read=i % 3 == 0, starred=i % 7 == 0) for i, r in enumerate(releases)
    }
    with _load(server, releases, {"reader": marks}) as loaded:
        # The planner's row count, from which the sample's share is taken.
        loaded[0]._conn.execute("ANALYZE pressroom.releases")
        yield loaded


def _texts() -> list[str]:
    releases = synthetic_releases(300, seed=7, body_words=120)
    vocabulary = sorted({t for r in releases[:50] for t in text_tokens(r.body)})
    return keystroke_queries(random.Random(5), vocabulary, 10)


def test_keystroke_results_narrow_as_the_scan_says() -> None:
    """Where one key narrows the one before, the scan's matches are inside the earlier ones."""
    releases = synthetic_releases(300, seed=7, body_words=120)
    texts = _texts()
    pairs = 0
    for old, new in pairwise(texts):
        if _narrows(new, old):
            pairs += 1
            before = set(scan(parse_query(old, today=TODAY), releases, {}))
            assert set(scan(parse_query(new, today=TODAY), releases, {})) <= before, (old, new)
    assert pairs > 20


def test_typed_keys_give_the_answers_from_scratch(
    typed: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key through the browser's model, with three first rows, exact counts up to 5
    and a sample of about 20 releases, so that each way is taken: the first rows are the
    scan's, an exact count is the scan's, an estimate is the one asked from scratch."""
    store, releases, states = typed
    monkeypatch.setattr(archive_module, "EXACT_UP_TO", 5)
    monkeypatch.setattr(store_module, "COUNT_SAMPLE_ROWS", 20)
    # Walking on after the earlier rows looks cheap, as for a big result at a million.
    monkeypatch.setattr(store_module, "WALK_ROW_US", 0.001)
    narrowed = {"pages": 0, "samples": 0}
    page_within = PostgresStore.page_within
    sample_matches = PostgresStore._sample_matches

    def counted_page(self: PostgresStore, *args: object, **kwargs: object) -> object:
        found = page_within(self, *args, **kwargs)  # type: ignore[arg-type]
        narrowed["pages"] += found is not None
        return found

    def counted_sample(self: PostgresStore, condition: object, within: object) -> object:
        narrowed["samples"] += within is not None
        return sample_matches(self, condition, within)  # type: ignore[arg-type]

    monkeypatch.setattr(PostgresStore, "page_within", counted_page)
    monkeypatch.setattr(PostgresStore, "_sample_matches", counted_sample)
    archive = PostgresArchive(store._conninfo, user="reader")
    try:
        for text in _texts():
            query = parse_query(text, today=TODAY)
            expected = scan(query, releases, states["reader"])
            result = archive.search(query, first=3)
            if not result.partial:
                assert result.release_ids() == expected, text
                continue
            assert result.release_ids() == expected[:3], text
            if result.estimated:
                fresh = store.count_sampled(query, user="reader", exact_up_to=5)
                assert (result.matched, False) == (min(fresh[0], len(releases)), fresh[1]), text
            else:
                assert result.matched == len(expected), text
    finally:
        archive.close()
    assert narrowed["pages"] > 20 and narrowed["samples"] > 5, narrowed


def test_a_search_overtaken_by_the_next_key_is_cancelled_on_the_server(
    typed: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = typed[0]
    archive = PostgresArchive(store._conninfo, user="reader")

    def stuck(self: PostgresStore, *args: object, **kwargs: object) -> list[str]:
        self._conn.execute("SELECT pg_sleep(600)")
        return []

    try:
        with monkeypatch.context() as patched:
            patched.setattr(PostgresStore, "search", stuck)
            with pytest.raises(SearchCancelled):
                archive.search(
                    parse_query("flood"), archive_module.ARCHIVE_ORDER, lambda: True, first=3
                )
        # The connection serves the next key.
        assert archive.search(parse_query("")).matched == len(typed[1])
    finally:
        archive.close()


@pytest.fixture(scope="module")
def in_sample(server: pg_server.Server) -> Iterator[Loaded]:
    """The typed archive with every other release given an id in the sample's indexed
    buckets (below SAMPLE_INDEXED: 1/256 of the ids), so that a small sample holds many."""
    rng = random.Random(11)
    releases = []
    for n, release in enumerate(synthetic_releases(300, seed=7, body_words=120)):
        if n % 2 == 0:
            while sample_of(release_id := f"{rng.getrandbits(64):016x}") >= SAMPLE_INDEXED:
                pass
            release = release.with_changes(id=release_id)
        releases.append(release)
    with _load(server, releases, {"reader": {}}) as loaded:
        loaded[0]._conn.execute("ANALYZE pressroom.releases")
        yield loaded


def test_a_words_matches_in_the_sample_come_from_its_own_index_as_the_scan_finds_them(
    in_sample: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample a count is estimated on, a few buckets of those the sample's words
    index holds: the matches found through that index are the scan's among the sample's
    releases, for every keystroke query, and the index is what the plan reads."""
    store, releases, _states = in_sample
    monkeypatch.setattr(store_module, "COUNT_SAMPLE_ROWS", 1)
    share = store._sample_share(1)
    assert share <= SAMPLE_INDEXED
    sample = [r for r in releases if sample_of(r.id) < share]
    assert len(sample) > 100
    indexed = found = 0
    for text in _texts():
        query = parse_query(text, today=TODAY)
        condition = compile_query(query, "reader")
        sampled = store._sample_matches(condition, None)
        assert sampled is not None
        assert sorted(sampled.ids) == sorted(scan(query, sample, {})), text
        indexed += condition.words
        found += len(sampled.ids)
    assert indexed > 20 and found > 500, (indexed, found)
    # Planned as _sample_matches plans it: from the bitmaps.
    plan = store._rows(
        sql.SQL(
            "EXPLAIN SELECT r.id FROM pressroom.releases r WHERE (r.sample >> 8) = 0"
            " AND r.sample + 0 < %s AND r.words @@ 'climate:*'::tsquery"
        ).format(),
        [share],
        store_module._BITMAPS,
    )
    assert "releases_sample_words" in "\n".join(row[0] for row in plan)
    # An archive without that index (made before it, opened by users who may not build
    # it): the sample's rows are tested one by one, with the same matches.
    store._conn.execute("DROP INDEX pressroom.releases_sample_words")
    store._has_sample_index = None
    assert not store._sample_indexed()
    for text in _texts()[:40]:
        query = parse_query(text, today=TODAY)
        sampled = store._sample_matches(compile_query(query, "reader"), None)
        assert sampled is not None
        assert sorted(sampled.ids) == sorted(scan(query, sample, {})), text


def test_a_cancel_meant_for_the_search_before_is_not_this_ones_answer(
    typed: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel sent for the last key's statement that reaches the server late cancels
    the next statement on that connection: that search is asked again, not lost."""
    store, releases, states = typed
    archive = PostgresArchive(store._conninfo, user="reader")
    count_sampled = PostgresStore.count_sampled
    strays = [1]

    def stray(self: PostgresStore, *args: object, **kwargs: object) -> object:
        if strays:
            strays.pop()
            self._conn.execute("SET statement_timeout = 1")
            try:
                self._conn.execute("SELECT pg_sleep(1)")  # cancelled on the server
            finally:
                self._conn.execute("SET statement_timeout = 0")
        return count_sampled(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PostgresStore, "count_sampled", stray)
    try:
        query = parse_query("flood", today=TODAY)
        result = archive.search(query, archive_module.ARCHIVE_ORDER, lambda: False, first=3)
        expected = scan(query, releases, states["reader"])
        assert result.release_ids() == expected[:3] and not strays
    finally:
        archive.close()


def test_a_search_overtaken_while_it_waits_for_a_connection_stops_waiting(typed: Loaded) -> None:
    """Every connection in use (earlier keys' searches, a whole result, the facets): a
    search overtaken meanwhile stops waiting at once rather than queue behind them, and
    one not overtaken is answered as soon as a connection is free."""
    import threading
    import time

    store, releases, states = typed
    archive = PostgresArchive(store._conninfo, user="reader")
    try:
        for _ in range(archive_module.POOL):
            archive._slots.acquire()  # all of them held elsewhere
        overtaken = threading.Event()
        threading.Timer(0.05, overtaken.set).start()
        # Without the stop, a connection is given back only after 3 s: then it is answered.
        given_back = threading.Timer(3.0, archive._slots.release)
        given_back.start()
        started = time.monotonic()
        with pytest.raises(SearchCancelled):
            archive.search(parse_query("the", today=TODAY), should_stop=overtaken.is_set, first=3)
        assert time.monotonic() - started < 2.5, "it waited for a connection after it was overtaken"
        given_back.cancel()
        given_back.join()
        threading.Timer(0.05, archive._slots.release).start()
        query = parse_query("the", today=TODAY)
        found = archive.search(query, should_stop=lambda: False)
        assert sorted(r.id for r in found) == sorted(scan(query, releases, states["reader"]))
    finally:
        for _ in range(archive_module.POOL - 1):
            archive._slots.release()
        archive.close()


def test_a_connection_left_in_a_failed_transaction_is_rolled_back_before_it_is_used(
    typed: Loaded,
) -> None:
    """A cancel meant for a statement already done can reach the server during the next
    one's transaction and leave it failed: the next search on that connection must not
    be refused (InFailedSqlTransaction: it was lost), nor one on a connection that died."""
    import psycopg

    store, releases, states = typed
    archive = PostgresArchive(store._conninfo, user="reader")
    try:
        query = parse_query("the", today=TODAY)
        expected = sorted(scan(query, releases, states["reader"]))
        with archive._connection() as held:
            held._conn.execute("BEGIN")
            with pytest.raises(psycopg.errors.DivisionByZero):
                held._conn.execute("SELECT 1 / 0")
        assert held._conn.info.transaction_status == psycopg.pq.TransactionStatus.INERROR
        assert sorted(r.id for r in archive.search(query, should_stop=lambda: False)) == expected
        with archive._connection() as held:
            held._conn.close()  # the server went away for this one
        assert sorted(r.id for r in archive.search(query, should_stop=lambda: False)) == expected
    finally:
        archive.close()
