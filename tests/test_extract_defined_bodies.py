"""Agencies named once in full with their acronym, then by it (issue 10): "U.S. Customs and
Border Protection (CBP)", whose names hold no organisation word."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.defined_bodies import defined_bodies


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The case was investigated by U.S. Customs and Border Protection (CBP) and "
            "U.S. Immigration and Customs Enforcement’s (ICE) Homeland Security "
            "Investigations (HSI). CBP officers and HSI agents seized the parcels; ICE said so.",
            [
                "U.S. Customs and Border Protection (CBP)",
                "U.S. Immigration and Customs Enforcement (ICE)",
                "Homeland Security Investigations (HSI)",
            ],
        ),
        # An acronym not used again: a name in passing, not the release's agency.
        ("Officers of the Metropolitan Transit Police (MTP) helped.", []),
        # An activity, not an agency: its last word is no agency's.
        ("Our Advanced Threat Detection (ATD) suite; ATD runs daily.", []),
        # Protection alone ends a product's name; beside another agency word, an agency's.
        ("Our Continuous Data Protection (CDP) suite: CDP runs daily.", []),
        # Two words are a rating or a field as often as an agency: "Ingress Protection (IP)".
        ("Rated for Ingress Protection (IP) 67; IP ratings vary.", []),
    ],
)
def test_defined_bodies(text: str, names: list[str]) -> None:
    assert defined_bodies(text) == names


def test_release_lists_the_agency() -> None:
    text = (
        "Man Sentenced for Smuggling\n\n"
        "TULSA, Okla. – A man was sentenced today after parcels were intercepted by United "
        "States Customs and Border Protection (CBP). CBP officers found the pills.\n"
    )
    assert "United States Customs and Border Protection (CBP)" in extract(text).organisations
