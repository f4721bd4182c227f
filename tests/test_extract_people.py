"""People and organisations: honorifics removed, roles kept, precision before recall."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.organisations import MAX_ORGANISATIONS
from store.ingest.extract.people import find_people
from store.records import Person

HEAD = "Acme Opens a Plant\n\nLYON, 3 March 2024 – "


def people(sentence: str) -> tuple[Person, ...]:
    return extract(HEAD + sentence).people


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We grow,” said Jane Doe, CEO of Acme.", Person("Jane Doe", "CEO")),
        ("Jane Doe, CEO of Acme, said the plant will open.", Person("Jane Doe", "CEO")),
        ("“It works,” says Donicia Irizarry.", Person("Donicia Irizarry")),
        ("According to Paul D’Souza, the market is growing.", Person("Paul D’Souza")),
        ("Dr. Tara Gostovich opened the clinic.", Person("Tara Gostovich")),
        ("Nutriband CEO Gareth Sheridan will speak.", Person("Gareth Sheridan", "CEO")),
        ("Mr Vladimir Voronkov opened the event.", Person("Vladimir Voronkov")),
        ("Général Mohamed Ely Znagui attended.", Person("Mohamed Ely Znagui")),
        (
            "The team includes Harold Schultz Neto, Head of Product, a former innovator.",
            Person("Harold Schultz Neto", "Head of Product"),
        ),
        (
            "H.E. Mr. Vladimir Voronkov, Under-Secretary-General of the United Nations Office of "
            "Counter-Terrorism (UNOCT), spoke.",
            Person("Vladimir Voronkov", "Under-Secretary-General"),
        ),
    ],
)
def test_person_with_a_cue(sentence, expected):
    assert people(sentence) == (expected,)


def test_later_short_mention_is_the_same_person():
    found = people("Mr. Vladimir Voronkov opened the event. Later Mr. Voronkov said it went well.")
    assert found == (Person("Vladimir Voronkov"),)


def test_no_person_without_a_cue():
    assert people("Acme Corp and Beta Industries will build the plant in New York City.") == ()


def test_places_and_companies_are_not_people():
    found = people("“Great,” said Acme Corp. The New York Stock Exchange said nothing.")
    assert found == ()


def test_organisation_with_acronym():
    r = extract(
        HEAD + "The World Health Organization (WHO) and the Acme Foundation met the Ministry of "
        "Health of France. Later, WHO said the Acme Foundation will help."
    )
    assert "World Health Organization (WHO)" in r.organisations
    assert "Acme Foundation" in r.organisations
    assert r.organisations.count("Acme Foundation") == 1


def test_organisation_with_company_suffix():
    r = extract(HEAD + "REMSleep Holdings, Inc. signed with Beta Labs LLC on Monday.")
    assert "REMSleep Holdings, Inc." in r.organisations
    assert "Beta Labs LLC" in r.organisations


def test_organisations_are_no_sentence_fragments():
    r = extract(HEAD + "The Office opened. This Programme Office is new. Our Group grew in 2023.")
    assert r.organisations == ()


def test_organisations_are_capped():
    text = HEAD + " ".join(f"Alpha{i} Foundation helped." for i in range(40))
    assert len(extract(text).organisations) == MAX_ORGANISATIONS


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('"We grow," said Justin Sun, founder of TRON.', ["Justin Sun"]),
        ("Tron founder Justin Sun predicts a rejection.", ["Justin Sun"]),
        ("CEO Theresa May spoke.", ["Theresa May"]),
        ("The report, said Jane Doe Sun 5 March, was late.", ["Jane Doe"]),
        ("President Donald Trump’s tariffs hit, said Jane Doe.", ["Donald Trump", "Jane Doe"]),
        ("Dr. Holstein's Enchanted Self website was listed.", []),
        ('Midwest Book Review stated, "A fine book."', []),
        ("News on Mullen Automotive Inc. is out. Mullen Automotive said it grew.", []),
        ("Proactive's Stephen Gunnion said hello.", ["Stephen Gunnion"]),
    ],
)
def test_surnames_that_look_like_dates_possessives_and_shops(text: str, names: list[str]) -> None:
    """Issue 10: person: missed "Justin Sun" (80 releases) and took shop names for people."""
    assert [p.name for p in find_people(text)] == names


def test_a_firms_possessive_before_a_person() -> None:
    names = [p.name for p in find_people("Ackerman Retail's Kelly Wilson said it works.")]
    assert names == ["Kelly Wilson"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Titles before a name (government, prosecutors, courts, boards).
        (
            "The sentence was announced by Assistant Attorney General Lanny A. Breuer of the "
            "Criminal Division.",
            ["Lanny A. Breuer"],
        ),
        ("Secretary Antony Blinken met the delegation.", ["Antony Blinken"]),
        ("It was imposed by U.S. District Judge Norman K. Moon.", ["Norman K. Moon"]),
        ("Commissioner Hester Peirce dissented.", ["Hester Peirce"]),
        ("Minister Jane Roe opened the bridge.", ["Jane Roe"]),
        ("Solicitor General Paul Clement wrote back.", ["Paul Clement"]),
        ("Board Member Jane Nitze joined the Board.", ["Jane Nitze"]),
        (
            "Trial Attorneys Mark Kotila and Mark McDonald prosecuted.",
            ["Mark Kotila", "Mark McDonald"],
        ),
        # A list after a plural title, and a name after "and" in it.
        (
            "U S  Senators Mike Enzi and John Barrasso and Representative Barbara Cubin  R Wyo  "
            "announced the grant.",
            ["Mike Enzi", "John Barrasso", "Barbara Cubin"],
        ),
        # A quote's speaker, with a surname that is also a word.
        ('"We settled," said Tony West, Assistant Attorney General.', ["Tony West"]),
        # A defendant with their age.
        ("Gregory Thomas Miller, 57, of Deville, pleaded guilty.", ["Gregory Thomas Miller"]),
        # Party and state after a name, their brackets stripped by a web copy.
        ("WASHINGTON  Senator Bob Corker  R Tenn  said today that he agreed.", ["Bob Corker"]),
        # Speakers in French, Spanish and German.
        (
            "« Nous avançons », explique Marie Dupont, fondatrice de l'association.",
            ["Marie Dupont"],
        ),
        ('"Es un paso", explica Lina Ceballos, Gestora de Proyectos.', ["Lina Ceballos"]),
        ("- Zach Latta, Fundador del Hack Club", ["Zach Latta"]),
    ],
)
def test_people_named_with_a_title_a_list_an_age_or_in_another_language(
    text: str, names: list[str]
) -> None:
    """Government and prosecutors' releases name people by their office ("Assistant Attorney
    General Lanny A. Breuer"), in lists, and with their age; other languages by their verbs."""
    assert [p.name for p in find_people(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "> New Node.js Foundation Members Drive Enterprise Growth",  # a plural title, no list
        "About Slam Dunk Attorney  Slam Dunk Attorney is a legal services firm.",  # a firm's name
        "at the Department of Justice Criminal Divisions Child Exploitation Section.",
        "Senators Kennedy  Graham  Salazar  and Menendez joined them.",  # stripped commas
        "the Town of Boothbay Harbor said Senator Collins in a statement",
        "Executive Director Idil Biret Education Foundation",
        "Premier Athletic Fitness Brand Expands into Forsyth County",
        "Representatives Gutierrez and Flake introduced it.",
    ],
)
def test_no_person_from_a_title_before_something_else(text: str) -> None:
    assert [p.name for p in find_people(text)] == []


