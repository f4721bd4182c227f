"""A page's date on a line of its own, its dateline's place on the first paragraph of prose below."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract

CMS_PAGE = """Secret Service Announces the Creation of the Cyber Fraud Task Force

Published By

U.S. Secret Service Media Relations

Published Date

2020-07-09

Body

WASHINGTON - In recognition of the growing convergence of cyber and traditional financial crimes, the Secret Service is merging its task forces.

The Secret Service has 42 domestic task force locations.
"""

WITH_SUBTITLE = """## Operation results in over 170 arrests

September 22, 2020

Share Article

### Darknet narcotics vendors selling to tens of thousands of U.S. residents charged

WASHINGTON – Today, the Department of Justice announced the results of an operation against opioid trafficking on the Darknet.
"""

NO_PLACE = """Agency News

2020-07-09

Today the agency published its annual report on fraud, with figures for every region and office.
"""


def test_the_place_opening_the_first_paragraph_below_a_date_alone() -> None:
    parts = extract(CMS_PAGE)
    assert parts.date == "2020-07-09"
    assert parts.location == "WASHINGTON"


def test_a_subtitle_between_is_no_paragraph_of_prose() -> None:
    parts = extract(WITH_SUBTITLE)
    assert parts.date == "2020-09-22"
    assert parts.location == "WASHINGTON"


def test_a_first_paragraph_without_a_place_gives_none() -> None:
    parts = extract(NO_PLACE)
    assert parts.date == "2020-07-09"
    assert parts.location is None


def _saved_page(navigation_lines: int) -> str:
    menu = "\n\n".join(f"Menu item {n}" for n in range(navigation_lines))
    return (
        "HSI investigation leads to 15-year sentence for dark web moderator | ICE\n\n"
        f"{menu}\n\n"
        "HSI investigation leads to 15-year sentence for dark web moderator\n\nShare\n\n"
        "Share on Facebook\n\nPhotos of agents conducting searches and seizures during the "
        "operation, as released by the agency on the day of the arrests.\n\n"
        "January 24, 2025 Portland , ME , United States Child Exploitation\n\n"
        "PORTLAND, Maine — A Kent, Washington man was sentenced Jan. 22 in U.S. District Court "
        "in Portland for advertising child pornography.\n\nThe case was investigated by HSI.\n"
    )


def test_a_page_saved_as_text_has_its_dateline_under_its_heading_past_the_navigation():
    # ice.gov's pages saved as text: <title> first, a long navigation, then the heading, a
    # photo's caption, the date line and the dateline.
    r = extract(_saved_page(150))
    assert r.title == "HSI investigation leads to 15-year sentence for dark web moderator"
    assert r.location == "PORTLAND, Maine"
    assert r.date == "2025-01-24"
    # No repeated heading: no dateline is looked for further down.
    lone = _saved_page(150).replace(
        "\n\nHSI investigation leads to 15-year sentence for dark web moderator\n\nShare", "\n\n"
    )
    assert extract(lone).location is None
