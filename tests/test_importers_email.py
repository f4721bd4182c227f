"""The mail reader: Subject, Date, Content-Language and the text of an .eml release."""

from __future__ import annotations

import pytest

from store.ingest.discover import ImportProblem, SourceFile
from store.ingest.draft import Draft
from store.ingest.read import read_source

ALTERNATIVE = b"""From: Acme Press Office <press@acme.example>
To: newsdesk@example.org
Subject: =?utf-8?q?Acme_opens_lab_=E2=80=93_Leeds?=
Date: Tue, 05 Mar 2024 23:30:00 -0800
Content-Language: en-GB
Message-ID: <1@acme.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

LEEDS, 5 March 2024 =E2=80=93 Acme Robotics today opened a research lab.

Media contact: press@acme.example
--alt
Content-Type: text/html; charset="utf-8"

<p>HTML version</p>
--alt--
--outer
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

attachment text
--outer--
"""


def _read(data: bytes) -> list[Draft]:
    return read_source(SourceFile("/imports/release.eml", "eml"), data)


def test_multipart_message_prefers_plain_text() -> None:
    [draft] = _read(ALTERNATIVE)
    assert draft.format == "eml"
    assert draft.title == "Acme opens lab – Leeds"
    assert draft.date == "2024-03-05"  # the date as the sender wrote it, not converted to UTC
    assert draft.language == "en-GB"
    assert draft.text == (
        "LEEDS, 5 March 2024 – Acme Robotics today opened a research lab.\n\n"
        "Media contact: press@acme.example"
    )
    assert "attachment" not in draft.text


def test_html_only_message_goes_through_the_html_reader() -> None:
    data = (
        b"Subject: Launch\nDate: Mon, 4 Mar 2024 10:00:00 +0100\n"
        b"Content-Type: text/html; charset=iso-8859-1\n\n"
        b"<html><body><p>Caf\xe9 <a href='https://acme.example'>opens</a></p>"
        b"<script>x()</script></body></html>"
    )
    [draft] = _read(data)
    assert (draft.title, draft.date) == ("Launch", "2024-03-04")
    assert draft.text == "Café [opens](https://acme.example)"


def test_wrong_charset_label_is_survived() -> None:
    data = b"Subject: x\nContent-Type: text/plain; charset=utf-8\n\nLe pr\xe9sident a d\xe9clar\xe9"
    [draft] = _read(data)
    assert draft.text == "Le président a déclaré"


def test_unknown_charset_and_bad_date() -> None:
    data = b"Subject: x\nDate: not a date\nContent-Type: text/plain; charset=x-no-such\n\nBody"
    [draft] = _read(data)
    assert (draft.text, draft.date) == ("Body", None)


def test_hostile_encoded_subject_is_cleaned() -> None:
    data = b"Subject: =?utf-8?b?G10wO1BXTkVEBxtbMkpIZWxsbyDigK5tb2MubGl2ZUBvZWM=?=\n\nBody"
    [draft] = _read(data)
    assert draft.title == "Hello moc.live@oec"
    assert "\x1b" not in (draft.title or "") and "\u202e" not in (draft.title or "")


def test_message_with_only_an_attachment_is_a_problem() -> None:
    data = (
        b"Subject: x\nContent-Type: application/pdf\n"
        b"Content-Disposition: attachment; filename=a.pdf\n\n%PDF"
    )
    with pytest.raises(ImportProblem, match="no text in this message"):
        _read(data)


def test_not_a_message() -> None:
    with pytest.raises(ImportProblem, match="not a mail message"):
        _read(b"just some words\nwithout headers")


def test_a_subject_of_megabytes_is_cut_to_a_headline() -> None:
    from store.ingest.build import build_release

    data = b"From: press@example.org\nSubject: " + b"A" * 5_000_000 + b"\n\nGENEVA - Body.\n"
    [draft] = _read(data)
    release = build_release(draft, "/imports/huge.eml")
    assert 0 < len(release.title) <= 1000 and release.body.startswith("GENEVA")


def _mail_from(sender: str, body: str = "The Board met today in public session.") -> Draft:
    raw = (
        f"From: {sender}\nTo: newsdesk@example.org\nSubject: Board meets\n"
        f"Date: Thu, 17 Jul 2014 10:00:00 -0400\n\n{body}\n"
    ).encode()
    (draft,) = read_source(SourceFile("board.eml", "eml"), raw)
    return draft


