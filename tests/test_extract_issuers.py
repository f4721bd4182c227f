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


def test_an_acronym_after_a_foreign_article_opening_the_headline_is_the_issuer():
    # FSFE's French and German pages: "La FSFE simplifie ...", the FSFE named again below.
    body = (
        "PARIS, le 26 mai 2018 – L'Assemblée de la FSFE a voté. La FSFE simplifie l'adhésion "
        "des contributeurs actifs de la FSFE, qui deviennent membres."
    )
    r = extract("La FSFE simplifie la procédure d'adhésion\n\n" + body)
    assert r.issuer == "FSFE"
    # Spelled out where the text gives the name in full.
    r = extract(
        "Die FSFE fordert offene Router\n\nBERLIN, 2. Mai 2022 – Die Free Software Foundation "
        "Europe (FSFE) fordert ... Die FSFE meint ... Die FSFE sagt ..."
    )
    assert r.issuer == "Free Software Foundation Europe"
    # Named once only: a body the headline speaks of, not the issuer; two letters: a thing's.
    assert extract("La CNIL publie un avis\n\nPARIS – La CNIL a publié un avis.").issuer != "CNIL"
    assert extract("Die KI verändert alles\n\nBERLIN – Die KI, die KI, die KI.").issuer is None


def test_the_body_named_first_of_two_announcing_together_is_the_issuer():
    # mozilla.org, 2004: "The Mozilla Foundation and European Mozilla contributors today announced".
    r = extract(
        "Mozilla gains stronghold in Europe\n\nFebruary 17, 2004 (the Internet) - The Mozilla "
        "Foundation and European Mozilla contributors today announced the launch of Mozilla "
        "Europe, a non-profit organization to promote Mozilla products in Europe."
    )
    assert r.issuer == "Mozilla Foundation"
    # "have joined forces to launch": no body announcing, and not the first of them.
    r = extract(
        "A tool for releases\n\nNEW YORK, April 30, 2026 - Tanooki Labs and ReportableNews "
        "have joined forces to launch a new tool for press releases."
    )
    assert r.issuer is None
    # Two people are no body.
    r = extract(
        "A new school opens\n\nLEEDS, 4 March 2024 - Jane Roe and her partners today announced "
        "the opening of a school in the city centre."
    )
    assert r.issuer is None


def test_a_closing_paragraph_presenting_the_body_is_its_boilerplate():
    # OKF DE's English post: no "About" heading, the last paragraph presents the body.
    lead = (
        "Open Knowledge Foundation Germany awarded H2020 project\n\nBerlin – 25.01.2014 – "
        "The tell-tale signs of public spending gone wrong are easy to spot for anyone.\n\n"
    )
    closing = (
        "The Open Knowledge Foundation Germany is a pioneering civil society organisation "
        "working on open government, open data and transparency."
    )
    r = extract(lead + "Contact for press queries: Daniel Dietrich.\n\n" + closing)
    assert r.issuer == "Open Knowledge Foundation Germany"
    # A body the release names nowhere else, or a closing sentence about a partner's
    # product, is not taken.
    other = (
        "The Digital Whistleblower Alliance is a network of civil society groups working on "
        "open government, open data and transparency across Europe."
    )
    assert extract(lead + other).issuer is None
    # An investor's boilerplate after the company's news: the headline names it, not first.
    investor = (
        "Skynet Trading receives backing from Edessa Capital\n\nHONG KONG – Skynet Trading "
        "has announced a notable private transaction with Edessa Capital this week.\n\n"
        "Edessa Capital is a leading digital assets investor, founded by partners who "
        "previously co-managed one of the largest funds in the industry."
    )
    assert extract(investor).issuer != "Edessa Capital"


def test_the_body_linked_on_the_press_contacts_own_site():
    # OKF DE: "eine Veranstaltung der [Open Knowledge Foundation](//okfn.de)", the press
    # contact writing from okfn.org.
    text = (
        "Jugend hackt\n\nBerlin, 15.09.2014 - Am Wochenende fand Jugend hackt statt, eine "
        "Veranstaltung der [Open Knowledge Foundation](//okfn.de) in Kooperation mit "
        "[Young Rewired State](https://youngrewiredstate.org).\n\n**Pressekontakt:**\n\n"
        "Maria Reimer, Projektleiterin\n\n[maria.reimer@okfn.org](mailto:maria.reimer@okfn.org)\n"
    )
    assert extract(text).issuer == "Open Knowledge Foundation"
    # A contact writing from elsewhere: the linked body is only mentioned.
    assert extract(text.replace("okfn.org", "example.org")).issuer is None


def test_an_acronym_after_a_foreign_article_opening_the_lead_is_the_issuer():
    # FSFE's French pages: "La FSFE et l'Open Forum Europe se sont alliés ...", the FSFE
    # named again below (a quote's "à la FSFE").
    text = (
        "La réforme du droit d'auteur européen entrave le logiciel libre\n\n"
        "La FSFE et l'Open Forum Europe se sont alliés pour une initiative sur la réforme du "
        "droit d'auteur proposée par l'UE.\n\n"
        "« Tout contenu peut être supprimé », déclare Polina Malaja, juriste à la FSFE."
    )
    assert extract(text).issuer == "FSFE"
    # Named in the lead only: a body the release reports on.
    once = text.replace("juriste à la FSFE", "juriste")
    assert extract(once).issuer != "FSFE"


def test_the_lead_subject_named_with_what_it_is_between_commas():
    """ "Carosella & Associates, a leading West Chester law firm specializing in estate
    planning, probate, and family law, is proud to announce": the apposition says a body
    (a firm, a platform, an association), so the subject is the issuer even without a word
    such as Inc. or Corporation in its name."""
    text = (
        "Estate Planning for Families\n\nWEST CHESTER, PA, November 20, 2024 -- Carosella & "
        "Associates, a leading West Chester law firm specializing in estate planning, probate, "
        "and family law, is proud to announce its expertise in estate planning.\n"
    )
    assert extract(text).issuer == "Carosella & Associates"
    based = text.replace("Carosella & Associates", "New York- and Kyiv-based Vermeer")
    assert extract(based).issuer == "Vermeer"
    # About a person, not a body: no issuer from it.
    person = text.replace(
        "Carosella & Associates, a leading West Chester law firm",
        "Jane Carosella, founder of a leading West Chester law firm",
    )
    assert extract(person).issuer != "Jane Carosella"
    # No apposition: the name alone must say a body, as before.
    assert (
        extract(
            text.replace(
                ", a leading West Chester law firm specializing in estate "
                "planning, probate, and family law,",
                "",
            )
        ).issuer
        is None
    )
