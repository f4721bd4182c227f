"""A firm named by one word and its legal form: "Milestone, Inc.", "Twitter, Inc.", "CP3O LLC".
The capitalised runs that find names need two words before the form; one word is a name too."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, REGION_WORDS
from store.sanitize import fold

# One word (capitalised, or in camel case: "eBay"), a comma maybe, its legal form. The word
# before it must not be capitalised: "Acme Widgets Inc." is a longer name, read elsewhere.
_FIRM = re.compile(
    r"(?<![\w&’'.-])"
    r"(?P<name>[A-Z][A-Za-z0-9&-]{1,30}|[a-z][A-Z][A-Za-z0-9]{1,30}),?[ ]"
    r"(?:Inc\.|Inc(?![\w.])|LLC|L\.L\.C\.|Ltd\.|Ltd(?![\w.])|Corp\.|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|B\.V\.|AB)"
    r"(?![\w-])"
)
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
    "AB",
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
        before = text[max(0, m.start() - 40) : m.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].endswith((",", ";", ":")):
            continue  # "Acme Widgets Inc.": a longer name, read by the capitalised runs
        name = m.group(0).rstrip()
        if name not in found:
            found.append(name)
    return found
