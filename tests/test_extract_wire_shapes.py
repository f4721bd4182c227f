"""Title, date, dateline place and contacts in the shapes of wire, EU, UN and EIN releases."""

from __future__ import annotations

import re

import pytest

from store.ingest.extract.anatomy import extract


def _contacts(text: str) -> list[dict[str, str | None]]:
    found = [c.to_json() for c in extract(text).contacts]
    digits = re.sub(r"\D", "", text)
    for contact in found:  # never invented: every email and phone is in the text
        assert contact["email"] is None or contact["email"] in text
        assert contact["phone"] is None or re.sub(r"\D", "", contact["phone"]) in digits
    return found


@pytest.mark.parametrize(
    ("opening", "place", "date"),
    [
        (
            "SAN FRANCISCO--(BUSINESS WIRE)--March 4, 2024--Zentrix, Inc. today reported results.",
            "SAN FRANCISCO",
            "2024-03-04",
        ),
        (
            "COLOMBO, SRI LANKA- Media OutReach Newswire - 9 July 2026 - On July 4, 2026, the event "
            "took place in Colombo.",
            "COLOMBO, SRI LANKA",
            "2026-07-09",
        ),
        (
            "Washington, D.C. — Today, U.S. Senator Maria Ruiz introduced legislation on broadband.",
            "Washington, D.C.",
            None,
        ),
        (
            "Dallas, Texas USA - Today marks a milestone as Solvation makes its debut.",
            "Dallas, Texas USA",
            None,
        ),
    ],
)
def test_dateline_shapes(opening: str, place: str, date: str | None) -> None:
    parts = extract(f"Acme announces results\n\n{opening}\n\nMore text follows here.")
    assert (parts.location, parts.date) == (place, date)


def test_an_ordinary_sentence_with_a_dash_is_no_undated_dateline() -> None:
    parts = extract("Acme launches Beta\n\nAcme Corp, the leader — in its own words — said so.")
    assert parts.location is None


@pytest.mark.parametrize(
    ("text", "kicker", "title", "date", "place"),
    [
        (
            "Press release | 4 March 2024 | Brussels\n\nCouncil adopts new rules on packaging "
            "waste\n\nThe Council today adopted a regulation.",
            "Press release",
            "Council adopts new rules on packaging waste",
            "2024-03-04",
            "Brussels",
        ),
        (
            "WHO welcomes new funding for polio eradication\n\n4 March 2024 | News release | Geneva"
            "\n\nThe World Health Organization today welcomed new pledges.",
            "News release",
            "WHO welcomes new funding for polio eradication",
            "2024-03-04",
            "Geneva",
        ),
        (
            "European Commission - Press release\n\nCommission approves Italian hydrogen scheme\n\n"
            "Brussels, 4 March 2024\n\nThe European Commission has approved a scheme.",
            "Press release",
            "Commission approves Italian hydrogen scheme",
            "2024-03-04",
            "Brussels",
        ),
        (
            "SG/SM/22145\n4 March 2024\n\nSecretary-General Condemns Attack on Peacekeepers in "
            "Mali\n\nThe following statement was issued today.",
            None,
            "Secretary-General Condemns Attack on Peacekeepers in Mali",
            "2024-03-04",
            None,
        ),
        (
            "Meetings Coverage and Press Releases\n\nSecurity Council Extends Mandate of Mission\n\n"
            "SC/15612\n4 March 2024\n\nThe Security Council today extended the mandate.",
            None,
            "Security Council Extends Mandate of Mission",
            "2024-03-04",
            None,
        ),
    ],
)
def test_eu_and_un_header_lines(
    text: str, kicker: str | None, title: str, date: str, place: str | None
) -> None:
    parts = extract(text)
    assert (parts.kicker, parts.title, parts.date, parts.location) == (kicker, title, date, place)


