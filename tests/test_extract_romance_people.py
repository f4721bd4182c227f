"""People in French, Spanish and German releases (issue 10): after "dénommé", a rank or an
office, a profession and its nationality; before an apposition that says their role; between
commas after their role."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.romance_people import romance_people


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Les gendarmes ont interpellé un homme dénommé Jean Dupont à Rennes.", ["Jean Dupont"]),
        ("L’acteur britannique Daniel Craig était présent à Paris.", ["Daniel Craig"]),
        ("Le colonel Hervé Pétry, commandant de la section, a déclaré ceci.", ["Hervé Pétry"]),
        (
            "El comisario principal José Antonio Rodríguez explicó la operación.",
            ["José Antonio Rodríguez"],
        ),
        ("presidida por el teniente general Juan Luis Pérez. Después", ["Juan Luis Pérez"]),
        (
            "Bruno Le Maire, ministre de l’Économie, annonce un plan.",
            ["Bruno Le Maire"],
        ),
        (
            "Die Veranstaltung wird von Barbara Steinbrenner, einer österreichischen "
            "Technikjournalistin, moderiert.",
            ["Barbara Steinbrenner"],
        ),
        (
            "con la directora general de Relaciones Internacionales y Extranjería, Elena "
            "Garzón, para agradecer el trabajo",
            ["Elena Garzón"],
        ),
        # Honorifics are no part of the name.
        ("Mme Sophie Verdier, fondatrice de la maison, présente.", ["Sophie Verdier"]),
        ("Herr Jens Albrecht, Sprecher der Behörde, sagte das.", ["Jens Albrecht"]),
        # A work and its author: not a person named "Hackerethik von Frank Rieger".
        ("Das Buch Hackerethik von Frank Rieger, einem der Sprecher, erschien.", []),
        # No cue: a capitalised pair is not read as a person here.
        ("Die Freie Software wächst in Österreich.", []),
    ],
)
def test_romance_people(text: str, names: list[str]) -> None:
    assert [p.name for p in romance_people(text)] == names


def test_an_english_text_is_not_read() -> None:
    assert romance_people("The actor Daniel Craig, minister of nothing, came.") == []


def test_release_lists_them() -> None:
    text = (
        "Un pirate interpellé\n\n"
        "RENNES, 14 mai 2025 – Les enquêteurs ont interpellé un homme dénommé Yauhen Horbach. "
        "Bruno Le Maire, ministre de l’Économie, a salué le travail de la gendarmerie.\n"
    )
    names = [p.name for p in extract(text).people]
    assert "Yauhen Horbach" in names and "Bruno Le Maire" in names
