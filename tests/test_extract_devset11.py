"""The eleventh unseen round's general shapes: French ministers with their surnames in capitals,
a French preposition before a date taken for a place, an age written "a 47-year-old", a first
initial before a given name, a hyphenated "Agent-in-Charge", and runs that name no one."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.dateline import find_dateline
from store.ingest.extract.in_charge import in_charge_people
from store.ingest.extract.people import find_people

FRENCH = """Intelligence artificielle : l’État s’engage pour une action publique plus simple

En octobre 2023, Stanislas GUERINI a lancé la première expérimentation d’usage d’une IA dans les services publics. Depuis octobre, environ 1000 agents volontaires recourent à l’outil.

Jean-Noël BARROT a apporté son soutien à la première expérimentation d’un hub de données francophones, annoncé par Bruno LE MAIRE. L’Antenne GIGN de la gendarmerie et l’Agence ANSSI y participent.
"""


def _names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_a_first_name_and_a_surname_in_capitals_name_a_person_in_french() -> None:
    names = [p.name for p in extract(FRENCH).people]
    assert names == ["Stanislas GUERINI", "Jean-Noël BARROT", "Bruno LE MAIRE"]


def test_an_acronym_after_a_common_noun_is_no_surname() -> None:
    # "Antenne GIGN", "Agence ANSSI": a body's word, then an acronym, in the same shape.
    names = {p.name for p in extract(FRENCH).people}
    assert not any("GIGN" in n or "ANSSI" in n for n in names)


def test_a_french_preposition_before_a_date_is_no_place() -> None:
    line = "Dès le 1er décembre 2021, les citoyens qui le souhaitent pourront rejoindre le test."
    found = find_dateline([line], set())
    assert found is None or found.location is None
    paris = find_dateline(["Paris, le 1er décembre 2021 – Les citoyens pourront le tester."], set())
    assert paris is not None and paris.location == "Paris"


def test_an_age_written_as_a_year_old_resident_or_without_its_comma() -> None:
    assert _names(
        "KALAMAZOO – The office announced that Erik Miller, a 47-year-old resident of "
        "Sturgis, Michigan, was sentenced to 70 months in prison."
    ) == ["Erik Miller"]
    assert _names("Laderian Odom, 28 of Monroeville, Alabama received an invitation.") == [
        "Laderian Odom"
    ]
    # A firm's age is no person's.
    assert _names("Acme Tooling, a 100-year-old company, was acquired.") == []


def test_a_first_initial_before_a_given_name_opens_the_name() -> None:
    text = (
        "Assistant United States Attorneys Tara S. Ratz and J. Patrick Lamb from the "
        "Middle District of Alabama prosecuted the case."
    )
    assert _names(text) == ["Tara S. Ratz", "J. Patrick Lamb"]
    # An initial after a dot or a letter is a part of an abbreviation, not a name's.
    assert _names("U.S. Attorney Mark Totten said the office will appeal.") == ["Mark Totten"]


def test_a_hyphenated_agent_in_charge_title_names_the_person_after_it() -> None:
    text = "The FBI, under the direction of Special Agent-in-Charge Philip Tejera, investigated."
    assert [(p.name, p.role) for p in in_charge_people(text)] == [
        ("Philip Tejera", "Special Agent-in-Charge")
    ]


def test_runs_opening_with_a_conjunction_or_ending_with_an_office_noun_name_no_one() -> None:
    text = """Monroeville Man Sentenced To 24 Months

MOBILE, AL – Laderian Odom, 28, of Monroeville was sentenced today.

Although Odom pleaded guilty, he did not receive any reduction, said U.S. District Judge Terry F. Moorer. The sentence would be decided after consideration of the United States Sentencing Guidelines.
"""
    names = [p.name for p in extract(text).people]
    assert "Although Odom" not in names
    assert "Sentencing Guidelines" not in names
    assert "Laderian Odom" in names and "Terry F. Moorer" in names


def test_a_firm_s_plural_noun_or_a_surname_and_its_suffix_after_an_initial_name_no_one() -> None:
    text = (
        "Bitdeer Gets Buy Ratings\n\nNEW YORK, April 2, 2024 – Coverage began today, said "
        "B. Riley Securities. The author J.R. Arranguez Jr. said the book is done.\n"
    )
    names = [p.name for p in extract(text).people]
    assert "B. Riley Securities" not in names and "R. Arranguez Jr" not in names


JUSTICE_PAGE = """Billings meth dealer sentenced to 12 years in prison

