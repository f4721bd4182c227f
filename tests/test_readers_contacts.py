"""Contacts, standfirsts and block bodies that CMS JSON and front matter declare in fields."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from store.ingest.build import build_release
from store.ingest.discover import ImportProblem, SourceFile
from store.ingest.draft import Draft
from store.ingest.read import read_source
from store.ingest.readers.contacts import contact_lines, read_contacts
from store.records import Contact, Release


def _drafts(fmt: str, data: bytes) -> list[Draft]:
    return read_source(SourceFile(f"/imports/release.{fmt}", fmt), data)


def _json_release(record: dict[str, Any]) -> Release:
    (draft,) = _drafts("json", orjson.dumps(record))
    return build_release(draft, "/imports/release.json")


def _md_release(text: str) -> Release:
    (draft,) = _drafts("md", text.encode())
    return build_release(draft, "/imports/release.md")


# A press package in the shape of a science publisher's API: typed blocks, a standfirst,
# media contacts with names in parts and lists of addresses, the issuers' boilerplate.
PACKAGE: dict[str, Any] = {
    "id": "7788",
    "title": "Lake <i>perch</i> grow faster in warmer water",
    "published": "2022-03-15T09:00:00Z",
    "impactStatement": "Warmer lakes make young perch grow faster but leave them smaller as adults.",
    "content": [
        {
            "type": "paragraph",
            "text": "Researchers at Northfield University followed perch for ten years.",
        },
        {"type": "image", "image": {"uri": "https://example.org/perch.jpg"}, "title": "A perch."},
        {
            "type": "section",
            "title": "How the study was done",
            "content": [
                {"type": "paragraph", "text": "The team measured <b>4,000</b> fish each summer."},
                {"type": "list", "items": ["Length", "Weight", 7]},
            ],
        },
    ],
    "mediaContacts": [
        {
            "name": {"preferred": "Ada Lindqvist", "index": "Lindqvist, Ada"},
            "emailAddresses": ["a.lindqvist@northfield.example"],
            "phoneNumbers": ["+46 18 555 0101", "+46 70 555 0102"],
            "affiliations": [{"name": ["Northfield University"]}],
        },
        {
            "name": {"preferred": "Tom Reyes"},
            "emailAddresses": ["press@journal.example"],
            "affiliations": [{"name": ["The Journal"]}],
        },
    ],
    "about": [
        {"type": "paragraph", "text": "Northfield University is a public research university."}
    ],
}


def test_a_block_body_reads_its_paragraphs_sections_and_lists_not_its_images() -> None:
    (draft,) = _drafts("json", orjson.dumps(PACKAGE))
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[0] == PACKAGE["impactStatement"]  # the standfirst opens the body
    assert paragraphs[1:5] == [
        "Researchers at Northfield University followed perch for ten years.",
        "How the study was done",
        "The team measured 4,000 fish each summer.",
        "- Length\n- Weight",  # a number in a list of strings is left out, not a crash
    ]
    assert "A perch." not in draft.text
    # The contacts, then the boilerplate, after the release as a release prints them.
    assert paragraphs[-2].startswith("Media contacts:\nAda Lindqvist, Northfield University")
    assert paragraphs[-1] == "Northfield University is a public research university."
    assert draft.title == "Lake perch grow faster in warmer water"


def test_media_contacts_of_a_cms_record_are_the_release_contacts() -> None:
    release = _json_release(PACKAGE)
    assert release.contacts == (
        Contact(
            name="Ada Lindqvist",
            organisation="Northfield University",
            email="a.lindqvist@northfield.example",
            phone="+46 18 555 0101",
        ),
        Contact(phone="+46 70 555 0102"),  # a second number, as the contact reader records it
        Contact(name="Tom Reyes", organisation="The Journal", email="press@journal.example"),
    )
    assert release.language == "en"
    assert release.date == "2022-03-15"


def test_a_standfirst_the_body_already_opens_with_is_not_repeated() -> None:
    record = {"title": "T", "standfirst": "First words here.", "body": "First words here. More."}
    (draft,) = _drafts("json", orjson.dumps(record))
    assert draft.text == "First words here. More."


@pytest.mark.parametrize(
    "contacts",
    [
        "Jane Roe, jane.roe@agency.example, +1 202 555 0142",
        {"name": "Jane Roe", "email": "jane.roe@agency.example", "phone": "+1 202 555 0142"},
        [{"fullName": "Jane Roe", "emails": [{"address": "jane.roe@agency.example"}],
          "phones": [{"number": "+1 202 555 0142"}]}],
    ],
)  # fmt: skip
def test_press_contact_fields_in_their_usual_shapes(contacts: object) -> None:
    release = _json_release(
        {"title": "T", "body": "Text of the release.", "press_contact": contacts}
    )
    assert release.contacts[0] == Contact(
        name="Jane Roe", email="jane.roe@agency.example", phone="+1 202 555 0142"
    )


@pytest.mark.parametrize(
    "contacts",
    [
        42,
        True,
        ["a", 1, None, [], {}],
        {"name": ["Jane", "Roe"], "email": {"x": 1}, "phone": 5},
        {"name": {"preferred": 3}},
        [[[[[[[["deep"]]]]]]]],
        {"email": "not an address", "phone": "call us"},
    ],
)
def test_wrong_types_in_contacts_never_crash_and_give_no_contact(contacts: object) -> None:
    release = _json_release({"title": "T", "body": "Text.", "mediaContacts": contacts})
    assert release.contacts == ()
    assert release.title == "T"


def test_contact_strings_are_cleaned_and_bounded() -> None:
    hostile = {
        "name": "Jane\x1b[31m Roe\u202e" + "x" * 5000,
        "email": "jane@agency.example",
        "affiliations": ["\x1b]8;;http://evil\x07Agency"],
    }
    (contact,) = read_contacts(hostile)
    assert contact.name is not None and len(contact.name) <= 120
    assert "\x1b" not in contact.name and "\u202e" not in contact.name
    assert contact.email == "jane@agency.example"
    assert contact.organisation is not None and "\x1b" not in contact.organisation
    (named,) = read_contacts({"name": "Jane\x1b[31m Roe", "email": "jane@agency.example"})
    assert named.name is not None and "\x1b" not in named.name and "Roe" in named.name
    assert len(read_contacts([{"name": f"Person {chr(65 + i % 26)}"} for i in range(500)])) <= 40


def test_a_bad_block_body_is_one_problem_line() -> None:
    with pytest.raises(ImportProblem):
        _drafts("json", orjson.dumps({"content": [{"type": "image"}], "mediaContacts": 3}))


def test_contact_lines_keep_a_persons_further_number_on_their_line() -> None:
    people = [
        {"name": "Ana Ruiz", "tel": ["01 23 45 67 89", "06 45 67 89 01"]},
        "Li Wei, 01 98 76 54 32",
    ]
    assert contact_lines(read_contacts(people)) == (
        "Ana Ruiz, 01 23 45 67 89, 06 45 67 89 01\nLi Wei, 01 98 76 54 32"
    )


# --- front matter ---------------------------------------------------------------------------

FRONT = """---
title: Le service lance une nouvelle plateforme
date: 2023-06-01 10:00:00 +02:00
contact-presse:
  name: Camille Martin
  tel:
  - 01.23.45.67.89
  - 06.12.34.56.78
  email: camille.martin@service.example
