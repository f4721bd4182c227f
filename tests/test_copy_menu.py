"""Issue 11, item 3: the copy menu (``y``, then a key), over OSC 52, with a notice of what was copied."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Static

from store.contacts import DirectoryEntry
from store.records import Contact, Link, Release, Source, release_id
from tests.helpers.app_session import browse, settle, shown_text
from tests.helpers.browser_data import write_store
from tui.app import PressroomApp
from tui.clipboard import local_tool
from tui.screens.browse import BrowseScreen
from tui.screens.contacts import ContactsScreen
from tui.screens.copy_menu import CopyMenu, citation, entry_vcard
from tui.screens.links import Picker
from tui.widgets.contact_list import ContactList
from tui.widgets.release_list import ReleaseList

WIDE = (140, 40)

BODY = "RABAT, 12 June 2021 – Heads of security agencies met today.\n\nA second paragraph."


def rabat_release(*, links: bool = True, contacts: int = 1) -> Release:
    people = [
        Contact(
            name="Laura Gérard",
            role="Public Information Officer",
            organisation="UNOCT",
            email="gerardl@un.org",
            phone="+1 212 963 1234",
        ),
        Contact(name="Ben Kim", role="Spokesperson", email="ben@un.org"),
    ][:contacts]
    path = f"/archive/rabat-{links}-{contacts}.txt"
    return Release(
        id=release_id(path, None, ""),
        title="Heads of security meet in Rabat",
        body=BODY,
        source=Source(path, "txt"),
        kicker="PRESS RELEASE",
        date="2021-06-12",
        location="Rabat",
        organisations=("UNOCT", "G5 Sahel"),
        contacts=tuple(people),
        links=(Link("report", "https://www.un.org/report"),) if links else (),
        issuer="UNOCT",
    )


@pytest.fixture
def rabat_store(tmp_path: Path) -> Path:
    return write_store(tmp_path / "releases.json", [rabat_release()])


def unfolded(card: str) -> list[str]:
    """A vCard's logical lines (RFC 6350 3.2: a line led by a space continues the one before)."""
    assert card.endswith("\r\n") and "\n" not in card.replace("\r\n", "")
    lines: list[str] = []
    for line in card.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, f"not folded: {line!r}"
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


