"""A justice.gov page's office and department, named in its header and title, are listed once:
the text's other spellings of them are not further bodies."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.office_spellings import without_other_spellings

OFFICE = "U.S. Attorney's Office, District of Columbia"
DOJ = "United States Department of Justice"


def test_other_spellings_of_the_office_and_department_go() -> None:
    found = (
        "Federal Bureau of Investigation",
        "U.S. Department of Justice",
        "U.S. Attorney’s Office for the District of Columbia",
        "United States Attorney’s Office",
        "Justice Department",
        "California Department of Justice",
        OFFICE,
        DOJ,
    )
    assert without_other_spellings(found, [OFFICE, DOJ]) == (
        "Federal Bureau of Investigation",
        "California Department of Justice",
        OFFICE,
        DOJ,
    )


def test_no_header_body_leaves_the_list_as_it_is() -> None:
    found = ("U.S. Department of Justice", "Justice Department")
    assert without_other_spellings(found, []) == found


def test_a_justice_gov_page_lists_its_office_and_department_once() -> None:
    page = (
        "District of Columbia | WeLeakInfo.com Domain Name Seized | United States Department of "
        "Justice\n\nHere's how you know\n\nA .gov website belongs to an official government "
        "organization in the United States.\n\nU.S. Attorneys\n\nDistrict of Columbia\n\n"
        "WeLeakInfo.com Domain Name Seized\n\nPress Release\n\nThursday, January 16, 2020\n\n"
        "For Immediate Release\n\nU.S. Attorney's Office, District of Columbia\n\n"
        "WASHINGTON – Today, the Federal Bureau of Investigation and the U.S. Department of "
        "Justice announced that they have seized the internet domain name weleakinfo.com.\n\n"
        "The seizure is part of an action taken by the FBI and the U.S. Attorney’s Office for "
        "the District of Columbia.\n"
    )
    got = extract(page)
    assert got.issuer == OFFICE
    offices = [o for o in got.organisations if "Attorney" in o]
    departments = [o for o in got.organisations if "Department of Justice" in o]
    assert (offices, departments) == ([OFFICE], [DOJ])
