"""``pressroom export`` and ``pressroom contacts``: a result or the contact directory, out to other tools."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.contacts import DirectoryEntry, where_of
from store.export import FORMATS, SUFFIXES, atomic_output, write_export
from store.sanitize import clean_line
from store.vcard import write_vcards
from tui.cli.plain import plain_text
from tui.wording import counted

# The options of `export` and whether each takes a value (see main._query_words_last):
# any other word is the query's, "-word" (leave out) included.
EXPORT_OPTIONS = {
    "--db": True,
    "--format": True,
    "-f": True,
    "--output": True,
    "-o": True,
    "--json": False,
    "-h": False,
    "--help": False,
}
CONTACT_FORMATS = ("table", "json", "vcf")

_EXPORT_EXAMPLES = """\
examples:
  pressroom export org:unoct date:2024 --format csv -o unoct-2024.csv
  pressroom export is:starred -o starred.jsonl          (the format from the suffix)
  pressroom export tag:climate --format md > climate.md
  pressroom export --format jsonl | jq -r .title        (no query: every release)
  pressroom import starred.jsonl --db other.json        (releases, marks and tags back)

CSV has a header row, UTF-8 with a byte-order mark (so that Excel reads it as
UTF-8) and a leading ' before a cell that a spreadsheet would take for a formula.
JSON and JSON Lines are Pressroom's own release form with your marks and tags."""

_CONTACTS_EXAMPLES = """\
examples:
  pressroom contacts                         every media contact, a table on a terminal
  pressroom contacts who.int                 only those matching (name, email, role, phone)
  pressroom contacts | cut -f2               tab-separated when piped: the emails
  pressroom contacts unoct --format vcf -o unoct.vcf   vCard 4.0 for a contacts app
  pressroom contacts --json | jq .email      one JSON object a line"""


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the releases a query finds (every release without one), sorted as "
        "`pressroom search` sorts them, with your read and starred marks and tags."
    )
    parser.epilog = _EXPORT_EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("query", nargs="*", metavar="QUERY", help="the search bar's language")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="csv, json, jsonl or md (default: from the suffix of -o, else jsonl)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="write FILE (atomically: complete or not at all) instead of standard output",
    )
    parser.add_argument("--json", action="store_true", help="the same as --format jsonl")


def add_contacts_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "List the contact directory: every media contact of the archive."
    parser.epilog = _CONTACTS_EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("filter", nargs="*", metavar="FILTER", help="words to filter by")
    parser.add_argument(
        "--format",
        "-f",
        choices=CONTACT_FORMATS,
        default="table",
        help="table (tab-separated when piped), json (one object a line) or vcf (vCard 4.0)",
    )
    parser.add_argument("--json", action="store_true", help="the same as --format json")
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help="write FILE instead")


def export_format(ns: argparse.Namespace) -> str:
    """The format asked for: --format, --json, the suffix of -o, else JSON Lines."""
    from tui.cli.main import UsageError

    if ns.json and ns.format not in (None, "jsonl"):
        raise UsageError("--json and --format do not agree")
    if ns.format:
        return str(ns.format)
    if ns.json:
        return "jsonl"
    if ns.output is not None:
        suffix = ns.output.suffix.lower()
        for fmt, known in SUFFIXES.items():
            if suffix == known or (fmt == "md" and suffix == ".markdown"):
                return fmt
        raise UsageError(f"cannot tell the format from {ns.output.name!r}: give --format")
    return "jsonl"


@contextmanager
def _output(path: Path | None) -> Iterator[IO[bytes]]:
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with atomic_output(path.expanduser()) as out:
        yield out


