"""A minister's portfolio where a dateline's place would be (La Moncloa's notes): no place, the ministry."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.portfolio import portfolio_ministry

NOTE = (
    "Interior - 10.10.2024 El ministro del Interior, Fernando Grande-Marlaska, ha participado "
    "en el Consejo de Ministros de Interior celebrado en Luxemburgo, que ha abordado la "
    "política de retorno de la UE."
)


@pytest.mark.parametrize(
    ("place", "text", "expected"),
    [
        ("Interior", "El ministro del Interior, Fernando", "Ministerio del Interior"),
        (
            "Inclusión, Seguridad Social y Migraciones",
            "la ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz",
            "Ministerio de Inclusión, Seguridad Social y Migraciones",
        ),
        ("Culture", "la ministre de la Culture a annoncé", "Ministère de la Culture"),
        # A place: never written as a portfolio, or in a dateline's capitals, or in English
        # ("Liberland's Prime Minister", "the Minister of Liberland": a country).
        ("Madrid", "El ministro del Interior visitó Madrid", None),
        ("MADRID", "el ministro de MADRID", None),
        ("Liberland", "the Prime Minister of Liberland spoke", None),
        ("Interiores", "El ministro del Interior", None),
    ],
)
def test_portfolio_ministry(place: str, text: str, expected: str | None) -> None:
    assert portfolio_ministry(place, text) == expected


def test_a_note_headed_by_its_ministry_has_no_place_and_the_ministry_issues_it() -> None:
    parts = extract(NOTE)
    assert parts.location is None
    assert parts.date == "2024-10-10"
    assert parts.issuer == "Ministerio del Interior"


def test_a_spanish_dateline_keeps_its_place() -> None:
    parts = extract(
        "MADRID, 10 de octubre de 2024.- El ministro del Interior ha participado hoy en el "
        "Consejo de Ministros de Interior celebrado en Luxemburgo."
    )
    assert parts.location is not None and parts.location.casefold() == "madrid"
