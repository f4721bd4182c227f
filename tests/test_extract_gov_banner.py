"""A .gov page saved as text (justice.gov, fincen.gov): banner and menus are furniture, the
heading below them is the headline, the office in its header the issuer."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.gov_banner import strip_gov_banner
from store.ingest.extract.gov_office import gov_site_name, office_in_header
from store.ingest.extract.office_title import office_in_title

MENU_ITEMS = (
    "DOJ Menu About|Our Work|News|Press Releases|About EDVA|Contact Us|Divisions|Civil Division"
    "|Elder Justice Task Force|Contact|Main Menu|U.S. Department of Justice|Justice.gov"
    "|U.S. Attorneys"
)
MENUS = "\n\n".join(MENU_ITEMS.split("|"))
USAO_PAGE = f"""Eastern District of Virginia | Alexandria man sentenced for wire fraud scheme | United States Department of Justice

Here's how you know

A .gov website belongs to an official government organization in the United States.

{MENUS}

Eastern District of Virginia

Alexandria Man Sentenced For Wire Fraud Scheme

Press Release

Monday, May 6, 2024

Share

Facebook

X

LinkedIn

Email

For Immediate Release

U.S. Attorney's Office, Eastern District of Virginia

ALEXANDRIA, Va. – A local man was sentenced today to 30 months in prison for a wire fraud
scheme that cost investors more than $2 million.

The case was prosecuted by the Fraud Unit.

Updated May 6, 2024

Related Content

Norfolk man convicted of bank robbery

NORFOLK, Va. – A Norfolk man was convicted today of robbing three banks, announced ...
"""

FINCEN_PAGE = """Agency Issues Order Against Two Exchanges | FinCEN.gov

Here’s how you know

The .gov means it’s official.

Financial Crimes Enforcement Network

Menu

About FinCEN

News

Press Releases

Home

Agency Issues Order Against Two Exchanges

Immediate Release

September 26, 2024

WASHINGTON — Today the agency issued an order against two virtual currency exchanges.
"""


def test_the_heading_below_the_menus_is_the_headline() -> None:
    got = extract(USAO_PAGE)
    assert got.title == "Alexandria Man Sentenced For Wire Fraud Scheme"
    assert got.title_source == "text"
    assert got.location == "ALEXANDRIA, Va."
    assert got.date == "2024-05-06"


def test_menus_and_related_releases_are_not_read() -> None:
    got = extract(USAO_PAGE)
    assert "Main Menu" not in {c.name for c in got.contacts}
    assert not {"Civil Division", "Elder Justice Task Force"} & set(got.organisations)
    kept = strip_gov_banner(USAO_PAGE)
    assert kept.startswith("Alexandria Man Sentenced")
    assert "Norfolk" not in kept and "Facebook" not in kept and "Press Release\n" not in kept


def test_the_office_in_the_header_is_the_issuer() -> None:
    assert extract(USAO_PAGE).issuer == "U.S. Attorney's Office, Eastern District of Virginia"
    # Reposted by another agency: the office's line under the date.
    reposted = (
        "## Man Admits Aiding Darknet Market\n\nJanuary 27, 2026\n\n"
        "U.S. Attorney’s Office, Eastern District of Missouri\n\n"
        "ST. LOUIS – A man on Tuesday admitted involvement in a darknet market.\n\n"
        "**Contact**\n\nShelby Wratchford\n"
    )
    assert extract(reposted).issuer == "U.S. Attorney’s Office, Eastern District of Missouri"
    # Only a line that is the office's name whole; a sentence naming it is not.
    assert office_in_header(["The U.S. Attorney's Office, District of Oregon, said."]) is None


def test_a_gov_site_names_itself_in_the_page_title() -> None:
    got = extract(FINCEN_PAGE)
    assert got.title == "Agency Issues Order Against Two Exchanges"
    assert got.issuer == "FinCEN"
    assert gov_site_name("Statement | FinCEN.gov\n\nno banner here\n") is None


def test_a_page_without_the_banner_is_left_as_it_is() -> None:
    text = "Here is a title\n\nLONDON – Something happened.\n\nShare\n"
    assert strip_gov_banner(text) is text
    # The banner without a heading found below it: nothing is cut.
    odd = "Here's how you know\n\nMenu\n\nAbout\n"
    assert strip_gov_banner(odd) is odd


def test_the_office_whole_and_the_department_of_the_title_are_organisations() -> None:
    page = USAO_PAGE.replace(
        "The case was prosecuted by the Fraud Unit.",
        "The case was prosecuted by the U.S. Attorney's Office with the FBI.",
    )
    got = extract(page)
    assert "U.S. Attorney's Office, Eastern District of Virginia" in got.organisations
    assert "United States Department of Justice" in got.organisations
    assert "U.S. Attorney's Office" not in got.organisations


def test_the_office_in_the_title_when_no_line_under_the_date_names_it() -> None:
    # A page whose line under the date is missing names its office only in its title.
    page = USAO_PAGE.replace("Eastern District of Virginia | ", "District of Rhode Island | ", 1)
    page = "\n".join(
        line for line in page.split("\n") if not line.startswith("U.S. Attorney's Office")
    )
    assert office_in_header(page.split("\n")) is None
    assert office_in_title(page) == "U.S. Attorney's Office, District of Rhode Island"
    assert extract(page).issuer == "U.S. Attorney's Office, District of Rhode Island"


def test_no_office_from_a_title_without_the_banner_or_the_department() -> None:
    assert office_in_title("District of Rhode Island | Heading | Providence Journal\n") is None
    assert (
        office_in_title(USAO_PAGE.replace(" | United States Department of Justice", "", 1)) is None
    )
