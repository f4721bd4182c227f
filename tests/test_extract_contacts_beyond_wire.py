"""Contacts, places and organisations beyond wire copy (issue 10, third round): several media
contacts in a list or a sentence, a contact line above a PDF's headline, a site's menu, a
firm's line before its contact, a bold dateline without a dash, people with their title
taken for an organisation."""

from __future__ import annotations

import re

import pytest

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
    # An address is looked for only near the end of the release (a phone with a name
    # anywhere: see the next test).
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


def test_a_contact_sentence_with_a_name_and_a_phone_and_no_email() -> None:
    """ "Media contact: Jane Roe, +1 202 555 0100" inside a paragraph, "For more information
    call Jane Roe at (202) 555-0100", a Senate page's "2007Contact Katie Laning 202 224
    4843": no block and no email, a person and a phone."""
    inline = (
        "Acme opens a lab\n\nWASHINGTON -- Acme opened a lab today. "
        "Media contact: Jane Roe, +1 202 555 0100\n"
    )
    assert _contacts(inline) == [("Jane Roe", None, "+1 202 555 0100")]
    call = (
        "Acme opens a lab\n\nWASHINGTON -- Acme opened a lab today.\n\n"
        "For more information call Jane Roe at (202) 555-0100.\n"
    )
    assert _contacts(call) == [("Jane Roe", None, "(202) 555-0100")]
    reporters = "Title\n\nBody.\n\nReporters can call Jane Doe, press secretary, at 202-555-0100.\n"
    assert _contacts(reporters) == [("Jane Doe", None, "202-555-0100")]
    senate = (
        "Lincoln Responds to FEMA Decision\n\n"
        "Lincoln Responds to FEMA Decision  FOR IMMEDIATE RELEASE  March 08  2007Contact  "
        "Katie Laning  202 224 4843 Washington   U S  Senator Blanche Lincoln  D Ark   Thursday "
        "responded to the decision of the agency to deny the request of the state.\n"
    )
    assert _contacts(senate) == [("Katie Laning", None, "202 224 4843")]
    # Two people joined by "and" before one number: the number is written once, for the first.
    two = "Title\n\nBody.\n\nContact: Barry E. Piatt and Brenden Timpe, 202/224-2551.\n"
    assert _contacts(two) == [
        ("Barry E. Piatt", None, "202/224-2551"),
        ("Brenden Timpe", None, None),
    ]
    # Not a media contact: a centre to call, a call in prose with no word of the press, a
    # business the release names throughout, a phone-less "call".
    assert (
        _contacts(
            "Title\n\nBody.\n\nFor more information, call the Red River Valley Research Corridor "
            "Coordinating Center at 1-888-775-0192.\n"
        )
        == []
    )
    assert _contacts("Title\n\nBody.\n\nResidents should call Jane Roe at 202-555-0100.\n") == []
    shop = "Stellar Eye Care opens. Stellar Eye Care treats eyes. "
    assert (
        _contacts(f"Title\n\n{shop}For more information contact Stellar Eye Care at 780-652-2033.")
        == []
    )
    assert _contacts("Title\n\nBody.\n\nFor more information call Jane Roe today.\n") == []
    # Two companies joined by "and" in a block are no pair of people.
    firms = (
        "Title\n\nBody.\n\nContact Details\n\nAndalou Naturals and Mineral Fusion\n\n"
        "Dana Tuchman\n\ndtuchman@tractenberg.example\n"
    )
    assert [c[0] for c in _contacts(firms)] == ["Dana Tuchman"]


