"""Contacts in the shapes of the dev set's third round (issue 10): a press desk named alone on
its line, an address spelled out against harvesters, a heading written out up to its colon,
a phone shared by two people, the next firm's block, a heading glued to the name after it, a
contact inside a release written on one line, and an address given for questions."""

from __future__ import annotations

import re

from store.ingest.extract.anatomy import extract


def _contacts(text: str) -> list[tuple[str | None, str | None, str | None]]:
    found = extract(text).contacts
    digits = re.sub(r"\D", "", text)
    for contact in found:  # never invented: every phone is in the text
        assert contact.phone is None or re.sub(r"\D", "", contact.phone) in digits
    return [(c.name, c.email, c.phone) for c in found]


def test_a_press_desk_named_alone_on_its_line_opens_a_block() -> None:
    text = (
        "Acme ships 2.0\n\nSAN JOSE - Acme shipped version 2.0 today.\n\n"
        "Acme Press Center\nJudi Palmer\n650-555-0112\njpalmer@agency.example\n"
        "Mary Colvig\n650-555-0120\nmcolvig@agency.example\n"
    )
    assert _contacts(text) == [
        ("Judi Palmer", "jpalmer@agency.example", "650-555-0112"),
        ("Mary Colvig", "mcolvig@agency.example", "650-555-0120"),
    ]


def test_a_menu_item_named_press_center_opens_no_block() -> None:
    text = (
        "Acme ships 2.0\n\nSAN JOSE - Acme shipped version 2.0 today, said Jane Roe, its CEO.\n\n"
        "Press Center\nCareers\nInvestors\n"
    )
    assert _contacts(text) == []
    assert "Jane Roe" in {p.name for p in extract(text).people}


def test_an_address_spelled_out_against_harvesters() -> None:
    text = "Tor ships\n\nDEDHAM, MA - Tor shipped today.\n\n**Tor Press Team**\npress at torproject dot org\n"
    assert _contacts(text) == [(None, "press@torproject.org", None)]
    brackets = "Title\n\nBody text.\n\nMedia Contact: contact (at) magaa.example\n"
    assert _contacts(brackets) == [(None, "contact@magaa.example", None)]


def test_prose_with_at_and_dot_is_no_address() -> None:
    text = "Title\n\nBody.\n\nMedia contact: Jane Roe at Acme dot Com, 202-555-0100\n"
    assert all(email is None for _, email, _ in _contacts(text))


def test_a_heading_written_out_in_lower_case_up_to_its_colon() -> None:
    text = (
        "Foundation wins grant\n\nBerlin – The foundation won a grant.\n\n"
        "Contact for press queries and for general information: Daniel Dietrich, Chairman of the "
        "board. Contact details: presse@okfn.example, +49 30 5555 0100\n"
    )
    assert _contacts(text) == [("Daniel Dietrich", "presse@okfn.example", "+49 30 5555 0100")]


def test_a_sentence_that_is_no_press_heading_is_not_read_as_one() -> None:
    text = "Title\n\nBody.\n\nContact us today to learn more: 1-800-555-0199\n"
    assert _contacts(text) == []


def test_a_phone_shared_by_two_people_is_given_once() -> None:
    text = (
        "Title\n\nBody.\n\nPress Contacts:\nJaclyn Gonzalez\n(305) 555-9797\n"
        "jaclyn@alienware.example\nKathryn Newby\n(305) 555-9797\nkathryn@alienware.example\n"
    )
    assert _contacts(text) == [
        ("Jaclyn Gonzalez", "jaclyn@alienware.example", "(305) 555-9797"),
        ("Kathryn Newby", "kathryn@alienware.example", None),
    ]


def test_each_email_stays_with_the_person_written_next_to_it_across_two_firms() -> None:
    """The first block must not run on into the next firm's "X Press Contacts:" block."""
    text = (
        "Title\n\nBody.\n\nAcme Press Center\n"
        "Judi Palmer\n650-555-0112\njpalmer@agency.example\nMary Colvig\n650-555-0120\n"
        "mcolvig@agency.example\nBeta Press Contacts:\nJaclyn Gonzalez\n(305) 555-9797\n"
        "jaclyn@beta.example\nKathryn Newby\n(305) 555-9798\nkathryn@beta.example\n"
    )
    assert _contacts(text) == [
        ("Judi Palmer", "jpalmer@agency.example", "650-555-0112"),
        ("Mary Colvig", "mcolvig@agency.example", "650-555-0120"),
        ("Jaclyn Gonzalez", "jaclyn@beta.example", "(305) 555-9797"),
        ("Kathryn Newby", "kathryn@beta.example", "(305) 555-9798"),
    ]


def test_a_heading_glued_to_the_name_after_it() -> None:
    text = (
        "Title\n\nBody.\n\nMedia Contact\nCompany Name: Acme\nContact Person: DetailsYeweon Park\n"
        "Email: park@acme.example\n"
    )
    assert _contacts(text) == [("Yeweon Park", "park@acme.example", None)]


def test_a_contact_inside_a_release_written_on_one_line() -> None:
    text = (
        "Acme wins award BERLIN - Acme won an award today, the company said. "
        + "More text follows here and goes on. " * 50
        + "Media contact: Jane Roe, jane.roe@acme.example, +49 30 1234567. About Acme: Acme makes things."
    )
    assert _contacts(text) == [("Jane Roe", "jane.roe@acme.example", "+49 30 1234567")]


