"""The issuer among the organisations when the text names it (issue 10): "La FSFE
continuará", "The Tor Project and Printfection launch"; not an office by its holder."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.issuer_named import with_issuer_named


def test_the_issuer_named_in_the_text_is_listed() -> None:
    text = "La FSFE continuará dedicando iniciativas."
    assert with_issuer_named(("Parlamento de la UE",), "FSFE", text, set()) == (
        "Parlamento de la UE",
        "FSFE",
    )


def test_not_twice_nor_when_only_in_an_address() -> None:
    found = ("Free Software Foundation Europe",)
    assert with_issuer_named(found, "FSFE", "La FSFE dijo.", set()) == found
    assert with_issuer_named(("U.S. Drug Enforcement Administration",), "DEA", "DEA said", set())[
        -1
    ] == ("U.S. Drug Enforcement Administration")
    assert with_issuer_named((), "Acme", "Write to press@acme.org or see acme.org", set()) == ()


def test_an_office_by_its_holder_or_a_person_is_not_a_body() -> None:
    text = "Senator Susan Collins said the bill passed."
    assert with_issuer_named((), "Senator Susan Collins", text, set()) == ()
    assert with_issuer_named((), "Jane Roe", "Jane Roe said.", {"jane roe"}) == ()


def test_release_lists_its_issuer() -> None:
    text = (
        "The Tor Store opens\n\n"
        "WALPOLE, MA – The Tor Project and Printfection launch The Tor Store for all your Tor "
        "fan needs. The Tor Store offers mugs.\n"
    )
    found = extract(text)
    assert any("Tor Project" in o for o in found.organisations)
