"""The query language in SQL gives exactly the releases the reference scan gives, for any query.

The oracle of tests/test_search_index.py, across backends: every generated
query is run by PostgreSQL (``PostgresStore.search``) and by the plain scan
(``Query.matches`` over every release, with the marks PostgreSQL holds for the
user who searches), and both answers must be the same ids in the same order.
Orders, the timeline and facets are checked against ``Archive`` over a TinyDB
store holding the same releases. Skipped (saying why) where no PostgreSQL
server can be started.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import pg_server

pg_server.require()

from store.archive import Archive, SortOrder  # noqa: E402
from store.disk.catalogue import archive_order  # noqa: E402
from store.disk.release_store import ReleaseState, ReleaseStore  # noqa: E402
from store.pg import store as store_module  # noqa: E402
from store.pg.columns import SAMPLE_SPAN, sample_of  # noqa: E402
from store.pg.store import PostgresStore  # noqa: E402
from store.records import Release  # noqa: E402
from store.sanitize import fold  # noqa: E402
from store.search.query import DEFAULT_STATE, Query, parse_query  # noqa: E402
from store.search.tokens import field_key, text_tokens  # noqa: E402
from tests.helpers.synthetic import generate  # noqa: E402
from tests.test_search_index import (  # noqa: E402
    PHRASED,
    STATE_MAPS,
    TODAY,
    TRICKY,
    keystroke_queries,
    phrase_text,
    query_text,
    synthetic_releases,
    tag_query_text,
)


def _hex(number: int) -> str:
    return f"{number:016x}"


# The index tests' releases under ids a store accepts: TRICKY's rNNN -> NNN, PHRASED's -> 1NN.
IDS = {f"r{n:03d}": _hex(n) for n in range(len(TRICKY))} | {"unknown-id": _hex(999)}
ARCHIVE = [replace(r, id=_hex(n)) for n, r in enumerate(TRICKY)] + [
    replace(r, id=_hex(100 + n)) for n, r in enumerate(PHRASED)
]
# Each of the index tests' mark sets is one user's marks.
USERS = {
    f"user{n}": {IDS[key]: ReleaseState(s.read, s.starred, s.tags) for key, s in marks.items()}
    for n, marks in enumerate(STATE_MAPS)
}

Loaded = tuple[PostgresStore, list[Release], dict[str, Mapping[str, ReleaseState]]]


@contextmanager
def _load(
    server: pg_server.Server,
    releases: Sequence[Release],
    users: Mapping[str, Mapping[str, ReleaseState]],
) -> Iterator[Loaded]:
    with pg_server.database(server) as dsn, PostgresStore(dsn, user="nobody") as store:
        assert store.add_batch(releases) == ["imported"] * len(releases)
        for user, marks in users.items():
            store.merge_states(marks, user=user)
        # The scan's releases are what PostgreSQL holds (a NUL in PHRASED's titles is
        # cleaned on the way in), in archive order computed here, not by PostgreSQL.
        stored = sorted(store.releases(), key=lambda r: (archive_order(r.date, r.title), r.id))
        states = {user: store.states(user=user) for user in users}
        yield store, stored, states


@pytest.fixture(scope="module")
def loaded(server: pg_server.Server) -> Iterator[Loaded]:
    with _load(server, ARCHIVE, USERS) as loaded:
        yield loaded


def scan(query: Query, releases: list[Release], states: Mapping[str, ReleaseState]) -> list[str]:
    return [r.id for r in releases if query.matches(r, states.get(r.id, DEFAULT_STATE))]


def check(loaded: Loaded, text: str, user: str) -> None:
    store, releases, states = loaded
    query = parse_query(text, today=TODAY)
    assert store.search(query, user=user) == scan(query, releases, states[user]), text


def test_the_marks_are_stored_as_given(loaded: Loaded) -> None:
    _store, releases, states = loaded
    assert len(releases) == len(ARCHIVE)
    for user, marks in USERS.items():
        assert dict(states[user]) == {i: s for i, s in marks.items() if s != ReleaseState()}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query_text(), st.sampled_from(sorted(USERS)))
def test_postgresql_equals_scan(loaded: Loaded, text: str, user: str) -> None:
    check(loaded, text, user)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_query_text(), st.sampled_from(sorted(USERS)))
def test_postgresql_equals_scan_with_the_users_tags(loaded: Loaded, text: str, user: str) -> None:
    check(loaded, text, user)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase_text())
def test_phrases_equal_scan(loaded: Loaded, text: str) -> None:
    check(loaded, text, "user0")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30), st.sampled_from(sorted(USERS)))
def test_postgresql_equals_scan_on_arbitrary_text(loaded: Loaded, text: str, user: str) -> None:
    """Quotes, backslashes, LIKE's % and _, tsquery's & | ! : * ( ): all only data."""
    check(loaded, text, user)


@pytest.mark.parametrize(
    "text",
    [
        "o'brien", "it's ", "'", "''", "\\", "\\'", "org:%", "org:_", 'org:"100%"', "loc:\\",
        "tag:_", "a & b", "sahel | x", "!sahel", "sahel:*", "(sahel)", "sahel' OR 'x",
        "'; DROP TABLE pressroom.releases; --", "contact:%_", "source:%md",
    ],
)  # fmt: skip
def test_text_that_means_something_to_sql_is_only_searched(loaded: Loaded, text: str) -> None:
    check(loaded, text, "user1")
    assert len(loaded[0]) == len(ARCHIVE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sahel", [0, 7, 9]),
        ("cafe ", [0, 1, 4]),
        ("öl ", [1, 9]),
        ("東京", [2]),
        ("москв", [4]),
        ('"heads of state"', [8, 9]),
        ("sahel OR munchen morocco", [7]),
        ('org:"world health"', [7, 9]),
        ("issuer:unoct", [0]),
        ("contact:555-0100", [5]),
        ("-date:2021", [2, 3, 4, 5, 6, 7]),
        ("date:7d", [6]),
        ("is:starred", [7, 9]),
        ("is:unread -is:starred date:2021", [1, 8]),
    ],
)
def test_known_answers(loaded: Loaded, text: str, expected: list[int]) -> None:
    query = parse_query(text, today=TODAY)
    # The answers of tests/test_search_index.py, over TRICKY (ids below 100).
    found = [i for i in loaded[0].search(query, user="user1") if int(i, 16) < 100]
    assert sorted(found) == sorted(_hex(n) for n in expected)
    check(loaded, text, "user1")


# -- a generated archive ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic(server: pg_server.Server) -> Iterator[Loaded]:
    releases = synthetic_releases(300, seed=7, body_words=120)
    marks = {
        r.id: ReleaseState(
            read=i % 3 == 0, starred=i % 7 == 0, tags=("Mine",) if i % 11 == 0 else ()
        )
        for i, r in enumerate(releases)
    }
    with _load(server, releases, {"reader": marks, "other": {}}) as loaded:
        yield loaded


def test_typed_queries_on_a_synthetic_archive_equal_scan(synthetic: Loaded) -> None:
    vocabulary = sorted({t for r in synthetic[1][:50] for t in text_tokens(r.body)})
    rng = random.Random(11)
    for text in keystroke_queries(rng, vocabulary, 12):
        for user in ("reader", "other"):
            check(synthetic, text, user)


def test_phrases_typed_key_by_key_on_a_synthetic_archive_equal_scan(synthetic: Loaded) -> None:
    # Two, three and four tokens of a release's fields, a phrase across the title and the
    # body, each typed a key at a time (a prefix of the last token, one or two letters
    # too), negated and OR'd.
    rng = random.Random(3)
    phrases = []
    for release in synthetic[1][:12]:
        tokens = text_tokens(release.body)
        start = rng.randrange(len(tokens) - 4)
        phrases.append(" ".join(tokens[start : start + rng.randint(2, 4)]))
        phrases.append(f"{text_tokens(release.title)[-1]} {tokens[0]}")
    phrases += ["the of", "of the the", "and the"]
    for phrase in phrases:
        for end in range(1, len(phrase) + 1):
            check(synthetic, '"' + phrase[:end], "reader")
        check(synthetic, f'"{phrase}"', "other")
        check(synthetic, f'-"{phrase}"', "reader")
        check(synthetic, f'"{phrase}" OR "{phrases[0]}"', "reader")


def test_a_page_walks_the_list_when_filling_it_costs_less_than_taking_every_match() -> None:
    # Words at a million: a word in 1,258 releases is sorted from the bitmaps (walking
    # would read ~160,000 rows), one in 40,000 or more walked, as measured there.
    assert not store_module.walk_is_cheaper(1_258, 1_000_000, 200, phrase=False)
    assert store_module.walk_is_cheaper(40_000, 1_000_000, 200, phrase=False)
    # A phrase whose words are in a quarter of 100,000 ("of the": expected 23,000, in
    # 79,000): its matches each cost their text's check, and the page fills in ~900 rows.
    assert store_module.walk_is_cheaper(23_000, 100_000, 200, phrase=True)
    assert not store_module.walk_is_cheaper(23_000 / 20, 100_000, 200, phrase=True)
    assert not store_module.walk_is_cheaper(0, 100_000, 200, phrase=True)


@st.composite
def archive_query(draw: st.DrawFn, releases: list[Release]) -> str:
    """Words, prefixes and phrases cut from the archive's own releases, with its fields."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        release = draw(st.sampled_from(releases))
        tokens = text_tokens(release.title + " " + release.body[:400])
        kind = draw(
            st.sampled_from(["word", "prefix", "phrase", "org", "loc", "person", "date", "is"])
        )
        if kind in ("word", "prefix") and tokens:
            word = draw(st.sampled_from(tokens))
            parts.append(word[: draw(st.integers(1, len(word)))] if kind == "prefix" else word)
        elif kind == "phrase" and len(tokens) > 2:
            start = draw(st.integers(0, len(tokens) - 2))
            parts.append('"' + " ".join(tokens[start : start + draw(st.integers(2, 3))]) + '"')
        elif kind == "org" and release.organisations:
            org = field_key(draw(st.sampled_from(release.organisations)))
            cut = draw(st.integers(0, max(0, len(org) - 3)))
            parts.append(f'org:"{org[cut : cut + 6]}"')
        elif kind == "loc" and release.location:
            parts.append(f"loc:{release.location[:3]}")
        elif kind == "person" and release.people:
            parts.append(f'person:"{release.people[0].name.split()[-1]}"')
        elif kind == "date" and release.date:
            parts.append(
                draw(st.sampled_from([f"date:{release.date[:7]}", f"after:{release.date[:4]}"]))
            )
        else:
            parts.append(draw(st.sampled_from(["is:starred", "is:unread", "tag:mine"])))
        if draw(st.integers(0, 4)) == 0:
            parts[-1] = "-" + parts[-1]
        if draw(st.integers(0, 4)) == 0:
            parts.append("OR")
    return " ".join(parts) + draw(st.sampled_from(["", " "]))


