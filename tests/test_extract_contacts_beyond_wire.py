"""Contacts, places and organisations beyond wire copy (issue 10, third round): several media
contacts in a list or a sentence, a contact line above a PDF's headline, a site's menu, a
firm's line before its contact, a bold dateline without a dash, people with their title
taken for an organisation."""

from __future__ import annotations

import re

from store.ingest.extract.anatomy import extract
from store.ingest.extract.organisations import tidy_organisations


def _contacts(text: str) -> list[tuple[str | None, str | None, str | None]]:
    found = extract(text).contacts
    digits = re.sub(r"\D", "", text)
    for contact in found:  # never invented: every email and phone is in the text
        assert contact.email is None or contact.email in text
        assert contact.phone is None or re.sub(r"\D", "", contact.phone) in digits
    return [(c.name, c.email, c.phone) for c in found]


def test_one_media_contact_per_country_or_office() -> None:
    text = (
        "Acme opens in Latin America\n\nBUENOS AIRES -- Acme opened three offices today.\n\n"
        "Media contacts:\n"
        "Argentina: Lucía Pérez, lucia.perez@acme.example, +54 11 5555 1234\n"
        "Brazil: João Silva, joao.silva@acme.example, +55 11 5555 4321\n"
        "North America: Ana López, ana.lopez@acme.example, +1 212 555 0100\n"
    )
    assert _contacts(text) == [
        ("Lucía Pérez", "lucia.perez@acme.example", "+54 11 5555 1234"),
        ("João Silva", "joao.silva@acme.example", "+55 11 5555 4321"),
        ("Ana López", "ana.lopez@acme.example", "+1 212 555 0100"),
    ]


def test_contacts_written_in_a_sentence() -> None:
    french = (
        "Titre du communiqué\n\nPARIS – Acme ouvre un bureau.\n\n"
        "Contact presse : Marie Dupont, marie.dupont@acme.example, +33 1 23 45 67 89\n"
    )
    assert _contacts(french) == [("Marie Dupont", "marie.dupont@acme.example", "+33 1 23 45 67 89")]
    two = (
        "Title\n\nBody.\n\nPress contacts: Marie Dupont, marie.dupont@acme.example, "
        "+33 1 23 45 67 89; Hans Meier, hans.meier@acme.example, +49 30 1234567\n"
    )
    assert _contacts(two) == [
        ("Marie Dupont", "marie.dupont@acme.example", "+33 1 23 45 67 89"),
        ("Hans Meier", "hans.meier@acme.example", "+49 30 1234567"),
    ]


def test_a_contact_in_the_releases_last_sentence() -> None:
    """pclob.gov: "Media questions may be directed to <name> at <email> or <phone>.": no block."""
    text = (
        "July 23rd Public Meeting\n\nThe Board will hold a public meeting.\n\n"
        "Media questions may be directed to Sharon Bradford Franklin at info@pclob.gov or "
        "202-331-1986. Further text follows.\n"
    )
    assert _contacts(text) == [("Sharon Bradford Franklin", "info@pclob.gov", "202-331-1986")]
    called = (
        "Title\n\nBody.\n\nReporters can reach Jane Doe, Press Secretary, at "
        "jane.doe@acme.example or 202-555-0100.\n"
    )
    assert _contacts(called) == [("Jane Doe", "jane.doe@acme.example", "202-555-0100")]
    # A sentence about the press with an address in it, but no one to reach: nothing.
    assert _contacts("Title\n\nThe press wrote to info@acme.example. Reach 5,000 readers.\n") == []
    # Only an address is looked for (a phone alone is not: scanning every release's end for
    # numbers cost too much), and only near the end of the release.
    assert _contacts("Title\n\nBody.\n\nReporters can call Jane Doe at 202-555-0100.\n") == []
    far = "Title\n\nMedia may contact Jane Doe at jane@acme.example.\n\n" + "More text. " * 600
    assert _contacts(far) == []


def test_a_contact_line_indented_in_a_pdf_letterhead() -> None:
    """Text from a PDF: the contact line is indented by the layout, above the headline."""
    text = (
        "                       Privacy\tand\tCivil\tLiberties\tOversight\tBoard\n\n\n"
        "Press Release\n\n"
        "          December 17, 2018\n"
        "          For Immediate Release\n"
        "          Contact: Jen Burita/202-296-4190\n\n\n"
        "                    STATEMENT ON DEPARTURE OF BOARD MEMBER ELISEBETH COLLINS\n\n"
        "                   WASHINGTON, DC -  The Members of the Board thank her.\n"
    )
    assert _contacts(text) == [("Jen Burita", None, "202-296-4190")]


