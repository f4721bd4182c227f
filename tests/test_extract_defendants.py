"""A prosecutor's release names its defendant by age and alias, its agents by "in Charge":
both are people, and the agent's title does not make a body of their name."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.in_charge import in_charge_people, without_in_charge
from store.ingest.extract.people import find_people
from store.ingest.extract.person_age import age_follows


def _names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_a_name_before_an_alias_and_an_age_is_a_person() -> None:
    text = (
        "PHILADELPHIA – Kevin Swing, a/k/a “Tone,” 36, of West Chester, PA, was sentenced. "
        "Johao Miguel Chavarri, a.k.a. “Michael Frito,” 25, of Torrance, pleaded guilty."
    )
    assert _names(text) == ["Kevin Swing", "Johao Miguel Chavarri"]


def test_a_short_form_in_brackets_or_age_written_out_before_the_age() -> None:
    assert _names(
        "WASHINGTON – Romero Cabral Da Costa Neto (Costa), 33, of Rio, was sentenced."
    ) == ["Romero Cabral Da Costa Neto"]
    assert _names("The vendor, Sheldon Kennedy, age 25, of Lincoln, Nebraska, was sentenced.") == [
        "Sheldon Kennedy"
    ]
    assert _names("Gregory Thomas Miller, 57, of Deville, pleaded guilty.") == [
        "Gregory Thomas Miller"
    ]


def test_an_alias_without_an_age_names_no_one() -> None:
    # Firms and places have aliases too: only an age says the name is a person's.
    assert not age_follows("Rural King, also known as RK Holdings, LLP, planted", len("Rural King"))
    assert _names("Rural King, also known as “RK Holdings,” planted its roots in Illinois.") == []


def test_the_name_after_special_agent_in_charge_is_a_person_with_the_title() -> None:
    text = (
        "announced U.S. Attorney Rod J. Rosenstein; Assistant Special Agent in Charge Don A. "
        "Hibbert of the Drug Enforcement Administration; Postal Inspector in Charge David G. "
        "Bowers of the U.S. Postal Inspection Service; Special Agent in Charge William P. "
        "McMullan of the ATF; Special Agent in Charge of the FBI's Philadelphia Division; "
        "Special Agent in Charge Houston Division."
    )
    found = [(p.name, p.role) for p in in_charge_people(text)]
    assert found == [
        ("Don A. Hibbert", "Assistant Special Agent in Charge"),
        ("David G. Bowers", "Postal Inspector in Charge"),
        ("William P. McMullan", "Special Agent in Charge"),
    ]


def test_charge_and_a_name_before_a_body_is_the_body() -> None:
    assert without_in_charge(
        (
            "Charge Don A. Hibbert of the Drug Enforcement Administration",
            "U.S. Postal Inspection Service",
            "Charge David G. Bowers of the U.S. Postal Inspection Service",
        )
    ) == ("Drug Enforcement Administration", "U.S. Postal Inspection Service")


def test_a_release_names_its_agents_and_not_their_titles_as_bodies() -> None:
    release = (
        "Silk Road Vendor Sentenced To Two Years In Prison\n\n"
        "Baltimore, Maryland – U.S. District Judge Catherine C. Blake sentenced a former drug "
        "vendor, Sheldon Kennedy, age 25, of Lincoln, Nebraska, today to two years in prison.\n\n"
        "The sentence was announced by United States Attorney for the District of Maryland Rod "
        "J. Rosenstein; Assistant Special Agent in Charge Don A. Hibbert of the Drug Enforcement "
        "Administration, Baltimore District Office; and Special Agent in Charge Brian Murphy of "
        "the United States Secret Service - Baltimore Field Office.\n"
    )
    got = extract(release)
    names = [p.name for p in got.people]
    assert {"Sheldon Kennedy", "Don A. Hibbert", "Brian Murphy"} <= set(names)
    assert not [o for o in got.organisations if o.startswith("Charge ")]
