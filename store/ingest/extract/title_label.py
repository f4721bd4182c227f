"""A headline written as a labelled field ("Titre : ...", "Título: ...", "Title: ..."), as a
transcription or a form sets it out: the label is not part of the headline."""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"(?:title|headline|titre|título|titulo|titular|titel|überschrift|titolo)[ \t]*:[ \t]+(?=\S)",
    re.IGNORECASE,
)
_MOST_LABEL_CHARS = 16


def without_title_label(headline: str) -> str:
    """*headline* without a leading "Title:" label, in English, French, Spanish, German or Italian."""
    match = _LABEL.match(headline, 0, _MOST_LABEL_CHARS + len(headline) - len(headline.lstrip()))
    return headline[match.end() :] if match else headline
