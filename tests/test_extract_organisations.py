"""Organisations a careful reader would list: whole names of bodies, not headings, titles,
product names, classes of bodies or pieces of sentences (issue 10)."""

from __future__ import annotations

import pytest

from store.ingest.extract.organisations import (
    find_organisations,
    subject_names,
    tidy_organisations,
)


def orgs(text: str, people: tuple[str, ...] = ()) -> tuple[str, ...]:
    return find_organisations(text, {p.lower() for p in people}, people)


@pytest.mark.parametrize(
    "sentence",
    [
        # A headline in title case that opens with a word bodies end with.
        "Service Component Architecture for Java Lowers Development Costs\n",
        "Company Looks to Accelerate Adoption for Enterprise Software Development\n",
        "It adds a Service Data layer to the Service Oriented Architecture.\n",
        "The new Health and Wellbeing pages went live on Monday.\n",
        # A title before a name broken over two lines.
        "The vote confirmed Board Member Edward\nSmith to a new term.\n",
        # A heading's words, not a body's.
        "Facial Recognition and Other Biometric Technologies\n",
        "Additional Resources\n",
        # A class of bodies, not one of them.
        "It pays Medicare Quality Reporting Organizations and Member Institutions each year.\n",
        # Kinds of body in the plural: a class of them.
        "It builds Data Centers and Career Centers for cities.\n",
        # An English kind of body ends its name: not an officer's title before a person.
        "He is Chairman of the Board Herb Kelleher of Acme.\n",
        # An image's alt text: a badge in the page's footer.
        "[![Internet Freedom League](../images/badge.png)](https://example.org/)\n",
    ],
)
def test_headings_titles_and_classes_are_no_organisations(sentence: str) -> None:
    assert orgs(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # A kind of body opens the name, its field follows a link word, or a Romance
        # language's adjective follows it.
        ("She joined the Office of Rural Water Policy in May.", ["Office of Rural Water Policy"]),
        ("La Comisión Europea publicó el informe.", ["Comisión Europea"]),
        (
            "Lo aprobó el Comité Europeo de las Regiones ayer.",
            ["Comité Europeo de las Regiones"],
        ),
        ("Die Stadt Dortmund stellt um.", ["Stadt Dortmund"]),
        ("Lo organiza la Asociación Gastronomía Cultural Amics.", None),
        (
            "It is accredited by the Accrediting Commission of Career Schools and Colleges.",
            None,
        ),
        ("It came from the Fraunhofer-Institut für Solare Energiesysteme.", None),
        # An abbreviation that opens the name is no sentence's end.
        ("The pupils of St. Agnes's Academy in Leeds won.", ["St. Agnes's Academy"]),
        # An ordinal opens the name.
        (
            "The Fourth Circuit Court of Appeals and the Second Circuit Court of Appeals ruled.",
            None,
        ),
        # A body named by what it is "of" is one name; a body of another body is two.
        ("Grants from the National Institutes of Health rose.", ["National Institutes of Health"]),
        ("He studied at the University of Dakota School of Law.", None),
        (
            "She worked in the Civil Rights Division of the U.S. Department of Labor.",
            ["Civil Rights Division", "U.S. Department of Labor"],
        ),
    ],
)
def test_whole_names_of_bodies(sentence: str, names: list[str] | None) -> None:
    found = orgs(sentence)
    if names is None:  # the whole name, as written in the sentence
        assert len(found) >= 1 and all(name in sentence for name in found)
        assert max(found, key=len) in sentence
        assert any(len(name.split()) >= 4 for name in found), found
    else:
        assert list(found) == names


def test_second_circuit_keeps_its_ordinal() -> None:
    found = orgs("An appeal went to the Second Circuit Court of Appeals last week.")
    assert found == ("Second Circuit Court of Appeals",)


