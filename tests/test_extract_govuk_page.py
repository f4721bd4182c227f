"""A GOV.UK page saved as text: the `From:` list names the issuer; the footer is furniture."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.govuk_page import from_list, strip_govuk_footer, with_bodies

PAGE = """UK sanctions a cyber gang leader - GOV.UK

Cookies on GOV.UK

Menu

Press release

UK sanctions a cyber gang leader

The UK has sanctioned a senior leader of a cyber-crime gang.

From:

Foreign, Commonwealth & Development Office , National Crime Agency and The Rt Hon Jane Doe MP

Published

7 May 2024

The UK has today sanctioned a senior Russia-based leader of the gang, the government said on Tuesday.

Media enquiries

Email newsdesk@fcdo.gov.uk

Telephone 020 7008 3100

The following links open in a new tab

Share on

Facebook

Is this page useful?

Do not include personal or financial information like your National Insurance number.

Rhestr o Wasanaethau Cymraeg

Government Digital Service
"""


def test_the_from_list_names_the_issuer_and_its_bodies() -> None:
    got = extract(PAGE)
    assert got.issuer == "Foreign, Commonwealth & Development Office"
    assert "Foreign, Commonwealth & Development Office" in got.organisations
    assert "Commonwealth & Development Office" not in got.organisations
    assert not {"Government Digital Service", "National Insurance"} & set(got.organisations)
    assert "Wasanaethau Cymraeg" not in {c.name for c in got.contacts}
    assert "newsdesk@fcdo.gov.uk" in {c.email for c in got.contacts}


def test_from_list_and_footer_alone() -> None:
    assert from_list(PAGE) == [
        "Foreign, Commonwealth & Development Office",
        "National Crime Agency",
    ]
    assert from_list("Note\nFrom: the minister's office, said the note.\n") == []
    assert (
        strip_govuk_footer("A release\n\nIs this page useful?\n")
        == "A release\n\nIs this page useful?\n"
    )
    assert "Is this page useful?" not in strip_govuk_footer(PAGE)


def test_bodies_added_once_and_fragments_dropped() -> None:
    got = with_bodies(
        ("Commonwealth & Development Office", "National Crime Agency (NCA)"),
        ["Foreign, Commonwealth & Development Office", "National Crime Agency"],
    )
    assert got == ("National Crime Agency (NCA)", "Foreign, Commonwealth & Development Office")
