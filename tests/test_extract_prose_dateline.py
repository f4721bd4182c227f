"""A dateline opening the prose under a page's date, its dash glued, unspaced or mis-encoded
(justice.gov pages saved as text: "Seattle –A", "PORTLAND, Ore.—A", "NEWARK, N.J. B A")."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.prose_dateline import place_opening_prose

PAGE = """Man Convicted Of Cyberstalking And Making Threats

Wednesday, June 7, 2023

U.S. Attorney's Office, Western District of Washington

Engaged in a three-year campaign of online threats

{opening} 42-year-old man was convicted today of cyberstalking, and was arrested on June 2, 2022.

The case was prosecuted by the office.
"""


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Seattle –A", "Seattle"),  # glued to what follows
        ("PORTLAND, Ore.—A", "PORTLAND, Ore."),  # unspaced
        ("NEWARK, N.J. B A", "NEWARK, N.J."),  # an en dash read in the wrong code page
        ("Tacoma – A", "Tacoma"),  # plain, another date later in the line
    ],
)
def test_the_place_opening_the_prose_under_the_date(opening: str, place: str) -> None:
    got = extract(PAGE.format(opening=opening))
    assert got.location == place
    assert got.date == "2023-06-07"


def test_prose_without_a_dateline_gives_no_place() -> None:
    assert (
        place_opening_prose(["The company said today that it will open a new office soon."]) is None
    )
    assert (
        place_opening_prose(["Today – A new report shows that most people read the news daily."])
        is None
    )
    # A short line (a subtitle) is not the prose looked for; the paragraph below it is.
    lines = [
        "Seattle – short subtitle",
        "",
        "Tacoma – A man was sentenced today to ten years in prison.",
    ]
    assert place_opening_prose(lines) == "Tacoma"
