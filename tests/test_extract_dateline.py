"""Datelines in English, French, Spanish and German, and in the wire services' forms."""

import pytest

from store.ingest.extract.anatomy import extract

CASES = [
    ("Marrakesh, 23 June 2021 – The meeting opened today.", "Marrakesh", "2021-06-23"),
    ("CHICAGO, June 23, 2021 – Acme Corp. today announced a merger.", "CHICAGO", "2021-06-23"),
    ("Tuesday, April 14, 2015\n\nAcme Corp. today announced a merger.", None, "2015-04-14"),
    ("2021-06-23\n\nAcme Corp. today announced a merger.", None, "2021-06-23"),
    ("23/06/2021\n\nAcme Corp. today announced a merger.", None, "2021-06-23"),
    (
        "TORONTO (Ontario) – le 16 octobre 2025 – La Banque a annoncé aujourd'hui un accord.",
        "TORONTO (Ontario)",
        "2025-10-16",
    ),
    ("MADRID, 29 de mayo de 2024. La empresa ha anunciado hoy un acuerdo.", "MADRID", "2024-05-29"),
    (
        "BERLIN, 23. Juni 2021 – Die Firma hat heute eine Übernahme bekannt gegeben.",
        "BERLIN",
        "2021-06-23",
    ),
    (
        "AMSTERDAM and PARIS, March 19, 2024 /PRNewswire/ -- The two firms agreed to merge.",
        "AMSTERDAM and PARIS",
        "2024-03-19",
    ),
    ("Miami (May 14, 2024) – The resort reopened its doors on Monday.", "Miami", "2024-05-14"),
    (
        "NEW YORK, NY / ACCESSWIRE / May 1, 2024 / Beta Inc. reported first-quarter results.",
        "NEW YORK, NY",
        "2024-05-01",
    ),
    (
        " QINGDAO, SHANGHAI, FRANKFURT and HONG KONG - April 27, 2026 (NEWMEDIAWIRE) - "
        "Haier Smart Home published its results.",
        "QINGDAO, SHANGHAI, FRANKFURT and HONG KONG",
        "2026-04-27",
    ),
    (
        "Atlanta, GA (Newsworthy.ai) Wednesday Aug 27, 2025 @ 7:00 AM US/Eastern — Intellum announced.",
        "Atlanta, GA",
        "2025-08-27",
    ),
    (
        "PORT COQUITLAM, BC / PR Karma / February 10, 2025 18:45\n\nHappy Stan's is nominated.",
        "PORT COQUITLAM, BC",
        "2025-02-10",
    ),
    (
        "DALLAS, TX -- July 25th, 2025 -- Stonegate updates its coverage.",
        "DALLAS, TX",
        "2025-07-25",
    ),
    ("LONDON, Dec 3, 2024 (IBN) - Gamma plc launched a new fund.", "LONDON", "2024-12-03"),
    (
        "HAIKOU, CHINA - [Media OutReach Newswire](https://www.media-outreach.com/) - 16 July 2026 - "
        "Hainan welcomes its carnival.",
        "HAIKOU, CHINA",
        "2026-07-16",
    ),
    (
        "(NewMediaWire) - October 24, 2024 - DALLAS — New research was published.",
        "DALLAS",
        "2024-10-24",
    ),
    (
        "Double Oak, United States - February 22, 2025 / Redeeming Dogs /\n\nThe firm launched.",
        "Double Oak, United States",
        "2025-02-22",
    ),
    # A place in brackets after the date.
    (
        "June 30, 2004, (Mountain View, CA). The Foundation announced a series of changes.",
        "Mountain View, CA",
        "2004-06-30",
    ),
    (
        "February 9, 2004 (the Internet) - The Foundation today announced new releases.",
        "the Internet",
        "2004-02-09",
    ),
    ("June 30, 2004 (PRNewswire) - Acme today announced a plant.", None, "2004-06-30"),
]


@pytest.mark.parametrize(("first_paragraph", "location", "date"), CASES)
def test_dateline_forms(first_paragraph, location, date):
    r = extract(
        f"Acme Widgets Reach a New Milestone\n\n{first_paragraph}\n\nMore text follows here."
    )
    assert (r.location, r.date) == (location, date)


def test_date_in_a_body_sentence_is_not_the_release_date():
    r = extract(
        "Acme Opens a Plant\n\nAcme said the plant, announced on March 3, 2024, will employ 200 "
        "people.\n\nOn July 3, 2024, the first line started."
    )
    assert r.date is None
    assert r.location is None


def test_declared_date_is_the_fallback():
    r = extract("Acme Opens a Plant\n\nAcme opened a plant.", date="2024-02-01T10:00:00Z")
    assert r.date == "2024-02-01"
    r = extract("Acme Opens a Plant\n\nLYON, 3 mars 2024 – Acme a ouvert.", date="2024-02-01")
    assert r.date == "2024-03-03"


def test_embargo_date_is_not_a_dateline():
    r = extract(
        "Study Finds Less Stroke Risk\n\nEmbargoed until 8:55 a.m. CT, Sunday, Nov. 17, 2024\n\n"
        "The study was presented today."
    )
    assert r.embargo == "Embargoed until 8:55 a.m. CT, Sunday, Nov. 17, 2024"
    assert r.date is None


