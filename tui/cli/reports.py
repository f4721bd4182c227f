"""The JSON forms of what commands report: an import's summary, pressroom doctor's findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.doctor import Finding, Report
from store.sanitize import clean_line

if TYPE_CHECKING:
    # Typing only: store.ingest.run imports the readers and extractors (0.1 s),
    # which `pressroom search` and `show` never use.
    from store.ingest.run import ImportSummary


def summary_json(summary: ImportSummary) -> dict[str, Any]:
    """``pressroom import --json``: the counts, and each file that failed with its reason."""
    return {
        "imported": summary.imported,
        "updated": summary.updated,
        "known": summary.known,
        "unchanged_files": summary.unchanged,
        "files": summary.files_total,
        "seconds": round(summary.seconds, 3),
        # Paths and reasons come from the files: cleaned as the text summary is.
        "failed": [{"path": clean_line(p), "reason": clean_line(r)} for p, r in summary.failed],
        "notes": [{"path": clean_line(p), "note": clean_line(r)} for p, r in summary.notices],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "file": finding.file,
        "problem": finding.problem,
        "severity": finding.severity,
        "repair": finding.repair,
    }


def report_json(report: Report) -> dict[str, Any]:
    """``pressroom doctor --json``: every file looked at, then the notes and the problems."""
    return {
        "store": report.store,
        "files": [{"file": c.file, "summary": c.summary} for c in report.files],
        "notes": [finding_json(n) for n in report.notes],
        "problems": [finding_json(p) for p in report.problems],
        "busy": report.busy,
    }
