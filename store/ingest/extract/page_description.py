"""A web page a crawler saved as text, opening with the page's meta description as a paragraph of
its own, then the page's <title>: the description is the standfirst the page prints again, not
the headline ("American small businesses are invited to ..." over "DOE Announces $10M ... |
Department of Energy")."""

from __future__ import annotations

import re

from store.ingest.extract.site_title import split_site_title

# A description is a sentence or two: shorter is a title, a kicker or a date.
_MIN_WORDS = 8
_MAX_TITLE_WORDS = 30
# How the crawler marks a description it cut.
_TRUNCATED = "[truncated]"
# How a description ends: a sentence's end, or the ellipsis of a cut ("is the…", "...").
_SENTENCE_END = re.compile(r"(?:[.!?…][\"”’)]?|\.\.\.)$")
# How a cut description ends: an ellipsis, or the word the cut fell in.
_CUT = re.compile(r"(?:…|\.\.\.|\s\S*)$")
# The description's opening that finds the standfirst again under the page's heading.
_OPENING_CHARS = 50
_LINES_LOOKED_AT = 400
# The .gov banner a page saved as text carries under its title line.
_GOV_BANNER = ("official website of the United States", "how you know")
_BANNER_AT = 1500


def without_description(text: str) -> tuple[str, str | None]:
    """*text* from the page's title line on, and the description, when it opens with the page's
    description; *text* itself and None otherwise.

    The description is one line (with the crawler's ``[truncated]`` mark under it when it was
    cut) ending a sentence, a blank line under it, then a title-like line; the page prints
    the description again as a line of its own below (the standfirst, or the lead it was cut
    from)."""
    head = text.lstrip("\n")
    lines = head.split("\n", _LINES_LOOKED_AT + 1)[:_LINES_LOOKED_AT]
    first = lines[0].strip()
    at = 1
    if len(lines) > at and lines[at].strip() == _TRUNCATED:
        at += 1
    elif not _SENTENCE_END.search(first):
        return text, None
    if len(first.split()) < _MIN_WORDS or len(lines) <= at + 1 or lines[at].strip():
        return text, None
    title_at = next((i for i in range(at, len(lines)) if lines[i].strip()), None)
    if title_at is None:
        return text, None
    title = lines[title_at].strip()
    if len(title.split()) > _MAX_TITLE_WORDS or title.endswith("."):
        return text, None
    # Printed again whole, or from its start when the crawler cut it: a company's name opening
    # both a lead and its "About" paragraph is no description printed twice.
    said = " ".join(_CUT.sub("", _first_sentence(first)).split())
    if not any(" ".join(line.split()).startswith(said) for line in lines[title_at + 1 :]):
        return text, None
    return "\n".join(head.split("\n")[title_at:]), said[:_OPENING_CHARS]


# How far under the page's heading its standfirst (the description printed again) is looked for.
_STANDFIRST_LINES = 6


def after_standfirst(lines: list[str], start: int, description: str) -> int | None:
    """The index of the line after the page's standfirst, the description it printed again
    near *start* (the body's first lines), where the lead and its dateline come; None when
    the page does not print it there."""
    for index in range(start, min(len(lines), start + _STANDFIRST_LINES)):
        if " ".join(lines[index].split()).startswith(description):
            return index + 1
    return None


# A sentence's end inside a description that runs on into another (a meta description made
# of the lead and a later paragraph).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"‘])")


def _first_sentence(description: str) -> str:
    """The description's first sentence of at least _MIN_WORDS words, or all of it."""
    for found in _SENTENCE_BREAK.finditer(description):
        sentence = description[: found.start() + 1]
        if len(sentence.split()) >= _MIN_WORDS:
            return sentence
    return description


def gov_title_site(text: str) -> str | None:
    """The site's name a .gov page saved as text writes after its headline on its title line
    ("Five Eyes Cyber Security Agencies Statement | CISA", "... | Department of Energy"), when
    the .gov banner follows the title and the page shows the headline again on its own line:
    the issuer when the text names none, and the mark of a page whose dateline is under its
    heading (ice.gov's "January 24, 2025 Portland , ME , United States")."""
    head = text.lstrip()[:_BANNER_AT]
    if not any(mark in head for mark in _GOV_BANNER):
        return None
    lines = text.lstrip().split("\n", _LINES_LOOKED_AT + 1)[:_LINES_LOOKED_AT]
    title = lines[0].strip()
    if title.count(" | ") != 1:
        return None  # several parts: parent_body and office_title read those
    split = split_site_title(title, lines)
    if split is None:
        return None
    headline, site = split
    if headline != title.split(" | ", 1)[0].strip():
        return None  # the site before the headline: not this page's shape
    # "FinCEN.gov": the body, not its address.
    return site[: -len(".gov")] if site.casefold().endswith(".gov") else site
