"""PostgresStore on a real throwaway server: outcomes, concurrent importers, each user's marks.

The outcome tests are those of tests/test_release_store.py, run against
PostgreSQL; skipped (saying why) where no PostgreSQL server can be started.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import pg_server

pg_server.require()

import psycopg  # noqa: E402

from store.disk.catalogue import archive_order  # noqa: E402
from store.disk.release_store import ReleaseState  # noqa: E402
from store.errors import NewerSchemaError, StoreError  # noqa: E402
from store.pg import store as store_module  # noqa: E402
from store.pg.columns import WORDS_BUDGET  # noqa: E402
from store.pg.schema import CHANGES_CHANNEL  # noqa: E402
from store.pg.store import PostgresStore, saved_searches_of  # noqa: E402
from store.records import Release, Source  # noqa: E402
from store.saved_searches import SavedSearches  # noqa: E402
from store.search.query import parse_query  # noqa: E402
from tests.helpers.synthetic_releases import (  # noqa: E402
    international_release,
    synthetic_release,
)

OpenStore = Callable[..., PostgresStore]


@pytest.fixture
def open_store(dsn: str) -> Iterator[OpenStore]:
    """Opens the test's database anew each call (a new connection: nothing cached)."""
    opened: list[PostgresStore] = []

    def reopen(user: str = "alice") -> PostgresStore:
        opened.append(PostgresStore(dsn, user=user))
        return opened[-1]

    yield reopen
    for store in opened:
        store.close()


def in_archive_order(releases: list[Release]) -> list[Release]:
    return sorted(releases, key=lambda r: (archive_order(r.date, r.title), r.id))


def test_releases_round_trip_exactly(open_store: OpenStore) -> None:
    releases = [synthetic_release(n) for n in range(20)] + [international_release()]
    assert open_store().add_batch(releases) == ["imported"] * 21
    store = open_store()
    assert len(store) == 21
    for release in releases:
        stored = store.get(release.id)
        assert stored == release
        assert stored is not None and stored.fingerprint == release.fingerprint
        assert release.id in store
    assert list(store.releases()) == in_archive_order(releases)
    assert store.fingerprints() == {r.fingerprint for r in releases}
    assert store.get_many([releases[3].id, "0" * 16, releases[1].id]) == [releases[3], releases[1]]
    assert store.get("0" * 16) is None and store.get("XYZ") is None and "XYZ" not in store


def test_title_source_round_trips(open_store: OpenStore) -> None:
    sources = ("text", "format", "first line", None)
    releases = [synthetic_release(n).with_changes(title_source=s) for n, s in enumerate(sources)]
    open_store().add_batch(releases)
    store = open_store()
    assert [store.get(r.id) for r in releases] == releases
    assert [r.title_source for r in store.get_many([r.id for r in releases])] == list(sources)


def test_releases_are_streamed_in_pages_in_archive_order(
    open_store: OpenStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "PAGE", 7)
    releases = [synthetic_release(n) for n in range(40)]
    # Undated releases and equal dates and titles: the keyset must page through ties.
    releases += [synthetic_release(n, tag="u").with_changes(date=None) for n in range(9)]
    releases += [
        synthetic_release(n, tag="t").with_changes(date="2020-01-01", title="Same")
        for n in range(9)
    ]
    store = open_store()
    store.add_batch(releases)
    assert list(store.releases()) == in_archive_order(releases)


def test_outcomes_imported_updated_known(open_store: OpenStore) -> None:
    store = open_store()
    original = synthetic_release(1)
    assert store.add_batch([original]) == ["imported"]
    assert store.add_batch([original]) == ["known"]
    edited = synthetic_release(1, edit=1)
    assert edited.id == original.id and edited.fingerprint != original.fingerprint
    assert store.add_batch([edited]) == ["updated"]
    assert store.get(original.id) == edited
    assert len(store) == 1
    # The same text found under another path (a copied file) is already known.
    copy = edited.with_changes(id="00000000000000aa")
    assert copy.fingerprint == edited.fingerprint
    assert store.add_batch([copy]) == ["known"]
    assert copy.id not in store
    # The text before the edit is no longer stored: under another path, it is new.
    assert store.add_batch([original.with_changes(id="00000000000000ab")]) == ["imported"]
    assert store.id_of_fingerprint(original.fingerprint) == "00000000000000ab"


