"""A firm named by one word and its legal form: "Milestone, Inc.", "Twitter, Inc.", "CP3O LLC".
The capitalised runs that find names need two words before the form; one word is a name too."""

from __future__ import annotations

import re
from collections.abc import Iterator

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
# The legal forms as _FIRM ends with them, after the space before them. _FIRM opens with a
# look-behind and a capital, so the engine tried it at every character; the forms are found
# first (a space the engine skips to in C, then a form), and _FIRM is tried once, where the
# word before a form starts.
_FORM = re.compile(
    r"[ ](?:Inc\.|Inc(?![\w.])|LLC|L\.L\.C\.|Ltd\.|Ltd(?![\w.])|Corp\.|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|B\.V\.)"
    r"(?![\w-])"
)
# The characters of _FIRM's name: a name starts where a run of them does, since the
# look-behind refuses each of them before it.
_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&-"
_LONGEST_NAME = 32


def _firms(text: str) -> Iterator[re.Match[str]]:
    """What ``_FIRM.finditer(text)`` yields, found from the legal forms back."""
    end = 0  # finditer goes on from the end of its last match
    for form in _FORM.finditer(text):
        at = form.start()  # the space; a comma may stand before it
        name_end = at - 1 if at and text[at - 1] == "," else at
        window = text[max(0, name_end - _LONGEST_NAME - 1) : name_end]
        start = name_end - (len(window) - len(window.rstrip(_NAME_CHARS)))
        if start < end:
            continue  # inside the last match ("Acme Inc LLC": not "Inc LLC")
        if (m := _FIRM.match(text, start)) is not None:
            end = m.end()
            yield m


def one_word_firms(text: str) -> list[str]:
    """Firms named by one word and their legal form, as written, in order."""
    found: list[str] = []
    for m in _firms(text):
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
