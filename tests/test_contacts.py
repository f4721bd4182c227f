"""The contact directory: merging by email and name, shared mailboxes, role history, filtering."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from store.contacts import ContactDirectory, DirectoryEntry, is_shared_mailbox
from store.records import Contact, Release, Source
from store.sanitize import fold


def release(number: int, when: str | None, *contacts: Contact) -> Release:
    return Release(
        id=f"rel{number}",
        title=f"Release {number}",
        body="",
        source=Source(f"/a/{number}.md", "md"),
        date=when,
        contacts=contacts,
    )


LEA = "Léa Martin"
ARCHIVE = [
    # The same press officer over three years, changing role, organisation and phone.
    release(
        1, "2021-03-01", Contact(LEA, "Press Officer", "WHO", "l.martin@who.int", "+41 22 791 1111")
    ),
    release(
        2, "2021-09-14", Contact(LEA, "Press Officer", "WHO", "L.Martin@WHO.int", "+41 22 791 1111")
    ),
    release(
        3, "2022-05-02", Contact("Lea Martin", "Senior Press Officer", "WHO", "l.martin@who.int")
    ),
    release(
        4,
        "2023-01-20",
        Contact(LEA, "Head of Media", "UNICEF", "l.martin@who.int", "+1 212 326 7000"),
    ),
    release(5, "2023-11-30", Contact(None, "Head of Media", "UNICEF", "l.martin@who.int", None)),
    # A name-only mention of her, and of someone nobody has an address for.
    release(6, "2022-06-01", Contact("LEA MARTIN", None, None, None, "+41 22 791 2222")),
    release(7, "2020-01-01", Contact("Tomás Ruiz", "Spokesperson", "Cruz Roja", None, None)),
    # Two people signing with one shared press@ address, and the address alone.
    release(
        8,
        "2023-02-02",
        Contact("Anna Berg", "Communications", "Acme", "press@acme.com", "+46 8 123 45"),
    ),
    release(9, "2023-03-03", Contact("Jon Holm", None, "Acme", "PRESS@acme.com", None)),
    release(10, "2023-04-04", Contact(None, None, "Acme AB", "press@acme.com", "+46 8 000 00")),
    # Two different people with the same name and two addresses: a name-only mention is ambiguous.
    release(11, "2022-01-01", Contact("Maria Garcia", None, None, "maria@a.org", None)),
    release(12, "2022-02-01", Contact("Maria Garcia", None, None, "mgarcia@b.org", None)),
    release(13, "2022-03-01", Contact("María García", "Analyst", None, None, None)),
    # A phone-only contact, an empty one, and hostile text.
    release(14, None, Contact(None, None, None, None, "0800 123 456")),
    release(15, "2022-01-01", Contact(None, "Media desk", None, None, None)),
    release(
        16, "2024-01-01", Contact("\x1b]0;PWNED\x07Eve\u202e", None, None, "eve@evil.example", None)
    ),
]

DIRECTORY = ContactDirectory.build(ARCHIVE)


def entry(key: str) -> DirectoryEntry:
    found = DIRECTORY.get(key)
    assert found is not None, sorted(e.key for e in DIRECTORY.entries)
    return found


def test_one_entry_per_email_case_insensitive_with_role_history() -> None:
    lea = entry("email:l.martin@who.int")
    assert lea.name == LEA
    assert lea.role == "Head of Media" and lea.organisation == "UNICEF"
    assert lea.release_ids == ("rel5", "rel4", "rel6", "rel3", "rel2", "rel1")
    assert lea.release_count == 6
    assert lea.last_seen == date(2023, 11, 30)
    assert lea.phones == ("+1 212 326 7000", "+41 22 791 2222", "+41 22 791 1111")
    assert [(s.role, s.organisation, s.first_seen, s.last_seen, s.release_count)
            for s in lea.history] == [
        ("Head of Media", "UNICEF", date(2023, 1, 20), date(2023, 11, 30), 2),
        ("Senior Press Officer", "WHO", date(2022, 5, 2), date(2022, 5, 2), 1),
        ("Press Officer", "WHO", date(2021, 3, 1), date(2021, 9, 14), 2),
    ]  # fmt: skip
    assert not lea.shared


def test_name_only_mention_merges_when_unambiguous() -> None:
    assert DIRECTORY.get("name:lea martin") is None  # merged into the email entry
    tomas = entry("name:tomas ruiz")
    assert tomas.email is None and tomas.name == "Tomás Ruiz"
    assert tomas.history[0].organisation == "Cruz Roja"


def test_name_only_mention_stays_apart_when_ambiguous() -> None:
    assert entry("email:maria@a.org").release_ids == ("rel11",)
    assert entry("email:mgarcia@b.org").release_ids == ("rel12",)
    alone = entry("name:maria garcia")
    assert alone.release_ids == ("rel13",) and alone.role == "Analyst"


def test_shared_mailbox_is_its_own_entry_named_by_its_organisation() -> None:
    press = entry("email:press@acme.com")
    assert press.shared
    assert press.name == "Acme AB"  # the latest organisation said
    assert press.release_ids == ("rel10", "rel9", "rel8")
    assert press.phones == ("+46 8 000 00",)  # a person's phone stays with the person
    anna = entry("name:anna berg")
    # She never signed with an address of her own: the press desk is how she is reached.
    assert anna.email == "press@acme.com" and anna.desk == "press@acme.com"
    assert anna.phones == ("+46 8 123 45",)
    assert anna.release_ids == ("rel8",)
    assert entry("name:jon holm").organisation == "Acme"
    assert is_shared_mailbox("Presse@example.fr") and is_shared_mailbox("prensa@x.es")
    assert not is_shared_mailbox("pressman@x.org")


def test_phone_only_and_empty_contacts() -> None:
    assert entry("phone:0800123456").name == "0800 123 456"
    assert not any("media desk" in e.name.lower() for e in DIRECTORY.entries)


def test_hostile_text_is_cleaned() -> None:
    eve = entry("email:eve@evil.example")
    assert eve.name == "Eve"


def test_entries_are_most_recent_first() -> None:
    seen = [e.last_seen or date.min for e in DIRECTORY.entries]
    assert seen == sorted(seen, reverse=True)


def test_filter_words_all_match_folded_substrings() -> None:
    assert [e.key for e in DIRECTORY.filter("lea")] == ["email:l.martin@who.int"]
    assert [e.key for e in DIRECTORY.filter("LÉA unicef")] == ["email:l.martin@who.int"]
    assert [e.key for e in DIRECTORY.filter("who.int")] == ["email:l.martin@who.int"]
    # Old roles and organisations are searchable too.
    assert [e.key for e in DIRECTORY.filter("senior press")] == ["email:l.martin@who.int"]
    assert DIRECTORY.filter("lea nobody") == []
    assert len(DIRECTORY.filter("")) == len(DIRECTORY) == len(DIRECTORY.filter("   "))


def test_filter_phone_on_digits() -> None:
    assert [e.key for e in DIRECTORY.filter("+41 22")] == ["email:l.martin@who.int"]
    assert [e.key for e in DIRECTORY.filter("791-2222")] == ["email:l.martin@who.int"]
    assert [e.key for e in DIRECTORY.filter("0800")] == ["phone:0800123456"]


def test_filter_ranks_name_matches_first() -> None:
    keys = [e.key for e in DIRECTORY.filter("acme")]
    assert keys[0] == "email:press@acme.com"  # its name is "Acme AB"
    assert set(keys) == {"email:press@acme.com", "name:anna berg", "name:jon holm"}
    garcia = [e.key for e in DIRECTORY.filter("garcia")]
    assert garcia[0] == "name:maria garcia"  # the most recently seen of the three
    assert set(garcia) == {"name:maria garcia", "email:maria@a.org", "email:mgarcia@b.org"}
    assert next(e.key for e in DIRECTORY.filter("ma ga")) == "name:maria garcia"


def test_filter_on_a_large_directory_agrees_with_a_plain_scan() -> None:
    rng = random.Random(4)
    first = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Gül", "Hana", "Ivan", "Jo"]
    last = ["Berg", "Côté", "Diaz", "Ek", "Fox", "Groß", "Holm", "Ito", "Jensen", "Kim"]
    archive = []
    for n in range(3000):
        who = rng.randrange(400)
        name = f"{first[who % 10]} {last[who // 10 % 10]}{who}"
        archive.append(
            release(n, f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    Contact(name, rng.choice(["CEO", "Press Officer"]), f"Org {who % 37}",
                            f"p{who}@org{who % 37}.com", f"+1 555 {who:04d}"))
        )  # fmt: skip
    directory = ContactDirectory.build(archive)
    assert len(directory) == len({f"p{r.contacts[0].email}" for r in archive})
    for text in ["gul", "ben", "press off", "org 3", "555 01", "côte", "eva b", "+1 555 0042"]:
        words = [re.sub(r"\D", "", w) if re.fullmatch(r"[+\d][\d-]*", w) else w
                 for w in fold(text).split()]  # fmt: skip
        expected = set()
        for e in directory.entries:
            haystack = " / ".join(
                [fold(e.name), fold(e.email or "")]
                + [fold(f"{s.role or ''} / {s.organisation or ''}") for s in e.history]
                + [re.sub(r"\D", "", phone) for phone in e.phones]
            )
            if all(w in haystack for w in words):
                expected.add(e.key)
        assert expected or text == "+1 555 0042"
        assert {e.key for e in directory.filter(text)} == expected, text


def test_many_releases_few_people() -> None:
    """20,000 releases signed by 5,000 people give 5,000 entries of 4 releases each."""
    archive = [
        release(n, "2022-01-01", Contact(f"Person {n % 5000}", None, None,
                                          f"p{n % 5000}@x.org", None))
        for n in range(20_000)
    ]  # fmt: skip
    directory = ContactDirectory.build(archive)
    assert len(directory) == 5000
    assert {e.release_count for e in directory.entries} == {4}
    found = directory.filter("person 49")
    assert len(found) == sum("49" in str(n) for n in range(5000))
    assert found[0].name == "Person 49"  # ties on recency: by name


def test_an_agency_address_signed_by_several_people_stays_with_the_desk() -> None:
    """Issue 10: each email stays with the person it was written next to."""
    from store.records import Contact
    from tests.helpers.pairing import pairing_violations

    desk = "heidelbergpharma@agency.example"
    texts = {
        "r1": "Media contact\nMary Clark\nTel: +44 20 1\nE-mail: heidelbergpharma@agency.example",
        "r2": "Media contact\nZoe Bolt\nE-mail: heidelbergpharma@agency.example\n"
        "Investors\nDr. Mary Clark\nmary.clark@agency.example",
        "r3": "Contact\nMARY  CLARK\nmary.clark@agency.example",
    }
    blocks = [
        ("r1", "2024-03-01", (Contact("Mary Clark", email=desk, phone="+44 20 1"),)),
        (
            "r2",
            "2024-03-02",
            (
                Contact("Zoe Bolt", email=desk),
                Contact("Dr. Mary Clark", email="mary.clark@agency.example"),
            ),
        ),
        ("r3", "2024-03-03", (Contact("MARY  CLARK", email="mary.clark@agency.example"),)),
    ]
    directory = ContactDirectory.build_from(blocks)
    names = {rid: [c.name for c in contacts if c.name] for rid, _, contacts in blocks}
    assert pairing_violations(directory, texts, names) == []
    by_name = {e.name: e for e in directory.entries if not e.shared}
    assert by_name["MARY CLARK"].email == "mary.clark@agency.example"  # one Mary Clark
    assert sorted(by_name["MARY CLARK"].release_ids) == ["r1", "r2", "r3"]
    # How to reach her: the desk she signed with, she has no address of her own.
    assert by_name["Zoe Bolt"].email == desk and by_name["Zoe Bolt"].desk == desk
    # Mary Clark signed with the desk too (r1), but her own address is elsewhere: hers wins.
    assert by_name["MARY CLARK"].desk == desk
    (shared,) = [e for e in directory.entries if e.shared]
    assert shared.email == desk and set(shared.release_ids) == {"r1", "r2"}


def test_the_pairing_checker_sees_an_email_given_to_the_wrong_person() -> None:
    from store.records import Contact
    from tests.helpers.pairing import pairing_violations, written_next_to

    text = "Contacts\nAnn Lee\nann@a.example\n\nBo Kim\nbo@b.example"
    assert written_next_to(text, "Ann Lee", "ann@a.example", ["Bo Kim"])
    assert not written_next_to(text, "Ann Lee", "bo@b.example", ["Bo Kim"])
    wrong = ContactDirectory.build_from([("r", None, (Contact("Ann Lee", email="bo@b.example"),))])
    assert pairing_violations(wrong, {"r": text}, {"r": ["Ann Lee", "Bo Kim"]}) == [
        ("Ann Lee", "bo@b.example")
    ]


def test_a_person_is_one_entry_whatever_the_honorific_case_or_spacing() -> None:
    from store.records import Contact

    directory = ContactDirectory.build_from(
        [
            ("r1", "2024-01-01", (Contact("Dr. Jane Doe", phone="+1 555 0100"),)),
            ("r2", "2024-01-02", (Contact("jane  DOE", role="Spokesperson"),)),
        ]
    )
    (jane,) = directory.entries
    assert set(jane.release_ids) == {"r1", "r2"}


def test_a_heading_glued_to_a_name_does_not_split_the_person() -> None:
    """Issue 10: "Contact DetailsYeweon Park" in stores imported before extraction split it."""
    from store.records import Contact

    directory = ContactDirectory.build_from(
        [
            ("r1", "2024-01-01", (Contact("DetailsYeweon Park", email="press@tron.example"),)),
            ("r2", "2024-01-02", (Contact("Yeweon Park", email="press@tron.example"),)),
            ("r3", "2024-01-03", (Contact("InformationJane Doe", phone="+1 555 0100"),)),
        ]
    )
    people = {e.name: e for e in directory.entries if not e.shared}
    assert set(people) == {"Yeweon Park", "Jane Doe"}
    assert set(people["Yeweon Park"].release_ids) == {"r1", "r2"}


def test_a_person_reached_only_through_a_press_address_is_listed_with_it() -> None:
    """Issue 10: a person on many releases, each carrying the same press address, is listed
    with it; the top row never gives a desk's address to someone whose own is elsewhere."""
    from store.records import Contact
    from tests.helpers.pairing import pairing_violations

    blocks: list[tuple[str, str | None, tuple[Contact, ...]]] = []
    texts: dict[str, str] = {}
    for n in range(52):
        blocks.append(
            (f"a{n}", f"2024-01-{n % 28 + 1:02d}",
             (Contact("Yeweon Park", email="press@tron.example"),))
        )  # fmt: skip
        texts[f"a{n}"] = "Media Contact\nYeweon Park\npress@tron.example"
        # Ann Lee signs with her agency's desk on every release but one, where her own
        # address stands next to her name.
        own = n == 7
        blocks.append(
            (f"b{n}", f"2024-02-{n % 28 + 1:02d}",
             (Contact("Ann Lee", email="ann.lee@agency.example" if own else "desk@agency.example"),
              Contact("Bo Kim" if n % 2 else "Cy Dow", email="desk@agency.example")))
        )  # fmt: skip
        texts[f"b{n}"] = (
            "Contacts\nAnn Lee\n"
            + ("ann.lee@agency.example" if own else "desk@agency.example")
            + "\n"
            + ("Bo Kim" if n % 2 else "Cy Dow")
            + "\ndesk@agency.example"
        )
    directory = ContactDirectory.build_from(blocks)
    people = {e.name: e for e in directory.entries if not e.shared}
    assert people["Yeweon Park"].email == "press@tron.example"
    assert people["Yeweon Park"].release_count == 52
    assert people["Ann Lee"].email == "ann.lee@agency.example"  # her own, not the desk's
    assert people["Ann Lee"].release_count == 52
    assert people["Bo Kim"].email == people["Cy Dow"].email == "desk@agency.example"
    top = directory.entries[0]
    assert top.name == "Ann Lee" and top.email == "ann.lee@agency.example"
    names = {rid: [c.name for c in contacts if c.name] for rid, _, contacts in blocks}
    assert pairing_violations(directory, texts, names) == []


