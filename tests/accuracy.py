"""How well extraction reads real releases: a scorer over three labelled sets.

``python -m tests.accuracy`` parses every labelled file through the same path
as ``pressroom parse`` (``store.ingest.build.parse_paths``) and compares what
comes out with what a careful reader wrote down:

* ``devset``: real press releases from many issuers, shapes and languages in
  ``tests/devset/`` (labels in ``tests/devset/labels.json``, sources and
  labelling rules in ``tests/devset/SOURCES.md``);
* ``samples``: the bundled ``samples/`` (labels in ``tests/expected/samples.json``;
  they name no issuer, and list only *some* of the organisations, so that
  field is scored for recall only);
* ``seed``: the UN release the project started from, labelled from DESIGN.md's
  anatomy table (``SEED_LABEL`` below).

Single fields (headline, date, place, issuer, language) are scored by accuracy
over the releases whose label has the field (a headline whose ``title_source``
says it is a stand-in, the release's first line, counts as no headline); list fields (organisations,
people, contact emails, names and phones) by micro-averaged precision and
recall, each expected item matched at most once: a fragment or a wrong item
counts against precision, a missing one against recall. People are the persons the
text names: a name the label also gives a media contact is scored with the contacts,
not among the people (``_compared``; SOURCES.md, "Press officers").

Comparison is normalised, not lenient: case, whitespace and typographic quotes
and dashes for headlines; case, whitespace and punctuation for places; phone
numbers by their digits (a country code or trunk ``0`` may differ when the rest
matches); emails in lower case; names without honorifics, initials' dots or
``Jr.``; organisations without a leading "the", a bracketed acronym or a legal
form, and an acronym made of a name's initials (``FEMA``) as that name. A label entry may be a list of spellings (``["FSFE", "Free Software
Foundation Europe"]``): any one of them matches it.

Options: ``--json`` (machine output), ``--field F`` (one field), ``--dataset D``
(one set), ``--only PREFIX`` (only the files whose names begin so, e.g. one round of
the dev set, to score it at first sight), ``--verbose`` (every miss, in full;
otherwise the first few per field). Each may be given more than once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.ingest.build import parse_paths
from store.records import TITLE_FALLBACKS

ROOT = Path(__file__).resolve().parent.parent
DEVSET = Path(__file__).resolve().parent / "devset"
DEVSET_LABELS = DEVSET / "labels.json"
SAMPLES = ROOT / "samples"
SAMPLES_LABELS = Path(__file__).resolve().parent / "expected" / "samples.json"
SEED = Path(__file__).resolve().parent / "fixtures" / "seed" / "000_06adb31c1de62afd.txt"

SINGLE_FIELDS = ("headline", "date", "place", "issuer", "language")
LIST_FIELDS = ("organisations", "people", "contact_emails", "contact_names", "contact_phones")
FIELDS = SINGLE_FIELDS + LIST_FIELDS
DATASETS = ("devset", "samples", "seed")

# The seed's parts, from DESIGN.md's anatomy table, completed by reading the
# release (the table ends its organisations with "..."): every organisation a
# reader would list, each once, by its full name where the text gives one.
SEED_LABEL: dict[str, Any] = {
    "issuer": ["United Nations Office of Counter-Terrorism", "UNOCT"],
    "headline": (
        "Meeting of heads of counter-terrorism and security agencies takes place in Marrakech "
        "to enhance capacity- building and training in West Africa and the Sahel"
    ),
    "date": "2021-06-23",
    "place": "Marrakesh",
    "language": "en",
    "organisations": [
        ["United Nations Office of Counter-Terrorism", "UNOCT"],
        "General Directorate for Studies and Documentation of the Kingdom of Morocco",
        "G5 Sahel",
        "Global Coalition to Defeat ISIS",
        "Africa Focus Group",
        [
            "UNOCT Programme Office in Rabat for Counter-Terrorism and Training in Africa",
            "UNOCT Programme Office",
        ],
    ],
    "people": [
        "Vladimir Voronkov",
        "Mohamed Yassin Mansouri",
        "Annadif Khatir Mahamat Saleh",
        "Mohamed Ely Znagui",
    ],
    "contacts": [{"name": None, "email": "gerardl@un.org", "phone": None}],
}

# What a careful reader drops from a person's name when comparing it.
_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "he",
    "hon",
    "rev",
    "reverend",
    "sen",
    "senator",
    "rep",
    "representative",
    "judge",
    "president",
    "minister",
    "m",
    "mme",
    "mlle",
    "me",
    "herr",
    "frau",
    "sr",
    "sra",
    "srta",
    "don",
    "doña",
    "general",
    "général",
    "gen",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "obe", "mbe", "cbe", "kc", "qc"}
_LEGAL_FORMS = {
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "co",
    "corp",
    "corporation",
    "ev",
    "slu",
    "sl",
}
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")


# --- normalisation -------------------------------------------------------------


def _base(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def norm_headline(text: str) -> str:
    return _base(text).rstrip(" .")


def norm_place(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", _base(text))).strip()


def norm_plain(text: str) -> str:
    return _base(text)


def norm_email(text: str) -> str:
    return text.strip().strip("<>").casefold().removeprefix("mailto:")


def norm_name(text: str) -> str:
    """ "H.E. Mr. Vladimir Voronkov" and "Vladimir Voronkov" alike; "Joseph R. Biden, Jr." as "joseph r biden"."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), _base(text))  # "H.E." as "he"
    words = _PUNCT.sub(" ", text).split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def org_variants(text: str) -> set[str]:
    """The spellings an organisation as found may be matched by.

    ``United Nations Office of Counter-Terrorism (UNOCT)`` gives the name with
    and without its bracketed acronym and the acronym alone; a leading "the"
    and a trailing legal form (Inc., GmbH, B.V.) are dropped.
    """
    base = _base(text)
    forms = {base}
    bracket = re.fullmatch(r"(.*?)\s*\(([^()]+)\)", base)
    if bracket:
        forms.update({bracket.group(1), bracket.group(2)})
    out = set()
    for form in forms:
        words = _PUNCT.sub(" ", form.replace(".", "")).split()
        if words and words[0] in (
            "the",
            "la",
            "le",
            "les",
            "el",
            "los",
            "las",
            "die",
            "der",
            "das",
        ):
            words = words[1:]
        while len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
        if words:
            out.add(" ".join(words))
    return out


