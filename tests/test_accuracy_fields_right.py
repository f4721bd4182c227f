"""The judge's count in the scorer: per release nine fields, each right or wrong."""

from __future__ import annotations

import json

import pytest

from tests import accuracy

LABEL = {
    "headline": "Agency names a director",
    "date": "2024-05-01",
    "place": "WASHINGTON",
    "issuer": ["Federal Emergency Management Agency", "FEMA"],
    "organisations": ["Red Cross", ["Department of Health", "DOH"]],
    "people": ["Jane Doe"],
    "contacts": [{"name": "John Roe", "email": "press@fema.gov", "phone": "202-555-0100"}],
}
GOT = {
    "title": "Agency names a director",
    "title_source": "heading",
    "date": "2024-05-01",
    "location": "Washington",
    "issuer": "FEMA",
    "organisations": ["Red Cross", "DOH"],
    "people": [{"name": "Jane Doe"}],
    "contacts": [{"name": "John Roe", "email": "press@fema.gov", "phone": "(202) 555-0100"}],
}


def test_every_field_right_counts_nine() -> None:
    assert accuracy.fields_right([accuracy.Item("a", LABEL, GOT)]) == (9, 9)


def test_a_list_field_is_wrong_with_one_item_too_many_or_one_missing() -> None:
    extra = {**GOT, "organisations": ["Red Cross", "DOH", "Main Menu"]}
    missing = {**GOT, "people": []}
    assert accuracy.fields_right([accuracy.Item("a", LABEL, extra)]) == (8, 9)
    assert accuracy.fields_right([accuracy.Item("b", LABEL, missing)]) == (8, 9)


def test_an_empty_label_is_right_only_when_nothing_is_found() -> None:
    label = {**LABEL, "people": [], "headline": None, "contacts": []}
    got = {**GOT, "people": [], "title": "Home", "title_source": "first line", "contacts": []}
    assert accuracy.fields_right([accuracy.Item("a", label, got)]) == (9, 9)
    got_some = {**got, "people": [{"name": "Main Menu"}]}
    assert accuracy.fields_right([accuracy.Item("a", label, got_some)]) == (8, 9)


def test_unreadable_release_and_partial_labels() -> None:
    # A release the parser could not read: only the fields whose label is empty are right.
    label = {**LABEL, "people": [], "contacts": []}
    assert accuracy.fields_right([accuracy.Item("a", label, None)]) == (4, 9)
    # Samples' organisations list some: each must be found, others may be there too.
    item = accuracy.Item(
        "s",
        {"organisations": ["Red Cross"]},
        {"organisations": ["Red Cross", "UN"]},
        frozenset({"organisations"}),
    )
    assert accuracy.fields_right([item]) == (1, 1)
    # Language is not one of the nine; a field the label does not speak for is not counted.
    assert accuracy.fields_right([accuracy.Item("l", {"language": "en"}, {"language": "fr"})]) == (
        0,
        0,
    )


def test_report_and_cli_give_the_count(capsys: pytest.CaptureFixture[str]) -> None:
    report = accuracy.evaluate(["seed"], ["date"])
    assert report["seed"]["fields_right"] == {"right": 9, "of": 9, "share": 1.0}
    assert accuracy.main(["--dataset", "devset", "--field", "date", "--only", "lieu-"]) == 0
    text = capsys.readouterr().out
    assert "fields right: " in text and " of 9 (" in text
    assert accuracy.main(["--json", "--dataset", "devset", "--only", "lieu-"]) == 0
    judged = json.loads(capsys.readouterr().out)["devset"]["fields_right"]
    assert judged["of"] == 9 and 0 <= judged["right"] <= 9
