"""The language vote over function words."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.language import guess_language

TEXTS = {
    "en": "The company said that it will open a new plant in the north of the country, and that "
    "the plant is expected to create jobs for the region by the end of the year.",
    "fr": "La société a annoncé que la nouvelle usine sera ouverte dans le nord du pays et qu'elle "
    "créera des emplois pour la région avec le soutien des partenaires.",
    "es": "La empresa ha anunciado que la nueva planta se abrirá en el norte del país y que creará "
    "empleos para la región con el apoyo de los socios y de las autoridades.",
    "de": "Das Unternehmen hat angekündigt, dass die neue Fabrik im Norden des Landes eröffnet wird "
    "und dass sie mit der Unterstützung der Partner auch Arbeitsplätze für die Region schafft.",
}


@pytest.mark.parametrize(("lang", "text"), TEXTS.items())
def test_language_vote(lang, text):
    assert guess_language(text) == lang


def test_too_short_is_unsure():
    assert guess_language("Acme Grows") is None


def test_declared_language_wins_and_is_normalised():
    assert extract("Acme Grows\n\n" + TEXTS["en"], language="EN-us").language == "en"
    assert extract("Acme Grows\n\nBonjour.", language="fr_CA").language == "fr"
    assert extract("Acme Grows\n\n" + TEXTS["fr"], language="not a code").language == "fr"


def test_text_plainly_in_another_language_overrules_a_feed_wide_declaration():
    text = "Acme Grows\n\n" + " ".join([TEXTS["fr"]] * 3)
    assert extract(text, language="en").language == "fr"
