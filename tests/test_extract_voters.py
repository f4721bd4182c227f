"""People listed by a committee's vote (the FOMC's statements)."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.voters import voters

STATEMENT = """Federal Reserve issues FOMC statement

January 29, 2025

The Committee decided to maintain the target range for the federal funds rate.

Voting for the monetary policy action were Jerome H. Powell, Chair; John C. Williams, Vice Chair; Michael S. Barr; Lisa D. Cook; and Christopher J. Waller. Voting against this action was Loretta J. Mester, who preferred to lower the target range.
"""


def test_every_voter_is_a_person_named() -> None:
    names = [p.name for p in extract(STATEMENT).people]
    for name in ("Jerome H. Powell", "John C. Williams", "Michael S. Barr", "Lisa D. Cook"):
        assert name in names
    assert "Christopher J. Waller" in names and "Loretta J. Mester" in names
    assert len(names) == len(set(names))


def test_roles_and_the_end_of_the_list() -> None:
    found = voters(STATEMENT)
    assert (found[0].name, found[0].role) == ("Jerome H. Powell", "Chair")
    assert [p.name for p in found][-1] == "Loretta J. Mester"
    # A sentence, not a list of names, after the cue: nothing.
    assert voters("Voting for the measure were most of the members present.") == []
