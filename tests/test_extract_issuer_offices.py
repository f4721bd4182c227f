"""Issuers the release names in its own way: a legislator's office that names its member in
full and then by surname, "Statement of Senator X", an "About" heading in capitals."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.issuer import about_in_capitals, office_named_again

# Text scraped from a senator's site: punctuation stripped, a run of spaces between parts.
SCRAPED = (
    "DOJ AGREES TO RELEASE RESULTS OF INVESTIGATION\n\n"
    " In response to a request from Committee Chairman Sen. Patrick Leahy (D-Vt.) and "
    "Sen. Jane Roe (D-R.I.), the Department of Justice has agreed that the results of an "
    "internal investigation will be made public, Roe announced today.\n\n"
    ' "I am glad the Department recognizes the public interest in the truth," said Roe, a '
    "member of the Judiciary Committee.\n\n"
    " Leahy and Roe wrote Monday to the Solicitor General asking for the report.\n"
)


def test_a_legislator_named_in_full_then_by_surname_is_the_office() -> None:
    assert extract(SCRAPED).issuer == "Senator Jane Roe"


def test_a_party_tag_names_the_member_and_the_title_comes_from_the_references() -> None:
    text = (
        "Senate Passes Children's Health Amendment\n\n"
        "WASHINGTON, DC- Today, the Senate passed an amendment authored by Senators Max "
        "Baucus (D-MT), John Rockefeller (D-WV) and Bob Kasey (D-PA) to reauthorize the "
        "program. The Senate sent a strong message today, said Senator Kasey. Senator Kasey "
        "also voted against an amendment that would have cut the program.\n"
    )
    assert extract(text).issuer == "Senator Bob Kasey"


def test_a_headline_in_capitals_names_the_member() -> None:
    text = (
        "U S SEN JANE ROE SECURES INVITATION FOR COLORADO OFFICIALS\n\n"
        "October 7th  2006   WASHINGTON  D C  U S  Sen  R Colo   announced Friday that she "
        "secured an invitation for state officials   This matters to our state   said Roe    "
        "It is work that must be done     Roe has secured an invitation for two deputies\n"
    )
    assert extract(text).issuer == "Senator Jane Roe"


def test_statement_of_a_legislator_is_their_office() -> None:
    text = (
        "December 21 2007 Statement of Senator Mary Jane Roe on the Hydropower Agreement\n\n"
        "Washington DC  Alcoa and its workers have been an anchor for the economy and this "
        "agreement will help make sure this legacy continues\n"
    )
    assert extract(text).issuer == "Senator Mary Jane Roe"


@pytest.mark.parametrize(
    "text",
    [
        # Named in full, but never again as an office writes of its member.
        "Bill Passes\n\nWASHINGTON - The bill by Sen. Jane Roe (D-R.I.) passed today. "
        "The House takes it up next week, and the president is expected to sign it.\n",
        # Two members, each referred to as often: no one office.
        "Bill Passes\n\nWASHINGTON - Sen. Jane Roe and Sen. John Doe wrote the bill. "
        "Roe said it was overdue. Doe said it was fair. Senator Roe and Senator Doe met.\n",
        # A first name after the title is not a reference: "Senator Jane Roe" twice.
        "Bill Passes\n\nWASHINGTON - Senator Jane Roe wrote the bill, and Senator Jane Roe "
        "will present it next week to the committee, with the support of the governor.\n",
    ],
)
def test_no_office_without_references_of_its_own(text: str) -> None:
    assert office_named_again("Bill Passes", text) is None


ASF = (
    "APACHE TUSCANY ENABLES SOA SOLUTIONS\n\n"
    "FOREST HILL MD – 14 October 2008 – Apache Tuscany, a new Top-Level Project of the "
    "Apache Software Foundation (ASF), today announced the release of version 1.3.2.\n\n"
    '"We continue to receive enthusiastic support," said Anthony Elder, Chair of the '
    "Project Management Committee.\n\n"
    "ABOUT THE APACHE SOFTWARE FOUNDATION\n"
    "Established in 1999, The Apache Software Foundation provides organizational, legal, "
    "and financial support for a broad range of Open Source software projects.\n"
)


def test_an_about_heading_in_capitals_names_the_issuer_as_its_paragraph_spells_it() -> None:
    assert extract(ASF).issuer == "Apache Software Foundation"


def test_an_about_heading_in_capitals_needs_a_spelling_in_the_text() -> None:
    heading = "## ABOUT THE TOR PROJECT"
    assert about_in_capitals(heading, "Based in Walpole, The Tor Project develops") == (
        "Tor Project"
    )
    # Only the heading's capitals: no name's case to take.
    assert about_in_capitals(heading, "THE TOR PROJECT DEVELOPS SOFTWARE") is None
    # Not a body's name.
    assert about_in_capitals("ABOUT THIS RELEASE", "About this release, read on") is None


@pytest.mark.parametrize(
    "text",
    [
        "Brochin Weighs Independent Run\n\nTOWSON - Former Democratic State Senator Jim "
        "Brochin is weighing a run, friends said. Brochin has not decided. Brochin will say.\n",
        "PAC Letter\n\nThe PAC wrote to Representative Pat Curry today. Curry has not "
        "answered. Curry is due at the hearing.\n",
    ],
)
def test_a_former_legislator_or_one_written_to_is_no_office(text: str) -> None:
    assert office_named_again(text.split("\n")[0], text) is None


def test_a_legislator_only_spoken_of_or_sharing_a_surname_is_no_office() -> None:
    cardin = (
        "Tax Credit Highlighted During Hearing\n\nThe hearing heard Senator Mike Crapo (R-ID), "
        "Senator Ben Kardin (D-MD) and a witness. \u201cSenator Kardin has been a champion of "
        "the credit,\u201d the coalition's president said. Senator Kardin's remarks begin at 1:11.\n"
    )
    assert office_named_again(cardin.split("\n")[0], cardin) is None
    harris = (
        "State Roundup\n\nThe foundation has selected Fagan Haris, the governor's chief of "
        "staff, as its head. Haris said it was an honour. Maryland Rep. Andy Haris (R-MD) "
        "wants earmarks. Haris has not decided. Haris will say.\n"
    )
    assert office_named_again("State Roundup", harris) is None


PARTNERS = (
    "Acme Announces Partnership With Beta\n\nLEEDS, 4 March 2024 – Acme and Beta Labs will "
    "work together on a new kind of battery, the companies said today.\n\n"
    "ABOUT ACME CORP. (NASDAQ: ACME)\nAcme Corp. makes batteries.\n\n"
    "ABOUT BETA LABS\nBeta Labs makes cells.\n"
)


def test_the_first_about_heading_in_capitals_is_the_issuers_and_the_others_partners() -> None:
    assert extract(PARTNERS).issuer == "Acme Corp."
    # The first names no body the text spells: a partner's below is not taken for it.
    series = PARTNERS.replace("ABOUT ACME CORP. (NASDAQ: ACME)", "ABOUT THE ACME SERIES™")
    assert extract(series).issuer != "Beta Labs"


def test_a_bills_sponsor_thanked_by_a_company_is_no_office() -> None:
    text = (
        "Modern Fortis Secures Passage of H.R. 2096\n\nAuthored and led by Congressman Andrew "
        "Garbarino (R-NY), the bill passed. \u201cIt is our job,\u201d said Congressman "
        "Garbarino. \u201cWe thank Congressman Garbarino for his leadership,\u201d said the "
        "founder of Modern Fortis.\n"
    )
    assert office_named_again(text.split("\n")[0], text) is None
