"""A press contact written into a sentence is one contact: name, number and address."""

from __future__ import annotations

from store.ingest.extract.anatomy import extract
from store.ingest.extract.press_sentence import press_sentence_contact
from store.records import Contact

RELEASE = """Man Convicted Of Cyberstalking

SEATTLE – A man was convicted today of cyberstalking, announced U.S. Attorney Nick Brown.

The case was prosecuted by the office.

Press contact for the U.S. Attorney’s Office is Communications Director Emily Langlie at (206) 553-4110 or Emily.Langlie@usdoj.gov .
"""


def test_a_press_officer_in_a_sentence() -> None:
    (contact,) = extract(RELEASE).contacts
    assert (contact.name, contact.phone, contact.email) == (
        "Emily Langlie",
        "(206) 553-4110",
        "Emily.Langlie@usdoj.gov",
    )


MEDIA_LINE = "For media inquiries, please email [email protected] or call 202-452-2955."


def _read(text: str) -> Contact | None:
    return press_sentence_contact(text, text)


def test_a_number_for_media_inquiries_and_a_desk_without_a_person() -> None:
    got = _read("For media inquiries, please email [email protected] or call 202-452-2955.")
    assert got is not None and (got.name, got.phone, got.email) == (None, "202-452-2955", None)
    desk = _read(
        "For media inquiries, please contact: Franklin Publishers Media Relations "
        "Email: info@franklinpublishers.com"
    )
    assert desk is not None and desk.name is None and desk.email == "info@franklinpublishers.com"


def test_an_address_glued_to_the_next_is_not_read() -> None:
    written = "Media contact via Cassiopeia [info@x-ltd.com](mailto:info@x-ltd.com)nadine@x-ltd.com"
    read = "Media contact via Cassiopeia info@x-ltd.comnadine@x-ltd.com"
    assert press_sentence_contact(read, written) is None
    assert press_sentence_contact(read, read) is not None


def test_no_contact_where_the_sentence_gives_no_way_to_reach_anyone() -> None:
    assert _read("Media inquiries are welcome at any time.") is None
    # A help line is not a media contact.
    assert _read("For questions, contact the Resource Center at 1-800-767-2825.") is None