def _phone_forms(text: str) -> set[str]:
    digits = re.sub(r"\D", "", text)
    forms = {digits}
    no_trunk = re.sub(r"\D", "", text.replace("(0)", ""))
    forms.add(no_trunk)
    return {f for f in forms if f}


def phones_match(a: str, b: str) -> bool:
    """The same number: equal digits, or equal once a country code (1 to 3 digits,
    with or without a leading trunk 0 on the national side) is set aside."""
    for x in _phone_forms(a):
        for y in _phone_forms(b):
            if x == y:
                return True
            short, long = sorted((x, y), key=len)
            national = short.lstrip("0")
            if len(national) >= 7 and long.endswith(national) and len(long) - len(national) <= 3:
                return True
    return False


# --- the records compared --------------------------------------------------------


@dataclass(slots=True)
class Item:
    """One release to score: where it is, what the label says, what the parser gave."""

    file: str
    label: dict[str, Any]
    got: dict[str, Any] | None
    partial: frozenset[str] = frozenset()  # list fields labelled in part: recall only
    problem: str | None = None


def _aliases(entry: Any) -> list[str]:
    if entry is None:
        return []
    if isinstance(entry, str):
        return [entry]
    return [str(e) for e in entry if e]


def _compared(item: Item, name: str) -> tuple[Any, Any]:
    """What the label says of a field, and what extraction gave, as they are compared.

    People are the persons a release names in its text ("who is quoted", DESIGN.md);
    its press officers are its contacts ("whom to call"), kept apart by extraction and
    scored by the contact fields. The dev set's labels list them among the people too,
    so a name the label gives a contact is left out of the people on both sides.
    """
    want, have = _label_value(item.label, name), _got_value(item.got, name)
    if name == "people" and (contacts := _label_value(item.label, "contact_names")):
        called = {norm_name(c) for c in contacts} - {""}
        want = [e for e in want if not called & {norm_name(a) for a in _aliases(e)}]
        have = [n for n in have if norm_name(n) not in called]
    return want, have


