"""Bulk import into PostgreSQL: rows made in the parse workers, known releases not sent.

On a real throwaway server; skipped (saying why) where no PostgreSQL server can be started.
"""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest

from tests.helpers import pg_server

pg_server.require()

import psycopg  # noqa: E402

from store.disk.release_store import ReleaseStore  # noqa: E402
from store.ingest.build import parse_sources  # noqa: E402
from store.ingest.discover import discover  # noqa: E402
from store.ingest.run import ImportSummary, import_paths  # noqa: E402
from store.pg import bulk  # noqa: E402
from store.pg.archive import SharedStore  # noqa: E402
from store.pg.columns import ROW_COLUMNS, release_row, stored_form  # noqa: E402
from store.pg.copy import copy_archive  # noqa: E402
from store.pg.copy_rows import prepared  # noqa: E402
from store.pg.schema import GIN_INDEXES  # noqa: E402
from store.pg.store import PostgresStore  # noqa: E402
from store.records import Contact, Person, Release, Source, digest  # noqa: E402
from store.search.query import parse_query  # noqa: E402
from tests.helpers.synthetic_releases import (  # noqa: E402
    international_release,
    synthetic_release,
)


def awkward_release() -> Release:
    """Every character COPY's text format, arrays or tsvectors treat specially."""
    odd = "tab\there, line\nbreak, cr\rback\\slash, \"quoted\", {brace}, comma, 'quote' NULL \\N"
    return Release(
        id=digest("awkward"),
        title=f"Awkward {odd}",
        body=f"{odd}\n\n{odd} and more words, some C:\\path\\name and \\x00ff",
        source=Source('/archive/odd\tname\\with "quotes".md', "md"),
        kicker=None,
        date=None,
        location=None,
        organisations=(odd, "NULL", "", "{a,b}", "back\\slash"),
        people=(Person(odd, None),),
        contacts=(Contact(name="Zoë", email="z@x.org", phone="+1 (555) 000\t1111"),),
        language=None,
        tags=('"tag"', "back\\tag", "NULL", "a,b"),
    )


def stored_rows(dsn: str) -> dict[str, tuple[object, ...]]:
    columns = ", ".join(ROW_COLUMNS)
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(f"SELECT {columns} FROM pressroom.releases").fetchall()
    return {str(row[0]): tuple(row) for row in rows}


def test_copy_tuples_store_what_psycopg_stores(dsn: str, server: pg_server.Server) -> None:
    """The worker's binary COPY tuples give the very rows psycopg's own text formatting gives."""
    releases = [awkward_release(), international_release(), synthetic_release(7)]
    with PostgresStore(dsn) as store:
        assert store.add_rows([prepared(release) for release in releases]) == ["imported"] * 3
    ours = stored_rows(dsn)
    with pg_server.database(server) as other:
        PostgresStore(other).close()  # the schema
        with psycopg.connect(other) as conn, conn.cursor() as cursor:
            names = ", ".join(ROW_COLUMNS)
            with cursor.copy(f"COPY pressroom.releases ({names}) FROM STDIN") as copy:
                for release in releases:
                    clean, document = stored_form(release)
                    copy.write_row(release_row(clean, document).values())
        theirs = stored_rows(other)
    assert ours == theirs
    with PostgresStore(dsn) as store:
        assert store.get(awkward_release().id) == awkward_release()


