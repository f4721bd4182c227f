"""Links: Markdown links recorded and reduced to their labels; unsafe targets dropped."""

import pytest

from store.ingest.extract.anatomy import extract
from store.records import Link


def test_markdown_links_in_order_and_deduplicated():
    r = extract(
        "Acme Grows\n\nRead [the report](https://acme.example/r) and [the report](https://acme.example/r)"
        " or [mail us](mailto:press@acme.example)."
    )
    assert r.links == (
        Link("the report", "https://acme.example/r"),
        Link("mail us", "mailto:press@acme.example"),
    )
    assert "Read the report and the report or mail us." in r.body


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "vbscript:msgbox",
    ],
)
def test_unsafe_links_are_dropped_but_the_label_stays(url):
    r = extract(f"Acme Grows\n\nClick [here]({url}) now.")
    assert r.links == ()
    assert "Click here" in r.body


def test_images_are_not_links_and_leave_the_body():
    r = extract("Acme Grows\n\n![logo](https://acme.example/logo.png)\n\nText.")
    assert r.links == ()
    assert "logo" not in r.body


def test_bare_addresses_become_links():
    r = extract("Acme Grows\n\nVisit https://acme.example/news. Thanks.")
    assert r.links == (Link("https://acme.example/news", "https://acme.example/news"),)


def test_link_labels_are_on_one_line():
    r = extract("Acme Grows\n\nSee [the\nreport](https://acme.example/r).")
    assert r.links == (Link("the report", "https://acme.example/r"),)


def test_escape_sequences_never_reach_a_link():
    r = extract("Acme Grows\n\nSee [here](https://evil.example/\x1b]8;;x\x1b\\y).")
    for link in r.links:
        assert "\x1b" not in link.url and "\x1b" not in link.label
