"""What the browser sends to a real terminal when the archive is hostile (SECURITY.md M1-M8, E1-E11).

Each test runs ``python -m tui`` in a pseudo-terminal on a store full of
hostile releases, walks it with the keyboard and the mouse, quits with ``q``,
and searches every byte the app wrote. A bare Textual app, run the same way,
says which escape sequences Textual sends on its own; anything more that a
payload could have produced is a failure.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.hostile import (
    ALL_PAYLOADS,
    ESCAPE_PAYLOADS,
    HOSTILE_URLS,
    MARKUP_PAYLOADS,
    OSC52_ST,
    Payload,
    write_hostile_store,
)
from tests.helpers.pty_session import (
    PtySession,
    c1_characters,
    escape_sequences,
    osc8_targets,
    python_command,
    sequence_kind,
    stray_c1_bytes,
)

COLS, ROWS = 120, 36  # wide enough for the detail pane beside the list
NARROW = 100  # Enter opens the full-screen reader instead

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("bare textual ready")


Bare().run()
"""

# The harness's own check: markup given to a bare Static *does* run its action on a click.
MARKUP_APP = """
from textual.app import App
from textual.widgets import Static


class Clickable(App[None]):
    def compose(self):
        yield Static("ready [@click=app.quit]CLICKME[/]")


Clickable().run()
"""

# Shown in the list exactly as written, whatever Textual's markup would make of them.
LITERAL_TITLES = (
    "M2a [@click=app.quit]x[/] headline",
    "M4a [TODO] plan headline",
    "M4b [Reuters] wire headline",
    "M4c [IMPORTANT] headline",
    "M4d [$accent]x headline",
    "M5a [/b] plan headline",
    "M5b [red]x[/blue] headline",
    "M5c [/] headline",
    "M6a a\\[b] headline",
    "M6b trailing\\ headline",
    "M6c \\\\[b] headline",
)

SEARCH_PLACEHOLDER = "/ search"  # the empty search bar

# Bidi overrides and isolates and zero-width characters (E10) must not reach the terminal.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f\u2060\ufeff]")


@dataclass(frozen=True)
class Recording:
    """Everything a session wrote, where ``q`` was pressed, and how it ended."""

    output: bytes
    quit_at: int
    returncode: int
    screen: str


def _finish(session: PtySession) -> Recording:
    quit_at = session.press("q")
    returncode = session.wait_exit()
    return Recording(session.output, quit_at, returncode, session.screen_text())