def test_a_subtitle_in_other_words_does_not_replace_the_declared_headline() -> None:
    text = (
        "Enhance Revenue with Expert Outsourced Medical Billing Solutions\n\n"
        " Tampa, United States - May 16, 2025 / Ascendant Medical /\n\n"
        "Ascendant Medical rises as a crucial ally."
    )
    parts = extract(text, title="Boost Revenue with Tailored Medical Billing Solutions")
    assert parts.title == "Boost Revenue with Tailored Medical Billing Solutions"
    assert (parts.location, parts.date) == ("Tampa, United States", "2025-05-16")


def test_a_kicker_below_the_dateline_does_not_hide_it() -> None:
    text = (
        "Achieve High-Quality Pool Design Through Citiscapes\n\n"
        " Surprise, United States - December 27, 2024 / Citiscapes /\n\n"
        " FOR IMMEDIATE RELEASE\n\nCitiscapes builds pools."
    )
    parts = extract(text, title="Citiscapes Elevates Pool Design in Phoenix Area")
    assert (parts.location, parts.date) == ("Surprise, United States", "2024-12-27")


def test_labelled_fields_lose_their_labels() -> None:
    text = (
        "Body.\n\nMedia contact\n\nContact: Karl T. Guzman\n\nCompany Name: Encrytionswap\n\n"
        "Position: CEO\n\nWebsite: https://trade.encrytionswap.com\n\nEmail: Guzman@encrytionswap.com"
    )
    assert _contacts(text) == [
        {
            "name": "Karl T. Guzman",
            "role": "CEO",
            "organisation": "Encrytionswap",
            "email": "Guzman@encrytionswap.com",
            "phone": None,
        }
    ]


def test_glued_name_firm_and_address() -> None:
    text = (
        "Body.\n\nFor more information on Mobilicom, please contact:Liad GelferMobilicom "
        "Ltdliad.gelfer@mobilicom.com\n\nAbout Ladenburg Thalmann\n\nLadenburg Thalmann is a firm.\n\n"
        "Ladenburg Thalmann Contact:Mark Greenmgreen@ladenburg.com800.995.5267https://www.ladenburg.com"
    )
    assert [(c["name"], c["organisation"], c["email"], c["phone"]) for c in _contacts(text)] == [
        ("Liad Gelfer", "Mobilicom Ltd", "liad.gelfer@mobilicom.com", None),
        ("Mark Green", "Ladenburg Thalmann", "mgreen@ladenburg.com", "800.995.5267"),
    ]


def test_hyphenated_surname_glued_to_initials_address() -> None:
    text = "Body.\n\nFor further information:\nMerlin Marr-Johnsonmmj@oxbridgebio.example\n"
    assert [(c["name"], c["email"]) for c in _contacts(text)] == [
        ("Merlin Marr-Johnson", "mmj@oxbridgebio.example")
    ]


def test_two_people_share_one_set_of_numbers() -> None:
    text = (
        "Body.\n\nContactsInvestor Relations:Haier Smart Home (Hong Kong)T: +852 2169 0000E: "
        "ir@haier.hk Media Contacts: CROSS ALLIANCE communication GmbHIrmi Aigner / Sven PaulyT: "
        "+49 (0) 89 1250903 33E: ia@crossalliance.de"
    )
    assert [(c["name"], c["organisation"], c["email"]) for c in _contacts(text)] == [
        (None, "Haier Smart Home (Hong Kong)", "ir@haier.hk"),
        ("Irmi Aigner", "CROSS ALLIANCE communication GmbH", "ia@crossalliance.de"),
        ("Sven Pauly", "CROSS ALLIANCE communication GmbH", "ia@crossalliance.de"),
    ]


def test_eu_surnames_in_capitals_and_phones_with_five_digit_groups() -> None:
    text = "Body.\n\nPress contacts:\nLea ZUBER (+32 2 29 56298)\nNina RAMBOW (+32 2 298 21 63)\n"
    assert [(c["name"], c["phone"]) for c in _contacts(text)] == [
        ("Lea ZUBER", "+32 2 29 56298"),
        ("Nina RAMBOW", "+32 2 298 21 63"),
    ]


