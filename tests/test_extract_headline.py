"""Kicker, embargo line and headline at the top of a release; the body after them."""

import pytest

from store.ingest.extract.anatomy import extract


@pytest.mark.parametrize(
    "kicker",
    [
        "PRESS RELEASE",
        "FOR IMMEDIATE RELEASE",
        "NEWS RELEASE",
        "MEDIA ADVISORY",
        "COMMUNIQUÉ DE PRESSE",
        "COMMUNIQUE DE PRESSE",
        "NOTA DE PRENSA",
        "COMUNICADO DE PRENSA",
        "PRESSEMITTEILUNG",
        "PRESSEINFORMATION",
        "For Immediate Release:",
    ],
)
def test_kicker_then_headline(kicker):
    r = extract(f"{kicker}\n\nAcme Buys Beta for $2 Billion\n\nLONDON, 3 May 2024 – Acme said.")
    assert r.kicker == kicker.rstrip(":")
    assert r.title == "Acme Buys Beta for $2 Billion"
    assert r.body.startswith("LONDON, 3 May 2024")


def test_kicker_whitespace_is_normalised():
    assert extract("PRESS   RELEASE\n\nAcme Grows\n\nText.").kicker == "PRESS RELEASE"


def test_kicker_sharing_its_line_with_the_date():
    r = extract("FOR IMMEDIATE RELEASE - AUGUST 14, 2026\n\nUGI Begins Upgrades\n\nUGI will begin.")
    assert r.kicker == "FOR IMMEDIATE RELEASE"
    assert r.date == "2026-08-14"
    assert r.title == "UGI Begins Upgrades"


@pytest.mark.parametrize(
    "line",
    [
        "EMBARGOED UNTIL 00:01 GMT, 4 March 2024",
        "EMBARGO: 10:00 CET, 5 March 2024",
        "Under embargo until 6 June 2024, 09:00 BST",
        "Sperrfrist: 23. Juni 2021, 10:00 Uhr",
        "Embargo jusqu'au 16 octobre 2025 à 6 h",
        "Embargo hasta el 29 de mayo de 2024 a las 10:00",
    ],
)
def test_embargo_line(line):
    r = extract(f"PRESS RELEASE\n{line}\n\nNew Vaccine Approved\n\nGENEVA, 1 June 2024 – Text.")
    assert r.embargo == line
    assert r.title == "New Vaccine Approved"


def test_headline_broken_over_two_lines_is_joined():
    r = extract(
        "NEWS RELEASE\n\nCity Council Approves the 2025 Budget and a New\nPlan for Public Transport\n\n"
        "SPRINGFIELD, 2 May 2025 – The council voted."
    )
    assert r.title == "City Council Approves the 2025 Budget and a New Plan for Public Transport"


def test_dateline_line_is_not_joined_to_the_headline():
    r = extract("Acme Opens a Plant\nLYON, 3 March 2024 – Acme opened a plant.")
    assert r.title == "Acme Opens a Plant"
    assert r.location == "LYON"


@pytest.mark.parametrize("marker", ["###", "# # #", "-ENDS-", "- ENDS -", "– FIN –", "-30-"])
def test_end_marker_is_never_the_headline(marker):
    r = extract(f"{marker}\n\nAbout Acme\n\nAcme makes widgets.")
    assert r.title not in (marker, "")
    assert marker not in r.title


def test_declared_title_wins_and_the_body_keeps_its_first_paragraph():
    r = extract("Acme, the maker of widgets, grew by 20%.\n\nMore.", title="Acme Grows 20%")
    assert r.title == "Acme Grows 20%"
    assert r.body.startswith("Acme, the maker of widgets")


def test_declared_title_equal_to_the_first_line_is_not_repeated_in_the_body():
    r = extract("# Acme Grows 20%\n\nAcme grew.", title="Acme Grows 20%")
    assert r.title == "Acme Grows 20%"
    assert r.body == "Acme grew."


@pytest.mark.parametrize(
    "placeholder", ["", "  ", "Home", "Press Releases", "www.acme.com", "News"]
)
def test_placeholder_title_does_not_win_over_a_real_headline(placeholder):
    r = extract("PRESS RELEASE\n\nAcme Opens a Plant in Lyon\n\nText.", title=placeholder)
    assert r.title == "Acme Opens a Plant in Lyon"


def test_text_opening_with_its_dateline_gets_a_title_from_its_first_sentence():
    r = extract("LYON, 3 March 2024 – Acme opened a plant. It employs 200 people.")
    assert r.title
    assert r.date == "2024-03-03"
    assert "Acme opened a plant" in r.body


def test_archive_footer_is_trimmed_from_the_body():
    r = extract(
        "Acme Grows\n\nAcme grew.\n\n---\n\n[Original/Source Press Release](https://wire.example/1)"
        "\n\nPickup - [site](https://x.example/a)\n"
    )
    assert r.body == "Acme grew."
    assert r.links[0].url == "https://wire.example/1"


