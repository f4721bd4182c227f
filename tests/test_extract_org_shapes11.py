"""Organisations in the shapes the dev set's misses showed (issue 10, `org11`): bodies listed
beside bodies found, a kind shared by a list of places, a page header's bodies, bodies named
by what they do, an office named for its officer, a body before a title or a programme."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.build import build_release
from store.ingest.draft import Draft
from store.ingest.extract.activity_bodies import activity_bodies
from store.ingest.extract.anatomy import extract
from store.ingest.extract.header_bodies import header_bodies
from store.ingest.extract.listed_bodies import list_neighbours, shared_kinds
from store.ingest.extract.local_offices import local_offices
from store.ingest.extract.one_word_firms import one_word_firms
from store.ingest.extract.organisations import find_organisations
from store.ingest.extract.short_forms import with_short_forms


def _folded(names: tuple[str, ...]) -> set[str]:
    return {name.casefold() for name in names}


# --- bodies listed beside bodies found -------------------------------------------------


def test_a_list_of_bodies_names_the_items_no_organisation_word_marks() -> None:
    text = (
        "The case was investigated by the Ohio Bureau of Narcotics, the Lake County Sheriff’s "
        "Office, Finnish Customs, Canada Post and U.S. Customs and Border Protection."
    )
    found = ("Ohio Bureau of Narcotics", "Lake County Sheriff’s Office", "Finnish Customs")
    out = list_neighbours(found, text, set(), 40)
    assert out[:3] == found
    assert {"Canada Post", "U.S. Customs and Border Protection"} <= set(out)


def test_a_list_mostly_of_other_things_adds_nothing() -> None:
    # One body among places and people: not a list of bodies.
    text = "Offices in Boston, Austin, Denver and Seattle, run by Acme Foundation and Jo Doe."
    assert list_neighbours(("Acme Foundation", "Beta Group"), text, set(), 40) == (
        "Acme Foundation",
        "Beta Group",
    )


def test_the_fields_of_a_bodys_name_are_not_bodies() -> None:
    text = (
        "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives, the Drug "
        "Enforcement Administration and the Ohio State Highway Patrol took part."
    )
    found = ("Bureau of Alcohol", "Drug Enforcement Administration")
    out = list_neighbours(found, text, set(), 40)
    assert not {"Tobacco", "Firearms", "Explosives"} & set(out)


def test_a_list_does_not_run_over_a_sentence_end_nor_take_people_or_towns() -> None:
    text = (
        "Acme Corporation, Beta Holdings, and Gamma Industries joined Delta Group. Accordingly, "
        "Jane Roe, Acme Corporation, Beta Holdings, Lysekil, and Associate Deputy Minister Jo "
        "Public attended."
    )
    found = ("Acme Corporation", "Beta Holdings", "Gamma Industries", "Delta Group")
    out = list_neighbours(found, text, {"jane roe"}, 40)
    assert out == found


def test_a_country_owning_a_body_and_a_body_owning_its_part() -> None:
    text = (
        "Partners included the Swedish Police Authority; Canada’s Royal Canadian Mounted "
        "Police; Spain’s Guardia Civil; and Ireland’s Garda National Drugs Bureau."
    )
    found = ("Swedish Police Authority", "Royal Canadian Mounted Police")
    out = list_neighbours(found, text, set(), 40)
    assert "Guardia Civil" in out
    assert not any(name.startswith(("Spain", "Canada")) for name in out)


def test_lists_through_extract() -> None:
    text = (
        "TULSA, Okla. – A man was sentenced today.\n\n"
        "Homeland Security Investigations, the Oklahoma Bureau of Narcotics, the Tulsa County "
        "Sheriff’s Office, the U.S. Postal Inspection Service and U.S. Customs and Border "
        "Protection conducted the investigation, with Finnish Customs and Canada Post.\n"
    )
    orgs = _folded(extract(text).organisations)
    assert {
        "homeland security investigations",
        "u.s. postal inspection service",
        "u.s. customs and border protection",
    } <= orgs


# --- a kind shared by a list of places -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "with the assistance of the Bedford, Euless, Grapevine, and Hurst Police Departments.",
            [
                "Bedford Police Department",
                "Euless Police Department",
                "Grapevine Police Department",
                "Hurst Police Department",
            ],
        ),
        (
            "and the Avon, Westlake, Aurora and Cleveland Police investigated.",
            ["Avon Police", "Westlake Police", "Aurora Police", "Cleveland Police"],
        ),
    ],
)
def test_a_kind_shared_by_places_names_one_body_each(text: str, names: list[str]) -> None:
    # the list's tail taken for one body
    tail = "Hurst Police Departments" if "Hurst" in text else "Aurora and Cleveland Police"
    out = shared_kinds((tail,), text, 40)
    assert [n for n in out if n in names] == names
    assert tail not in out


# --- a page header ---------------------------------------------------------------------


def test_a_page_headers_bodies_are_listed() -> None:
    lines = [
        "Department of Justice",
        "",
        "Office of Public Affairs",
        "",
        "FOR IMMEDIATE RELEASE",
        "Tuesday, October 16, 2012",
        "WASHINGTON – A man was sentenced.",
    ]
    assert header_bodies(lines, 6, set()) == ["Department of Justice", "Office of Public Affairs"]


def test_a_page_title_or_a_menu_is_no_header() -> None:
    lines = ["Acme wins award | Acme Foundation", "Office of Public Affairs", "Home"]
    assert header_bodies(lines, 3, set()) == []


def test_header_through_extract() -> None:
    text = (
        "Department of Justice\n\nOffice of Public Affairs\n\nFOR IMMEDIATE RELEASE\n\n"
        "Tuesday, October 16, 2012\n\nMan Sentenced for Fraud\n\n"
        "WASHINGTON – A man was sentenced today for fraud, the department said.\n"
    )
    assert "office of public affairs" in _folded(extract(text).organisations)


# --- bodies named by what they do --------------------------------------------------------


def test_bodies_named_by_their_activity() -> None:
    text = (
        "Agents with Homeland Security Investigations arrested him after U.S. Immigration and "
        "Customs Enforcement and the Joint Criminal Opioid Darknet Enforcement (J-CODE) team "
        "traced the parcel; the Government of Canada helped, and the Customs and Border "
        "Protection officers too."
    )
    assert activity_bodies(text) == [
        "Homeland Security Investigations",
        "U.S. Immigration and Customs Enforcement",
        "Joint Criminal Opioid Darknet Enforcement (J-CODE)",
        "Government of Canada",
        "Customs and Border Protection",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Law Enforcement and Data Protection matter to every company in this market today.",
        "New Rules Strengthen Consumer Data Protection",  # a heading in title case
        "Online Fraud Protection - the browser now warns users of forged sites they visit.",
        "help came from the Philadelphia Regional Enforcement office of the agency in the case.",
    ],
)
def test_fields_headings_and_qualifiers_are_no_bodies(text: str) -> None:
    assert activity_bodies(text) == []


# --- an office named for its officer; a body before a title or a programme -------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The review by the Office of the Inspector General found it.",
            "Office of the Inspector General",
        ),
        (
            "Component(s):\n\nOffice of the Attorney General\n\nPress",
            "Office of the Attorney General",
        ),
        (
            "The grant is provided by the Federal Aviation Administration Airport Improvement "
            "Program this year.",
            "Federal Aviation Administration",
        ),
        (
            "Southwest Airlines Chairman of the Board Herb Kelleher will be available.",
            "Southwest Airlines",
        ),
    ],
)
def test_offices_and_bodies_before_titles(text: str, name: str) -> None:
    assert name in find_organisations(text, set())


@pytest.mark.parametrize(
    "text",
    [
        "said Lucas Lasota, Legal Programme Manager of the group, on Monday.",
        "with the Ukrainian Energy Minister, German Galushchenko, in London.",
        "the Media Relations Manager spoke to the press on Monday about it.",
    ],
)
def test_a_title_after_a_field_is_no_body(text: str) -> None:
    assert find_organisations(text, set()) == ()


# --- the issuer by its short form --------------------------------------------------------


def test_an_issuer_named_by_its_last_word_beside_the_eu() -> None:
    # "EU" is a word of its own, not a part of "European Parliament": the issuer is added.
    out = with_short_forms(
        ("European Commission", "EU"), "European Parliament", "On Friday, Parliament adopted it."
    )
    assert "European Parliament" in out


def test_an_issuer_a_format_gives_is_listed_when_named_by_its_short_form() -> None:
    draft = Draft(
        text=(
            "Plenary session\n\nOn Friday, Parliament adopted measures on road and air "
            "connections, which the Council and the Commission had agreed on for the EU.\n"
        ),
        format="html",
        title="Deal on road and air connections adopted",
        issuer="European Parliament",
    )
    assert "European Parliament" in build_release(draft, "page.html").organisations


# --- one word and its legal form; a department "of the" its field ----------------------


def test_a_firm_of_one_word_and_its_legal_form() -> None:
    text = (
        "He accessed the sites of the State of Arizona, GuestTek Interactive Entertainment, "
        "Ltd., and Milestone, Inc.; Twitter, Inc. and CP3O LLC were hit too. The Inc. list and "
        "a Delaware LLC are no firms, nor is Acme Widgets Inc. one word."
    )
    assert one_word_firms(text) == ["Milestone, Inc.", "Twitter, Inc.", "CP3O LLC"]


@pytest.mark.parametrize(
    "name", ["Department of the Treasury", "Ministry of the Interior", "Department of the Interior"]
)
def test_a_kind_of_body_and_its_field_after_of_the(name: str) -> None:
    text = f"Agents with the Department of State and the {name} took part in the sweep."
    assert name in find_organisations(text, set())


def test_a_title_before_the_body_it_serves_is_still_no_body() -> None:
    assert find_organisations("She is Technical Advisor to the Company since May.", set()) == ()


# --- a state in brackets; one kind of office shared by a list of districts --------------


def test_local_offices_with_their_state_and_offices_shared_by_districts() -> None:
    text = (
        "Assistance was provided by the Marion County (Oregon) Sheriff’s Office; the Bend "
        "(Oregon) Police Department; and the United States Attorneys’ Offices for the Western "
        "District of Washington, the Northern District of Florida, and the District of Columbia."
    )
    assert local_offices(text) == [
        "Marion County (Oregon) Sheriff’s Office",
        "Bend (Oregon) Police Department",
        "United States Attorney’s Office for the Western District of Washington",
        "United States Attorney’s Office for the Northern District of Florida",
        "United States Attorney’s Office for the District of Columbia",
    ]


def test_a_local_office_with_its_state_through_extract() -> None:
    text = (
        "TAMPA, Fla. – A man was sentenced today.\n\nThe Federal Bureau of Investigation led "
        "the case, with the Marion County (Oregon) Sheriff’s Office and the Lake County "
        "(Florida) Sheriff’s Office.\n"
    )
    orgs = extract(text).organisations
    assert "Marion County (Oregon) Sheriff’s Office" in orgs
    assert "Sheriff’s Office" not in orgs


@pytest.mark.parametrize(
    "text",
    [
        "Distributed by: Reportable, Inc.\n",
        "Source: Stonegate, Inc. \n",
        "Contact our CEONephros, Inc. office in Edmonton, AB today.",
        "We joined M5 Crown of Beauty LLC and Acme Holdings, LLC and Beta Securities, LLC.",
    ],
)
def test_what_is_no_firm_of_one_word(text: str) -> None:
    assert one_word_firms(text) == []


def test_a_project_named_for_its_body_is_not_cut_to_the_body() -> None:
    # "Project" after one word is the project's name, not a programme of the library's
    found = find_organisations(
        "In partnership with others, the Prison Library Project created a book.", set()
    )
    assert "Prison Library" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tor was first designed by the U.S. Naval Research Lab in 1995.",
            "U.S. Naval Research Lab",
        ),
        ("It won an award from LAPTOP Magazine last week.", "LAPTOP Magazine"),
    ],
)
def test_a_lab_and_a_magazine_are_bodies(text: str, name: str) -> None:
    assert name in find_organisations(text, set())


@pytest.mark.parametrize("name", ["Agency of the Year", "Company of the NYSE"])
def test_an_award_or_a_phrase_after_of_the_is_no_body(name: str) -> None:
    assert name not in find_organisations(f"It was named {name} by the jury in May.", set())


def test_a_venue_in_a_list_of_bodies_is_not_added() -> None:
    text = "Sponsors were Acme Foundation, Beta Group, Gamma Institute, and Brea Mall."
    found = ("Acme Foundation", "Beta Group", "Gamma Institute")
    assert list_neighbours(found, text, set(), 40) == found


def test_a_member_of_a_body_is_no_office() -> None:
    found = find_organisations("She is a Council of Europe Member since 2019 and more.", set())
    assert "Council of Europe Member" not in found


def test_someone_of_a_body_in_a_list_is_not_added() -> None:
    text = "Backers were Acme Ventures, Beta Capital, Gamma Fund, and Delta’s Shawn Ng."
    found = ("Acme Ventures", "Beta Capital", "Gamma Fund")
    assert list_neighbours(found, text, set(), 40) == found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "Seminole",
                "County",
                "Orange",
                "(Florida)",
                "(Texas)",
                "(Paris)",
                "Sheriff’s",
                "Office",
                "Police",
                "Department",
                "said",
                "x(Florida)",
                "-",
                "(",
                ")",
                "Fire",
                "A",
            ]
        ),
        max_size=14,
    )
)
def test_the_bracketed_state_offices_are_found_as_by_the_whole_pattern_alone(
    words: list[str],
) -> None:
    # local_offices looks first for the pattern's "(State) Kind" (a literal the engine skips
    # to): only a speed-up, the offices found are the whole pattern's, in order.
    from store.ingest.extract import local_offices as module

    text = " ".join(words)
    expected = list(dict.fromkeys(m.group(0) for m in module._BRACKETED_STATE.finditer(text)))
    assert module.local_offices(text) == expected
