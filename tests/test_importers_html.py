"""The HTML reader: text and paragraphs, links, title, language and date of a web release."""

from __future__ import annotations

from store.ingest.discover import SourceFile
from store.ingest.read import read_source
from store.ingest.readers.html import html_to_text, looks_like_html, read_html

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Acme Newsroom | Acme opens research lab in Leeds</title>
  <meta property="article:published_time" content="2024-03-05T09:00:00+00:00">
  <style>p { color: red }</style>
  <script>document.write("tracking")</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <p class="kicker">PRESS RELEASE</p>
    <h1>Acme opens research lab   in Leeds</h1>
    <p>LEEDS, 5 March 2024 &ndash; Acme Robotics <b>today</b> opened a
       <a href="https://acme.example/lab">new&nbsp;research lab</a>.</p>
    <p>&ldquo;Leeds has the talent,&rdquo; said Jane Doe.<br>Second line.</p>
    <ul><li>Forty engineers</li><li>A &pound;2m budget</li></ul>
    <table><tr><td>Phone</td><td>+44 113 496 0000</td></tr></table>
    <p>Media contact: <a href="mailto:press@acme.example">press@acme.example</a></p>
    <noscript>Enable JavaScript</noscript>
    <div hidden><p>hidden draft <div>nested</div> paragraph</p></div>
    <p><time datetime="2023-01-01">earlier</time></p>
    <template><p>template text</p></template>
  </article>
