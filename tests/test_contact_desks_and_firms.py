"""A desk's shared mailbox reads as a desk, not a person, wherever the directory is listed;
a firm written as one word ("Helix BioPharma Corp.") or with its address run into it stays
one firm in a contact block (issue 10, found on the real corpus)."""

from __future__ import annotations

from store.contacts import ContactDirectory, where_of
from store.ingest.extract.anatomy import extract
from store.ingest.extract.firm_words import firm_without_address
from store.records import Contact, Release, Source
from tui.screens.contacts import contact_card


def _directory() -> ContactDirectory:
    desk = Contact(None, None, "Stonegate Capital Partners", "info@stonegateinc.com", "(214) 987")
    person = Contact("Jane Roe", "CFO", "Acme Inc.", "jane@acme.example", None)
    return ContactDirectory.build(
        [
            Release(id="r1", title="One", body="", source=Source("/a/1.md", "md"),
                    date="2024-10-29", contacts=(desk,)),
            Release(id="r2", title="Two", body="", source=Source("/a/2.md", "md"),
                    date="2024-10-21", contacts=(desk, person)),
        ]
    )  # fmt: skip


def test_a_desk_is_listed_as_a_desk() -> None:
    directory = _directory()
    desk = next(e for e in directory.entries if e.shared)
    person = next(e for e in directory.entries if not e.shared)
    assert desk.name == "Stonegate Capital Partners"
    assert where_of(desk) == "desk · Stonegate Capital Partners"
    assert where_of(person) == "CFO · Acme Inc."
    assert "not a person" in contact_card(desk).plain
    assert "not a person" not in contact_card(person).plain


def test_a_firm_in_one_word_is_not_split_into_a_person() -> None:
    text = (
        "Helix BioPharma Reports Results\n\n"
        "TORONTO, Oct. 29, 2025 – Helix BioPharma Corp. reported its results today.\n\n"
        "For more information, please contact:\n\n"
        "Helix BioPharma Corp.Bay Adelaide Centre - North Tower40 Temperance Street, Suite "
        "2Toronto, ON M5H 0B4Tel: +1 857 208 7687Thomas Mehrling, CEOcorporate@helixbiopharma.com\n"
    )
    contacts = extract(text).contacts
    assert not any(c.name == "Helix Bio" for c in contacts)
    assert any(c.organisation == "Helix BioPharma Corp." for c in contacts)


def test_a_name_glued_to_its_firm_is_still_split() -> None:
    text = (
        "Mobilicom Wins Contract\n\n"
        "TEL AVIV, May 1, 2024 – Mobilicom Ltd won a contract.\n\n"
        "Contact:\nLiad GelferMobilicom Ltd\nliad@mobilicom.example\n"
    )
    assert any(c.name == "Liad Gelfer" for c in extract(text).contacts)


def test_firm_without_address() -> None:
    assert firm_without_address("Acme Inc.789 West Pender Street, BC") == "Acme Inc."
    assert firm_without_address("Co-Op Corp. of America") == "Co-Op Corp. of America"
    assert firm_without_address(None) is None
