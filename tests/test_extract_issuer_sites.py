"""Issuers read from where a release was published when its text does not say (issue 10,
sixth round): a page whose <title> edits its heading, a record's media contacts."""

from __future__ import annotations

import json

from store.ingest.build import build_release
from store.ingest.extract.anatomy import extract
from store.ingest.readers.html import read_html
from store.ingest.readers.jsonform import read_json

_EP_PAGE = """<html><head>
<title>EP paves way for the use of EU funds to finance disaster recovery | News | European Parliament</title>
</head><body>
<h1>Parliament paves way for the use of EU funds to finance disaster recovery</h1>
<p>Regional development funds can be used more flexibly after natural disasters.</p>
</body></html>"""


def test_a_title_that_edits_one_word_of_the_heading_still_names_the_site() -> None:
    """europarl.europa.eu: "EP paves way ..." in the <title>, "Parliament paves way ..." as
    the heading; the site's name after them is the issuer."""
    draft = read_html(_EP_PAGE.encode())[0]
    assert draft.issuer == "European Parliament"


def test_a_title_with_another_headline_names_no_site() -> None:
    page = _EP_PAGE.replace("EP paves way for the use", "MEPs back a new plan for the use of")
    assert read_html(page.encode())[0].issuer is None
    short = _EP_PAGE.replace(
        "EP paves way for the use of EU funds to finance disaster recovery", "EP acts"
    ).replace(
        "Parliament paves way for the use of EU funds to finance disaster recovery",
        "Parliament acts",
    )
    assert read_html(short.encode())[0].issuer is None


def _package(contacts: list[dict[str, object]], **more: object) -> dict[str, object]:
    return {
        "title": "Scientists prove key aspect of evolutionary theory",
        "published": "2018-11-29T10:00:00Z",
        "content": [{"type": "paragraph", "text": "Asexual organisms evolve in pairs."}],
        "mediaContacts": contacts,
        **more,
    }


_PACKER = {
    "name": {"preferred": "Emily Packer", "index": "Packer, Emily"},
    "emailAddresses": ["e.packer@elifesciences.org"],
    "affiliations": [{"name": ["eLife"]}],
}


def test_a_records_first_media_contact_names_its_issuer() -> None:
    """An eLife press package names no publisher; its press officer's affiliation does."""
    draft = read_json(json.dumps(_package([_PACKER])).encode())[0]
    assert draft.issuer == "eLife"
    assert build_release(draft, "package.json").issuer == "eLife"


def test_a_declared_publisher_wins_over_the_contacts_affiliation() -> None:
    record = _package([_PACKER], publisher={"name": "University of Glasgow"})
    assert read_json(json.dumps(record).encode())[0].issuer == "University of Glasgow"


def test_a_contact_without_an_organisation_names_no_issuer() -> None:
    plain = {k: v for k, v in _PACKER.items() if k != "affiliations"}
    assert read_json(json.dumps(_package([plain])).encode())[0].issuer is None


_TCHAP = (
    "Lancement de Tchap : la messagerie instantanée des agents de l’État\n\n"
    "L’application Tchap peut être librement installée sur les smartphones.\n\n"
    "Le projet a été piloté par la direction interministérielle du système d’information et "
    "de communication de l’État (DINSIC) avec la contribution de l’agence nationale de "
    "sécurité des systèmes d’information (ANSSI).\n\n"
    "Ainsi, la DINSIC se tient à l’écoute des experts de la société civile. Pour aller plus "
    "loin, la DINSIC lancera prochainement un « bug bounty ».\n"
)


def test_a_service_that_writes_of_itself_by_its_acronym_is_the_issuer() -> None:
    """numerique.gouv.fr: the service is named only in the third person ("la DINSIC lancera"),
    three times, far more than any other body."""
    assert extract(_TCHAP).issuer == "DINSIC"


