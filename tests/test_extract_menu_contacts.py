"""A page's menu read as a contact block gives no contacts."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.menu_contacts import without_menu_contacts
from store.records import Contact

MENU = "\n\n".join(
    [
        "Home",
        "About",
        "Biography",
        "Committees and Caucuses",
        "Contact",
        "Offices",
        "Newsletter Subscription",
        "Website Problem",
        "Issues",
        "Civil Rights and Social Justice",
        "Government Oversight & Ethics",
        "Immigration",
        "National Security and Foreign Affairs",
        "Local Issues",
    ]
)
PAGE = f"""CONGRESSMAN LIEU STATEMENT ON THE SENTENCING | Congressman Ted Lieu

{MENU}

Press Release

July 12, 2016

WASHINGTON – Today, Congressman Ted W. Lieu issued the following statement on the sentencing.
"""


def test_menu_entries_are_not_contacts() -> None:
    assert [c.name for c in extract(PAGE).contacts if c.name] == []


def test_a_contact_with_an_address_or_a_number_stays() -> None:
    menu = "Offices, Civil Rights, Oversight & Ethics, Immigration, National Security"
    named = Contact(name="Website Problem", organisation=menu)
    reachable = Contact(name="Jane Doe", organisation=menu, phone="202-555-0100")
    with_address = Contact(
        name="Allan Lamb", organisation="Mobbs Miller House, Unit 19b, Northampton"
    )
    assert without_menu_contacts((named, reachable, with_address)) == (reachable, with_address)
