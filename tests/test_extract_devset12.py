"""The twelfth unseen round's general shapes: a PDF's first paragraph under a letterhead and a
kicker read as its headline, names broken by a hard wrap, a name given with an alias, a
numeral suffix between commas before an age, units' names read as people, a press desk in a
sentence, and a contact's name written in the sentence that gives their number."""

from __future__ import annotations

from store.ingest.extract.aliased_names import aliased_people
from store.ingest.extract.anatomy import extract
from store.ingest.extract.contact_sentence_names import named_in_sentence
from store.ingest.extract.indented_paragraph import opens_indented_paragraph
from store.ingest.extract.not_people import is_not_person
from store.ingest.extract.people import find_people
from store.ingest.extract.press_sentence import press_sentence_contact
from store.ingest.extract.wrapped_names import joined_names
from store.records import Contact

# The United States Tax Court's release as pypdf's layout mode gives it: the letterhead
# centred, a kicker, then the body's first paragraph, its first line indented.
COURT = """                         UNITED STATES TAX COURT
                                       Washington, D.C.

                                      December 18, 2020

                                    PRESS RELEASE

       Chief Judge Maurice B. Foley announced today that on December 28, 2020,
the United States Tax Court will officially launch DAWSON (Docket Access
Within a Secure Online Network), its new case management system.

       If you have any questions, please refer to the website or contact the Public
Affairs Office at (202) 521-3355.
"""


def test_a_pdfs_first_paragraph_under_its_letterhead_is_no_headline() -> None:
    found = extract(COURT)
    assert found.title_source == "first line"  # the release states no title
    assert found.date == "2020-12-18"
    assert [p.name for p in found.people] == ["Maurice B. Foley"]


def test_an_indented_paragraph_is_told_from_a_centred_title() -> None:
    lines = COURT.split("\n")
    first = next(i for i, line in enumerate(lines) if "Chief Judge" in line)
    assert opens_indented_paragraph(lines, first)
    # A centred title's two lines are both indented, and short.
    title = ["      Acme Opens a Laboratory in Lyon for Its", "      Research on Batteries"]
    assert not opens_indented_paragraph(title, 0)
    # A short indented line over a flush one: a heading over its text, not a paragraph.
    assert not opens_indented_paragraph(["    Background", "Acme was founded in 1990 in Lyon."], 0)


def test_a_press_desk_in_a_sentence_is_a_contact() -> None:
    contacts = extract(COURT).contacts
    assert [(c.name, c.phone) for c in contacts] == [(None, "(202) 521-3355")]
    found = press_sentence_contact(
        "For interviews, contact our media relations team at media@example.org.",
        "media@example.org",
    )
    assert found is not None and found.name is None and found.email == "media@example.org"


def test_a_name_broken_by_a_hard_wrap_is_read_whole() -> None:
    wrapped = (
        "Earlier today, in the United States District Court for the Southern District of "
        "Illinois, Brandon\n\nArias (a/k/a “The Drug Llama”) was sentenced to 108 months.\n\n"
        "the U.S. Attorney’s Office for the Southern District of Illinois. Assistant U.S. "
        "Attorney Derek\nJ. Wiseman is the prosecuting attorney on the case."
    )
    joined = joined_names(wrapped)
    assert "Brandon Arias (a/k/a" in joined and "Attorney Derek J. Wiseman is" in joined
    assert "Derek J. Wiseman" in [p.name for p in find_people(joined)]


def test_lines_of_a_list_are_not_joined() -> None:
    listed = (
        "Aaron Boodman, software engineer and creator of GreaseMonkey, Google\n"
        "Amber MacArthur, co-host and co-producer, Call for Help on G4TechTV\n"
        "Contact\nJane\nDoe"
    )
    assert joined_names(listed) == listed


def test_a_name_given_with_an_alias_is_a_person() -> None:
    text = (
        "Melissa Scanlan (a/k/a “The Drug Llama”) has been sentenced. Kevin Swing, a/k/a "
        "“Tone,” 36, pleaded guilty. Acme Holdings, aka Beta, was fined."
    )
    assert [p.name for p in aliased_people(text)] == ["Melissa Scanlan", "Kevin Swing"]


def test_a_numeral_suffix_between_commas_before_an_age() -> None:
    text = "According to court documents, Paul Burk, III, 36, recorded the videos."
    assert [p.name for p in find_people(text)] == ["Paul Burk"]


def test_a_units_name_is_no_person() -> None:
    assert is_not_person("Computer Crime")
    assert is_not_person("Intellectual Property Section")
    assert is_not_person("St. Louis Division")
    assert not is_not_person("Frank Lin")


def test_a_contacts_name_in_the_sentence_that_gives_their_number() -> None:
    text = (
        "Contact\nFor more information, please contact Public Affairs Specialist Tiffany "
        "Thomas-Turner at (901) 544-4231 or Tiffany.Turner@usdoj.gov ."
    )
    block = (Contact(email="Tiffany.Turner@usdoj.gov", phone="(901) 544-4231"),)
    named = named_in_sentence(block, text)
    assert [(c.name, c.role) for c in named] == [
        ("Tiffany Thomas-Turner", "Public Affairs Specialist")
    ]
    # A number the sentence does not give is not named after it; nor is a body.
    other = (Contact(phone="(202) 555-0100"),)
    assert named_in_sentence(other, text) == other
    firm = "please contact Acme Corp at (202) 555-0100."
    assert named_in_sentence(other, firm) == other


# A U.S. Attorney's release whose paragraphs a tool hard-wrapped, a crawler's blank line after
# each line, and its contact written as a sentence under "Contact".
WRAPPED = """Dark Web Fentanyl Trafficker Sentenced To 13 Years In Federal Prison

Earlier today, in the United States District Court for the Southern District of Illinois, Brandon

Arias (a/k/a “The Drug Llama”) was sentenced to 108 months in federal prison for conspiring to

distribute fentanyl. Melissa Scanlan (a/k/a “The Drug Llama”) has also pleaded guilty. The Assistant

U.S. Attorney prosecuting the case for the Southern District of Illinois is Assistant U.S. Attorney Derek

J. Wiseman, of the office's Fairview Heights branch.

Contact

For more information, please contact Public Affairs Specialist Tiffany Thomas-Turner at (901) 544-4231 or Tiffany.Turner@usdoj.gov .
"""


def test_a_wrapped_release_names_its_people_and_its_contact() -> None:
    found = extract(WRAPPED)
    names = {p.name for p in found.people}
    assert {"Brandon Arias", "Melissa Scanlan", "Derek J. Wiseman"} <= names
    assert [(c.name, c.email) for c in found.contacts] == [
        ("Tiffany Thomas-Turner", "Tiffany.Turner@usdoj.gov")
    ]