def test_ein_presswire_block_with_and_without_its_heading() -> None:
    glued = (
        "Body.\n\nContactMike Will RapidFire Safety & Security Email Us Here\n St. Louis, Missouri"
        "\nUnited States\n3146028918\nVisit Our Website"
    )
    assert [(c["name"], c["organisation"], c["phone"]) for c in _contacts(glued)] == [
        ("Mike Will", "RapidFire Safety & Security", "3146028918")
    ]
    bare = (
        "Helios Energy S.L. has secured financing for a 150 MW solar park in Extremadura.\n\n"
        "Carlos Ortega\nHelios Energy S.L.\n+34 91 555 0142\nemail us here\n"
        "Visit us on social media:\nLinkedIn\n"
    )
    assert [(c["name"], c["organisation"], c["phone"]) for c in _contacts(bare)] == [
        ("Carlos Ortega", "Helios Energy S.L.", "+34 91 555 0142")
    ]


def test_a_firm_named_twice_is_no_person_and_places_are_no_firm() -> None:
    text = (
        "Body.\n\nContact Information:\n Ascendant Medical\n1646 W Snow Ave  Tampa, Florida "
        "33606United States\n Ascendant Medical +1(813) 444-7212 https://ascendantmedical.com"
    )
    assert [(c["name"], c["organisation"], c["phone"]) for c in _contacts(text)] == [
        (None, "Ascendant Medical", "+1(813) 444-7212")
    ]
    ranch = (
        "Body.\n\nContact:\nWilson Valley Mercantile Evans Ranch, Wilson Valley, Texas Email: "
        "john@evansranch.net"
    )
    assert [(c["name"], c["email"]) for c in _contacts(ranch)] == [(None, "john@evansranch.net")]


def test_firm_line_before_each_person() -> None:
    text = (
        "Body.\n\n Media Contacts\n NewsRamp.com\n Mark Willaman\n mark@newsramp.com\n PRConnect\n"
        " Wing Yu\n info@prconnect.com\n Comtex News Network\n Kan Devnani\n sales@comtex.com\n"
    )
    assert [(c["name"], c["organisation"]) for c in _contacts(text)] == [
        ("Mark Willaman", None),
        ("Wing Yu", "PRConnect"),
        ("Kan Devnani", "Comtex News Network"),
    ]


def test_section_labels_and_public_lines_name_no_one() -> None:
    text = (
        "Body.\n\nContacts\nInvestors:\nMark Lee\nir@zentrix.example\n(415) 555-0134\n\nMedia:\n"
        "Sara Kim\npress@zentrix.example\n(415) 555-0188\n"
    )
    assert [(c["name"], c["organisation"]) for c in _contacts(text)] == [
        ("Mark Lee", None),
        ("Sara Kim", None),
    ]
    heart = (
        "Body.\n\nFor Media Inquiries:214-706-1173\nAfton Fairchild: afton.fairchild@heart.org\n"
        "Public Inquiries: 1-800-AHA-USA1 (242-8721)\n"
    )
    assert all(c["phone"] != "1 (242-8721" for c in _contacts(heart))


def test_a_contacts_heading_glued_to_the_sentence_before_it() -> None:
    from store.ingest.extract.anatomy import extract

    text = (
        "Tessera Home reports first-quarter results\n\n"
        "SHANGHAI - April 27, 2026 - Tessera Home today reported its results.\n\n"
        "The buy-back is subject to shareholder approval and other pre-conditions."
        "ContactsInvestor Relations:Tessera Home (Hong Kong)T: +852 2169 0000E: ir@tessera.example\n\n"
        "Media Contacts: Lumen communication GmbHAnna Berger / Paul WeissT: +49 (0) 89 1250903 33"
        "E: ab@lumen.example\n"
    )
    found = extract(text)
    emails = [c.email for c in found.contacts]
    assert "ir@tessera.example" in emails and "ab@lumen.example" in emails
    investor = next(c for c in found.contacts if c.email == "ir@tessera.example")
    assert investor.phone == "+852 2169 0000"
