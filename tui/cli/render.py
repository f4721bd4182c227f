"""Plain-text rendering of releases and import summaries for the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.records import Release
from store.sanitize import clean_line
from tui.cli.plain import plain_text
from tui.wording import counted

if TYPE_CHECKING:
    # Typing only: store.ingest.run imports the readers and extractors (0.1 s),
    # which `pressroom search` and `show` never use.
    from store.ingest.run import ImportSummary


def print_summary(console: Console, summary: ImportSummary) -> None:
    """The closing lines of an import: counts, then each failed file with its reason."""
    rate = summary.stored / summary.seconds if summary.seconds > 0 else 0.0
    unchanged = (
        f"; {summary.unchanged:,} unchanged since they were imported, not read again"
        if summary.unchanged
        else ""
    )
    console.print(
        f"imported {summary.imported:,}, updated {summary.updated:,}, "
        f"already known {summary.known:,}, failed {len(summary.failed):,} "
        f"({counted(summary.files_total, 'file')} in {summary.seconds:.1f} s"
        + (f", {rate:,.0f} releases/s" if rate >= 1 else "")
        + f"{unchanged})",
        soft_wrap=True,
    )
    for label, problems in (("failed", summary.failed), ("note", summary.notices)):
        for path, reason in problems:
            line = Text(f"  {label}: ")
            line.append_text(plain_text(path, one_line=True))
            line.append(": ")
            line.append_text(plain_text(reason, one_line=True))
            console.print(line, soft_wrap=True)


def print_release_table(console: Console, releases: Sequence[Release], total: int) -> None:
    """Search results: a table on a terminal, tab-separated lines elsewhere."""
    if not console.is_terminal:
        # Written past Rich, which would expand the tabs to spaces (``cut -f1`` needs tabs).
        out = console.file
        for r in releases:
            fields = (r.id, r.date or "", _organisation(r), r.location or "", r.title)
            out.write("\t".join(clean_line(f).replace("\t", " ") for f in fields) + "\n")
        out.flush()
        return
    if not releases:
        console.print("no releases match")
        return
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("organisation", max_width=24, no_wrap=True, overflow="ellipsis")
    table.add_column("place", max_width=18, no_wrap=True, overflow="ellipsis")
    table.add_column("title", ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("id", no_wrap=True, style="dim")
    for r in releases:
        table.add_row(
            plain_text(r.date or "", one_line=True),
            # A mentioned organisation stands in for a missing issuer, dimmed.
            plain_text(_organisation(r), "" if r.issuer else "dim", one_line=True),
            plain_text(r.location, one_line=True),
            plain_text(r.title, one_line=True),
            Text(r.id[:10]),
        )
    console.print(table)
    more = "; --limit 0 for all" if len(releases) < total else ""
    console.print(f"{len(releases):,} of {counted(total, 'matching release')}{more}", style="dim")


def print_release(console: Console, r: Release) -> None:
    """One release as a reader wants it: headline, dateline, people, contacts, body."""
    if r.kicker:
        console.print(plain_text(r.kicker, "dim", one_line=True))
    if r.embargo:
        console.print(plain_text(r.embargo, "bold red", one_line=True))
    console.print(plain_text(r.title, "bold"))
    dateline = " · ".join(x for x in (r.location, r.date) if x)
    if dateline:
        console.print(plain_text(dateline, "italic", one_line=True))
    if r.issuer:
        console.print(plain_text(f"issued by {r.issuer}", one_line=True))
    if r.organisations:
        console.print(plain_text(" · ".join(r.organisations)))
    for person in r.people:
        console.print(plain_text(_joined(person.name, person.role)))
    console.print()
    console.print(plain_text(r.body))
    if r.contacts:
        console.print()
        console.print(Text("Contacts", style="bold"))
        for c in r.contacts:
            console.print(
                plain_text("  " + _joined(c.name, c.role, c.organisation, c.email, c.phone))
            )
    if r.links:
        console.print()
        console.print(Text("Links", style="bold"))
        for link in r.links:
            console.print(plain_text(f"  {link.label} <{link.url}>"))
    console.print()
    console.print(plain_text(f"{r.id} · {r.source.format} · {r.source.path}", "dim"))


def _organisation(r: Release) -> str:
    """Who issued the release, else the first organisation it names."""
    return r.issuer or (r.organisations[0] if r.organisations else "")


def _joined(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)
