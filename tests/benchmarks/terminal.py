"""Pressroom through a real terminal: start, typed keys and pastes timed from outside, in a pty.

Run as ``python -m tests.benchmarks.terminal --store PATH [--json OUT]``. It plays
the terminal (``tests.helpers.pty_session.PtySession``): the real ``pressroom``
console script and a bare Textual app run in a pty of a fixed size, keys are
bytes written to the pty's master, and what the programs draw is read back and
turned into screen rows. Nothing is measured inside the app.

The terminal answers Textual's query for synchronized output (``CSI ?2026$p``),
as most current terminals do, so every frame arrives between ``CSI ?2026h`` and
``CSI ?2026l``: a frame is *shown* when its end marker has been read. Every chunk
read from the pty is time-stamped on arrival (``time.perf_counter``, the clock
of the key writes too); while keys are timed, the parent does nothing else (no
screen model on the reading thread, the replay comes after). The screen is then
replayed frame by frame to find the first frame that shows a given state.

- **start**: from ``perf_counter()`` just before the program is spawned to the
  first frame whose screen shows list rows (pressroom: at least
  :data:`MIN_ROWS` release rows, dated ``YYYY-MM-DD``; the bare app: its
  ``OptionList`` rows).
- **typing**: ``/`` opens the search bar; words are typed a key at a time; each
  key is timed from its write to (a) the first frame whose bar shows the
  typed letter, and (b) the first frame whose bar holds exactly that prefix and
  whose count line shows that prefix's count (``86 of 24,652``), the counts
  being computed beforehand with the store's own search (a separate process).
  A key whose count was never drawn because the next key came first is
  *superseded*. A typed space shows nothing in the bar and has no (a).
- **paste**: a whole word in one write, plain (what a terminal sends without
  bracketed paste: the app sees one key per letter) and bracketed
  (``ESC [200~ word ESC [201~``), to the frame with its count; the distinct
  counts drawn on the way tell how many of the intermediate searches were shown.

The bare app is an ``Input`` whose ``Changed`` handler writes the value's length
into a ``Static`` ("9 characters") above an ``OptionList`` of 200 rows, run with
Textual's defaults (60 frames a second; ``pressroom`` asks for 120;
``--bare-fps 120`` gives the bare app the same).

``--also ARCHIVE`` starts ``pressroom`` on a second archive in the same rounds as
``--store``'s (the order alternating), so that two archives' starts are compared under
the same load: the issue's budget is a million in PostgreSQL at most 1.5x the store
file of 100k (``--store postgresql://... --also releases.json``).

``--timeline N`` adds N starts of ``pressroom`` under :data:`TIMELINE_WRAPPER`,
which notes when each import is done and when the steps of opening the archive
and the first frames begin and end (medians over the N starts, on the same clock).

Pytest collects nothing here (no ``test_`` names).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.backend import Location, ServerArchive, parse_location

if TYPE_CHECKING:
    from tests.helpers.pty_session import PtySession, ScreenModel

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_STORE = Path("/tmp/rc/db/releases.json")
DEFAULT_WORDS = ("biologics", "climate", "chief executive", "semiconductor", "wildfire")
SIZE = (140, 40)  # the wide layout: the detail pane beside the list

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently off": Textual then brackets its frames
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"

MIN_ROWS = 5  # list rows on screen that count as "a screen with rows"
START_TIMEOUT = 60.0
SETTLE = 1.0  # seconds after the last key before looking at the result (nothing is read meanwhile)
ESCAPE_SETTLE = 0.35  # Textual waits a little after ESC to tell it from a sequence
# ".duplicates": the near-duplicate sketches an earlier opening made, as a user's archive
# has them from its second opening on (the first reads every release to make them: a core
# for 15-60 s at 100k while the first keys are typed, not what every start meets).
DERIVED_SUFFIXES = (".catalogue", ".index", ".index.added", ".duplicates")
# Part of the store: its latest writes (store.disk.journal). Copied, never linked: an
# import appends to it in place, which would reach through a link to the original.
JOURNAL_SUFFIX = ".journal"

BARE_APP = """
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

ROWS = [
    f"row {n:04d}  2026-08-{n % 28 + 1:02d}  A release title of a plausible length, number {n}"
    for n in range(1, 201)
]


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="search")
        yield Static("", id="count")
        yield OptionList(*ROWS)

    @on(Input.Changed)
    def changed(self, event: Input.Changed) -> None:
        self.query_one("#count", Static).update(f"{len(event.value)} characters")


Bare().run()
"""

# The counts of the store's own search for each text, in a process of its own
# (the parent stays small and idle while it times).
EXPECTED_COUNTS = """
import json, sys
from store.backend import open_archive, parse_location
from store.search.query import parse_query

db, texts = parse_location(sys.argv[1]), json.loads(sys.argv[2])
archive = open_archive(db, read_only=True)
try:
    archive.build_index(cached_only=True)
    states = archive.read_marks()
    # The count the browser shows first: a database's first page comes with the
    # size of the whole result, estimated past a point ("about 240,000").
    firsts = {text: archive.search(parse_query(text), states=states, first=200) for text in texts}
    counts = {text: result.matched for text, result in firsts.items()}
    counts[""] = len(archive)
    # An estimated count is replaced by the exact one once the whole result is shown
    # (a Pressroom without PostgresArchive.counted keeps the estimate).
    counted = getattr(archive, "counted", None)
    exact = {}
    for text, result in firsts.items():
        if counted is not None and result.estimated:
            exact[text] = counted(result).matched
finally:
    archive.close()
print(json.dumps({"counts": counts, "exact": exact}))
"""


# Where a start goes: `pressroom` run by a wrapper that notes, from the
# parent's clock reading before the spawn, when each import is done and when
# the steps of opening (store thread, workers) and the first frames begin and end.
# Nothing of the app is changed but that the functions are wrapped to note the time.
TIMELINE_WRAPPER = """
import os, sys, threading, time

T0 = float(os.environ["PRESSROOM_BENCH_T0"])
NOTES = []


def note(what):
    NOTES.append(((time.perf_counter() - T0) * 1000, threading.current_thread().name, what))


def save():
    with open(os.environ["PRESSROOM_TIMELINE"], "w") as out:
        for at, thread, what in NOTES:
            out.write(f"{at:.1f}\\t{thread}\\t{what}\\n")