@pytest.fixture(scope="module")
def bare_textual(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    """What Textual sends on its own: start-up, one screen, ``q``."""
    cwd = tmp_path_factory.mktemp("bare")
    with PtySession([sys.executable, "-c", BARE_APP], cols=COLS, rows=ROWS, cwd=cwd) as session:
        session.wait_for_screen("bare textual ready")
        return _finish(session)


def _kinds(data: bytes) -> Counter[str]:
    return Counter(sequence_kind(seq) for _, seq in escape_sequences(data))


def _payload_sequences(payloads: Iterable[Payload]) -> dict[bytes, str]:
    """Every escape sequence inside the payloads (8-bit ones in their 7-bit form) -> case."""
    found: dict[bytes, str] = {}
    for payload in payloads:
        raw = payload.text.encode("utf-8", "surrogatepass")
        seven_bit = (
            payload.text.replace("\x9b", "\x1b[")
            .replace("\x9d", "\x1b]")
            .replace("\x90", "\x1bP")
            .replace("\x9c", "\x1b\\")
            .encode("utf-8", "surrogatepass")
        )
        for data in (raw, seven_bit):
            for _, seq in escape_sequences(data):
                found.setdefault(seq, payload.case)
    return found


PAYLOAD_SEQUENCES = _payload_sequences(ALL_PAYLOADS + HOSTILE_URLS)
PAYLOAD_KINDS = {sequence_kind(seq): case for seq, case in PAYLOAD_SEQUENCES.items()}


def assert_terminal_safe(rec: Recording, bare: Recording) -> None:
    """The checks of SECURITY.md section 2 on the raw bytes of one session."""
    out = rec.output
    text = out.decode("utf-8", "replace")
    problems: list[str] = []

    def around(index: int) -> str:
        return repr(out[max(0, index - 60) : index + 60])

    for needle, what in (
        (b"\x1b]52", "OSC 52 (clipboard write)"),
        (b"\x1b]0;", "OSC 0 (window title)"),
        (b"\x1b]1;", "OSC 1 (icon title)"),
        (b"\x1b]2;", "OSC 2 (window title)"),
        (b"\x1bc", "ESC c (full reset)"),
        (b"\x1b7", "ESC 7 (save cursor)"),
    ):
        index = out.find(needle)
        if index != -1:
            problems.append(f"{what} at byte {index}: {around(index)}")

    for needle in (b"\x1b[6n", b"\x1b[21t", b"\x1b[2J"):
        ours, theirs = out.count(needle), bare.output.count(needle)
        if ours > theirs:
            problems.append(
                f"{needle!r} sent {ours} times, a bare Textual app sends it {theirs} times "
                f"(first at {out.find(needle)}: {around(out.find(needle))})"
            )

    hostile_targets = (b"evil.example", b"javascript:", b"file:", b"data:")
    for target in osc8_targets(out):
        if any(h in target for h in hostile_targets):
            problems.append(f"OSC 8 hyperlink to a payload URL: {target!r}")

    for offset, byte in stray_c1_bytes(out):
        problems.append(f"8-bit C1 byte {byte:#x} outside UTF-8 at {offset}: {around(offset)}")
    for ch in sorted(set(c1_characters(out)) | set(_INVISIBLE.findall(text))):
        encoded = ch.encode("utf-8")
        index = out.find(encoded)
        problems.append(
            f"U+{ord(ch):04X} sent {out.count(encoded)} times (a C1, bidi or invisible "
            f"control), first at byte {index}: {around(index)}"
        )

    # A payload's own sequence that Textual never sends by itself came from the content.
    bare_sequences = {seq for _, seq in escape_sequences(bare.output)}
    for offset, seq in escape_sequences(out):
        case = PAYLOAD_SEQUENCES.get(seq)
        if case is not None and seq not in bare_sequences:
            problems.append(f"{seq!r} from payload {case} at byte {offset}: {around(offset)}")

    new_kinds = set(_kinds(out)) - set(_kinds(bare.output))
    from_payloads = {kind: PAYLOAD_KINDS[kind] for kind in new_kinds if kind in PAYLOAD_KINDS}
    if from_payloads:
        problems.append(
            f"escape-sequence kinds a bare Textual app never sends, as in payloads: {from_payloads}"
        )

    leaves = [m.start() for m in re.finditer(re.escape(b"\x1b[?1049l"), out)]
    if len(leaves) != 1 or leaves[0] < rec.quit_at:
        problems.append(
            f"alternate screen left at {leaves} (q pressed at byte {rec.quit_at}): "
            "the screen was torn down before the user quit"
        )
    elif b"\x1b[?25h" not in out[leaves[-1] :]:
        problems.append("the cursor was not shown again after leaving the alternate screen")

    if "Traceback (most recent call last)" in text:
        index = text.index("Traceback")
        problems.append(f"a traceback reached the terminal: {text[index : index + 400]!r}")
    if rec.returncode != 0:
        problems.append(f"exit status {rec.returncode} after q")

    assert not problems, "\n".join(problems)


# -- driving the browser ---------------------------------------------------------------


def _start(db: Path, cwd: Path, cols: int = COLS) -> PtySession:
    return PtySession(python_command("tui", "--db", str(db)), cols=cols, rows=ROWS, cwd=cwd)


def _wait_loaded(session: PtySession, count: int) -> None:
    # The count line is drawn once the first search result is on screen.
    session.wait_for_screen(f"{count} of {count}")
    session.wait_for_screen("M1 [@click=app.screenshot(")


def _focus_search(session: PtySession) -> int:
    """``/``, then wait until the terminal cursor sits at the start of the empty search bar.

    Textual moves focus on a later turn of its loop, so keys written right
    after ``/`` could still reach the list and its bindings; a focused input is
    the one widget that parks the terminal cursor in its text. Returns the
    bar's row.
    """
    col, row = session.wait_for_screen(SEARCH_PLACEHOLDER)
    session.press("/")
    session.wait_for(
        lambda s: s.cursor()[1] == row and abs(s.cursor()[0] - col) <= 2,
        "the cursor in the search bar",
    )
    return row


def _search_for(session: PtySession, text: str, bar: int) -> None:
    """Type *text* into the focused search bar (on row *bar*) and wait until it shows."""
    session.type_text(text)
    # The payloads are on screen already (list, detail pane): look in the bar only.
    session.wait_for(lambda s: text in s.screen_lines()[bar], f"{text!r} in the search bar")


def _clear_search(session: PtySession, text: str, bar: int) -> None:
    """Ctrl+U empties the bar (the focus stays in it); wait until *text* has left it.

    (Esc leaves the bar with its text kept, issue 14, as in vim and aerc.)
    """
    session.send(b"\x15")
    session.wait_for(lambda s: text not in s.screen_lines()[bar], f"{text!r} cleared")


def _walk(session: PtySession, count: int, *, wide: bool) -> None:
    """j a few times, Enter, Esc, every markup payload typed into the search bar, Esc."""
    _wait_loaded(session, count)
    for title in LITERAL_TITLES:  # M4-M6: a timeout here says which one was mangled
        session.wait_for_screen(title)
    session.press("j", "j", "j")
    # The fourth row (newest first: ALL, M1, M2a, M2b) is in the detail pane when wide.
    if wide:
        session.wait_for_screen("M2b Spokes")
    mark = session.press("enter")
    session.wait_for(lambda s: s.mark() > mark, "a repaint after Enter")
    session.wait_for_screen("M2b Spokes")
    session.press("escape")
    _wait_loaded(session, count)
    bar = _focus_search(session)
    for payload in MARKUP_PAYLOADS:  # M7: the bar echoes each one back
        _search_for(session, payload.text, bar)
        _clear_search(session, payload.text, bar)
    _search_for(session, "[TODO] plan", bar)
    session.wait_for_screen(f"2 of {count}")  # M4a and the release holding every payload
    session.press("escape", "escape")
    _wait_loaded(session, count)
    assert session.alive(), "the app quit during the walk"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("raw", "cols"),
    [(False, COLS), (True, COLS), (True, NARROW)],
    ids=["cleaned-store", "raw-store", "raw-store-reader"],
)
def test_walking_a_hostile_store_sends_nothing_hostile(
    tmp_path: Path, bare_textual: Recording, raw: bool, cols: int
) -> None:
    db = tmp_path / "hostile.json"
    count = len(write_hostile_store(db, raw=raw))
    # Payloads that clean away leave copies of one text, which fold into one row (z):
    # every release is walked, so every copy is shown.
    from tui.prefs import Prefs, save_prefs

    save_prefs(db, Prefs(fold=False))
    with _start(db, tmp_path, cols) as session:
        _walk(session, count, wide=cols >= COLS)
        rec = _finish(session)
    assert_terminal_safe(rec, bare_textual)