def test_markdown_heading_line_is_the_headline():
    r = extract("# Acme Grows\n\nBody text here.")
    assert r.title == "Acme Grows"
    assert r.body == "Body text here."


@pytest.mark.parametrize(
    "top",
    [
        "Contact: Jane Roe, 202-555-0100\n\n",
        "March 3, 2024\nContact: Jane Roe, 202-555-0100\n\n",
        "Contact: Jane Roe\nPress Secretary\n202-555-0100\njane.roe@acme.example\n\n",
        "FOR IMMEDIATE RELEASE\nMedia Contact: Jane Roe, 202-555-0100\n\n",
        # A Senate page: the date and the heading on one line, the contact below it.
        "October 29  2007 Contact\n\nJane Roe  202 555 0100\n\n",
    ],
)
def test_a_contact_block_above_the_headline_is_no_headline(top):
    """A letterhead's or a page's contact block comes before the title: it is read as the
    contacts, and the headline is the line below it."""
    r = extract(
        top + "Acme Opens a Lab in Washington\n\n"
        "WASHINGTON, March 3, 2024 - Acme opened a laboratory in the city today.\n"
    )
    assert r.title == "Acme Opens a Lab in Washington"
    assert [(c.name, c.phone) for c in r.contacts][:1] in (
        [("Jane Roe", "202-555-0100")],
        [("Jane Roe", "202 555 0100")],
    )
    assert r.body.startswith("WASHINGTON")
    # A short headline under a bare heading's contact is not taken for a second name.
    bare = extract("Contact\n\nJane Roe\n\n202-555-0100\n\nRecord Profits\n\nAcme made money.")
    assert bare.title == "Record Profits"


_LEAD = "Senator Jane Roe today announced that the Navy will send a ship to the festival in June.\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The headline runs on into the date and the dateline (punctuation stripped).
        (
            "Port visit will honor 2007 Windjammer Days Festival May 3  2007 Washington  DC\n\n"
            + _LEAD,
            "Port visit will honor 2007 Windjammer Days Festival",
        ),
        # ... into the whole first paragraph, date and all.
        (
            "MARTINEZ  REP  MIKE DAVIS LIVED LIFE AS PUBLIC SERVANT  September 12  2007   "
            "WASHINGTON   U S  Senator Mel Martinez  R FL  today expressed his sadness upon learning "
            "of the passing of Florida State House Representative Mike Davis\n\n" + _LEAD,
            "MARTINEZ REP MIKE DAVIS LIVED LIFE AS PUBLIC SERVANT",
        ),
        # ... into a dateline with its dash.
        (
            "Senator Bayh's Office Holds November Office Hours in Perry County Washington-- A "
            "representative from the office of U.S. Senator Evan Bayh will be available on "
            "November 13th to meet individually with Hoosiers in Perry County.\n",
            "Senator Bayh's Office Holds November Office Hours in Perry County",
        ),
        # A date in figures before the headline, its separators stripped.
        (
            "10 31 2005   Levin Statement on Nomination of Judge Alito to Supreme Court\n\n"
            + _LEAD,
            "Levin Statement on Nomination of Judge Alito to Supreme Court",
        ),
        # The page's title, then the headline again running on into its subtitle.
        (
            "Sen  Landrieu Votes to Increase Minimum Wage\n\nFOR IMMEDIATE RELEASE  06 21 2006\n\n"
            "Sen  Landrieu Votes to Increase Minimum Wage Says  a hard day s work can still amount "
            "to something\n\nWASHINGTON\n\n" + _LEAD,
            "Sen Landrieu Votes to Increase Minimum Wage",
        ),
        # The page's title with the site's name after a run of spaces, repeated with its date.
        (
            "Obama Statement on Cuba   U S  Senator Barack Obama\n\nBarack Obama\n\n"
            "Obama Statement on Cuba Wednesday  October 24  2007  FOR IMMEDIATE RELEASE\n\n"
            + _LEAD,
            "Obama Statement on Cuba",
        ),
        # A site's control above the headline, and a letterhead's pieces under its kicker.
        (
            "Filter by\n\nMartinez Mourns a Public Servant\n\n" + _LEAD,
            "Martinez Mourns a Public Servant",
        ),
        (
            "Senator Frank R  Lautenberg\n\nPress Release\n\nof\n\nSenator Lautenberg\n\n"
            "Lautenberg Statement on California Waiver Decision\n\n" + _LEAD,
            "Lautenberg Statement on California Waiver Decision",
        ),
    ],
)
def test_a_headline_run_on_by_a_scraped_page_is_cut_where_it_ends(text, title):
    """Senate pages scraped to text lose their punctuation and line breaks: the headline is
    read up to its date, its dateline or the run of spaces after it."""
    assert extract(text).title == title


