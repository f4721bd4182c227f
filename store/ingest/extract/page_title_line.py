"""A page's <title> as a crawler left it on a text's first line: the tail of the tag before it
(`dsfr--theme#update" lang="fr-FR">`), the skip link after it ("Accéder au contenu"), and the
site's sections joined to the headline ("Des enquêteurs ... - Gendinfo - Gendarmerie nationale")."""

from __future__ import annotations

import re

# The end of an HTML tag cut by the crawler: attributes, then ">".
_TAG_TAIL = re.compile(r"""^[^<>]{0,200}?=["'][^"'<>]*["'][ \t]*>[ \t]*""")
# The skip links a page opens with, glued to its title.
_SKIP_LINK = re.compile(
    r"[ \t]+(?:accéder au contenu|aller au contenu(?: principal)?|skip to (?:main )?content|"
    r"saltar al contenido(?: principal)?|ir al contenido(?: principal)?|zum inhalt springen|"
    r"direkt zum inhalt|vai al contenuto)[ \t]*$",
    re.IGNORECASE,
)
_SEPARATORS = (" | ", " — ", " – ", " - ")
_MOST_SITE_WORDS = 6
_LINES_LOOKED_AT = 600


def without_tag_residue(line: str) -> str:
    """*line* without a cut tag's attributes before it and a skip link after it."""
    if '">' in line[:300] or "'>" in line[:300]:
        line = _TAG_TAIL.sub("", line, count=1)
    return _SKIP_LINK.sub("", line)


def split_page_title(title: str, lines: list[str]) -> tuple[str, str] | None:
    """(headline, site) when *title* is a headline followed by two or more of a site's names
    ("Headline - Gendinfo - Gendarmerie nationale") and the page shows the headline again on
    a line of its own; the site is the last name, the body that owns the site."""
    for separator in _SEPARATORS:
        parts = [part.strip() for part in title.split(separator)]
        if len(parts) >= 3 and all(parts):
            break
    else:
        return None
    shown = {" ".join(line.split()) for line in lines[1:_LINES_LOOKED_AT]}
    for cut in range(len(parts) - 1, 0, -1):
        headline = separator.join(parts[:cut])
        names = parts[cut:]
        if headline in shown and all(_site_like(name) for name in names):
            return headline, names[-1]
    return None


def _site_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= _MOST_SITE_WORDS and text[:1].isupper() and not text.endswith(".")
