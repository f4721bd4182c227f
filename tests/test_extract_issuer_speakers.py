"""Issuers a release names by what they do in it: a body's own statement in the headline, two
bodies announcing together, a council acting for its bank, the body a spokesperson speaks
for (issue 10, brief issuer8)."""

from store.ingest.extract.anatomy import extract
from store.ingest.extract.governing_body import council_owner, is_council
from store.ingest.extract.spokesperson import is_spokesperson_title, spokesperson_body


def test_a_body_issuing_its_own_statement_is_the_issuer_though_the_text_never_names_it():
    r = extract(
        "The Committee decided to keep the target range unchanged. The Committee will "
        "continue to monitor the outlook.",
        title="Federal Reserve issues FOMC statement",
    )
    assert r.issuer == "Federal Reserve"


def test_a_statement_headed_by_the_body_acronym_is_that_body_s():
    r = extract(
        "October 08, 2008\n\nThe central banks are today announcing reductions in rates.",
        title="FOMC statement: Federal Reserve and other central banks announce reductions",
    )
    assert r.issuer == "FOMC"


def test_two_bodies_announcing_together_in_capitals_give_the_first():
    r = extract(
        "TOR PROJECT AND PRINTFECTION ANNOUNCE THE TOR STORE\n\n"
        "DEDHAM, MA - The Tor Project and Printfection opened a store today.\n\n"
        "About Tor\n\nTor is free software for anonymity online."
    )
    assert r.issuer == "Tor Project"


def test_a_council_as_the_lead_subject_gives_the_bank_it_belongs_to():
    r = extract(
        "Monetary policy decisions\n\n11 September 2025\n\n"
        "The Governing Council today decided to keep the three key ECB interest rates "
        "unchanged. The new ECB staff projections see inflation at 2%.\n\n"
        "CONTACT\n\nEuropean Central Bank\n\nSonnemannstrasse 20, Frankfurt am Main"
    )
    assert r.issuer == "European Central Bank"
    assert "Governing Council" in r.organisations  # still a body the release names


def test_council_owner_counts_the_name_and_its_initials():
    text = "The Governing Council decided. The ECB said. ECB rates stay. The Eurosystem ..."
    assert council_owner(("Governing Council", "European Central Bank", "Eurosystem"), text) == (
        "European Central Bank"
    )
    assert council_owner(("Governing Council",), text) is None
    assert is_council("Governing Council") and is_council("The Executive Board")
    assert not is_council("Council of Europe")


def test_the_body_a_german_spokesperson_speaks_for_in_the_genitive():
    text = (
        "Da sich die Kostenschätzung verzögert, legt das Bündnis Volksentscheid Transparenz "
        "nun eine eigene vor. Leonard Wolf, Sprecher des Volksentscheides Transparenz, sagt "
        "dazu: „Das sollte es dem Senat wert sein.”"
    )
    assert spokesperson_body(text) == "Volksentscheid Transparenz"


def test_the_spokesperson_of_the_alliance_alone_names_it_where_the_text_writes_it():
    text = (
        "Mit einer Lupe steht das Bündnis „Volksentscheid Transparenz” heute vor dem Rathaus. "
        "„Wir wollen deutlich machen“, sagt Arne Semsrott, Sprecher des Bündnisses."
    )
    assert spokesperson_body(text) == "Bündnis Volksentscheid Transparenz"


def test_the_spokesperson_s_body_ends_before_a_second_title():
    text = (
        "Die Initiative Volksentscheid Transparenz begrüßt diesen Schritt. Das sagt Marie "
        "Jünemann, Sprecherin der Initiative Volksentscheid Transparenz und Landesvorständin "
        "beim Verein."
    )
    assert spokesperson_body(text) == "Initiative Volksentscheid Transparenz"


def test_an_english_spokesperson_s_body_counts_only_when_the_lead_names_it():
    lead = "Key Housing, a provider of short term housing, is proud to announce a new listing. "
    quote = '"We are glad," said a spokesperson for Key Housing.'
    assert spokesperson_body(lead + quote) == "Key Housing"
    news = (
        "Thousands of state employees were offered a buyout on Thursday, a plan of the "
        "governor to cut payrolls. " + "The plan runs to next year. " * 40 + '"It is '
        'voluntary," said a spokesperson for the Department of Budget and Management.'
    )
    assert spokesperson_body(news) is None  # a story quoting another body's spokesperson


def test_a_spokesperson_for_a_person_or_of_a_board_names_no_body():
    assert (
        spokesperson_body(
            "Jane Roe Law offers advice. Jane Roe Law said so, a spokesperson for Jane Roe Law.",
            {"jane roe law"},
        )
        is None
    )
    assert (
        spokesperson_body(
            "KAP AG appoints a new officer. Marten Julius, Spokesman of the Management Board, said."
        )
        is None
    )
    assert spokesperson_body(
        "Deutsche Beteiligungs AG reports. Tom Alzin, Spokesman of the Board of Management of "
        "Deutsche Beteiligungs AG, said so."
    ) == ("Deutsche Beteiligungs AG")


def test_a_contact_heading_naming_the_spokespeople_is_no_issuer():
    assert is_spokesperson_title("Sprecher*innen") and is_spokesperson_title("Spokespersons")
    assert not is_spokesperson_title("Sprecher des Bündnisses")
    r = extract(
        "Auftaktaktion vor dem Rathaus\n\nDas Bündnis sammelt ab heute Unterschriften.\n\n"
        "Kontakt Sprecher*innen\nArne Semsrott\nTelefon: 030 577 036 660\n"
        "arne.semsrott@okfn.de\n\nMarie Jünemann\nTelefon: 030 420 823 70\n"
        "Mobil: 0152 057 941 39\nmarie.juenemann@mehr-demokratie.de"
    )
    assert r.issuer != "Sprecher*innen"
    assert "Mobil" not in r.organisations
    marie = [c for c in r.contacts if c.name == "Marie Jünemann"]
    assert marie and marie[0].email == "marie.juenemann@mehr-demokratie.de"
