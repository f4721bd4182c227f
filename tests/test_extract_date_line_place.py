"""A place and a date on a line of their own over the headline ("Berlin, 21. Februar 2019")
are the release's dateline: the place is read, not only the date."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.date_line_place import place_of_date_line
from store.ingest.extract.dates import search_date


def _place(line: str) -> str | None:
    m = search_date(line)
    assert m is not None, line
    return place_of_date_line(line, m.start())


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Berlin, 21. Februar 2019", "Berlin"),
        ("Paris, le 3 mars 2024", "Paris"),
        ("Madrid, 4 de mayo de 2024", "Madrid"),
        ("BOSTON, JULY 21, 2026", "BOSTON"),
        # A weekday or a page's label before the date is no place.
        ("Friday, March 3, 2024", None),
        ("Donnerstag, 21. Februar 2019", None),
        ("Stand, 3. März 2024", None),
        ("Pressemitteilung, 21. Februar 2019", None),
    ],
)
def test_the_place_before_a_date_alone_on_its_line(line: str, place: str | None) -> None:
    assert _place(line) == place


def test_a_german_release_headed_by_its_place_and_date() -> None:
    release = (
        "Berlin, 21. Februar 2019\n\n\n"
        "Erste Lesung: FDP-Fraktion übernimmt Forderungen der Zivilgesellschaft\n\n\n"
        "Am Donnerstag, den 21. Februar werden im Abgeordnetenhaus weitreichende Forderungen der\n"
        "Zivilgesellschaft nach mehr Transparenz der Berliner Behörden behandelt.\n"
    )
    got = extract(release)
    assert (got.location, got.date) == ("Berlin", "2019-02-21")
    assert got.title == "Erste Lesung: FDP-Fraktion übernimmt Forderungen der Zivilgesellschaft"
