"""Bodies named by a short form only, and long lists of bodies kept whole (issue 10, tenth
round: organisations' recall)."""

from store.ingest.build import build_release
from store.ingest.draft import Draft
from store.ingest.extract.anatomy import extract
from store.ingest.extract.member_lists import listed_members
from store.ingest.extract.organisations import find_organisations
from store.ingest.extract.short_forms import with_short_forms


def test_issuer_named_by_its_last_word_is_listed():
    text = "On Friday, Parliament adopted measures to keep flights running after January."
    assert "European Parliament" in with_short_forms((), "European Parliament", text)


def test_issuer_word_inside_a_longer_name_does_not_list_it():
    text = "Delegates met the Scottish Parliament and walked across Parliament Square."
    assert with_short_forms((), "European Parliament", text) == ()


def test_issuer_listed_under_another_case_and_ampersand_is_not_added_again():
    listed = ("Privacy and Civil Liberties Oversight Board (PCLOB)",)
    text = "Today the Board released its report."
    assert with_short_forms(listed, "PRIVACY & CIVIL LIBERTIES OVERSIGHT BOARD", text) == listed


def test_eu_council_and_commission_written_alone_are_listed_in_an_eu_release():
    text = (
        "MEPs of the European Parliament want the Council to agree and ask the Commission "
        "to propose sanctions."
    )
    assert with_short_forms((), None, text) == ("Council", "Commission")
    listed = ("European Commission",)
    assert with_short_forms(listed, None, text) == ("European Commission", "Council")


def test_council_alone_outside_an_eu_release_is_not_listed():
    text = "The city asked the Council to approve the budget for the new library."
    assert with_short_forms((), None, text) == ()


def test_a_release_naming_many_bodies_keeps_more_than_twenty():
    places = "Akron Boise Camden Dayton Elgin Fresno Gary Hayward Irvine Joliet Kent Laredo"
    places += " Mesa Napa Omaha Provo Quincy Reno Salem Tulsa Utica Vallejo Waco Yuma"
    agencies = [f"{place} Police Department" for place in places.split(" ")]
    r = extract(
        "Agencies Dismantle a Darknet Market\n\n"
        "The operation was run by the "
        + ", the ".join(agencies)
        + " and many others, who arrested nine vendors."
    )
    assert len([o for o in r.organisations if "Police Department" in o]) > 20


def test_member_list_with_a_comma_not_followed_by_a_space_goes_on():
    found = listed_members(
        "Silver members include Apigee, Fidelity,Google, npm, Opbeat and Yahoo!. Join us.", set()
    )
    assert found == ["Apigee", "Fidelity", "Google", "npm", "Opbeat", "Yahoo!"]


def test_issuer_a_site_gives_is_listed_when_the_text_names_it():
    page = Draft(
        text=(
            "La ODSE lance une pétition\n\n"
            "Lucas Roy, conseiller politique de la ODSE, explique pourquoi la pétition compte."
        ),
        format="html",
        home="odse.org",
    )
    release = build_release(page, "news.xhtml")
    assert release.issuer == "ODSE"
    assert "ODSE" in release.organisations


def test_a_kind_of_body_and_its_field_is_an_organisation():
    found = find_organisations(
        "PHE is an executive agency of the Department of Health. The Ministry of Energy agreed. "
        "The Board of Directors met.",
        set(),
    )
    assert "Department of Health" in found
    assert "Ministry of Energy" in found
    assert "Board of Directors" not in found


def test_a_council_meeting_or_member_is_no_eu_council():
    text = (
        "Letters to the European Commission went unanswered; the Academy's 2023 Council "
        "meeting and the Council member, Prof. Gianotti, were asked."
    )
    assert with_short_forms((), None, text) == ()