---

Le service lance aujourd’hui une plateforme ouverte aux administrations.
"""


def test_front_matter_contact_is_the_release_contact() -> None:
    release = _md_release(FRONT)
    assert release.contacts == (
        Contact(
            name="Camille Martin", email="camille.martin@service.example", phone="01.23.45.67.89"
        ),
        Contact(phone="06.12.34.56.78"),
    )
    assert release.body.endswith(
        "Press contact:\nCamille Martin, 01.23.45.67.89, camille.martin@service.example, 06.12.34.56.78"
    )
    assert release.title == "Le service lance une nouvelle plateforme"


@pytest.mark.parametrize(
    "field",
    [
        "press_contact: Jane Roe, jane.roe@agency.example, +1 202 555 0142",
        "media_contact:\n  name: Jane Roe\n  email: jane.roe@agency.example\n  phone: +1 202 555 0142",
        "contacts:\n- name: Jane Roe\n  email: jane.roe@agency.example\n  phone: +1 202 555 0142\n"
        "- name: Li Wei\n  email: li.wei@agency.example",
    ],
)
def test_front_matter_contact_fields_by_their_general_names(field: str) -> None:
    release = _md_release(f"---\ntitle: A title\n{field}\n---\n\nThe release text.\n")
    assert release.contacts[0] == Contact(
        name="Jane Roe", email="jane.roe@agency.example", phone="+1 202 555 0142"
    )


def test_front_matter_that_is_no_yaml_still_gives_a_one_line_contact() -> None:
    text = "---\ntitle: A: title: with colons\ncontact: Jane Roe, jane.roe@agency.example\n---\n\nText.\n"
    release = _md_release(text)
    assert release.contacts == (Contact(name="Jane Roe", email="jane.roe@agency.example"),)


@pytest.mark.parametrize(
    "field",
    [
        "contact-presse:\n  mail: ",
        "contact: 12",
        "contact: [1, 2, [3]]",
        "contact: &a [*a]",
        "contact:\n  name: {a: [b]}\n  tel: {x: y}",
        "contact: null",
    ],
)
def test_empty_or_wrong_typed_front_matter_contacts_are_nothing(field: str) -> None:
    release = _md_release(f"---\ntitle: A title\n{field}\n---\n\nThe release text.\n")
    assert release.contacts == ()
    assert release.body == "The release text."


def test_deeply_nested_blocks_are_bounded_not_a_traceback() -> None:
    sections: dict[str, Any] = {"type": "paragraph", "text": "Deepest."}
    titles: dict[str, Any] = {"type": "paragraph", "text": "Deepest title."}
    for _ in range(100):  # 200 levels of JSON: as deep as orjson writes
        sections = {"type": "section", "title": "Part", "content": [sections]}
        titles = {"type": "section", "title": [titles], "content": []}
    release = _json_release({"title": "Nested", "content": [sections, titles]})
    assert release.title == "Nested"
    assert "Deepest" not in release.body  # beyond the depth a CMS writes
    assert "Part" in release.body


def test_contacts_the_body_already_prints_are_not_printed_again() -> None:
    record = {
        "title": "T",
        "body": "The release.\n\nMedia contact: Jane Roe, jane.roe@agency.example",
        "mediaContacts": [{"name": "Jane Roe", "email": "JANE.ROE@agency.example"}],
    }
    release = _json_release(record)
    assert release.body.count("jane.roe@agency.example") == 1
    assert release.contacts[0] == Contact(name="Jane Roe", email="JANE.ROE@agency.example")
    text = "---\ntitle: A\ncontact:\n  name: Li Wei\n  phone: +33 1 23 45 67 89\n---\n\nCall +33 1 23 45 67 89.\n"
    assert _md_release(text).body == "Call +33 1 23 45 67 89."
