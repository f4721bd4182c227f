"""French and Spanish bodies' names cut inside their lower-case words (issue 10): "Caisse
nationale" of "Caisse nationale des allocations familiales" goes; a whole name stays."""

from __future__ import annotations

from pathlib import Path

from store.ingest.build import parse_paths
from store.ingest.extract.dangling_names import without_dangling_names


def test_a_name_the_text_goes_on_with_is_cut() -> None:
    text = (
        "le quotient familial de la Caisse nationale des allocations familiales ; la Commission "
        "européenne et le Parlement européen ; la direction interministérielle du numérique."
    )
    found = (
        "Caisse nationale",
        "Commission européenne",
        "Parlement européen",
        "direction interministérielle du numérique",
    )
    assert without_dangling_names(found, text) == found[1:]


def test_a_french_release_lists_no_cut_name(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Mon FranceConnect simplifie les démarches\ndate: 2021-12-01\n---\n\n"
        "La direction interministérielle du numérique lance aujourd’hui un service qui donne "
        "accès aux données détenues par l’administration : le quotient familial de la Caisse "
        "nationale des allocations familiales, les droits à la retraite et le revenu fiscal. "
        "Le service est ouvert à tous les usagers, gratuitement, depuis le site du ministère.\n"
    )
    path = tmp_path / "mtfp.md"
    path.write_text(text, encoding="utf-8")
    (release,) = parse_paths([str(path)]).releases
    assert "Caisse nationale" not in release.organisations, release.organisations


def test_a_name_going_on_after_et_is_cut_but_not_before_another_body() -> None:
    text = (
        "l’Association des villes et collectivités pour les communications électroniques, et "
        "la Commission européenne et le Parlement."
    )
    found = ("Association des villes", "Commission européenne")
    assert without_dangling_names(found, text) == ("Commission européenne",)
