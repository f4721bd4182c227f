"""A second contact's heading inside a contact block ("Weitere Informationen:") is no name."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest.build import parse_paths

RELEASE = """Acme eröffnet neues Werk

BERLIN, 27. Juni 2007 -- Acme hat heute ein neues Werk in Berlin eröffnet.

Das Werk beschäftigt 200 Menschen.

{press}:
Alin Frädrich
saalto Agentur und Redaktion GmbH
Tel. +49 (0)721-160 88 78
eMail: alin@saalto.de

{more}:
Ralph Müller
Director, Eclipse Ecosystems - Europe
eMail: ralph.mueller@eclipse.org
"""


@pytest.mark.parametrize(
    ("press", "more"),
    [
        ("Pressekontakt", "Weitere Informationen"),
        ("Pressekontakt", "Mehr Informationen"),
        ("Contact presse", "Plus d'informations"),
        ("Contacto de prensa", "Más información"),
        ("Press contact", "Further Information"),
    ],
)
def test_the_second_heading_opens_the_next_contact(tmp_path: Path, press: str, more: str) -> None:
    path = tmp_path / "release.txt"
    path.write_text(RELEASE.format(press=press, more=more), encoding="utf-8")
    (release,) = parse_paths([str(path)]).releases
    names = [contact.name for contact in release.contacts]
    assert names == ["Alin Frädrich", "Ralph Müller"]
    assert release.contacts[1].email == "ralph.mueller@eclipse.org"
