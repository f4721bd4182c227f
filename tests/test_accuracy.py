"""The labelled development set is well formed, the scorer runs, and extraction
does not get worse than it was measured.

The floors below are today's dev-set figures less a small margin. They are a
ratchet, not a target: when a change makes extraction better, run
``python -m tests.accuracy --dataset devset`` and raise the floors to the new
figures less the same margin, so that a later change that makes it worse fails
here.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests import accuracy

DEVSET = accuracy.DEVSET
LABELS: dict[str, dict[str, Any]] = json.loads(accuracy.DEVSET_LABELS.read_text(encoding="utf-8"))
SOURCES_MD = DEVSET / "SOURCES.md"
NOT_RELEASES = {"labels.json", "SOURCES.md"}
KEYS = {
    "issuer",
    "headline",
    "date",
    "place",
    "organisations",
    "people",
    "contacts",
    "language",
    "shape",
    "source",
    "licence",
}
SHAPES = {"pdf-text", "text", "html", "web-text", "markdown", "cms-json", "mail", "xml"}
# The shapes issue 10 asks the importer to read; the set must hold several of them,
# and enough text from PDFs and mail to measure those two on their own.
ISSUE_SHAPES = {"pdf-text", "html", "web-text", "markdown", "cms-json", "mail"}
MIN_SHAPE_FILES = {"pdf-text": 5, "mail": 4}
MAX_FILE_BYTES = 60_000

MARGIN = 0.05
# Contact fields rest on 91 emails, 103 names and 127 phones since the seventh round: one item
# moves them by about 0.01, so they keep the same margin as the others.
CONTACT_MARGIN = 0.05
# Set anew at 2026-12-07 02:26 UTC (175 releases, 87 issuers) on this branch's extraction (main
# at ce059f0, unchanged by this round) when the sixth round was added: 20 releases of 16 issuers
# new to the set (seven U.S. Attorney's Offices, the SEC, FinCEN, the FCDO, a House member's
# office, the Federal Reserve Board, four GOV.UK bodies), labelled before the scorer was run on
# them. At first sight they scored headline 0.55, place 0.80, issuer 0.40, organisations
# 0.51 / 0.58, people recall 0.20, contact recalls 0.25-0.44 (tests/devset/SOURCES.md, "The
# floors"), which lowered headline, place, issuer, organisation precision, people recall and
# the contact figures on the whole set, so every floor is this run's figure less the margin.
# Set anew at 2026-12-07 01:35 UTC (155 releases) when issuer3, orgs3 and the rules for the fifth
# round's pages (a site's name beside the title, a minister's portfolio over the date, a place
# below a date alone, a CMS's "Published By", "Contact Us" in a menu) joined devset5 on main:
# every floor is that run's figure less the margin. People precision is 0.007 lower than at the
# floor before (241 of 246 names found are right; wrong: "European Comission", "Charge Jamie
# Arnold", "Phantom Secure Takedown" and "Guardia Civil" from the fifth round's pages, and a
# misspelt "Bob Bennetts"); its recall rose from 0.456 to 0.486.
# Set at 2026-12-06 23:50 UTC (155 releases, 71 issuers) on this branch's extraction (main at
# 1a9d64e) when the fifth round was added: 15 releases of kinds of issuer the set lacked (seven
# press notes of three Spanish ministries from La Moncloa, web text with its paragraph breaks
# lost; eight releases of the FBI, ICE, the Secret Service and the DEA, pages saved as text with
# their navigation). They lowered headline, place, issuer, organisation precision, people recall,
# contact email recall and contact name precision (tests/devset/SOURCES.md, "The floors"), so
# every floor is this run's figure less the margin. History of the earlier floors:
# Raised at 2026-12-06 22:10 UTC when orgs2 (venues, described kinds, appointees) and issuer2
# (headlines below a banner, issuers after an article or linked from the contacts' site, desk
# switchboards, letterhead phones) joined readers4 on main: every field but date, language and
# the contact emails, each this run's figure less the margin.
# Raised at 2026-12-06 21:35 UTC (readers4) when CMS JSON and front matter gave their contacts,
# block bodies and standfirsts and forwarded mails their own titles: headline, issuer, language,
# organisations, people and the contact fields, each this run's figure less the margin.
# Set anew at 2026-12-06 20:45 UTC (140 releases, 64 issuers) on main's extraction when the
# fourth round was added: 20 releases of the kinds of issuer the set lacked (the European
# Parliament, the French government's DINUM and Secretariat of State for Digital Affairs,
# NASA as Usenet posts, eLife press packages with a University of the Witwatersrand release).
# They lowered issuer, language and the contact recalls (SOURCES.md, "The floors"), so every
# floor is this run's figure less the margin. History of the earlier floors:
# Measured at 2026-12-06 18:35 UTC (120 releases, 58 issuers) on main's extraction, when the
# third round (20 releases with media contacts, mozilla-press-* and okfde-*) was added: the
# new releases' headlines, datelines and issuers lowered those three figures, so every floor
# was set anew from this run, less the margin (SOURCES.md, "The floors"). Earlier rounds: the
# sixth round of extraction (datelines of scraped legislators' pages after the kicker, the
# headline's date and the contact line; letterheads in spaced capitals; organisations as whole
# names, laws and awards left out, the issuer the text names listed) and the seventh (a
# headline the release does not state counts as none, title_source; legislators' offices named
# again, About headings in capitals; a date label written twice; a mail's sender whose name
# spells its domain).
# Contact fields measured again at 19:30 UTC after contact_block.py read the third round's
# shapes (a press desk named alone on its line, an address spelled out, a heading written out
# up to its colon, a phone shared by two people given once, a contact inside a one-line text).
# Headline measured again at 20:00 UTC (scraped pages' credits and broken capitals; an HTML
# <h1> over a <title> spelled otherwise; at 20:10 a banner <h1> naming the site). Organisations measured again at 19:45 UTC on the 120 (issue 10: whole names of bodies, not
# headings, titles, classes of bodies or a body's own committees).
# The issuer names an issuer only where it is right at least 90% of the time on the real
# corpus (precision over recall: the issuer shows on every row). Raise them as extraction
# improves (see tests/devset/SOURCES.md, "The floors").
# Set anew at 2026-12-07 12:50 UTC on main after the merges of devset8 (the eighth round: 12
# releases of 5 issuers new to the set, 65 of 108 fields at first sight, 88 after its rules),
# issuer8, keys8 and pg8, and the issuer rules of the lead's announcer and the headline's subject
# the lead names too (no change here): every floor is this run's figure less the margin.
# Raised at 2026-12-07 12:15 UTC on issuer8 (issuer: a body's own statement, a council's bank, a
# spokesperson's body; organisations: sub-offices joined, acronyms folded, fragments cut):
# issuer and organisations, this run's figure less the margin.
# Set anew at 2026-12-07 06:50 UTC on main after the merges of devset7, people7 (people found
# as a careful reader finds them: recall 0.597 -> 0.719), speed7 and mem7 (outputs unchanged),
# and the issuer rules of the glued "About" heading and the lead's apposition (no change here):
# every floor is this run's figure less the margin.
# Set at 2026-12-07 06:01 UTC (196 releases, 100 issuers) on the devset7 branch (main at
# adc0340 and this branch's rules) when the seventh round was added: 21 releases of 13 issuers
# new to the set (ten U.S. Attorney's Offices, a German alliance's PDFs and posts, the Canadian
# Digital Service, the European Central Bank), labelled before the scorer was run on them. At
# first sight they scored 133 of 189 fields (issuer 0.62, contact recalls 0.50-0.67), which
# lowered issuer and the contact recalls on the whole set; this branch's rules (defendants and
# agents as people, a place before a date alone, suffixes and letters beyond Latin-1 in names,
# German compound roles, a .gov page's office listed once) then gave 141 of 189. Every floor is
# this run's figure less the margin.
# Set anew at 2026-12-08 00:35 UTC on main after the merges of devset12, org12 and speed12
# (the twelfth round: 276 releases, 2,191 of 2,484 fields, 88.2%; org12's organisations recall
# 0.710 -> 0.771 on the 260, precision 0.870 -> 0.878; the round's 16 took precision to 0.858,
# its court PDFs' and U.S. Attorneys' names cut at line breaks): each floor is the figure less
# 0.05, capped at 0.95.
# Before: set anew at 2026-12-07 20:58 UTC on main after the merges of devset11, org11 and
# wireissuer11 (the eleventh round: 260 releases, 2,054 of 2,340 fields, 87.8%; org11's
# organisations recall 0.669 -> 0.721 on the 240, 0.710 with the round's 20): each floor is
# the figure less 0.05, capped at 0.95.
# Before: set anew at 2026-12-07 18:10 UTC on main after the merges of issuer10 and devset10 (the
# tenth round: 240 releases, 1,876 of 2,160 fields, 86.9%; organisations' precision 0.881 ->
# 0.871 with the round's prosecutors' releases): each floor is the figure less 0.05, capped
# at 0.95. Before: set anew at 2026-12-07 15:45 UTC on main after the merges of devset9 and
# org9 (220 releases: 1,706 of 1,980 fields, 86.2%).
# Before: set anew at 2026-12-07 03:57 UTC on main after the merges of issuer4, orgs4, first6 and the
# About-paragraph rule (175 releases): every floor is this run's figure less the margin
# (people precision 0.003 under the floor before: the merged rules together).
# Raised at 2026-12-07 03:12 UTC (first6, issue 10: the sixth round's shapes read: .gov pages'
# banner and menus, a glued dateline, a press contact in a sentence, FOMC voters, GOV.UK's
# From: list and publishing links): each raised field is this run's figure less the margin.
# Raised at 2026-12-08 02:20 UTC on acc13 (contact names beside one another and above their
# heading, one entry a body, a French headline's subject): issuer, organisations and contact
# names' recall, the figure less 0.05.
# Set anew at 2026-12-08 03:20 UTC on main after the merges of acc13 and devset13 (294
# releases: the thirteenth round's 18, whose issuers are mostly given only in record fields
# the importer does not read, took the issuer from 0.953 to 0.915): every floor is the
# figure less 0.05, capped at 0.95.
FLOORS: dict[str, dict[str, float]] = {
    "headline": {"accuracy": 0.936},  # measured 0.986
    "date": {"accuracy": 0.95},  # measured 1.000
    "place": {"accuracy": 0.947},  # measured 0.997
    "issuer": {"accuracy": 0.865},  # measured 0.915
    "language": {"accuracy": 0.95},  # measured 1.000
    "organisations": {"precision": 0.844, "recall": 0.72},  # measured 0.894, 0.770
    # People without the press officers the labels also give as contacts (accuracy.py).
    "people": {"precision": 0.941, "recall": 0.832},  # measured 0.991, 0.882
    "contact_emails": {"precision": 0.941, "recall": 0.914},  # measured 0.991, 0.964
    "contact_names": {"precision": 0.941, "recall": 0.9},  # measured 0.991, 0.950
    "contact_phones": {"precision": 0.95, "recall": 0.903},  # measured 1.000, 0.953
}


def _files() -> set[str]:
    return {p.name for p in DEVSET.iterdir() if p.is_file() and p.name not in NOT_RELEASES}


def _spellings(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def test_every_file_is_labelled_and_every_label_has_its_file() -> None:
    assert _files() == set(LABELS)


def test_the_set_is_large_and_varied_enough() -> None:
    assert len(LABELS) >= 60
    issuers = {_spellings(label["issuer"])[0] for label in LABELS.values()}
    assert len(issuers) >= 25
    languages = [label["language"] for label in LABELS.values()]
    for language in ("fr", "es", "de"):
        assert languages.count(language) >= 3, language
    assert len(set(languages) - {"en"}) >= 3


def test_the_set_holds_the_shapes_the_importer_must_read() -> None:
    shapes = [label["shape"] for label in LABELS.values()]
    assert len(set(shapes) & ISSUE_SHAPES) >= 4, sorted(set(shapes))
    for shape, least in MIN_SHAPE_FILES.items():
        assert shapes.count(shape) >= least, shape


@pytest.mark.parametrize("name", sorted(LABELS))
def test_label_is_well_formed(name: str) -> None:
    label = LABELS[name]
    assert set(label) == KEYS
    assert _spellings(label["issuer"]) and all(_spellings(label["issuer"]))
    assert label["headline"] is None or label["headline"].strip()
    if label["date"] is not None:
        datetime.date.fromisoformat(label["date"])
    assert label["place"] is None or all(s.strip() for s in _spellings(label["place"]))
    for entry in label["organisations"] + label["people"]:
        assert _spellings(entry) and all(s.strip() for s in _spellings(entry))
    for contact in label["contacts"]:
        assert set(contact) == {"name", "email", "phone"}
        assert any(contact.values())
        assert contact["email"] is None or re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", contact["email"])
    assert label["language"] in {"en", "fr", "es", "de"}
    assert label["shape"] in SHAPES
    assert label["source"].startswith("https://")
    assert label["licence"].strip()


def test_files_are_small_and_sources_name_each_one() -> None:
    sources = SOURCES_MD.read_text(encoding="utf-8")
    for name in LABELS:
        assert (DEVSET / name).stat().st_size < MAX_FILE_BYTES, name
        assert name in sources, f"{name} is not in SOURCES.md"


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, Any]]:
    return accuracy.evaluate()


def test_scorer_gives_every_field_for_every_set(report: dict[str, dict[str, Any]]) -> None:
    assert set(report) == set(accuracy.DATASETS)
    assert report["devset"]["releases"] == len(LABELS)
    for body in report.values():
        assert set(body["fields"]) == set(accuracy.FIELDS)
        for name in accuracy.SINGLE_FIELDS:
            assert "accuracy" in body["fields"][name]
        for name in accuracy.LIST_FIELDS:
            assert {"precision", "recall"} <= set(body["fields"][name])
    # Every dev-set file is read; only the samples lack an issuer label.
    assert report["devset"]["unreadable"] == []
    assert report["samples"]["fields"]["issuer"]["n"] == 0
    assert report["seed"]["fields"]["headline"]["accuracy"] == 1.0


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_set_does_not_fall_below_its_floor(
    report: dict[str, dict[str, Any]], field: str
) -> None:
    figures = report["devset"]["fields"][field]
    for metric, floor in FLOORS[field].items():
        value = figures[metric]
        assert value is not None and value >= floor, (
            f"{field} {metric} fell to {value} (floor {floor}); misses: {figures['misses'][:5]}"
        )


# The judge's count over the nine fields (tests/accuracy.py, fields_right): 0.881 (2331 of 2646)
# at 03:20 UTC on 2026-12-08 after the merges of acc13 and devset13, less the margin; before, 0.882 (2191 of
# 2484) at 2026-12-08 00:35 UTC on main after the merges of devset12, org12 and speed12, less
# the margin; before, 0.878 (2054 of 2340) at 20:58 UTC on main after the merges of devset11, org11 and wireissuer11, less the
# margin; before, 0.868 (1876 of 2160) at 18:10 UTC after the merges of issuer10 and
# devset10; before, 0.862 (1706 of 1980) at 15:45 UTC after the merges of devset9 and org9;
# 0.838 (1569 of
# 1872) at 12:50 UTC on main after the merges of devset8 and issuer8; 0.833 (1469 of
# 1764) at 06:50 UTC on main after the merges (0.823, 1452, on devset7 with the seventh round;
# 0.818, 1443, at its first sight; 0.832, 1310 of 1575, before it), less the margin.
FIELDS_RIGHT_FLOOR = 0.831


def test_dev_set_fields_right_do_not_fall_below_their_floor(
    report: dict[str, dict[str, Any]],
) -> None:
    judged = report["devset"]["fields_right"]
    assert judged["of"] == 9 * len(LABELS)
    assert judged["share"] >= FIELDS_RIGHT_FLOOR, judged


def test_normalisation_is_fair() -> None:
    assert accuracy.phones_match("+1-781-948-1982", "(781) 948 1982")
    assert accuracy.phones_match("+44 20 7654 8000", "020 7654 8000")
    assert accuracy.phones_match("+49 (0)89 5555 3120", "089 5555 3120")
    assert not accuracy.phones_match("202 224 2633", "202 224 2634")
    assert accuracy.norm_name("H.E. Mr. Vladimir Voronkov") == "vladimir voronkov"
    assert accuracy.norm_name("Robert W. Callahan, Jr.") == "robert w callahan"
    assert accuracy.org_variants("United Nations Office of Counter-Terrorism (UNOCT)") >= {
        "unoct",
        "united nations office of counter terrorism",
    }
    assert accuracy.acronym_match("FEMA", "Federal Emergency Management Agency")
    assert accuracy.single_match("headline", "A ‘quoted’ – title", "a 'quoted' - title.")
    assert accuracy.single_match("place", "WASHINGTON, D.C.", "Washington D C")
    assert accuracy.single_match("date", None, None)
    assert not accuracy.single_match("date", None, "2020-01-01")
    # A fragment of a name is a miss and counts against precision.
    assert accuracy.list_match("organisations", ["Department of Health"], ["Health"]) == (0, 0)


def test_cli_prints_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--json", "--dataset", "seed", "--field", "date"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seed"]["fields"]["date"]["accuracy"] == 1.0
    assert accuracy.main(["--dataset", "seed", "--verbose"]) == 0
    text = capsys.readouterr().out
    assert "== seed: 1 releases" in text and "headline" in text


def test_only_scores_the_files_whose_names_begin_so(capsys: pytest.CaptureFixture[str]) -> None:
    """``--only`` scores one round of the set (or one issuer) on its own, parsing nothing else."""
    chosen = sorted(name for name in LABELS if name.startswith(("frb-", "lieu-")))
    report = accuracy.evaluate(["devset", "seed"], ["date"], only=["frb-", "lieu-"])
    assert chosen and report["devset"]["releases"] == len(chosen)
    assert report["devset"]["fields"]["date"]["n"] == len(chosen)
    assert report["seed"]["releases"] == 0
    assert accuracy.main(["--dataset", "devset", "--field", "date", "--only", "lieu-"]) == 0
    assert "== devset: 1 releases" in capsys.readouterr().out


def test_record_without_issuer_is_scored_as_a_miss_not_an_error() -> None:
    item = accuracy.Item("x", {"issuer": "FSFE"}, {"title": "t"})
    scores = accuracy.score([item], ["issuer"])
    assert scores["issuer"].n == 1 and scores["issuer"].correct == 0


def test_press_officers_are_scored_as_contacts_not_people() -> None:
    # The label lists the press officer among the people and the contacts; extraction
    # keeps her a contact (DESIGN.md: who is quoted, whom to call): the people are right,
    # whether or not extraction also names her a person; a quoted person missing is not.
    label = {
        "people": ["Ann Lee", "Bob Stone"],
        "contacts": [{"name": "Bob Stone", "email": "bob@acme.example", "phone": None}],
    }
    apart = {"people": [{"name": "Ann Lee"}], "contacts": [{"name": "Bob Stone"}]}
    both = {"people": [{"name": "Ann Lee"}, {"name": "Bob Stone"}], "contacts": []}
    quoted_missed = {"people": [], "contacts": [{"name": "Bob Stone"}]}
    for got, right in ((apart, True), (both, True), (quoted_missed, False)):
        people = accuracy.score([accuracy.Item("x", label, got)], ["people"])["people"]
        assert (people.hit_expected == people.expected == 1) is right, got
        assert people.found == people.hit_found


def test_path_constants_exist() -> None:
    for path in (accuracy.DEVSET_LABELS, accuracy.SAMPLES_LABELS, accuracy.SEED, SOURCES_MD):
        assert Path(path).is_file(), path


def test_the_scorer_reads_only_the_release_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dev set's folder also holds SOURCES.md and labels.json: importing the folder whole
    takes the first for a release and fails the second, but the scorer must read neither."""
    read: list[str] = []

    def record(path: Path) -> tuple[list[dict[str, Any]], str | None]:
        read.append(path.name)
        return [], None

    monkeypatch.setattr(accuracy, "_parse_one", record)
    accuracy.devset_items()
    assert sorted(read) == sorted(LABELS)
    assert not {"SOURCES.md", "labels.json"} & set(read)
    assert any(name.endswith(".xhtml") for name in read)  # FSFE's pages, under their own names