def _label_value(label: dict[str, Any], name: str) -> Any:
    if name in ("contact_emails", "contact_names", "contact_phones"):
        key = name.removeprefix("contact_")[:-1]
        return [c.get(key) for c in label.get("contacts", []) if c.get(key)]
    if name == "people":
        return [p["name"] if isinstance(p, dict) else p for p in label.get("people", [])]
    return label.get(name)


def _got_value(got: dict[str, Any] | None, name: str) -> Any:
    if got is None:
        return [] if name in LIST_FIELDS else None
    if name == "headline":
        # A title the release does not state (its first words standing in, TITLE_FALLBACKS)
        # is no headline: right where the label has none, wrong where it has one.
        if got.get("title_source") in TITLE_FALLBACKS:
            return None
        return got.get("title")
    if name == "place":
        return got.get("location")
    if name in ("date", "issuer", "language"):
        return got.get(name)
    if name == "organisations":
        return list(got.get("organisations") or [])
    if name == "people":
        return [p.get("name") for p in got.get("people") or [] if p.get("name")]
    key = name.removeprefix("contact_")[:-1]
    return [c.get(key) for c in got.get("contacts") or [] if c.get(key)]


_SINGLE_NORM: dict[str, Callable[[str], str]] = {
    "headline": norm_headline,
    "date": str.strip,
    "place": norm_place,
    "issuer": norm_plain,
    "language": lambda s: s.strip().casefold(),
}


def single_match(name: str, expected: Any, got: Any) -> bool:
    if not _aliases(expected):
        return not got
    if not got:
        return False
    if name == "issuer":
        return bool(
            org_variants(str(got)) & {v for a in _aliases(expected) for v in org_variants(a)}
        )
    norm = _SINGLE_NORM[name]
    return any(norm(a) == norm(str(got)) for a in _aliases(expected))


_MINOR_WORDS = {
    "of",
    "and",
    "for",
    "the",
    "on",
    "in",
    "de",
    "des",
    "du",
    "la",
    "le",
    "et",
    "del",
    "y",
    "für",
    "und",
    "der",
}


def initials(name: str) -> str:
    """ "Federal Emergency Management Agency" -> "FEMA" (minor words skipped)."""
    words = re.findall(r"[^\W\d_][\w'-]*", name)
    return "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS).upper()


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def acronym_match(a: str, b: str) -> bool:
    """One is the other's acronym: "FEMA" and "Federal Emergency Management Agency"."""
    a, b = a.strip(), b.strip()
    return (_is_acronym(a) and not _is_acronym(b) and initials(b) == a) or (
        _is_acronym(b) and not _is_acronym(a) and initials(a) == b
    )


def _item_match(name: str, aliases: list[str], found: str, partial: bool = False) -> bool:
    if name == "organisations":
        wanted = {v for a in aliases for v in org_variants(a)}
        if wanted & org_variants(found):
            return True
        if any(acronym_match(a, found) for a in aliases):
            return True
        # A label that lists only some organisations (the samples') names each as
        # the part that must be found: "Food and Drug Administration" is found in
        # "U.S. Food and Drug Administration", as tests/test_samples.py reads it.
        return partial and any(
            re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", v)
            for w in wanted
            for v in org_variants(found)
        )
    if name in ("people", "contact_names"):
        return any(norm_name(a) == norm_name(found) and norm_name(a) for a in aliases)
    if name == "contact_emails":
        return any(norm_email(a) == norm_email(found) for a in aliases)
    return any(phones_match(a, found) for a in aliases)


def list_match(
    name: str, expected: Sequence[Any], got: Sequence[str], partial: bool = False
) -> tuple[int, int]:
    """How many expected entries were found, and how many found items matched one
    (one to one: a second copy of a found name counts against precision)."""
    used: set[int] = set()
    hit = 0
    for entry in expected:
        aliases = _aliases(entry)
        for j, found in enumerate(got):
            if j not in used and _item_match(name, aliases, found, partial):
                used.add(j)
                hit += 1
                break
    return hit, len(used)


# --- scoring ------------------------------------------------------------------