def test_a_sites_menus_and_footer_name_no_organisation() -> None:
    """Tor's pages: the footer's menus ("#### About Tor" over a list of links, "* [Onion
    Services](...)") are the site's furniture, not organisations the release names."""
    text = (
        "# [Tor](../index.html.en)\n\n  * [Home](../index.html.en)\n  * [Press](../press/)\n\n"
        "## Tor releases its roadmap\n\n**WALPOLE, MA** The Tor Project today released its "
        "roadmap, with help from the NLnet Foundation.\n\n"
        "Contact: Andrew Lewman\n\n#### About Tor\n\n  * [What Tor Does](../about/overview)\n"
        "  * [Core Tor People](../about/corepeople)\n\n#### Get Involved\n\n"
        "  * [Onion Services](../docs/onion-services.html.en)\n  * [Mailing Lists](../docs/)\n"
    )
    orgs = extract(text).organisations
    assert "NLnet Foundation" in orgs
    assert not {"Tor", "Onion Services", "Mailing Lists"} & set(orgs)


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        # Two bodies joined by "and".
        (
            "The case was investigated by the Justice Department and the Internal Revenue Service.",
            ["Justice Department", "Internal Revenue Service"],
            ["Justice Department and the Internal Revenue Service"],
        ),
        (
            "She studied at Harvard College and Yale Law School.",
            ["Harvard College", "Yale Law School"],
            [],
        ),
        # ... but one body's name with "and" in it stays whole.
        (
            "The Department of Health and Human Services and Securities and Exchange Commission.",
            ["Department of Health and Human Services", "Securities and Exchange Commission"],
            [],
        ),
        # A sentence's first words and a pronoun after the name.
        (
            "Under the Node.js Foundation the work grows. Currently the Node.js Foundation leads.",
            ["Node.js Foundation"],
            ["Under the Node.js Foundation", "Currently the Node.js Foundation"],
        ),
        (
            "Meskill led Connecticut's Department of Environmental Protection He was proud.",
            ["Connecticut's Department of Environmental Protection"],
            ["Connecticut's Department of Environmental Protection He"],
        ),
        (
            "It went to Senate Judiciary Committee Chairman Sen  Patrick Leahy for review.",
            ["Senate Judiciary Committee"],
            ["Senate Judiciary Committee Chairman Sen"],
        ),
        # An acronym whose brackets a web copy stripped.
        (
            "the delegation wrote to the Energy Information Administration  EIA  about it",
            ["Energy Information Administration (EIA)"],
            ["Energy Information Administration EIA"],
        ),
        # Programmes, an office's numbers, a role with a board, a cause: no bodies.
        (
            "The Airport Improvement Program (AIP) and the Section 215 Program grew.",
            [],
            ["Airport Improvement Program (AIP)", "Section 215 Program"],
        ),
        ("Contact Press Office 202 224 3224 Thursday December 20 2007 today.", [], []),
        (
            "Chairman Adam I. Klein and Board Members Jane E. Nitze and Edward W. Felten met.",
            [],
            ["Board Members", "Klein and Board"],
        ),
        (
            "Die Freie Software Foundation Europe fördert Freie Software in Europa.",
            [],
            ["Freie Software"],
        ),
    ],
)
def test_organisations_are_bodies_not_fragments(
    sentence: str, kept: list[str], dropped: list[str]
) -> None:
    orgs = extract("Title of the release\n\n" + sentence + "\n").organisations
    for name in kept:
        assert name in orgs
    for name in dropped:
        assert name not in orgs
    assert not any(any(ch.isdigit() for ch in name) and "Office" in name for name in orgs)


def test_a_pages_title_repeated_in_its_text_is_no_organisation() -> None:
    text = (
        "Levin Statement on Nomination of Judge Alito to Supreme Court\n\n"
        "Senator Carl Levin  News Release\n\n"
        "Levin Statement on Nomination of Judge Alito to Supreme Court\n\n"
        "WASHINGTON  Sen  Carl Levin  D Mich  made this statement about the Supreme Court today.\n"
    )
    orgs = extract(text).organisations
    assert "Levin Statement on Nomination of Judge Alito to Supreme Court" not in orgs


def test_an_office_per_continent_and_a_german_compound_role_are_no_organisation() -> None:
    # mozilla.org: "In Europe:" / "In the US:" over each office's contacts.
    r = extract(
        "Mozilla gains stronghold in Europe\n\nPARIS - Mozilla Europe opens today.\n\n"
        "PRESS CONTACTS:\n\nIn Europe:\n\nTristan Nitot, +33 6 11 47 05 72\n\n"
        "email: press@mozilla-europe.org\n\nIn the US:\n\nBart Decrem, (650) 387-0625\n"
    )
    assert [c.name for c in r.contacts] == ["Tristan Nitot", "Bart Decrem"]
    assert all(c.organisation is None for c in r.contacts)
    assert r.issuer is None
    # OKF DE: "Maria Reimer, Projektleiterin": a role in one word, not her organisation.
    r = extract(
        "Jugend hackt\n\nBerlin, 15.09.2014 - Am Wochenende fand Jugend hackt statt.\n\n"
        "**Pressekontakt:**\n\nMaria Reimer, Projektleiterin\n\n"
        "[maria.reimer@okfn.org](mailto:maria.reimer@okfn.org)\n"
    )
    assert [(c.name, c.role, c.organisation) for c in r.contacts] == [
        ("Maria Reimer", "Projektleiterin", None)
    ]