@pytest.mark.slow
def test_clicking_markup_actions_does_nothing(tmp_path: Path, bare_textual: Recording) -> None:
    """M1, M2: a click on ``[@click=...]`` text runs no action: no file, no quit."""
    db = tmp_path / "hostile.json"
    count = len(write_hostile_store(db))
    with _start(db, tmp_path) as session:
        _wait_loaded(session, count)
        # Fragments short enough to survive the list's truncation and the pane's wrapping.
        for text in (
            "[@click=app.screenshot('p.svg','DIR')]Re",
            "[@click=app.quit]x[/]",
            "[@click=app.simulate_key('q')]x[/]",
            "[@click=app.push_screen('help')]x[/]",
        ):
            session.wait_for_screen(text)
            places = session.find_all_on_screen(text)
            # The characters markup would have made clickable: the x, or "Read more".
            inside = text.index("]") + 1
            for col, row in places:
                session.click(col + inside, row)
        # Still answering keys after every click.
        bar = _focus_search(session)
        _search_for(session, "zz still here", bar)
        session.wait_for_screen(f"0 of {count}")
        assert session.alive()
        session.press("escape", "escape")
        rec = _finish(session)
    assert not list(tmp_path.rglob("*.svg")), "a click on M1 wrote a screenshot"
    assert_terminal_safe(rec, bare_textual)


@pytest.mark.slow
def test_a_click_on_live_markup_reaches_the_app(tmp_path: Path) -> None:
    """The click test above can fail: the same clicks on markup a bare app renders run it."""
    with PtySession([sys.executable, "-c", MARKUP_APP], cols=COLS, rows=ROWS, cwd=tmp_path) as s:
        col, row = s.wait_for_screen("ready CLICKME")
        s.click(col + len("ready C"), row)
        assert s.wait_exit() == 0  # quit by the click: nothing else would end it


