"""People listed in a column beside a letterhead's text, as a PDF's text keeps them: "BOARD
MEMBERS" and their names down the left margin, the release's lines to their right."""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.ingest.extract.vocabulary import ROLE_WORDS
from store.records import Person
from store.sanitize import fold

# The column's heading, in capitals, alone in its cell ("BOARD" over "MEMBERS" is the same).
_HEADINGS = frozenset(
    {
        "MEMBERS",
        "BOARD MEMBERS",
        "COMMISSIONERS",
        "TRUSTEES",
        "BOARD OF TRUSTEES",
        "BOARD OF DIRECTORS",
        "COUNCIL MEMBERS",
        "COUNCILMEMBERS",
    }
)
_CUES = ("MEMBERS", "COMMISSIONERS", "TRUSTEES", "DIRECTORS")
# The gap between the column and the text beside it.
_GAP = re.compile(r"[ \t]{3,}")
_NAME = re.compile(r"([A-Z][a-z’'-]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+){1,2})(,?)")
_WORD = re.compile(r"[A-Z][a-z’'-]+")
# A column's cells are short; a longer line starting at the margin is the text's own.
_CELL = 40
# Lines looked at below the heading, and left-empty ones in a row that end the column.
_LINES = 40
_EMPTY_RUN = 5


def _cell(line: str) -> str:
    """The left column's part of *line*: "" where the line starts with the text beside it."""
    if not line[:1].strip():
        return ""
    gap = _GAP.search(line)
    cell = line[: gap.start()] if gap else line
    return cell.strip() if len(cell) <= _CELL else "\x00"


def _is_role(word: str) -> bool:
    return fold(word) in ROLE_WORDS


def sidebar_people(lines: Sequence[str]) -> list[Person]:
    """The names in a letterhead's column under a heading such as "BOARD MEMBERS", each with
    the role in the cell below it ("David Medine," / "Chairman"); a surname carried to the
    next line is joined ("Elisebeth Collins" / "Cook")."""
    heading_at = None
    for i, line in enumerate(lines[:_LINES]):
        if line[:1].isupper() and any(c in line for c in _CUES) and _cell(line) in _HEADINGS:
            heading_at = i
            break
    if heading_at is None:
        return []
    people: list[list[str | None]] = []  # [name, role]
    open_name = False  # the last name had no comma after it: its surname may go on below
    empty = 0
    for line in lines[heading_at + 1 : heading_at + 1 + _LINES]:
        cell = _cell(line)
        if not cell:
            empty += 1
            if empty > _EMPTY_RUN:
                break
            continue
        empty = 0
        named = _NAME.fullmatch(cell)
        if named and not any(_is_role(w) for w in named.group(1).split()):
            people.append([named.group(1), None])
            open_name = not named.group(2)
        elif _WORD.fullmatch(cell) and people:
            if _is_role(cell):
                people[-1][1] = people[-1][1] or cell  # "Chairman" below "David Medine,"
            elif open_name:
                people[-1][0] = f"{people[-1][0]} {cell}"  # "Cook" below "Elisebeth Collins"
            else:
                break
            open_name = False
        else:
            break
    return [Person(str(name), role) for name, role in people] if len(people) >= 2 else []
