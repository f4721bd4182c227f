"""Shapes of releases beyond wire copy (issue 10): lost line breaks, datelines without a
dash, event dates, a page's content element, YAML front matter, and who issued a release."""

from __future__ import annotations

from store.ingest.discover import SourceFile
from store.ingest.extract.anatomy import extract
from store.ingest.extract.dateline import undashed_dateline
from store.ingest.extract.issuer import lead_subject, letterhead, most_mentioned
from store.ingest.read import read_source
from store.ingest.readers.html import html_to_text

FLATTENED = (
    "   Acme Votes for Clean Water Act" + " " * 40 + "from the Office of Senator Jane Roe  "
    "Thursday  February 01  2007  WASHINGTON  D C     U S  Senator Jane Roe  R Tenn   today "
    "made the following statement after voting for the bill which passed the Senate"
    + " " * 9
    + "I believe we have passed a good bill for working families and the rivers they live by"
    + " " * 9
    + "We worked to ensure that the bill gives relief to the small towns most affected by it"
)


def test_a_text_flattened_to_one_line_gets_its_paragraphs_back() -> None:
    parts = extract(FLATTENED)
    assert parts.title == "Acme Votes for Clean Water Act"
    assert parts.date == "2007-02-01"  # "February 01  2007": no comma
    assert parts.location == "WASHINGTON D C"  # after the date, no dash
    assert parts.issuer == "Senator Jane Roe"  # "from the Office of Senator Jane Roe"


def test_a_dateline_without_its_dash() -> None:
    assert undashed_dateline(["WASHINGTON, D.C.  Representatives from the office will be here."])
    found = undashed_dateline(
        [
            "Friday  June 9  2006",
            "WASHINGTON",
            "U S Senator Bob Roe said on Friday that the bill is good.",
        ]
    )
    assert found == ("WASHINGTON", 1, "2006-06-09")
    # A company's name in capitals opens many leads: no place without a region or a lost dash.
    assert (
        undashed_dateline(
            ["ACME, the leading maker of widgets, today announced a new widget line."]
        )
        is None
    )
    assert (
        undashed_dateline(["ACME launches its new widget line for the home and the office today."])
        is None
    )


def test_a_column_of_labels_is_no_dateline() -> None:
    lines = [
        "BOARD",
        "MEMBERS",
        "We were pleased to meet with the President today and to brief him.",
    ]
    assert undashed_dateline(lines) is None


def test_an_event_date_is_not_the_release_date() -> None:
    parts = extract(
        "Online talk on routers\n\nWe invite you to a talk.\n\nWann: 04 Mai 2022, 09:30\n\nWo: online",
        date="2022-04-20",
    )
    assert parts.location is None
    assert parts.date == "2022-04-20"


PAGE = """<html><head><title>Acme opens lab in Leeds | Press | Department of Widgets</title></head>
<body><div role="navigation"><a href="/">Home</a></div><h1>Widgets News</h1>
<article><div>Department of Widgets</div><p>FOR IMMEDIATE RELEASE</p><p>Tuesday, October 16, 2012</p>
<h1>Acme opens lab in Leeds</h1><p>LEEDS, UK - Acme today opened a research lab in Leeds, where forty
engineers will build the next generation of widgets for homes and offices across the country.</p>
<p>The lab cost two million pounds and was opened by the mayor of Leeds on Tuesday morning.</p>
<div>Updated September 15, 2014</div></article>
<footer><a href="/privacy">Privacy Policy</a> Contact: Left Column</footer></body></html>"""


def test_a_page_is_read_from_its_one_article_and_its_title_names_the_site() -> None:
    page = html_to_text(PAGE)
    assert page.title == "Acme opens lab in Leeds"  # the article's h1, not "Widgets News"
    assert "Widgets News" not in page.text and "Privacy Policy" not in page.text
    assert page.site == "Department of Widgets"
    [draft] = read_source(SourceFile("/x/lab.html", "html"), PAGE.encode())
    assert draft.issuer == "Department of Widgets"
    parts = extract(draft.text, title=draft.title, date=draft.date)
    assert parts.date == "2012-10-16"  # the date above the text, not "Updated ..." below it