def test_one_name_with_several_addresses_at_one_domain_is_one_person() -> None:
    from store.contacts import organisation_domain
    from store.records import Contact

    directory = ContactDirectory.build_from(
        [
            ("r1", "2024-01-01", (Contact("Robin Carr", email="redwoods@landispr.example"),)),
            ("r2", "2024-02-01", (Contact("Robin  Carr", email="handlery@landispr.example"),)),
            ("r3", "2024-03-01", (Contact("Robin Carr", email="rivers@mail.landispr.example"),)),
            ("r4", "2024-03-02", (Contact("Robin Carr", phone="+1 415 555 0100"),)),
            # Two people of one name at two firms, and at a webmail provider: not guessed.
            ("r5", "2024-01-01", (Contact("Maria Garcia", email="maria@a.example"),)),
            ("r6", "2024-01-02", (Contact("Maria Garcia", email="mgarcia@b.example"),)),
            ("r7", "2024-01-03", (Contact("Li Wei", email="li.wei@gmail.com"),)),
            ("r8", "2024-01-04", (Contact("Li Wei", email="liwei88@gmail.com"),)),
        ]
    )
    people = [e for e in directory.entries if not e.shared]
    (robin,) = [e for e in people if e.name.startswith("Robin")]
    assert robin.email == "rivers@mail.landispr.example"  # the most recent
    assert robin.other_emails == ("handlery@landispr.example", "redwoods@landispr.example")
    assert set(robin.release_ids) == {"r1", "r2", "r3", "r4"}  # the name-only mention too
    assert [e.name for e in directory.filter("redwoods")] == ["Robin Carr"]
    assert sum(e.name == "Maria Garcia" for e in people) == 2
    assert sum(e.name == "Li Wei" for e in people) == 2
    assert organisation_domain("a@cable.comcast.com") == "comcast.com"
    assert organisation_domain("a@press.bbc.co.uk") == "bbc.co.uk"
    assert organisation_domain("a@gmail.com") is None


def test_a_directory_build_stops_when_told_and_is_the_same_when_not() -> None:
    """The browser quitting stops the directory's build (the process waited for it:
    5 s at 100k); asked and told to go on, it builds the same directory."""
    from store.give_way import BuildStopped
    from tests.helpers.synthetic import generate

    releases = list(generate(50, seed=21))
    blocks = [(r.id, r.date, r.contacts) for r in releases]
    asked: list[int] = []

    def go_on() -> bool:
        asked.append(1)
        return False

    assert ContactDirectory.build_from(blocks, go_on).entries == (
        ContactDirectory.build_from(blocks).entries
    )
    assert asked, "the build never asked whether to stop"
    with pytest.raises(BuildStopped):
        ContactDirectory.build_from(blocks, lambda: True)
