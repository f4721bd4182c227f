"""Press pages kept as their PHP source are read as the page a visitor gets, not refused or read as code."""

from __future__ import annotations

from pathlib import Path

from store.ingest.build import parse_paths
from store.ingest.discover import SourceFile, discover
from store.ingest.read import read_source
from store.ingest.readers.php_page import page_markup

# A site's press page as its repository keeps it: variables in a PHP preamble, the page a
# heredoc the script prints, the heading the title variable, Latin-1 bytes.
HEREDOC_PAGE = (
    "<?php\trequire_once($_SERVER['DOCUMENT_ROOT'] . \"/common/app.class.php\");"
    "\t$App = new App();\n"
    '\t$pageTitle \t\t= "Foundation Ships Version 2.0 of Its Widget Toolkit";\n'
    '\t$pageAuthor\t\t= "Web Editor";\n'
    "\t$html = <<<EOHTML\n"
    '<div id="maincontent">\n'
    '\t\t<h1 align="center">$pageTitle</h1>\n'
    "\t\t<h2>Press Release</h2>\n"
    "\t\t<p><strong>OTTAWA - October 15, 2007 </strong> - The Foundation today announced the "
    "availability of Widget Toolkit 2.0, said J\xfcrgen M\xfcller, its director.</p>\n"
    "\t\t<p><strong>Press Contact</strong><br/>\n"
    "\t\tJane Roe<br/>\n"
    "\t\t919-555-0196<br/>\n"
    "\t\tjane@pr.example<br/></p>\n"
    "</div>\n"
    "EOHTML;\n"
    "\t$App->generatePage($theme, $Menu, $Nav, $pageAuthor, $pageKeywords, $pageTitle, $html);\n"
    "?>\n"
).encode("latin-1")

# The other way of writing it: the page outside the PHP blocks, the title echoed.
OUTSIDE_PAGE = b"""<?php
  $page_title = 'Office Suite 1.5 Released';
  include("header.inc");
?>
<h1><?= $page_title ?></h1>
<p>BERLIN, March 3, 2006 -- The project today announced Office Suite 1.5.</p>
<?php include("footer.inc"); ?>
"""

SCRIPT = b"<?php\nclass Menu {\n  public function render() { return $this->items; }\n}\n"


def test_a_heredoc_page_gives_its_title_dateline_and_contact(tmp_path: Path) -> None:
    path = tmp_path / "20071015_release.php"
    path.write_bytes(HEREDOC_PAGE)
    result = parse_paths([str(path)])
    assert result.problems == []
    (release,) = result.releases
    assert release.title == "Foundation Ships Version 2.0 of Its Widget Toolkit"
    assert release.date == "2007-10-15"
    assert release.location == "OTTAWA"
    assert "Jürgen Müller" in release.body  # Latin-1 bytes read as such
    assert "require_once" not in release.body and "$pageTitle" not in release.body
    assert [(c.name, c.email, c.phone) for c in release.contacts] == [
        ("Jane Roe", "jane@pr.example", "919-555-0196")
    ]


def test_a_page_outside_the_php_blocks_echoes_its_title(tmp_path: Path) -> None:
    markup, title = page_markup(OUTSIDE_PAGE.decode())
    assert title == "Office Suite 1.5 Released"
    assert "<h1>Office Suite 1.5 Released</h1>" in markup
    assert "include" not in markup
    (draft,) = read_source(SourceFile("/site/announce-1.5.php", "php"), OUTSIDE_PAGE)
    assert draft.title == "Office Suite 1.5 Released"
    assert draft.text.startswith("BERLIN, March 3, 2006 -- The project")


def test_php_files_are_discovered_and_a_script_is_no_release(tmp_path: Path) -> None:
    (tmp_path / "release.php").write_bytes(HEREDOC_PAGE)
    (tmp_path / "menu.class.php").write_bytes(SCRIPT)
    found = sorted(
        (Path(s.path).name, s.format)
        for s in discover([str(tmp_path)])
        if isinstance(s, SourceFile)
    )
    assert found == [("menu.class.php", "php"), ("release.php", "php")]
    result = parse_paths([str(tmp_path)])
    assert [r.title for r in result.releases] == [
        "Foundation Ships Version 2.0 of Its Widget Toolkit"
    ]
    assert [Path(p).name for p, _ in result.problems] == ["menu.class.php"]
