"""French, Spanish and German bodies (issue 10): a kind with its qualifiers ("Policía
Nacional", "Gendarmerie nationale"), a kind in lower case named by its place, a German
compound, an acronym after an article, and the release's organisations and people with them."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.romance_bodies import romance_bodies, whole_portfolios, with_more_bodies


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Spanish capitalises the words after the kind; the body's owner is named apart.
        (
            "Agentes de la Policía Nacional, en una operación conjunta con la Guardia Civil, "
            "han detenido a una persona. La Unidad Central Operativa de la Guardia Civil "
            "investiga el ataque a la Fábrica Nacional de Moneda y Timbre.",
            [
                "Policía Nacional",
                "Guardia Civil",
                "Unidad Central Operativa",
                "Fábrica Nacional de Moneda y Timbre",
            ],
        ),
        # A court by its number and its town.
        (
            "El Juzgado de Instrucción número 1 de San Vicente de la Barquera dirige la causa.",
            ["Juzgado de Instrucción número 1 de San Vicente de la Barquera"],
        ),
        # French writes the qualifiers in lower case; a kind in lower case needs its place.
        (
            "Le dossier est confié à l’Inspection générale des finances et au tribunal "
            "judiciaire de Paris, avec la gendarmerie nationale et la Section de recherches "
            "(S.R.) de Rennes. Le tribunal a statué.",
            [
                "Inspection générale des finances",
                "tribunal judiciaire de Paris",
                "Gendarmerie nationale",
                "Section de recherches (S.R.) de Rennes",
            ],
        ),
        # A German body in one compound word, with its place or its portfolio.
        (
            "Das Justizministerium Nordrhein-Westfalen und das Bundesministerium für Justiz "
            "und Verbraucherschutz äußerten sich nicht.",
            [
                "Justizministerium Nordrhein-Westfalen",
                "Bundesministerium für Justiz und Verbraucherschutz",
            ],
        ),
        # An acronym after an article, used again; not a tax, nor one spelled out as a thing.
        (
            "La FSFE salue la décision. Selon la FSFE, la TVA baisse; la Base Adresse "
            "Nationale (BAD) est ouverte, et l’Agence nationale (ANX) aussi; l’ANX et la BAD "
            "grandissent. Le secrétariat de la OTAN.",
            ["FSFE", "Agence nationale", "ANX"],
        ),
        # A kind word inside an English name, or a translation in brackets: not read here.
        (
            "The U.S. Postal Inspection Service and the German Bundeskriminalamt (the Federal "
            "Criminal Police Office) worked with Europol’s Centro team. Ça va.",
            [],
        ),
        # English words after a kind spelled alike, in an English text with accented names.
        (
            "The Association receives José’s award; the Association The Way met. Inspection "
            "App Enhancing Accuracy.",
            [],
        ),
        # A kind alone, with no qualifier or field, names no one body.
        ("Le Conseil a décidé. La Dirección informa.", []),
    ],
)
def test_romance_bodies(text: str, names: list[str]) -> None:
    assert romance_bodies(text) == names


def test_an_english_text_is_not_read() -> None:
    assert romance_bodies("The Policia Nacional and the Guardia Civil met.") == []


def test_release_lists_them_and_no_body_as_a_person() -> None:
    text = (
        "Detenido un hacker\n\n"
        "MADRID, 5 de febrero de 2025 – Agentes de la Policía Nacional y de la Guardia Civil "
        "han detenido en Calpe a un hacker. El comisario Fernando Grande-Marlaska visitó el "
        "Centro de Coordinación Regional de Canarias de la Guardia Civil.\n"
    )
    found = extract(text)
    assert "Policía Nacional" in found.organisations
    assert "Guardia Civil" in found.organisations
    assert not any(p.name == "Guardia Civil" for p in found.people)


def test_a_known_body_in_capitals() -> None:
    assert romance_bodies("Con la colaboración de EUROPOL y de la Policía Nacional.") == [
        "Europol",
        "Policía Nacional",
    ]


@pytest.mark.parametrize(
    ("found", "text", "whole"),
    [
        (
            ("Ministerio de Educación", "Guardia Civil"),
            "el Ministerio de Educación, Formación Profesional y Deportes, la Guardia Civil",
            ("Ministerio de Educación, Formación Profesional y Deportes", "Guardia Civil"),
        ),
        # A list of bodies after the ministry is no portfolio: "and the" opens no field.
        (
            ("Ministry of Defence",),
            "the Ministry of Defence, the Navy and the Army",
            ("Ministry of Defence",),
        ),
    ],
)
def test_whole_portfolios(found: tuple[str, ...], text: str, whole: tuple[str, ...]) -> None:
    assert whole_portfolios(found, text) == whole


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # An alliance or initiative by its kind, its name quoted or in capitals.
        (
            "Heute steht das Bündnis „Volksentscheid Transparenz” vor dem Rathaus. Die "
            "Initiative Offene Gesetze begrüßt das.",
            ["Volksentscheid Transparenz", "Offene Gesetze"],
        ),
        # A registered association by its legal form, its kind word aside.
        (
            "Ein Projekt der Verein Mehr Demokratie e.V. und der Open Knowledge Foundation "
            "Deutschland e. V. für alle.",
            ["Mehr Demokratie e.V.", "Open Knowledge Foundation Deutschland e.V."],
        ),
    ],
)
def test_german_alliances_and_associations(text: str, names: list[str]) -> None:
    assert romance_bodies(text) == names


def test_a_registered_association_found_without_its_form_is_not_listed_twice() -> None:
    found = ("Mehr Demokratie",)
    more = romance_bodies("Ein Projekt von Mehr Demokratie e.V. für Berlin.")
    assert with_more_bodies(found, more, "", 20) == found