def test_front_matter_is_read_as_yaml() -> None:
    md = (
        "---\ndate: 2019-06-26\ntitle: >-\n   Board To Examine Use of\n   Facial Recognition\n"
        'summary: "Statement by Jen\\u2019s office \\\n  on the meeting"\ntags: [a, b]\n---\nBody text.\n'
    )
    [draft] = read_source(SourceFile("/x/r.md", "md"), md.encode())
    assert draft.title == "Board To Examine Use of Facial Recognition"
    assert draft.date == "2019-06-26"
    assert draft.tags == ["a", "b"]


def test_front_matter_that_is_no_yaml_is_read_line_by_line() -> None:
    md = "---\ntitle: Acme: a title with: colons\ndate: 2024-03-05\n---\nBody.\n"
    [draft] = read_source(SourceFile("/x/r.md", "md"), md.encode())
    assert draft.title == "Acme: a title with: colons"
    assert draft.date == "2024-03-05"


def test_the_issuer_from_letterhead_lead_or_mentions() -> None:
    below = "The Privacy and Civil Liberties Oversight Board met today."
    assert letterhead(
        ["The Privacy and Civil Liberties", "Oversight Board", "", "Press Release"], below
    ) == ("Privacy and Civil Liberties Oversight Board")
    assert letterhead(["Senator Klobuchar Statement on the Attorney General"], below) is None
    # A subtitle or banner in title case that the release never names again is no letterhead.
    assert letterhead(["Revolutionizing Marketing Strategies for Modern Brands"], below) is None
    assert lead_subject("The Acme Foundation today announced a new grant.") == "Acme Foundation"
    assert lead_subject("Late last night, U.S. Senator Jack Reed (D-RI) announced a bill") == (
        "Senator Jack Reed"
    )
    assert lead_subject("Kitty and I are deeply saddened by his passing.") is None
    body = "The Free Software Foundation Europe (FSFE) asks ... FSFE says ... the FSFE will ..."
    assert (
        most_mentioned(body, (), "FSFE calls for router freedom")
        == "Free Software Foundation Europe"
    )
    assert most_mentioned(body, (), "A headline that names no one") is None
    # Named in the headline, but not as its subject: a body the release speaks about.
    assert most_mentioned(body, (), "Router freedom: FSFE calls for it") is None


def test_a_legislator_is_the_issuer_only_as_the_lead_subject_doing_what_offices_do() -> None:
    assert (
        lead_subject(
            "Senator Susan Collins a member of the Armed Services Committee "
            "announced today that the Navy will stay."
        )
        == "Senator Susan Collins"
    )
    assert (
        lead_subject(
            "WASHINGTON, DC U.S. Senator Joseph R. Biden, Jr. (D-DE), ranking "
            "member, issued this statement"
        )
        == "Senator Joseph R. Biden, Jr."
    )
    # Articles about legislators, and legislators named as sponsors or former ones.
    assert (
        lead_subject(
            "Rep. Morgan Luttrell (R-Texas), a retired Navy SEAL, is part of a "
            "rising wave of lawmakers."
        )
        is None
    )
    assert (
        lead_subject(
            "Former State Senator Jim Brochin, who in 2018 lost the race, is "
            "considering another run."
        )
        is None
    )
    assert (
        lead_subject(
            "The Surety Association commends Senators Mark Kelly (D-AZ) and "
            "Kevin Cramer for the bill."
        )
        is None
    )
    assert lead_subject("D OH today welcomed Senator Tim Johnson D SD back.") is None