import atexit

atexit.register(save)
note("interpreter started, site imported")
import tui.cli.main as cli

note("imported tui.cli.main (rich, orjson, platformdirs, store.disk)")
from tui.runtime.textual_internals import set_frame_rate

set_frame_rate()
import textual.app

note("imported textual.app")
import textual.widgets

note("imported textual.widgets")
import tui.app

note("imported tui.app (screens, widgets, session, store.archive, search)")

import inspect
from textual._compositor import Compositor
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.screen import Screen

import store.search.index_file as index_file
from store.archive import Archive, _Snapshot
from store.disk.catalogue import Catalogue
from store.disk.release_store import ReleaseStore
from tui.screens.browse import BrowseScreen
from tui.session import Session


def wrap(owner, name, label, times=1):
    static = inspect.getattr_static(owner, name)
    original = getattr(owner, name)
    calls = [0]

    def wrapped(*args, **kwargs):
        calls[0] += 1
        n = calls[0]
        if n <= times:
            note(f"{label} #{n} begins" if times > 1 else f"{label} begins")
        try:
            return original(*args, **kwargs)
        finally:
            if n <= times:
                note(f"{label} #{n} ends" if times > 1 else f"{label} ends")

    if isinstance(static, (classmethod, staticmethod)):
        setattr(owner, name, staticmethod(wrapped))
    else:
        setattr(owner, name, wrapped)


wrap(LinuxDriver, "start_application_mode", "driver: start application mode")
wrap(Session, "start", "session.start (app mounted)")
wrap(Session, "_open", "store thread: open the archive")
wrap(ReleaseStore, "__init__", "store thread: ReleaseStore()")
wrap(Catalogue, "load", "store thread: catalogue load")
wrap(_Snapshot, "of_catalogue", "store thread: snapshot of the catalogue")
wrap(Archive, "read_marks", "store thread: read marks")
wrap(Session, "_opened", "UI: archive opened (hand-over)")
wrap(BrowseScreen, "run_search", "UI: run_search")
wrap(BrowseScreen, "_show_result", "UI: _show_result")
wrap(Archive, "build_index", "worker: build_index")
wrap(index_file, "load", "worker: index file load")
wrap(Archive, "contacts", "worker: contact directory")
wrap(Screen, "_refresh_layout", "UI: screen layout", times=4)
wrap(App, "_display", "UI: frame", times=10)

import orjson

_loads = orjson.loads


def loads(data, *args):
    # The big ones hold the GIL for their whole length: every other thread waits.
    big = len(data) > 1_000_000
    if big:
        who = "store thread" if threading.current_thread().name.startswith("pressroom-store") else "worker"
        note(f"{who}: orjson.loads of {len(data) // 1_000_000} MB begins")
    try:
        return _loads(data, *args)
    finally:
        if big:
            note(f"{who}: orjson.loads of {len(data) // 1_000_000} MB ends")


orjson.loads = loads
note("hooks in place; main() runs")
sys.argv = ["pressroom", *sys.argv[1:]]
sys.exit(cli.main())
"""


def log(message: str) -> None:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"[{time.strftime('%H:%M:%S')} load {load}] {message}", file=sys.stderr, flush=True)


# -- the two programs ---------------------------------------------------------------


@dataclass
class Target:
    """A program to measure and how to read its screen."""

    name: str
    argv: list[str]
    rows: re.Pattern[str]  # one list row on screen
    raw_rows: re.Pattern[bytes]  # the same in the raw output (to know when to look)
    placeholder: str  # what the empty bar shows
    count: re.Pattern[str]  # the count line; group 1 is the count
    open_search: bytes  # keys that put the focus in the search bar
    quit_keys: bytes
    expected: Callable[[str], int | None]
    total: int | None = None  # the count with an empty bar
    # An estimated count's exact number, drawn in its place later ({} where none is).
    exact: dict[str, int] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)

    def shows_count(self, lines: Sequence[str], text: str) -> bool:
        """Whether the count line shows *text*'s count: the first drawn, or its exact one."""
        count = self.count_on(lines)
        return count is not None and count in (self.expected(text), self.exact.get(text))

    def count_on(self, lines: Sequence[str]) -> int | None:
        for line in lines:
            match = self.count.match(line)
            if match:
                return int(match.group(1).replace(",", ""))
        return None

    def bar(self, lines: Sequence[str]) -> str | None:
        return bar_text(lines, self.placeholder)

    def rows_on(self, lines: Sequence[str]) -> int:
        return sum(1 for line in lines if self.rows.search(line))


def pressroom_target(
    db: Location,
    counts: dict[str, int],
    name: str = "pressroom",
    exact: dict[str, int] | None = None,
) -> Target:
    return Target(
        name=name,
        argv=[str(ROOT / ".venv" / "bin" / "pressroom"), "--db", _address(db)],
        rows=re.compile(r"^[ ★•]{1,4}\d{4}-\d{2}-\d{2} "),
        raw_rows=re.compile(rb"\d{4}-\d{2}-\d{2}"),
        placeholder="/ search:",
        count=re.compile(r"^ (?:about )?([\d,]+) of [\d,]+ "),
        open_search=b"/",
        quit_keys=b"\x03",  # Ctrl+C: q would be typed into the bar
        expected=counts.get,
        total=counts.get(""),
        exact=exact or {},
    )


def bare_target(fps: int = 0) -> Target:
    return Target(
        name="bare Textual",
        argv=[str(ROOT / ".venv" / "bin" / "python"), "-c", BARE_APP],
        env={"TEXTUAL_FPS": str(fps)} if fps else {},
        rows=re.compile(r"row \d{4}  "),
        raw_rows=re.compile(rb"row \d{4}  "),
        placeholder="search",
        count=re.compile(r"^(\d+) characters"),
        open_search=b"",  # the Input has the focus from the start
        quit_keys=b"\x11",  # Ctrl+Q
        expected=len,
        total=0,
    )


def bar_text(lines: Sequence[str], placeholder: str) -> str | None:
    """What the search bar (an Input with a tall border) holds; '' when empty, None if absent."""
    for line in lines[:6]:
        if line.startswith("▊") and line.endswith("▎") and not set(line[1:-1]) <= {"▔", "▁"}:
            text = line[1:-1].strip()
            return "" if text.startswith(placeholder) else text
    return None


