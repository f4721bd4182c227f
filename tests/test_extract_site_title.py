"""A page's <title> saved as a text's first line: the headline and the site's name apart."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.site_title import split_site_title

FBI_PAGE = """Operation reWired — FBI

A .gov website belongs to an official government organization in the United States.

Search

FBI

More

Most Wanted

Operation reWired

The FBI and its partners arrested 281 people in a worldwide takedown of business email
compromise schemes, announced on September 10, 2019.
"""


@pytest.mark.parametrize(
    ("title", "shown", "expected"),
    [
        # The site's short name in the page's menus.
        ("Operation reWired — FBI", ["FBI"], ("Operation reWired", "FBI")),
        (
            "HSI investigation leads to 15-year sentence | ICE",
            ["ICE"],
            ("HSI investigation leads to 15-year sentence", "ICE"),
        ),
        # ... or the headline again as the page's heading; the site before it.
        (
            "Internet Crime Complaint Center (IC3) | Guidance on the 911 S5 Residential Proxy",
            ["Guidance on the 911 S5 Residential Proxy"],
            ("Guidance on the 911 S5 Residential Proxy", "Internet Crime Complaint Center (IC3)"),
        ),
        (
            "Brooklyn Man Sentenced for Fraud - The Brooklyn District Attorney's Office",
            ["HOME", "Brooklyn Man Sentenced for Fraud"],
            ("Brooklyn Man Sentenced for Fraud", "The Brooklyn District Attorney's Office"),
        ),
        # A dash inside a headline, nothing shown again: no site.
        ("Acme Q3 results - revenue up 12%", ["Acme"], None),
        ("Acme buys Beta - a deal worth $2bn", ["Other line"], None),
        # One word each side, or neither part shown again: not a title and a site.
        ("Acme | Beta", ["Beta"], None),
        ("Revenue rose | Results were out.", ["Something else"], None),
    ],
)
def test_split_site_title(title: str, shown: list[str], expected: tuple[str, str] | None) -> None:
    assert split_site_title(title, [title, "", *shown]) == expected


def test_a_page_saved_as_text_keeps_its_headline_and_names_its_site_as_issuer() -> None:
    parts = extract(FBI_PAGE)
    assert parts.title == "Operation reWired"
    assert parts.issuer == "FBI"


def test_a_declared_title_is_left_alone() -> None:
    parts = extract(FBI_PAGE, title="Operation reWired — FBI (declared)")
    assert parts.title == "Operation reWired — FBI (declared)"