def test_outcomes_within_one_batch(open_store: OpenStore) -> None:
    store = open_store()
    first, edited, copy = (
        synthetic_release(5),
        synthetic_release(5, edit=2),
        synthetic_release(5).with_changes(id="00000000000000bb"),
    )
    assert store.add_batch([first, first, copy, edited]) == [
        "imported",
        "known",
        "known",
        "updated",
    ]
    reopened = open_store()
    assert len(reopened) == 1
    assert reopened.get(first.id) == edited
    assert reopened.add_batch([edited.with_changes(id="00000000000000cc")]) == ["known"]


def test_an_update_frees_its_old_text_within_the_batch(open_store: OpenStore) -> None:
    """The fingerprint handed from an updated release to a new one in the same batch: the
    unique constraint is checked at commit, not row by row."""
    store = open_store()
    original = synthetic_release(8)
    store.add_batch([original])
    moved = original.with_changes(id="00000000000000dd")
    assert store.add_batch([synthetic_release(8, edit=1), moved]) == ["updated", "imported"]
    assert len(store) == 2
    assert store.get("00000000000000dd") == moved


def test_an_id_from_another_source_is_a_conflict(open_store: OpenStore) -> None:
    store = open_store()
    original = synthetic_release(2)
    store.add_batch([original])
    claim = synthetic_release(2, edit=9).with_changes(source=Source("/elsewhere/x.json", "json"))
    assert store.add_batch([claim]) == ["conflict"]
    assert store.get(original.id) == original


def test_state_persists_and_survives_an_update(open_store: OpenStore) -> None:
    store = open_store()
    a, b, c = (synthetic_release(n) for n in range(3))
    store.add_batch([a, b, c])
    assert store.state(a.id) == ReleaseState()
    store.set_read([a.id, b.id])
    store.set_starred([b.id])
    store.set_read([b.id], read=False)
    store.set_read(["not-an-id"])  # malformed ids are ignored
    reopened = open_store()
    assert reopened.state(a.id) == ReleaseState(read=True, starred=False)
    assert reopened.state(b.id) == ReleaseState(read=False, starred=True)
    assert reopened.state(c.id) == ReleaseState()
    assert "not-an-id" not in reopened.states()
    assert reopened.add_batch([synthetic_release(1, edit=3)]) == ["updated"]
    assert open_store().state(b.id) == ReleaseState(read=False, starred=True)


def test_each_users_marks_and_tags_are_their_own(open_store: OpenStore) -> None:
    alice, bob = open_store("alice"), open_store("bob")
    a, b = synthetic_release(1), synthetic_release(2)
    alice.add_batch([a, b])
    alice.set_starred([a.id])
    alice.set_read([a.id, b.id])
    bob.set_starred([b.id])
    alice.change_tags({a.id: {"climate": "Climate"}})
    bob.change_tags({a.id: {"budget": "Budget"}, b.id: {"climate": "climate"}})
    assert dict(alice.states()) == {
        a.id: ReleaseState(read=True, starred=True, tags=("Climate",)),
        b.id: ReleaseState(read=True),
    }
    assert dict(bob.states()) == {
        a.id: ReleaseState(tags=("Budget",)),
        b.id: ReleaseState(starred=True, tags=("climate",)),
    }
    assert alice.states(user="bob") == bob.states()
    # Searches read the marks of whoever searches.
    assert alice.search(parse_query("is:starred")) == [a.id]
    assert bob.search(parse_query("is:starred")) == [b.id]
    assert alice.search(parse_query("is:unread")) == []
    assert set(bob.search(parse_query("is:unread"))) == {a.id, b.id}
    assert alice.search(parse_query("tag:budget")) == []
    assert bob.search(parse_query("tag:budget")) == [a.id]
    # Removing a tag, merging marks from elsewhere: nothing set is undone, tags united.
    alice.change_tags({a.id: {"climate": None}})
    alice.merge_states(
        {a.id: ReleaseState(read=False, tags=("Sahel",)), b.id: ReleaseState(starred=True)}
    )
    assert alice.state(a.id) == ReleaseState(read=True, starred=True, tags=("Sahel",))
    assert alice.state(b.id) == ReleaseState(read=True, starred=True)
    assert bob.state(a.id) == ReleaseState(tags=("Budget",))