@pytest.mark.parametrize(
    ("sender", "issuer", "home"),
    [
        # The sender's name spells its domain: the body that sent the release.
        (
            "Privacy and Civil Liberties Oversight Board <info@pclob.gov>",
            "Privacy and Civil Liberties Oversight Board",
            "pclob.gov",
        ),
        ("FSFE <press@fsfe.org>", "FSFE", "fsfe.org"),
        # A mail server's name under the domain, and a country's shared second level.
        ("Ofcom Media Office <news@lists.ofcom.org.uk>", None, "ofcom.org.uk"),
        (
            "National Health Service <press@mail.nhs.gov.uk>",
            "National Health Service",
            "nhs.gov.uk",
        ),
        # A person, a mail service, a name that spells something else: no issuer.
        ("Jane Roe <jane.roe@pclob.gov>", None, "pclob.gov"),
        ("Acme Press Office <acme.press@gmail.com>", None, "gmail.com"),
        ("press@acme.example", None, "acme.example"),
        ("undisclosed-recipients:;", None, None),
    ],
)
def test_the_sender_names_the_issuing_body_only_when_it_spells_its_domain(
    sender: str, issuer: str | None, home: str | None
) -> None:
    draft = _mail_from(sender)
    assert (draft.issuer, draft.home) == (issuer, home)


def test_a_mail_whose_text_names_its_senders_domain_has_that_issuer() -> None:
    """No display name: the sender's domain is read as a page's own site is, by the
    name the text gives it."""
    from store.ingest.build import parse_source

    raw = (
        b"From: info@pclob.gov\nSubject: Board meets\nDate: Thu, 17 Jul 2014 10:00:00 -0400\n\n"
        b"WASHINGTON - The Privacy and Civil Liberties Oversight Board (PCLOB) will hold a "
        b"public meeting on July 23.\n"
    )
    result = parse_source(SourceFile("board.eml", "eml"), raw)
    (release,) = result.releases
    assert release.issuer == "Privacy and Civil Liberties Oversight Board"


# A release forwarded to a newsgroup or a list: the poster's Subject summarises it, the
# body states the release's own title (made-up posts in the shapes such posts take).
FORWARDED_NOTE = b"""From: jdoe@lab.example (J. Doe)
Subject: Probe team picked
Newsgroups: sci.space

The following press release was distributed May 3 by
the Agency's headquarters.

Deep Space Probe Science Team Selected

The agency today named twelve scientists to the probe's science team.
"""

NUMBERED_AFTER = b"""From: rk@lab.example (R. K.)
Subject: Rover mission moved to 9 days

Jane Roe
Headquarters, Capital City                             May 3, 1994
(Phone:  202/555-0100)

RELEASE:  94-12

ROVER MISSION EXTENDED TO NINE DAYS

\tThe rover mission has been extended to nine days, officials said.
"""

NUMBERED_BEFORE = b"""From: rk@lab.example (R. K.)
Subject: Options for the station

5/03/94:  AGENCY OUTLINES STATION OPTIONS

Agency Headquarters, Capital City
May 3, 1994

RELEASE:  94-13

\tThe director outlined three budget options for the station.
"""


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (FORWARDED_NOTE, "Deep Space Probe Science Team Selected"),
        (NUMBERED_AFTER, "ROVER MISSION EXTENDED TO NINE DAYS"),
        (NUMBERED_BEFORE, "AGENCY OUTLINES STATION OPTIONS"),
    ],
)
def test_a_forwarded_release_keeps_its_own_title_over_the_posts_subject(
    data: bytes, title: str
) -> None:
    [draft] = _read(data)
    assert draft.title == title


@pytest.mark.parametrize(
    "body",
    [
        # A note with no title line after it, a version number, a release number with
        # no title in capitals near it: the Subject stays.
        "The following press release was distributed today.\n\nThe agency said it would act.",
        "Release 2.0\n\nNEW FEATURES IN THIS VERSION\n\nMany fixes.",
        "RELEASE:  94-12\n\n\tThe rover mission has been extended, officials said.",
        "RELEASE: 94-12\n\n" + "A" * 300,
    ],
)
def test_without_a_stated_title_the_subject_stays(body: str) -> None:
    data = b"From: a@b.example\nSubject: The subject line\n\n" + body.encode()
    [draft] = _read(data)
    assert draft.title == "The subject line"