@pytest.mark.slow
def test_pasting_escape_payloads_into_the_search_bar(
    tmp_path: Path, bare_textual: Recording
) -> None:
    """E1-E11 in the search box: pasted (bracketed paste), echoed in the bar and the hint."""
    db = tmp_path / "hostile.json"
    count = len(write_hostile_store(db))
    with _start(db, tmp_path) as session:
        _wait_loaded(session, count)
        bar = _focus_search(session)
        for payload in ESCAPE_PAYLOADS:
            marker = f"pasted-{payload.case}"
            # A terminal pastes UTF-8: a lone surrogate (E11) arrives as U+FFFD.
            pasted = payload.text.encode("utf-8", "replace").decode("utf-8")
            session.paste(f"{marker} {pasted} end")
            session.wait_for(lambda s, m=marker: m in s.screen_lines()[bar], f"{marker} pasted")
            _clear_search(session, marker, bar)
        _search_for(session, "[TODO] plan", bar)
        session.wait_for_screen(f"2 of {count}")
        session.press("escape", "escape")
        rec = _finish(session)
    assert_terminal_safe(rec, bare_textual)


@pytest.mark.slow
def test_invalid_utf8_from_the_terminal_does_not_kill_the_app(
    tmp_path: Path, bare_textual: Recording
) -> None:
    """Bytes that are not UTF-8 (a Latin-1 terminal, a bad paste) are typed into the bar.

    Textual 8.2.8 decodes terminal input as strict UTF-8 and would die here;
    tui.runtime.terminal_input makes it decode with replacement.
    """
    db = tmp_path / "hostile.json"
    count = len(write_hostile_store(db))
    with _start(db, tmp_path) as session:
        _wait_loaded(session, count)
        bar = _focus_search(session)
        session.send(b"caf\xe9 \xed\xb3\xbf\xff ")
        _search_for(session, "still typing", bar)
        session.press("escape", "escape")
        rec = _finish(session)
    assert_terminal_safe(rec, bare_textual)


@pytest.mark.slow
def test_bare_textual_baseline_is_clean(bare_textual: Recording) -> None:
    """The reference itself: a bare app quits with 0 and sends none of the forbidden sequences."""
    assert_terminal_safe(bare_textual, bare_textual)
    assert bare_textual.returncode == 0
    assert b"\x1b[?1049h" in bare_textual.output


_CLEAN_SESSION = Recording(
    output=b"\x1b[?1049h\x1b[?25l\x1b[1;1Hhello\x1b[?1049l\x1b[?25h",
    quit_at=20,
    returncode=0,
    screen="hello",
)


@pytest.mark.parametrize(
    ("injected", "expected"),
    [
        (OSC52_ST.encode(), "OSC 52"),
        (b"\x1b]0;PWNED\x07", "OSC 0"),
        (b"\x1b]2;PWNED\x1b\\", "OSC 2"),
        (b"\x1b]8;;https://evil.example/\x1b\\Click\x1b]8;;\x1b\\", "OSC 8"),
        (b"\x1b[6n", "6n"),
        (b"\x1b[21t", "21t"),
        (b"\x1bc", "ESC c"),
        (b"\x9b2J", "C1 byte 0x9b"),
        ("\x9d0;t\x9c".encode(), "U+009D"),
        ("\u202emoc.live@oec".encode(), "U+202E"),
        (b"\x1b[?1049l", "alternate screen left"),
        (b"Traceback (most recent call last):", "traceback"),
    ],
)
def test_the_checks_catch_what_they_look_for(injected: bytes, expected: str) -> None:
    """Every check of assert_terminal_safe fails on the sequence it exists for."""
    out = _CLEAN_SESSION.output
    # Before the quit: drawn while the app was running, as content would be.
    rec = Recording(out[:15] + injected + out[15:], 20 + len(injected), 0, "")
    assert_terminal_safe(Recording(out, 20, 0, ""), _CLEAN_SESSION)
    with pytest.raises(AssertionError, match=re.escape(expected)):
        assert_terminal_safe(rec, _CLEAN_SESSION)