def test_a_sites_menu_is_no_contact_block() -> None:
    """Tor's pages end with a menu: "* Contact Us", then "Get Involved", "Mailing Lists"."""
    text = (
        "Tor releases 0.2.2\n\nWALPOLE, MA -- Tor released a stable version.\n\n"
        "Contact: Andrew Lewman\n\nTel: +1-781-948-1982\n\nEmail: execdir@torproject.org\n\n"
        "About Tor\n\n* What Tor Does\n* Users of Tor\n* Contact Us\n\nGet Involved\n\n"
        "* Donate\n* Mailing Lists\n* Translations\n\nDocumentation\n\n* Manuals\n"
        "* Installation Guides\n* Tor Wiki\n"
    )
    assert _contacts(text) == [("Andrew Lewman", "execdir@torproject.org", "+1-781-948-1982")]
    # A bullet that heads a real block with its people on the same line still counts.
    bullet = "Title\n\nBody.\n\n* Media contact: Jane Doe, jane@acme.example\n"
    assert _contacts(bullet) == [("Jane Doe", "jane@acme.example", None)]


def test_each_email_stays_with_the_person_it_was_written_next_to() -> None:
    """newsdirect: "Luxy Hair" (the client) above "Gillian Fetters / gillianf@..."; and a
    firm's name before its legal form ("Horn Wright, LLP") taken for a person's."""
    luxy = (
        "Title\n\nBody.\n\nContact DetailsSix One Agency\n\nCamryn Carlson\n\n"
        "camryn@six-one.com\n\nLuxy Hair\n\nGillian Fetters\n\ngillianf@luxyhair.com\n"
    )
    assert _contacts(luxy) == [
        ("Camryn Carlson", "camryn@six-one.com", None),
        ("Gillian Fetters", "gillianf@luxyhair.com", None),
    ]
    horn = (
        "Title\n\nBody.\n\nContact DetailsHorn Wright, LLP\n\nCharles Horn, Esq.\n\n"
        "+1 516-714-5975\n\ninfo@hornwright.com\n"
    )
    found = extract(horn).contacts
    assert [(c.name, c.organisation, c.email) for c in found] == [
        ("Charles Horn", "Horn Wright, LLP", "info@hornwright.com")
    ]
    # Two colleagues sharing one set of numbers keep sharing them ("ia@" is Irmi Aigner's).
    shared = (
        "Body.\n\nMedia Contacts: CROSS ALLIANCE communication GmbH\nIrmi Aigner / Sven Pauly\n"
        "T: +49 (0) 89 1250903 33\nE: ia@crossalliance.de\n"
    )
    assert [c[:2] for c in _contacts(shared)] == [
        ("Irmi Aigner", "ia@crossalliance.de"),
        ("Sven Pauly", "ia@crossalliance.de"),
    ]


def test_a_heading_glued_to_the_name_is_split_off() -> None:
    text = "Title\n\nBody.\n\nContact DetailsYeweon Park\n\npress@tron.example\n"
    assert _contacts(text) == [("Yeweon Park", "press@tron.example", None)]


def test_a_bold_dateline_without_a_dash() -> None:
    """Tor: "**WALPOLE, MA** The Tor Project ..." (as text, and as Markdown read)."""
    body = "The Tor Project and Printfection launch the Tor Store for all your needs."
    assert extract(f"Tor store opens\n\n**WALPOLE, MA** {body}\n").location == "WALPOLE, MA"
    assert extract(f"Tor store opens\n\nWALPOLE, MA {body}\n").location == "WALPOLE, MA"
    assert extract(f"Tor store opens\n\n__Walpole, Massachusetts__ {body}\n").location == (
        "Walpole, Massachusetts"
    )
    # A bold lead-in is no place.
    assert extract(f"Tor store opens\n\n**IMPORTANT** {body}\n").location is None
    assert extract(f"Tor store opens\n\n**Update:** {body}\n").location is None


def test_people_with_their_title_are_no_organisation() -> None:
    found = (
        "Assistant District Attorneys Maria Leonardi and John Holmes of the District "
        "Attorney's Frauds Bureau",
        "Board Members Jane Nitze and Edward Felten",
        "Stoltenberg of the North Atlantic Treaty Organization",
        # Bodies that read like two pairs of names stay whole.
        "Cornwall Inshore Fisheries and Conservation Authority",
        "Senate Small Business and Commerce Committees",
        "Bill and Melinda Gates Foundation",
    )
    assert tidy_organisations(found, set()) == (
        "District Attorney's Frauds Bureau",
        "North Atlantic Treaty Organization",
        "Cornwall Inshore Fisheries and Conservation Authority",
        "Senate Small Business and Commerce Committees",
        "Bill and Melinda Gates Foundation",
    )
