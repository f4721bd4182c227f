"""The store seam: the browser and the command line on a team archive in PostgreSQL, as on a store file.

Everything here runs on a real throwaway server (tests.helpers.pg_server) and
is skipped, saying why, where none can be started.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.backend import ServerArchive, local_base, parse_location, redacted
from tests.helpers import pg_server

pg_server.require()

from store.archive import Archive, SortOrder  # noqa: E402
from store.disk.release_store import ReleaseState, ReleaseStore  # noqa: E402
from store.pg.archive import PostgresArchive  # noqa: E402
from store.pg.store import PostgresStore  # noqa: E402
from store.search.query import parse_query  # noqa: E402
from tests.helpers.app_session import browse, settle  # noqa: E402
from tests.helpers.browser_data import sample_releases, write_store  # noqa: E402
from tui.app import PressroomApp  # noqa: E402
from tui.cli.main import main  # noqa: E402
from tui.widgets.release_list import ReleaseList  # noqa: E402

WIDE = (140, 40)
QUERIES = (
    "",
    "flood",
    "harb",
    '"sea level"',
    "org:unesco",
    "date:2021",
    "-flood",
    "flood OR drought",
    "is:starred",
    "is:unread harbour",
)


@pytest.fixture
def filled(dsn: str) -> str:
    """A database holding the browser tests' releases."""
    with PostgresStore(dsn, user="alice") as store:
        store.add_batch(sample_releases())
    return dsn


def test_a_location_is_a_path_or_a_postgresql_address(tmp_path: Path) -> None:
    assert parse_location("~/press/releases.json") == Path.home() / "press/releases.json"
    assert parse_location("postgresql://ann@db/newsroom") == ServerArchive(
        "postgresql://ann@db/newsroom"
    )
    assert isinstance(parse_location("postgres://db/x"), ServerArchive)
    # The password never reaches a message or a file name.
    assert redacted("postgresql://ann:s3cret@db:5432/news") == "postgresql://ann:***@db:5432/news"
    assert "s3cret" not in str(ServerArchive("postgresql://db/news?password=s3cret&x=1"))
    base = local_base(ServerArchive("postgresql://ann:s3cret@db/news"), tmp_path)
    assert base.parent == tmp_path and "s3cret" not in base.name
    assert local_base(ServerArchive("postgresql://ann:other@db/news"), tmp_path) == base


def test_the_same_answers_as_the_store_file(filled: str, tmp_path: Path) -> None:
    local = Archive(ReleaseStore(write_store(tmp_path / "releases.json")))
    local.build_index()
    shared = PostgresArchive(filled, user="alice")
    try:
        starred = sample_releases()[2].id
        shared.write_marks({}, {starred: True})
        states = {starred: ReleaseState(starred=True)}
        assert len(shared) == len(local)
        for text in QUERIES:
            query = parse_query(text)
            for order in (SortOrder(), SortOrder("date", False), SortOrder("title")):
                want = local.search(query, order, states=states).release_ids()
                got = shared.search(query, order).release_ids()
                assert got == want, (text, order)
            result = shared.search(query)
            assert [r.id for r in result] == result.release_ids()
            assert shared.search(query).months() == local.search(query, states=states).months()
        facets = shared.facets(shared.search(parse_query("flood")))
        assert facets == local.facets(local.search(parse_query("flood")))
        assert shared.get(starred) == local.get(starred)
        assert shared.contacts().entries == local.contacts().entries
    finally:
        shared.close()


async def test_the_browser_on_a_database_lists_searches_and_keeps_each_persons_marks(
    filled: str,
) -> None:
    location = ServerArchive(filled)
    app = PressroomApp(location)
    app.session.user = "alice"
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList).rows
        assert len(rows) == len(sample_releases())
        assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)
        browse(app).run_search("flood", keep=None)
        await settle(pilot)
        await pilot.pause()
        shown = [r.id for r in app.screen.query_one(ReleaseList).rows]
        assert shown and all("flood" in (r.title + r.body).lower() for r in rows if r.id in shown)
        await pilot.press("escape", "s")
        await settle(pilot)
        first = shown[0]
        app.session.save_marks()
        await settle(pilot)
    with PostgresStore(filled, user="alice") as alice, PostgresStore(filled, user="bob") as bob:
        assert alice.state(first).starred
        assert not bob.state(first).starred


