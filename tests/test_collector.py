"""One owner for the garbage collector: pauses that nest across threads, full passes at pauses."""

from __future__ import annotations

import ast
import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import store.collector as collector_module
from store.archive import Archive
from store.collector import PauseCollector, freeze_survivors, paused, thaw
from tests.helpers.app_session import settle
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def collector_running() -> Iterator[None]:
    """Each test starts with the collector enabled; the state it found is put back after."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


# -- paused() ----------------------------------------------------------------------------------


def test_paused_nests_in_one_thread() -> None:
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block is still building
    assert gc.isenabled()


def test_paused_leaves_a_collector_disabled_by_someone_else_disabled() -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_paused_in_two_threads_resumes_only_when_the_last_one_ends() -> None:
    # A opens, B opens, A ends while B is still building: the collector must stay
    # paused until B ends. (Each block saving and restoring gc.isenabled() on its
    # own re-enabled it when A ended.)
    a_open, b_open, a_closed, b_may_close = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def first() -> None:
        with paused():
            a_open.set()
            assert b_open.wait(5)
        a_closed.set()

    def second() -> None:
        assert a_open.wait(5)
        with paused():
            b_open.set()
            assert a_closed.wait(5)
            seen["after A ended, inside B"] = gc.isenabled()
            assert b_may_close.wait(5)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert a_closed.wait(5)
    b_may_close.set()
    for thread in threads:
        thread.join(5)
    assert seen == {"after A ended, inside B": False}
    assert gc.isenabled()


def test_paused_from_many_threads_at_once_is_never_resumed_early() -> None:
    early: list[int] = []
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait(5)
        for _ in range(2000):
            with paused():
                if gc.isenabled():
                    early.append(1)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch every few bytecodes: blocks interleave
    try:
        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        sys.setswitchinterval(interval)
    assert early == []
    assert gc.isenabled()


def test_paused_resumes_after_an_exception() -> None:
    with pytest.raises(RuntimeError), paused():
        raise RuntimeError("a failed parse")
    assert gc.isenabled()


# -- PauseCollector ----------------------------------------------------------------------------


@pytest.fixture
def clock_and_passes(monkeypatch: pytest.MonkeyPatch) -> tuple[list[float], list[int]]:
    now = [100.0]
    passes: list[int] = []
    monkeypatch.setattr(collector_module, "monotonic", lambda: now[0])
    monkeypatch.setattr(collector_module.gc, "collect", lambda: passes.append(1) or 0)
    return now, passes


def test_full_collections_run_only_when_the_user_pauses(
    clock_and_passes: tuple[list[float], list[int]],
) -> None:
    now, passes = clock_and_passes
    before = gc.get_threshold()
    collector = PauseCollector()
    collector.start()
    try:
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2] and full > 10**6  # no automatic full pass
        collector.key()
        now[0] += 0.3
        collector.tick()
        assert passes == []  # still typing
        now[0] += collector_module.PAUSE
        collector.tick()
        collector.tick()
        assert passes == [1]  # one pass per pause
        collector.key()
        now[0] += collector_module.PAUSE
        collector.tick()
        assert passes == [1, 1]
    finally:
        collector.stop()
    assert gc.get_threshold() == before


def test_no_full_collection_while_objects_are_being_built(
    clock_and_passes: tuple[list[float], list[int]],
) -> None:
    now, passes = clock_and_passes
    collector = PauseCollector()
    collector.key()
    now[0] += collector_module.PAUSE
    with paused():
        collector.tick()
        assert passes == []  # a store is being parsed: the pass would walk all of it
    collector.tick()
    assert passes == [1]  # the pass owed is run at the next tick


def test_work_that_can_wait_starts_in_a_pause_in_typing(
    clock_and_passes: tuple[list[float], list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    now, _ = clock_and_passes
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds
        if len(slept) == 3:
            collector.key()  # a key while waiting: the wait starts again from it

    monkeypatch.setattr(collector_module, "sleep", sleep)
    collector = PauseCollector()
    collector.key()
    assert collector.wait_for_pause(lambda: False, quiet=0.5, look=0.125) is False
    assert now[0] - 100.0 == 0.375 + 0.5  # keys for 0.375 s, then 0.5 s quiet
    slept.clear()
    assert collector.wait_for_pause(lambda: False, quiet=0.5) is False
    assert slept == []  # already quiet: no wait
    collector.key()
    assert collector.wait_for_pause(lambda: True, quiet=0.5) is True  # quitting: give up


# -- freezing --------------------------------------------------------------------------------


def test_freeze_survivors_and_thaw() -> None:
    thaw()
    try:
        survivor = [object()]
        freeze_survivors()
        assert gc.get_freeze_count() > 0
        assert survivor  # frozen objects stay usable
        thaw()
        assert gc.get_freeze_count() == 0
    finally:
        thaw()


# -- one owner -------------------------------------------------------------------------------


def _uses_of_gc(path: Path) -> list[str]:
    """``import gc``, ``from gc import ...`` and ``gc.<name>`` in one module."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] == "gc"]
        elif isinstance(node, ast.ImportFrom) and node.module == "gc":
            found.append("from gc import")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "gc"
        ):
            found.append(f"gc.{node.attr}")
    return found


def test_only_store_collector_touches_the_garbage_collector() -> None:
    users = {
        path.relative_to(ROOT).as_posix(): uses
        for folder in ("store", "tui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (uses := _uses_of_gc(path))
    }
    assert set(users) == {"store/collector.py"}, users


def test_the_gc_finder_sees_every_form(tmp_path: Path) -> None:
    # The control run: the finder used above does see gc where it is.
    module = tmp_path / "m.py"
    module.write_text("import gc\nfrom gc import freeze\nimport os, gc as g\ngc.disable()\n")
    assert _uses_of_gc(module) == ["import gc", "from gc import", "import gc", "gc.disable"]


# -- the browser's builds after the index ------------------------------------------------------


async def test_the_browser_builds_its_directory_and_related_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full pass at a pause in typing would walk every object these builds made so far
    # (140-180 ms on the UI thread at 100k, before they are frozen): the pause collector
    # must find them "being built", as it finds a store or an index.
    seen: dict[str, bool] = {}
    contacts, related = Archive.contacts, Archive.related

    def traced_contacts(self: Archive, *args: object, **kwargs: object) -> object:
        seen["contacts"] = collector_module._is_paused()
        return contacts(self, *args, **kwargs)  # type: ignore[arg-type]

    def traced_related(self: Archive, *args: object) -> object:
        seen["related"] = collector_module._is_paused()
        return related(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "contacts", traced_contacts)
    monkeypatch.setattr(Archive, "related", traced_related)
    app = PressroomApp(write_store(tmp_path / "releases.json"))
    async with app.run_test() as pilot:
        await settle(pilot)
    assert seen == {"contacts": True, "related": True}


def test_young_only_stops_automatic_full_passes_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with collector_module.young_only():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2]
        assert full > 1_000_000  # never reached: no automatic full pass
    assert gc.get_threshold() == before


def test_the_import_command_runs_its_import_without_automatic_full_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.ingest import run
    from tui.cli.main import main

    seen: list[tuple[int, int, int]] = []
    real = run.import_paths

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "import_paths", watched)
    before = gc.get_threshold()
    release = tmp_path / "in" / "release.txt"
    release.parent.mkdir()
    release.write_text("Harbour opens\n\nThe harbour opened on Monday.\n", "utf-8")
    assert main(["import", str(release.parent), "--db", str(tmp_path / "store.json")]) == 0
    assert len(seen) == 1 and seen[0][2] > 1_000_000
    assert gc.get_threshold() == before