# -- the session and its replay -----------------------------------------------------


def open_session(target: Target, cols: int, rows: int) -> PtySession:
    from tests.helpers.pty_session import PtySession

    session = PtySession(
        target.argv,
        cols=cols,
        rows=rows,
        cwd=ROOT,
        env=target.env,
        replies={SYNC_QUERY: SYNC_REPLY},
        timestamps=True,
        live_screen=False,
    )
    return session.start()


@dataclass
class Point:
    """A moment the terminal shows a new screen: a frame's end (or, outside a frame, a read)."""

    offset: int
    at: float
    frame: bool
    lines: list[str]


@dataclass
class Replay:
    """A screen model of its own fed with the session's output, frame by frame, after the fact."""

    session: PtySession
    cols: int
    rows: int
    fed: int = 0
    in_frame: bool = False
    model: ScreenModel = field(init=False)
    decoder: codecs.IncrementalDecoder = field(init=False)
    _chunk: int = 0

    def __post_init__(self) -> None:
        from tests.helpers.pty_session import ScreenModel

        self.model = ScreenModel(self.cols, self.rows)
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def advance(self, until: int | None = None) -> list[Point]:
        """Feed the output up to *until* (all read so far by default); the points on the way."""
        data = self.session.output
        chunks = list(self.session.chunk_times)
        end = len(data) if until is None else min(until, len(data))
        # From a little before: a marker may straddle the previous call's end.
        since = max(0, self.fed - len(SYNC_END) + 1)
        window = data[since:end]
        markers = sorted(
            [(since + m.end(), True) for m in re.finditer(re.escape(SYNC_START), window)]
            + [(since + m.end(), False) for m in re.finditer(re.escape(SYNC_END), window)]
        )
        markers = [(offset, opening) for offset, opening in markers if offset > self.fed]
        points: list[Point] = []
        index = 0
        while self._chunk < len(chunks) and self.fed < end:
            at, chunk_end = chunks[self._chunk]
            stop = min(chunk_end, end)
            while index < len(markers) and markers[index][0] <= stop:
                offset, opening = markers[index]
                index += 1
                self._feed(data, offset)
                if opening:
                    self.in_frame = True
                elif self.in_frame:
                    self.in_frame = False
                    points.append(Point(offset, at, True, self.model.lines()))
            had = self.fed
            self._feed(data, stop)
            if not self.in_frame and self.fed > had:
                points.append(Point(self.fed, at, False, self.model.lines()))
            if stop == chunk_end:
                self._chunk += 1
        return points

    def _feed(self, data: bytes, upto: int) -> None:
        if upto > self.fed:
            self.model.feed(self.decoder.decode(data[self.fed : upto]))
            self.fed = upto


def wait_until(check: Callable[[], bool], what: str, timeout: float, poll: float = 0.01) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(poll)


def wait_for_rows(session: PtySession, target: Target, timeout: float = START_TIMEOUT) -> None:
    """Until the screen shows list rows, looking at the raw bytes only (cheap, off the clock)."""
    wait_until(
        lambda: len(target.raw_rows.findall(session.output)) >= MIN_ROWS or not session.alive(),
        f"{target.name} rows",
        timeout,
        poll=0.005,
    )
    if not session.alive():
        raise RuntimeError(f"{target.name} ended before showing rows:\n{session.describe()}")


def wait_screen(session: PtySession, check: Callable[[list[str]], bool], what: str) -> None:
    """Off the clock: until the live screen satisfies *check*."""
    try:
        wait_until(lambda: check(session.screen_lines()), what, 60.0, poll=0.05)
    except TimeoutError as exc:
        raise TimeoutError(f"{exc}\n{session.describe()}") from None


# -- start ----------------------------------------------------------------------------


def one_start(target: Target, cols: int, rows: int) -> dict[str, float]:
    session = open_session(target, cols, rows)
    try:
        wait_for_rows(session, target)
        time.sleep(0.3)  # the rest of that frame
        assert session.spawned_at is not None
        replay = Replay(session, cols, rows)
        points = replay.advance()
        first_output = session.chunk_times[0][0] - session.spawned_at
        first_frame = next(p.at for p in points if any(line.strip() for line in p.lines))
        with_rows = next(p.at for p in points if target.rows_on(p.lines) >= MIN_ROWS)
        return {
            "first_output_s": first_output,
            "first_frame_s": first_frame - session.spawned_at,
            "rows_s": with_rows - session.spawned_at,
        }
    finally:
        session.stop(quit_keys=target.quit_keys)


def measure_starts(targets: Sequence[Target], n: int, cols: int, rows: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, float]]] = {t.name: [] for t in targets}
    for round_ in range(n):
        # Alternating, so that a busy moment of the machine falls on both.
        order = targets if round_ % 2 == 0 else list(reversed(targets))
        for target in order:
            figures = one_start(target, cols, rows)
            runs[target.name].append(figures)
            log(f"start {target.name}: rows at {figures['rows_s'] * 1000:.0f} ms")
            time.sleep(0.5)
    return {name: {"runs": values, **_spread(values, "rows_s")} for name, values in runs.items()}


def _spread(values: list[dict[str, float]], key: str) -> dict[str, float]:
    xs = sorted(v[key] for v in values)
    return {"median_s": statistics.median(xs), "min_s": xs[0], "max_s": xs[-1]}


# -- typing and pasting -----------------------------------------------------------------


def schedule(text: str, pace: str, rng: random.Random) -> list[float]:
    """Seconds to wait before each key: a fast typist's varied pace, or a steady one."""
    if pace != "fast":
        return [0.0] + [float(pace) / 1000] * (len(text) - 1)
    gaps = [0.0]
    for previous in text[:-1]:
        roll = rng.random()
        if previous == " " or roll < 0.12:
            gaps.append(rng.uniform(0.30, 0.45))  # a pause: a thought, a glance
        elif roll > 0.88:
            gaps.append(rng.uniform(0.025, 0.045))  # a rolled pair: lands mid-draw
        else:
            gaps.append(rng.uniform(0.050, 0.080))
    return gaps


