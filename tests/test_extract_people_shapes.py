"""People named without an honorific or a quote: by their name's shape, by what is said of
them, in a list with a person found, and after a contact block at a release's head."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.people import find_people


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title that ends "in Charge", and a name with its middle initial after a title's words.
        (
            "It was led by Special Agent in Charge Robert Hammer, who oversees it.",
            ["Robert Hammer"],
        ),
        (
            "said FBI Assistant Director in Charge Christopher G. Raia. Today",
            ["Christopher G. Raia"],
        ),
        (
            "said Acting Under Secretary of the Treasury for Terrorism and Financial Intelligence "
            "Bradley T. Smith. It",
            ["Bradley T. Smith"],
        ),
        (
            "The investigation was conducted by Scott A. Thompson of the Regional Office.",
            ["Scott A. Thompson"],
        ),
        # A role word ending a title, after the title's other words.
        (
            "The government is represented by Senior Trial Counsel Andrew Kogan of the Office.",
            ["Andrew Kogan"],
        ),
        ("said Assistant Chief Art Nakamura of the Portland Police Bureau", ["Art Nakamura"]),
        # Descriptors and what a prosecutor's release says of a defendant.
        (
            "associated with Russian individual Sergey Sergeevich Ivanov (Ivanov) as being",
            ["Sergey Sergeevich Ivanov"],
        ),
        (
            "an indictment of another Russian national, Timur Shakhmametov. These",
            ["Timur Shakhmametov"],
        ),
        ("Sung Soo Shin, of Staten Island, N.Y., pleaded guilty today.", ["Sung Soo Shin"]),
        ("Samuel Wesley Mulkey was arrested in Longview, Washington.", ["Samuel Wesley Mulkey"]),
        (
            "The jury deliberated before finding Christopher Scott Crawford guilty of stalking.",
            ["Christopher Scott Crawford"],
        ),
        ("<li>Axel Hecht, German citizen and Mozilla developer</li>", ["Axel Hecht"]),
        (
            "announced that Ray Krncevic has been promoted to Legislative Director.",
            ["Ray Krncevic"],
        ),
    ],
)
def test_a_person_by_shape_or_by_what_is_said_of_them(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We flew from John F. Kennedy International Airport to Boston.",
        "The Chief Medical Officer’s guidelines on alcohol apply.",
        "said Mitchell Baker, Chief Lizard Wrangler at the Mozilla Foundation.",
        "Kai West, a British National, Is Charged With Operating the Forum",
        "Standard Chartered, also known as Stanchart, is making big moves.",
        "Google Cloud has been named a Leader in the report.",
        "The Northern Lights, of Tromsø, Norway, were seen.",
    ],
)
def test_no_person_from_a_place_a_role_or_a_headline(text: str) -> None:
    assert "Lights" not in " ".join(names(text))
    assert not [n for n in names(text) if n != "Mitchell Baker"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The litigation will be conducted by Kara Sweet and Gregory R. Bockin. The SEC",
            {"Kara Sweet", "Gregory R. Bockin"},
        ),
        (
            "It was prosecuted by Scott M. Kerin, Parakram Singh, and Andrew T. Ho of the office.",
            {"Scott M. Kerin", "Parakram Singh", "Andrew T. Ho"},
        ),
    ],
)
def test_names_listed_before_a_person_found(text: str, expected: set[str]) -> None:
    assert set(names(text)) == expected


def test_no_list_taken_from_the_end_of_a_longer_run() -> None:
    # "Acme Foods Kara Sweet": the name before "and" ends a longer capitalised run.
    assert names("It was handled by Acme Foods Kara Sweet and Gregory R. Bockin.") == [
        "Gregory R. Bockin"
    ]


HEAD_BLOCK = (
    "Operation Results in Arrests\n\nSeptember 22, 2020\n\nContact: Public Affairs\n\n"
    "Phone Number: (571) 776-2508\n\nShare Article\n\n"
)
PROSE = (
    "WASHINGTON – Today, the Department announced the results of an operation that was "
    "conducted across the United States and Europe against the illegal sale of drugs, weapons "
    "and other illicit goods and services on the Darknet, with partners in seven countries.\n\n"
    "“Criminals selling fentanyl on the Darknet should pay attention,” said Deputy Attorney "
    "General Jeffrey Rosen. “The arrest of 179 of them in seven countries shows that there will "
    "be no safe haven for drug dealing in cyberspace.”\n"
)


def test_people_in_the_prose_after_a_contact_block_at_the_head() -> None:
    people = [p.name for p in extract(HEAD_BLOCK + PROSE).people]
    assert "Jeffrey Rosen" in people


def test_a_contact_block_at_the_end_still_ends_the_prose() -> None:
    # One paragraph after the block (a closing note) is no prose going on: its names stay out.
    text = (
        "Acme Opens a Plant\n\nLYON, 3 March 2024 – Acme opened a plant.\n\n"
        "Media contact: Jane Doe, jane@acme.example, +33 1 23 45 67 89\n\n"
        + "Notes to editors: the plant was designed by architect Dr. Paul Martin and built over "
        "two years by local firms, with funding from the region and the state, and it employs "
        "two hundred people from the city and the towns around it, in three shifts a day.\n"
    )
    assert "Paul Martin" not in [p.name for p in extract(text).people]


SIDEBAR = """                             OVERSIGHT BOARD

                          June 21, 2013
