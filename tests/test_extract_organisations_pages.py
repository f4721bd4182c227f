"""Organisations in government and agency pages (issue 10): link titles, names cut by a
page's logo or a long run, countries' possessives, places and portfolios before a body,
products, rooms, and one body under several names."""

from __future__ import annotations

import pytest

from store.ingest.extract.organisations import find_organisations, tidy_organisations
from store.ingest.extract.people import find_people


def orgs(text: str) -> tuple[str, ...]:
    return find_organisations(text, set())


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A link's title that names a body's remarks: the body, not the title.
        (
            "Partners\n\nAustralian Federal Police Remarks on Operation Trojan Shield\n",
            [],
        ),
        # "New" and "Los" open a place's name, not a sentence.
        (
            "with New Zealand Police and New Zealand Customs Service; the Los Angeles JCODE "
            "Task Force also helped.",
            [
                "New Zealand Police",
                "New Zealand Customs Service",
                "Los Angeles JCODE Task Force",
            ],
        ),
        # A country's possessive: where the body is, not its first word.
        (
            "Europol, the United Kingdom’s National Crime Agency and Canada’s Royal Canadian "
            "Mounted Police took part; Europol’s European Cybercrime Centre led.",
            [
                "National Crime Agency",
                "Royal Canadian Mounted Police",
                "European Cybercrime Centre",
                "Europol",
            ],
        ),
        # Two bodies that open with the same country, joined by "and".
        (
            "Canada Post and Canada Border Services Agency; The Netherlands",
            ["Canada Border Services Agency"],
        ),
        # A thing on a body's site, then the body.
        (
            "Report it through the CyberTipline on the National Center for Missing & Exploited "
            "Children's website.",
            ["National Center for Missing & Exploited Children"],
        ),
    ],
)
def test_bodies_in_agency_pages(text: str, names: list[str]) -> None:
    assert list(orgs(text)) == names


def test_a_run_longer_than_fifteen_capitalised_words_reads_its_last_body_whole() -> None:
    found = orgs(
        "prosecuted by Assistant U.S. Attorney Nancy S. Healey and Trial Attorney Darcy "
        "Katzin of the Department of Justice Criminal Divisions Child Exploitation and "
        "Obscenity Section."
    )
    assert found[-1] == "Child Exploitation and Obscenity Section"
    assert not any(name.endswith("Child") for name in found)


def test_a_logo_cut_over_two_lines_is_read_whole_when_its_acronym_is_used() -> None:
    page = "Search FBI\n\nFBI Federal\n\nBureau of Investigation\n\nThe FBI said on Monday."
    assert orgs(page) == ("Federal Bureau of Investigation", "FBI")
    # An adjective ends no name.
    assert orgs("Acme Federal\n") == ()
    # Without the acronym in the text, the line above is no part of the name.
    assert orgs("Federal\n\nBureau of Investigation\n") == ("Bureau of Investigation",)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A kind of office near the reader, not one office.
        (
            "Check in with your local ICE Office here, or write to the ICE Office of Public "
            "Affairs.",
            ["ICE Office of Public Affairs"],
        ),
        # A minister's portfolio, then the government whose it is.
        (
            "y los ministros de Interior y de Política Territorial del Gobierno de España. La",
            ["Gobierno de España"],
        ),
        # A place before the body it hosts.
        (
            "Durante la celebración en Luxemburgo del Consejo de Ministros de Interior. El",
            ["Consejo de Ministros de Interior"],
        ),
    ],
)
def test_the_words_before_a_run(text: str, names: list[str]) -> None:
    assert list(orgs(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        # Subprojects and kinds of offer, named with a product's organisation word.
        "It holds the Service Data Objects (SDO), and Data Access Service (DAS) subprojects.",
        "Best Integration with a Web Service (New/Upgraded)",
        "<b>Extensive Support Network</b><br>",
        "The suite brings Desktop Solutions to schools.",
        "Parents and Caregivers\n\nStudents\n\nSafety Resources\n",
        # A person whose surname is a word companies end with, after a title's dot.
        "Dr. Robert Seamans            Dr. Lee Silver\n",
        # A room, named as the place things were found in or come from.
        "in a room that the team named the Dinaledi Chamber. Fossils from the Dinaledi "
        "Chamber were dated; the team worked in the Dinaledi Chamber for years.",
    ],
)
def test_products_rooms_and_cut_names_are_no_bodies(text: str) -> None:
    assert orgs(text) == ()