@dataclass
class Written:
    text: str  # the bar's text once this write is handled
    at: float
    offset: int
    key: str


def write_timed(session: PtySession, data: bytes, text: str, key: str) -> Written:
    offset = session.mark()
    at = time.perf_counter()
    session.send(data)
    return Written(text, at, offset, key)


def clear_bar(session: PtySession, target: Target) -> None:
    """Ctrl+U empties the bar (Textual's Input: delete to the start; the cursor is at
    the end), in pressroom and in the bare app alike (Esc leaves pressroom's bar, its
    text kept)."""
    if target.bar(session.screen_lines()) != "":
        session.send(b"\x15")
        time.sleep(ESCAPE_SETTLE)
    wait_screen(
        session,
        lambda lines: target.bar(lines) == "" and target.count_on(lines) in (target.total, None),
        "an empty bar",
    )


def settle_after(session: PtySession, target: Target, text: str) -> None:
    """Wait, reading nothing, then until the bar and count show *text*'s final state."""
    time.sleep(SETTLE)
    expected = target.expected(text)
    wait_screen(
        session,
        lambda lines: (
            target.bar(lines) == text.rstrip()
            and (expected is None or target.shows_count(lines, text))
        ),
        f"{text!r} with its count {expected}",
    )


def key_timings(target: Target, writes: list[Written], points: list[Point]) -> list[dict[str, Any]]:
    """(a) letter shown and (b) count shown, per key, from the replayed frames."""
    timings = []
    word = writes[-1].text
    for n, write in enumerate(writes):
        after = [p for p in points if p.offset > write.offset]
        typed = write.text.rstrip()
        expected = target.expected(write.text)
        shown = None
        if write.key != " ":
            shown = next(
                (
                    p
                    for p in after
                    if (bar := target.bar(p.lines))
                    and len(bar) >= len(typed)
                    and word.startswith(bar)
                ),
                None,
            )
        counted = next(
            (
                p
                for p in after
                if target.bar(p.lines) == typed
                and expected is not None
                and target.shows_count(p.lines, write.text)
            ),
            None,
        )
        next_write = writes[n + 1].at if n + 1 < len(writes) else None
        before = target.total if n == 0 else target.expected(writes[n - 1].text)
        entry: dict[str, Any] = {
            "key": write.key,
            "text": write.text,
            "expected": expected,
            # The count line had something to change: (b) is not reached by the letter's frame alone.
            "count_changes": expected != before,
            "letter_ms": (shown.at - write.at) * 1000 if shown else None,
            "count_ms": (counted.at - write.at) * 1000 if counted else None,
            "superseded": counted is None,
            "next_key_after_ms": (next_write - write.at) * 1000 if next_write else None,
        }
        if counted is not None and next_write is not None and counted.at > next_write:
            entry["count_after_next_key"] = True
        if shown is not None and counted is not None:
            entry["frames_between"] = sum(
                1 for p in after if p.frame and shown.offset < p.offset <= counted.offset
            )
        timings.append(entry)
    return timings


def type_word(
    session: PtySession, replay: Replay, target: Target, word: str, gaps: list[float]
) -> list[dict[str, Any]]:
    replay.advance()
    writes: list[Written] = []
    due = time.perf_counter()
    for n, char in enumerate(word):
        due += gaps[n]
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        writes.append(write_timed(session, char.encode(), word[: n + 1], char))
    settle_after(session, target, word)
    return key_timings(target, writes, replay.advance())


def paste_word(
    session: PtySession, replay: Replay, target: Target, word: str, bracketed: bool
) -> dict[str, Any]:
    replay.advance()
    data = word.encode()
    if bracketed:
        data = b"\x1b[200~" + data + b"\x1b[201~"
    write = write_timed(session, data, word, "paste")
    settle_after(session, target, word)
    points = [p for p in replay.advance() if p.offset > write.offset]
    expected = target.expected(word)
    final = next(
        p
        for p in points
        if target.bar(p.lines) == word.rstrip() and target.shows_count(p.lines, word)
    )
    before = [p for p in points if p.offset <= final.offset]
    # Counts drawn on the way, other than the empty bar's and the final one.
    counts_seen = []
    for p in before:
        count = target.count_on(p.lines)
        if (
            count not in (None, target.total, expected, target.exact.get(word))
            and count not in counts_seen
        ):
            counts_seen.append(count)
    return {
        "word": word,
        "bracketed": bracketed,
        "count_ms": (final.at - write.at) * 1000,
        "frames": sum(1 for p in before if p.frame),
        "counts_seen": counts_seen,
        "first_frame_ms": (before[0].at - write.at) * 1000 if before else None,
    }


def measure_typing(
    target: Target,
    words: Sequence[str],
    paces: Sequence[str],
    repeats: int,
    cols: int,
    rows: int,
    seed: int,
    pastes: bool = True,
) -> dict[str, Any]:
    session = open_session(target, cols, rows)
    try:
        wait_for_rows(session, target)
        replay = Replay(session, cols, rows)
        if target.open_search:
            session.send(target.open_search)
            wait_screen(session, lambda lines: target.bar(lines) == "", "the search bar")
        warm_up(session, target, words[0])
        typed: dict[str, list[dict[str, Any]]] = {}
        for pace in paces:
            rng = random.Random(seed)
            keys: list[dict[str, Any]] = []
            for _ in range(repeats):
                for word in words:
                    clear_bar(session, target)
                    time.sleep(0.3)
                    keys += type_word(session, replay, target, word, schedule(word, pace, rng))
            typed[pace] = keys
            log(f"{target.name} typed at pace {pace}: {len(keys)} keys")
        pasted: list[dict[str, Any]] = []
        for _ in range(repeats if pastes else 0):
            for word in words:
                for bracketed in (False, True):
                    clear_bar(session, target)
                    time.sleep(0.3)
                    try:
                        pasted.append(paste_word(session, replay, target, word, bracketed))
                    except TimeoutError:
                        # Its count never came (a search lost in the app or the store):
                        # counted as lost, its screen kept, and the run goes on.
                        log(f"{target.name}: paste of {word!r} lost (bracketed: {bracketed})")
                        replay.advance()
                        pasted.append(
                            {
                                "word": word,
                                "bracketed": bracketed,
                                "lost": True,
                                "screen": session.screen_lines(),
                            }
                        )
        log(f"{target.name} pasted {len(pasted)} words")
        return {"typed": typed, "pasted": pasted}
    finally:
        session.stop(quit_keys=target.quit_keys)