EXPECTED = {
    "h": ("Heads of security meet in Rabat", "Copied the headline (31 characters)"),
    "d": ("Rabat, 12 June 2021", "Copied the dateline (19 characters)"),
    "c": (
        'UNOCT, "Heads of security meet in Rabat", Rabat, 12 June 2021',
        "Copied the citation (61 characters)",
    ),
    "b": (BODY, f"Copied the body ({len(BODY)} characters)"),
    "l": ("https://www.un.org/report", "Copied the link https://www.un.org/report"),
    "e": ("gerardl@un.org", "Copied the email gerardl@un.org"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
async def test_each_key_copies_its_text_through_osc_52_and_says_so(
    rabat_store: Path, key: str
) -> None:
    value, notice = EXPECTED[key]
    app = PressroomApp(rabat_store)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        written: list[str] = []
        assert app._driver is not None
        app._driver.write = written.append  # type: ignore[method-assign]
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CopyMenu)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.clipboard == value
        osc = f"\x1b]52;c;{base64.b64encode(value.encode()).decode()}\a"
        assert osc in written, "no OSC 52 sequence with the value was written to the terminal"
        assert [n.message for n in app._notifications] == [notice]


async def test_v_copies_the_contact_as_a_vcard_4(rabat_store: Path) -> None:
    app = PressroomApp(rabat_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("y", "v")
        await pilot.pause()
        lines = unfolded(app.clipboard)
    assert lines[:3] == ["BEGIN:VCARD", "VERSION:4.0", "FN:Laura Gérard"]
    assert "EMAIL;TYPE=work:gerardl@un.org" in lines
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+12129631234" in lines
    assert "ORG:UNOCT" in lines and "TITLE:Public Information Officer" in lines
    assert lines[-1] == "END:VCARD"


async def test_with_several_contacts_e_and_v_ask_which(tmp_path: Path) -> None:
    db = write_store(tmp_path / "releases.json", [rabat_release(contacts=2)])
    app = PressroomApp(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("y", "e")
        await pilot.pause()
        assert isinstance(app.screen, Picker) and app.screen.title_text == "Copy which email?"
        await pilot.press("2")
        await pilot.pause()
        assert app.clipboard == "ben@un.org"
        await pilot.press("y", "v")
        await pilot.pause()
        assert isinstance(app.screen, Picker) and app.screen.title_text == "Copy which vCard?"
        await pilot.press("2")
        await pilot.pause()
        assert "FN:Ben Kim" in unfolded(app.clipboard)


async def test_escape_closes_the_menu_and_a_missing_part_copies_nothing(tmp_path: Path) -> None:
    db = write_store(tmp_path / "releases.json", [rabat_release(links=False)])
    app = PressroomApp(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("y", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen) and app.clipboard == ""
        await pilot.press("y", "l")  # no web link: said, and the menu stays
        await pilot.pause()
        assert isinstance(app.screen, CopyMenu) and app.clipboard == ""
        assert "Nothing to copy" in list(app._notifications)[-1].message
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_y_works_in_the_reader_and_on_a_person_of_the_contact_lookup(
    rabat_store: Path,
) -> None:
    app = PressroomApp(rabat_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "y", "c")  # the full-screen reader
        await pilot.pause()
        assert app.clipboard == EXPECTED["c"][0]
        await pilot.press("escape", "c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("down", "y")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, CopyMenu)
        assert [c.key for c in menu.choices] == ["e", "v"]  # a person: email and vCard
        await pilot.press("v")
        await pilot.pause()
        entry = app.screen.query_one(ContactList).current
        assert entry is not None
        assert app.clipboard == entry_vcard(entry)
        assert "EMAIL;TYPE=work:gerardl@un.org" in unfolded(app.clipboard)


def test_a_directory_entry_without_email_still_has_a_card() -> None:
    entry = DirectoryEntry(
        key="k",
        name="Amara Okafor",
        email=None,
        phones=("+41 22 791 2222",),
        role="Director",
        organisation="WHO",
        history=(),
        release_ids=(),
        release_count=0,
        last_seen=None,
    )
    lines = unfolded(entry_vcard(entry))
    assert "FN:Amara Okafor" in lines and not any(x.startswith("EMAIL") for x in lines)


def test_the_local_clipboard_tool_is_used_on_a_desktop_never_over_ssh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = tmp_path / "xclip"
    tool.write_text("#!/bin/sh\ncat >/dev/null\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    desktop = {"DISPLAY": ":0"}
    assert local_tool(desktop, "linux") == [str(tool), "-selection", "clipboard", "-in"]
    assert local_tool({**desktop, "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"}, "linux") is None
    assert local_tool({}, "linux") is None  # no display: OSC 52 alone


async def test_the_help_lists_the_copy_menu(rabat_store: Path) -> None:
    app = PressroomApp(rabat_store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = shown_text(app.screen.query_one(Static))
        assert "copy menu" in text and "citation" in text
        assert isinstance(browse(app), BrowseScreen)


def test_a_citation_names_the_issuer_never_an_organisation_only_mentioned() -> None:
    issued = rabat_release()
    assert citation(issued) == 'UNOCT, "Heads of security meet in Rabat", Rabat, 12 June 2021'
    # A review that mentions the FBI was not written by it: no author is better than a wrong one.
    unsigned = replace(issued, issuer=None, organisations=("FBI",))
    assert citation(unsigned) == '"Heads of security meet in Rabat", Rabat, 12 June 2021'


async def test_the_list_dims_an_organisation_that_only_stands_in_for_the_issuer(
    tmp_path: Path,
) -> None:
    issued = rabat_release()
    unsigned = replace(rabat_release(contacts=0), issuer=None, organisations=("FBI", "UNOCT"))
    store = write_store(tmp_path / "releases.json", [issued, unsigned])
    app = PressroomApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ReleaseList)
        meta = rows.part("meta")

        def organisation_cell(release: Release) -> tuple[str, object]:
            # The cell after the marks and the date (a wide row has both).
            text, style = rows.row_pieces(release, 120)[1][5]
            return text.strip(), style

        assert organisation_cell(issued) == ("UNOCT", meta)
        text, style = organisation_cell(unsigned)
        assert text == "FBI" and isinstance(style, Style)
        assert style.dim and style.color == meta.color