def test_a_persons_title_keeps_its_words() -> None:
    [person] = find_people("announced Assistant Attorney General Lanny A. Breuer of the Division")
    assert person.role == "Assistant Attorney General"


def test_a_role_after_a_name_in_a_page_that_lost_its_commas() -> None:
    text = (
        " Micheal Acree  deputy director of the Colorado Department of Public Safety and Susan "
        "Payne  executive director of Safe 2 Tell  Colorado Student Crime Stoppers Program"
    )
    assert [p.name for p in find_people(text)] == ["Micheal Acree", "Susan Payne"]


def test_a_person_appointed() -> None:
    text = (
        "Board Chairman Adam Klein has appointed Lynn Parker Dupree to serve as the Board's new "
        "Executive Director. The board appointed Deloitte Touche LLP as its auditor.\n"
    )
    assert [p.name for p in find_people(text)] == ["Adam Klein", "Lynn Parker Dupree"]


def test_a_work_by_someone_is_not_part_of_their_name() -> None:
    text = (
        "Die Diskussion folgte dem Vortrag über Hackerethik von Frank Rieger, Sprecher des "
        "Chaos Computer Clubs.\n"
    )
    assert [p.name for p in find_people(text)] == ["Frank Rieger"]


def test_a_surname_with_its_particle_alone_is_the_person_named_before() -> None:
    text = "Peter Van der Beken said so. Later Mr. Van der Beken added more.\n"
    assert [p.name for p in find_people(text)] == ["Peter Van der Beken"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A member of the European Parliament: the surname in capitals, the group and the
        # country in brackets.
        (
            "Quotes\n\nAndrzej BUŁA (EPP, PL), co-rapporteur, said it. Younous OMARJEE (the Left, "
            "FR) co-rapporteur stated: “Yes.” Ismail Ertug (S&D, DE) said: “No.”",
            ["Andrzej BUŁA", "Younous OMARJEE", "Ismail Ertug"],
        ),
        # A French minister signing a quote, the surname in capitals.
        (
            "« Je suis ravi. »\n\n**Stanislas GUERINI, ministre de la Transformation**",
            ["Stanislas GUERINI"],
        ),
        # A place and its state in brackets is no parliamentary group.
        ("They work with Keefe Memorial (Cheyenne Wells, CO) and others.", []),
        # An acronym, a suffix or a degree in capitals is no surname; a word of a body's
        # name in capitals is no surname either.
        ("Visit Rexel USA (EPP, PL) today.", []),
        ("Colorado SKIES Academy, a charter school, said it would open.", []),
    ],
)
def test_surnames_in_capitals_and_parliamentary_groups(text: str, names: list[str]) -> None:
    assert [p.name for p in find_people(text)] == names
