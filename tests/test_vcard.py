"""vCard 4.0 (RFC 6350) read back by a strict parser; `pressroom contacts`; the lookup's export."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store.contacts import ContactDirectory, DirectoryEntry
from store.records import Contact
from store.vcard import escape_text, fold_line, vcard
from tests.helpers.app_session import settle
from tests.helpers.browser_data import sample_releases, write_store
from tui.app import PressroomApp
from tui.screens.contacts import ContactsScreen
from tui.screens.prompt import Prompt
from tui.widgets.contact_list import ContactList

ROOT = Path(__file__).resolve().parent.parent
WIDE = (140, 40)
_PROPERTY = re.compile(r"^(?P<name>[A-Z]+)(?P<params>(;[A-Za-z]+=[^;:]*)*):(?P<value>.*)$")


def parse_vcards(data: bytes) -> list[dict[str, list[str]]]:
    """A strict reader: CRLF only, lines of at most 75 octets, folding undone, values unescaped."""
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF or CR"
    physical = data.split(b"\r\n")
    assert physical[-1] == b"", "the last line ends with CRLF"
    lines: list[str] = []
    for raw in physical[:-1]:
        assert len(raw) <= 75, f"{len(raw)} octets: {raw!r}"
        text = raw.decode("utf-8")  # a fold never cuts a character: each line decodes alone
        if text.startswith(" "):
            assert lines, "a continuation line first"
            lines[-1] += text[1:]
        else:
            lines.append(text)
    cards: list[dict[str, list[str]]] = []
    card: dict[str, list[str]] | None = None
    for line in lines:
        match = _PROPERTY.match(line)
        assert match, f"not a content line: {line!r}"
        name, value = match["name"], match["value"]
        if name == "BEGIN":
            assert card is None and value == "VCARD"
            card = {}
            continue
        assert card is not None, "a property outside a card"
        if name == "END":
            assert value == "VCARD"
            assert card["VERSION"] == ["4.0"] and card.get("FN"), card
            cards.append(card)
            card = None
            continue
        card.setdefault(name, []).append(value)
    assert card is None, "a card without END"
    return cards


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], value)


def components(value: str) -> list[str]:
    """A structured value (N) split at its unescaped semicolons."""
    return [unescape(part) for part in re.split(r"(?<!\\);", value)]


def entry(**fields: object) -> DirectoryEntry:
    base: dict[str, object] = {
        "key": "k",
        "name": "Jane Roe",
        "email": "jane@example.org",
        "phones": ("+44 20 7946 0123",),
        "role": "Press Officer",
        "organisation": "Harbour Authority",
        "history": (),
        "release_ids": ("a",),
        "release_count": 1,
        "last_seen": date(2024, 3, 3),
    }
    base.update(fields)
    return DirectoryEntry(**base)  # type: ignore[arg-type]


def test_a_card_holds_every_field_and_reads_back() -> None:
    [card] = parse_vcards(vcard(entry()).encode())
    assert card["FN"] == ["Jane Roe"]
    assert components(card["N"][0]) == ["Roe", "Jane", "", "", ""]
    assert card["ORG"] == ["Harbour Authority"]
    assert card["TITLE"] == ["Press Officer"]
    assert card["EMAIL"] == ["jane@example.org"]
    assert card["TEL"] == ["tel:+442079460123"]
    assert unescape(card["NOTE"][0]).startswith("1 press release, last seen 2024-03-03")


def test_earlier_addresses_follow_the_one_to_write_to() -> None:
    card_text = vcard(entry(other_emails=("j.roe@example.org", "jane@example.org")))
    assert "EMAIL;TYPE=work;PREF=1:jane@example.org\r\n" in card_text
    [card] = parse_vcards(card_text.encode())
    # The current address once, then the earlier one; the card reads back.
    assert card["EMAIL"] == ["jane@example.org", "j.roe@example.org"]


def test_the_contact_card_and_json_show_earlier_addresses() -> None:
    from tui.cli.exporting import contact_json
    from tui.screens.contacts import contact_card

    shown = entry(other_emails=("j.roe@example.org",))
    assert contact_json(shown)["other_emails"] == ["j.roe@example.org"]
    assert "j.roe@example.org  (earlier)" in contact_card(shown).plain
    assert contact_json(entry())["other_emails"] == []


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped() -> None:
    hostile = entry(
        name="Roe, Jane; \\ Dr",
        organisation="A;B,C\\D",
        role="line one\nline two",
    )
    [card] = parse_vcards(vcard(hostile).encode())
    # clean_line has folded the line break of a one-line field into a space already.
    assert unescape(card["FN"][0]) == "Roe, Jane; \\ Dr"
    assert unescape(card["ORG"][0]) == "A;B,C\\D"
    assert unescape(card["TITLE"][0]) == "line one line two"
    assert escape_text("a\nb,c;d\\") == "a\\nb\\,c\\;d\\\\"


def test_long_lines_fold_at_75_octets_never_inside_a_character() -> None:
    name = "Zoë Ångström-" + "東京" * 40 + "é" * 30
    [card] = parse_vcards(vcard(entry(name=name, organisation="Ü" * 100)).encode())
    assert card["FN"] == [name]
    assert card["ORG"] == ["Ü" * 100]
    assert fold_line("x" * 75) == "x" * 75 + "\r\n"
    assert fold_line("x" * 76) == "x" * 75 + "\r\n x\r\n"


def test_control_characters_and_escapes_never_reach_a_card() -> None:
    data = vcard(
        entry(name="Evil\x1b]52;c;aGk=\x07 Person\x00", email="a\u202e@b.example")
    ).encode()
    assert b"\x1b" not in data and b"\x00" not in data and "\u202e".encode() not in data
    [card] = parse_vcards(data)
    assert card["FN"] == ["Evil Person"]


def test_the_directory_of_the_sample_releases_as_cards() -> None:
    directory = ContactDirectory.build(sample_releases())
    data = "".join(vcard(e) for e in directory.entries).encode()
    cards = parse_vcards(data)
    assert len(cards) == len(directory)
    emails = {unescape(c["EMAIL"][0]) for c in cards if "EMAIL" in c}
    assert "gerardl@un.org" in emails


def test_a_shared_mailbox_is_a_card_of_kind_org() -> None:
    [card] = parse_vcards(vcard(entry(name="WHO", email="press@who.int", shared=True)).encode())
    assert card["KIND"] == ["org"]


# -- pressroom contacts -----------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    releases = sample_releases()
    odd = releases[0].with_changes(
        contacts=(Contact(name="Tab\tName, [bold]x", email="tab@example.org", phone="+1 555"),)
    )
    return write_store(tmp_path / "releases.json", [odd, *releases[1:]])


def test_contacts_piped_is_tab_separated_plain_text(store_path: Path) -> None:
    done = run("contacts", "--db", str(store_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(len(line.split("\t")) == 7 for line in lines)
    assert "\x1b" not in done.stdout
    assert "Tab Name, [bold]x\ttab@example.org\t+1 555" in done.stdout
    filtered = run("contacts", "--db", str(store_path), "gerardl")
    assert [line.split("\t")[1] for line in filtered.stdout.splitlines()] == ["gerardl@un.org"]


def test_contacts_json_and_vcf(store_path: Path, tmp_path: Path) -> None:
    as_json = run("contacts", "--db", str(store_path), "--json")
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert {"name", "email", "phones", "releases", "last_seen"} <= set(records[0])
    out = tmp_path / "all.vcf"
    written = run("contacts", "--db", str(store_path), "--format", "vcf", "-o", str(out))
    assert written.returncode == 0, written.stderr
    cards = parse_vcards(out.read_bytes())
    assert len(cards) == len(records)
    assert f"wrote {len(cards)} contacts" in written.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "tui", "contacts", "--db", str(store_path), "un.org", "-f", "vcf"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )  # bytes: the CRLFs as written
    assert [unescape(c["EMAIL"][0]) for c in parse_vcards(piped.stdout)] == ["gerardl@un.org"]
    assert "examples:" in run("contacts", "--help").stdout


# -- the contact lookup -----------------------------------------------------------------------


async def test_the_contact_lookup_exports_the_shown_contacts_and_one(
    store_path: Path, tmp_path: Path
) -> None:
    app = PressroomApp(store_path)
    shown_file = tmp_path / "shown.vcf"
    one_file = tmp_path / "one.vcf"
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press(*"un.org", "enter")  # filter, then into the list
        await settle(pilot)
        shown = list(app.screen.query_one(ContactList).rows)
        await pilot.press("e")
        assert isinstance(app.screen, Prompt)
        assert app.screen.value.endswith(".vcf")
        app.screen.query_one("#prompt-input").value = str(shown_file)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, Prompt)
        app.screen.query_one("#prompt-input").value = str(one_file)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        notices = [n.message for n in app._notifications]
        assert any(f"to {one_file}" in m for m in notices)
    assert [c["FN"][0] for c in parse_vcards(shown_file.read_bytes())] == [e.name for e in shown]
    assert len(parse_vcards(one_file.read_bytes())) == 1
