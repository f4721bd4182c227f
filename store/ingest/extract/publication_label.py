"""A page's "published on" label before its date ("Publié le 14 mai 2025"): a date, never a place."""

from __future__ import annotations

import re

# French, Spanish, Italian, German and English labels a CMS prints before a page's date,
# with the article or preposition that may follow them: "Publié le", "Publicado el",
# "Veröffentlicht am", "Pubblicato il", "Mis en ligne le", "Publication :".
_LABEL = re.compile(
    r"(?:publi[ée]e?s?|publication|mis(?:e)?\s+en\s+ligne|mise?\s+à\s+jour|modifi[ée]e?|"
    r"publicad[oa]|publicación|fecha\s+de\s+publicación|actualizad[oa]|"
    r"pubblicat[oa]|aggiornat[oa]|"
    r"veröffentlicht|erschienen|aktualisiert|"
    r"published|posted|updated|last\s+updated)"
    r"(?:\s+(?:le|la|el|il|am|on))?\s*:?",
    re.IGNORECASE,
)


def is_publication_label(text: str) -> bool:
    """Is *text*, what precedes a date on its line, only a label of publication?"""
    return _LABEL.fullmatch(text.strip(" \t*_:")) is not None
