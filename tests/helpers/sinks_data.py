"""Releases carrying SECURITY.md's markup (M1-M8) and escape (E1-E7) payloads in every shown field.

Each payload becomes one release. Every field of it reads ``<tag> <payload>``:
the tag (``M4a-title``, ``E7-email`` ...) says which release and which field a
piece of screen text belongs to, and the payload sits at the field's end, where
an unterminated escape (E7) would swallow whatever came after it. What a field
must look like on screen is spelled out here by hand (``Payload.visible``),
never computed with the app's own cleaning functions.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from store.disk.release_store import ReleaseStore
from store.records import Contact, Link, Person, Release, Source, digest


class Payload(NamedTuple):
    """A hostile string, its SECURITY.md case, and what of it must be on screen."""

    case: str
    text: str
    visible: str  # the payload as the screen must show it (escape sequences gone)


# The folder M1's screenshot action would write into, relative to the working
# directory: tests run from a temporary one, so the path stays short on screen.
SHOT_DIR = "shots"
SHOT_FILE = "p.svg"

MARKUP: tuple[Payload, ...] = tuple(
    Payload(case, text, text)
    for case, text in (
        ("M1", f"[@click=app.screenshot('{SHOT_FILE}','{SHOT_DIR}')]Read more[/]"),
        ("M2a", "[@click=app.quit]x[/]"),
        ("M2b", "[@click=app.simulate_key('q')]x[/]"),
        ("M3", '[link="https://evil.example"]Official site[/link]'),
        ("M4a", "[TODO] plan"),
        ("M4b", "[Reuters] wire"),
        ("M4c", "[IMPORTANT]"),
        ("M4d", "[$accent]x"),
        ("M5a", "[/b] plan"),
        ("M5b", "[red]x[/blue]"),
        ("M5c", "[/]"),
        ("M6a", "a\\[b]"),
        ("M6b", "trailing\\"),
        ("M6c", "\\\\[b]"),
        ("M8a", "[click](javascript:alert(document.cookie))"),
        ("M8b", "[passwords](file:///etc/passwd)"),
        ("M8c", "[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    )
)

ESCAPES: tuple[Payload, ...] = (
    Payload("E1a", "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\", ""),
    Payload("E1b", "\x1b]52;c;ZWNobyBwd25lZA==\x07", ""),
    Payload("E2", "\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\", "Click"),
    Payload("E3a", "\x1b]0;PWNED\x1b\\", ""),
    Payload("E3b", "\x1b]2;PWNED\x07", ""),
    Payload("E4a", "\x1b[2J\x1b[H", ""),
    Payload("E4b", "\x1bc", ""),
    Payload("E4c", "\x1b[?1049l", ""),
    Payload("E4d", "\x1b7", ""),
    Payload("E5a", "\x9b2J", ""),
    Payload("E5b", "\x9d0;t\x9c", ""),
    Payload("E5c", "\x90qsixel\x9c", ""),
    Payload("E6a", "\x1b[6n", ""),
    Payload("E6b", "\x1b[21t", ""),
    Payload("E7", "\x1b]52;c;ZWNobyBwd25lZA==", ""),  # unterminated, at the field's end
)

ALL: tuple[Payload, ...] = MARKUP + ESCAPES

# Link targets that must never be opened (M8), and ones that may.
HOSTILE_URLS = (
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "JavaScript:alert(2)",
)
# The web link carries the payload in its path; the mail link is plain.
OPENABLE_URLS = ("https://press.example/{n}/{tail}", "mailto:press{n}@press.example")

# The release under the cursor when the browser opens (M5): newest of all.
CURSOR_TITLE = "[/b] plan"

# Shown fields of a release, in the order DetailPane lays them out.
FIELDS = (
    "kicker",
    "embargo",
    "title",
    "place",
    "org",
    "person",
    "role",
    "body",
    "contact",
    "crole",
    "corg",
    "email",
    "phone",
    "label",
    "path",
)

_NEWEST = date(2024, 12, 31)


def field_text(payload: Payload, name: str, *, shown: bool = False) -> str:
    """The value of field *name* of *payload*'s release (or, *shown*, what the screen must show)."""
    tail = payload.visible if shown else payload.text
    # An email needs its @ to count as one in the contact directory.
    tag = f"{payload.case}-{name}" + ("@press.example" if name == "email" else "")
    value = f"{tag} {tail}"
    # Folded to single spaces as a one-line field is: an emptied escape leaves no gap.
    return " ".join(value.split()) if shown else value