def test_an_acronym_named_as_often_as_another_is_no_issuer() -> None:
    text = _TCHAP.replace("(ANSSI).", "(ANSSI). L’ANSSI conseille. L’ANSSI suit le projet.")
    assert extract(text).issuer is None


def test_an_acronym_never_the_subject_of_a_sentence_is_no_issuer() -> None:
    """ "sede de APEC", "en el marco de APEC 2024": an event the text speaks of."""
    text = (
        "Perú sede de APEC 2024\n\nPor tercera vez, el Perú será sede del Foro de Cooperación "
        "Económica Asia-Pacífico (APEC). Lima está preparada para APEC. Más de 160 reuniones "
        "en el marco de APEC 2024.\n"
    )
    assert extract(text).issuer is None


def test_an_english_acronym_after_the_is_no_issuer() -> None:
    """ "the CEO", "the UAE": English writes things' acronyms after "the" as well."""
    text = (
        "Acme expands in the Gulf\n\nThe UAE is a growing market. The CEO said the UAE "
        "office opens soon, and the UAE team will grow.\n"
    )
    assert extract(text).issuer is None


def test_an_about_paragraph_of_a_programme_named_for_a_year_is_no_issuer() -> None:
    """ "À propos de France 2030" presents the State's investment plan; the first press desk
    is the issuer's (the Secretariat of State's cabinet)."""
    text = (
        "France 2030 : un nouvel appel à projets\n\nPARIS – L’État lance un appel.\n\n"
        "Contacts presse :\n"
        "Cabinet de Marina FERRARI : 01 53 18 43 70 - presse.senum@numerique.gouv.fr\n\n"
        "Bpifrance : 06 72 76 08 09 – juliette.fontanillas@bpifrance.fr\n\n"
        "À propos de France 2030\n\nFrance 2030 traduit une double ambition pour l’économie.\n"
    )
    assert extract(text).issuer == "Cabinet de Marina FERRARI"
    about_event = text.replace("France 2030\n\nFrance 2030 traduit", "Cephalocon 2025\n\nIt is")
    assert extract(about_event).issuer == "Cabinet de Marina FERRARI"
    about_body = text.replace("France 2030\n\nFrance 2030 traduit", "Bpifrance\n\nBpifrance est")
    assert extract(about_body).issuer == "Bpifrance"


_NASA = (
    "GIBBONS OUTLINES SPACE STATION REDESIGN GUIDANCE\n\n"
    "NASA Headquarters, Washington, D.C.\nApril 6, 1993\n\nRELEASE:  93-64\n\n"
    "        Dr. John H. Gibbons outlined three budget options to the committee.\n\n"
    "        Over the next 5 years, $4 billion is reserved within the NASA budget.\n"
)


def test_an_office_line_over_the_date_names_the_issuer() -> None:
    """NASA's releases of 1993, posted to Usenet: the office and its city over the date."""
    assert extract(_NASA).issuer == "NASA Headquarters"


def test_an_office_line_without_a_date_below_or_named_again_is_no_issuer() -> None:
    undated = _NASA.replace("April 6, 1993\n", "")
    assert extract(undated).issuer is None
    unnamed = _NASA.replace("within the NASA budget", "within the budget")
    assert extract(unnamed).issuer is None


def test_a_contacts_organisation_run_into_a_name_or_a_street_is_no_issuer() -> None:
    """A layout that lost its breaks: "Thomas EisenlohrAccentro Real Estate AGKantstrasse"."""
    text = (
        "Accentro implements its restructuring plan\n\nThe plan was confirmed today.\n\n"
        "Contact for investor relations and press:\n\n"
        "Thomas EisenlohrAccentro Real Estate AGKantstrasse\n"
        "E-mail: eisenlohr@accentro.de\n"
    )
    assert extract(text).issuer != "Thomas EisenlohrAccentro Real Estate AGKantstrasse"
    firm = text.replace("Thomas EisenlohrAccentro Real Estate AGKantstrasse", "VirtualDime Ltd")
    assert extract(firm).issuer == "VirtualDime Ltd"