def measure_broad(
    target: Target, word: str, delays: Sequence[float], repeats: int, cols: int, rows: int
) -> list[dict[str, Any]]:
    """A broad word typed (a key every 60 ms), and what its last key brings, when: the list
    with its first count (an estimate at a million), then its exact count. Then the word
    typed again and, *delay* seconds after its last key (its whole result or exact count
    being found), a backspace: that key's time to its own count, to show whether the work
    in the background holds keys back."""
    session = open_session(target, cols, rows)
    runs: list[dict[str, Any]] = []
    estimate = target.expected(word)
    exact = target.exact.get(word, estimate)  # the count drawn last
    try:
        wait_for_rows(session, target)
        replay = Replay(session, cols, rows)
        session.send(target.open_search)
        wait_screen(session, lambda lines: target.bar(lines) == "", "the search bar")
        warm_up(session, target, word)
        for _ in range(repeats):
            for delay in (None, *delays):
                clear_bar(session, target)
                time.sleep(0.5)
                replay.advance()
                writes = []
                for n, char in enumerate(word):
                    if n:
                        time.sleep(0.06)
                    writes.append(write_timed(session, char.encode(), word[: n + 1], char))
                last = writes[-1]
                entry: dict[str, Any] = {"word": word, "delay_s": delay}
                if delay is None:
                    wait_screen(
                        session,
                        lambda lines: target.bar(lines) == word and target.count_on(lines) == exact,
                        f"{word!r} counted exactly",
                    )
                    # The live screen shows a frame as its bytes arrive: the rest of that
                    # frame, its end marker included, for the replay to see it whole.
                    time.sleep(0.3)
                else:
                    time.sleep(max(0.0, delay - (time.perf_counter() - last.at)))
                    back = write_timed(session, b"\x7f", word[:-1], "backspace")
                    settle_after(session, target, word[:-1])
                points = [p for p in replay.advance() if p.offset > last.offset]
                on_word = [p for p in points if target.bar(p.lines) == word]
                first = next((p for p in on_word if target.count_on(p.lines) == estimate), None)
                entry["first_count_ms"] = (first.at - last.at) * 1000 if first else None
                if delay is None:
                    counted = next((p for p in on_word if target.count_on(p.lines) == exact), None)
                    entry["exact_count_ms"] = (counted.at - last.at) * 1000 if counted else None
                else:
                    shown = next(
                        (
                            p
                            for p in points
                            if p.offset > back.offset
                            and target.bar(p.lines) == word[:-1]
                            and target.shows_count(p.lines, word[:-1])
                        ),
                        None,
                    )
                    entry["key_ms"] = (shown.at - back.at) * 1000 if shown else None
                runs.append(entry)
                log(f"{target.name} broad {word!r}: {entry}")
        return runs
    finally:
        session.stop(quit_keys=target.quit_keys)


def measure_early(
    target: Target, word: str, n: int, cols: int, rows: int, seed: int
) -> list[dict[str, Any]]:
    """*word* typed at a fast pace the moment the list shows rows, as someone who opens
    the browser to look one thing up does: before the index is loaded, on a big
    archive. Each of *n* fresh starts: from spawn to rows, to the word's count, and
    from its last key to its count; whether a scan's answer ("indexing for search")
    was drawn on the way."""
    runs: list[dict[str, Any]] = []
    rng = random.Random(seed)
    for _ in range(n):
        session = open_session(target, cols, rows)
        try:
            wait_for_rows(session, target)
            assert session.spawned_at is not None
            replay = Replay(session, cols, rows)
            writes = [write_timed(session, target.open_search, "", "open")]
            due = time.perf_counter()
            for k, (char, gap) in enumerate(zip(word, schedule(word, "fast", rng), strict=True)):
                due += gap if k else 0.06  # the bar's key, then the word
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                writes.append(write_timed(session, char.encode(), word[: k + 1], char))
            settle_after(session, target, word)
            # The live screen shows a frame as its bytes arrive: the rest of that frame,
            # its end marker included, for the replay to see it whole.
            time.sleep(0.3)
            points = replay.advance()
            last = writes[-1]
            on_word = [
                p for p in points if p.offset > last.offset and target.bar(p.lines) == word.rstrip()
            ]
            counted = next((p for p in on_word if target.shows_count(p.lines, word)), None)
            scanned = any(
                "indexing" in line
                for p in points
                if p.offset > writes[0].offset
                for line in p.lines
            )
            rows_at = next(p.at for p in points if target.rows_on(p.lines) >= MIN_ROWS)
            entry = {
                "word": word,
                "rows_s": rows_at - session.spawned_at,
                "first_key_s": writes[1].at - session.spawned_at,
                "count_s": counted.at - session.spawned_at if counted else None,
                "last_key_ms": (counted.at - last.at) * 1000 if counted else None,
                "scan_shown": scanned,
            }
            runs.append(entry)
            log(f"{target.name} early {word!r}: {entry}")
        finally:
            session.stop(quit_keys=target.quit_keys)
    return runs


def measure_fresh(
    target: Target, words: Sequence[str], n: int, cols: int, rows: int, seed: int
) -> dict[str, Any]:
    """The words typed once each at a fast pace, in each of *n* fresh starts: the first
    minute of use, while the browser still builds what comes after its index (the contact
    directory, the related releases) in the pauses between words. ``--repeats`` types
    them again in one session, where the later rounds meet a settled browser."""
    keys: list[dict[str, Any]] = []
    for start in range(n):
        figures = measure_typing(target, words, ["fast"], 1, cols, rows, seed + start, pastes=False)
        keys += figures["typed"]["fast"]
    return {"keys": keys, "summary": summarize_keys(keys, words)}


def warm_up(session: PtySession, target: Target, word: str) -> None:
    """A search answered from the index (not the scan of the first seconds), once, untimed."""
    deadline = time.perf_counter() + 300
    while True:
        session.send(word.encode())
        time.sleep(SETTLE)
        lines = session.screen_lines()
        if target.shows_count(lines, word) and not any("indexing" in line for line in lines):
            break
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{target.name} never answered {word!r} from its index")
        clear_bar(session, target)
        time.sleep(1.0)
    clear_bar(session, target)