def test_malformed_ids_are_refused_before_anything_is_written(open_store: OpenStore) -> None:
    store = open_store()
    with pytest.raises(ValueError):
        store.add_batch([synthetic_release(1), synthetic_release(2).with_changes(id="XYZ")])
    assert len(open_store()) == 0


def test_an_empty_batch_changes_nothing(open_store: OpenStore) -> None:
    store = open_store()
    assert store.add_batch([]) == []
    assert len(store) == 0


def test_two_importers_at_once_store_each_release_once(dsn: str) -> None:
    """Two importers with their own connections, overlapping batches, started together."""
    first = [synthetic_release(n, body_size=300) for n in range(0, 600)]
    second = [synthetic_release(n, body_size=300) for n in range(300, 900)]
    start = threading.Barrier(2, timeout=60)
    outcomes: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def importer(name: str, releases: list[Release]) -> None:
        try:
            with PostgresStore(dsn, user=name) as store:
                start.wait()
                got: list[str] = []
                for begin in range(0, len(releases), 50):
                    got += store.add_batch(releases[begin : begin + 50])
                outcomes[name] = got
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [
        threading.Thread(target=importer, args=("one", first)),
        threading.Thread(target=importer, args=("two", second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    with PostgresStore(dsn) as store:
        assert len(store) == 900
        assert {r.id for r in store.releases()} == {r.id for r in first + second}
    # Each of the 300 shared releases was imported by exactly one of them.
    by_id: dict[str, list[str]] = {}
    for name, releases in (("one", first), ("two", second)):
        for release, outcome in zip(releases, outcomes[name], strict=True):
            by_id.setdefault(release.id, []).append(outcome)
    assert all(sorted(found) in (["imported"], ["imported", "known"]) for found in by_id.values())
    assert sum(found.count("imported") for found in by_id.values()) == 900


def test_an_import_is_announced_to_listeners(dsn: str, open_store: OpenStore) -> None:
    store = open_store()
    with psycopg.connect(dsn, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        store.add_batch([synthetic_release(1)])
        store.set_starred([synthetic_release(1).id])
        heard = [n.payload for n in listener.notifies(timeout=5, stop_after=2)]
    # A mark names its user, so that other users' browsers can let it pass.
    assert heard == ["releases", "marks:alice"]


def test_a_browser_hears_another_desks_import_within_a_second(open_store: OpenStore) -> None:
    importer, alice, bob = open_store("carol"), open_store("alice"), open_store("bob")
    with alice.listen() as heard_by_alice, bob.listen() as heard_by_bob:
        assert heard_by_alice.wait(0.05) == set()
        begun = time.monotonic()
        importer.add_batch([synthetic_release(1)])
        assert heard_by_bob.wait(5) == {"releases"}
        assert time.monotonic() - begun < 1.0
        assert heard_by_alice.wait(5) == {"releases"}
        # Marks: alice's own (from another desk) are heard, bob's are not, by alice.
        open_store("alice").set_starred([synthetic_release(1).id])
        bob.set_read([synthetic_release(1).id])
        assert heard_by_alice.wait(5) == {"marks"}
        assert heard_by_alice.wait(0.2) == set()
        assert heard_by_bob.wait(5) == {"marks"}
        # Several notices at once come as one answer.
        importer.add_batch([synthetic_release(2)])
        alice.write_saved(SavedSearches())
        time.sleep(0.2)
        assert heard_by_alice.wait(5) == {"releases", "saved"}


def test_a_closed_listener_says_so_in_one_line(open_store: OpenStore) -> None:
    listener = open_store().listen()
    listener.close()
    with pytest.raises(StoreError):
        listener.wait(0.1)


def test_saved_searches_are_each_users_own(open_store: OpenStore, dsn: str) -> None:
    alice, bob = open_store("alice"), open_store("bob")
    assert len(alice.load_saved()) == 0
    searches = SavedSearches()
    searches.save("Sahel", "sahel ", ["00000000000000aa", "00000000000000bb"], "2026-01-02T03:04")
    searches.save("Budget", 'org:"world bank" date:2021', [], "2026-01-03T00:00")
    alice.write_saved(searches)
    again = open_store("alice").load_saved()
    assert again.to_json() == searches.to_json() and again.names() == ["Sahel", "Budget"]
    assert len(bob.load_saved()) == 0 and bob.load_saved(user="alice").names() == again.names()
    searches.delete("Sahel")
    alice.write_saved(searches)
    assert alice.load_saved().names() == ["Budget"]
    # A payload written by something else: what is understood is kept, the rest left out.
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            "UPDATE pressroom.saved_searches SET payload = %s::jsonb WHERE user_name = 'alice'",
            ['{"searches": [7, {"name": "Ok", "query": "x", "seen": ["zz", "ab"]}, {"name": 1}]}'],
        )
    loaded = alice.load_saved()
    assert [(s.name, s.query, s.seen) for s in loaded] == [("Ok", "x", frozenset({"ab"}))]
    assert len(saved_searches_of([1, 2])) == 0 and len(saved_searches_of(None)) == 0


def test_a_release_with_text_postgresql_cannot_hold_is_stored_cleaned(
    open_store: OpenStore,
) -> None:
    store = open_store()
    release = synthetic_release(1).with_changes(title="Nul\x00here \ud800 too")
    assert store.add_batch([release]) == ["imported"]
    stored = store.get(release.id)
    assert stored is not None and stored.title == "Nulhere \ufffd too"
    assert stored.fingerprint == release.fingerprint


def test_a_release_too_big_for_a_tsvector_is_still_found_exactly(
    open_store: OpenStore, dsn: str
) -> None:
    # Distinct tokens worth more than a tsvector holds, and one token longer than a lexeme.
    words = [f"w{n:07d}" for n in range(WORDS_BUDGET // 12)]
    long_word = "x" * 700
    huge = synthetic_release(1).with_changes(body=" ".join(words) + " tail end " + long_word)
    small = synthetic_release(2).with_changes(body="x" * 600 + " w0000003 tail")
    store = open_store()
    store.add_batch([huge, small])
    with psycopg.connect(dsn) as conn:
        complete = dict(conn.execute("SELECT id, words_complete FROM pressroom.releases"))
    assert complete == {huge.id: False, small.id: True}
    assert set(store.search(parse_query("w0000003 "))) == {huge.id, small.id}
    assert store.search(parse_query('"tail end"')) == [huge.id]
    assert store.search(parse_query("w000000")) != []
    assert store.search(parse_query(long_word + " ")) == [huge.id]
    assert set(store.search(parse_query("x" * 550))) == {huge.id, small.id}
    assert store.search(parse_query("x" * 650 + " ")) == []


def test_a_newer_schema_is_refused_in_one_line(open_store: OpenStore, dsn: str) -> None:
    open_store().close()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("UPDATE pressroom.meta SET schema_version = 99")
    with pytest.raises(NewerSchemaError) as raised:
        PostgresStore(dsn)
    message = str(raised.value)
    assert "newer Pressroom" in message and "\n" not in message and "schema 99" in message


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as raised:
        PostgresStore("postgresql://someone:s3cret@127.0.0.1:1/archive?connect_timeout=2")
    message = str(raised.value)
    assert "\n" not in message and "s3cret" not in message
    assert "archive on 127.0.0.1:1" in message


def test_two_stores_opening_an_empty_database_at_once(dsn: str) -> None:
    opened: list[PostgresStore] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3, timeout=60)

    def open_one() -> None:
        start.wait()
        try:
            opened.append(PostgresStore(dsn))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in opened:
        store.close()
    assert not errors and len(opened) == 3


def test_the_stored_token_text_is_the_scans() -> None:
    from store.pg.columns import release_row
    from store.search.query import release_token_string
    from tests.test_search_index import PHRASED, TRICKY

    for release in [*TRICKY, *PHRASED, international_release()]:
        assert release_row(release).token_text == release_token_string(release)


def test_lexemes_are_written_verbatim(dsn: str, open_store: OpenStore) -> None:
    """The tsvector's input form quotes each lexeme: quotes, backslashes, operators and
    case come back as they went in (tokens never hold them today; the form must not care)."""
    from store.pg.columns import tsvector_text

    words = sorted(["o'k", "a\\b", "Caps", "x:1A", "&|!", "東", "''"])
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT tsvector_to_array(%s::tsvector)", [tsvector_text(words)])
        assert sorted(row.fetchone()[0]) == words  # type: ignore[index]


# Words as the tokeniser makes them from text of many scripts: accents, CJK, Hangul, Greek,
# letters past U+FFFF, digits, and words that are prefixes of one another.
_WORDISH = st.lists(
    st.text(
        alphabet=st.characters(
            min_codepoint=0x30, max_codepoint=0x2FFFF, blacklist_categories=("Cs", "Cc")
        ),
        max_size=12,
    ),
    max_size=60,
).map(" ".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_WORDISH, min_size=1, max_size=4))
def test_lexemes_go_in_the_order_the_server_keeps(dsn: str, fields: list[str]) -> None:
    """A row's lexemes are sent in the tsvector's own order (byte-wise), so that the server's
    input finds them sorted and need not sort them (a third of a bulk load's COPY): what
    the server keeps is exactly the list, in the list's order."""
    from store.pg.columns import lexemes, tsvector_text
    from store.pg.copy_rows import COPY_HEADER, COPY_TRAILER, _tsvector
    from store.search.tokens import text_tokens

    words, complete = lexemes([text_tokens(field) for field in fields])
    assert complete
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SELECT tsvector_to_array(%s::tsvector)", [tsvector_text(words)])
        assert row.fetchone()[0] == words  # type: ignore[index]
        # The binary form, as an import's COPY sends it: the same lexemes, the same order.
        conn.execute("CREATE TEMPORARY TABLE IF NOT EXISTS sent (words tsvector)")
        conn.execute("TRUNCATE sent")
        with conn.cursor() as cursor, cursor.copy("COPY sent FROM STDIN (FORMAT binary)") as copy:
            copy.write(COPY_HEADER + b"\x00\x01" + _tsvector(words) + COPY_TRAILER)
        row = conn.execute("SELECT tsvector_to_array(words) FROM sent")
        assert row.fetchone()[0] == words  # type: ignore[index]


def test_an_archive_is_copied_to_postgresql_and_back_with_its_marks(
    open_store: OpenStore, tmp_path: Path
) -> None:
    from store.disk.release_store import ReleaseStore
    from store.pg.copy import copy_archive

    releases = [synthetic_release(n) for n in range(30)] + [international_release()]
    marks = {
        releases[0].id: ReleaseState(read=True),
        releases[1].id: ReleaseState(starred=True, tags=("Climate", "Öl")),
        releases[2].id: ReleaseState(read=True, starred=True, tags=("budget",)),
    }
    with ReleaseStore(tmp_path / "a.json") as tinydb:
        tinydb.add_batch(releases)
        tinydb.merge_states(marks)
        team = open_store("carol")
        team.set_starred([releases[3].id])  # carol's own mark, kept
        summary = copy_archive(tinydb, team)
        assert summary.outcomes == {"imported": 31} and summary.marks == 3
        assert copy_archive(tinydb, team).outcomes == {"known": 31}
    assert {r.id: r for r in team.releases()} == {r.id: r for r in releases}
    assert dict(team.states()) == {**marks, releases[3].id: ReleaseState(starred=True)}
    assert open_store("dave").states() == {}
    with ReleaseStore(tmp_path / "b.json") as back:
        assert copy_archive(team, back).outcomes == {"imported": 31}
    with ReleaseStore(tmp_path / "b.json") as reopened:
        assert {r.id: r for r in reopened.releases()} == {r.id: r for r in releases}
        assert dict(reopened.states()) == dict(team.states())


# Measuring at scale (import rate, keystrokes at a million): tests/benchmarks/pg_scale.py.
