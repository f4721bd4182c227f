"""Press officers named beside one another or above their heading (issue 10): a second name
with no role between is a colleague, not the first one's firm, when both open with a given
name; a name in capitals above "Media Contact" is the contact's."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.given_names import given_names, is_given_name

_TOP = (
    "Man Sentenced for Cryptojacking Scheme\n\n"
    "BROOKLYN, NY – A man was sentenced today to prison for a fraud scheme, the office said.\n\n"
    "The case was investigated by the Federal Bureau of Investigation.\n\n"
)


def _names(text: str) -> list[str | None]:
    return [c.name for c in extract(text).contacts]


def test_the_list_is_loaded_once_and_holds_given_names_only() -> None:
    assert given_names() is given_names()
    assert is_given_name("Danielle") and is_given_name("JENNIFER") and is_given_name("shelby")
    assert not is_given_name("Harborline") and not is_given_name("Attorney")


def test_two_names_over_one_office_and_number_are_two_contacts() -> None:
    """justice.gov: "Contact" / "John Marzulli" / "Danielle Blustein Hass" / office / number."""
    text = _TOP + (
        "Contact\n\nJohn Marzulli\n\nDanielle Blustein Hass\n\n"
        "United States Attorney’s Office\n\n(718) 254-6323\n\nUpdated December 5, 2024\n"
    )
    assert _names(text) == ["John Marzulli", "Danielle Blustein Hass"]


def test_two_names_on_the_contact_line_before_the_number() -> None:
    text = _TOP + "Contact: Nicholas Biase, Shelby Wratchford, (212) 637-2600\nUpdated June 26\n"
    assert _names(text) == ["Nicholas Biase", "Shelby Wratchford"]


def test_a_firm_after_a_name_is_still_the_firm() -> None:
    """No given name opens "Harborline Cruises": the person's firm, as before."""
    text = _TOP + "Media contact:\n\nDerek Simmons\n\nHarborline Cruises\n\n+1 305 555 0100\n"
    found = extract(text).contacts
    assert [(c.name, c.organisation) for c in found] == [("Derek Simmons", "Harborline Cruises")]


def test_a_firm_opening_with_a_given_name_is_still_the_firm() -> None:
    text = _TOP + "Media contact:\n\nDerek Simmons\n\nGrant Thornton Group\n\n+1 305 555 0100\n"
    found = extract(text).contacts
    assert [(c.name, c.organisation) for c in found] == [("Derek Simmons", "Grant Thornton Group")]


def test_a_name_in_capitals_above_media_contact_is_the_contact() -> None:
    """A U.S. Attorney's page: the office and its address under "Contact", then the officer's
    name over "Media Contact" and the number."""
    text = _TOP + (
        "Contact\n\nUNITED STATES ATTORNEY’S OFFICE\n\nSuite 1250, 615 Chestnut Street\n\n"
        "Philadelphia, PA 19106\n\nJENNIFER CRANDALL\n\nMedia Contact\n\n215-861-8300\n\n"
        "If you have not done so already, follow us on Twitter.\n"
    )
    assert _names(text) == ["JENNIFER CRANDALL"]


def test_a_line_that_is_no_name_above_media_contact_is_not_taken() -> None:
    text = _TOP + "Visit our newsroom\n\nMedia Contact\n\n215-861-8300\n"
    assert _names(text) == [None]


def test_a_firm_the_address_spells_a_street_or_the_same_person_are_no_colleague() -> None:
    """A firm's name that its address spells ("Valencia Theater Seating"), a street ("Marine
    Parade Kingscliff") and the same person again ("Helen Hogben" under "Helen Hogben
    Barrister") stay what the block took them for: no second contact."""
    text = _TOP + (
        "Media contact:\n\nDave Henderson\n\nValencia Theater Seating\n\n"
        "dave@valenciatheaterseating.com\n"
    )
    found = extract(text).contacts
    assert [(c.name, c.organisation) for c in found] == [
        ("Dave Henderson", "Valencia Theater Seating")
    ]
    text = _TOP + "Contact:\n\nJenny Smythe\n\nMarine Parade Kingscliff\n\n+61 431 515 820\n"
    assert _names(text) == ["Jenny Smythe"]
    text = _TOP + "Contact:\n\nHelen Hogben Barrister\n\nHelen Hogben\n\n+44 191 232 1927\n"
    assert _names(text) == ["Helen Hogben Barrister"]


def test_the_firm_the_address_spells_over_its_person() -> None:
    """newsdirect: "Contact Details" / the firm / its person / the person's address at the
    firm's domain: the person, with the firm as organisation."""
    text = _TOP + (
        "Contact Details\n\nValencia Theater Seating\n\nDave Henderson\n\n"
        "dave@valenciatheaterseating.com\n"
    )
    found = extract(text).contacts
    assert [(c.name, c.organisation) for c in found] == [
        ("Dave Henderson", "Valencia Theater Seating")
    ]


def test_the_firm_over_its_person_whose_address_is_the_desk_s() -> None:
    """newsdirect: the firm, its person, a number and the press desk's address at the firm's
    domain; the person's name is no address's."""
    text = _TOP + (
        "Contact DetailsMinerva Surgical\n\nKevin Tracey\n\n+1 855-646-7874\n\n"
        "media@minervasurgical.com\n\nCompany Websitehttps://minervasurgical.com/\n"
    )
    found = extract(text).contacts
    assert [(c.name, c.organisation) for c in found] == [("Kevin Tracey", "Minerva Surgical")]


def test_a_street_is_not_the_person_of_the_firm_its_site_spells() -> None:
    text = _TOP + (
        "Contact:\n\nTerra Wellness\n\nMarine Parade Kingscliff\n\n+61 431 515 820\n\n"
        "https://terrawellness.com.au\n"
    )
    assert "Marine Parade Kingscliff" not in _names(text)
