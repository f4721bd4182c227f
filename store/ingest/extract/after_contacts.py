"""People in the prose that goes on after a contact block set near a release's head."""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.ingest.extract.boilerplate import is_boilerplate
from store.ingest.extract.codefendants import codefendants
from store.ingest.extract.people import find_people
from store.records import Contact, Person
from store.sanitize import fold

# A line this long is a paragraph of prose, not a block's name, role, phone or address.
_PARAGRAPH = 200
# A contact block is a few short lines (blank lines aside): past these, no paragraph means
# no prose after it.
_BLOCK_LINES = 12
# Paragraphs after the block that make it a header, not the release's end ("Contact: DEA
# Public Affairs / Phone Number: ... / WASHINGTON – Today, ..."): an About or a closing note
# after an end block is one paragraph, cut at its heading anyway.
_PARAGRAPHS_AFTER = 2
# A wire release's end matter after its contacts: the law and its parties, not the news
# ("Section 27A of the Securities Act of 1933", "Defendant Raghuveer Belur").
_END_MATTER = re.compile(
    r"[ \t#*]*(?i:forward[- ]looking|safe[ \t]harbou?r|cautionary|disclaimer|legal[ \t]notice"
    r"|if[ \t]you[ \t](?:purchased|acquired|bought)|this[ \t]press[ \t]release[ \t](?:may|contains))"
)


def prose_after_block(body_lines: Sequence[str], block_at: int) -> str:
    """The prose after the contact block at *block_at*, up to an About heading, an end marker
    or a footer; "" when no paragraphs of prose follow the block."""
    start = None
    short = 0
    for i in range(block_at + 1, len(body_lines)):
        if len(body_lines[i]) >= _PARAGRAPH:
            start = i
            break
        short += bool(body_lines[i].strip())
        if short > _BLOCK_LINES:
            break
    if start is None:
        return ""
    kept: list[str] = []
    paragraphs = 0
    for line in body_lines[start:]:
        if is_boilerplate(line.strip()) or _END_MATTER.match(line):
            break
        kept.append(line)
        paragraphs += len(line) >= _PARAGRAPH
    return "\n".join(kept) if paragraphs >= _PARAGRAPHS_AFTER else ""


def people_after_block(
    body_lines: Sequence[str], block_at: int | None, contacts: Sequence[Contact]
) -> list[Person]:
    """People named in the prose after a contact block near the head; the block's own
    contacts are contacts, not people named in the release's prose."""
    if block_at is None:
        return []
    prose = prose_after_block(body_lines, block_at)
    if not prose:
        return []
    named = {fold(c.name) for c in contacts if c.name}
    found = [*find_people(prose), *codefendants(prose)]  # "Defendant Jane Roe, the CEO, ..."
    return [p for p in found if fold(p.name) not in named]