Friday, September 20, 2024

U.S. Attorney's Office, District of Montana

BILLINGS — A Billings man was sentenced today to 12 years in prison, U.S. Attorney Jesse Laslovich said.

The U.S. Attorney's Office prosecuted the case.

XXX

Clair J. Howard

Public Affairs Officer

406-247-4623

Clair.Howard@usdoj.gov

Updated September 20, 2024

Topic

Component

USAO - Montana
"""


def test_an_end_mark_then_a_press_officer_s_name_and_role_is_a_contact_block() -> None:
    contacts = extract(JUSTICE_PAGE).contacts
    assert [(c.name, c.role, c.email, c.phone) for c in contacts] == [
        ("Clair J. Howard", "Public Affairs Officer", "Clair.Howard@usdoj.gov", "406-247-4623")
    ]
    # The page's "Updated ..." line and its tags below are no part of the block.
    assert contacts[0].organisation is None


def test_a_press_office_s_address_alone_under_the_office_line_is_the_contact() -> None:
    page = JUSTICE_PAGE.split("XXX")[0].replace(
        "U.S. Attorney's Office, District of Montana\n",
        "U.S. Attorney's Office, District of Montana\n\nUSAMT.PublicInfoOfficer@usdoj.gov\n",
    )
    assert [(c.name, c.email) for c in extract(page).contacts] == [
        (None, "USAMT.PublicInfoOfficer@usdoj.gov")
    ]


MINISTRY = """Lancement de Mon FranceConnect : l’État accélère la simplification

FranceConnect est déjà utilisé par plus de 32 millions de Français.

Pour renforcer cette dynamique, la ministre de la Transformation et de la Fonction publiques lance aujourd’hui un nouveau service en ligne, Mon FranceConnect.

Les villes de Créteil et de Saint-Ouen seront les premières à le proposer.
"""


def test_a_minister_acting_in_the_opening_names_the_ministry_as_issuer() -> None:
    assert extract(MINISTRY).issuer == "Ministère de la Transformation et de la Fonction publiques"


def test_a_press_service_named_after_a_minister_is_the_minister_s_ministry() -> None:
    text = (
        MINISTRY.replace("la ministre de la Transformation et de la Fonction publiques", "l’État")
        + "\nContacts presse\nService presse de Stanislas GUERINI\n"
        "Ministre de la Transformation et de la Fonction publiques\n"
        "Tél : 01 53 18 42 68\nMél : presse.mtfp@transformation.gouv.fr\n"
    )
    got = extract(text)
    assert got.issuer == "Ministère de la Transformation et de la Fonction publiques"
    assert [c.organisation for c in got.contacts] == [got.issuer]


def test_a_plural_abstract_noun_opens_no_one_s_name() -> None:
    text = (
        "Le Gouvernement et les élus s’engagent\n\nAfin d’y remédier, la ministre a lancé en mai "
        "2021 un programme qui réunit l’État, l’Association des maires de France, "
        "Intercommunalités de France, France urbaine et Villes de France.\n"
    )
    assert "Intercommunalités de France" not in [p.name for p in extract(text).people]


def test_a_second_number_written_as_its_last_digits_is_a_number_of_its_own() -> None:
    text = (
        MINISTRY + "\nContacts presse\nService presse du ministère\n"
        "Tél : 01 53 18 42 68 / 42 76\nMél : presse.mtfp@transformation.gouv.fr\n"
    )
    assert [c.phone for c in extract(text).contacts] == ["01 53 18 42 68", "01 53 18 42 76"]


def test_an_area_code_before_a_slash_keeps_its_number_whole() -> None:
    from store.ingest.extract.phone_pairs import split_abbreviated_numbers
    from store.records import Contact

    german = (Contact(phone="+49 (0) 022 04 / 40 00-73"), Contact(phone="0221 / 1234"))
    assert split_abbreviated_numbers(german) == german
