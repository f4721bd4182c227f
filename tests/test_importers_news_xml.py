"""XML that is not a feed (a site's own news format) and .xhtml pages are read, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest.build import parse_paths
from store.ingest.discover import ImportProblem, SourceFile, discover
from store.ingest.read import read_source
from store.ingest.readers.news_xml import root_name

DEVSET = Path(__file__).resolve().parent / "devset"
FSFE = DEVSET / "fsfe-news-20221104-01.es.xhtml"

AGENCY = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- the agency's own news format -->
<news xmlns="urn:example:news" published="2024-03-05" xml:lang="en">
  <headline>Agency opens a new office in Lyon</headline>
  <body>
    <para>LYON, France \xe2\x80\x93 The Agency opened its third office today.</para>
    <para>Media contact: Jane Doe, jane.doe@agency.example, +33 4 72 00 00 00</para>
  </body>
</news>
"""


def test_xhtml_is_discovered_as_html(tmp_path: Path) -> None:
    (tmp_path / "news-1.en.xhtml").write_bytes(FSFE.read_bytes())
    found = [s for s in discover([str(tmp_path)]) if isinstance(s, SourceFile)]
    assert [(Path(s.path).name, s.format) for s in found] == [("news-1.en.xhtml", "html")]


def test_a_site_news_page_saved_as_xml_is_one_release(tmp_path: Path) -> None:
    """FSFE's news source: <html newsdate="2022-11-04"> with a <version> and <tags>; named
    .xml it used to be refused as "not an RSS or Atom feed"."""
    path = tmp_path / "news-20221104-01.es.xml"
    path.write_bytes(FSFE.read_bytes())
    result = parse_paths([str(path)])
    assert result.problems == []
    (release,) = result.releases
    assert release.title.startswith("Abierta la segunda edición")
    assert release.date == "2022-11-04"  # the root's newsdate, not the path
    assert release.language == "es"
    assert "Youth Hacking 4 Freedom" in release.body and "<p>" not in release.body


def test_an_xml_news_format_gives_title_date_body_and_contact(tmp_path: Path) -> None:
    (draft,) = read_source(SourceFile("/imports/lyon.xml", "feed"), AGENCY)
    assert draft.title == "Agency opens a new office in Lyon"
    assert draft.date == "2024-03-05"
    assert draft.language == "en"
    assert draft.text.split("\n\n")[0] == "LYON, France – The Agency opened its third office today."
    assert "Agency opens" not in draft.text  # the title is not repeated as a paragraph
    (tmp_path / "lyon.xml").write_bytes(AGENCY)
    result = parse_paths([str(tmp_path / "lyon.xml")])
    (release,) = result.releases
    assert release.location == "LYON, France"
    assert [(c.name, c.email) for c in release.contacts] == [
        ("Jane Doe", "jane.doe@agency.example")
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        # Entity expansion and external entities: refused before any parser expands them.
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE n [<!ENTITY a "aaaaaaaaaa">]>\n'
            b"<n><title>&a;&a;</title><p>x</p></n>",
            "entities",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE n SYSTEM "file:///etc/passwd">\n'
            b"<n><title>t</title><p>x</p></n>",
            "DTD",
        ),
        (b"<n><title>t</title><p>unclosed</n>", "nor well-formed XML"),
        # Not XML at all: a feed's URL or a path given as the content (SECURITY.md P4).
        (b"/etc/passwd", "not an RSS or Atom feed"),
    ],
)
def test_hostile_or_broken_xml_is_one_clear_problem(data: bytes, reason: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        read_source(SourceFile("/imports/bad.xml", "feed"), data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_feed_is_still_read_as_a_feed() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Acme</title>'
        b"<item><title>One</title><description>Body one.</description></item>"
        b"</channel></rss>"
    )
    (draft,) = read_source(SourceFile("/imports/acme.xml", "feed"), rss)
    assert draft.format == "rss" and draft.title == "One"


def test_root_name_skips_the_declaration_and_comments() -> None:
    assert root_name(AGENCY) == "news"
    assert root_name(FSFE.read_bytes()) == "html"
    assert root_name(b"<?xml version='1.0'?><x:Page xmlns:x='urn:x'/>") == "page"
    assert root_name(b"no markup") is None


def test_xml_without_title_or_date_is_still_refused() -> None:
    with pytest.raises(ImportProblem, match="nor a news page"):
        read_source(
            SourceFile("/imports/books.xml", "feed"),
            b'<?xml version="1.0"?><catalog><book>x</book></catalog>',
        )
