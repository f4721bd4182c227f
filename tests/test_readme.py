"""The README's worked search examples find, on the bundled samples, what the README says they find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.archive import Archive
from store.disk.release_store import ReleaseStore
from store.search.query import parse_query
from tests.helpers.browser_data import write_store
from tests.screenshots import ROOT, sample_releases

README = (ROOT / "README.md").read_text(encoding="utf-8")
_TABLE = re.search(
    r"Worked on the bundled samples \((?P<total>\d+) releases\):\n\n(?P<rows>(?:\|.*\n)+)", README
)
assert _TABLE, "README.md: the table of worked examples is gone"
TOTAL = int(_TABLE["total"])
# | `query` | 3 with `pressroom search`; 4 in the browser ... |   or   | `query` | 2: ... |
_ROW = re.compile(r"^\| `(?P<query>[^`]+)` \| (?P<says>.*) \|$")
EXAMPLES = [m.groupdict() for m in map(_ROW.match, _TABLE["rows"].splitlines()) if m]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("readme") / "releases.json", sample_releases())


def _count(db: Path, text: str) -> int:
    """How many releases *text* finds, as ``pressroom search`` (a trailing space) or the browser."""
    with ReleaseStore(db, defer_load=True, read_only=True) as store:
        archive = Archive(store)
        archive.build_index(cached_only=True)
        return len(archive.search(parse_query(text), states=store.states()))


def test_the_table_is_read() -> None:
    assert len(EXAMPLES) >= 10


def test_the_samples_count_is_right(samples_db: Path) -> None:
    assert _count(samples_db, "") == TOTAL == len(sample_releases())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["query"])
def test_worked_example_finds_what_the_readme_says(
    example: dict[str, str], samples_db: Path
) -> None:
    query, says = example["query"], example["says"]
    whole_words = _count(samples_db, query + " ")
    both = re.match(r"(\d+) with `pressroom search`; (\d+) in the browser", says)
    if both:
        assert (whole_words, _count(samples_db, query)) == (int(both[1]), int(both[2]))
    elif number := re.match(r"(\d+)\b", says):
        assert whole_words == int(number[1]), f"README: {query!r} finds {says}"
    else:
        assert whole_words > 0, f"README: {query!r} finds nothing on the samples"
