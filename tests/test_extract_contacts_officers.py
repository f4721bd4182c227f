"""Press officers with several numbers (issue 10, the European Parliament's shape): each
further number kept as its own contact, a number's place code in brackets no organisation,
a date in brackets no phone, names with central European letters, and a block that ends at
the section after it."""

from __future__ import annotations

import re

from store.ingest.extract.anatomy import extract


def _contacts(
    text: str, title: str | None = None
) -> list[tuple[str | None, str | None, str | None]]:
    found = extract(text, title=title).contacts
    digits = re.sub(r"\D", "", text)
    for contact in found:  # never invented: every email and phone is in the text
        assert contact.email is None or contact.email in text
        assert contact.phone is None or re.sub(r"\D", "", contact.phone) in digits
    return [(c.name, c.email, c.phone) for c in found]


def _officer(name: str, email: str, office: str, strasbourg: str | None, mobile: str) -> str:
    lines = [name, "Press Officer", "Contact data:", f"Phone number: {office} (BXL)"]
    if strasbourg:
        lines.append(f"Phone number: {strasbourg} (STR)")
    lines += [f"Mobile number: {mobile}", f"E-mail: {email}", "Twitter account: @EP_Press"]
    return "\n\n".join(lines)


_TOP = (
    "Parliament paves way for disaster recovery\n\n"
    "Regional funds can be used more flexibly, MEPs decided on Tuesday.\n\n"
)


def test_each_further_number_of_an_officer_is_kept_without_the_place_label() -> None:
    """europarl.europa.eu: "(BXL)" after the office line is the number's label; the mobile
    below it is the same officer's, kept as a nameless contact after theirs."""
    text = (
        _TOP
        + "Contacts:\n\n"
        + _officer(
            "Snježana KOBEŠĆAK SMODIŠ",
            "snjezana.kobescak@europarl.europa.eu",
            "(+32) 2 28 32547",
            "+33 3 881 74007",
            "(+32) 470 96 08 19",
        )
        + "\n\nFurther information\n\n"
        + "EPRS (European Parliament Think Tank): Venezuela (12.04.2019)\n"
    )
    assert _contacts(text) == [
        ("Snježana KOBEŠĆAK SMODIŠ", "snjezana.kobescak@europarl.europa.eu", "(+32) 2 28 32547"),
        (None, None, "+33 3 881 74007"),
        (None, None, "(+32) 470 96 08 19"),
    ]
    assert all(c.organisation is None for c in extract(text).contacts)


def test_three_officers_with_five_lines_each_are_all_read() -> None:
    """Lines of numbers and addresses do not count against a block's length: the third of
    three officers was cut off."""
    officers = [
        (
            "Janne OJAMO",
            "janne.ojamo@europarl.europa.eu",
            "(+32) 2 284 12 50",
            "(+32) 470 89 21 92",
        ),
        (
            "Lieven COSIJN",
            "lieven.cosijn@europarl.europa.eu",
            "(+32) 2 28 31183",
            "(+32) 473 864 141",
        ),
        ("Hana RAISSI", "hana.raissi@europarl.europa.eu", "(+32) 2 28 41587", "(+32) 484 27 87 54"),
    ]
    text = (
        _TOP
        + "Contacts:\n\n"
        + "\n\n".join(_officer(n, e, o, None, m) for n, e, o, m in officers)
        + "\n\nFurther information\n\n[Procedure file](https://oeil.example/2024)\n"
    )
    expected = []
    for name, email, office, mobile in officers:
        expected += [(name, email, office), (None, None, mobile)]
    assert _contacts(text) == expected


def test_a_date_in_brackets_is_no_phone() -> None:
    """ "Video of the debate (17.10.2022)" under the contacts: a link's date, not a number."""
    text = (
        _TOP
        + "Contacts:\n\nGediminas VILKAS\n\nPress Officer\n\n"
        + "Phone number: (+32) 2 28 33592 (BXL)\n\n"
        + "E-mail: gediminas.vilkas@europarl.europa.eu\n\n"
        + "Video of the debate (17.10.2022)\n\nPress conference (19/10/2022)\n"
    )
    phones = [phone for _, _, phone in _contacts(text)]
    assert phones == ["(+32) 2 28 33592"]


