"""Releases carrying every hostile payload of SECURITY.md (M1-M8, E1-E11) in every field.

:func:`hostile_releases` builds them with ``Release.from_json``, so they pass
through the same cleaning as an import; :func:`raw_hostile_releases` builds
them with the dataclass constructor, so the payloads reach the store
untouched, as from a store file edited by another tool: that is what the
display layer's second cleaning must stand up to.
"""

from __future__ import annotations

from datetime import date, timedelta
from os import PathLike
from typing import Any, NamedTuple

from store.disk.release_store import ReleaseStore
from store.records import Contact, Link, Person, Release, Source, digest


class Payload(NamedTuple):
    """One hostile string and the SECURITY.md case it stands for."""

    case: str  # "M4", "E1", ... (a suffix letter when a case has several payloads)
    text: str


MARKUP_PAYLOADS: tuple[Payload, ...] = (
    Payload("M1", "[@click=app.screenshot('p.svg','DIR')]Read more[/]"),
    Payload("M2a", "[@click=app.quit]x[/]"),
    Payload("M2b", "[@click=app.simulate_key('q')]x[/]"),
    Payload("M2c", "[@click=app.push_screen('help')]x[/] [@click=app.notify('pwned')]y[/]"),
    Payload("M3", '[link="https://evil.example"]Official site[/link]'),
    Payload("M4a", "[TODO] plan"),
    Payload("M4b", "[Reuters] wire"),
    Payload("M4c", "[IMPORTANT]"),
    Payload("M4d", "[$accent]x"),
    Payload("M5a", "[/b] plan"),
    Payload("M5b", "[red]x[/blue]"),
    Payload("M5c", "[/]"),
    Payload("M6a", "a\\[b]"),
    Payload("M6b", "trailing\\"),
    Payload("M6c", "\\\\[b]"),
    Payload("M8a", "[click](javascript:alert(document.cookie))"),
    Payload("M8b", "[passwords](file:///etc/passwd)"),
    Payload("M8c", "[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
)
# M7 (payloads echoed back by the search bar) is the same list, typed into the bar.

OSC52_ST = "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\"
OSC52_BEL = "\x1b]52;c;ZWNobyBwd25lZA==\x07"

ESCAPE_PAYLOADS: tuple[Payload, ...] = (
    Payload("E1a", OSC52_ST),
    Payload("E1b", OSC52_BEL),
    Payload("E2", "\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\"),
    Payload("E3a", "\x1b]0;PWNED\x1b\\"),
    Payload("E3b", "\x1b]2;PWNED\x07"),
    Payload("E4a", "\x1b[2J\x1b[H"),
    Payload("E4b", "\x1bc"),
    Payload("E4c", "\x1b[?1049l"),
    Payload("E4d", "\x1b7"),
    Payload("E5a", "\x9b2J"),
    Payload("E5b", "\x9d0;t\x9c"),
    Payload("E5c", "\x90qsixel\x9c"),
    Payload("E6a", "\x1b[6n"),
    Payload("E6b", "\x1b[21t"),
    Payload("E7", "tail\x1b]52;c;ZWNobyBwd25lZA=="),  # unterminated: runs to the field's end
    Payload("E9", "nul\x00del\x7fcr\rbs\x08end"),
    Payload("E10a", "\u202emoc.live@oec"),
    Payload("E10b", "ceo\u200b@evil\u200d.com\u2066\u2069"),
    Payload("E11", "bad\udcff\ud800decoding"),
)

# Link targets (M8, E8): schemes that must never become links, and a URL
# that tries to break out of the OSC 8 hyperlink Textual would wrap it in.
HOSTILE_URLS: tuple[Payload, ...] = (
    Payload("M8a", "javascript:alert(document.cookie)"),
    Payload("M8b", "file:///etc/passwd"),
    Payload("M8c", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    Payload("E8", "https://evil.example/\x1b\\\x1b]52;c;ZWNobyBwd25lZA==\x07"),
    Payload("M3", "https://evil.example"),
)

ALL_PAYLOADS: tuple[Payload, ...] = MARKUP_PAYLOADS + ESCAPE_PAYLOADS

# Dates run backwards from here, one day per release, so that the list (newest
# first) shows the releases in the order of ALL_PAYLOADS.
_FIRST_DATE = date(2024, 12, 31)


def hostile_document(payload: Payload, index: int = 0) -> dict[str, Any]:
    """The JSON form of one release with *payload* in every field.

    The title starts with the case name, so a test can find the release on
    screen whatever the cleaning left of the payload.
    """
    text, case = payload.text, payload.case
    return {
        "id": digest("hostile", case, str(index)),
        "title": f"{case} {text} headline",
        "kicker": f"{text} PRESS RELEASE",
        "date": (_FIRST_DATE - timedelta(days=index)).isoformat(),
        "location": f"{text} Marrakesh",
        "embargo": f"EMBARGOED {text}",
        "organisations": [f"{text} Org", f"United Nations {text} (UN{case})"],
        "people": [
            {"name": f"{text} Jane Doe", "role": f"Director {text}"},
            {"name": f"{case} Spokes {text}", "role": None},
        ],
        "contacts": [
            {
                "name": f"{text} Press Officer",
                "role": f"Head of media {text}",
                "organisation": f"{text} Press Office",
                "email": f"ceo{text}@evil.com",
                "phone": f"+1 555 0100 {text}",
            }
        ],
        "links": [{"label": f"{text} Read more", "url": url.text + text} for url in HOSTILE_URLS]
        + [{"label": f"{case} {text}", "url": text}],
        "language": "en",
        "tags": [f"{text} tag"],
        "body": (
            f"{case} opening {text} paragraph.\n\n{text}\n\n"
            f"[Read more]({HOSTILE_URLS[0].text}) [here]({HOSTILE_URLS[3].text}) "
            f"{text} closing.\n"
        ),
        "source": {"path": f"/imports/{text}/{case}.txt", "format": "txt"},
    }


def combined_document(payloads: tuple[Payload, ...] = ALL_PAYLOADS) -> dict[str, Any]:
    """One release whose every field holds every payload at once; the newest of all."""
    every = " ".join(p.text for p in payloads)
    doc = hostile_document(Payload("ALL", every), index=-1)
    doc["body"] = "\n\n".join(f"{p.case}: {p.text} end" for p in payloads)
    return doc


def hostile_documents(payloads: tuple[Payload, ...] = ALL_PAYLOADS) -> list[dict[str, Any]]:
    """The JSON form of every hostile release: one per payload, then the combined one."""
    docs = [hostile_document(p, i) for i, p in enumerate(payloads)]
    docs.append(combined_document(payloads))
    return docs


def hostile_releases() -> list[Release]:
    """Every payload in every field, cleaned the way an import cleans."""
    return [Release.from_json(doc) for doc in hostile_documents()]


def raw_release(doc: dict[str, Any]) -> Release:
    """A release holding *doc*'s strings exactly, bypassing the import's cleaning."""
    return Release(
        id=doc["id"],
        title=doc["title"],
        body=doc["body"],
        source=Source(doc["source"]["path"], doc["source"]["format"]),
        kicker=doc["kicker"],
        date=doc["date"],
        location=doc["location"],
        embargo=doc["embargo"],
        organisations=tuple(doc["organisations"]),
        people=tuple(Person(p["name"], p["role"]) for p in doc["people"]),
        contacts=tuple(Contact(**c) for c in doc["contacts"]),
        links=tuple(Link(x["label"], x["url"]) for x in doc["links"]),
        language=doc["language"],
        tags=tuple(doc["tags"]),
    )


def raw_hostile_releases() -> list[Release]:
    """The same releases uncleaned; lone surrogates (E11) left out, JSON cannot hold them."""
    storable = tuple(p for p in ALL_PAYLOADS if not _has_lone_surrogate(p.text))
    return [raw_release(doc) for doc in hostile_documents(storable)]


def _has_lone_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def write_hostile_store(path: str | PathLike[str], *, raw: bool = False) -> list[Release]:
    """A store at *path* holding the hostile releases (cleaned, or *raw*); returns them."""
    releases = raw_hostile_releases() if raw else hostile_releases()
    with ReleaseStore(path) as store:
        store.add_batch(releases)
    return releases