_SYNTHETIC_FOR_STRATEGY = synthetic_releases(300, seed=7, body_words=120)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archive_query(_SYNTHETIC_FOR_STRATEGY), st.sampled_from(["reader", "other"]))
def test_generated_queries_on_a_synthetic_archive_equal_scan(
    synthetic: Loaded, text: str, user: str
) -> None:
    check(synthetic, text, user)


def test_the_benchmarks_synthetic_corpus_equals_scan(server: pg_server.Server) -> None:
    """``tests/helpers/synthetic.generate``: accents, CJK, phones in every format."""
    releases = list(generate(400, seed=3))
    marks = {r.id: ReleaseState(read=True) for r in releases[::5]}
    with _load(server, releases, {"reader": marks}) as loaded:
        rng = random.Random(5)
        words = sorted({t for r in releases[:40] for t in text_tokens(r.title)})
        texts = [rng.choice(words)[: rng.randint(1, 6)] for _ in range(40)]
        texts += [f"{rng.choice(words)} {rng.choice(words)} " for _ in range(20)]
        texts += [
            f"org:{field_key(r.organisations[0])[:5]}" for r in releases[:20] if r.organisations
        ]
        texts += [f"contact:{c.phone[:6]}" for r in releases[:40] for c in r.contacts if c.phone]
        texts += ["is:read date:2020..2022", "-is:read lang:fr", "source:html", "loc:gen"]
        for text in texts:
            check(loaded, text, "reader")


