"""The UN seed release parses to exactly the parts DESIGN.md lists."""

import pytest

from store.ingest.extract.anatomy import extract
from store.records import Contact, Link
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed():
    return extract(SEED.read_text(encoding="utf-8"))


def test_seed_headline_parts(seed):
    assert seed.kicker == "PRESS RELEASE"
    assert seed.title == (
        "Meeting of heads of counter-terrorism and security agencies takes place in Marrakech "
        "to enhance capacity- building and training in West Africa and the Sahel"
    )
    assert seed.embargo is None
    assert seed.language == "en"


def test_seed_dateline(seed):
    assert seed.location == "Marrakesh"
    assert seed.date == "2021-06-23"


def test_seed_people(seed):
    assert [p.name for p in seed.people] == [
        "Vladimir Voronkov",
        "Mohamed Yassin Mansouri",
        "Annadif Khatir Mahamat Saleh",
        "Mohamed Ely Znagui",
    ]
    roles = {p.name: p.role for p in seed.people}
    assert roles["Vladimir Voronkov"] == "Under-Secretary-General"
    assert roles["Mohamed Yassin Mansouri"] == "Director General"


def test_seed_organisations(seed):
    for org in (
        "United Nations Office of Counter-Terrorism (UNOCT)",
        "General Directorate for Studies and Documentation of the Kingdom of Morocco",
        "G5 Sahel",
        "Global Coalition to Defeat ISIS",
    ):
        assert org in seed.organisations
    names = {p.name for p in seed.people}
    for org in seed.organisations:
        assert org not in names
        assert org not in {"Marrakesh", "Marrakech", "Morocco", "Rabat", "Africa"}
        assert not any(name in org for name in names)


def test_seed_contact_and_links(seed):
    assert seed.contacts == (
        Contact(
            name=None,
            role="UNOCT Public Information Officer",
            organisation="UNOCT",
            email="gerardl@un.org",
            phone=None,
        ),
    )
    assert seed.links == (Link("said", "#"),)
    assert "Voronkov said that" in seed.body
    assert "[said](#)" not in seed.body
