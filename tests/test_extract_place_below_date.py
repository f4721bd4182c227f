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