# The phases of a start, each from one note to another (the first of a label's
# name that begins with it): where the time between spawn and rows goes.
PHASES = (
    ("python: interpreter and site", None, "interpreter started"),
    (
        "imports: tui.cli.main (orjson, platformdirs, rich, store.disk)",
        "interpreter started",
        "imported tui.cli.main",
    ),
    ("imports: textual.app", "imported tui.cli.main", "imported textual.widgets"),
    (
        "imports: tui.app (screens, widgets, session -> store.ingest, archive)",
        "imported textual.widgets",
        "imported tui.app",
    ),
    (
        "app: main() to mounted (driver, compose, mount)",
        "hooks in place",
        "session.start (app mounted) begins",
    ),
    (
        "store thread: catalogue load",
        "store thread: catalogue load begins",
        "store thread: catalogue load ends",
    ),
    (
        "  of which orjson.loads of the catalogue's header (GIL held)",
        "store thread: orjson.loads",
        "store thread: orjson.loads",
    ),
    (
        "store thread: snapshot and marks",
        "store thread: catalogue load ends",
        "store thread: open the archive ends",
    ),
    ("UI: mounted to first frame", "session.start (app mounted) begins", "UI: frame #1 ends"),
    (
        "UI: archive opened to its hand-over run",
        "store thread: open the archive ends",
        "UI: archive opened (hand-over) begins",
    ),
    (
        "UI: hand-over to run_search",
        "UI: archive opened (hand-over) begins",
        "UI: run_search begins",
    ),
    (
        "UI: run_search to result shown (empty query, via a worker)",
        "UI: run_search begins",
        "UI: _show_result ends",
    ),
    ("UI: result shown to rows on the terminal", "UI: _show_result ends", "rows on screen"),
    (
        "worker (beside): index file load",
        "worker: index file load begins",
        "worker: index file load ends",
    ),
    (
        "  of which orjson.loads of the index's header (GIL held)",
        "worker: orjson.loads",
        "worker: orjson.loads",
    ),
    (
        "worker (after): contact directory",
        "worker: contact directory begins",
        "worker: contact directory ends",
    ),
)


def _phases(notes: list[tuple[float, str]]) -> dict[str, float]:
    def first(prefix: str, last: bool = False) -> float | None:
        found = [at for at, what in notes if what.startswith(prefix)]
        return (found[-1] if last else found[0]) if found else None

    durations = {}
    for label, start, end in PHASES:
        begins = 0.0 if start is None else first(start)
        ends = first(end, last=start == end)
        if begins is not None and ends is not None:
            durations[label] = ends - begins
    return durations


def measure_timeline(db: Location, n: int, cols: int, rows: int) -> dict[str, Any]:
    """*n* starts of pressroom under :data:`TIMELINE_WRAPPER`: each note's time, each phase's length."""
    from tests.helpers.pty_session import PtySession

    runs: list[list[tuple[float, str]]] = []
    target = pressroom_target(db, {})
    with tempfile.TemporaryDirectory(prefix="pressroom-timeline-") as folder:
        for run in range(n):
            out = Path(folder) / f"timeline-{run}.tsv"
            t0 = time.perf_counter()
            session = PtySession(
                [
                    str(ROOT / ".venv" / "bin" / "python"),
                    "-c",
                    TIMELINE_WRAPPER,
                    "--db",
                    _address(db),
                ],
                cols=cols,
                rows=rows,
                cwd=ROOT,
                env={"PRESSROOM_BENCH_T0": repr(t0), "PRESSROOM_TIMELINE": str(out)},
                replies={SYNC_QUERY: SYNC_REPLY},
                timestamps=True,
                live_screen=False,
            ).start()
            try:
                wait_for_rows(session, target)
                time.sleep(0.3)
                points = Replay(session, cols, rows).advance()
                shown = next(p.at for p in points if target.rows_on(p.lines) >= MIN_ROWS)
                time.sleep(4.0)  # the index loads in the background meanwhile
            finally:
                session.stop(quit_keys=target.quit_keys)
            notes = [
                (float(at), what)
                for at, _thread, what in (
                    line.split("\t", 2) for line in out.read_text().splitlines()
                )
            ]
            notes.append(((shown - t0) * 1000, "rows on screen (seen from the terminal)"))
            runs.append(sorted(notes))
            time.sleep(0.5)
    per_run = [_phases(notes) for notes in runs]
    phases = {
        label: statistics.median(p[label] for p in per_run if label in p)
        for label, _, _ in PHASES
        if any(label in p for p in per_run)
    }
    rows_ms = [
        next(at for at, what in notes if what.startswith("rows on screen")) for notes in runs
    ]
    return {"phases_ms": phases, "rows_ms": rows_ms, "runs": runs}


# -- figures ----------------------------------------------------------------------------


def percentiles(values: Sequence[float]) -> dict[str, float | int | None]:
    xs = sorted(values)
    if not xs:
        return {"n": 0, "p50": None, "p95": None, "max": None}

    def at(q: float) -> float:
        return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]

    return {"n": len(xs), "p50": at(0.5), "p95": at(0.95), "max": xs[-1]}


def summarize_keys(keys: list[dict[str, Any]], words: Sequence[str]) -> dict[str, Any]:
    last_keys = [k for k in keys if k["text"] in words]
    changing = [k for k in keys if k["count_changes"]]
    between = [k["frames_between"] for k in changing if "frames_between" in k]
    return {
        "letter": percentiles([k["letter_ms"] for k in keys if k["letter_ms"] is not None]),
        "count": percentiles([k["count_ms"] for k in keys if k["count_ms"] is not None]),
        "count_changed": percentiles(
            [k["count_ms"] for k in changing if k["count_ms"] is not None]
        ),
        "last_key_count": percentiles(
            [k["count_ms"] for k in last_keys if k["count_ms"] is not None]
        ),
        "superseded": sum(1 for k in keys if k["superseded"]),
        "count_after_next_key": sum(1 for k in keys if k.get("count_after_next_key")),
        "frames_between": {
            "same_frame": sum(1 for b in between if b == 0),
            "later_frame": sum(1 for b in between if b > 0),
            "max": max(between, default=None),
        },
    }