def test_a_known_bodys_offer_is_no_body() -> None:
    assert orgs("Need an FBI Service or More Information?\n") == ("FBI",)
    # In the plural, a firm's name.
    assert orgs("banks including Wells Fargo, FCC Services and TD Bank") == (
        "FCC Services",
        "TD Bank",
    )


def test_spanish_capitalises_the_reach_of_a_body() -> None:
    text = "El acuerdo de la Unión Europea y la Comisión Europea se firmó en Bruselas."
    assert set(orgs(text)) == {"Unión Europea", "Comisión Europea"}
    # Named only inside the name of one of its agencies, it is that agency's word.
    text = "refuerza el papel de la Agencia de Asilo de la Unión Europea e introduce"
    assert orgs(text) == ("Agencia de Asilo de la Unión Europea",)


def test_a_body_that_names_a_product_stays() -> None:
    assert orgs("The Apache Software Foundation project and Acme Systems grew.") == (
        "Apache Software Foundation",
        "Acme Systems",
    )
    # A chamber spoken of as a body.
    assert orgs("said Jo Poe, president of the Dallas Regional Chamber.") == (
        "Dallas Regional Chamber",
    )


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        # The United States written three ways; the short form without it.
        (
            ("U.S. Secret Service", "United States Secret Service", "Secret Service"),
            ("U.S. Secret Service",),
        ),
        # A place that opens a name is no heading before it.
        (("Jets Foundation", "New York Jets Foundation"), ("New York Jets Foundation",)),
        # A network of task forces and one of them, named alike.
        (
            ("Cyber Fraud Task Forces (CFTFs)", "Cyber Fraud Task Force (CFTF)"),
            ("Cyber Fraud Task Forces (CFTFs)",),
        ),
        # An EU institution in English and in the release's language.
        (
            ("European Parliament", "Parlement européen", "Comisión Europea", "Acme"),
            ("European Parliament", "Comisión Europea", "Acme"),
        ),
    ],
)
def test_one_body_under_several_names(found: tuple[str, ...], kept: tuple[str, ...]) -> None:
    assert tidy_organisations(found, set()) == kept


def test_a_role_ends_where_a_scraped_page_lost_its_full_stop() -> None:
    text = (
        "an invitation for Micheal Acree  deputy director of the Colorado Department of Public "
        "Safety and Susan Payne  executive director of Safe 2 Tell  Colorado Student Crime "
        "Stoppers Program   The White House plans to bring educators and law enforcement "
        "officials together to sit down and come up with strategies"
    )
    people = find_people(text)
    assert [(p.name, p.role) for p in people] == [
        ("Micheal Acree", "deputy director"),
        ("Susan Payne", "executive director"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "La ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz, junto al "
            "ministro del Interior, Fernando Grande-Marlaska, durante su visita.",
            ["Elma Saiz", "Fernando Grande-Marlaska"],
        ),
        (
            "ha mantenido encuentros con sus homólogos de Portugal, Margarida Blasco, y "
            "Polonia, Tomasz Siemoniak.",
            ["Margarida Blasco", "Tomasz Siemoniak"],
        ),
        # Not a name, though capitalised between commas: the portfolio goes on after it.
        (
            "El ministro de Asuntos Exteriores, Unión Europea y Cooperación, José Manuel "
            "Albares, ha hablado con el presidente de Ceuta, Juan Vivas.",
            ["José Manuel Albares", "Juan Vivas"],
        ),
    ],
)
def test_a_role_in_lower_case_then_its_holder_between_commas(text: str, names: list[str]) -> None:
    assert [p.name for p in find_people(text)] == names
