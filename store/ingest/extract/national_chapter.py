"""A body's name that ends with the country or region of its chapter: "Open Knowledge Foundation Deutschland", "Free Software Foundation Europe"."""

from __future__ import annotations

from collections.abc import Callable

from store.sanitize import fold

# A name ends with its kind ("Acme Foundation") or opens with it ("Ministry of Health"); a
# national chapter or a regional sister body puts its country after the kind, in the
# country's own language as often as not, and is one body: "Open Knowledge Foundation
# Deutschland", "Free Software Foundation Europe", "Save the Children Fund Schweiz".
_COUNTRIES = frozenset(
    {
        "deutschland",
        "osterreich",
        "schweiz",
        "suisse",
        "svizzera",
        "europe",
        "europa",
        "espana",
        "italia",
        "nederland",
        "belgique",
        "belgie",
        "sverige",
        "danmark",
        "norge",
        "suomi",
        "polska",
        "asia",
        # English names of countries with such chapters; no states or cities: "the Acme
        # Company Texas office" is a firm's office in Texas.
        "germany",
        "austria",
        "switzerland",
        "france",
        "spain",
        "italy",
        "netherlands",
        "belgium",
        "canada",
        "australia",
        "japan",
        "india",
        "africa",
    }
)


def is_national_chapter(tokens: list[str], is_kind: Callable[[str], bool]) -> bool:
    """Do *tokens* end with a country or region right after a word *is_kind* takes for a
    body's kind ("Foundation", "Society")?"""
    if len(tokens) < 3:
        return False
    last = fold(tokens[-1].strip(".,;:"))
    kind = tokens[-2]
    # Not a firm's legal form in capitals ("Quantum Metal Bullion PTY LTD Australia").
    return last in _COUNTRIES and not kind.isupper() and is_kind(kind)
