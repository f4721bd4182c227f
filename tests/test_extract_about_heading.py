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


def test_a_name_written_in_lower_case_heads_its_about_paragraph() -> None:
    # "About tZERO", "About iCoreConnect", "About mozilla.org ...": brands and sites that write
    # themselves in lower case (the real corpus has some forty such headings).
    r = extract(HEAD + "About tZERO\n\ntZERO Group is a financial technology company.\n")
    assert r.issuer == "tZERO"
    r = extract(HEAD + "About intention.ly\n\nIntention.ly is a marketing agency.\n")
    assert r.issuer == "intention.ly"
    # Not a word in lower case alone: "About us" is no body.
    assert extract(HEAD + "About us\n\nWe make widgets in Ohio since 1990.\n").issuer != "us"


def test_a_heading_that_names_the_issuer_and_its_institute_gives_the_issuer() -> None:
    r = extract(
        HEAD + "About HR.com and the HR Research Institute\n\nHR.com is the largest community.\n"
    )
    assert r.issuer == "HR.com"
    r = extract(
        HEAD + "About mozilla.org and the Mozilla Foundation\n\nMozilla.org is a group.\n\n"
        "Contact information\nMozilla Foundation:\nBart Decrem, bart@mozilla.org\n"
    )
    assert r.issuer == "mozilla.org"  # its boilerplate's name over its contact's desk


LEAD_NAMES_SECOND = (
    "Landon Capital Partners Exits iMemories in Strategic Sale to Ancestry\n\n"
    "Landon Capital Partners, a leading private equity firm, announced on July 31, 2025, the "
    "sale of iMemories to Ancestry.\n\n"
    "About iMemories\n\niMemories digitizes home movies and photos for families.\n\n"
    "About Landon Capital Partners\n\nLandon Capital Partners is a private equity firm.\n"
)


def test_of_several_about_paragraphs_the_issuer_is_the_one_the_lead_names_first() -> None:
    assert extract(LEAD_NAMES_SECOND).issuer == "Landon Capital Partners"
    # The lead naming neither: the first paragraph's body, as before.
    other = LEAD_NAMES_SECOND.replace("Landon Capital Partners, a leading", "A leading")
    other = other.replace("\nLandon Capital Partners is", "\nThe firm is")
    assert extract(other).issuer == "iMemories"


def test_a_site_address_over_the_boilerplate_gives_the_body_whose_name_it_spells() -> None:
    text = (
        HEAD + "About engleservicesheatingandair.com\n\nengleservicesheatingandair.com is a "
        "heating company.\n\nMedia Contact\n\nJim Engle\nEngle Services LLC\n"
        "jim@engleservices.example\n"
    )
    r = extract(text)
    assert r.issuer == "Engle Services LLC"
    # A contact of another body leaves the site's name.
    assert extract(text.replace("Engle Services LLC", "Acme Media LLC")).issuer == (
        "engleservicesheatingandair.com"
    )


def test_the_lead_names_the_issuer_longer_than_its_about_heading() -> None:
    # A company's products get "About" paragraphs before its own; the lead names it in
    # full after what is left of the dateline ("May 14, 2026 (NEWMEDIAWIRE) - ").
    r = extract(
        "GeoVax Reports First Quarter Results\n\n"
        "ATLANTA, GA - May 14, 2026 (NEWMEDIAWIRE) - GeoVax Labs, Inc. (Nasdaq: GOVX), a "
        "biotechnology company, today reported results for the quarter.\n\n"
        "About GEO-MVA\n\nGEO-MVA is a vaccine candidate for mpox and smallpox.\n\n"
        "About Gedeptin\n\nGedeptin is a gene therapy for solid tumours.\n\n"
        "About GeoVax\n\nGeoVax Labs, Inc. is a clinical-stage biotechnology company.\n"
    )
    assert r.issuer == "GeoVax Labs"


def test_about_heading_run_into_its_paragraph_with_a_space() -> None:
    """ "About Western Union The Western Union Company (NYSE: WU) is ...": the heading's name,
    not the line up to the colon; and an About paragraph with no colon in reach is read."""
    lead = (
        "Total Wireless Expands Partnership with Western Union\n\nNEW YORK, NY — August 18, "
        "2026 — Total Wireless today announced an expanded partnership with Western Union.\n\n"
    )
    tail = (
        "About Total Wireless Total Wireless is a fast-growing, no-contract wireless provider "
        "covered by the Verizon 5G network, with 2,000 exclusive stores across the country.\n\n"
        "About Western Union The Western Union Company (NYSE: WU) is committed to helping "
        "people around the world.\n"
    )
    assert extract(lead + tail).issuer == "Total Wireless"  # the lead's, of the two
    only_partner = extract(lead + tail.split("\n\n")[1])
    assert only_partner.issuer == "Western Union Company"


def test_a_heading_whose_name_repeats_is_not_run_into_a_paragraph() -> None:
    """ "About Duo Duo Project:" is a heading of its own: the paragraph does not go on as a
    sentence after the repeated word."""
    r = extract(HEAD + "About Duo Duo Project:\nA project for two.\n")
    assert r.issuer == "Duo Duo Project"


def test_a_heading_read_up_to_its_tickers_colon_loses_the_open_bracket() -> None:
    r = extract(HEAD + "About Massimo Group (NASDAQ: MAMO)\nMassimo Group makes vehicles.\n")
    assert r.issuer == "Massimo Group"
