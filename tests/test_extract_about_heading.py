"""An "About X" heading: glued to its paragraph by a page that lost the break, and the
fuller name its paragraph opens with."""

from store.ingest.extract.anatomy import extract

HEAD = (
    "Acme Reports Record Quarter\n\nDALLAS, TX -- August 21, 2026 -- Acme reported a record "
    "quarter on Thursday, with sales up by a third on the year before.\n\n"
)


def test_glued_about_heading_is_split_from_its_paragraph() -> None:
    r = extract(
        HEAD + "About StonegateStonegate Capital Partners is a capital markets advisory firm.\n"
    )
    assert r.issuer == "Stonegate Capital Partners"
    assert "StonegateStonegate Capital Partners" not in r.organisations
    assert "About Stonegate\nStonegate Capital Partners is" in r.body


def test_glued_heading_of_several_words() -> None:
    r = extract(HEAD + "About Partners GroupPartners Group is a global private markets firm.\n")
    assert r.issuer == "Partners Group"
    assert "GroupPartners" not in r.body


def test_a_name_in_camel_case_is_not_split() -> None:
    r = extract(HEAD + "About ZenaTech\n\nZenaTech is a technology company.\n")
    assert "ZenaTech" in r.body.split("\n")[-1]
    assert r.issuer == "ZenaTech"
    assert "Zena\n" not in r.body


def test_the_paragraph_names_the_issuer_in_full() -> None:
    r = extract(HEAD + "About GeoVax\n\nGeoVax Labs, Inc. is a biotechnology company.\n")
    assert r.issuer == "GeoVax Labs"
    r = extract(HEAD + "About Nicola\n\nNicola Mining Inc. (the Company) is a junior explorer.\n")
    assert r.issuer == "Nicola Mining Inc."


def test_a_paragraph_about_something_else_keeps_the_heading_name() -> None:
    r = extract(HEAD + "About Acme\n\nAcme Widgets are sold in forty countries.\n")
    assert r.issuer == "Acme"
    r = extract(HEAD + "About Acme\n\nFounded in 1990, Acme Corp is a maker of widgets.\n")
    assert r.issuer == "Acme"
