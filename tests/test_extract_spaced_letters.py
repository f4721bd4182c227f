"""Letterheads in spaced capitals read as words, and the body they name taken as the issuer
when the release names it again, in full or by its initials."""

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.spaced_letters import collapse_spaced


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("P R E S S  R E L E A S E", "PRESS RELEASE"),
        # The layout's gaps inside a word (a justified PDF line) are wider than the words' gap.
        (
            "   P R I V A C Y   &   C I V I L   L I B E            R T I E S   B O A R       D",
            "PRIVACY & CIVIL LIBERTIES BOARD",
        ),
        (
            "U N I T E D  S T A T E S  S E N A T E      July 17, 2013",
            "UNITED STATES SENATE July 17, 2013",
        ),
        # Ordinary text, and a few single letters, are left as they are.
        ("Acme opens a lab in Leeds", "Acme opens a lab in Leeds"),
        ("Plan B is A OK", "Plan B is A OK"),
    ],
)
def test_spaced_capitals_read_as_words(line: str, words: str) -> None:
    assert collapse_spaced(line) == words


LETTER = (
    "P R I V A C Y   &   C I V I L   L I B E          R T I E S   O V E R S I G H T   "
    "B O A R         D\n\n"
    "October 2, 2013\n\n"
    "The {name} has been notified by a significant number of witnesses that they are unable "
    "to testify at the public hearing, and it deems it necessary to reschedule the event.\n"
)


def test_spaced_letterhead_named_again_by_its_initials_is_the_issuer() -> None:
    found = extract(LETTER.format(name="PCLOB"))
    assert found.issuer == "PRIVACY & CIVIL LIBERTIES OVERSIGHT BOARD"


def test_spaced_letterhead_the_release_never_names_is_no_issuer() -> None:
    assert extract(LETTER.format(name="Board")).issuer is None
