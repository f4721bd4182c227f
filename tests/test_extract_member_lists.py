"""Companies in a list of members, sponsors or customers (issue 10): names with no
organisation word, which the list's head says are companies."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.member_lists import listed_members


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Platinum members IBM, Intel, Joyent and Red Hat. Gold members include GoDaddy and "
            "NodeSource, and Silver members include Cars.com, nearForm, npm, StrongLoop (an IBM "
            "company), YLD, and Yahoo!. Get involved here.",
            [
                "IBM", "Intel", "Joyent", "Red Hat", "GoDaddy", "NodeSource", "Cars.com",
                "nearForm", "npm", "StrongLoop", "YLD", "Yahoo!",
            ],
        ),
        (
            "Millions of users at more than 800 organizations, including Applied Biosystems, "
            "Capgemini, Oracle, and the U.S. Department of Defense, use it.",
            ["Applied Biosystems", "Capgemini", "Oracle", "U.S. Department of Defense"],
        ),
        # Kinds of customer, not companies; people on a board; places.
        ("Our customers include Fortune 500 companies, government agencies and schools.", []),
        ("Board members include Jane Doe, John Roe and Mary Major.", []),
        ("It has customers such as Canada, Mexico and Brazil.", []),
        # A possessive before what it qualifies, a person's role: not companies.
        (
            "Speakers from partners including Cointelegraph’s CEO, CoinDesk’s head of "
            "research and others.",
            [],
        ),
        ("Its retailers include Macy’s, Lowe’s and Trader Joe’s.", ["Macy’s", "Lowe’s", "Trader Joe’s"]),
        # Without a word that opens the list, three names at least.
        ("Its partners Acme and Beta signed.", []),
    ],
)  # fmt: skip
def test_listed_members(text: str, names: list[str]) -> None:
    assert listed_members(text, set()) == names


def test_a_person_of_the_release_is_not_listed() -> None:
    assert listed_members("Its partners include Jane Doe, Acme and Beta Labs.", {"jane doe"}) == [
        "Acme",
        "Beta Labs",
    ]


def test_release_lists_them() -> None:
    text = (
        "Foundation Welcomes New Members\n\n"
        "SAN FRANCISCO, Jan. 5, 2016 – The Foundation grew today. Silver members include "
        "Apigee, Codefresh, DigitalOcean and Groupon.\n"
    )
    organisations = extract(text).organisations
    assert {"Apigee", "Codefresh", "DigitalOcean", "Groupon"} <= set(organisations)
