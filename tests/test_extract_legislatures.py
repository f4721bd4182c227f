"""Houses of a legislature without an organisation word (issue 10)."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.legislatures import legislatures


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "A similar bill is expected soon in the House of Representatives; the House of "
            "Commons voted.",
            ["House of Representatives", "House of Commons"],
        ),
        ("a report to the President, Congress, and the public", ["Congress"]),
        # Not in a list: the Library of Congress, a congress as an event.
        ("the Library of Congress holds it; the Mobile World Congress opened", []),
        ("It met at the House of Blues.", []),
    ],
)
def test_legislatures(text: str, names: list[str]) -> None:
    assert legislatures(text) == names


def test_release_lists_them() -> None:
    text = (
        "Board Releases Report\n\n"
        "WASHINGTON, Jan. 29, 2015 – The Board made 22 recommendations directed at the "
        "Executive Branch, Congress, and the courts.\n"
    )
    assert "Congress" in extract(text).organisations