def write_jsonl(path: Path, releases: list[Release], *, broken_line: bool = False) -> None:
    lines = [orjson.dumps(release.to_json()) for release in releases]
    if broken_line:
        lines.insert(len(lines) // 2, b'{"title": "no end')
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_import_stores_every_release_and_a_second_is_all_known(
    dsn: str, tmp_path: Path, workers: int
) -> None:
    releases = [synthetic_release(n, body_size=300) for n in range(700)] + [awkward_release()]
    source = tmp_path / "releases.jsonl"
    write_jsonl(source, releases, broken_line=True)
    with SharedStore(dsn) as store:
        summary = import_paths(store, [str(source)], workers=workers)
    assert (summary.imported, summary.known, summary.updated) == (701, 0, 0)
    # The broken line is one error, with its line number; every other line landed.
    assert len(summary.failed) == 1 and "line 351" in summary.failed[0][1]
    # Stored as read (the import cleans text as it reads it: pressroom parse shows how).
    read = [r for result in parse_sources(discover([str(source)])) for r in result.releases]
    with PostgresStore(dsn) as store:
        assert sorted(store.releases(), key=lambda r: r.id) == sorted(read, key=lambda r: r.id)
    (tmp_path / "again.jsonl").write_bytes(source.read_bytes())
    with SharedStore(dsn) as store:
        again = import_paths(store, [str(tmp_path / "again.jsonl")], workers=workers)
        assert (again.imported, again.known, again.updated) == (0, 701, 0)
        assert len(store) == 701


def test_known_releases_are_not_sent(dsn: str) -> None:
    releases = [synthetic_release(n) for n in range(5)]
    with PostgresStore(dsn) as store:
        store.add_batch(releases[:3])
        known = store.fingerprints()
        assert store.add_rows([prepared(r) for r in releases], known=known) == [
            *["known"] * 3,
            *["imported"] * 2,
        ]
        assert {r.fingerprint for r in releases} <= known
        # With its connection gone, a batch it knows whole is still answered: nothing
        # of it goes to the server.
        store._conn.close()
        assert store.add_rows([prepared(r) for r in releases], known=known) == ["known"] * 5


def test_a_fingerprint_freed_in_the_batch_is_not_taken_for_known(dsn: str) -> None:
    """A file's new version (same id) beside a copy of its old text under another id:
    the old text is stored again under the copy's id, as add_batch does."""
    old = synthetic_release(1)
    new = synthetic_release(1, edit=1)
    copy = old.with_changes(id=digest("copy"), source=Source("/elsewhere/1.md", "md"))
    with PostgresStore(dsn) as store:
        store.add_batch([old])
        known = store.fingerprints()
        outcomes = store.add_rows([prepared(new), prepared(copy)], known=known)
        assert outcomes == ["updated", "imported"]
        assert {r.id for r in store.releases()} == {old.id, copy.id}
        assert known == {new.fingerprint, copy.fingerprint}


def test_two_imports_at_once_store_each_release_once(dsn: str, tmp_path: Path) -> None:
    """Two imports of overlapping files, started together, rows made by their workers."""
    first = [synthetic_release(n, body_size=300) for n in range(0, 2400)]
    second = [synthetic_release(n, body_size=300) for n in range(1200, 3600)]
    write_jsonl(tmp_path / "first.jsonl", first)
    write_jsonl(tmp_path / "second.jsonl", second)
    start = threading.Barrier(2, timeout=60)
    summaries = {}
    errors: list[BaseException] = []

    def importer(name: str) -> None:
        try:
            with SharedStore(dsn, user=name) as store:
                start.wait()
                summaries[name] = import_paths(store, [str(tmp_path / f"{name}.jsonl")], workers=2)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=importer, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    with PostgresStore(dsn) as store:
        assert len(store) == 3600
    assert sum(s.imported for s in summaries.values()) == 3600
    assert sum(s.known for s in summaries.values()) == 1200


def pending_pages(dsn: str) -> dict[str, int]:
    """The pending-list pages of each GIN index of the releases (pgstattuple)."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        rows = conn.execute(
            "SELECT c.relname, (pgstatginindex(c.oid)).pending_pages FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
            " WHERE i.indrelid = 'pressroom.releases'::regclass AND a.amname = 'gin'"
        ).fetchall()
    return {str(name): int(pages) for name, pages in rows}


def test_an_import_leaves_no_pending_gin_entries(dsn: str, tmp_path: Path) -> None:
    # Words of their own (a shared vocabulary would make few pending entries).
    releases = [
        synthetic_release(n).with_changes(body=" ".join(f"programme w{n}x{i}" for i in range(300)))
        for n in range(2500)
    ]
    with PostgresStore(dsn) as store:
        store.add_rows([prepared(release) for release in releases[:1500]])
    # A batch leaves its entries pending (fastupdate); its pending list grew past the
    # 4 MB the server would have merged at, up to the import's 16 MB.
    before = pending_pages(dsn)
    assert len(before) == len(GIN_INDEXES) and before["releases_words"] * 8192 > 4 << 20
    write_jsonl(tmp_path / "more.jsonl", releases[1500:])
    with SharedStore(dsn) as store:
        assert import_paths(store, [str(tmp_path / "more.jsonl")], workers=1).imported == 1000
    # The import's end merged every pending list into its index.
    assert set(pending_pages(dsn).values()) == {0}
    with PostgresStore(dsn) as store:
        assert store.count(parse_query("programme")) == 2500


def gin_indexes(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        return sorted(set(GIN_INDEXES) - set(bulk.missing(conn)))


def test_a_first_import_builds_the_gin_indexes_once_at_its_end(dsn: str, tmp_path: Path) -> None:
    releases = [synthetic_release(n, body_size=300) for n in range(4500)]
    write_jsonl(tmp_path / "first.jsonl", releases[:3000])
    write_jsonl(tmp_path / "more.jsonl", releases[3000:])
    seen: list[list[str]] = []

    def look(_summary: object) -> None:
        seen.append(gin_indexes(dsn))

    with SharedStore(dsn) as store:
        summary = import_paths(store, [str(tmp_path / "first.jsonl")], workers=1, progress=look)
    assert summary.imported == 3000
    # Into the empty archive: without them while it loaded, every one there at its end.
    assert [] in seen[1:-1]
    assert gin_indexes(dsn) == sorted(GIN_INDEXES)
    seen.clear()
    with SharedStore(dsn) as store:
        assert import_paths(store, [str(tmp_path / "more.jsonl")], workers=1, progress=look)
    # Into an archive holding releases: the indexes kept row by row, never dropped.
    assert all(names == sorted(GIN_INDEXES) for names in seen)
    with PostgresStore(dsn) as store:
        assert store.count(parse_query("org:agency")) == 4500
        assert store.count(parse_query("programme 4499")) == 1


def test_an_import_that_fails_leaves_the_indexes_built(dsn: str, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "first.jsonl", [synthetic_release(n) for n in range(2500)])

    def fail(summary: ImportSummary) -> None:
        if summary.imported:
            raise KeyboardInterrupt

    with SharedStore(dsn) as store, pytest.raises(KeyboardInterrupt):
        import_paths(store, [str(tmp_path / "first.jsonl")], workers=1, progress=fail)
    assert gin_indexes(dsn) == sorted(GIN_INDEXES)
    with PostgresStore(dsn) as store:
        written = len(store)
        assert 0 < written < 2500  # the batch that was written stays
        assert store.count(parse_query("programme")) == written


def test_a_bulk_load_killed_half_way_has_its_indexes_built_by_the_next_open(dsn: str) -> None:
    loader = PostgresStore(dsn)
    loader.begin_import()
    assert loader.add_rows([prepared(synthetic_release(n)) for n in range(50)]) == ["imported"] * 50
    # Another Pressroom opening meanwhile leaves them to the live loader (it holds the lock).
    with PostgresStore(dsn):
        assert gin_indexes(dsn) == []
    loader.close()  # as if killed: no settle, its connection (and lock) gone
    with PostgresStore(dsn) as store:
        assert gin_indexes(dsn) == sorted(GIN_INDEXES)
        assert store.count(parse_query("programme")) == 50


def drop_gin_indexes(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for name in GIN_INDEXES:
            conn.execute(f"DROP INDEX pressroom.{name}")


def test_the_indexes_are_built_on_two_connections_or_on_one_when_no_second(dsn: str) -> None:
    with PostgresStore(dsn) as store:
        store.add_batch([synthetic_release(n, body_size=200) for n in range(300)])
    drop_gin_indexes(dsn)
    with psycopg.connect(dsn, autocommit=True) as conn:
        bulk.build(conn, dsn)  # the words index on a second connection, beside the others
        assert bulk.missing(conn) == []
    drop_gin_indexes(dsn)
    # A second connection refused (here: no such database): all built on the first.
    unreachable = psycopg.conninfo.make_conninfo(dsn, dbname="no_such_database")
    with psycopg.connect(dsn, autocommit=True) as conn:
        bulk.build(conn, unreachable)
        assert bulk.missing(conn) == []
    with PostgresStore(dsn) as store:
        assert store.count(parse_query("programme")) == 300
        assert store.count(parse_query("org:agency")) == 300


def test_an_interrupted_build_stops_both_connections_and_the_next_open_builds_them(
    dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresStore(dsn) as store:
        store.add_batch([synthetic_release(n, body_size=200) for n in range(300)])
    drop_gin_indexes(dsn)
    create = bulk.create
    with psycopg.connect(dsn, autocommit=True) as conn:

        def interrupted(on: psycopg.Connection[tuple[object, ...]], names: list[str]) -> None:
            if on is conn:  # the first connection is interrupted before its first index
                raise KeyboardInterrupt
            create(on, names)

        monkeypatch.setattr(bulk, "create", interrupted)
        with pytest.raises(KeyboardInterrupt):
            bulk.build(conn, dsn)
        monkeypatch.setattr(bulk, "create", create)
        assert "releases_org_keys" in bulk.missing(conn)
    with PostgresStore(dsn) as store:
        assert gin_indexes(dsn) == sorted(GIN_INDEXES)
        assert store.count(parse_query("org:agency")) == 300


def test_a_second_importer_waits_for_a_bulk_load(dsn: str) -> None:
    loader = PostgresStore(dsn)
    loader.begin_import()
    loader.add_rows([prepared(synthetic_release(n)) for n in range(50)])
    events: list[str] = []

    def second() -> None:
        with PostgresStore(dsn, user="bob") as other:
            # Not a bulk load: it says it waits, waits, then finds releases.
            other.begin_import(lambda: events.append("second told it waits"))
            outcomes = other.add_batch([synthetic_release(n) for n in range(40, 60)])
            other.settle()
            events.append("second stored")
            assert outcomes == ["known"] * 10 + ["imported"] * 10

    thread = threading.Thread(target=second)
    thread.start()
    thread.join(timeout=1.0)  # gives it time to store, which it must not do yet
    events.append("bulk load ended")
    loader.settle()
    loader.close()
    thread.join()
    assert events == ["second told it waits", "bulk load ended", "second stored"]
    with PostgresStore(dsn) as store:
        assert len(store) == 60
        assert gin_indexes(dsn) == sorted(GIN_INDEXES)


def test_a_copy_into_an_empty_database_is_a_bulk_load(dsn: str, tmp_path: Path) -> None:
    releases = [synthetic_release(n, body_size=300) for n in range(2500)]
    with ReleaseStore(tmp_path / "releases.json") as source:
        source.add_batch(releases)
        seen: list[list[str]] = []
        with PostgresStore(dsn) as target:
            copy_archive(source, target, progress=lambda _done: seen.append(gin_indexes(dsn)))
    assert seen[0] == []  # after its first batch, the indexes not yet built
    assert gin_indexes(dsn) == sorted(GIN_INDEXES)
    with PostgresStore(dsn) as store:
        assert store.count(parse_query("programme")) == 2500


def test_an_import_waiting_for_a_bulk_load_says_so_in_one_line(dsn: str) -> None:
    """The progress line of ``pressroom import`` while another's first load holds the archive."""
    import io

    from rich.console import Console

    from store.ingest.run import ImportSummary
    from tui.cli.progress import ImportProgress

    out = io.StringIO()
    with ImportProgress(Console(file=out, width=100)) as bar:
        waiting = ImportSummary(waiting="waiting for another import's first load into this archive")
        bar.update(waiting)
        bar.update(waiting)  # said once
        bar.update(ImportSummary(files_total=3, files_done=1))
    assert out.getvalue() == "waiting for another import's first load into this archive ...\n"
    # With no other import under way nothing is said.
    told: list[str] = []
    with PostgresStore(dsn) as store:
        store.add_batch([synthetic_release(1)])
        store.begin_import(lambda: told.append("waits"))
        store.settle()
    assert told == []


def test_a_row_gives_back_its_whole_release() -> None:
    """A worker sends a release's stand-in with its row; the row's document is the rest."""
    from store.pg.copy_rows import release_of, stand_in

    for release in [awkward_release(), international_release(), synthetic_release(3)]:
        cleaned, row = prepared(release)
        assert release_of(row) == cleaned and release_of(row).fingerprint == cleaned.fingerprint
        kept = stand_in(cleaned)
        assert (kept.id, kept.fingerprint, kept.source) == (
            cleaned.id,
            cleaned.fingerprint,
            cleaned.source,
        )


@pytest.mark.parametrize("workers", [1, 2])
def test_an_id_claimed_from_another_source_is_kept_apart_whole(
    dsn: str, tmp_path: Path, workers: int
) -> None:
    """Releases come back from the workers as stand-ins with their rows: one kept apart
    under an id of its own (its id taken by another source's release) is stored whole."""
    taken = synthetic_release(1)
    with PostgresStore(dsn) as store:
        store.add_batch([taken])
    forged = Release(
        id=taken.id,
        title="Someone else's release",
        body="Entirely different text, with contacts and people.",
        source=Source("/elsewhere/other.txt", "txt"),
        people=(Person("Zoë Ray", "chair"),),
        contacts=(Contact(name="Press office", email="press@example.org"),),
        tags=("harbour",),
    )
    others = [synthetic_release(n, body_size=200) for n in range(2, 400)]
    source = tmp_path / "claims.jsonl"
    write_jsonl(source, [*others[:200], forged, *others[200:]])
    with SharedStore(dsn) as store:
        summary = import_paths(store, [str(source)], workers=workers)
    assert (summary.imported, summary.updated, summary.failed) == (399, 0, [])
    [(_where, notice)] = summary.notices
    with PostgresStore(dsn) as store:
        stored = {release.id: release for release in store.releases()}
    assert stored[taken.id] == taken
    [apart] = [r for r in stored.values() if r.title == forged.title]
    assert notice.endswith(apart.id)
    read = [r for result in parse_sources(discover([str(source)])) for r in result.releases]
    [expected] = [r for r in read if r.title == forged.title]
    assert apart == expected.with_changes(id=apart.id)
    assert (apart.body, apart.people, apart.contacts) == (
        forged.body,
        forged.people,
        forged.contacts,
    )