def test_a_university_of_a_place_and_its_school_are_one_name() -> None:
    found = orgs("He studied at the University of Dakota School of Law.")
    assert found == ("University of Dakota School of Law",)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # Scraped pages lose a possessive's apostrophe: "Justice Department's Tax Division".
        (
            "Lawyers in the Justice Departments Tax Division filed it.",
            ["Justice Department", "Tax Division"],
        ),
        ("The Supreme Courts decision stands.", ["Supreme Court"]),
        (
            "See the Federal Highway Administrations relief fund.",
            ["Federal Highway Administration"],
        ),
        # A plural that is two bodies, or a class of them, stays as written.
        (
            "He sits on the Senate Small Business and Commerce Committees and others.",
            ["Senate Small Business and Commerce Committees"],
        ),
    ],
)
def test_a_possessive_that_lost_its_apostrophe(sentence: str, names: list[str]) -> None:
    assert list(orgs(sentence)) == names


def test_an_acronym_of_a_body_stands_alone_not_one_of_a_product() -> None:
    body = (
        "New analysis from Public Health England (PHE) out today. PHE says that half of "
        "adults walk too little."
    )
    assert "PHE" in orgs(body)
    product = (
        "It implements the Service Oriented Architecture (SOA) style. SOA makes services reusable."
    )
    assert orgs(product) == ()


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        # A short form of a name the release also gives in full.
        (("U S Supreme Court", "Supreme Court"), ("U S Supreme Court",)),
        (("Budget Committee", "Senate Budget Committee"), ("Senate Budget Committee",)),
        (("Acme Software", "Acme Software Foundation (ASF)"), ("Acme Software Foundation (ASF)",)),
        # The same department named both ways.
        (("Department of Labor", "Labor Department"), ("Department of Labor",)),
        # A body's own board or council is the body.
        (("Acme Foundation", "Acme Foundation Board"), ("Acme Foundation",)),
        (("Conseil de la OFSE",), ("OFSE",)),
        # A body of another body, or a body and another it belongs to, are two.
        (
            ("Finance Committee", "Health Subcommittee of the Finance Committee"),
            ("Finance Committee", "Health Subcommittee of the Finance Committee"),
        ),
        (("U.S. DOL Wage Division", "Wage Division"), ("U.S. DOL Wage Division", "Wage Division")),
        (("OECD", "OECD Competition Committee"), ("OECD", "OECD Competition Committee")),
        (
            ("Leeds Bar Association", "North Leeds Bar Association"),
            ("Leeds Bar Association", "North Leeds Bar Association"),
        ),
        # A company's short name stays: the issuer is read from the list.
        (("Acme Roofing LLC", "US Acme Roofing LLC"), ("Acme Roofing LLC", "US Acme Roofing LLC")),
        # A heading glued before the name goes, the name stays.
        (
            ("Experience the Future of Wellness At Brightwater Council", "Brightwater Council"),
            ("Brightwater Council",),
        ),
    ],
)
def test_one_name_for_each_body(found: tuple[str, ...], kept: tuple[str, ...]) -> None:
    assert tidy_organisations(found, set()) == kept


@pytest.mark.parametrize(
    "sentence",
    [
        # A body's own committees, named without it.
        "The Technical Steering Committee met the Core Technical Committee.\n",
        # A title whose organisation word is its field.
        "Her talk, A Tale of Software, opened the day.\n",
        # A party's share of a body, a president's term.
        "It passed the Republican Congress in May.\n",
        "It was sent to the Obama Administration in May.\n",
        # An acronym of a programme.
        "The State Children's Health Insurance Program (SCHIP) grew. SCHIP covers many.\n",
        # A heading in title case.
        "Support Across Protocols and Technologies\n",
    ],
)
def test_internal_bodies_titles_and_programmes_are_no_organisations(sentence: str) -> None:
    assert orgs(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # A name broken over two lines at a link word, or before its kind.
        (
            "sponsors such as the Broadcasting Board of\nGovernors, and",
            ["Broadcasting Board of Governors"],
        ),
        (
            "the Data Privacy and Integrity Advisory\nCommittee met",
            ["Data Privacy and Integrity Advisory Committee"],
        ),
        # A body's possessive: the body, and what it owns when that is one too.
        (
            "the Linux Foundation’s Core Infrastructure Initiative said",
            ["Linux Foundation", "Core Infrastructure Initiative"],
        ),
        # A founder in Spanish before the body.
        ("lo dijo Ana Ruiz, Fundador del Hack Club, ayer", ["Hack Club"]),
        # A committee for another body: two bodies.
        (
            "the Event Committee for the Arthritis Foundation met",
            ["Event Committee", "Arthritis Foundation"],
        ),
    ],
)
def test_names_over_lines_and_possessives(sentence: str, names: list[str]) -> None:
    assert list(orgs(sentence)) == names