def test_a_public_number_in_a_sentence_after_the_contacts_is_no_further_number() -> None:
    """A town hall's switchboard in the sentence after the last press contact is not hers."""
    text = (
        "Titre\n\nLYON – La ville lance un service.\n\nContacts presse\n\n"
        "Karim Benali\nResponsable communication, Roue Libre\n"
        "karim.benali@rouelibre.example\n+33 6 55 01 23 45\n\n"
        "Pour toute question pratique, les habitants peuvent joindre le standard de la "
        "mairie au 04 65 71 12 30, du lundi au vendredi.\n"
    )
    assert _contacts(text) == [
        ("Karim Benali", "karim.benali@rouelibre.example", "+33 6 55 01 23 45")
    ]


def test_the_same_number_twice_is_kept_once() -> None:
    text = (
        _TOP + "Media contact:\n\nJane Roe\nPhone: +1 202 555 0100\nTel: +1 (202) 555-0100\n"
        "jane.roe@acme.example\n"
    )
    assert _contacts(text) == [("Jane Roe", "jane.roe@acme.example", "+1 202 555 0100")]


def test_each_desk_of_a_list_keeps_its_own_number_and_address() -> None:
    """numerique.gouv.fr: "Desk : number – address" per line, after "Contacts presse :" (the
    French space before the colon); each desk its own contact, its name as organisation."""
    text = (
        "France 2030 : un nouvel appel à projets\n\nPARIS – L’État lance un appel.\n\n"
        "Contacts presse :\n"
        "Cabinet de Marina FERRARI : 01 53 18 43 70 - presse.senum@numerique.gouv.fr\n\n"
        "Direction générale des Entreprises : 01 44 97 04 49 – presse.dge@finances.gouv.fr\n\n"
        "Bpifrance : 06 72 76 08 09 – juliette.fontanillas@bpifrance.fr\n"
    )
    found = extract(text).contacts
    assert [(c.organisation, c.email, c.phone) for c in found] == [
        ("Cabinet de Marina FERRARI", "presse.senum@numerique.gouv.fr", "01 53 18 43 70"),
        ("Direction générale des Entreprises", "presse.dge@finances.gouv.fr", "01 44 97 04 49"),
        ("Bpifrance", "juliette.fontanillas@bpifrance.fr", "06 72 76 08 09"),
    ]


def test_a_fields_label_or_a_named_person_is_no_desk() -> None:
    """ "CEO Email: ..." is a field; "American Heart Association: Linzy Cotaya: ..." names her."""
    text = (
        "Title\n\nBody of the release.\n\nMedia contacts:\n"
        "American Heart Association: Linzy Cotaya: 504-872-3446; linzy.cotaya@heart.org\n"
    )
    assert _contacts(text) == [("Linzy Cotaya", "linzy.cotaya@heart.org", "504-872-3446")]
    field = "Title\n\nBody of the release.\n\nContact:\nCEO Email: ceo@acme.example\n"
    assert [c.organisation for c in extract(field).contacts] == [None]


_NASA_TITLE = "HUBBLE TELESCOPE SERVICING MISSION SCHEDULED FOR ELEVEN DAYS"
_NASA_HEADER = (
    "Ed Campion\nHeadquarters, Washington, D.C.                             April 23, 1993\n"
    "(Phone:  202/358-1780)\n\nKyle Herring\nJohnson Space Center, Houston\n"
    "(Phone:  713/483-5111)\n\nRELEASE:  93-76\n\n"
    "HUBBLE TELESCOPE SERVICING MISSION SCHEDULED FOR ELEVEN DAYS\n\n"
    "\tThe December flight of Endeavour on Space Shuttle mission STS-61 to\n"
    "service the Hubble Space Telescope has been scheduled as an 11 day mission.\n"
)


def test_contacts_heading_a_release_without_a_heading_of_their_own() -> None:
    """NASA's releases of 1993: each officer's name, office and "(Phone: ...)" at the top
    (the mail reader gives the title line it found as the declared title)."""
    assert _contacts(_NASA_HEADER, _NASA_TITLE) == [
        ("Ed Campion", None, "202/358-1780"),
        ("Kyle Herring", None, "713/483-5111"),
    ]


