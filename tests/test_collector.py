"""Full garbage collections wait for a pause in typing."""

from __future__ import annotations

import gc

import pytest

import tui.runtime.collector as collector_module
from tui.runtime.collector import PauseCollector


def test_full_collections_run_only_when_the_user_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    passes: list[int] = []
    monkeypatch.setattr(collector_module, "monotonic", lambda: now[0])
    monkeypatch.setattr(collector_module.gc, "collect", lambda: passes.append(1) or 0)
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