</body>
</html>
"""


def test_web_release() -> None:
    [draft] = read_source(SourceFile("/imports/lab.html", "html"), PAGE.encode())
    assert draft.format == "html"
    assert draft.title == "Acme opens research lab in Leeds"  # the h1, not "site | headline"
    assert draft.language == "en-GB"
    assert draft.date == "2024-03-05"  # the meta wins over <time>
    text = draft.text
    assert text.startswith("[Home](/) [News](/news)\n\nPRESS RELEASE\n\nLEEDS, 5 March 2024")
    assert "Acme opens research lab" not in text  # the h1 became the title
    assert "opened a [new research lab](https://acme.example/lab)." in text
    assert "“Leeds has the talent,” said Jane Doe.\nSecond line." in text
    assert "Forty engineers\nA £2m budget" in text
    assert "Phone +44 113 496 0000" in text
    assert "[press@acme.example](mailto:press@acme.example)" in text
    for hidden in ("tracking", "color", "Enable JavaScript", "hidden draft", "nested", "template"):
        assert hidden not in text
    assert "\n\n\n" not in text


def test_title_tag_when_there_is_no_h1() -> None:
    page = html_to_text("<title>Acme opens lab</title><p>Body</p>")
    assert (page.title, page.text) == ("Acme opens lab", "Body")


def test_plain_title_is_kept_when_h1_differs() -> None:
    page = html_to_text("<title>Acme opens lab</title><h1>Newsroom</h1><p>Body</p>")
    assert page.title == "Acme opens lab"
    assert page.text == "Newsroom\n\nBody"  # the h1 stays in the text


def test_a_banner_h1_naming_the_site_is_not_the_headline() -> None:
    # The site's name in the banner, a word of the <title>: the <title> is the headline.
    page = html_to_text(
        '<title>Mozilla.org Launches Mozilla 1.0</title><h1><a href="/">Mozilla</a></h1><p>Body</p>'
    )
    assert page.title == "Mozilla.org Launches Mozilla 1.0"
    # The headline inside a longer <title> is still the heading.
    page = html_to_text("<title>Press release: Acme opens lab</title><h1>Acme opens lab</h1>")
    assert page.title == "Acme opens lab"


def test_heading_wins_over_a_title_one_word_spelled_otherwise() -> None:
    # A typo corrected in one of them: the reader sees the heading, shown once.
    page = html_to_text(
        "<title>Acme opens its reserch lab in Leeds</title>"
        "<h1>Acme opens its research lab in Leeds</h1><p>Body</p>"
    )
    assert (page.title, page.text) == ("Acme opens its research lab in Leeds", "Body")
    # Two words apart, or one word quite another: two titles, the <title> kept.
    for title in ("Acme opens its reserch lab in Lids", "Acme opens its new lab in Leeds"):
        page = html_to_text(f"<title>{title}</title><h1>Acme opens its research lab in Leeds</h1>")
        assert page.title == title


def test_time_datetime_as_date_and_bad_dates_ignored() -> None:
    assert html_to_text('<time datetime="2021-06-23T10:00">June</time>').date == "2021-06-23"
    assert html_to_text('<meta name="date" content="23/06/2021"><p>x</p>').date is None
    assert html_to_text('<time datetime="2021-02-30">x</time>').date is None


def test_dangerous_links_keep_only_their_label() -> None:
    page = html_to_text(
        '<p><a href="javascript:alert(1)">one</a> <a href=" JaVa&#x09;ScRipt:x">two</a> '
        '<a href="data:text/html,x">three</a> <a href="file:///etc/passwd">four</a> '
        '<a href="vbscript:x">five</a></p>'
    )
    assert page.text == "one two three four five"


def test_link_label_brackets_and_url_spaces_keep_the_link_whole() -> None:
    page = html_to_text('<a href="https://a.example/x y(1)">[Reuters] story</a>')
    assert page.text == "[(Reuters) story](https://a.example/x%20y%281%29)"


def test_unclosed_and_misnested_tags() -> None:
    page = html_to_text("<p>One <b>bold <i>both</b> still <a href='https://a.example'>link<p>Two")
    assert page.text == "One bold both still [link](https://a.example)\n\nTwo"


def test_head_without_closing_tag_does_not_swallow_the_body() -> None:
    page = html_to_text("<html><head><title>T</title><p>Body text</p>")
    assert page.text == "Body text"


def test_pre_keeps_line_breaks() -> None:
    assert html_to_text("<pre>line one\nline two</pre>").text == "line one\nline two"


def test_looks_like_html() -> None:
    assert looks_like_html("<p>Hello</p>")
    assert looks_like_html("Caf&eacute; &amp; bar")
    assert not looks_like_html("Plain text with a < b and AT&T")


def test_page_keywords_are_tags_not_text() -> None:
    """FSFE's news pages list their topics as <tags><tag>: each a tag of the release, none of
    them run on with the next into the text (where "European Parliament European Public Policy
    AI European Union" read as one organisation)."""
    page = (
        b'<html newsdate="2023-05-11" lang="fr"><head><title>Vote sur l\'IA</title></head>'
        b"<body><p>Le Parlement europ\xc3\xa9en a vot\xc3\xa9 aujourd'hui.</p></body>"
        b'<tags><tag key="front-page"/><tag key="ep">European Parliament</tag>'
        b'<tag key="ai">AI</tag><tag key="eu">European Union</tag></tags></html>'
    )
    (draft,) = read_html(page)
    assert draft.tags == ["European Parliament", "AI", "European Union"]
    assert "European Union" not in draft.text and "Parlement" in draft.text


def test_a_heading_below_the_sites_banner_is_the_headline() -> None:
    # mozilla.org's press pages: the logo is an <h1> linking home, the release's own heading
    # an <h1> or <h3> in the content below; the <title> is the page's label in a list.
    page = html_to_text(
        "<title>Security Bug Bounty Program Announcement</title>"
        '<h1><a href="/" title="Return to home page">Mozilla</a></h1><p>Menu</p>'
        "<h3>MOZILLA FOUNDATION ANNOUNCES SECURITY BUG BOUNTY PROGRAM</h3><p>Body</p>"
    )
    assert page.title == "MOZILLA FOUNDATION ANNOUNCES SECURITY BUG BOUNTY PROGRAM"
    assert page.text == "[Mozilla](/)\n\nMenu\n\nBody"
    # A heading linking elsewhere is no banner; nor is a section name of two words.
    page = html_to_text(
        '<title>Acme opens lab</title><h1><a href="/news/">Newsroom</a></h1><h3>Latest news</h3>'
    )
    assert page.title == "Acme opens lab"
    page = html_to_text(
        '<title>Acme opens lab</title><h1><a href="/">Acme</a></h1><h2>Latest news</h2>'
    )
    assert page.title == "Acme opens lab"


def test_a_heading_broken_by_a_subtitle_gives_its_first_line() -> None:
    # "Headline<br>Subtitle" in the <h1>, the <title> "date Press Release: Headline".
    page = html_to_text(
        "<title>2004-02-17 Press Release: Mozilla gains stronghold in Europe</title>"
        "<h1>Mozilla gains stronghold in Europe<br>Mozilla Europe founded in Paris.</h1><p>Body</p>"
    )
    assert page.title == "Mozilla gains stronghold in Europe"
    assert "Mozilla Europe founded in Paris." in page.text  # the subtitle stays in the text


def test_windows_1252_punctuation_carried_as_c1_controls_is_restored() -> None:
    page = html_to_text("<title>Acme\x92s lab</title><h3>The project\x92s \x93new\x94 lab</h3>")
    assert page.title == "Acme’s lab"
    assert page.text == "The project’s “new” lab"
    assert "\x9b" not in html_to_text("<p>a\x9b31mb\x81</p>").text


def test_a_bold_run_alone_below_the_banner_is_the_heading_when_there_is_none() -> None:
    # mozilla.org 2003: no heading element, the headline in a bold <span>, broken by a <br>.
    page = html_to_text(
        "<title>Mozilla Foundation Announcement</title>"
        '<h1><a href="/">Mozilla</a></h1><ul><li><a href="/r"><strong>Roadmap</strong></a></li></ul>'
        '<div><span style="font-weight: bold;">MOZILLA.ORG ANNOUNCES LAUNCH OF THE FOUNDATION'
        '<br>TO LEAD BROWSER EFFORTS</span><br><span style="font-weight: bold;">A subtitle</span>'
        "</div><p>Body</p>"
    )
    assert page.title == "MOZILLA.ORG ANNOUNCES LAUNCH OF THE FOUNDATION TO LEAD BROWSER EFFORTS"
    # A bold run that opens a paragraph's sentence (a dateline) is no heading.
    page = html_to_text(
        '<title>Acme opens lab</title><h1><a href="/">Acme</a></h1>'
        "<p><b>LEEDS, 4 March 2024 -</b> Acme opened its research lab in the city today.</p>"
    )
    assert page.title == "Acme opens lab"
    # The <title> as the bold run's first line (a subtitle below it, in a <pre>): it stands.
    page = html_to_text(
        '<title>Mozilla.org Launches Mozilla 1.0</title><h1><a href="/">Mozilla</a></h1>'
        "<pre><b>\nMOZILLA.ORG LAUNCHES MOZILLA 1.0\nOpen Source Browser Suite Powered by Gecko\n"
        "</b>\nMOUNTAIN VIEW, Calif. - June 5, 2002 - Mozilla.org announced</pre>"
    )
    assert page.title == "Mozilla.org Launches Mozilla 1.0"


def test_fsfe_page_data_elements_are_not_text() -> None:
    # FSFE's XHTML source: <version> and the translators are the page's data.
    page = html_to_text(
        '<html newsdate="2017-09-08"><version>1</version><head><title>T</title></head>'
        "<body><p>La FSFE publie un livre blanc.</p></body>"
        "<translators>MDDN, Stéphane, Vincent</translators></html>"
    )
    assert page.text == "La FSFE publie un livre blanc."


def test_a_dateline_whose_dash_was_lost_keeps_a_gap_before_the_lead() -> None:
    # justice.gov's archive: "<p>  WASHINGTON    Wheaton Community Hospital ..." (the dash
    # gone, its spaces left): the place is kept apart from the name that opens the lead.
    page = (
        "<html><body><h1>Hospital to Pay U.S.</h1><p>  WASHINGTON    Wheaton Community "
        "Hospital has agreed to pay $846,461 to settle allegations, the department said.</p>"
        "<p>Acme   Corp   said   so.</p></body></html>"
    )
    text = html_to_text(page).text
    assert "WASHINGTON  Wheaton Community Hospital has agreed" in text
    assert "Acme Corp said so." in text  # elsewhere, runs of spaces are one space
    [draft] = read_source(SourceFile("/imports/doj.html", "html"), page.encode())
    from store.ingest.extract.anatomy import extract

    assert extract(draft.text, title=draft.title).location == "WASHINGTON"
