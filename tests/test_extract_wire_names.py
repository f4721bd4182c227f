"""The wire service that distributed a release is not among the bodies it names (issue 10:
MiningNewsWire in 331 releases of the real corpus, AINewsWire in 277)."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.wire_names import without_distributor

RELEASE = (
    "Why GoldHaven Resources Corp. Is One to Watch\n\n"
    "GoldHaven Resources Corp. (CSE: GOH) is positioning for opportunity as gold prices rise; "
    "Kinross Gold Corporation mined nearby.\n\n"
    "About GoldHaven Resources Corp.\n\n"
    "GoldHaven is a Canadian junior exploration company.\n\n"
    "About MiningNewsWire\n\n"
    "MiningNewsWire (MNW) is a specialized communications platform. It offers social media "
    "distribution via the Investor Brand Network (IBN) to nearly 2 million followers.\n\n"
    "MiningNewsWire is part of the InvestorBrandNetwork.\n"
)


def test_the_distributor_and_its_network_are_left_out() -> None:
    organisations = extract(RELEASE).organisations
    assert "MiningNewsWire" not in organisations
    assert not any("Investor Brand Network" in o for o in organisations)
    assert any(o.startswith("GoldHaven Resources") for o in organisations)
    assert "Kinross Gold Corporation" in organisations


def test_a_release_about_the_wire_keeps_it() -> None:
    found = ("AINewsWire", "Acme Labs")
    text = "AINewsWire Names New Editor\n\nAcme Labs ...\n\nAbout AINewsWire\n\nAINewsWire is ..."
    assert without_distributor(found, text, None, "AINewsWire Names New Editor") == found
    assert without_distributor(found, text, "AINewsWire", "New Editor") == found
    assert without_distributor(found, text, None, "New Editor") == ("Acme Labs",)


def test_a_text_without_a_wire_paragraph_is_unchanged() -> None:
    found = ("Business Wire", "Acme Labs")
    assert without_distributor(found, "Acme Labs signed with Business Wire.", None, "") == found


def test_the_wire_in_the_dateline_is_left_out() -> None:
    text = (
        "HONG KONG SAR - [Media OutReach Newswire](https://www.media-outreach.com/) - 16 March "
        "2026 - The Hong Kong University of Science and Technology (HKUST) launched ..."
    )
    found = ("Media OutReach Newswire", "Hong Kong University of Science and Technology (HKUST)")
    assert without_distributor(found, text, "HKUST", "HKUST Turns 35") == found[1:]


def test_the_wire_in_a_dateline_without_brackets() -> None:
    text = "HONG KONG SAR - Media OutReach Newswire - 16 March 2026 - HKUST launched ..."
    found = ("OutReach Newswire", "HKUST")
    assert without_distributor(found, text, None, "HKUST Turns 35") == ("HKUST",)
