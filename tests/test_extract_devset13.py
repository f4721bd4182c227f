"""The thirteenth unseen round's general shapes of names: the Commonwealth style of a minister
("The Rt Hon Elizabeth Truss MP", "the Hon Peter Costello MP"), letters after a name only a
person bears ("Nick Gibb MP", "Anne-Marie Hutchinson OBE"), a nickname in quotes between a
person's names, a title alone before a surname ("Premier Napthine"), and an honorific's letters
in capitals that are something else ("MS Word Document")."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.nicknames import nicknamed_people
from store.ingest.extract.people import find_people
from store.ingest.extract.post_nominals import post_nominal_follows


def _names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_the_right_honourable_and_the_honourable_before_a_name() -> None:
    assert _names(
        "Statement by The Rt Hon Elizabeth Truss MP, Lord Chancellor, on the prison."
    ) == ["Elizabeth Truss"]
    assert _names("a role he also undertook for the Hon Peter Costello MP when he was there.") == [
        "Peter Costello"
    ]
    # "Hon" without its dot and without "the" or "Rt" before it is no style: a firm's name.
    assert _names("Hon Hai Precision said it would build the plant.") == []


def test_letters_only_a_person_bears_after_a_name() -> None:
    assert _names("Written ministerial statement by Nick Gibb MP about funding for schools.") == [
        "Nick Gibb"
    ]
    assert _names(
        "Reunite’s chair Anne-Marie Hutchinson OBE (Chair of the Board of Trustees) said:"
    ) == ["Anne-Marie Hutchinson"]
    assert post_nominal_follows("Jane Roe CBE MP, the member for Anytown", len("Jane Roe"))
    # Not letters that are read as something else after a capitalised run.
    assert not post_nominal_follows("Open Monday AM to noon", len("Open Monday"))
    assert _names("The Grand Hotel MS Word template is attached.") == []
    assert _names("Channel Futures MSP 501 list of managed service providers") == []
    assert _names("said Keone Hon, co-founder of Monad Labs.") == ["Keone Hon"]


def test_a_title_alone_before_a_surname_names_no_one() -> None:
    assert _names("Premier Napthine said widening the freeway would cut travel times.") == []


def test_an_honorifics_letters_in_capitals_are_no_honorific() -> None:
    assert _names("Cameroon Women's Scholarship Application Form  MS Word Document , 1.48MB") == []
    assert _names("Ms Jane Roe will lead the team.") == ["Jane Roe"]


def test_a_nickname_in_quotes_between_a_persons_names() -> None:
    (spokesperson,) = nicknamed_people(
        'Thomas "Tommy" Pigott, Spokesperson\n\nToday, the United States'
    )
    assert (spokesperson.name, spokesperson.role) == ('Thomas "Tommy" Pigott', "Spokesperson")
    assert [
        p.name
        for p in nicknamed_people(
            "by Morris Pasqual, Acting United States Attorney, Robert W. “Wes” Wheeler, Jr., "
            "Special Agent-in-Charge of the Chicago Field Office of the FBI."
        )
    ] == ["Robert W. “Wes” Wheeler"]
    # Someone named already without the nickname is not listed again.
    assert (
        nicknamed_people('said Anthony "Pomp" Pompliano, co-founder', ["Anthony Pompliano"]) == []
    )
    # The shape alone is no person: no cue around it.
    assert nicknamed_people("these Egg “Muffin” Cups with Turkey Sausage can be made ahead") == []
    assert nicknamed_people("the 2025 Paul “Bear” Bryant Lifetime Achievement Award") == []
    found = extract(
        'Thomas "Tommy" Pigott, Spokesperson\n\nPress Statement\n\nJune 30, 2026\n\nToday, the '
        "United States is sanctioning two Mexican nationals involved in fuel theft.\n",
        title="U.S. Sanctions Fuel Theft Operators",
    )
    assert [p.name for p in found.people] == ['Thomas "Tommy" Pigott']
