"""The tenth unseen round's general shapes (justice.gov pages saved as text): a place with
letters beyond ASCII, a standfirst sentence over the dateline, an office of two districts, a
crawler's spaced comma, a list of defendants one a line, hyphenated agents' titles."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.codefendants import codefendants
from store.ingest.extract.crawler_commas import closed_commas
from store.ingest.extract.cut_names import whole_people
from store.ingest.extract.people import find_people
from store.ingest.extract.person_age import age_ends_line
from store.ingest.extract.prose_dateline import place_opening_prose
from store.ingest.extract.standfirst_dateline import place_under_standfirst
from store.records import Person

PAGE = """{title}

Wednesday, July 16, 2025

{office}

{first}

The case was investigated by the Drug Enforcement Administration and prosecuted by the office.
"""


def _page(first: str, office: str = "U.S. Attorney's Office, District of New Mexico") -> str:
    return PAGE.format(title="Meth Trafficker Sentenced To Prison", office=office, first=first)


def _names(text: str) -> set[str]:
    return {p.name for p in find_people(text)}


def test_a_place_with_letters_beyond_ascii_opens_the_prose() -> None:
    lead = (
        "Hagåtña, Guam – SHAWN N. ANDERSON, United States Attorney, announced that a "
        "defendant was sentenced to 135 months in prison today."
    )
    assert extract(_page(lead)).location == "Hagåtña, Guam"
    assert place_opening_prose([lead]) == "Hagåtña, Guam"
    assert (
        place_opening_prose(["Bogotá, Colombia – A man was extradited today to face the charges."])
        == "Bogotá, Colombia"
    )


def test_the_office_of_two_districts_is_the_issuer() -> None:
    office = "U.S. Attorney's Office, Districts of Guam & the Northern Mariana Islands"
    lead = "A Dededo man was sentenced today to 135 months in prison, the office announced here."
    assert extract(_page(lead, office)).issuer == office


STANDFIRST = (
    "The Hazleton City Police Department received a check in the amount of $295,787.11 today "
    "from Homeland Security Investigations.\n\n"
)


def test_the_dateline_under_a_one_sentence_standfirst() -> None:
    lead = (
        "HARRISBURG – U.S. Attorney David J. Freed joined the agents in presenting a check today."
    )
    got = extract(_page(STANDFIRST + lead))
    assert got.location == "HARRISBURG"
    assert got.date == "2025-07-16"


def test_no_dateline_under_a_paragraph_of_the_story_or_an_ordinary_lead() -> None:
    story = (
        "The police received a check today. It will pay for new equipment and the training of "
        "officers in the coming year.\n\n"
    )
    lead = (
        "HARRISBURG – U.S. Attorney David J. Freed joined the agents in presenting a check today."
    )
    assert place_under_standfirst((story + lead).split("\n")) is None  # two sentences first
    plain = "Acme Corp – the company that built the plant said it would hire forty people soon."
    assert place_under_standfirst((STANDFIRST + plain).split("\n")) is None  # no town in capitals


def test_a_crawlers_spaced_comma_hides_no_age() -> None:
    text = "According to court documents, Willis Kylestewa , 41, an enrolled member, killed three."
    assert closed_commas(text) == (
        "According to court documents, Willis Kylestewa, 41, an enrolled member, killed three."
    )
    assert "Willis Kylestewa" in {p.name for p in extract(_page(text)).people}


def test_defendants_listed_one_a_line_with_their_ages() -> None:
    listing = (
        "The full list of defendants, their conviction and sentences are as follows:\n"
        "James Troy Phillips, 37\n"
        "Sentenced to 60 months in prison, 5 years supervised release\n"
        "Jimmy Lee Mays, Jr., 32\n"
        "Longview, TX\n"
        "Clarissa Monet Holmes, 31\n"
        "Sentenced to 3 years supervised probation\n"
    )
    assert {"James Troy Phillips", "Jimmy Lee Mays", "Clarissa Monet Holmes"} <= _names(listing)


def test_no_person_from_an_address_or_a_number_ending_a_line() -> None:
    assert _names("Main Street, 45\nCalle Mayor, 12\n") == set()
    text = "James Troy Phillips, 37\n"
    assert age_ends_line(text, 0, len("James Troy Phillips"))
    assert not age_ends_line("Room 12, Mark Twain Hall, 150\n", 9, 9 + len("Mark Twain Hall"))
    assert not age_ends_line("x James Troy Phillips, 37\n", 2, 2 + len("James Troy Phillips"))


def test_hyphenated_agents_titles() -> None:
    text = (
        "The indictment was announced by Andrew S. Boutros, United States Attorney, Ruth "
        "Mendonça, Inspector-in-Charge of the Chicago Division of the U.S. Postal Inspection "
        "Service, and LaDon A. Reynolds, United States Marshal."
    )
    assert "Ruth Mendonça" in _names(text)
    said = "“Postal Inspectors uncovered his scheme,” said Inspector-in-Charge Mendonça."
    assert _names(said) == set()


def test_a_co_defendant_is_no_part_of_a_name() -> None:
    text = "Co-defendant Taylor Ross Staats, 41, of Texas was sentenced to 18 months in prison."
    assert not any("defendant" in name for name in _names(text))


def test_co_conspirators_and_case_captions_name_people() -> None:
    text = (
        "Wala and Cavanaugh worked with their co-conspirators, Michael Basalyga, Reina Chirinos "
        "de Urena, and Philbert Campbell, to make and sell counterfeit alprazolam. Peck and "
        "co-conspirators Kevin Fusco and Vincent Banner mailed parcels.\n"
        "U.S. v. Pierre Rogers and Joshua Leavitt, two finance professionals were sentenced.\n"
        "U.S. v. John E. Murray III, a manager at a marina, was sentenced.\n"
    )
    names = {p.name for p in extract(_page(text)).people}
    assert {
        "Michael Basalyga",
        "Reina Chirinos de Urena",
        "Philbert Campbell",
        "Kevin Fusco",
        "Vincent Banner",
        "Pierre Rogers",
        "Joshua Leavitt",
        "John E. Murray",
    } <= names
    assert "John E. Murray III" not in names  # once, as the other readers write it


def test_no_person_from_a_body_in_a_caption_or_a_bare_cue() -> None:
    assert codefendants("U.S. v. Cheshire Medical Center, Cheshire Medical Center agreed.") == []
    assert codefendants("The co-conspirators used the Dark Web to sell drugs.") == []
    assert codefendants("In United States v. Microsoft Corp., the court held so.") == []


def test_a_sentence_opening_with_a_defendant_and_a_comma() -> None:
    text = (
        "On the same day, Defendant Badrinarayanan Kothandaraman, the Company’s President and "
        "Chief Executive Officer, touted the European business."
    )
    assert [p.name for p in codefendants(text)] == ["Badrinarayanan Kothandaraman"]
    subtitle = "Defendant Accessed Internal Firm Files in Advance of Public Market-Moving News"
    assert codefendants(subtitle) == []


def test_a_publisher_glued_to_a_spaced_comma_is_no_person() -> None:
    text = "Nora Frisch,founder of Drachenhaus Verlag , noted that technology reshapes the world."
    assert "Drachenhaus Verlag" not in {p.name for p in extract(_page(text)).people}


def test_a_name_cut_after_its_initial_is_left_out() -> None:
    text = "Assistant United States Attorney Rosetta L. San Nicolas prosecuted the case for the office."
    names = {p.name for p in extract(_page(text)).people}
    assert "Rosetta L." not in names
    assert whole_people((Person("Jane Q. Public", None), Person("Rosetta L.", None))) == (
        Person("Jane Q. Public", None),
    )
