"""Kicker, embargo line and headline at the top of a release; the body after them."""

import pytest

from store.ingest.extract.anatomy import extract


@pytest.mark.parametrize(
    "kicker",
    [
        "PRESS RELEASE",
        "FOR IMMEDIATE RELEASE",
        "NEWS RELEASE",
        "MEDIA ADVISORY",
        "COMMUNIQUÉ DE PRESSE",
        "COMMUNIQUE DE PRESSE",
        "NOTA DE PRENSA",
        "COMUNICADO DE PRENSA",
        "PRESSEMITTEILUNG",
        "PRESSEINFORMATION",
        "For Immediate Release:",
    ],
)
def test_kicker_then_headline(kicker):
    r = extract(f"{kicker}\n\nAcme Buys Beta for $2 Billion\n\nLONDON, 3 May 2024 – Acme said.")
    assert r.kicker == kicker.rstrip(":")
    assert r.title == "Acme Buys Beta for $2 Billion"
    assert r.body.startswith("LONDON, 3 May 2024")


def test_kicker_whitespace_is_normalised():
    assert extract("PRESS   RELEASE\n\nAcme Grows\n\nText.").kicker == "PRESS RELEASE"


def test_kicker_sharing_its_line_with_the_date():
    r = extract("FOR IMMEDIATE RELEASE - AUGUST 14, 2026\n\nUGI Begins Upgrades\n\nUGI will begin.")
    assert r.kicker == "FOR IMMEDIATE RELEASE"
    assert r.date == "2026-08-14"
    assert r.title == "UGI Begins Upgrades"


@pytest.mark.parametrize(
    "line",
    [
        "EMBARGOED UNTIL 00:01 GMT, 4 March 2024",
        "EMBARGO: 10:00 CET, 5 March 2024",
        "Under embargo until 6 June 2024, 09:00 BST",
        "Sperrfrist: 23. Juni 2021, 10:00 Uhr",
        "Embargo jusqu'au 16 octobre 2025 à 6 h",
        "Embargo hasta el 29 de mayo de 2024 a las 10:00",
    ],
)
def test_embargo_line(line):
    r = extract(f"PRESS RELEASE\n{line}\n\nNew Vaccine Approved\n\nGENEVA, 1 June 2024 – Text.")
    assert r.embargo == line
    assert r.title == "New Vaccine Approved"


def test_headline_broken_over_two_lines_is_joined():
    r = extract(
        "NEWS RELEASE\n\nCity Council Approves the 2025 Budget and a New\nPlan for Public Transport\n\n"
        "SPRINGFIELD, 2 May 2025 – The council voted."
    )
    assert r.title == "City Council Approves the 2025 Budget and a New Plan for Public Transport"


def test_dateline_line_is_not_joined_to_the_headline():
    r = extract("Acme Opens a Plant\nLYON, 3 March 2024 – Acme opened a plant.")
    assert r.title == "Acme Opens a Plant"
    assert r.location == "LYON"


@pytest.mark.parametrize("marker", ["###", "# # #", "-ENDS-", "- ENDS -", "– FIN –", "-30-"])
def test_end_marker_is_never_the_headline(marker):
    r = extract(f"{marker}\n\nAbout Acme\n\nAcme makes widgets.")
    assert r.title not in (marker, "")
    assert marker not in r.title


def test_declared_title_wins_and_the_body_keeps_its_first_paragraph():
    r = extract("Acme, the maker of widgets, grew by 20%.\n\nMore.", title="Acme Grows 20%")
    assert r.title == "Acme Grows 20%"
    assert r.body.startswith("Acme, the maker of widgets")


def test_declared_title_equal_to_the_first_line_is_not_repeated_in_the_body():
    r = extract("# Acme Grows 20%\n\nAcme grew.", title="Acme Grows 20%")
    assert r.title == "Acme Grows 20%"
    assert r.body == "Acme grew."


@pytest.mark.parametrize(
    "placeholder", ["", "  ", "Home", "Press Releases", "www.acme.com", "News"]
)
def test_placeholder_title_does_not_win_over_a_real_headline(placeholder):
    r = extract("PRESS RELEASE\n\nAcme Opens a Plant in Lyon\n\nText.", title=placeholder)
    assert r.title == "Acme Opens a Plant in Lyon"


def test_text_opening_with_its_dateline_gets_a_title_from_its_first_sentence():
    r = extract("LYON, 3 March 2024 – Acme opened a plant. It employs 200 people.")
    assert r.title
    assert r.date == "2024-03-03"
    assert "Acme opened a plant" in r.body


def test_archive_footer_is_trimmed_from_the_body():
    r = extract(
        "Acme Grows\n\nAcme grew.\n\n---\n\n[Original/Source Press Release](https://wire.example/1)"
        "\n\nPickup - [site](https://x.example/a)\n"
    )
    assert r.body == "Acme grew."
    assert r.links[0].url == "https://wire.example/1"


def test_markdown_heading_line_is_the_headline():
    r = extract("# Acme Grows\n\nBody text here.")
    assert r.title == "Acme Grows"
    assert r.body == "Body text here."
