"""A German role written as one compound after a name ("Pressesprecherin des Vereins") tells a
person is named, as the role word alone ("Sprecherin") does."""

from __future__ import annotations

import pytest

from store.ingest.extract.german_roles import is_german_compound_role
from store.ingest.extract.people import find_people


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Ragnhild Soerensen, Pressesprecherin des Vereins „changing cities”, welcher 2016 "
            "den Volksentscheid Fahrrad initiiert hat: “Beim Gesetz wussten wir es.”",
            [("Ragnhild Soerensen", "Pressesprecherin")],
        ),
        (
            "Marie Jünemann, Vertrauensperson des Volksbegehrens, fügt hinzu: „Unser Ziel.“",
            [("Marie Jünemann", "Vertrauensperson")],
        ),
        (
            "Lea Pfau, Projektleiterin bei Mehr Demokratie, stellte den Plan vor.",
            [("Lea Pfau", "Projektleiterin")],
        ),
    ],
)
def test_a_name_before_a_german_compound_role_is_a_person(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.role) for p in find_people(text)] == found


def test_compounds_that_name_no_role() -> None:
    assert is_german_compound_role("pressesprecherin")
    assert not is_german_compound_role("personalabteilung")
    assert not is_german_compound_role("sprecher")  # the word alone is known elsewhere