@dataclass(slots=True)
class FieldScore:
    name: str
    n: int = 0  # releases scored
    correct: int = 0  # single fields
    expected: int = 0  # list fields: labelled entries
    found: int = 0  # list fields: extracted entries
    hit_expected: int = 0
    hit_found: int = 0
    recall_only: bool = False
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def single(self) -> bool:
        return self.name in SINGLE_FIELDS

    def figures(self) -> dict[str, float | None]:
        if self.single:
            return {"accuracy": _ratio(self.correct, self.n)}
        return {
            "precision": None if self.recall_only else _ratio(self.hit_found, self.found),
            "recall": _ratio(self.hit_expected, self.expected),
        }

    def to_json(self) -> dict[str, Any]:
        counts: dict[str, Any] = {"n": self.n}
        if self.single:
            counts["correct"] = self.correct
        else:
            counts.update(
                expected=self.expected,
                found=self.found,
                matched_expected=self.hit_expected,
                matched_found=self.hit_found,
                recall_only=self.recall_only,
            )
        return {**self.figures(), **counts, "misses": self.misses}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(items: Iterable[Item], fields: Sequence[str] = FIELDS) -> dict[str, FieldScore]:
    scores = {name: FieldScore(name) for name in fields}
    for item in items:
        for name in fields:
            if name not in _labelled(item.label, name):
                continue
            s = scores[name]
            s.n += 1
            want, have = _compared(item, name)
            if s.single:
                if single_match(name, want, have):
                    s.correct += 1
                else:
                    s.misses.append({"file": item.file, "expected": want, "got": have})
                continue
            partial = name in item.partial
            s.recall_only = s.recall_only or partial
            hit_e, hit_f = list_match(name, want, have, partial)
            s.expected += len(want)
            s.hit_expected += hit_e
            if not partial:
                s.found += len(have)
                s.hit_found += hit_f
            if hit_e < len(want) or (not partial and hit_f < len(have)):
                s.misses.append(
                    {"file": item.file, "expected": want, "got": have, "problem": item.problem}
                )
    return scores


def _labelled(label: dict[str, Any], name: str) -> set[str]:
    """The fields this label speaks for (a label without ``issuer`` says nothing of it)."""
    if name.startswith("contact_"):
        return {name} if "contacts" in label else set()
    return {name} if name in label else set()


# The judge's count (issue 10): per release, these nine fields, each right or wrong.
JUDGED_FIELDS = (
    "headline",
    "date",
    "place",
    "issuer",
    "contact_emails",
    "contact_names",
    "contact_phones",
    "organisations",
    "people",
)


def fields_right(items: Iterable[Item]) -> tuple[int, int]:
    """How many of the judged fields are right, of how many, over these releases.

    A single field is right as ``score`` has it; a list field only when every
    labelled item is found and nothing else is (a label that lists some items
    only, the samples' organisations, asks only that each of them is found).
    A field the label says nothing of is not counted.
    """
    right = total = 0
    for item in items:
        for name in JUDGED_FIELDS:
            if name not in _labelled(item.label, name):
                continue
            total += 1
            want, have = _compared(item, name)
            if name in SINGLE_FIELDS:
                right += single_match(name, want, have)
                continue
            partial = name in item.partial
            hit_e, hit_f = list_match(name, want, have, partial)
            right += hit_e == len(want) and (partial or hit_f == len(have))
    return right, total


# --- the three sets ---------------------------------------------------------------