def test_a_name_over_a_paragraph_is_no_header_contact() -> None:
    """A group must end in its number line, and a name must open it."""
    text = _NASA_HEADER.replace("(Phone:  202/358-1780)", "Launch set for December.")
    assert _contacts(text, _NASA_TITLE) == [("Kyle Herring", None, "713/483-5111")]
    text = _NASA_HEADER.replace("Kyle Herring\n", "THE MISSION\n")
    assert _contacts(text, _NASA_TITLE) == [("Ed Campion", None, "202/358-1780")]


def test_a_heading_written_out_to_its_colon_opens_the_block_below() -> None:
    """numerique.gouv.fr: "Contact presse du secrétariat d’État, ... allemand :" alone on its
    line, then the name, and "Tél : ... | Mél : ... | street, house number, postcode, town"."""
    text = (
        "Titre\n\nPARIS – La France et l’Allemagne signent une déclaration.\n\n"
        "Contact presse du secrétariat d’État, CIO du gouvernement fédéral allemand :\n"
        "Maximilian KALL, responsable\n"
        "Tél : +49 30 18 681- 22222 | Mél : presse@bmi.bund.de | Alt-Moabit 140 10557 Berlin\n"
    )
    assert _contacts(text) == [("Maximilian KALL", "presse@bmi.bund.de", "+49 30 18 681- 22222")]


def test_contact_us_in_a_pages_menu_opens_no_contact_block() -> None:
    """A page saved as text: "Contact Us" among the menu's items, the items below it no names."""
    from store.ingest.extract.anatomy import extract

    page = (
        "Operation reWired — FBI\n\nSearch\n\nFBI\n\nContact Us\n\nQuick Links\n\n"
        "Main Navigation\n\nSearch FBI\n\nOperation reWired\n\n"
        "The FBI and its partners arrested 281 people in a worldwide takedown of business "
        "email compromise schemes.\n"
    )
    assert extract(page).contacts == ()
    # A real block under the same heading, with an address, is read.
    real = page + "\nContact Us\n\nJane Doe\njane.doe@fbi.example\n"
    names = [c.name for c in extract(real).contacts]
    assert "Jane Doe" in names


ICE_PAGE = (
    "HSI investigation leads to 15-year sentence | ICE\n\nMedia Inquiries\n\nICE\n\n"
    "HSI investigation leads to 15-year sentence\n\nShare\n\nShare on Facebook\n\n"
    "Related Information\n\nChild Exploitation\n\n"
    "PORTLAND, Maine — A Kent, Washington man was sentenced Jan. 22 in U.S. District Court.\n\n"
    "For media inquiries about ICE activities, operations, or policies, contact the ICE "
    "Office of Public Affairs at ICEMedia@ice.dhs.gov .\n"
)


def test_a_menu_heading_over_no_address_and_no_number_opens_no_block() -> None:
    """ice.gov's pages saved as text: "Media Inquiries" among the menu's items, the items
    below it ("Share", "Child Exploitation") no names; the press desk's address in the
    footer's sentence is the contact, whole."""
    found = _contacts(ICE_PAGE)
    assert ("Child Exploitation", None, None) not in found
    assert [email for _, email, _ in found] == ["ICEMedia@ice.dhs.gov"]
    # A bare heading over a name with a number is a block still.
    real = ICE_PAGE.replace(
        "Media Inquiries\n\nICE\n\n", "Media Inquiries\n\nJane Roe\n\n+1 202 555 0100\n\n", 1
    )
    assert ("Jane Roe", None, "+1 202 555 0100") in _contacts(real)


def test_a_mailbox_named_with_an_acronym_is_not_split_at_its_desk_word() -> None:
    """ "ICEMedia@ice.dhs.gov" is one address; "Office" run into "Editor@..." is a label (the
    number's) and the address after it, as InvestorBrandNetwork's footer lost its break."""
    head = "Acme news\n\nDALLAS -- Acme opened a plant in Dallas today, its fourth in Texas.\n\n"
    assert [e for _, e, _ in _contacts(head + "Contact:\nICEMedia@ice.dhs.gov\n")] == [
        "ICEMedia@ice.dhs.gov"
    ]
    glued = head + "Contact:\n310.299.1717 OfficeEditor@InvestorBrandNetwork.com\n"
    assert [e for _, e, _ in _contacts(glued)] == ["Editor@InvestorBrandNetwork.com"]
