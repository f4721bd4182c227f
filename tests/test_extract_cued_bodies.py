"""Bodies named by one word or an acronym alone (issue 10): read where the release uses the word
as a body (its officer, its web address, its agents, a list beside known bodies, its kind)."""

from __future__ import annotations

import pytest

from store.ingest.extract.anatomy import extract
from store.ingest.extract.cued_bodies import cued_bodies
from store.ingest.extract.member_lists import listed_members
from store.ingest.extract.organisations import MAX_ORGANISATIONS


def _cued(
    text: str,
    found: tuple[str, ...] = (),
    named: frozenset[str] = frozenset(),
    language: str | None = "en",
) -> list[str]:
    return list(cued_bodies(found, text, set(named), MAX_ORGANISATIONS, (), language))[len(found) :]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # An officer's firm, a firm's officers and parts.
        ("The board will include Reid Hoffman, CEO of LinkedIn.", ["LinkedIn"]),
        ("Sources close to Acmeon’s CEO said the deal was done.", ["Acmeon"]),
        (
            "Established with start-up support from America Online's Netscape division, it grew.",
            ["America Online", "Netscape"],
        ),
        # A name written before its own address, or an anchor's label.
        (
            "For news and discussion, please visit MozillaZine, http://www.mozillazine.org, "
            "the largest independent site.",
            ["MozillaZine"],
        ),
        (
            'Gemeinsam mit <a href="https://algorithmwatch.org/de/">AlgorithmWatch</a> wollen wir',
            ["AlgorithmWatch"],
        ),
        # An agency's acronym before its agents or its officer's title.
        ("“It has been an honor,” said ICE Acting Deputy Director Derek Benner.", ["ICE"]),
        # Acronyms listed beside a known body's.
        (
            "DEA, FBI, FDA, HSI and USPIS agents seized 2.5 kilograms.",
            ["DEA", "FBI", "FDA", "HSI", "USPIS"],
        ),
        # Partners after "in partnership with".
        (
            "The Foundation, in partnership with Adobe, Apple, Macromedia, Opera and Sun "
            "Microsystems today announced",
            ["Adobe", "Apple", "Macromedia", "Opera", "Sun Microsystems"],
        ),
        # A name after its kind.
        (
            "He used an online postage company called Stampnik to buy labels.",
            ["Stampnik"],
        ),
    ],
)
def test_cued_bodies(text: str, names: list[str]) -> None:
    named = frozenset({"ben hyde", "sameer parekh"})
    assert sorted(_cued(text, named=named)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        # A list after a French, German or Spanish head.
        (
            "mais aussi des entreprises, dont Illuin, OVH, LightOn, Mistral et des organismes",
            "fr",
            ["Illuin", "OVH", "LightOn", "Mistral"],
        ),
        ("viele Freie-Software-Organisationen wie KDE und Mozilla sowie", "de", ["KDE", "Mozilla"]),
        # A name after its kind; an alliance's members; a German house.
        (
            "Das Scoring-Verfahren des Privatunternehmens Schufa ist intransparent.",
            "de",
            ["Schufa"],
        ),
        (
            "Das Bündnis besteht bisher aus: Open Knowledge Foundation Deutschland, Mehr\n"
            "Demokratie, abgeordnetenwatch.de, Chaos Computer Club, Reporter ohne Grenzen.",
            "de",
            [
                "Open Knowledge Foundation Deutschland",
                "Mehr Demokratie",
                "Chaos Computer Club",
                "Reporter ohne Grenzen",
            ],
        ),
        (
            "Darum muss der   Senat endlich handeln, sagt man im Abgeordnetenhaus.",
            "de",
            ["Senat", "Abgeordnetenhaus"],
        ),
    ],
)
def test_cued_bodies_in_french_german_spanish(text: str, language: str, names: list[str]) -> None:
    assert sorted(_cued(text, language=language)) == sorted(names)
    assert _cued(text, language="en") == []  # their cues are read in their languages only


@pytest.mark.parametrize(
    "text",
    [
        # A person's surname, a place, a party and state, a photo credit, a president's state.
        "Smith’s spokesman declined to comment. Texas’s employees were paid.",
        "“We agree,” said Sen. Jane Doe (D-ND) and Magnus Brunner (Pool Moncloa).",
        "He spoke with the President of Estonia and the presidente de Ceuta.",
        # A site's call to act, a programme's own site, a site, a social network.
        "[Get Firefox](https://www.getfirefox.com) or see the [School Food Plan](http://www.schoolfoodplan.com).",
        "Visit OffeneRegister.de, https://offeneregister.de/ and Facebook, https://facebook.com/x",
        # A role, not a firm; acronyms with no known body among them.
        "The company CEO Jane Doe said BTC, ETH, SOL and XRP prices rose.",
        # A department of any firm, not an agency.
        "Our HR Director and IT officers met.",
    ],
)
def test_not_cued_bodies(text: str) -> None:
    named = frozenset({"jane doe", "magnus brunner", "john smith"})
    assert _cued(text, named=named) == []


def test_a_body_already_found_is_not_added_again() -> None:
    found = ("U.S. Drug Enforcement Administration", "Department of Commerce", "Google Inc.")
    text = "DEA agents and DOC officers met. Google’s CEO said, FBI, ATF, DEA agents."
    assert _cued(text, found) == ["FBI", "ATF"]


