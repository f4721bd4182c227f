"""The real corpus (24,665 releases from many wire services) imports, and what it yields is sound."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.disk.release_store import ReleaseStore
from store.ingest.run import import_paths

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

# Wire services of the corpus whose releases open with a dateline.
DATELINED = ("247PressRelease", "newmediawire", "pressservices", "prkarma", "mediaoutreach")


def _written(email: str, text: str) -> bool:
    """Is *email* in *text*, as written or spelled out ("press at torproject dot org")?"""
    if email in text:
        return True
    local, _, domain = email.partition("@")
    at = r"\s*(?:[\[({]\s*at\s*[\])}]|\sat\s)\s*"
    dot = r"(?:\.|\s*[\[({]\s*dot\s*[\])}]\s*|\sdot\s)"
    spelled = re.escape(local) + at + dot.join(re.escape(part) for part in domain.split("."))
    return re.search(spelled, text, re.IGNORECASE) is not None


def test_the_real_corpus_imports(corpus_dir: Path) -> None:
    files = [p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix == ".md"]
    assert len(files) >= 24_000
    store = ReleaseStore()  # in memory: this test is about parsing, not the file
    summary = import_paths(store, [str(corpus_dir)])
    releases = store.releases()

    # At least 99% of the releases are in the store, each failure with a reason.
    assert summary.stored >= 0.99 * len(files), summary.failed[:20]
    assert all(reason for _, reason in summary.failed)

    # Every release has a title.
    untitled = [r.source.path for r in releases if not r.title.strip()]
    assert not untitled, untitled[:10]

    # Every contact email occurs in its file, literally or spelled out against harvesters
    # ("contact (at) magaa.io"): extraction never invents one.
    invented: list[tuple[str, str]] = []
    for release in releases:
        emails = [c.email for c in release.contacts if c.email]
        if not emails:
            continue
        text = Path(release.source.path).read_text(encoding="utf-8", errors="replace")
        invented += [(release.source.path, e) for e in emails if not _written(e, text)]
    assert not invented, invented[:10]

    # Where the wire service writes a dateline, its date is found. (Half the
    # corpus comes from services that print none: those stay undated.)
    for source in DATELINED:
        mine = [r for r in releases if f"/{source}/" in r.source.path]
        dated = sum(1 for r in mine if r.date and r.date_source == "text")
        assert mine and dated >= 0.95 * len(mine), (source, dated, len(mine))
    # The others take their date from where they came from: the corpus's YEAR/MMDD folders.
    assert sum(1 for r in releases if r.date) >= 0.99 * len(releases)
    assert all(r.date_source in ("text", "metadata", "path") for r in releases if r.date)
    # No contact name starts with a heading glued to it ("Contact DetailsYeweon Park").
    glued = [
        c.name
        for r in releases
        for c in r.contacts
        if c.name and c.name.startswith(("Details", "Information", "Website"))
    ]
    assert not glued, glued[:10]
    with_contact = sum(1 for r in releases if r.contacts)
    assert with_contact >= 0.25 * len(releases)