def _parse_one(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    result = parse_paths([str(path)])
    problem = "; ".join(reason for _, reason in result.problems) or None
    return [release.to_json() for release in result.releases], problem


def _wanted(name: str, only: Sequence[str] | None) -> bool:
    """A file name ``--only`` keeps: any, or one that begins with a prefix given."""
    return not only or name.startswith(tuple(only))


def devset_items(only: Sequence[str] | None = None) -> list[Item]:
    labels: dict[str, dict[str, Any]] = json.loads(DEVSET_LABELS.read_text(encoding="utf-8"))
    items = []
    for name, label in labels.items():
        if not _wanted(name, only):
            continue  # not parsed at all: a round of the set is scored in seconds
        releases, problem = _parse_one(DEVSET / name)
        items.append(Item(name, label, releases[0] if releases else None, problem=problem))
    return items


def _sample_label(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "headline": raw.get("title"),
        "date": raw.get("date"),
        "place": raw.get("location"),
        "language": raw.get("language"),
        "organisations": raw.get("organisations", []),
        "people": [p["name"] for p in raw.get("people", [])],
        "contacts": raw.get("contacts", []),
    }


def samples_items(only: Sequence[str] | None = None) -> list[Item]:
    labels: dict[str, Any] = json.loads(SAMPLES_LABELS.read_text(encoding="utf-8"))
    items = []
    for name, raw in labels.items():
        if not _wanted(name, only):
            continue
        releases, problem = _parse_one(SAMPLES / name)
        expected = raw if isinstance(raw, list) else [raw]
        for i, entry in enumerate(expected):
            got = releases[i] if i < len(releases) else None
            file = name if len(expected) == 1 else f"{name}#{i + 1}"
            items.append(
                Item(file, _sample_label(entry), got, frozenset({"organisations"}), problem)
            )
    return items


def seed_items(only: Sequence[str] | None = None) -> list[Item]:
    if not _wanted(SEED.name, only):
        return []
    releases, problem = _parse_one(SEED)
    return [Item(SEED.name, SEED_LABEL, releases[0] if releases else None, problem=problem)]


LOADERS: dict[str, Callable[[Sequence[str] | None], list[Item]]] = {
    "devset": devset_items,
    "samples": samples_items,
    "seed": seed_items,
}


def evaluate(
    datasets: Sequence[str] = DATASETS,
    fields: Sequence[str] = FIELDS,
    only: Sequence[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Per set: how many releases, and each field's figures with its misses (``only``:
    the files whose names begin with one of these prefixes)."""
    out: dict[str, dict[str, Any]] = {}
    for name in datasets:
        items = LOADERS[name](only)
        scores = score(items, fields)
        right, total = fields_right(items)
        out[name] = {
            "releases": len(items),
            "fields_right": {"right": right, "of": total, "share": _ratio(right, total)},
            "unreadable": [i.file for i in items if i.got is None],
            "fields": {f: s.to_json() for f, s in scores.items()},
        }
    return out


# --- output ---------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


def _brief(value: Any, width: int) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"


def render(report: dict[str, dict[str, Any]], verbose: bool = False) -> str:
    lines: list[str] = []
    width = 0 if verbose else 110
    shown = None if verbose else 8
    for dataset, body in report.items():
        lines.append(f"== {dataset}: {body['releases']} releases")
        judged = body["fields_right"]
        lines.append(
            f"   fields right: {judged['right']} of {judged['of']} ({_pct(judged['share']).strip()})"
        )
        if body["unreadable"]:
            lines.append(f"   unreadable: {', '.join(body['unreadable'])}")
        lines.append(f"   {'field':<16}{'accuracy':>9}{'precision':>11}{'recall':>9}{'n':>6}")
        for name, f in body["fields"].items():
            if f["n"] == 0:
                lines.append(f"   {name:<16}{'(not labelled)':>26}")
            elif "accuracy" in f:
                lines.append(f"   {name:<16}{_pct(f['accuracy']):>9}{'':>11}{'':>9}{f['n']:>6}")
            else:
                note = "  (recall only: labels list some)" if f["recall_only"] else ""
                lines.append(
                    f"   {name:<16}{'':>9}{_pct(f['precision']):>11}{_pct(f['recall']):>9}"
                    f"{f['n']:>6}{note}"
                )
        for name, f in body["fields"].items():
            misses = f["misses"]
            if not misses:
                continue
            lines.append(f"   -- {name}: {len(misses)} release(s) miss")
            for miss in misses[:shown]:
                expected = _brief(miss["expected"], width // 2)
                got = _brief(miss["got"], width // 2)
                lines.append(f"      {miss['file']}: expected {expected} vs got {got}")
            if shown is not None and len(misses) > shown:
                lines.append(f"      ... and {len(misses) - shown} more (--verbose)")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.accuracy",
        description="Score extraction against the labelled dev set, the samples and the seed.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--field", action="append", choices=FIELDS, help="only this field")
    parser.add_argument("--dataset", action="append", choices=DATASETS, help="only this set")
    parser.add_argument(
        "--only", action="append", metavar="PREFIX", help="only the files whose names begin so"
    )
    parser.add_argument("--verbose", action="store_true", help="every miss, in full")
    ns = parser.parse_args(argv)
    report = evaluate(ns.dataset or DATASETS, ns.field or FIELDS, ns.only)
    if ns.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(render(report, ns.verbose) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
