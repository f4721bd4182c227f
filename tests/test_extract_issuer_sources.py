"""Issuers read from the headline, a legislator's name, a page's own site and CMS records;
datelines that lost their dash (issue 10, fifth round)."""

import json

from store.ingest.build import build_release
from store.ingest.extract.anatomy import extract
from store.ingest.extract.dateline import undashed_dateline
from store.ingest.readers.html import read_html
from store.ingest.readers.jsonform import read_json


def test_headline_opening_with_a_body_that_acts_names_the_issuer():
    r = extract(
        "Lebanon VA Medical Center expands vaccinations to adolescents\n\n"
        "The Lebanon VA Medical Center will vaccinate adolescents from Monday, it said."
    )
    assert r.issuer == "Lebanon VA Medical Center"


def test_headline_in_capitals_takes_the_body_spelling_and_fuller_name():
    r = extract(
        "THE TOR PROJECT ANNOUNCES A ROADMAP\n\n"
        "DEDHAM, MA - The Tor Project has published its roadmap for the next years.\n\n"
        "About Tor\n\nTor is free software for anonymity online."
    )
    assert r.issuer == "Tor Project"


def test_headline_acronym_that_acts_is_the_issuer():
    r = extract("PCLOB announces its short-term agenda\n\nThe Board announced its agenda today.")
    assert r.issuer == "PCLOB"


def test_name_runs_no_further_than_its_legal_form():
    r = extract(
        "LRN Corporation Wins Seven Brandon Hall Group Awards\n\n"
        "LRN Corporation said the Brandon Hall Group gave it seven awards this year."
    )
    assert r.issuer != "LRN Corporation Wins Seven Brandon Hall Group"


def test_product_opening_a_headline_is_no_issuer():
    r = extract(
        "Apache Tuscany Enables Faster Solutions\n\nApache Tuscany is a runtime for services."
    )
    assert r.issuer is None


def test_legislator_named_in_full_whose_surname_heads_the_release():
    r = extract(
        "Lincoln Responds to FEMA Decision for Arkansas\n\n"
        "Washington U S Senator Blanche Lincoln D Ark Thursday responded to the decision of "
        "the agency to deny the request of Governor Mike Beebe, Lincoln said."
    )
    assert r.issuer == "Senator Blanche Lincoln"


def test_legislator_name_running_on_is_cut_at_the_headline_surname():
    r = extract(
        "MCCAIN CHEERS SUPREME COURT DECISION\n\n"
        "Senator John McCain Chairman of the Commerce Committee made the following statement "
        "on the decision of the court. McCain said the ruling protects children."
    )
    assert r.issuer == "Senator John McCain"


def test_legislator_as_the_headline_object_is_no_issuer():
    r = extract(
        "Brown Welcomes Return Of Senator Tim Johnson To Senate\n\n"
        "September 5 2007 Washington DC Brown today welcomed Senator Tim Johnson as he "
        "returned to the Senate floor after his recovery."
    )
    assert r.issuer is None


def test_legislator_named_once_is_spoken_of_not_the_issuer():
    r = extract(
        "What is the Future of Swann Park in South Baltimore?\n\n"
        "Residents met Congressman Thomas Swann's successor to discuss the park and its future."
    )
    assert r.issuer is None


def test_several_legislators_run_together_are_no_issuer():
    r = extract(
        "Immigration Reform Is a Moral Issue\n\n"
        "Today Senators Kennedy Graham Salazar and Menendez joined leading voices for reform "
        "of the immigration laws."
    )
    assert r.issuer != "Senator Kennedy Graham Salazar"


def test_headline_acronym_is_the_name_the_release_spells_out_for_it():
    r = extract(
        "TEXSAR Hosts 10th Annual Search Party\n\n"
        "AUSTIN, Texas - Texas Search and Rescue (TEXSAR) is gearing up for its party. "
        "TEXSAR volunteers answer calls across the state."
    )
    assert r.issuer == "Texas Search and Rescue"


def test_a_new_thing_heading_the_headline_is_no_issuer():
    r = extract(
        "New Queretaro Office Marks Redwood's Next Phase\n\n"
        "Redwood opened its New Queretaro Office this week, Redwood said."
    )
    assert r.issuer != "New Queretaro Office"


def test_legislator_no_longer_in_office_is_no_issuer():
    r = extract(
        "Former State Senator Jim Brochin Weighs Independent Run\n\n"
        "TOWSON - Former Democratic State Senator Jim Brochin is weighing a run, friends of "
        "Brochin said. Brochin has not decided."
    )
    assert r.issuer != "Senator Jim Brochin"


def test_legislator_a_headline_speaks_to_is_no_issuer():
    r = extract(
        "Courageous Conservatives PAC to Rep. Pat Curry Ahead of Hearing\n\n"
        "The PAC wrote to Representative Pat Curry today. Curry has not answered. "
        "Curry is due at the hearing."
    )
    assert r.issuer != "Representative Pat Curry"


def test_late_last_night_is_no_former_title():
    r = extract(
        "Reed Hospitalized Overnight\n\n"
        "WASHINGTON, DC - Late last night U S Senator Jack Reed was feeling faint and called "
        "his doctor. Reed checked himself in, and Reed is resting."
    )
    assert r.issuer == "Senator Jack Reed"


PAGE = """<html><body><h1>Willkommen in der Matrix</h1>
<p>Die FSFE betreibt nun einen eigenen Server, und wir laden unsere Community ein.</p>
<img src="https://pics.fsfe.org/a.png"/><img src="https://pics.fsfe.org/b.png"/>
<p>Mehr bei <a href="https://matrix.org/x">Matrix</a>.</p>
</body><discussion href="https://community.fsfe.org/t/797"/></html>"""


