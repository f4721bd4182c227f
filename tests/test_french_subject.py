"""The issuer a French headline names as its subject (issue 10): "L’Arcep et l’Arcom
lancent ...", "Le Gouvernement ... s’engagent ..."; not a government at large nor a name the
body never uses again."""

from __future__ import annotations

from pathlib import Path

from store.ingest.build import parse_paths
from store.ingest.extract.french_subject import french_headline_subject


def test_the_subject_of_a_verb_of_announcing() -> None:
    body = "Aujourd’hui, l’Arcep et l’Arcom lancent une consultation publique."
    headline = "L’Arcep et l’Arcom lancent une consultation publique sur le référentiel"
    assert french_headline_subject(headline, body) == "Arcep"
    headline = "Le Gouvernement et les associations d’élus s’engagent ensemble"
    assert french_headline_subject(headline, "Le Gouvernement a souhaité ...") == "Gouvernement"


def test_no_subject_where_the_name_is_not_capitalised_or_not_named_again() -> None:
    assert (
        french_headline_subject("Le gouvernement annonce sa stratégie", "le gouvernement") is None
    )
    assert french_headline_subject("L’Arcep lance une consultation", "Une consultation.") is None
    assert french_headline_subject("Une consultation publique pour tous", "Arcep") is None


def test_a_french_release_without_another_issuer_gets_its_headline_subject(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: L’Arcep et l’Arcom lancent une consultation publique sur "
        "l’écoconception\ndate: 2023-10-10\n---\n\n"
        "La loi a confié à l’Arcep et à l’Arcom la définition d’un référentiel général de "
        "l’écoconception des services numériques. Aujourd’hui, les deux autorités lancent une "
        "consultation publique sur un projet de référentiel réalisé avec l’ADEME. Elle est "
        "ouverte jusqu’au 15 décembre sur le site de l’Arcep, et les contributions seront "
        "publiées à l’issue de la consultation, sauf demande contraire de leurs auteurs.\n"
    )
    path = tmp_path / "arcep.md"
    path.write_text(text, encoding="utf-8")
    (release,) = parse_paths([str(path)]).releases
    assert release.issuer == "Arcep"
