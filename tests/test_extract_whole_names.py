"""Organisations as whole names: an acronym run on after its name (brackets lost) folded into
it, bodies run together at it split, people run on cut off, laws and awards left out."""

import pytest

from store.ingest.extract.anatomy import _one_body, extract
from store.ingest.extract.whole_names import fold_run_on_acronyms, whole_names


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("U S Department of Transportation DOT", ["U S Department of Transportation (DOT)"]),
        (
            "U S Department of Justice DOJ Office of Violence Against Women",
            ["U S Department of Justice (DOJ)", "Office of Violence Against Women"],
        ),
        # The letters of the leading words: "CDC" for "Centers for Disease Control and Prevention".
        (
            "Health NIH and Centers for Disease Control and Prevention CDC",
            ["Centers for Disease Control and Prevention (CDC)"],
        ),
        (
            "Food and Drug Administration FDA and the Federal Trade Commission",
            ["Food and Drug Administration (FDA)", "Federal Trade Commission"],
        ),
        # An acronym that is no name's initials stays where it is.
        ("Acme Labs USA", ["Acme Labs USA"]),
        ("SCA Assembly", ["SCA Assembly"]),
    ],
)
def test_acronym_run_on_after_its_name(name: str, names: list[str]) -> None:
    assert fold_run_on_acronyms(name) == names


def test_laws_and_awards_are_no_organisations() -> None:
    found = (
        "Health Insurance Portability and Accountability Act",
        "Secure Fence Act of 2006",
        "Nobel Peace Prize",
        "Board’s Section 702",
        "Federal Trade Commission",
        "Act for Change Foundation",
    )
    assert whole_names(found, set()) == ("Federal Trade Commission", "Act for Change Foundation")


def test_person_run_on_after_a_body_is_cut_off() -> None:
    people = {"susan payne", "herb kelleher"}
    found = ("Colorado Department of Public Safety and Susan Payne", "Board Herb Kelleher")
    assert whole_names(found, people) == ("Colorado Department of Public Safety",)


def test_page_that_lost_its_brackets_lists_the_body_once() -> None:
    text = (
        "Grant for the Airport\n\n"
        "Senators Roe and Doe today announced that the U S Department of Transportation DOT "
        "has awarded a grant to the airport  The DOT said the work will start in May\n"
    )
    organisations = extract(text).organisations
    assert "U S Department of Transportation (DOT)" in organisations
    assert not any(name.endswith(" DOT") for name in organisations)


def test_issuer_named_in_full_is_listed_and_its_fragment_goes() -> None:
    text = (
        "Harvest Larger Than Expected\n\n"
        "DENVER, May 1, 2025 -- The harvest was larger than the year before, World Products, "
        "Inc said today in an update to its investors.\n\n"
        "About New World Products, Inc.\nThe company grows hemp in Colombia.\n"
    )
    found = extract(text)
    assert found.issuer == "New World Products, Inc."
    assert found.organisations == ("New World Products, Inc.",)


@pytest.mark.parametrize(
    "issuer",
    ["HR.com and the HR Research Institute", "Learn more at Acme Services LLC", "COMPANY"],
)
def test_issuer_that_is_not_one_body_is_not_listed(issuer: str) -> None:
    assert not _one_body(issuer)
