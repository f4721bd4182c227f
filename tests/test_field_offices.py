"""A federal agency's office in a city, written only as its parent's part (issue 10): not a
body of its own beside the agency; a function's division, or one named apart, stays."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.field_offices import without_field_offices


def test_an_office_after_its_agency_goes() -> None:
    text = (
        "announced by Special Agent in Charge J. Todd Scott of the Drug Enforcement "
        "Administration (DEA) Louisville Field Division and Inspector in Charge Scott Fix of "
        "the United States Postal Inspection Service (USPIS) Houston Division; the Federal "
        "Bureau of Investigation’s Dallas Field Office and USPIS, Miami Division helped."
    )
    found = (
        "Drug Enforcement Administration (DEA)",
        "Louisville Field Division",
        "United States Postal Inspection Service",
        "Houston Division",
        "Federal Bureau of Investigation (FBI)",
        "Dallas Field Office",
        "Miami Division",
    )
    assert without_field_offices(found, text) == (
        "Drug Enforcement Administration (DEA)",
        "United States Postal Inspection Service",
        "Federal Bureau of Investigation (FBI)",
    )


def test_an_office_named_apart_or_a_function_stays() -> None:
    text = (
        "the Department of Justice’s Criminal Division and the DOJ Criminal Division, and "
        "the Houston Division of the U.S. Postal Inspection Service; the Dallas Field Office "
        "opened in 1950."
    )
    found = (
        "Department of Justice (DOJ)",
        "Criminal Division",
        "Houston Division",
        "U.S. Postal Inspection Service",
        "Dallas Field Office",
    )
    assert without_field_offices(found, text) == found


def test_a_release_lists_the_agency_not_its_office() -> None:
    text = (
        "Dealer Sentenced\n\nMEMPHIS, Tenn. – A dealer was sentenced today. The case was "
        "investigated by the Drug Enforcement Administration (DEA) Nashville Field Division and "
        "the Memphis Police Department.\n"
    )
    orgs = extract(text).organisations
    assert "Nashville Field Division" not in orgs and any("Drug Enforcement" in o for o in orgs)


def test_a_kind_alone_is_no_body() -> None:
    from store.ingest.extract.field_offices import without_bare_kinds

    found = ("Northern California Illicit Digital Economy (NCIDE)", "Task Force", "Strike Force")
    assert without_bare_kinds(found) == ("Northern California Illicit Digital Economy (NCIDE)",)
    assert without_bare_kinds(("Health Care Fraud Strike Force",)) == (
        "Health Care Fraud Strike Force",
    )


def test_an_office_written_after_its_agency_in_one_name_is_the_agency() -> None:
    text = (
        "investigated by the Drug Enforcement Administration (DEA), Miami Field Division, the "
        "Federal Bureau of Investigation, Newtown Square Resident Agency, and the Federal "
        "Bureau of Investigation Resident Agency in Boise."
    )
    found = (
        "Drug Enforcement Administration (DEA), Miami Field Division",
        "Federal Bureau of Investigation, Newtown Square Resident Agency",
        "Federal Bureau of Investigation Resident Agency",
    )
    assert without_field_offices(found, text) == (
        "Drug Enforcement Administration (DEA)",
        "Federal Bureau of Investigation",
        "Federal Bureau of Investigation Resident Agency",
    )


def test_an_agency_s_part_after_a_dash_and_an_office_its_officer_heads() -> None:
    from store.ingest.extract.field_offices import with_dashed_parts

    text = "agents of the Internal Revenue Service - Criminal Investigation and the DEA."
    found = ("Internal Revenue Service", "DEA")
    assert with_dashed_parts(found, text) == (
        "Internal Revenue Service - Criminal Investigation",
        "DEA",
    )
    text = (
        "stated DEA Special Agent in Charge William J. Callahan of the St. Louis Division. The "
        "Drug Enforcement Administration (DEA) thanked its partners."
    )
    found = ("Drug Enforcement Administration (DEA)", "St. Louis Division")
    assert without_field_offices(found, text) == ("Drug Enforcement Administration (DEA)",)
