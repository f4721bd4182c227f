"""Organisations as a careful reader lists them: a sub-office with its parent, an acronym folded
into its full name, fragments cut off (issue 10, brief issuer8)."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.organisation_parts import (
    folded_acronyms,
    joined_sub_offices,
    whole_around,
    without_fragments,
)


def test_a_sub_office_written_after_its_parent_is_one_entry():
    text = (
        "Special Agent in Charge Don Hibbert of the Drug Enforcement Administration, Baltimore "
        "District Office; Inspector David Bowers of the U.S. Postal Inspection Service - "
        "Washington Division; and the United States Postal Service."
    )
    found = (
        "Drug Enforcement Administration",
        "Baltimore District Office",
        "U.S. Postal Inspection Service",
        "Washington Division",
        "United States Postal Service",
    )
    assert joined_sub_offices(found, text) == (
        "Drug Enforcement Administration, Baltimore District Office",
        "U.S. Postal Inspection Service - Washington Division",
        "United States Postal Service",
    )
    # An office the text does not write after a body stays as found.
    assert joined_sub_offices(("FBI", "Seattle Division"), "the FBI and its Seattle Division") == (
        "FBI",
        "Seattle Division",
    )


def test_an_acronym_beside_its_full_name_is_folded_into_it():
    assert folded_acronyms(("United States Drug Enforcement Administration", "DEA", "FBI")) == (
        "United States Drug Enforcement Administration (DEA)",
        "FBI",
    )
    text = "la Agencia Europea de la Guardia de Fronteras y Costas (Frontex) y Frontex."
    assert folded_acronyms(
        ("Agencia Europea de la Guardia de Fronteras y Costas", "Frontex"), text
    ) == ("Agencia Europea de la Guardia de Fronteras y Costas (Frontex)",)
    # An acronym in capitals that does not open as the name does is another body's.
    assert folded_acronyms(("Communications Inc.", "JGC"), "JGC Communications Inc. (JGC)") == (
        "Communications Inc.",
        "JGC",
    )


def test_an_acronym_written_only_as_a_site_s_name_is_no_organisation():
    text = "Treasury.gov • IRS.gov • Regulations.gov"
    assert folded_acronyms(("IRS", "Treasury Department"), text) == ("Treasury Department",)
    assert folded_acronyms(("IRS", "Treasury Department"), "the IRS said. IRS.gov") == (
        "IRS",
        "Treasury Department",
    )


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        ("Sobre la Free Software Foundation Europe", "Free Software Foundation Europe"),
        (
            "Federal Reserve ActionsThe Federal Open Market Committee",
            "The Federal Open Market Committee",
        ),
        ("LiquidityThe Company", None),
        ("Care Act on the Local Government Association", "Local Government Association"),
        ("Verein Mehr Demokratie", "Mehr Demokratie"),
        ("V. Landesverband", None),
        ("Politik und Verwaltung", None),
        ("Berliner Politik und Verwaltung", None),
        (
            "Federal Ministry of Education and Research",
            "Federal Ministry of Education and Research",
        ),
        ("Committees and Caucuses", None),
        ("Departments of State", None),
        ("Russian Federation", None),
        ("Updated Guidance for Foreign Financial Institutions on OFAC Sanctions", None),
        ("ICE Contact Center", None),
        ("Best Friends Pet Resource Center", "Best Friends Pet Resource Center"),
        ("Sheriff’s Office", None),
        ("Havre de Grace Police", "Havre de Grace Police"),
        ("CBP’s National Targeting Center", "National Targeting Center"),
        (
            "HKTDC’s Communications & Public Affairs Department",
            "HKTDC’s Communications & Public Affairs Department",
        ),
        (
            "Connecticut's Department of Environmental Protection",
            "Connecticut's Department of Environmental Protection",
        ),
        ("FBI’s San Diego Field Office", "FBI’s San Diego Field Office"),
    ],
)
def test_fragments_around_a_body_s_name(found, kept):
    assert without_fragments((found,)) == ((kept,) if kept else ())


def test_an_owner_goes_where_the_text_defines_the_body_apart():
    text = "Today the Treasury’s Financial Crimes Enforcement Network (FinCEN) issued an alert."
    assert without_fragments(("Treasury’s Financial Crimes Enforcement Network",), text) == (
        "Financial Crimes Enforcement Network",
    )
    # Not a country's body, nor an acronym's office: the owner says whose.
    text = "LCX is licensed by Liechtenstein’s Financial Market Authority (FMA) since 2019."
    assert without_fragments(("Liechtenstein’s Financial Market Authority",), text) == (
        "Liechtenstein’s Financial Market Authority",
    )
    text = "the CBP and CBP's Office of Information Technology (OIT) said."
    assert without_fragments(("CBP's Office of Information Technology",), text) == (
        "CBP's Office of Information Technology",
    )


def test_a_head_noun_before_a_body_listed_apart_goes():
    found = ("Secrétaire du Conseil du Trésor", "Conseil du Trésor")
    assert without_fragments(found) == ("Conseil du Trésor",)


def test_names_the_text_writes_longer():
    text = "agents of IRS – Criminal Investigation and the Frankfurt am Main Public Prosecutor’s Office"
    assert whole_around(("IRS", "Main Public Prosecutor’s Office"), text) == (
        "IRS – Criminal Investigation",
        "Frankfurt am Main Public Prosecutor’s Office",
    )


def test_a_release_lists_its_bodies_whole_and_once():
    r = extract(
        "Silk Road Vendor Sentenced\n\nBALTIMORE, Maryland - A vendor was sentenced today.\n\n"
        "The case was investigated by the Drug Enforcement Administration, Baltimore District "
        "Office, and the Federal Bureau of Investigation, with special agents of IRS – Criminal "
        "Investigation. The FBI thanked its partners."
    )
    assert "Drug Enforcement Administration, Baltimore District Office" in r.organisations
    assert "Baltimore District Office" not in r.organisations
    assert [o for o in r.organisations if "FBI" in o or "Federal Bureau" in o] == [
        "Federal Bureau of Investigation"
    ]
    assert "IRS – Criminal Investigation" in r.organisations
