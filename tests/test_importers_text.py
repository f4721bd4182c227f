"""The plain-text and Markdown readers, on the seed, on small originals and on corpus files."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest

from store.ingest.discover import SourceFile
from store.ingest.read import read_source
from tests.conftest import SEED

# Files of the real corpus read per wire service, spread over its years.
CORPUS_FILES_PER_SERVICE = 40

RELEASE_MD = """# Acme Robotics opens **research lab** in Leeds

![Acme logo](https://cdn.acme.example/logo.png)

LEEDS, England, March 5, 2024 /Acme Wire/ -- Acme Robotics today opened a
[new research lab](https://acme.example/lab "The lab") with 40 engineers.

## Why Leeds

> "Leeds has the talent we need," said __Jane Doe__, CEO of Acme.

* Forty engineers
* A *£2 million* budget, 0.08%* fees

Read the [annual report][report] or <https://acme.example/press>.
Do not click [this](javascript:alert(1)) or [that](data:text/html;base64,PHNjcmlwdD4=).

---

Media contact: press@acme.example &amp; +44 113 496 0000

[report]: https://acme.example/report.pdf
"""


def _read(fmt: str, data: bytes, path: str = "/imports/release") -> list:  # type: ignore[type-arg]
    return read_source(SourceFile(path, fmt), data)


def test_seed_as_text_is_kept_as_written() -> None:
    [draft] = _read("txt", SEED.read_bytes())
    assert draft.format == "txt"
    assert draft.title is None  # txt declares no title: extraction finds it
    assert draft.text.startswith("PRESS RELEASE\n\nMeeting of heads of counter-terrorism")
    assert "Voronkov [said](#) that" in draft.text
    assert draft.text.endswith("UNOCT Public Information Officer")


def test_text_crlf_and_controls() -> None:
    [draft] = _read("txt", b"FOR IMMEDIATE RELEASE\r\n\r\nAcme\x08 today\x7f said\r\n")
    assert draft.text == "FOR IMMEDIATE RELEASE\n\nAcme today said"


def test_markdown_release() -> None:
    [draft] = _read("md", RELEASE_MD.encode())
    assert draft.format == "md"
    assert draft.title == "Acme Robotics opens research lab in Leeds"
    text = draft.text
    assert not text.startswith("Acme Robotics opens")  # the title line is not repeated
    assert "logo.png" not in text and "![" not in text
    assert "a\n[new research lab](https://acme.example/lab) with" in text
    assert "\nWhy Leeds\n" in text and "#" not in text
    assert '"Leeds has the talent we need," said Jane Doe, CEO of Acme.' in text
    assert "* Forty engineers\n* A £2 million budget, 0.08%* fees" in text
    assert "[annual report](https://acme.example/report.pdf)" in text
    assert "[https://acme.example/press](https://acme.example/press)" in text
    assert "Do not click this or that." in text
    assert "javascript" not in text and "data:" not in text
    assert "\n---\n" in text
    assert "press@acme.example & +44 113 496 0000" in text
    assert "[report]:" not in text
    assert "\n\n\n" not in text


def test_markdown_underscores_inside_words_and_urls_are_kept() -> None:
    data = b"# T\n\nSee https://x.example/a__b__c?utm_source=linktree_profile_share "
    data += b"and snake_case_name."
    [draft] = _read("md", data)
    assert draft.text == (
        "See https://x.example/a__b__c?utm_source=linktree_profile_share and snake_case_name."
    )


def test_markdown_link_with_parentheses_in_url_stays_one_link() -> None:
    [draft] = _read("md", b"# T\n\nOn [Wikipedia](https://en.wikipedia.org/wiki/Acme_(company)).")
    assert draft.text == "On [Wikipedia](https://en.wikipedia.org/wiki/Acme_%28company%29)."


def test_markdown_setext_title_and_front_matter() -> None:
    data = b"---\ntitle: 'Front matter title'\ndate: 2024-03-05T10:00:00Z\nlang: fr\n"
    data += b"tags:\n  - science\n  - robots\n---\nBody text.\n"
    [draft] = _read("md", data)
    assert (draft.title, draft.date, draft.language) == ("Front matter title", "2024-03-05", "fr")
    assert draft.tags == ["science", "robots"]
    assert draft.text == "Body text."
    [draft] = _read("md", b"Setext Title\n============\n\nBody.")
    assert (draft.title, draft.text) == ("Setext Title", "Body.")


def test_markdown_without_title_line_has_no_title() -> None:
    [draft] = _read("md", b"PRESS RELEASE\n\nNo heading here.")
    assert draft.title is None
    assert draft.text == "PRESS RELEASE\n\nNo heading here."


def test_markdown_rule_at_top_is_not_front_matter() -> None:
    [draft] = _read("md", b"---\nJust a rule, then text.\n\nMore.")
    assert draft.text.startswith("---\nJust a rule")


def _words(text: str) -> list[str]:
    """The letters and digits of *text*, word by word: no markup, entities or invisibles."""
    text = "".join(ch for ch in html.unescape(text) if unicodedata.category(ch) != "Cf")
    return re.findall(r"[^\W_]+", text)


def _corpus_sample(corpus: Path) -> list[Path]:
    """Releases of every wire service (laid out SERVICE/YEAR/MMDD/slug.md), evenly spread."""
    sample: list[Path] = []
    for service in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(service.glob("*/*/*.md"))
        step = max(1, len(files) // CORPUS_FILES_PER_SERVICE)
        sample += files[::step][:CORPUS_FILES_PER_SERVICE]
    return sample


@pytest.mark.corpus
def test_corpus_markdown_files(corpus_dir: Path) -> None:
    files = _corpus_sample(corpus_dir)
    services = {path.relative_to(corpus_dir).parts[0] for path in files}
    # The layout is as the corpus's README says: a sample of every service, not a few files.
    assert len(services) >= 15 and len(files) >= 500, (len(services), len(files))
    for path in files:
        [draft] = read_source(SourceFile(str(path), "md"))
        first_line = path.read_text(encoding="utf-8").lstrip().split("\n", 1)[0]
        assert first_line.startswith("# ") or first_line == "#", path
        # The title is the heading's text, with its markup and entities resolved.
        title = draft.title or ""
        assert _words(title) == _words(first_line[1:]), path
        assert "**" not in title and "&amp;" not in title, path
        assert draft.text and "![" not in draft.text and "**" not in draft.text, path
        assert "\n\n\n" not in draft.text, path
