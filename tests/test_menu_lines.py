"""Bodies named only in a crawler's run-together menu line (issue 10): not the release's; a
body the release names too, the issuer, and a whole release on one line stay."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.menu_lines import without_menu_lines

_MENU = (  # a gendarmerie.interieur.gouv.fr page's menu, as a crawler saved it
    "Nos sites Académie militaire de la Gendarmerie nationale Centre de recherche de "
    "la Gendarmerie nationale Commandement des écoles de la Gendarmerie nationale "
    "Commandement pour les réserves et la jeunesse Garde républicaine Gendarmerie "
    "nationale GendElus Gendinfo Groupe d'intervention de la Gendarmerie nationale "
    "MBA Management de la sécurité Musée de la Gendarmerie nationale Observatoire de "
    "la Gendarmerie pour l'égalité et contre les discriminations Unité nationale de "
    "police judiciaire Reconversion et transition professionnelle Recrutement"
)


def test_bodies_only_in_the_menu_line_go() -> None:
    text = (
        "Les enquêteurs cyber de la gendarmerie\n\nLe Centre de lutte contre les criminalités "
        "numériques forme les enquêteurs, avec l'Académie militaire de la Gendarmerie "
        "nationale.\n\n" + _MENU + "\n"
    )
    found = (
        "Centre de lutte contre les criminalités numériques",
        "Académie militaire de la Gendarmerie nationale",
        "Musée de la Gendarmerie",
        "Observatoire de la Gendarmerie",
        "Unité nationale de police judiciaire",
        "Gendarmerie nationale",
    )
    assert without_menu_lines(found, text, "Gendarmerie nationale") == (
        "Centre de lutte contre les criminalités numériques",
        "Académie militaire de la Gendarmerie nationale",
        "Gendarmerie nationale",
    )


def test_a_release_on_one_line_is_no_menu() -> None:
    line = (
        "WASHINGTON D C  Senator Collins today announced that the Senate Armed Services "
        "Committee the General Services Administration and the Federal Emergency Management "
        "Agency will hold hearings with the National Guard Bureau  " * 6
    )
    found = (
        "Senate Armed Services Committee",
        "General Services Administration",
        "Federal Emergency Management Agency",
        "National Guard Bureau",
    )
    assert without_menu_lines(found, line, None) == found


def test_a_saved_page_lists_no_menu_body() -> None:
    text = (
        "Les enquêteurs cyber de la gendarmerie\n\nPARIS – Le Centre de lutte contre les "
        "criminalités numériques forme chaque année des enquêteurs, a indiqué la direction "
        "générale de la Gendarmerie nationale.\n\n" + _MENU + "\n"
    )
    orgs = extract(text).organisations
    assert not any("Musée" in o or "Observatoire" in o or "GendElus" in o for o in orgs), orgs


def test_the_owner_a_gov_footer_names_is_not_named_by_the_release() -> None:
    text = (
        "PORTLAND, Maine — A man was sentenced after an investigation led by Homeland Security "
        "Investigations.\n\nAn official website of the U.S. Department of Homeland Security\n"
    )
    found = ("Homeland Security Investigations", "U.S. Department of Homeland Security")
    assert without_menu_lines(found, text, None) == ("Homeland Security Investigations",)
    text += "The U.S. Department of Homeland Security thanked the partners.\n"
    assert without_menu_lines(found, text, None) == found