# -- orders, timeline and facets, as Archive computes them ----------------------------------------


def _sort_key(release: Release, key: str) -> tuple[object, ...]:
    if key == "title":
        return (fold(release.title),)
    if key == "organisation":
        orgs = release.organisations
        return (not orgs, fold(orgs[0]) if orgs else "")
    return (not release.location, fold(release.location or ""))


@pytest.mark.parametrize("key", ["date", "title", "organisation", "place"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("text", ["", "sahel", "the", "-is:read", "p"])
def test_every_order_is_archive_s(loaded: Loaded, key: str, descending: bool, text: str) -> None:
    store, releases, states = loaded
    query = parse_query(text, today=TODAY)
    hits = [r for r in releases if query.matches(r, states["user2"].get(r.id, DEFAULT_STATE))]
    if key == "date":
        expected = hits if descending else hits[::-1]
    else:  # archive.py's sort: stable, so ties stay in archive order either way
        expected = sorted(hits, key=lambda r: _sort_key(r, key), reverse=descending)
    found = store.search(query, SortOrder(key, descending), user="user2")
    assert found == [r.id for r in expected]
    assert store.search(query, SortOrder(key, descending), user="user2", limit=3, offset=2) == [
        r.id for r in expected[2:5]
    ]
    assert store.count(query, user="user2") == len(hits)


@pytest.mark.parametrize("text", ["", "sahel", "date:2021", "-is:starred", "the", "zzzz", "tag:s"])
@pytest.mark.parametrize("user", ["user0", "user4"])
def test_timeline_and_facets_are_archive_s(loaded: Loaded, text: str, user: str) -> None:
    store, releases, states = loaded
    with ReleaseStore() as tinydb:
        tinydb.add_batch(releases)
        archive = Archive(tinydb)
        query = parse_query(text, today=TODAY)
        result = archive.search(query, states=states[user])
        expected = archive.facets(result, limit=1000, states=states[user])
        assert store.months(query, user=user) == result.months()
    found = store.facets(query, limit=1000, user=user)
    assert dict(found.organisations) == dict(expected.organisations)
    assert dict(found.issuers) == dict(expected.issuers)
    assert dict(found.places) == dict(expected.places)
    assert found.years == expected.years
    # Tags are named differently (the user's spelling, or the folded key): compared folded.
    assert {field_key(n): c for n, c in found.tags} == {field_key(n): c for n, c in expected.tags}
    assert all(
        c >= d for (_, c), (_, d) in zip(found.organisations, found.organisations[1:], strict=False)
    )


# -- pages, estimated counts, sampled timeline and facets ------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    archive_query(_SYNTHETIC_FOR_STRATEGY),
    st.integers(1, 40),
    st.integers(0, 60),
    st.booleans(),
    st.sampled_from([(0, 60_000), (10**9, 60_000), (10**9, 0)]),
)
def test_a_page_is_the_scans_slice(
    synthetic: Loaded,
    text: str,
    limit: int,
    offset: int,
    descending: bool,
    way: tuple[int, int],
) -> None:
    """Every way to a page: the list's index walked (estimated many), the matches sorted
    (estimated few), and the walk after too many matches to sort."""
    store, releases, states = synthetic
    query = parse_query(text, today=TODAY)
    hits = scan(query, releases, states["reader"])
    order = SortOrder("date", descending)
    expected = hits if descending else hits[::-1]
    kept = store_module.WALK_FROM, store_module.SORT_UP_TO
    store_module.WALK_FROM, store_module.SORT_UP_TO = way
    try:
        page = store.page(query, order, user="reader", limit=limit, offset=offset)
    finally:
        store_module.WALK_FROM, store_module.SORT_UP_TO = kept
    assert page == expected[offset : offset + limit], text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archive_query(_SYNTHETIC_FOR_STRATEGY), st.integers(0, 150))
