"""The feed reader: RSS 2.0 and Atom entries as drafts, with dates, links, tags and keys."""

from __future__ import annotations

import pytest

from store.ingest.discover import ImportProblem, SourceFile
from store.ingest.draft import Draft
from store.ingest.read import read_source, sniff
from store.records import Link

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Acme Newsroom</title>
  <link>https://acme.example/news</link>
  <language>en-us</language>
  <item>
    <title>Acme &amp; Partners open lab in Leeds</title>
    <link>https://acme.example/news/lab</link>
    <guid isPermaLink="false">acme-2024-031</guid>
    <pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
    <category>Robotics</category>
    <category>Leeds</category>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>LEEDS &ndash; Acme
      <a href="https://acme.example/lab">opened</a> a lab.</p>
      <p>Media contact: press@acme.example</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Second release</title>
    <link>https://acme.example/news/second</link>
    <description>Plain description only.</description>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Acme France</title>
  <id>urn:uuid:feed</id>
  <updated>2024-03-06T10:00:00Z</updated>
  <entry>
    <title type="html">Lancement &lt;em&gt;Acme&lt;/em&gt; &#224; Paris</title>
    <id>urn:uuid:1225c695</id>
    <link rel="alternate" href="https://acme.example/fr/lancement"/>
    <updated>2024-03-06T10:00:00Z</updated>
    <published>2024-03-04T08:00:00+01:00</published>
    <category term="industrie"/>
    <author><name>Service de presse</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>PARIS, le 4 mars 2024 &#8211; Acme lance un produit.</p>
      <p>Contact presse</p></div></content>
  </entry>
</feed>
"""


def _read(data: bytes, fmt: str = "feed") -> list[Draft]:
    return read_source(SourceFile("/imports/acme.rss", fmt), data)


def test_rss_entries() -> None:
    first, second = _read(RSS)
    assert first.format == "rss"
    assert first.title == "Acme & Partners open lab in Leeds"
    assert first.date == "2024-03-05"
    assert first.entry_key == "acme-2024-031"  # the guid
    assert first.links == [
        Link("Acme & Partners open lab in Leeds", "https://acme.example/news/lab")
    ]
    assert first.tags == ["Robotics", "Leeds"]
    assert first.language == "en-us"
    # content:encoded wins over the description, and goes through the HTML reader
    assert first.text == (
        "LEEDS – Acme [opened](https://acme.example/lab) a lab.\n\n"
        "Media contact: press@acme.example"
    )
    assert second.text == "Plain description only."
    assert second.date is None
    assert second.entry_key == "https://acme.example/news/second"  # no guid: the link


def test_atom_entry() -> None:
    [entry] = _read(ATOM)
    assert entry.format == "atom"
    assert entry.title == "Lancement Acme à Paris"
    assert entry.date == "2024-03-04"  # published, not updated
    assert entry.entry_key == "urn:uuid:1225c695"
    assert entry.links == [Link("Lancement Acme à Paris", "https://acme.example/fr/lancement")]
    assert entry.language == "fr"
    assert entry.tags == ["industrie"]
    assert entry.text == "PARIS, le 4 mars 2024 – Acme lance un produit.\n\nContact presse"


def test_sniffing_rss_and_atom_from_content() -> None:
    assert sniff(RSS) == "rss"
    assert sniff(ATOM) == "atom"
    assert [d.format for d in _read(ATOM, "auto")] == ["atom"]


def test_feed_without_entries() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(ImportProblem, match="no entries in this feed"):
        _read(empty)


def test_xml_that_is_not_a_feed() -> None:
    with pytest.raises(ImportProblem, match="not an RSS or Atom feed"):
        _read(b'<?xml version="1.0"?><catalog><book>x</book></catalog>')