def cmd_export(ns: argparse.Namespace) -> int:
    from store.search.query import parse_query
    from tui.cli.main import _error, _opened, _stderr

    fmt = export_format(ns)
    text = " ".join(ns.query)
    # Every word whole, as `pressroom search` takes them.
    query = parse_query(text + " ")
    for hint in query.hints:
        _error(hint)
    # Only reads the store (as search does): nothing beside it is written.
    with _opened(ns) as archive:
        archive.build_index(cached_only=True)
        states = archive.read_marks()
        result = archive.search(query, states=states)
        title = f"Pressroom export: {clean_line(text)}" if text.strip() else "Pressroom export"
        with _output(ns.output) as out:
            count = write_export(out, fmt, result, states, title=title)
    if ns.output is not None:
        _stderr().print(Text(f"exported {counted(count, 'release')} to {ns.output}"))
    return 0


def cmd_contacts(ns: argparse.Namespace) -> int:
    from tui.cli.main import UsageError, _opened, _stderr, _stdout

    fmt = "json" if ns.json else ns.format
    if ns.json and ns.format not in ("table", "json"):
        raise UsageError("--json and --format do not agree")
    with _opened(ns) as archive:
        directory = archive.contacts()
    text = " ".join(ns.filter)
    entries = directory.filter(text) if text.strip() else list(directory.entries)
    if fmt == "vcf":
        with _output(ns.output) as out:
            count = write_vcards(out, entries)
        if ns.output is not None:
            _stderr().print(Text(f"wrote {counted(count, 'contact')} to {ns.output}"))
        return 0
    if fmt == "json":
        with _output(ns.output) as out:
            for entry in entries:
                out.write(orjson.dumps(contact_json(entry)) + b"\n")
        return 0
    if ns.output is not None:
        with _output(ns.output) as out:
            out.write("".join(contact_line(entry) for entry in entries).encode())
        return 0
    print_contacts(_stdout(), entries, len(directory))
    return 0


def contact_json(entry: DirectoryEntry) -> dict[str, object]:
    """One directory entry as ``contacts --json`` prints it."""
    return {
        "name": entry.name,
        "email": entry.email,
        "other_emails": list(entry.other_emails),
        "phones": list(entry.phones),
        "role": entry.role,
        "organisation": entry.organisation,
        "releases": entry.release_count,
        "last_seen": _day(entry.last_seen),
        "shared_mailbox": entry.shared,
        "desk": entry.desk,
        "release_ids": list(entry.release_ids),
    }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def contact_line(entry: DirectoryEntry) -> str:
    """One tab-separated line: name, email, first phone, role, organisation, releases, last seen."""
    fields = (
        entry.name,
        entry.email or "",
        entry.phones[0] if entry.phones else "",
        entry.role or "",
        entry.organisation or "",
        str(entry.release_count),
        _day(entry.last_seen) or "",
    )
    return "\t".join(clean_line(field).replace("\t", " ") for field in fields) + "\n"


def print_contacts(console: Console, entries: list[DirectoryEntry], total: int) -> None:
    """The directory: an aligned table on a terminal, tab-separated lines when piped."""
    if not console.is_terminal:
        # Past Rich, which would expand the tabs (``cut -f2`` needs them) and
        # could colour; plain text, no escape sequences.
        out = console.file
        for entry in entries:
            out.write(contact_line(entry))
        out.flush()
        return
    if not entries:
        console.print("no contact matches")
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("name", max_width=28, no_wrap=True, overflow="ellipsis")
    table.add_column("email", max_width=34, no_wrap=True, overflow="ellipsis")
    table.add_column("phone", no_wrap=True)
    table.add_column("role · organisation", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("releases", justify="right", no_wrap=True)
    table.add_column("last seen", no_wrap=True, style="dim")
    for entry in entries:
        where = where_of(entry)
        table.add_row(
            plain_text(entry.name, one_line=True),
            plain_text(entry.email, one_line=True),
            plain_text(entry.phones[0] if entry.phones else "", one_line=True),
            plain_text(where, one_line=True),
            Text(f"{entry.release_count:,}"),
            Text(_day(entry.last_seen) or ""),
        )
    console.print(table)
    console.print(f"{len(entries):,} of {counted(total, 'contact')}", style="dim")