def test_a_count_is_exact_up_to_the_bound_and_never_says_about_below_it(
    synthetic: Loaded, text: str, bound: int
) -> None:
    store, releases, states = synthetic
    query = parse_query(text, today=TODAY)
    truth = len(scan(query, releases, states["reader"]))
    count, exact = store.count_estimate(query, user="reader", exact_up_to=bound)
    assert exact == (truth <= bound), text
    if exact:
        assert count == truth
    else:
        # A small archive is its own sample: the estimate is the count.
        assert count == max(truth, bound + 1)


def test_big_results_are_estimated_on_the_sample(
    server: pg_server.Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a sample of a fifth of the archive: estimates near the truth, and said to be."""
    releases = list(generate(1500, seed=5))
    with _load(server, releases, {"reader": {}}) as (store, stored, _states):
        store._conn.execute("ANALYZE pressroom.releases")
        monkeypatch.setattr(store_module, "SAMPLE_ROWS", 300)
        monkeypatch.setattr(store_module, "COUNT_SAMPLE_ROWS", 300)
        share = store._sample_share()
        assert 0 < share < SAMPLE_SPAN
        in_sample = sum(1 for r in stored if sample_of(r.id) < share)
        assert 200 < in_sample < 400
        for text in ("", "the", "community", "date:2010..2020", "-is:read"):
            query = parse_query(text, today=TODAY)
            truth = len(scan(query, stored, {}))
            count, exact = store.count_estimate(query, user="reader", exact_up_to=100)
            assert not exact and count > 100
            assert abs(count - truth) <= 0.25 * truth, (text, count, truth)
            months, months_exact = store.months_estimate(query, exact_up_to=100)
            assert not months_exact
            assert abs(sum(n for _m, n in months) - truth) <= 0.25 * truth
            facets, facets_exact = store.facets_estimate(query, exact_up_to=100)
            assert not facets_exact
            assert abs(sum(n for _y, n in facets.years) - truth) <= 0.25 * truth
        # A small result is still counted exactly, with an exact timeline and facets.
        query = parse_query("zanculcheel OR date:2011-03", today=TODAY)
        assert store.count_estimate(query, exact_up_to=100) == (store.count(query), True)
        assert store.months_estimate(query, exact_up_to=100) == (store.months(query), True)
        assert store.facets_estimate(query, exact_up_to=100) == (store.facets(query), True)


@pytest.mark.parametrize("text", ["", "sahel", "date:2021", "-is:starred", "the", "zzzz", "tag:s"])
def test_exact_timeline_and_facets_estimates_are_the_exact_ones(loaded: Loaded, text: str) -> None:
    store = loaded[0]
    query = parse_query(text, today=TODAY)
    assert store.months_estimate(query, user="user1") == (store.months(query, user="user1"), True)
    facets = store.facets(query, limit=5, user="user1")
    assert store.facets_estimate(query, limit=5, user="user1") == (facets, True)


def test_a_result_surely_big_is_estimated_without_counting_to_the_bound(
    server: pg_server.Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The planner's estimate and the sample agree that a result is big: no count up to
    the bound (the bitmap of every match); one that turns out small is counted exactly."""
    releases = list(generate(1500, seed=5))
    with _load(server, releases, {"reader": {}}) as (store, stored, _states):
        store._conn.execute("ANALYZE pressroom.releases")
        monkeypatch.setattr(store_module, "COUNT_SAMPLE_ROWS", 300)
        bounded: list[int | None] = []
        original = store._bounded_count

        def spy(condition: object, bound: int | None) -> int:
            bounded.append(bound)
            return original(condition, bound)  # type: ignore[arg-type]

        monkeypatch.setattr(store, "_bounded_count", spy)
        for text in ("", "c", "the", "t"):
            query = parse_query(text, today=TODAY)
            truth = len(scan(query, stored, {}))
            bounded.clear()
            count, exact = store.count_estimate(query, user="reader", exact_up_to=20)
            assert not exact and abs(count - truth) <= 0.25 * truth, (text, count, truth)
            assert bounded == [], text
        # Few: counted, exactly.
        query = parse_query("zanculcheel", today=TODAY)
        assert store.count_estimate(query, exact_up_to=20) == (store.count(query), True)


def test_the_planned_part_leaves_out_short_prefixes_only() -> None:
    from store.pg.query_sql import planned_part

    def texts(text: str) -> list[list[str]]:
        return [[t.needle for t in clause] for clause in planned_part(parse_query(text)).clauses]

    assert texts("c") == []
    assert texts("climate cl") == [[" climate "]]
    assert texts("water OR c") == []
    assert len(texts("-c water")) == 2  # a negated prefix narrows: kept
    assert len(texts("date:2020 w")) == 1