async def test_an_open_browser_sees_anothers_import_within_a_second(filled: str) -> None:
    app = PressroomApp(ServerArchive(filled))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        before = len(app.screen.query_one(ReleaseList).rows)
        extra = sample_releases()[0].with_changes(id="00000000000000ee", title="Late arrival")
        extra = extra.with_changes(source=extra.source.__class__("late.txt", "text"))
        with PostgresStore(filled, user="bob") as other:
            assert other.add_batch([extra]) == ["imported"]
        for _ in range(30):  # up to three seconds; the archive looks every half second
            await pilot.pause(0.1)
            if len(app.screen.query_one(ReleaseList).rows) == before + 1:
                break
        await settle(pilot)
        assert len(app.screen.query_one(ReleaseList).rows) == before + 1


def test_the_command_line_on_a_database(
    filled: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    local = write_store(tmp_path / "releases.json")
    assert main(["search", "--db", str(local), "--json", "--limit", "0", "flood"]) == 0
    want = capsysbinary.readouterr().out
    assert main(["search", "--db", filled, "--json", "--limit", "0", "flood"]) == 0
    assert capsysbinary.readouterr().out == want
    first = json.loads(want.splitlines()[0])["id"]
    assert main(["show", "--db", filled, first[:8], "--json"]) == 0
    assert json.loads(capsysbinary.readouterr().out)["id"] == first
    # A store file's own repairs are refused for a database, in one line.
    assert main(["doctor", "--db", filled]) == 2
    assert "PostgreSQL database" in capsysbinary.readouterr().err.decode()


def test_copy_moves_an_archive_and_its_marks_both_ways(
    dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSROOM_CONFIG", str(tmp_path / "config.toml"))
    (tmp_path / "config.toml").write_text('user = "alice"\n')
    source = write_store(tmp_path / "mine.json")
    releases = sample_releases()
    with ReleaseStore(source) as store:
        store.set_starred([releases[1].id])
        store.change_tags({releases[2].id: {"budget": "Budget"}})
    assert main(["copy", "--from", str(source), "--to", dsn]) == 0
    with PostgresStore(dsn, user="alice") as shared:
        assert len(shared) == len(releases)
        assert shared.state(releases[1].id).starred
        assert shared.state(releases[2].id).tags == ("Budget",)
    with PostgresStore(dsn, user="bob") as shared:
        assert not shared.state(releases[1].id).starred
    # Twice: nothing is stored twice.
    assert main(["copy", "--from", str(source), "--to", dsn, "--json"]) == 0
    back = tmp_path / "offline.json"
    assert main(["copy", "--from", dsn, "--to", str(back)]) == 0
    with ReleaseStore(back) as offline, ReleaseStore(source) as original:
        assert sorted(r.id for r in offline.releases()) == sorted(r.id for r in original.releases())
        assert offline.state(releases[1].id).starred
        assert offline.state(releases[2].id).tags == ("Budget",)
    assert main(["copy", "--from", str(back), "--to", str(back)]) == 2


def test_a_first_page_comes_with_the_size_of_the_whole(filled: str) -> None:
    shared = PostgresArchive(filled, user="alice")
    try:
        everything = parse_query("")
        whole = shared.search(everything)
        assert not whole.partial and whole.matched == len(sample_releases())
        first = shared.search(everything, first=3)
        assert first.partial and not first.estimated
        assert first.release_ids() == whole.release_ids()[:3]
        assert first.matched == whole.matched and len(first) == 3
        # A result no bigger than the first page is given whole.
        small = shared.search(parse_query("flood"), first=100)
        assert not small.partial and small.months() == shared.search(parse_query("flood")).months()
    finally:
        shared.close()


async def test_the_browser_shows_a_first_page_then_the_whole_result(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import session as session_module

    monkeypatch.setattr(session_module, "FIRST_ROWS", 2)
    _estimated_on_the_sample(monkeypatch)
    seen = await _shown_while_searching(filled, "", monkeypatch)
    rows, count = seen[0]
    assert rows == 2 and count.startswith("about ")
    rows, count = seen[-1]
    assert rows == len(sample_releases()) and count.startswith(f"{rows} of {rows}")


async def _shown_while_searching(
    filled: str, query: str, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[int, str]]:
    """Each answer the browser shows for *query* typed into a freshly opened browser, as
    (rows listed, the count line), until the session has nothing left to do."""
    seen: list[tuple[int, str]] = []
    app = PressroomApp(ServerArchive(filled))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        shown = screen._show_result

        def spy(answer: object) -> None:
            shown(answer)  # type: ignore[arg-type]
            releases = screen.query_one(ReleaseList).rows
            seen.append((len(releases), str(screen.query_one("#count").render())))

        monkeypatch.setattr(screen, "_show_result", spy)
        screen.run_search(query, keep=None)
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)
    return seen


def _estimated_on_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every count of a query "estimated", 1,000 more than it is (as a sample may be off)."""
    original = PostgresArchive._count_sampled

    def estimated(
        self: PostgresArchive, store: PostgresStore, query: object, within: object
    ) -> tuple[int, bool, None]:
        total, _, _ = original(self, store, query, within)  # type: ignore[arg-type]
        return total + 1000, False, None

    monkeypatch.setattr(PostgresArchive, "_count_sampled", estimated)


def test_a_big_results_estimate_is_counted_exactly_on_demand(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.pg import archive as archive_module
    from store.search.index import SearchCancelled

    monkeypatch.setattr(archive_module, "LISTED_UP_TO", 3)
    _estimated_on_the_sample(monkeypatch)
    shared = PostgresArchive(filled, user="alice")
    try:
        query = parse_query("-zzz")
        listed = shared.search(query)
        size = len(sample_releases())
        assert listed.estimated and listed.matched == size + 1000 and len(listed) == 3
        exact = shared.counted(listed)
        assert exact is not None and not exact.estimated and exact.matched == size
        assert exact.release_ids() == listed.release_ids()
        # Exact already: nothing to count.
        assert shared.counted(exact) is None
        assert shared.counted(shared.search(parse_query("flood"))) is None
        # A new key before it: nothing counted.
        with pytest.raises(SearchCancelled):
            shared.counted(listed, lambda: True)
    finally:
        shared.close()


def test_a_big_results_rows_sorted_from_every_match_come_with_its_exact_count(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listed rows taken from the bitmaps (every match sorted, not the list walked) were
    counted on the way: the whole result carries that count, not the sample's estimate,
    and there is nothing left for ``counted`` to count."""
    from store.pg import archive as archive_module

    monkeypatch.setattr(archive_module, "LISTED_UP_TO", 3)
    monkeypatch.setattr(PostgresStore, "_walks_first", lambda *_args: False)
    _estimated_on_the_sample(monkeypatch)
    shared = PostgresArchive(filled, user="alice")
    try:
        query = parse_query("-zzz")
        size = len(sample_releases())
        first = shared.search(query, first=2)
        assert first.estimated and first.matched == size + 1000
        listed = shared.search(query)
        assert not listed.estimated and listed.matched == size and len(listed) == 3
        assert listed.release_ids() == shared.store.search(query)[:3]
        assert shared.counted(listed) is None
        # The list walked instead (rows in order, the rest not seen): still the estimate.
        monkeypatch.setattr(PostgresStore, "_walks_first", lambda *_args: True)
        walked = shared.search(query)
        assert walked.estimated and walked.matched == size + 1000
        assert walked.release_ids() == listed.release_ids()
    finally:
        shared.close()


def test_an_exact_count_reads_the_words_index_not_every_row(filled: str) -> None:
    """The exact count that replaces a big result's estimate takes the words index's bitmap:
    left to itself the planner scanned every row and tested its lexemes (at a million
    releases, a parallel sequential scan holding both cores for seconds)."""
    import time

    import psycopg

    def scans(watch: psycopg.Connection) -> tuple[int, int]:
        row = watch.execute(
            "SELECT t.seq_scan, i.idx_scan FROM pg_stat_user_tables t"
            " JOIN pg_stat_user_indexes i ON i.relid = t.relid"
            " AND i.indexrelname = 'releases_words'"
            " WHERE t.schemaname = 'pressroom' AND t.relname = 'releases'"
        ).fetchone()
        assert row is not None
        return int(row[0]), int(row[1])

    query = parse_query("flood")
    expected = sum(1 for r in sample_releases() if query.matches(r, None))
    with psycopg.connect(filled, autocommit=True) as watch, PostgresStore(filled) as store:
        before = scans(watch)
        assert store.count(query) == expected > 0
        # A backend's statistics reach the others within a second or so of its last statement.
        deadline = time.monotonic() + 15
        while scans(watch) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        seq_scans, index_scans = scans(watch)
    assert seq_scans == before[0], "the count scanned the table row by row"
    assert index_scans > before[1]


async def test_a_big_results_exact_count_follows_its_estimate(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A result estimated on the sample is listed with "about N" at once; once the whole
    result is shown, its exact count replaces the estimate, the same rows listed."""
    from store.pg import archive as archive_module
    from tui import session as session_module

    monkeypatch.setattr(session_module, "FIRST_ROWS", 2)
    monkeypatch.setattr(archive_module, "LISTED_UP_TO", 3)
    _estimated_on_the_sample(monkeypatch)
    seen = await _shown_while_searching(filled, "-zzz", monkeypatch)
    size = len(sample_releases())
    assert seen[0] == (2, seen[0][1]) and seen[0][1].startswith(f"about {size + 1000:,} of ")
    assert seen[1][0] == 3 and seen[1][1].startswith("about ")
    assert seen[-1][0] == 3 and seen[-1][1].startswith(f"{size} of {size} ")
    assert len(seen) == 3


async def test_a_database_is_opened_while_textual_imports(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pressroom` starts opening a database on the store thread before it imports Textual
    (tui.archive_opening), as a store file: the session takes that archive, opens none of
    its own, and lists its releases."""
    from tui.archive_opening import ArchiveOpening
    from tui.session import Session

    def opened_again(self: Session) -> object:
        raise AssertionError("the session opened the database a second time")

    monkeypatch.setattr(Session, "_open", opened_again)
    opening = ArchiveOpening.start(ServerArchive(filled), user="alice")
    archive, _marks, saved = opening.opened.result()
    assert isinstance(archive, PostgresArchive) and saved is not None
    # The first rows were asked for then too; the browser's first search takes them.
    assert archive._prefetched is not None
    app = PressroomApp(ServerArchive(filled), None, opening)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert browse(app).session.archive is archive
        assert len(browse(app).query_one(ReleaseList).rows) == len(sample_releases())
        assert archive._prefetched is None
    assert not app.return_code
    opening.store.shutdown()


async def test_keys_typed_in_a_row_ask_for_one_whole_result(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key gets its first rows; only the last, once typing pauses, the whole result
    (a whole result a key would hold a connection the next key waits for)."""
    from tui import session as session_module

    monkeypatch.setattr(session_module, "FIRST_ROWS", 2)
    monkeypatch.setattr(session_module, "WHOLE_AFTER", 0.5)
    asked: list[tuple[str, int | None]] = []
    original = PostgresArchive.search

    def search(self: PostgresArchive, query: object, *args: object, **kwargs: object) -> object:
        asked.append((str(getattr(query, "text", query)), kwargs.get("first")))  # type: ignore[arg-type]
        return original(self, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PostgresArchive, "search", search)
    app = PressroomApp(ServerArchive(filled))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(app)
        asked.clear()
        for text in ("-z", "-zz", "-zzz", "-zzzz"):
            screen.run_search(text, keep=None)
            await pilot.pause(0.05)
        await pilot.pause(0.8)
        await settle(pilot)
        rows = len(screen.query_one(ReleaseList).rows)
    whole = [text for text, first in asked if first is None]
    assert len(whole) == 1, asked
    assert len([first for _, first in asked if first is not None]) == 4
    assert rows == len(sample_releases())


def test_a_big_result_lists_its_first_rows_with_the_size_of_the_whole(
    filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.pg import archive as archive_module

    monkeypatch.setattr(archive_module, "LISTED_UP_TO", 3)
    shared = PostgresArchive(filled, user="alice")
    try:
        everything = shared.search(parse_query(""))
        assert len(everything) == 3 and everything.matched == len(sample_releases())
        assert everything.partial and not everything.estimated
        # The first rows of the whole result, in its order.
        assert everything.release_ids() == shared.store.search(parse_query(""))[:3]
        # A result no bigger than the list is whole.
        small = shared.search(parse_query("flood"))
        assert not small.partial and len(small) == small.matched <= 3
    finally:
        shared.close()


def test_the_archives_connections_compile_no_plan_with_jit(filled: str) -> None:
    """A big result's statements cost past ``jit_above_cost`` at a million releases, where
    JIT compiled each plan for tens of milliseconds (a broad word's exact count: 87 ms of
    1,177): every connection the browser searches on runs with JIT off, whatever the
    server's default."""
    import psycopg

    name = filled.rsplit("/", 1)[1]
    with psycopg.connect(filled, autocommit=True) as admin:
        if admin.execute("SELECT pg_jit_available()").fetchone() != (True,):
            pytest.skip("this server has no JIT (llvmjit not installed)")
        # Every plan over a cost of 0 compiled, in the sessions opened from now on.
        admin.execute(f"ALTER DATABASE {name} SET jit_above_cost = 0")
    probe = "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM pressroom.releases"
    with psycopg.connect(filled, autocommit=True) as plain:
        assert "JIT" in plain.execute(probe).fetchone()[0][0]  # the server's own default
    shared = PostgresArchive(filled, user="alice")
    try:
        shared.search(parse_query("flood"))
        shared.search(parse_query("flood"), first=5)
        connections = [shared.store, *shared._opened]
        assert len(connections) >= 2
        for store in connections:
            assert "JIT" not in store._conn.execute(probe).fetchone()[0][0]
    finally:
        shared.close()