def test_a_list_after_a_dash_or_an_including_bracket() -> None:
    text = (
        "Sanders urged America’s largest AI companies — Anthropic, Meta and OpenAI — to pause. "
        "He bought from retailers (including Lowe’s Home Improvement, Home Depot, and Walmart)."
    )
    assert listed_members(text, set()) == [
        "Anthropic", "Meta", "OpenAI", "Lowe’s Home Improvement", "Home Depot", "Walmart",
    ]  # fmt: skip


def test_extract_reads_a_link_named_for_its_site() -> None:
    text = (
        "L’Arcep et l’Arcom lancent une consultation\n\n"
        "PARIS, le 10 octobre 2023 – La loi a confié à l’[Arcep](https://www.arcep.fr/) la "
        "définition, en lien avec l’[ADEME](https://www.ademe.fr/), d’un référentiel.\n"
    )
    organisations = extract(text).organisations
    assert "ADEME" in organisations
    assert "Arcep" in organisations


def test_a_front_matter_standfirst_opens_the_body() -> None:
    from store.ingest.readers.markdown import read_markdown

    data = (
        "---\ntitle: L’Arcep et l’Arcom lancent une consultation\n"
        "chapeau-text: La loi a confié à l’[Arcep](https://www.arcep.fr/) un référentiel.\n"
        "---\n\nLe texte de la publication.\n"
    ).encode()
    (draft,) = read_markdown(data)
    assert draft.text.startswith("La loi a confié à l’[Arcep](https://www.arcep.fr/)")
    assert "Le texte de la publication." in draft.text


def test_the_maker_named_under_a_standfirst() -> None:
    from store.ingest.extract.stated_issuer import maker_in_lead

    lines = [
        "FranceConnect permet à tout utilisateur de se connecter aux services publics en ligne.",
        "",
        "Conçu et déployé par l’Agence nationale du numérique (ANN), "
        "FranceConnect garantit une connexion sécurisée.",
    ]
    assert maker_in_lead(lines) == "Agence nationale du numérique"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The next step is to take these limits to Parliament to see the offence.", ["Parliament"]),
        ("The European Parliament and Parliament Street.", []),
        (
            "Homeland Security Investigations (HSI) Special Agent in Charge Rana Saoud. Contact the "
            "ICE Office of Public Affairs.",
            ["HSI", "ICE"],
        ),
    ],
)
def test_houses_and_bracketed_agencies(text: str, names: list[str]) -> None:
    assert sorted(_cued(text)) == sorted(names)


def test_software_agents_are_no_agency() -> None:
    assert _cued("Our LLM agents and AI agents help. The IT Director agreed.") == []


def test_a_name_after_a_no_break_space_only() -> None:
    # The window before the name held only a no-break space: no word to read (an IndexError).
    assert _cued("\xa0MozillaZine, http://www.mozillazine.org") == ["MozillaZine"]


@pytest.mark.parametrize(
    "text",
    [
        # The wire in the dateline's brackets, named again in its boilerplate.
        "Salt Lake City, UT (Newsworthy.ai) Tuesday Nov 21, 2023 — Acme today said. David "
        "McInnis, the founder of Newsworthy.ai, has long worked on it.",
        # A nation's adjective before a part; a name that goes on; a shop at its address.
        "Since 2022, Angkor’s Canadian subsidiary has explored. They founded the nonprofit Seeds "
        "for a Future. His books are available at Amazon at https://www.amazon.com/stores/x.",
        # An officer of a firm whose name goes on: not its first word.
        "Jo Roe, CEO of Lee’s Famous Recipe Chicken, and the founder of Iron+Steel Threads and "
        "the CEO of Cardial Watches.",
        # Rules and standards listed.
        "Assistance with PCI, GDPR, HIPAA, SOX, and other regulations.",
    ],
)
def test_not_cued_on_the_wire_corpus(text: str) -> None:
    assert _cued(text) == []


def test_an_issuer_s_short_form_is_not_another_body() -> None:
    text = (
        "Ocean Power Technologies Appoints Jason Weed as SVP\n\n"
        "MONROE TOWNSHIP, N.J., June 04, 2025 (GLOBE NEWSWIRE) — Ocean Power Technologies, Inc. "
        "(NYSE American: OPTT), a leader in maritime robotics, today announced the appointment "
        "of Jason Weed. Philipp Stratmann, President and CEO of OPT, commented, “We are thrilled "
        "to welcome Jason Weed to the OPT senior management team.”\n"
    )
    organisations = extract(text).organisations
    assert "OPT" not in organisations


def test_parliament_alone_gives_way_to_the_issuer_it_stands_for() -> None:
    from store.ingest.extract.short_forms import with_short_forms

    out = with_short_forms(
        ("Parliament", "EU"), "European Parliament", "On Friday, Parliament adopted it."
    )
    assert out == ("European Parliament", "EU")


@pytest.mark.parametrize(
    "text",
    [
        "Trish Standley, in partnership with the nonprofit organization Walk in My Shoes "
        "Foundation, announces an event.",
        "Airdrops of projects as well as cryptocurrencies such as ETH, USDT, HTX, and TRX.",
        "ATP lets users create tokenized agents. ATP agents trade.",
        "Both are now equity partners alongside partner Rakesh Patel.",
        "Quality systems: FDA, SGS, SASO, CE, FSC, SEDEX certifications are also available.",
        "Ministers and Members of Parliament attended. The Company’s B2B division grew.",
        "Getty Israel, the CEO of Sisters in Birth, Inc., said. Plan the company Christmas party.",
        "Jo Roe, former CEO of European game studio Acme, said. Designations such as CFP, IWI, "
        "CSA, CFE.",
    ],
)
def test_not_cued_fragments_coins_software_people(text: str) -> None:
    assert _cued(text, ("HTX",)) == []