def summarize_pastes(pasted: list[dict[str, Any]]) -> dict[str, Any]:
    out = {}
    for bracketed in (False, True):
        runs = [p for p in pasted if p["bracketed"] is bracketed and not p.get("lost")]
        out["bracketed" if bracketed else "plain"] = {
            "lost": sum(1 for p in pasted if p["bracketed"] is bracketed and p.get("lost")),
            "count": percentiles([p["count_ms"] for p in runs]),
            "frames": percentiles([p["frames"] for p in runs]),
            "counts_seen": percentiles([len(p["counts_seen"]) for p in runs]),
        }
    return out


def _ms(value: float | int | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _trio(p: dict[str, Any]) -> str:
    return f"{_ms(p['p50'])} / {_ms(p['p95'])} / {_ms(p['max'])}"


def report(results: dict[str, Any]) -> str:
    """One table: a row per figure, a column per program."""
    rows: list[tuple[str, dict[str, str]]] = []
    starts = results.get("start", {})
    if starts:
        rows.append(
            (
                "start to rows, s: median [min-max]",
                {
                    n: f"{s['median_s']:.3f} [{s['min_s']:.3f}-{s['max_s']:.3f}]"
                    for n, s in starts.items()
                },
            )
        )
        rows.append(
            (
                "start to first frame, s: median",
                {
                    n: f"{statistics.median(r['first_frame_s'] for r in s['runs']):.3f}"
                    for n, s in starts.items()
                },
            )
        )
    typing = results.get("typing", {})
    paces = next(iter(typing.values()))["typed_summary"] if typing else {}
    for pace in paces:
        label = "fast" if pace == "fast" else f"{pace} ms"
        per = {n: f["typed_summary"][pace] for n, f in typing.items()}
        rows += [
            (
                f"typed ({label}): (a) letter, ms p50/p95/max",
                {n: _trio(x["letter"]) for n, x in per.items()},
            ),
            (
                f"typed ({label}): (b) count, every key",
                {n: _trio(x["count"]) for n, x in per.items()},
            ),
            (
                f"typed ({label}): (b) count, keys changing it",
                {n: _trio(x["count_changed"]) for n, x in per.items()},
            ),
            (
                f"typed ({label}): (b) last key of the word",
                {n: _trio(x["last_key_count"]) for n, x in per.items()},
            ),
            (
                f"typed ({label}): (a),(b) same frame / later",
                {
                    n: f"{x['frames_between']['same_frame']} / {x['frames_between']['later_frame']}"
                    f" (max {x['frames_between']['max']})"
                    for n, x in per.items()
                },
            ),
            (
                f"typed ({label}): superseded / after next key",
                {
                    n: f"{x['superseded']} / {x['count_after_next_key']} of {x['letter']['n']}"
                    for n, x in per.items()
                },
            ),
        ]
    for kind in ("plain", "bracketed") if typing else ():
        per = {n: f["pasted_summary"][kind] for n, f in typing.items()}
        rows += [
            (
                f"paste ({kind}): to count, ms p50/p95/max",
                {
                    n: _trio(x["count"]) + (f" ({x['lost']} lost)" if x.get("lost") else "")
                    for n, x in per.items()
                },
            ),
            (
                f"paste ({kind}): frames / other counts drawn",
                {
                    n: f"{_ms(x['frames']['p50'])} / {_ms(x['counts_seen']['max'])} (max)"
                    for n, x in per.items()
                },
            ),
        ]
    names = list(starts or typing)
    for name in names[1:]:
        if name.startswith("pressroom ") and name in starts:
            # --also: the same program on another archive, started in the same rounds.
            ratio = starts["pressroom"]["median_s"] / starts[name]["median_s"]
            rows.append((f"start ratio pressroom / {name}", {"pressroom": f"{ratio:.2f}x"}))
    width = max((len(label) for label, _ in rows), default=10)
    lines = [f"{'':<{width}}  " + "  ".join(f"{n:<24}" for n in names)]
    for label, values in rows:
        lines.append(f"{label:<{width}}  " + "  ".join(f"{values.get(n, '-'):<24}" for n in names))
    if len(starts) == 2:
        first, second = starts.values()
        lines.append(
            f"start ratio {names[0]} / {names[1]}: {first['median_s'] / second['median_s']:.2f}x"
        )
    return "\n".join(lines)


# -- the store ---------------------------------------------------------------------------


def private_store(store: Path, folder: Path) -> Path:
    """The store and its derived files, hard-linked into *folder* (copied where links fail).

    The original folder is never written: the app's lock file and anything
    it writes land in *folder*, and every write of the app is a new file renamed
    into place, which replaces the link, not the original. A hard link keeps
    the inode the catalogue and index were built against; a copy does not
    (they are then rebuilt at start: a warning says so). The journal is copied:
    it names the store file it continues by size and time, which a link keeps.
    """
    journal = store.with_name(store.name + JOURNAL_SUFFIX)
    if journal.exists():
        shutil.copy2(journal, folder / journal.name)
    copied = False
    for suffix in ("", *DERIVED_SUFFIXES):
        source = store.with_name(store.name + suffix)
        if not source.exists():
            continue
        target = folder / source.name
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
            copied = True
    if copied:
        log("warning: the store was copied, not linked: its catalogue and index are rebuilt")
    return folder / store.name


def _address(db: Location) -> str:
    return db.conninfo if isinstance(db, ServerArchive) else str(db)


def expected_counts(db: Location, texts: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Each text's count as first drawn, and the exact count that replaces an estimated one."""
    done = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "-c",
            EXPECTED_COUNTS,
            _address(db),
            json.dumps(texts),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["counts"], found["exact"]


def also_name(db: Location) -> str:
    """The --also archive's column: what it is, never an address's password."""
    return "pressroom (server)" if isinstance(db, ServerArchive) else "pressroom (store file)"


def prefixes(words: Sequence[str]) -> list[str]:
    return sorted({word[:n] for word in words for n in range(1, len(word) + 1)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--store",
        type=parse_location,
        default=DEFAULT_STORE,
        help="a store file (linked into a folder of its own) or a postgresql:// address",
    )
    parser.add_argument(
        "--also",
        type=parse_location,
        default=None,
        help="another archive (a store file or an address) whose starts are measured in the"
        " same rounds, beside --store's (e.g. the store file of 100k against a million in"
        " PostgreSQL): its starts only, no typing",
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--words", default=",".join(DEFAULT_WORDS))
    parser.add_argument(
        "--paces",
        default="fast,120",
        help="'fast' (50-80 ms a key, some 25-45, pauses of 300-450) or a steady gap in ms",
    )
    parser.add_argument("--repeats", type=int, default=2, help="times each word is typed per pace")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--bare-fps", type=int, default=0, help="TEXTUAL_FPS of the bare app (0: Textual's 60)"
    )
    parser.add_argument("--skip", default="", help="comma-separated: start,typing")
    parser.add_argument(
        "--broad",
        default="",
        metavar="WORD",
        help="also: WORD typed, its first and its exact count timed, and a backspace typed"
        " --broad-delays seconds after its last key timed to its own count",
    )
    parser.add_argument("--broad-delays", default="0.5,1.5,3.0")
    parser.add_argument(
        "--early",
        default="",
        metavar="WORDS",
        help="also: each word (comma-separated) typed the moment the list shows rows, in"
        " --early-starts fresh starts each, timed to its count",
    )
    parser.add_argument("--early-starts", type=int, default=3)
    parser.add_argument(
        "--fresh",
        type=int,
        default=0,
        metavar="N",
        help="also: the words typed once at a fast pace in each of N fresh starts (the"
        " first minute of use, while the browser builds its directory beside the keys)",
    )
    parser.add_argument(
        "--timeline",
        type=int,
        default=0,
        metavar="N",
        help="also N starts of pressroom under a wrapper noting where the start goes",
    )
    ns = parser.parse_args(argv)
    cols, rows = (int(x) for x in ns.size.split("x"))
    words = [w for w in ns.words.split(",") if w]
    paces = [p for p in ns.paces.split(",") if p]
    skip = set(ns.skip.split(","))
    results: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "loadavg_start": os.getloadavg()},
        "store": str(ns.store),
        "also": None if ns.also is None else str(ns.also),
        "size": [cols, rows],
        "words": words,
        "paces": paces,
        "bare_fps": ns.bare_fps or 60,
    }
    with tempfile.TemporaryDirectory(prefix="pressroom-terminal-") as folder:
        db: Location = (
            private_store(ns.store.resolve(), Path(folder))
            if isinstance(ns.store, Path)
            else ns.store
        )
        log(f"counting the prefixes of {words} with the store's search")
        early = [w for w in ns.early.split(",") if w]
        counts, exact = expected_counts(db, prefixes(words + early))
        results["expected_counts"] = counts
        results["exact_counts"] = exact
        targets = [pressroom_target(db, counts, exact=exact), bare_target(ns.bare_fps)]
        starting = list(targets)
        if ns.also is not None:
            also_folder = Path(folder) / "also"
            also_folder.mkdir()
            also: Location = (
                private_store(ns.also.resolve(), also_folder)
                if isinstance(ns.also, Path)
                else ns.also
            )
            starting.insert(1, pressroom_target(also, {}, name=also_name(ns.also)))
        if "start" not in skip:
            results["start"] = measure_starts(starting, ns.starts, cols, rows)
        results["typing"] = {}
        if "typing" not in skip:
            for target in targets:
                figures = measure_typing(target, words, paces, ns.repeats, cols, rows, ns.seed)
                figures["typed_summary"] = {
                    pace: summarize_keys(keys, words) for pace, keys in figures["typed"].items()
                }
                figures["pasted_summary"] = summarize_pastes(figures["pasted"])
                results["typing"][target.name] = figures
        if ns.broad:
            delays = [float(x) for x in ns.broad_delays.split(",") if x]
            results["broad"] = measure_broad(targets[0], ns.broad, delays, ns.repeats, cols, rows)
        if ns.fresh:
            results["fresh"] = {
                target.name: measure_fresh(target, words, ns.fresh, cols, rows, ns.seed)
                for target in targets
            }
        if ns.early:
            results["early"] = [
                run
                for word in early
                for run in measure_early(targets[0], word, ns.early_starts, cols, rows, ns.seed)
            ]
        if ns.timeline:
            results["timeline"] = measure_timeline(db, ns.timeline, cols, rows)
    results["machine"]["loadavg_end"] = os.getloadavg()
    if ns.json:
        ns.json.write_text(json.dumps(results, indent=1))
    if "start" in results or results["typing"]:
        print(report(results))
    for entry in results.get("broad", []):
        if entry["delay_s"] is None:
            print(
                f"broad {entry['word']!r}: last key to its first count {_ms(entry['first_count_ms'])}"
                f" ms, to its exact count {_ms(entry['exact_count_ms'])} ms"
            )
        else:
            print(
                f"broad {entry['word']!r}: backspace {entry['delay_s']} s after the last key"
                f" (whose first count came at {_ms(entry['first_count_ms'])} ms): its own"
                f" count in {_ms(entry['key_ms'])} ms"
            )
    for name, fresh in results.get("fresh", {}).items():
        x = fresh["summary"]
        print(
            f"fresh starts, {name} (fast): letter {_trio(x['letter'])}, count {_trio(x['count'])},"
            f" last key {_trio(x['last_key_count'])} ms p50/p95/max over {x['letter']['n']} keys"
        )
    for entry in results.get("early", []):
        print(
            f"early {entry['word']!r}: rows at {entry['rows_s']:.2f} s, first key at"
            f" {entry['first_key_s']:.2f} s, its count at {_s(entry['count_s'])} s: last key"
            f" to count {_ms(entry['last_key_ms'])} ms"
            + (" (a scan's answer drawn first)" if entry["scan_shown"] else "")
        )
    timeline = results.get("timeline")
    if timeline:
        rows_ms = statistics.median(timeline["rows_ms"])
        print(
            f"where a start goes (pressroom under the wrapper, median of {len(timeline['runs'])}; rows at {rows_ms:.0f} ms):"
        )
        for label, ms in timeline["phases_ms"].items():
            print(f"  {ms:7.1f} ms  {label}")
    print(
        f"load average at start {results['machine']['loadavg_start']}, "
        f"at end {results['machine']['loadavg_end']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
