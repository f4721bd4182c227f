"""The README's screenshots (docs/screenshots/) are there and still show what the app draws.

Each screenshot is drawn again by ``tests/screenshots.py`` and compared with the
committed SVG by its text, line by line: a change of what the screen says (a
key, a label, a layout) fails here, while a colour or an SVG detail of a new
Rich does not (the snapshot tests guard the look). After an intended change,
``.venv/bin/python -m tests.screenshots`` draws them again.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from store.records import Release
from tests.screenshots import ROOT, SCREENSHOTS, SHOTS, draw_shot, sample_releases, svg_text

README = ROOT / "README.md"
REDRAW = ".venv/bin/python -m tests.screenshots"


@pytest.fixture(scope="module")
def releases() -> list[Release]:
    return sample_releases()


@pytest.mark.parametrize("name", list(SHOTS))
def test_screenshot_is_what_the_app_draws(
    name: str, releases: list[Release], tmp_path: Path
) -> None:
    committed = SCREENSHOTS / f"{name}.svg"
    assert committed.is_file(), f"{committed.relative_to(ROOT)} is missing: run {REDRAW}"
    want = svg_text(committed.read_text(encoding="utf-8"))
    got = svg_text(draw_shot(name, tmp_path, releases))
    diff = "\n".join(difflib.unified_diff(want, got, "committed", "drawn now", lineterm=""))
    assert want == got, f"{name}.svg no longer shows what the app draws; run {REDRAW}\n{diff}"


def test_hostile_sample_text_shows_literally() -> None:
    """The sample headline with Textual markup in it is shown as it is written, in list and pane."""
    lines = svg_text((SCREENSHOTS / "release.svg").read_text(encoding="utf-8"))
    screen = "\n".join(lines)
    assert "[TODO] Solent Harbour Ferries" in screen
    assert "[@click=app.quit]Read more[/]" in screen


def test_text_comparison_sees_a_changed_word() -> None:
    """Control: the comparison is not blind; one word changed on screen changes the text."""
    svg = (SCREENSHOTS / "main.svg").read_text(encoding="utf-8")
    lines = svg_text(svg)
    assert len(lines) == 36 and all(len(line) <= 120 for line in lines)
    assert "harbour" in lines[2]
    assert svg_text(svg.replace(">harbour<", ">harbor&#160;<", 1)) != lines


def test_readme_shows_every_screenshot_and_no_other() -> None:
    linked = set(re.findall(r"\(docs/screenshots/([\w-]+)\.svg\)", README.read_text("utf-8")))
    on_disk = {path.stem for path in SCREENSHOTS.glob("*.svg")}
    assert linked == set(SHOTS), "README.md links each screenshot of tests/screenshots.py"
    assert on_disk == set(SHOTS), f"docs/screenshots/ holds only what {REDRAW} draws"
