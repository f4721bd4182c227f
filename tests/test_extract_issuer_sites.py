"""Issuers read from where a release was published when its text does not say (issue 10,
sixth round): a page whose <title> edits its heading, a record's media contacts."""

from __future__ import annotations

import json

from store.ingest.build import build_release
from store.ingest.readers.html import read_html
from store.ingest.readers.jsonform import read_json

_EP_PAGE = """<html><head>
<title>EP paves way for the use of EU funds to finance disaster recovery | News | European Parliament</title>
</head><body>
<h1>Parliament paves way for the use of EU funds to finance disaster recovery</h1>
<p>Regional development funds can be used more flexibly after natural disasters.</p>
</body></html>"""


def test_a_title_that_edits_one_word_of_the_heading_still_names_the_site() -> None:
    """europarl.europa.eu: "EP paves way ..." in the <title>, "Parliament paves way ..." as
    the heading; the site's name after them is the issuer."""
    draft = read_html(_EP_PAGE.encode())[0]
    assert draft.issuer == "European Parliament"


def test_a_title_with_another_headline_names_no_site() -> None:
    page = _EP_PAGE.replace("EP paves way for the use", "MEPs back a new plan for the use of")
    assert read_html(page.encode())[0].issuer is None
    short = _EP_PAGE.replace(
        "EP paves way for the use of EU funds to finance disaster recovery", "EP acts"
    ).replace(
        "Parliament paves way for the use of EU funds to finance disaster recovery",
        "Parliament acts",
    )
    assert read_html(short.encode())[0].issuer is None