def web_url(payload: Payload, *, shown: bool = False) -> str:
    """The https link of *payload*'s release (or what the screen must show of it)."""
    number = ALL.index(payload) + 1
    url = OPENABLE_URLS[0].format(n=number, tail=payload.visible if shown else payload.text)
    return " ".join(url.split()) if shown else url


def release_date(index: int) -> str:
    """Newest first in ALL's order, after the cursor release."""
    return (_NEWEST - timedelta(days=index + 1)).isoformat()


def sink_document(payload: Payload, index: int) -> dict[str, Any]:
    """The JSON form of the release carrying *payload* in every field a screen shows."""

    def f(name: str) -> str:
        return field_text(payload, name)

    number = index + 1
    links = [
        {"label": f("label"), "url": url.format(n=number, tail=payload.text)}
        for url in OPENABLE_URLS
    ]
    links += [{"label": f"{payload.case}-bad{i}", "url": url} for i, url in enumerate(HOSTILE_URLS)]
    return {
        "id": digest("sink", payload.case),
        "title": f("title"),
        "kicker": f("kicker"),
        "embargo": f("embargo"),
        "date": release_date(index),
        "location": f("place"),
        "organisations": [f("org")],
        "people": [{"name": f("person"), "role": f("role")}],
        "contacts": [
            {
                "name": f("contact"),
                "role": f("crole"),
                "organisation": f("corg"),
                "email": f("email"),
                "phone": f("phone"),
            }
        ],
        "links": links,
        "language": "en",
        # The payload last: an unterminated escape (E7) may swallow what follows it.
        "body": f"[Read more]({HOSTILE_URLS[0]}) and [the file]({HOSTILE_URLS[1]})\n\n{f('body')}",
        "source": {"path": f"/imports/{f('path')}", "format": "txt"},
    }


def cursor_document() -> dict[str, Any]:
    """The newest release: ``[/b] plan`` as its title, only hostile links (``o`` must warn)."""
    return {
        "id": digest("sink", "cursor"),
        "title": CURSOR_TITLE,
        "date": _NEWEST.isoformat(),
        "organisations": ["[/] Cursor Org"],
        "contacts": [],  # no email: ``y`` copies the headline
        "links": [{"label": f"bad{i}", "url": url} for i, url in enumerate(HOSTILE_URLS)],
        "body": "[red]x[/blue] body of the cursor release",
        "source": {"path": "/imports/cursor.txt", "format": "txt"},
    }


def sink_documents(payloads: tuple[Payload, ...] = ALL) -> list[dict[str, Any]]:
    return [cursor_document()] + [sink_document(p, i) for i, p in enumerate(payloads)]


def imported_releases() -> list[Release]:
    """Every document built with ``Release.from_json``: cleaned the way an import cleans."""
    return [Release.from_json(doc) for doc in sink_documents()]


def raw_releases() -> list[Release]:
    """The same releases with their strings untouched, as from a store edited by another tool.

    This is what the display layer's own cleaning must stand up to.
    """
    return [
        Release(
            id=d["id"],
            title=d["title"],
            body=d["body"],
            source=Source(d["source"]["path"], d["source"]["format"]),
            kicker=d.get("kicker"),
            date=d.get("date"),
            location=d.get("location"),
            embargo=d.get("embargo"),
            organisations=tuple(d.get("organisations", ())),
            people=tuple(Person(p["name"], p["role"]) for p in d.get("people", ())),
            contacts=tuple(Contact(**c) for c in d.get("contacts", ())),
            links=tuple(Link(x["label"], x["url"]) for x in d.get("links", ())),
            language=d.get("language"),
        )
        for d in sink_documents()
    ]


def write_sink_store(path: Path, *, raw: bool = False) -> Path:
    """A store at *path* holding the sink releases (imported, or *raw*)."""
    with ReleaseStore(path) as store:
        store.add_batch(raw_releases() if raw else imported_releases())
    return path
