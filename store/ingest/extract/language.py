"""A cheap guess of a release's language from a vote of common function words."""

from __future__ import annotations

import re
from collections import Counter

from store.ingest.extract.vocabulary import word_set

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "for",
            "that",
            "with",
            "on",
            "are",
            "as",
            "by",
            "this",
            "from",
            "be",
            "has",
            "have",
            "will",
            "it",
            "was",
            "its",
            "at",
            "an",
            "which",
            "our",
            "their",
            "who",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "pour",
            "dans",
            "sur",
            "par",
            "avec",
            "au",
            "aux",
            "qui",
            "que",
            "ce",
            "cette",
            "sont",
            "ont",
            "été",
            "nous",
            "leur",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "en",
            "es",
            "una",
            "un",
            "para",
            "por",
            "con",
            "que",
            "se",
            "su",
            "sus",
            "al",
            "como",
            "más",
            "este",
            "esta",
            "han",
            "ha",
            "fue",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "mit",
            "für",
            "von",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "zu",
            "im",
            "auf",
            "sich",
            "nicht",
            "auch",
            "wird",
            "sind",
            "bei",
            "wir",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "de",
            "do",
            "da",
            "dos",
            "das",
            "e",
            "em",
            "um",
            "uma",
            "para",
            "com",
            "por",
            "que",
            "não",
            "mais",
            "seu",
            "sua",
            "foi",
            "são",
            "pelo",
            "pela",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "del",
            "della",
            "dei",
            "e",
            "è",
            "un",
            "una",
            "per",
            "con",
            "che",
            "non",
            "sono",
            "nel",
            "alla",
            "al",
            "anche",
            "questo",
        ]
    ),
    "nl": word_set(
        "de het een en van in is op te voor met dat zijn niet ook aan door wordt bij naar"
    ),
}
_VOTERS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words:
        _VOTERS[_word] = (*_VOTERS.get(_word, ()), _lang)
_SAMPLE = 1500
_MIN_VOTES = 6
_ISO_639_1 = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def declared_language(value: str | None) -> str | None:
    """``en`` from ``en``, ``EN-us`` or ``en_GB``; ``None`` for anything else."""
    if not value:
        return None
    m = _ISO_639_1.match(value[:40])
    return m.group(1).lower() if m else None


def guess_language(text: str, *, strong: bool = False) -> str | None:
    """The language whose function words are clearly the most frequent, or ``None``.

    With *strong*, only a landslide counts (enough to overrule a declared language).
    """
    words = text[:_SAMPLE].lower().split()
    if len(words) < 8:
        return None
    votes = dict.fromkeys(_STOPWORDS, 0)
    # The function words are picked out and counted in C; only the distinct ones vote here.
    for word, count in Counter(filter(_VOTERS.__contains__, words)).items():
        for lang in _VOTERS[word]:
            votes[lang] += count
    ranked = sorted(votes.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < _MIN_VOTES or top < 1.4 * second:
        return None
    if strong and (top < 2 * _MIN_VOTES or top < 2 * second):
        return None
    return best
