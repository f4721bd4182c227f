"""The body behind a press desk's name, and a CMS's "Published By" field, as the issuer."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.issuer import body_of_desk, published_by


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("DEA Public Affairs", "DEA"),
        ("U.S. Secret Service Media Relations", "U.S. Secret Service"),
        ("HR.com Newsroom", "HR.com"),
        ("Acme Corp. Press Office", "Acme Corp."),
        # A desk alone, or a department's: kept as written.
        ("Office of Public Affairs", "Office of Public Affairs"),
        ("Corporate Media Relations", "Corporate Media Relations"),
        ("Global Markets News Desk", "Global Markets News Desk"),
        ("Acme", "Acme"),
    ],
)
def test_body_of_desk(issuer: str, expected: str) -> None:
    assert body_of_desk(issuer) == expected


def test_published_by() -> None:
    lines = ["Title", "", "Published By", "", "U.S. Secret Service Media Relations", "", "Body"]
    assert published_by(lines) == "U.S. Secret Service"
    assert published_by(["Published By", "", "the press team of the agency, in full."]) is None
    assert published_by(["Title", "Body text"]) is None


def test_a_cms_page_names_its_publisher() -> None:
    text = (
        "Secret Service Announces a Task Force\n\nPublished By\n\n"
        "U.S. Secret Service Media Relations\n\nPublished Date\n\n2020-07-09\n\nBody\n\n"
        "WASHINGTON - In recognition of the growing convergence of cyber and financial crimes, "
        "the agency is merging its task forces into one network.\n"
    )
    assert extract(text).issuer == "U.S. Secret Service"
