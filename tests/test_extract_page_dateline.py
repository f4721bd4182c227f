"""Datelines of pages scraped as text: after the kicker, the headline's date or the contact
line, and a place alone above the first paragraph; labels and sentences give none."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.page_dateline import page_dateline

PARAGRAPH = "Senator Roe today announced that the county has received a grant from the agency."

CASES = [
    # The date after a kicker, the place at the end of the contact line after its phone.
    (
        "Roe Responds to Decision\n\nFOR IMMEDIATE RELEASE  March 08  2007Contact  Jane Doe  "
        "202 224 4843 Washington   U S  Senator Ann Roe  D Ark   Thursday responded to the "
        "agency s decision to deny the request of the state",
        "Washington",
        "2007-03-08",
    ),
    # A date whose slashes were lost, after the kicker.
    (
        f"Roe Votes for the Bill\n\nFOR IMMEDIATE RELEASE  06 21 2006\n\n{PARAGRAPH}",
        None,
        "2006-06-21",
    ),
    # The place after the kicker, the paragraph running on.
    (
        "FOR IMMEDIATE RELEASE  Washington  D C  Today Senators Roe and Doe joined leaders "
        "of the churches in a call for a reform of the law",
        "Washington D C",
        None,
    ),
    # The date at the end of the contact line, the place alone above the paragraph.
    (
        f"Roe Statement on the Waiver\n\nContact  Press Office  202  224 3224 Thursday  "
        f"December 20  2007\n\nWASHINGTON  D C\n\n{PARAGRAPH}",
        "WASHINGTON D C",
        "2007-12-20",
    ),
    # A run-on headline, its date, then the place set off by a gap.
    (
        "Roe Seeks to Make the Program Permanent                    March 16  2006  "
        f"Washington    {PARAGRAPH}",
        "Washington",
        "2006-03-16",
    ),
    # The place alone on the first line, the headline being lost.
    (f"WASHINGTON  D C\n\n{PARAGRAPH}", "WASHINGTON D C", None),
    # A contact line with no phone, its place at the end in capitals.
    (
        f"Senators Roe and Doe Introduce an Amendment to the Budget\n\nContact Jane doe "
        f"WASHINGTON\n\n{PARAGRAPH}",
        "WASHINGTON",
        None,
    ),
]


@pytest.mark.parametrize(("text", "place", "date"), CASES)
def test_scraped_page_dateline(text: str, place: str | None, date: str | None) -> None:
    found = extract(text)
    assert found.location == place
    assert found.date == date


def test_title_repeated_with_its_place() -> None:
    lines = [
        "Roe And Doe Call On The Agency To Reject The Permit",
        "",
        "Roe And Doe Call On The Agency To Reject The Permit Washington D C",
        "",
        PARAGRAPH,
    ]
    found = page_dateline(lines, lines[0])
    assert (found.place, found.date) == ("Washington D C", None)


def test_a_date_in_a_sentence_gives_no_date_without_a_place_after_it() -> None:
    lines = [
        "Der Verein lädt ein",
        "Am Treffen vom 19. Januar 2023 nahmen viele Menschen aus der Gemeinde teil und sprachen",
    ]
    found = page_dateline(lines, lines[0])
    assert (found.place, found.date) == (None, None)


def test_a_column_of_labels_beside_a_letter_is_no_place() -> None:
    lines = [
        "June 21, 2013",
        "BOARD",
        "MEMBERS",
        "                 We were very pleased to meet with the President today and informed him",
    ]
    assert page_dateline(lines, None).place is None
    beside = [
        "BOARD",
        "MEMBERS        The Board is pleased to announce the selection of a director",
    ]
    assert page_dateline(beside, None).place is None


def test_a_title_case_headline_is_not_the_first_paragraph() -> None:
    lines = [
        "Roe Statement on Nomination of Judge Doe to Supreme Court",
        "WASHINGTON",
        "Sen  Ann Roe  D Mich   made this statement following the announcement of the nominee",
    ]
    assert page_dateline(lines, None).place == "WASHINGTON"


def test_an_ordinary_word_after_a_phone_is_no_place() -> None:
    lines = ["Contact  Jane Doe  202 224 4843 today said that the bill would pass the Senate"]
    assert page_dateline(lines, None).place is None
