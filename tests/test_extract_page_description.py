"""Pages a crawler saved as text with the page's meta description first, a .gov page's title
line naming its site, a "»" between headline and site, and a Drupal node's administration term
(issue 10, ninth round)."""

import json

from store.ingest.extract.anatomy import extract
from store.ingest.extract.page_description import gov_title_site, without_description
from store.ingest.readers.jsonform import read_json

_MENU = "\n".join(["Skip to main content", "About", "News", "Press Releases", "Contact"])


def test_description_over_the_title_line_is_the_standfirst_not_the_headline():
    text = (
        "On May 29 in Paris, G7 ministers approved a vision on AI openness, the result of a "
        "partnership…\n\n"
        "Open Source Initiative Helps G7 Deliver Vision On AI Openness – Open Source Initiative\n"
        f"{_MENU}\n"
        "June 1, 2026 News\n"
        "Open Source Initiative Helps G7 Deliver Vision On AI Openness\n"
        "On May 29 in Paris, G7 ministers approved a vision on AI openness, the result of a "
        "partnership between the OSI and the G7.\n"
    )
    r = extract(text)
    assert r.title == "Open Source Initiative Helps G7 Deliver Vision On AI Openness"
    assert r.title_source == "text"
    assert r.issuer == "Open Source Initiative"


def test_description_cut_by_the_crawler_is_left_out_too():
    text = (
        "The Library recently signed on as a founding member of an international organization "
        "devoted to exploring the use of AI\n[truncated]\n\n"
        "The Library and AI for Libraries, Archives and Museums | The Signal\n"
        f"{_MENU}\n"
        "The Library and AI for Libraries, Archives and Museums\n"
        "The Library recently signed on as a founding member of an international organization "
        "devoted to exploring the use of AI in cultural heritage.\n"
    )
    assert extract(text).title == "The Library and AI for Libraries, Archives and Museums"


def test_title_without_a_site_under_the_description_is_the_headline():
    text = (
        "MeditronFO is the first fully open framework for building medical large language "
        "models.\n\n"
        "EPFL launches the world's first fully open medical LLMs\n"
        "This news will be sent to its subscribers.\n"
        "MeditronFO is the first fully open framework for building medical large language "
        "models.\n"
        "Medical large language models are increasingly used in clinical settings, EPFL said.\n"
    )
    r = extract(text)
    assert r.title == "EPFL launches the world's first fully open medical LLMs"
    assert r.title_source == "text"


def test_a_first_paragraph_the_text_does_not_repeat_stays():
    text = (
        "Acme Corp today announced record results for the quarter ending in June.\n\n"
        "Results at a glance\n"
        "Revenue rose by ten percent over the year before, the company said.\n"
    )
    assert without_description(text) == (text, None)


def test_a_name_opening_the_lead_and_the_about_paragraph_is_no_description():
    text = (
        "Acme Mining Corp. (TSX: ACM) (OTCQX: ACMF) released its 2024 report on the transition "
        "of its mines.\n\n"
        "To view the full press release, visit https://example.com/r\n\n"
        "About Acme Mining Corp.\n\n"
        "Acme Mining Corp. (TSX: ACM) (OTCQX: ACMF) is a mining company with two gold projects.\n"
    )
    assert without_description(text) == (text, None)


def test_the_lead_under_the_standfirst_gives_the_dateline():
    text = (
        "American small businesses are invited to develop technologies for the mission.\n\n"
        "DOE Announces $10M in Funding Supporting the Genesis Mission | Department of Energy\n"
        "Skip to main content\n"
        "An official website of the United States government\n"
        "Here's how you know\n"
        f"{_MENU}\n"
        "DOE Announces $10M in Funding Supporting the Genesis Mission\n"
        "DOE Announces $10M in Funding Supporting the Genesis Mission\n"
        "American small businesses are invited to develop technologies for the mission.\n"
        "Office of Technology Commercialization\n"
        "Washington, D.C. — The U.S. Department of Energy today announced the opening of a "
        "new award opportunity for small businesses across the country.\n"
    )
    r = extract(text)
    assert r.title == "DOE Announces $10M in Funding Supporting the Genesis Mission"
    assert r.location == "Washington, D.C."


def test_gov_page_title_line_names_its_site():
    text = (
        "Five Eyes Cyber Security Agencies Statement | CISA\n"
        "Skip to main content\n"
        "An official website of the United States government\n"
        "Here's how you know\n"
        f"{_MENU}\n"
        "Five Eyes Cyber Security Agencies Statement\n"
        "As the leaders of the Five Eyes cyber security agencies, we are united in our call.\n"
    )
    assert gov_title_site(text) == "CISA"
    assert extract(text).issuer == "CISA"


def test_site_after_a_guillemet():
    text = (
        "Sanders Calls on Tech Giants to Pause AI » Senator Bernie Sanders\n"
        f"{_MENU}\n"
        "Sanders Calls on Tech Giants to Pause AI\n"
        "Following recent reporting, the senator today urged the largest AI companies to pause "
        "their development of artificial intelligence.\n"
    )
    r = extract(text)
    assert r.title == "Sanders Calls on Tech Giants to Pause AI"
    assert r.issuer == "Senator Bernie Sanders"


def test_a_menu_entry_press_releases_is_no_kicker():
    text = (
        "Skip to main content\nAbout\nNews\nPress Releases\nContact\n"
        "Acme Foundation Opens Its New Library\n"
        "The Acme Foundation opened its new library in the town centre today, it said.\n"
    )
    r = extract(text)
    assert r.title != "s"
    assert r.kicker is None


def test_drupal_json_api_node_is_filed_under_its_administration():
    record = {
        "type": "node--news_story",
        "title": "We honor outstanding doctors",
        "created": "2019-05-14T15:35:12+00:00",
        "field_full_story": "<p>Two doctors were named Outstanding Physicians of the Year.</p>",
        "field_administration": {"drupal_internal__tid": 12, "name": "VA Pittsburgh health care"},
    }
    (draft,) = read_json(json.dumps(record).encode())
    assert draft.filed_under == "VA Pittsburgh health care"


def test_gov_page_dateline_under_its_only_heading():
    text = (
        "HSI investigation leads to 15-year sentence for dark web moderator | ICE\n\n"
        "Here's how you know\n\n"
        "An official website of the United States government\n\n"
        "Skip to main content\n\n"
        "HSI investigation leads to 15-year sentence for dark web moderator\n\n"
        "Share on Facebook\n\nShare on X\n\nPrint this Page\n\nRelated Information\n\n"
        "January 24, 2025 Portland , ME , United States Child Exploitation\n\n"
        "Michael Posey was identified by HSI Portland while monitoring a dark web site\n\n"
        "PORTLAND, Maine — A Kent, Washington man was sentenced Jan. 22 in U.S. District Court "
        "in Portland after an investigation led by Homeland Security Investigations.\n"
    )
    r = extract(text)
    assert r.location == "PORTLAND, Maine"
    assert r.date == "2025-01-24"