def test_a_press_office_phone_on_a_scraped_line() -> None:
    text = (
        "    10 31 2005   Statement on the nomination" + " " * 80 + "Senator Jane Roe  News Release"
        "              FOR IMMEDIATE RELEASEOctober 31  2005 Contact  Press OfficePhone  202 555 3685"
        "      Statement on the nomination" + " " * 80 + "WASHINGTON     Sen  Jane Roe made this "
        "statement following the announcement of the nominee today.          I will wait for the "
        "hearings to make up my mind.          "
    )
    assert _contacts(text) == [(None, None, "202 555 3685")]


def test_an_address_given_for_questions() -> None:
    text = "Board statement\n\nThe Board issued a statement.\n\nPlease address any questions to: info@board.example\n"
    assert _contacts(text) == [(None, "info@board.example", None)]
    public = (
        "Board statement\n\nThe Board issued a statement.\n\n"
        "Members of the public may email suggestions to the Board at info@board.example.\n"
    )
    assert _contacts(public) == []


def test_a_press_offices_switchboard_and_out_of_hours_lines_are_its_numbers() -> None:
    # GOV.UK's releases end "PHE press office" / "Main switchboard ..." / "Out of hours ...".
    r = extract(
        "Modern life and health\n\nLONDON - Eight out of ten of the middle aged weigh too much "
        "or do not exercise enough, a study finds.\n\nPHE press office\n\n"
        "Main switchboard 020 7654 8000\n\nOut of hours 020 8200 4400\n"
    )
    assert [(c.name, c.phone) for c in r.contacts] == [
        (None, "020 7654 8000"),
        (None, "020 8200 4400"),
    ]
    # A switchboard after a person's contact still ends the block: the public's line.
    r = extract(
        "Acme opens\n\nLONDON - Acme opened a lab today in the city of London with staff.\n\n"
        "Media contact: Jane Roe, 020 7654 8001\n\nMain switchboard 020 7654 8000\n"
    )
    assert [(c.name, c.phone) for c in r.contacts] == [("Jane Roe", "020 7654 8001")]


def test_press_officers_and_their_number_on_the_last_line() -> None:
    # A U.S. Senate page scraped as text, its "Contact" label lost: names, then one number.
    text = (
        "Senators join evangelical leaders\n\nWashington D C - Today Senators Kennedy and "
        "Graham joined leading voices for immigration reform, Senator Kennedy said.\n\n"
        "Laura Capps  Melissa Wagoner  202  224 2633\n\n"
    )
    r = extract(text)
    assert [(c.name, c.phone) for c in r.contacts] == [
        ("Laura Capps", "202 224 2633"),
        ("Melissa Wagoner", None),
    ]
    # A name the release speaks of (a quoted person), or words that are no names: none.
    quoted = text.replace("Senator Kennedy said", "said Laura Capps")
    assert extract(quoted).contacts == ()
    assert extract(text.replace("Laura Capps  Melissa Wagoner", "Call Today")).contacts == ()


def test_a_letterheads_phone_alone_on_its_line_is_the_offices_number() -> None:
    # A U.S. Senate page scraped as text: the headline, the kicker, the date, "Phone ...",
    # then the headline again and the release.
    headline = "KOHL STATEMENT ON SENATE APPROVAL TO DRILL IN ANWR"
    text = (
        f"{headline}\n\nPress Release\n\nFor Immediate Release\n\nNovember 3  2005\n\n"
        f"Phone   202  224 5653\n\n{headline}\n\nWASHINGTON  D C\n\nSenator Herb Kohl today "
        "made the following statement on the approval of drilling in the refuge.\n"
    )
    assert [(c.name, c.phone) for c in extract(text).contacts] == [(None, "202 224 5653")]
    # Two numbers, or a phone in the release's text: no letterhead's number.
    two = text.replace("Phone   202  224 5653", "Phone   202  224 5653\n\nPhone 202 224 5654")
    assert extract(two).contacts == ()


def test_a_number_run_into_the_address_after_it_keeps_its_last_group() -> None:
    """A wire layout that lost its line breaks: "+41 79 966 89 12rafael.duarte@..." is the
    number +41 79 966 89 12 and the address rafael.duarte@..., and "MediaSven Etzold" is a
    desk's heading run into a name (12 releases of the real corpus)."""
    text = (
        "u-blox ships a receiver\n\nTHALWIL, Switzerland - u-blox shipped a receiver today.\n\n"
        "Contacts\n\n"
        "Investor RelationsRafael DuartePhone: +41 79 966 89 12rafael.duarte@u-blox.example\n\n"
        "MediaSven EtzoldPhone: +41 76 561 0066sven.etzold@u-blox.example\n"
    )
    assert _contacts(text) == [
        ("Rafael Duarte", "rafael.duarte@u-blox.example", "+41 79 966 89 12"),
        ("Sven Etzold", "sven.etzold@u-blox.example", "+41 76 561 0066"),
    ]


def test_a_country_code_in_brackets_stays_with_its_number() -> None:
    """ "(+32) 2 284 12 50", as the European Parliament writes it, was read "+32) 2 284 12 50"."""
    text = (
        "Parliament backs the fund\n\nBRUSSELS - Parliament backed the fund today.\n\n"
        "Contacts:\nJanne Ojamo\nPress Officer\n(+32) 2 284 12 50\njanne.ojamo@europarl.example\n"
    )
    assert _contacts(text) == [("Janne Ojamo", "janne.ojamo@europarl.example", "(+32) 2 284 12 50")]