def test_a_german_noun_further_on_is_not_named_by_its_kind() -> None:
    # German writes every noun with a capital: "Unternehmen" then a noun is no apposition.
    text = "Wechselt ein Unternehmen in ein anderes Bundesland, erhält es dort eine neue ID.\n"
    assert "Bundesland" not in orgs(text)


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        # A legal form abbreviated and spelled out: one body.
        (("Mozilla Corporation", "Mozilla Corp."), ("Mozilla Corporation",)),
        # French and Spanish put the adjective after the kind: the short form is the same body.
        (
            ("Comité Europeo de las Regiones", "Comité de las Regiones"),
            ("Comité Europeo de las Regiones",),
        ),
        # In English a word after the kind names another body.
        (
            ("University of Maryland", "University System of Maryland"),
            ("University of Maryland", "University System of Maryland"),
        ),
    ],
)
def test_one_name_for_each_body_across_spellings(
    found: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    assert tidy_organisations(found, set()) == kept


def test_a_label_of_a_place_is_no_body() -> None:
    assert tidy_organisations(("In Europe", "In-Q-Tel", "In Good Taste"), set()) == (
        "In-Q-Tel",
        "In Good Taste",
    )


def test_a_venue_only_ever_said_to_be_where_something_is() -> None:
    text = (
        "Staff will meet residents at the Perry County Government Center on Tuesday. The "
        "summit convenes at the Alerus Center in Grand Forks. Dr. Smith works at the Duke "
        "University Medical Center. The Lincoln Center announced its season today.\n"
    )
    found = orgs(text)
    assert "Perry County Government Center" not in found
    assert "Alerus Center" not in found
    assert "Duke University Medical Center" in found  # a hospital is a body as well
    assert "Lincoln Center" in found  # the subject of a sentence


def test_a_kind_of_body_described_is_not_named() -> None:
    text = (
        "The foundation is an award winning Civil Society Organisation working "
        "on open data. The case came from a Naval Criminal Investigative Service "
        "investigation. She is a proud McGill University graduate.\n"
    )
    found = orgs(text)
    assert "Civil Society Organisation" not in found
    assert "Naval Criminal Investigative Service" in found
    assert "McGill University" in found


def test_a_product_the_headline_opens_with_is_not_a_body() -> None:
    opening = (
        "FOREST HILL MD – 14 October 2008 – Apache Tuscany, a new Top-Level Project of the ASF"
    )
    assert subject_names("Apache Tuscany Enables SOA Solutions", opening, set()) == []
    company = "LEEDS – Meridian Telecom, a leading network operator, restored service today."
    assert subject_names("Meridian Telecom Restores Service", company, set()) == [
        "Meridian Telecom"
    ]


def test_a_committee_named_by_its_fields() -> None:
    text = (
        "The Senate Health, Education, Labor, and Pensions Committee met. We visited Paris, "
        "Rome, Berlin, and Acme Foundation.\n"
    )
    assert orgs(text) == ("Health, Education, Labor, and Pensions Committee", "Acme Foundation")


def test_a_part_of_a_body_a_word_into_the_next_line() -> None:
    text = (
        "Ms. Franklin served as a Trial Attorney in the Housing & Civil\n"
        "Enforcement Section of the Civil Rights Division.\n\nDetails\nHook Agency said so.\n"
    )
    found = orgs(text)
    assert "Housing & Civil Enforcement Section" in found
    assert "Details Hook Agency" not in found


def test_a_parliament_in_spanish() -> None:
    assert orgs("El Parlamento Europeo votó el martes.\n") == ("Parlamento Europeo",)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # A date run on after the name, with or without its month.
        (
            "Gibbons outlined to the Advisory Committee on the\nRedesign of the Space Station "
            "on April 3, three options.",
            ["Advisory Committee on the Redesign of the Space Station"],
        ),
        ("It was approved by the Supervisory Board on 30 June.", ["Supervisory Board"]),
        ("It joins the Beta Media Group on 1st of January 2026.", ["Beta Media Group"]),
        # A body named by its kind's possessive is that body's part: its own name follows.
        (
            "It was done at the University’s Institute of Biodiversity and Comparative Medicine.",
            ["Institute of Biodiversity and Comparative Medicine"],
        ),
        # A chamber opening its name is one of trade or a house of parliament, not a room.
        (
            "They named it the “Chamber of Stars”, next to the Chamber of Commerce of Leeds.",
            ["Chamber of Commerce of Leeds"],
        ),
        # Society as a field paired with another, not a body.
        ("Sie stellen sich Fragen über Politik und Gesellschaft.", []),
        # A centre of excellence goes on with its field after "in", not with a place.
        (
            "Through the DST-NRF Centre of Excellence in Palaeosciences, it works.",
            ["DST-NRF Centre of Excellence in Palaeosciences"],
        ),
        (
            "The Acme Cardiac Center of Excellence in Kansas City opened.",
            ["Acme Cardiac Center of Excellence"],
        ),
        # A minister's portfolio after "of" is no body; the ministry is named with its kind,
        # in lower case as well.
        ("- Stanislas GUERINI, French Minister of Transformation and Public Service", []),
        (
            "Acting under the aegis of the ministry of Transformation and Public Service, it",
            ["ministry of Transformation and Public Service"],
        ),
        # A state university's campus after a comma ends the name; a country does not.
        (
            "Roy T. Fielding (University of California, Irvine) and Jo (University of Oxford, "
            "England)",
            ["University of California, Irvine", "University of Oxford"],
        ),
        # A body's name in another language in brackets is the same body, shown with it.
        (
            "Se unen al Comité de Europa Interoperable.\n\nEl Comité de Europa Interoperable "
            "(Interoperable Europe Board, en inglés), un cuerpo. The Interoperable Europe Board "
            "meets.",
            ["Comité de Europa Interoperable (Interoperable Europe Board)"],
        ),
        # An officer of a body, not a minister of a portfolio.
        (
            "He was Secretary and Chief Legal Officer of Ares Credit Allocation Fund until May.",
            ["Ares Credit Allocation Fund"],
        ),
    ],
)
def test_names_without_what_runs_on_or_is_cut_away(sentence: str, names: list[str]) -> None:
    assert list(orgs(sentence)) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # The kind in lower case, its words, then its acronym.
        (
            "Le projet a été piloté par la direction interministérielle du numérique\n  (DINUM), "
            "avec l’agence nationale de la sécurité des systèmes d'information (ANSSI).",
            [
                "direction interministérielle du numérique (DINUM)",
                "agence nationale de la sécurité des systèmes d'information (ANSSI)",
            ],
        ),
        (
            "Ont voté la commission des libertés civiles, de la justice et des affaires "
            "intérieures (LIBE) hier.",
            ["commission des libertés civiles, de la justice et des affaires intérieures (LIBE)"],
        ),
        # A ministry and its capitalised portfolio, with its adjectives.
        (
            "Avec le ministère des Affaires étrangères et le ministère de l’Éducation nationale "
            "et de la Jeunesse pour le webinaire.",
            [
                "ministère des Affaires étrangères",
                "ministère de l’Éducation nationale et de la Jeunesse",
            ],
        ),
        ("Jefe de proyecto, Ministerio francés de Educación y Juventud.", None),
        # A ministry and whose it is; a kind with an accent and its acronym, found by both
        # shapes at one place (they once could not be sorted); a shorter name written again.
        (
            "Selon le ministère des Armées (MINARM), le ministère de la Santé de l'Ontario et le "
            "ministère fédéral de l’Intérieur et du Territoire de la République fédérale "
            "d’Allemagne, puis le ministère fédéral de l’Intérieur.",
            [
                "ministère des Armées (MINARM)",
                "ministère de la Santé de l'Ontario",
                "ministère fédéral de l’Intérieur et du Territoire de la République fédérale "
                "d’Allemagne",
            ],
        ),
        # A body and the adjective of its reach.
        ("hors de l’Union européenne, selon la Commission européenne.", None),
        # A nickname in quotes is no body; an acronym in brackets after a sentence's words
        # with no kind before them is no name.
        ("En tant que « ministère de la Constitution et des communes », il", []),
        ("Le service est ouvert à tous les agents de l’État (ETAT) depuis lundi.", []),
    ],
)
def test_bodies_named_in_lower_case_in_french_and_spanish(
    sentence: str, names: list[str] | None
) -> None:
    found = list(orgs(sentence))
    if names is None:
        names = [
            n
            for n in (
                "Ministerio francés de Educación y Juventud",
                "Union européenne",
                "Commission européenne",
            )
            if n in sentence
        ]
    assert found == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # Bodies known by a word or two that no organisation word marks.
        ("The Board will report to Congress and the White House.", ["Congress", "White House"]),
        ("EU funding will follow, the UN said.", ["EU", "UN"]),
        # Part of a longer name, a word in an address, or a heading in capitals: not those.
        ("It is kept by the Library of Congress.", []),
        ("He spoke at the Mobile World Congress in March.", ["Mobile World Congress"]),
        ("See congress.gov and Congress.gov for the text.", []),
        # A numbered Congress is a term of it, not the body.
        ("He introduced it in the 109th Congress as a bill.", []),
        ("THE EU AND THE UN", []),
    ],
)
def test_bodies_known_by_one_or_two_words(sentence: str, names: list[str]) -> None:
    assert list(orgs(sentence)) == names


