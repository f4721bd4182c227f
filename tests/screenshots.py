"""Draws the README's screenshots, ``docs/screenshots/*.svg``, from the real app on the bundled samples.

Run ``.venv/bin/python -m tests.screenshots`` after a change of the look, look
at the SVGs, and commit them with the change; ``tests/test_screenshots.py``
fails while a committed one is missing or no longer says what the app shows.

Every picture is deterministic: a fixed terminal size, the samples parsed by
the real readers into a fresh store (under paths relative to the repository,
so that neither the ids nor the text depend on where the clone lies), no
settings file, and each key followed by a wait on the session's work, never
on the clock.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from textual.widgets import Input

from store.ingest.build import parse_paths
from store.records import Release, Source, release_id
from tests.helpers.app_session import settle
from tests.helpers.browser_data import write_store
from tui import typing_pause
from tui.app import PressroomApp

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCREENSHOTS = ROOT / "docs" / "screenshots"
SIZE = (120, 36)  # columns, rows: wide enough for the pane beside the list
TITLE = "Pressroom"

_HARBOUR = ("slash", *"harbour")
# The third of the four "harbour" releases is the sample whose headline is
# hostile ("[TODO] ... [@click=app.quit]Read more[/]"): it must show literally.
_HOSTILE = (*_HARBOUR, "enter", "j", "j", "enter")

# name -> the keys pressed, in order, on a freshly opened browser.
SHOTS: dict[str, tuple[str, ...]] = {
    "main": _HARBOUR,
    "release": _HOSTILE,
    "copy-menu": (*_HOSTILE, "y"),
    "contacts": ("c", *"harbour"),
    "facets": ("f",),
}


def sample_releases() -> list[Release]:
    """The bundled samples as the readers parse them, each under a path relative to the repository.

    The importer stores absolute paths and derives ids from them; here a
    sample read from ``/anywhere/samples/feeds/x.rss`` becomes
    ``samples/feeds/x.rss``, its id derived from that path and its place in
    the file, as the importer derives it from the absolute one.
    """
    result = parse_paths([str(SAMPLES)])
    if result.problems:
        raise SystemExit(f"the samples no longer import cleanly: {result.problems[0]}")
    position: defaultdict[str, int] = defaultdict(int)
    releases = []
    for release in result.releases:
        path = Path(release.source.path)
        if not path.is_absolute():  # a path written in the file (an export's claim): kept
            releases.append(release)
            continue
        relative = path.relative_to(ROOT).as_posix()
        number = position[relative]
        position[relative] += 1
        releases.append(
            dataclasses.replace(
                release,
                source=Source(path=relative, format=release.source.format),
                id=release_id(relative, str(number), release.fingerprint),
            )
        )
    return releases


async def draw(db: Path, keys: Sequence[str]) -> str:
    """The SVG of the browser on *db* after *keys*, each followed by the session's work."""
    app = PressroomApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # The pane and the contact card follow the list once typing pauses:
        # the screen as a person sees it when they stop typing.
        await pilot.pause(typing_pause.PAUSE * 2)
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()
        # A text box's cursor blinks on a timer: held visible, it is the same
        # in every drawing.
        for screen in app.screen_stack:
            for box in screen.query(Input):
                box.cursor_blink = False
        await pilot.pause()
        return app.export_screenshot(title=TITLE)


def draw_shot(name: str, folder: Path, releases: list[Release] | None = None) -> str:
    """Screenshot *name* of :data:`SHOTS`, drawn afresh on a store of its own in *folder*."""
    db = write_store(folder / name / "releases.json", releases or sample_releases())
    return asyncio.run(draw(db, SHOTS[name]))


def draw_all() -> dict[str, str]:
    """Every screenshot, by name."""
    releases = sample_releases()
    with tempfile.TemporaryDirectory(prefix="pressroom-screenshots-") as folder:
        return {name: draw_shot(name, Path(folder), releases) for name in SHOTS}


# Rich's export_svg lays one character cell 12.2 units wide (font size 20
# times an aspect ratio of 0.61) and clips each text run to its line.
_CELL = 12.2
_RUN = re.compile(
    r'<text [^>]*?x="(?P<x>[\d.]+)"[^>]*?clip-path="url\(#[\w-]*?-line-(?P<line>\d+)\)"[^>]*>'
    r"(?P<text>[^<]*)</text>"
)


def svg_text(svg: str) -> list[str]:
    """The terminal's lines as text: what the screenshot says, blind to colours and styles."""
    lines: defaultdict[int, list[str]] = defaultdict(list)
    for run in _RUN.finditer(svg):
        cells = lines[int(run["line"])]
        column = round(float(run["x"]) / _CELL)
        text = html.unescape(run["text"]).replace("\xa0", " ")
        cells.extend(" " * (column + len(text) - len(cells)))
        cells[column : column + len(text)] = text
    return ["".join(lines[n]).rstrip() for n in range(max(lines, default=-1) + 1)]


def main() -> int:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, svg in draw_all().items():
        path = SCREENSHOTS / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