def test_page_on_its_own_site_names_the_body_of_that_domain():
    draft = read_html(PAGE.encode())[0]
    assert draft.home == "fsfe.org"
    assert build_release(draft, "news.xhtml").issuer == "FSFE"


def test_domain_the_text_does_not_name_gives_no_issuer():
    page = PAGE.replace("Die FSFE", "Der Verein")
    assert build_release(read_html(page.encode())[0], "news.xhtml").issuer is None


def test_content_store_item_names_its_publishing_organisation():
    item = {
        "title": "Fish washed up on Cornwall beach",
        "details": {"body": "<p>Dead fish were found on a beach in Cornwall.</p>"},
        "links": {"organisations": [{"title": "Marine Management Organisation"}]},
    }
    draft = read_json(json.dumps(item).encode())[0]
    assert draft.issuer == "Marine Management Organisation"


def test_drupal_record_body_date_and_contact():
    record = {
        "title": "Medical center expands vaccinations",
        "fieldReleaseDate": {"value": "2021-06-09T14:15:14"},
        "fieldPressReleaseFulltext": {"processed": "<p>The medical center will expand.</p>"},
        "fieldPressReleaseContact": [
            {
                "entity": {
                    "title": "Douglas Etter",
                    "fieldDescription": "Chief Communications Officer",
                    "fieldPhoneNumber": "717-228-6079",
                    "fieldEmailAddress": "Douglas.Etter@va.gov",
                }
            }
        ],
    }
    draft = read_json(json.dumps(record).encode())[0]
    assert draft.date == "2021-06-09"
    assert "The medical center will expand." in draft.text
    release = build_release(draft, "release.json")
    assert [c.email for c in release.contacts] == ["Douglas.Etter@va.gov"]


def _news_story(**fields):
    record = {
        "entityBundle": "news_story",
        "title": "VA wants to protect Veterans against the Delta variant",
        "entityUrl": {
            "breadcrumb": [
                {"url": {"path": "/"}, "text": "Home"},
                {"url": {"path": "/eastern-oklahoma"}, "text": "VA Eastern Oklahoma health care"},
                {"url": {"path": "/eastern-oklahoma/stories"}, "text": "Stories"},
            ]
        },
        "created": 1625245824,
        "fieldIntroText": "Since the vaccines came, we have given almost 27,000 of them.",
        "fieldFullStory": {"processed": "<p>The great news is that 77% are vaccinated.</p>"},
    }
    record.update(fields)
    return read_json(json.dumps(record).encode())[0]


def test_drupal_news_story_text_lede_and_created_time():
    # VA.gov's news story: its text in fieldFullStory, its lede in fieldIntroText, and no
    # date but the node's creation (a Unix time: 2021-07-02 17:10 UTC).
    draft = _news_story()
    assert draft.text.startswith("Since the vaccines came")
    assert "The great news is that 77% are vaccinated." in draft.text
    assert draft.date == "2021-07-02"
    release = build_release(draft, "story.json")
    assert release.date == "2021-07-02"
    assert release.date_source == "metadata"
    assert release.language == "en"


def test_a_stated_date_wins_over_the_creation_time():
    assert _news_story(fieldReleaseDate={"value": "2021-06-09T14:15:14"}).date == "2021-06-09"
    assert _news_story(created="not a time").date is None


def test_breadcrumb_office_is_the_issuer_only_when_the_text_names_none():
    release = build_release(_news_story(), "story.json")
    assert release.issuer == "VA Eastern Oklahoma health care"
    named = _news_story(
        title="Lebanon VA Medical Center expands vaccinations",
        fieldIntroText="The Lebanon VA Medical Center will vaccinate adolescents, it said.",
    )
    assert build_release(named, "story.json").issuer == "Lebanon VA Medical Center"


def test_breadcrumb_of_page_kinds_names_no_office():
    draft = _news_story(
        entityUrl={"breadcrumb": [{"text": "Home"}, {"text": "News"}, {"text": "Press releases"}]}
    )
    assert draft.filed_under is None


def test_capital_city_before_an_article_is_a_dateline_without_dash():
    lines = ["WASHINGTON A Louisiana man was sentenced to 25 years in prison this morning."]
    assert undashed_dateline(lines) == ("WASHINGTON", 0, None)
    assert undashed_dateline(["ACME launches a new product for the market this morning."]) is None


def test_city_and_region_before_a_long_name_is_a_dateline():
    lines = [
        "WASHINGTON, DC  U.S. Senator Joseph R. Biden, Jr. (D-DE), ranking member on the "
        "committee, issued the following statement."
    ]
    assert undashed_dateline(lines)[0] == "WASHINGTON, DC"


def test_place_in_capitals_set_off_by_a_double_dash():
    assert undashed_dateline(["WASHINGTON, DC--Privacy and Civil Liberties Oversight Board"])[
        0
    ] == ("WASHINGTON, DC")
    bold = ["**WASHINGTON, DC**--David Medine, who chairs the Board, has notified the White House."]
    assert undashed_dateline(bold)[0] == "WASHINGTON, DC"


def test_label_column_beside_a_pdf_text_is_no_place():
    lines = [
        "BOARD",
        "MEMBERS                   The Board has been notified by a number of witnesses that",
    ]
    assert undashed_dateline(lines) is None