def test_impossible_date_is_ignored():
    r = extract("Acme News\n\nPARIS, 31 February 2024 – Acme announced.")
    assert r.date is None


def test_a_first_line_of_names_is_prose_by_the_rest_of_its_paragraph():
    # A bold place whose bold a converter dropped, before a first line of names in capitals.
    text = (
        "Tor Project and Printfection Announce the Tor Store\n\n"
        "WALPOLE, MA The Tor Project and Printfection launch The Tor\n"
        "Store for all your fan needs. The store offers a range of t-shirts for men\n"
        "and women, mugs, and sweatshirts with everyone's favourite logo.\n"
    )
    assert extract(text).location == "WALPOLE, MA"
    # A headline in title case above its paragraph, with a blank line between, is none.
    headline = "Acme And Beta Launch The Store In Leeds Today For All Fans\n\n"
    assert extract(headline + "Acme and Beta opened a store in a mall today.\n").location is None


def test_a_date_label_written_twice_is_still_a_label_and_the_update_is_not_the_date():
    text = (
        "## PCLOB announces its agenda\n\nPosted: Posted: August 7, 2014  \n"
        "Updated: September 3, 2014\n\nAt its public meeting the Board announced its agenda.\n"
    )
    found = extract(text)
    assert (found.date, found.location) == ("2014-08-07", None)


def test_a_dateline_after_a_subtitle_on_a_scraped_line():
    text = (
        "  Senator Roe's Staff to Hold Office Hours in Ephraim on November 20     Staff will be "
        "available to answer questions about federal agencies  WASHINGTON, D.C.  "
        "Representatives from Senator Roe's office will hold office hours in the county on "
        "Tuesday to meet people who need help with a federal agency.\n"
    )
    assert extract(text).location == "WASHINGTON, D.C."
    # Capitals after a sentence are a name in the text.
    prose = (
        "Acme opened a lab in the city today. It will hire many people over the years  "
        "NORTHWIND, LLC.  Representatives of the firm said more was to come next year.\n"
    )
    assert extract("Acme Opens a Lab\n\n" + prose).location is None


def test_a_place_glued_to_its_double_dash():
    # U.S. Senate pages scraped as text: "Washington-- A representative ...".
    r = extract("Office Hours in Perry County\n\nWashington-- A representative will be there.")
    assert r.location == "Washington"
    r = extract("Office Hours in Perry County\n\nWASHINGTON-- A representative will be there.")
    assert r.location == "WASHINGTON"  # without the dash's first hyphen
    assert extract("Acme opens\n\nWILKES-BARRE - A plant opened.").location == "WILKES-BARRE"
    # A label glued to a dash, a single hyphen: no place.
    for opening in ("Note-- The figures are unaudited.", "Washington-based Acme opened a lab."):
        assert extract("Acme opens\n\n" + opening).location is None


def test_an_update_note_dated_atop_a_post_is_no_place():
    # OKF DE: "Update, 24.12.2018: Das Justizministerium hat ..."
    r = extract(
        "OffeneGesetze (Update)\n\nUpdate, 24.12.2018: Das Justizministerium hat als Reaktion "
        "bekanntgegeben, künftig ein Verfahren zu schaffen."
    )
    assert r.location is None


def test_a_date_in_a_typed_letterheads_right_column_is_the_release_date():
    # NASA's releases of the 1990s: the office on the left, the date on the right.
    text = (
        "Ed Campion\nHeadquarters, Washington, D.C.                             April 23, 1993\n"
        "(Phone:  202/358-1780)\n\nRELEASE:  93-76\n\n"
        "HUBBLE TELESCOPE SERVICING MISSION SCHEDULED FOR ELEVEN DAYS\n\n"
        "\tThe December flight of Endeavour to service the Hubble Space Telescope has been "
        "scheduled as an 11 day mission."
    )
    r = extract(text, title="HUBBLE TELESCOPE SERVICING MISSION SCHEDULED FOR ELEVEN DAYS")
    assert r.date == "1993-04-23"
    assert r.location is None  # the office's line is no dateline
    # A date beside the prose, in a table of the release's text, is not read.
    later = text.replace(
        "Headquarters, Washington, D.C.                             April 23, 1993",
        "Headquarters, Washington, D.C.",
    )
    later += "\n\nLaunch window    April 23, 1993\n"
    assert extract(later, title="HUBBLE").date is None


def test_a_letter_printed_below_the_lead_dates_a_release_that_gives_no_date():
    # A senator's release that publishes the letter sent today (the Senate's 2006 pages).
    text = (
        "Boxer Urges Disaster Declaration for California\n\n"
        "Washington, D.C. - U.S. Senator Barbara Boxer (D-CA) today called on President Bush "
        "to approve the state's request for disaster aid.\n\n"
        "Senator Boxer sent the following letter to President Bush: January 19, 2006\n\n"
        "The Honorable George W. Bush\nThe White House\n\nDear Mr. President:\n"
    )
    assert extract(text).date == "2006-01-19"
    # A date the release gives itself wins; a letter's date inside a sentence is none.
    dated = text.replace("Washington, D.C. -", "Washington, D.C., January 20, 2006 -")
    assert extract(dated).date == "2006-01-20"
    sentence = text.replace(": January 19, 2006", ": on January 19, 2006 the storms ended")
    assert extract(sentence).date is None
