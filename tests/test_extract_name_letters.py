"""Names written with letters beyond Latin-1 (Polish, Czech, Turkish, Croatian...) are read
whole, not cut at their first such letter."""

from __future__ import annotations

import pytest

from store.ingest.extract.people import find_people


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "“We act,” said Maroš Šefčovič, Vice-President of the Commission.",
            [("Maroš Šefčovič", "Vice-President")],
        ),
        (
            "En septembre, Yaprak Baltacıoğlu, secrétaire du Conseil du Trésor, a lancé la "
            "recherche.",
            [("Yaprak Baltacıoğlu", "secrétaire du Conseil du Trésor")],
        ),
        ("“Yes,” said Lech Wałęsa.", [("Lech Wałęsa", None)]),
        ("“Fine,” said Recep Tayyip Erdoğan.", [("Recep Tayyip Erdoğan", None)]),
        ("“Good,” said Vít Jedlička, President of Liberland.", [("Vít Jedlička", "President")]),
    ],
)
def test_a_name_with_letters_beyond_latin_1_is_read_whole(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    assert [(p.name, p.role) for p in find_people(text)] == found