def test_a_lead_subject_must_do_what_an_issuer_does() -> None:
    # A news article's lead says what a body is doing; a release, what it announces.
    assert lead_subject("Amazon.com Inc. is deepening its bet on quantum computing.") is None
    assert lead_subject("The Federal Trade Commission (FTC) has taken a step toward it.") is None
    assert lead_subject("Olympus Cosmetic Group is proud to announce its latest deal.") == (
        "Olympus Cosmetic Group"
    )
    assert lead_subject("Abbotsford's Helical Works Company Ltd. today announced a plant.") == (
        "Helical Works Company Ltd."
    )


PDF_TEXT = """Office of the District Attorney
County of Dallas

December 7, 2018 Contact: Jane Roe
Public Information Officer
(214) 653-3600
jane.roe@dallascounty.example

For Immediate Release: Dallas Man Sentenced to 40 Years for Armed Robbery

(Dallas, Texas) –On Thursday, a Dallas County jury sentenced John Doe, 34, to 40 years in
prison for the armed robbery of a convenience store in 2017.
"""


def test_text_from_a_pdf_letterhead_and_contact_block_then_the_headline() -> None:
    parts = extract(PDF_TEXT)
    assert parts.title == "Dallas Man Sentenced to 40 Years for Armed Robbery"
    assert parts.kicker == "For Immediate Release"
    assert parts.date == "2018-12-07"  # the letterhead's date
    assert parts.location == "Dallas, Texas"  # a dateline in brackets
    [contact] = parts.contacts  # the contact block above the headline is still read
    assert contact.name == "Jane Roe"
    assert contact.email == "jane.roe@dallascounty.example"
    assert contact.organisation is None  # not the date on the contact's line
    assert not parts.body.startswith("Office of the District Attorney")


def test_a_letterhead_then_a_kicker_then_the_headline_on_its_own_line() -> None:
    text = (
        "   The Privacy and Civil Liberties\n   Oversight Board\n\n\nPress Release\n"
        "   October 18, 2018\n\n   NEW BOARD MEMBERS RELEASE JOINT STATEMENT\n\n"
        "   Washington, DC—Newly-confirmed Members of the Board have released the following "
        "joint statement about the work of the Board.\n"
    )
    parts = extract(text)
    assert parts.title == "NEW BOARD MEMBERS RELEASE JOINT STATEMENT"
    assert parts.date == "2018-10-18"
    assert parts.location == "Washington, DC"


def test_no_letterhead_where_prose_or_a_dateline_comes_before_the_kicker() -> None:
    subtitle = (
        "Grizzly Media Co Launches AI Search\n\nGrizzly Helps Trades Get Cited\n\n"
        "Woodland Hills, United States - June 25, 2026 / Grizzly Media Co /\n\n"
        "FOR IMMEDIATE RELEASE\n\nGrizzly Media Co today announced a new service for trades.\n"
    )
    assert extract(subtitle).location == "Woodland Hills, United States"


def test_a_dateline_in_brackets() -> None:
    dated = extract("Acme wins\n\n(Dallas, Texas) – May 4, 2019 – Acme today won a prize.")
    assert (dated.location, dated.date) == ("Dallas, Texas", "2019-05-04")
    # A publisher's or wire's name in brackets is no place.
    assert extract("Acme wins\n\n(BookTrib) - A novel by C.L. Roe is out today.").location is None


def test_a_markdown_heading_that_is_the_sites_name_as_a_link_is_no_headline() -> None:
    md = (
        "# [Tor](../index.html.en)\n\n  * [Home](../index.html.en)\n  * [Press](../press.html)\n\n"
        "## FOR IMMEDIATE RELEASE\n\n## **TOR PROJECT ANNOUNCES NEW STABLE RELEASE**\n\n"
        "**CAMBRIDGE, MA** \\- The Tor Project today released a new stable version of Tor.\n"
    )
    [draft] = read_source(SourceFile("/x/tor.md", "md"), md.encode())
    assert draft.title is None
    parts = extract(draft.text, title=draft.title)
    assert parts.title == "TOR PROJECT ANNOUNCES NEW STABLE RELEASE"
    assert parts.kicker == "FOR IMMEDIATE RELEASE"
    assert parts.location == "CAMBRIDGE, MA"
