"""A name with a generational suffix ("II", "Jr.") is read like any other: its role, its age or
the "said" after the suffix tell a person is named."""

from __future__ import annotations

import pytest

from store.ingest.extract.people import find_people


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_people(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "announced by Dominick S. Gerace II, United States Attorney for the Southern "
            "District of Ohio, and others.",
            [("Dominick S. Gerace", "United States Attorney")],
        ),
        ("John Smith Jr., CEO of Acme, announced the plan.", [("John Smith Jr", "CEO")]),
        (
            "Robert Brown III, President of Acme, announced the plan.",
            [("Robert Brown", "President")],
        ),
        ("Charles O. Parks III, 45, of Omaha, pleaded guilty.", [("Charles O. Parks", None)]),
        ("Joseph R. Biden, Jr., said the plan works.", [("Joseph R. Biden", None)]),
    ],
)
def test_a_suffix_between_a_name_and_what_tells_it_is_a_person(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    assert _found(text) == found


def test_a_senior_title_after_a_comma_is_no_suffix() -> None:
    assert _found("Jennifer Borun, Sr Director of HR, joined the panel.") == [
        ("Jennifer Borun", "Sr Director of HR")
    ]


def test_a_surname_and_its_suffix_alone_name_no_one() -> None:
    assert _found("“It will work,” Trump Jr. stated in his introduction.") == []
