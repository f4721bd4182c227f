"""Issuers a release states in a collector's "Source:" or "By:" field on the body's press room,
or in a lead that opens with the day or an adverb (issue 10, tenth round)."""

from store.ingest.extract.anatomy import extract
from store.ingest.extract.stated_issuer import (
    closing_self_reference,
    maker_in_lead,
    source_field,
    today_subject,
)


def test_source_field_on_the_bodys_own_site_names_the_issuer():
    r = extract(
        "# Desarticulada una red criminal de ciberfraude\n\n"
        "**Published:** 09/01/26\n\n"
        "**Source:** Guardia Urbana (España), Comunicación — https://guardia.es/prensa?ID=1\n\n"
        "---\n\n"
        "Agentes de la policía han desarticulado en España una red criminal dedicada al "
        "ciberfraude que operaba desde Sevilla y Málaga."
    )
    assert r.issuer == "Guardia Urbana"


def test_by_field_on_a_press_release_names_the_issuer():
    r = extract(
        "# Two Countries Dismantle a Phishing Network\n\n"
        "**By:** U.S. Consulate Lagos — Press Release\n"
        "**Date:** April 23, 2026\n\n"
        "LAGOS – Investigators of two countries have concluded a joint investigation that "
        "dismantled a phishing network used against thousands of victims."
    )
    assert r.issuer == "U.S. Consulate Lagos"


def test_source_crediting_a_chart_or_a_person_is_no_issuer():
    assert source_field(["Source: CoinGlass Data, chart of the week"]) is None
    assert source_field(["By: Jane Roe, staff writer"]) is None
    assert source_field(["Source: Acme Research (2024), https://example.org/report"]) is None


def test_lead_opening_with_today_names_the_issuer_after_the_menus():
    menu = "We defend the rights of software users in court when needed and help them."
    lines = [menu, menu, "Leave GitHub today ! Learn why & how.", ""]
    lines += [
        "Today, Open Code Stewardship publishes recommendations for contributors who use "
        "generative systems. OCS drafted them with its member projects."
    ]
    assert today_subject(lines) == "Open Code Stewardship"
    assert today_subject(lines[:-1]) is None


def test_lead_with_an_adverb_before_its_verb_names_the_issuer():
    assert (
        today_subject(
            [
                "The National Maritime Library recently signed on as a founding member of an "
                "international network of museums devoted to the study of ships."
            ]
        )
        == "National Maritime Library"
    )


def test_headline_launching_a_body_named_again_by_its_acronym_names_the_issuer():
    r = extract(
        "Launch of the Provincial Data Service\n\n"
        "Today I announce the launch of the Provincial Data Service (PDS) to modernize how the "
        "province delivers services.\n\nPDS will work with every department. PDS will hire."
    )
    assert r.issuer == "Provincial Data Service"


def test_headline_launching_a_product_is_no_issuer():
    r = extract("Launch of the Orbit Phone\n\nThe Orbit Phone goes on sale in May at a low price.")
    assert r.issuer != "Orbit Phone"


def test_closing_sentence_of_a_body_showing_its_own_work_names_the_issuer():
    lines = [
        "Les enquêteurs de la brigade de recherches ont interpellé le suspect mercredi dans une "
        "villa louée sur l'île, avec l'appui du Federal Bureau of Investigation.",
        "Par cette interpellation, la police municipale démontre une nouvelle fois sa capacité "
        "à agir aux côtés de ses partenaires internationaux.",
    ]
    listed = ("Federal Bureau of Investigation", "Police municipale")
    assert closing_self_reference(lines, listed) == "Police municipale"
    assert closing_self_reference(lines, ("Federal Bureau of Investigation",)) is None


def test_lead_naming_the_maker_by_name_and_acronym_names_the_issuer():
    lines = [
        "Conçu et déployé par la direction du numérique et des systèmes d’information (DNSI), "
        "le portail permet de se connecter aux services publics en ligne sans nouvel "
        "identifiant."
    ]
    assert maker_in_lead(lines) == "direction du numérique et des systèmes d’information"
    lines[0] = lines[0].replace("(DNSI)", "(XYZ)")
    assert maker_in_lead(lines) is None