BOARD
MEMBERS
                          We were very pleased to meet with the President today. We told him that
David Medine,             the Board, an independent, bipartisan federal agency, is undertaking a
Chairman                  review of the recently revealed programs as a top priority.
Rachel Brand              We conveyed our appreciation for the briefings we have received to date.
                          We informed the President that we plan to seek additional briefings.
Elisebeth Collins         We informed the President that as part of our oversight effort, we are
Cook                      scheduling a full day public workshop to seek input from experts.
James Dempsey             We discussed with the President our recommendation.
"""


def test_board_members_down_a_letterheads_left_margin() -> None:
    people = {p.name: p.role for p in extract(SIDEBAR).people}
    assert {"David Medine", "Rachel Brand", "Elisebeth Collins Cook", "James Dempsey"} <= set(
        people
    )
    assert people["David Medine"] == "Chairman"


def test_no_sidebar_without_its_heading() -> None:
    # The same column under no heading that names members: a letterhead's other lines.
    text = SIDEBAR.replace("BOARD\nMEMBERS\n", "OFFICE\nADDRESS\n")
    assert "Rachel Brand" not in [p.name for p in extract(text).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "authored by Senators Max Baucus (D-MT), John Rockefeller (D-WV), and Ted Kennedy "
            "(D-MA), and Bob Casey (D-PA) to affirm",
            ["Max Baucus", "John Rockefeller", "Ted Kennedy", "Bob Casey"],
        ),
        (
            "The board includes Professor Hideyuki Tokuda (of Keio University), Nobuo Kita (CEO "
            "of Ten Art-ni Corporation), Satoko Takita (formerly of AOL/Netscape Japan), and "
            "Motohiro Egota (of Ten Art-ni).",
            ["Hideyuki Tokuda", "Nobuo Kita", "Satoko Takita", "Motohiro Egota"],
        ),
        (
            "The board will now include Mitch Kapor, Brian Behlendorf, Mitchell Baker, and "
            "Joichi Ito. “We grow,” said Mitch Kapor.",
            ["Mitch Kapor", "Brian Behlendorf", "Mitchell Baker", "Joichi Ito"],
        ),
    ],
)
def test_a_list_of_names_with_a_person_found_in_it(text: str, expected: list[str]) -> None:
    assert sorted(names(text)) == sorted(expected)


def test_no_list_of_people_with_a_place_or_a_firm_in_it() -> None:
    text = "“Fine,” said Jane Doe. Jane Doe, New York, and Best Buy met. Jane Doe, Bob Roe and Acme Corporation"
    assert names(text) == ["Jane Doe"]


def test_a_defendant_named_in_capitals() -> None:
    text = (
        "Acme Opens a Plant\n\nNEW YORK – The United States Attorney announced charges against "
        'KAI WEST, a/k/a "IntelBroker," a British national, for a scheme to steal data.\n'
    )
    assert "KAI WEST" in [p.name for p in extract(text).people]
    # Capitals with no defendant's shape after them name no one.
    assert not extract("Acme Opens a Plant\n\nNEW YORK – NEW YORK CITY, of course.\n").people


def test_the_prose_after_a_head_block_ends_at_the_end_matter() -> None:
    text = (
        HEAD_BLOCK
        + PROSE
        + "\nIf you purchased shares of the company between May and June, the risks were "
        "described by Chief Legal Officer Mary Q. Roe, who is named in the complaint filed in "
        "the District Court for the District of Delaware by the shareholders last year.\n"
    )
    people = [p.name for p in extract(text).people]
    assert "Jeffrey Rosen" in people
    assert not [n for n in people if "Roe" in n]


def test_no_list_with_a_body_before_and() -> None:
    # "at Merrill Lynch and Lee E. Forehand": a firm before "and", not a person listed.
    assert names("with earlier experience at Merrill Lynch and Lee E. Forehand, CIMA") == [
        "Lee E. Forehand"
    ]
    assert "Find Fire Digital" not in names(
        "a film produced by Find Fire Digital and Cayce Aaron Brown, Executive Producer, said"
    )


def test_no_list_of_people_whose_items_end_alike() -> None:
    text = "orchestras: Tucson Symphony, Dr. Jane Doe, Utah Symphony and Vancouver Symphony."
    assert names(text) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Statement of Attorney General Eric Holder on the Court's Ruling", ["Eric Holder"]),
        (
            "Joint Statement by Secretary Napolitano and Attorney General Eric Holder on "
            "Today's Signing",
            ["Eric Holder"],
        ),
        (
            "Statement of Senator Hillary Rodham Clinton on New York Power",
            ["Hillary Rodham Clinton"],
        ),
        ("Statement by the Press Secretary on the Visit of the Prime Minister", []),
        ("Senator Jane Roe Welcomes New Funding for Schools", []),
    ],
)
def test_the_author_a_statements_headline_names(headline: str, expected: list[str]) -> None:
    text = f"{headline}\n\nWASHINGTON – The decision marks a victory for voting rights.\n"
    assert [p.name for p in extract(text).people] == expected
