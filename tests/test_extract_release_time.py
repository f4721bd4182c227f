"""A release's time under its date ("For release at 2:00 p.m. EST") is not its headline."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.release_time import is_release_time

FOMC = """January 29, 2025

For release at 2:00 p.m. EST

Recent indicators suggest that economic activity has continued to expand at a solid pace.
"""


def test_the_declared_title_over_a_release_time() -> None:
    got = extract(FOMC, title="Federal Reserve issues FOMC statement")
    assert got.title == "Federal Reserve issues FOMC statement"


@pytest.mark.parametrize(
    "line", ["at 2:00 p.m. EST", "at 7:00 a.m. EDT", "10 am", "for release at 4 p.m."]
)
def test_times_are_release_times(line: str) -> None:
    assert is_release_time(line)


@pytest.mark.parametrize(
    "line", ["2 p.m. Meeting Moved To Friday", "Bank cuts rates at 2:00", "Statement"]
)
def test_headlines_are_not(line: str) -> None:
    assert not is_release_time(line)
