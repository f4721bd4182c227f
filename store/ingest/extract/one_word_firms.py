"""A firm named by one word and its legal form: "Milestone, Inc.", "Twitter, Inc.", "CP3O LLC".
The capitalised runs that find names need two words before the form; one word is a name too."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS, REGION_WORDS
from store.sanitize import fold

# One word (capitalised, or in camel case: "eBay"), a comma maybe, its legal form. The word
# before it must not be capitalised: "Acme Widgets Inc." is a longer name, read elsewhere.
_FIRM = re.compile(
    r"(?<![\w&’'.-])"
    r"(?P<name>[A-Z][A-Za-z0-9&-]{1,30}|[a-z][A-Z][A-Za-z0-9]{1,30}),?[ ]"
    r"(?:Inc\.|Inc(?![\w.])|LLC|L\.L\.C\.|Ltd\.|Ltd(?![\w.])|Corp\.|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|B\.V\.)"
    r"(?![\w-])"
)
# Plural nouns that end a longer name cut by a line break: "Securities, LLC", "Events, Inc.".
_PLURAL_NOUNS = ("ities", "ions", "ents", "ances", "ences", "ices", "ings")
_GLUED_ROLE = re.compile(r"(?:CEO|CFO|COO|CTO|CMO|CIO|EVP|SVP|VP)[A-Z][a-z]")
# The line that names who carried or sent the release, not a body it speaks of.
_DISTRIBUTED = re.compile(
    r"(?:Distributed[ ]by|Source|Via|Published[ ]by|Issued[ ]by|Provided[ ]by)[ ]?:[ ]*$"
)
_LINKS = frozenset({"of", "for", "&", "de", "du", "des", "la"})
_FORMS = (
    "Inc",
    "LLC",
    "L.L.C.",
    "Ltd",
    "Corp.",
    "GmbH",
    "AG",
    "plc",
    "PLC",
    "S.A.",
    "N.V.",
    "B.V.",
)


def one_word_firms(text: str) -> list[str]:
    """Firms named by one word and their legal form, as written, in order."""
    if not any(form in text for form in _FORMS):
        return []
    found: list[str] = []
    for m in _FIRM.finditer(text):
        word = fold(m.group("name"))
        if word in NOT_NAME_WORDS or word in REGION_WORDS:
            continue  # "The Inc.", "Today, Inc. magazine", "Delaware LLC"
        if word in ORG_WORDS or word.endswith(_PLURAL_NOUNS) or _GLUED_ROLE.match(m.group("name")):
            # "Holdings, LLC", "Securities, LLC": the end of a longer name; "CEONephros, Inc.":
            # a title glued to the firm
            continue
        lead = text[max(0, m.start() - 40) : m.start()]
        before = lead.split()
        if before and (
            (before[-1][:1].isupper() and not before[-1].endswith((",", ";", ":")))
            or (before[-1] in _LINKS and len(before) > 1 and before[-2][:1].isupper())
        ):
            continue  # "Acme Widgets Inc.", "Crown of Beauty LLC": a longer name
        if _DISTRIBUTED.search(lead):
            continue  # "Distributed by: Reportable, Inc.": the wire that carried it
        name = m.group(0).rstrip()
        if name not in found:
            found.append(name)
    return found