def test_a_list_of_links_names_the_pages_it_links_to() -> None:
    text = (
        "The Acme Foundation said so.\n\nFurther information\n\nEP Multimedia Centre: "
        "EU-Venezuela\n\nEP Research Service brief on fuels (October 2022)\n\nAbout Beta "
        "Foundation\nBeta Foundation is a charity."
    )
    assert orgs(text) == ("Acme Foundation", "Beta Foundation")
    # Prose after the list is read again; a sentence that opens with the words is prose.
    prose = (
        "Related links:\n\nOTC Markets Profile: https://example.com/x\n\nForward-Looking "
        "Statement\n\nCertain information set forth in this press release contains "
        "forward-looking information, as the Securities and Exchange Commission defines it "
        "in its rules and in what it writes about them.\n\nFurther information on the Gamma "
        "Foundation is online."
    )
    assert orgs(prose) == ("Securities and Exchange Commission", "Gamma Foundation")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # A known acronym that only opens a longer name is that name's word.
        (
            "She sat on the DHS Data Privacy and Integrity Advisory Committee (DPIAC) then.",
            ["DHS Data Privacy and Integrity Advisory Committee (DPIAC)"],
        ),
        # Named alone as well, it is listed.
        (
            "She sat on the DHS Data Privacy and Integrity Advisory Committee. The DHS agreed.",
            ["DHS Data Privacy and Integrity Advisory Committee", "DHS"],
        ),
        # A kind that opens the next line with its field opens a name of its own.
        (
            "Dr. Paul Chu\nDirector, Texas Center for\n    Superconductivity\n    University of "
            "Houston\n",
            ["Texas Center for Superconductivity", "University of Houston"],
        ),
    ],
)
def test_names_that_open_or_follow_another(sentence: str, names: list[str]) -> None:
    assert list(orgs(sentence)) == names