@pytest.mark.parametrize(
    "text",
    [
        "Acme to Report Third Quarter Results on November 5, 2024\n\n"
        "NEW YORK, Oct. 1, 2024 /PRNewswire/ -- Acme Corp. will report its results.\n",
        "Acme and Beta Sign Deal - Shares Rise\n\nLONDON, 3 May 2024 - Acme Sign Deal with Beta "
        "and more.\n",
        "Acme Opens Lab in Boston\n\nAcme Opens Lab in Boston, Its Largest - the company said.\n",
    ],
)
def test_a_wire_headline_is_not_cut(text):
    assert extract(text).title == text.split("\n", 1)[0]


def test_a_declared_title_with_a_kicker_after_it_gives_way_to_the_heading():
    """A mail's Subject "July 23rd Public Meeting Press Release" over the body's heading."""
    r = extract(
        "## July 23rd Public Meeting\n\nPosted: July 17, 2014 (Press Release)\n\n"
        "On Wednesday, July 23, 2014, the Board will meet.\n",
        title="July 23rd Public Meeting Press Release",
    )
    assert r.title == "July 23rd Public Meeting"
    # A declared title that goes on with words of its own still wins.
    longer = extract(
        "## Acme Opens a Lab\n\nAcme opened a lab.\n", title="Acme Opens a Lab in Ohio"
    )
    assert longer.title == "Acme Opens a Lab in Ohio"


def test_headline_alone_above_the_kicker_and_contact_line():
    # Read as a letterhead before: a line that says what happened is no sender's name.
    text = (
        "Roe Statement on the Harbour Bridge Vote\n\n"
        "For Immediate Release: July 19, 2005\n"
        "\t\tContact: \n"
        "WASHINGTON (July 19, 2005) - Sen. Jane Roe today issued the following statement "
        "on the vote to fund the Harbour Bridge, which the Senate passed this morning.\n"
    )
    r = extract(text)
    assert (r.title, r.title_source) == ("Roe Statement on the Harbour Bridge Vote", "text")
    assert r.kicker == "For Immediate Release" and r.date == "2005-07-19"
    # A sender's name above the kicker stays a letterhead, not a headline.
    letterhead = text.replace("Roe Statement on the Harbour Bridge Vote", "Office of Jane Roe")
    assert extract(letterhead).title != "Office of Jane Roe"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "STATE TO RECEIVE  5 MILLION FOR BRIDGE REPAIR  SENATORS ROE AND DOE ANNOUNCE",
            "STATE TO RECEIVE 5 MILLION FOR BRIDGE REPAIR",
        ),
        ("County Gets New Clinic Grant   Rep. Jane Roe Says", "County Gets New Clinic Grant"),
        # One space: the credit is the headline's own words ("..., Senator Says").
        ("Bridge Funding Is Vital Senator Roe Says", "Bridge Funding Is Vital Senator Roe Says"),
        # Nothing before it but the credit: it is the headline.
        ("Senators Roe and Doe Announce", "Senators Roe and Doe Announce"),
    ],
)
def test_credit_run_on_after_a_scraped_headline(line, title):
    text = f"{line}\n\nWASHINGTON - Senators Jane Roe and John Doe announced today the grant.\n"
    assert extract(text).title == title


def test_capitals_headline_broken_alike_in_both_copies_is_joined():
    # A scraped page lost its breaks: runs of spaces split its title, the same way in the
    # page's title above and in the heading; the broken-off words are the headline's.
    page = (
        "PRESS RELEASE  ROE STATEMENT ON DECISION TO CLOSE   RURAL OFFICES    "
        "IN THREE COUNTIES      Press Release    October 18  2005      "
        "ROE STATEMENT ON DECISION TO CLOSE   RURAL OFFICES    IN THREE COUNTIES      "
        "WASHINGTON  D C     Senator Jane Roe issued the following statement on the "
        "decision to close rural offices in three counties of the state this year      "
        "The plan was ill conceived and poorly sold and it should be withdrawn at once      "
    )
    r = extract(page)
    assert r.title == "ROE STATEMENT ON DECISION TO CLOSE RURAL OFFICES IN THREE COUNTIES"
    assert r.body.startswith("WASHINGTON")
    # Broken in one copy only: the short line in capitals may be anything (a place).
    once = page.replace("CLOSE   RURAL OFFICES    IN THREE", "CLOSE RURAL OFFICES IN THREE", 1)
    assert extract(once).title == "ROE STATEMENT ON DECISION TO CLOSE RURAL OFFICES"


def test_a_news_lists_number_before_the_headline_is_dropped():
    # A page taken from a numbered list of news: "4. Secret Service Announces ...".
    r = extract(
        "4. Secret Service Announces the Creation of the Cyber Fraud Task Force\n\n"
        "WASHINGTON - The Secret Service is merging its task forces into a single network."
    )
    assert r.title == "Secret Service Announces the Creation of the Cyber Fraud Task Force"
    # A German ordinal opens headlines too: no English verb follows it.
    r = extract(
        "3. Quartal: Umsatz der Acme AG steigt\n\nBERLIN, 2. Oktober 2024 – Die Acme AG hat "
        "im dritten Quartal mehr umgesetzt als im Vorjahr."
    )
    assert r.title == "3. Quartal: Umsatz der Acme AG steigt"
