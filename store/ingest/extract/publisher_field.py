"""The issuer a page states in a labelled field: a CMS's "Author" box naming a body
("Author" / "Directorate-General for Energy"), or a collector's "Publisher:"
line at the head or the foot of the text ("Publisher: Guardia Civil — Portal Web ...")."""

from __future__ import annotations

import re

from store.ingest.extract.organisations import is_org_word

# A label on its own line, its value on the next one: only a body is taken ("Author" over a
# person's name is a byline, not an issuer).
_LABEL_ALONE = re.compile(r"(?:author|auteur|autor|autore|verfasser)[ \t]*:?", re.IGNORECASE)
# A label and its value on one line. Not "Source:": it credits a chart or a figure ("Source:
# CoinGlass"), a syndicator ("Source: ... Family Features") or the wire as often as the issuer.
_LABEL_INLINE = re.compile(
    r"(?:publisher|published by|publicado por|publié par|éditeur|herausgeber)"
    r"[ \t]*:[ \t]*(?P<value>\S.*)",
    re.IGNORECASE,
)
# Where the value ends: a country in brackets, a comma, a dash before the site or a desk.
_VALUE_END = re.compile(r"[ \t]*(?:\(|,|;| — | – | - | \| |https?://)")
_HEAD_LINES = 12
_FOOT_LINES = 6
_MOST_WORDS = 8


def labelled_publisher(lines: list[str]) -> str | None:
    """The body a labelled field near the head or the foot of *lines* names as the publisher."""
    head = lines[:_HEAD_LINES]
    foot = lines[-_FOOT_LINES:] if len(lines) > _HEAD_LINES else []
    for part in (head, foot):
        for index, line in enumerate(part):
            stripped = line.strip(" \t*_")
            if _LABEL_ALONE.fullmatch(stripped):
                value = next((v.strip() for v in part[index + 1 : index + 3] if v.strip()), "")
                if _body_like(value):
                    return value
                continue
            inline = _LABEL_INLINE.match(stripped)
            if inline is not None:
                value = _VALUE_END.split(inline.group("value"), maxsplit=1)[0].strip(" \t*_.")
                if _name_like(value):
                    return value
    return None


def _name_like(value: str) -> bool:
    words = value.split()
    return (
        1 <= len(words) <= _MOST_WORDS
        and value[:1].isupper()
        and "@" not in value
        and "/" not in value
        and not any(ch.isdigit() for ch in value)
    )


def _body_like(value: str) -> bool:
    return _name_like(value) and any(is_org_word(word) for word in value.replace("-", " ").split())
