"""A body named with the country or region of its chapter after its kind ("Open Knowledge
Foundation Deutschland", "Free Software Foundation Europe") is one organisation."""

from __future__ import annotations

import pytest

from store.ingest.extract.organisations import find_organisations


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Das Bündnis wurde von der Open Knowledge Foundation Deutschland gegründet und "
            "arbeitet in Berlin.",
            ("Open Knowledge Foundation Deutschland",),
        ),
        (
            "The Free Software Foundation Europe asks for more freedom in Berlin.",
            ("Free Software Foundation Europe",),
        ),
        (
            "The grant comes from Natural Resources Canada and is paid this year.",
            ("Natural Resources Canada",),
        ),
    ],
)
def test_a_chapter_named_for_its_country_is_one_body(text: str, found: tuple[str, ...]) -> None:
    assert find_organisations(text, set(), ()) == found


def test_a_state_or_a_legal_form_before_the_country_makes_no_chapter() -> None:
    # A firm's office in a state, and a legal form in capitals, are no chapter's name.
    assert find_organisations("The Acme Company Texas office opened today.", set(), ()) == ()
    assert "PTY LTD Australia" not in find_organisations(
        "Quantum Metal Bullion PTY LTD Australia launched a project.", set(), ()
    )
