"""The bundled sample releases import cleanly and yield what a careful reader sees in them.

``tests/expected/samples.json`` holds, for every file in ``samples/`` (a list
for files with several releases, in order), the fields read by hand from the
text: title, kicker, date, location, embargo, language, contacts, people and a
few organisations that must be among those found. It was written from the
text, not from the parser's output.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from store.ingest.build import ParseResult, parse_paths
from store.records import Release
from store.sanitize import fold

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED_FILE = Path(__file__).resolve().parent / "expected" / "samples.json"
EXPECTED: dict[str, Any] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))

SCALAR_FIELDS = ("title", "kicker", "date", "location", "embargo", "language")
# What must never survive cleaning (SECURITY.md section 2): ESC, other C0
# controls but tab and newline, DEL, C1, bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _parse(path: Path) -> ParseResult:
    return parse_paths([str(path)])


@cache
def _parse_file(relative: str) -> Any:
    return _parse(SAMPLES / relative)


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_][\w'-]*", name) if word[0].isupper())


def _organisation_found(expected: str, found: tuple[str, ...]) -> bool:
    """An expected organisation is found if some organisation names it as whole words.

    ``World Ocean Observatory`` is found in ``World Ocean Observatory (WOO)``,
    ``Lumen Grid`` in ``Lumen Grid B.V.``; a bare acronym made of the expected
    name's initials also counts.
    """
    wanted = fold(expected)
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    for name in found:
        if pattern.search(fold(name)):
            return True
        if name.isupper() and len(name) >= 2 and name == _initials(expected):
            return True
    return False


def _differences(expected: dict[str, Any], got: Release) -> list[str]:
    problems = []
    for name in SCALAR_FIELDS:
        value = getattr(got, name)
        if value != expected[name]:
            problems.append(f"{name}: expected {expected[name]!r}, got {value!r}")
    want_contacts = expected["contacts"]
    got_contacts = [contact.to_json() for contact in got.contacts]
    if got_contacts != want_contacts:
        problems.append(f"contacts: expected {want_contacts!r}, got {got_contacts!r}")
    want_people = [(p["name"], p["role"]) for p in expected["people"]]
    got_people = [(p.name, p.role) for p in got.people]
    if got_people != want_people:
        problems.append(f"people: expected {want_people!r}, got {got_people!r}")
    found = got.organisations
    missing = [o for o in expected["organisations"] if not _organisation_found(o, found)]
    if missing:
        problems.append(f"organisations: missing {missing!r} in {list(got.organisations)!r}")
    return problems


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_sample_yields_expected_fields(relative: str) -> None:
    result = _parse_file(relative)
    assert result.problems == [], f"{relative} could not be imported: {result.problems}"
    expected = EXPECTED[relative]
    wanted = expected if isinstance(expected, list) else [expected]
    assert len(result.releases) == len(wanted), (
        f"{relative}: expected {len(wanted)} release(s), got {len(result.releases)}"
    )
    report = []
    for index, (want, got) in enumerate(zip(wanted, result.releases, strict=True)):
        label = f"{relative}[{index}]" if isinstance(expected, list) else relative
        report.extend(f"{label} {line}" for line in _differences(want, got))
    assert not report, "\n" + "\n".join(report)


def test_every_sample_file_has_expectations() -> None:
    files = {str(path.relative_to(SAMPLES)) for path in SAMPLES.rglob("*") if path.is_file()}
    assert files == set(EXPECTED), (
        f"without expectations: {sorted(files - set(EXPECTED))}; "
        f"expected but absent: {sorted(set(EXPECTED) - files)}"
    )


def test_the_expectations_cover_the_promised_variety() -> None:
    releases = [r for v in EXPECTED.values() for r in (v if isinstance(v, list) else [v])]
    assert len(releases) >= 40
    assert len({Path(name).suffix for name in EXPECTED}) >= 5
    languages = {r["language"] for r in releases}
    assert {"en", "fr", "es", "de"} <= languages
    assert sum(1 for r in releases if r["embargo"]) >= 3
    assert any(r["date"] is None and r["location"] is None for r in releases)
    assert any(not r["contacts"] for r in releases)
    assert sum(1 for r in releases if len(r["contacts"]) >= 2) >= 3


@pytest.fixture(scope="module")
def whole_folder() -> Any:
    return _parse(SAMPLES)


def test_the_whole_folder_imports_without_problems(whole_folder: Any) -> None:
    assert whole_folder.problems == []
    assert len(whole_folder.releases) >= 40
    assert len({r.source.format for r in whole_folder.releases}) >= 5
    assert len({r.language for r in whole_folder.releases if r.language}) >= 3
    assert len({r.id for r in whole_folder.releases}) == len(whole_folder.releases)


def _strings(release: Release) -> list[tuple[str, str]]:
    out = [("title", release.title), ("body", release.body)]
    for name in ("kicker", "date", "location", "embargo", "language"):
        value = getattr(release, name)
        if value:
            out.append((name, value))
    out.extend(("organisations", o) for o in release.organisations)
    out.extend(("people", p.name) for p in release.people)
    out.extend(("people", p.role) for p in release.people if p.role)
    for contact in release.contacts:
        out.extend(("contacts", v) for v in contact.to_json().values() if v)
    for link in release.links:
        out.extend((("links", link.label), ("links", link.url)))
    return out


def test_hostile_samples_are_cleaned_but_kept_literal(whole_folder: Any) -> None:
    for release in whole_folder.releases:
        for name, value in _strings(release):
            assert not UNSAFE.search(value), f"{release.source.path}: unsafe character in {name}"
    titles = {r.title for r in whole_folder.releases}
    assert any("[@click=app.quit]Read more[/]" in t and "[TODO]" in t for t in titles)
    bodies = " ".join(r.body for r in whole_folder.releases)
    assert "]52;" not in bodies and "Y3VybCBldmlsLmV4YW1wbGUveCB8IHNo" not in bodies
    for release in whole_folder.releases:
        for link in release.links:
            if link.url.lower().lstrip().startswith("javascript:"):
                assert not link.openable
