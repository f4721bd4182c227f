"""Contact blocks in their many shapes, including the run-together ones of converted HTML."""

import pytest

from store.ingest.extract.anatomy import extract
from store.records import Contact

HEAD = "Acme Opens a Plant\n\nLYON, 3 March 2024 – Acme Corp. opened a plant.\n\n"


def contacts(block: str) -> tuple[Contact, ...]:
    return extract(HEAD + block).contacts


def test_please_contact_with_email_and_role():
    found = contacts("For more information, please contact press@acme.example, Acme Press Officer")
    assert found == (Contact(role="Acme Press Officer", email="press@acme.example"),)


def test_media_contact_name_role_email_on_one_line():
    found = contacts(
        "Media Contact: Ryan Mueller, Director of Sales & Marketing, Ryanm@NJBProtection.com"
    )
    assert found == (
        Contact(
            name="Ryan Mueller",
            role="Director of Sales & Marketing",
            email="Ryanm@NJBProtection.com",
        ),
    )


def test_several_contacts_with_international_phones():
    found = contacts(
        "Media contacts:\n\nJane Doe\nHead of Communications, Acme Corp.\n+1 (212) 555-0100\n"
        "jane.doe@acme.example\n\nJohn Roe\nPress Officer\n+44 20 7946 0958\njohn.roe@acme.example"
    )
    assert [c.name for c in found] == ["Jane Doe", "John Roe"]
    assert found[0].phone == "+1 (212) 555-0100"
    assert found[1].phone == "+44 20 7946 0958"
    assert found[1].email == "john.roe@acme.example"


@pytest.mark.parametrize(
    ("header", "phone"),
    [
        ("Contacts presse", "+33 1 23 45 67 89"),
        ("Contact presse", "Tel.: 01 23 45 67 89"),
        ("Contacto de prensa", "+34 91 123 45 67"),
        ("Contactos", "+34 91 123 45 67"),
        ("Pressekontakt", "+49 (0) 89 1250903 33"),
        ("Kontakt", "T: +49 (0) 89 1250903 33"),
        ("Press contact", "(555) 123-4567"),
        ("Contact Details", "T: +852 2169 0000"),
        ("Contact:", "+1 (212) 555-0100"),
    ],
)
def test_contact_headers_in_several_languages(header, phone):
    found = contacts(f"{header}\nMarie Dupont\n{phone}\nmarie.dupont@acme.example")
    assert len(found) == 1
    assert found[0].name == "Marie Dupont"
    assert found[0].email == "marie.dupont@acme.example"
    assert found[0].phone is not None and found[0].phone in phone


def test_run_together_investor_relations_block():
    found = contacts(
        "ContactsInvestor Relations:Haier Smart Home (Hong Kong)T: +852 2169 0000E: ir@haier.hk"
    )
    assert found == (
        Contact(
            organisation="Haier Smart Home (Hong Kong)", email="ir@haier.hk", phone="+852 2169 0000"
        ),
    )


def test_run_together_name_and_email():
    found = contacts(
        "Media Contact:\n\nCynthia Salarizadehcynthia@ashamediagroup.com(856) 425.6160"
    )
    assert found == (
        Contact(
            name="Cynthia Salarizadeh", email="cynthia@ashamediagroup.com", phone="(856) 425.6160"
        ),
    )


def test_run_together_phone_and_email():
    found = contacts("Contacts:Doug Wendt+ 1 718 841 7169connect@wendtpartners.com")
    assert found[0].name == "Doug Wendt"
    assert found[0].email == "connect@wendtpartners.com"


def test_one_contact_per_email():
    found = contacts(
        "Contact Information:\n\nSplash Beverage Group/ 954-745-5815 Info@SplashBeverageGroup.com"
        "Dennis Burns 567-237-4132 dburns@SplashBeverageGroup.com"
    )
    assert [c.email for c in found] == [
        "Info@SplashBeverageGroup.com",
        "dburns@SplashBeverageGroup.com",
    ]
    assert found[1].name == "Dennis Burns"


def test_contact_us_sentence_is_not_a_block():
    assert contacts("Contact us today to book a visit of the plant at visits@acme.example.") == ()


def test_emails_in_about_and_wire_footer_are_not_contacts():
    found = extract(
        HEAD + "About Acme\n\nAcme makes widgets. Write to hello@acme.example.\n\n"
        "BioMedWireSan Francisco, CA415.949.5050 OfficeEditor@BioMedWire.com\n"
    ).contacts
    assert found == ()


def test_contact_people_are_not_quoted_people():
    r = extract(
        HEAD
        + "“We grow,” said Ann Lee, CEO of Acme.\n\nMedia contact:\nBob Stone\nbob@acme.example"
    )
    assert [p.name for p in r.people] == ["Ann Lee"]
    assert r.contacts[0].name == "Bob Stone"


def test_every_email_occurs_literally():
    text = HEAD + "Media Contact: Jim BaudinoPresidentIconic Tonicspress@drink.comdrink.com"
    for contact in extract(text).contacts:
        assert contact.email is None or contact.email in text


def test_firm_on_the_first_line_and_its_person_on_the_next() -> None:
    # A newswire's "Contact Details" block: the firm, then the person, then the reach; the
    # address is the person's name at the firm's domain.
    text = (
        "Acme Signs a Deal\n\nSYDNEY, 25 March 2024 -- Acme signed a three-year deal today.\n\n"
        "Contact Details\n\nProactive Investors\n\nJonathan Jackson\n\n+61 413 713 744\n\n"
        "jonathan@proactiveinvestors.com\n"
    )
    (contact,) = extract(text).contacts
    assert contact.name == "Jonathan Jackson"
    assert contact.organisation == "Proactive Investors"
    assert contact.email == "jonathan@proactiveinvestors.com"


def test_person_then_firm_stays_as_written() -> None:
    text = (
        "Acme Signs a Deal\n\nSYDNEY, 25 March 2024 -- Acme signed a three-year deal today.\n\n"
        "Media contact:\nDerek Simmons\nHarborline Cruises\n+1 555 0100\n"
        "derek@harborlinecruises.com\n"
    )
    (contact,) = extract(text).contacts
    assert (contact.name, contact.organisation) == ("Derek Simmons", "Harborline Cruises")


@pytest.mark.parametrize(
    ("block", "email"),
    [
        # The website glued after the address, its name in camel case.
        ("Media Contact\nHeather Hook\nHeather@keycrew.coKeyCrew.co\n", "Heather@keycrew.co"),
        ("Contact: info@hr.comHR.com\n", "info@hr.com"),
        # The firm's legal form glued before it, with its dot.
        (
            "Contact:\nJohn P. Gorst, Chief Executive Officer\nUNLOCKD Inc.IR@unlockdinc.com\n",
            "IR@unlockdinc.com",
        ),
        # A domain written in camel case stays whole.
        ("Media contact: press@news.MilestonePublicity.com\n", "press@news.MilestonePublicity.com"),
    ],
)
def test_text_glued_to_an_address_is_cut_off(block: str, email: str) -> None:
    assert [c.email for c in contacts(block)] == [email]
