"""Issuers and roles in several languages: bodies without an organisation word, role cuts."""

import pytest

from store.ingest.extract.anatomy import extract
from store.records import Contact, Person

HEAD = "Acme Opens a Plant\n\nLYON, 3 March 2024 – "


def test_known_body_and_ordinary_case_only():
    r = extract(HEAD + "UNICEF and Ofcom's rules apply. The plan was reviewed.")
    assert "UNICEF" in r.organisations and "Ofcom" in r.organisations
    advisory = extract(HEAD + "Briefing on floods.\n\nWHO: the regional director\nWHAT: a briefing")
    assert "WHO" not in advisory.organisations


def test_ticker_in_brackets_is_no_organisation():
    r = extract(HEAD + "Bitcoin (BTC) rose. Traders bought BTC again. Acme Foundation said so.")
    assert "BTC" not in r.organisations


def test_french_kind_then_name():
    r = extract(
        "Un projet à Brest\n\nBREST, le 3 mars 2024 – Le projet associe l'entreprise Algomar, "
        "spécialisée dans les algues."
    )
    assert "Algomar" in r.organisations


def test_headline_and_opening_share_their_subject():
    r = extract(
        "Kestrel Outdoor opens a store\n\nLEEDS, 4 March 2024 – Kestrel Outdoor, the retailer, "
        "opens a shop."
    )
    assert "Kestrel Outdoor" in r.organisations


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "“Yes,” said Sanne de Vries, Chief Executive Officer of Lumen Grid. Lumen Grid grows.",
            Person("Sanne de Vries", "Chief Executive Officer"),
        ),
        (
            "« Oui », a expliqué Mme Anne Le Goff, directrice de recherche à l'IOB et responsable.",
            Person("Anne Le Goff", "directrice de recherche"),
        ),
        (
            "« Oui », a déclaré M. Julien Caradec, adjoint au maire délégué à la culture. « Bien. »",
            Person("Julien Caradec", "adjoint au maire délégué à la culture"),
        ),
        (
            "„Ja“, sagte Frau Dr. Katrin Lehmann, Senatorin für Bildung, Jugend und Familie.",
            Person("Katrin Lehmann", "Senatorin für Bildung, Jugend und Familie"),
        ),
        (
            "“Yes,” said Rev. Angela Brooks, board chair of the Metro Food Shelf Alliance.",
            Person("Angela Brooks", "board chair"),
        ),
        (
            "“Yes,” said Dr. Amara Okonjo, Director of Health Emergencies at WHO.",
            Person("Amara Okonjo", "Director of Health Emergencies"),
        ),
    ],
)
def test_role_keeps_a_portfolio_and_drops_an_employer(sentence, expected):
    assert extract(HEAD + sentence).people == (expected,)


def test_speaker_opening_a_sentence_with_a_clause():
    r = extract(HEAD + "Gear is lost.\n\nJacob Nolan, who fishes for lobster, said it is bad.")
    assert Person("Jacob Nolan") in r.people


def test_lowercase_organisation_after_a_role_in_a_contact_block():
    r = extract(
        HEAD + "Text.\n\nContacts presse\n\nGeneviève Roy\nAttachée de presse, ministère de la "
        "Santé de l'Ontario\ngenevieve.roy@ontario.example\n+1 (416) 555-0172\n\nMargaret Ballard\n"
        "Media Relations Lead, Gavi, the Vaccine Alliance\nmb@gavi.example\n"
    )
    assert [c.organisation for c in r.contacts] == [
        "ministère de la Santé de l'Ontario",
        "Gavi, the Vaccine Alliance",
    ]
    assert r.contacts[0] == Contact(
        "Geneviève Roy",
        "Attachée de presse",
        "ministère de la Santé de l'Ontario",
        "genevieve.roy@ontario.example",
        "+1 (416) 555-0172",
    )


def test_kicker_below_a_site_banner():
    r = extract(
        "¿Es usted mayor de 18 años? Sí No\n\nNOTA DE PRENSA\n\nLOGROÑO, 3 de octubre de 2023 – "
        "Bodegas Altamira presenta un vino.",
        title="Bodegas Altamira presenta un vino sin alcohol",
    )
    assert r.kicker == "NOTA DE PRENSA"
    assert r.location == "LOGROÑO"
    assert "mayor de 18" not in r.body
