"""Summaries of the measured figures, the budgets from DESIGN.md, and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

MIB = 1024 * 1024


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: every figure is a measured one)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), -(-int(q * 100) * len(ordered) // 100)))
    return ordered[rank - 1]


def spread(values: Sequence[float]) -> dict[str, float]:
    """p50, p95 and max of *values*, with how many there were."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50": statistics.median(values),
        "p95": percentile(values, 0.95),
        "max": max(values),
    }


def budgets_for(name: str, size: int) -> dict[str, Any]:
    """DESIGN.md's budgets for an archive of *size* (up to 10k: the 10k column)."""
    if name == "real corpus":
        # DESIGN.md, "On the real corpus": list within 0.75 s, a word within 50 ms, < 370 MiB.
        return {
            "start_s": 0.75,
            "keystroke_p95_ms": 50.0,
            "contact_p95_ms": 16.0,
            "open_ms": 30.0,
            "peak_rss_bytes": 370 * MIB,
            "import_per_s": 1000.0,
            "column": "real corpus",
        }
    if size <= 10_000:
        return {
            "start_s": 1.0,
            "keystroke_p95_ms": 16.0,
            "contact_p95_ms": 16.0,
            "open_ms": 30.0,
            "column": "10k",
        }
    return {
        "start_s": 2.0,
        "keystroke_p95_ms": 50.0,
        "contact_p95_ms": 16.0,
        "open_ms": 30.0,
        "peak_memory_ratio": 2.5,
        "column": "100k",
    }


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "OVER")


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return "-"
    return f"{numerator / denominator:.1f}x"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) if i == 0 else cell.rjust(width)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
    )


def format_corpus(c: dict[str, Any], bare: dict[str, Any]) -> str:
    """The table of one corpus: figures, budgets, baselines and ratios."""
    budget = c["budgets"]
    lines = [
        "",
        f"== {c['name']}: {c['releases']:,} releases, store {c['store_bytes'] / MIB:.1f} MiB "
        f"(budgets: {budget['column']} column of DESIGN.md) ==",
    ]
    head = ("figure", "Pressroom", "budget", "", "baseline", "base", "ratio")
    widths = (34, 18, 10, 4, 34, 12, 7)
    lines.append(_row(head, widths))
    start = c["start"]["first_rows_s"]["p50"]
    key = c["keystroke_ms"]
    pilot = c["keystroke_pilot_ms"]
    contact = c["contact_keystroke_ms"]
    opened = c["open_ms"]
    bare_start = bare["start"]["first_frame_s"]["p50"]
    bare_key = bare["keystroke_ms"]
    bare_pilot = bare["keystroke_pilot_ms"]
    table = c.get("datatable") or {}
    rows: list[tuple[str, str, str, bool | None, str, str, str]] = [
        (
            "start to list with rows (s, p50)",
            f"{start:.2f}",
            f"<= {budget['start_s']}",
            start <= budget["start_s"],
            "bare Textual app first frame (s)",
            f"{bare_start:.2f}",
            _ratio(start, bare_start),
        ),
        (
            "  then index ready (s, p50)",
            f"{c['start']['index_ready_s']['p50']:.2f}",
            "",
            None,
            "",
            "",
            "",
        ),
        (
            "keystroke->frame p50/p95/max (ms)",
            f"{key['p50']:.1f}/{key['p95']:.1f}/{key['max']:.0f}",
            f"p95 <= {budget['keystroke_p95_ms']:.0f}",
            key["p95"] <= budget["keystroke_p95_ms"],
            "bare Textual Input key->frame p95",
            f"{bare_key['p95']:.1f}",
            _ratio(key["p95"], bare_key["p95"]),
        ),
        (
            "  of which key->result applied p50/p95",
            f"{c['keystroke_update_ms']['p50']:.1f}/{c['keystroke_update_ms']['p95']:.1f}",
            "",
            None,
            "",
            "",
            "",
        ),
        (
            "  key->frame while Pilot waits p50/p95",
            f"{c['keystroke_under_pilot_ms']['p50']:.1f}/{c['keystroke_under_pilot_ms']['p95']:.1f}",
            "",
            None,
            "bare app, same, p95",
            f"{bare['keystroke_under_pilot_ms']['p95']:.1f}",
            _ratio(c["keystroke_under_pilot_ms"]["p95"], bare["keystroke_under_pilot_ms"]["p95"]),
        ),
        (
            "  Pilot round trip p50/p95",
            f"{pilot['p50']:.0f}/{pilot['p95']:.0f}",
            "",
            None,
            "bare Textual app Pilot p50",
            f"{bare_pilot['p50']:.0f}",
            _ratio(pilot["p50"], bare_pilot["p50"]),
        ),
        (
            "contact keystroke p50/p95/max (ms)",
            f"{contact['p50']:.1f}/{contact['p95']:.1f}/{contact['max']:.0f}",
            f"p95 <= {budget['contact_p95_ms']:.0f}",
            contact["p95"] <= budget["contact_p95_ms"],
            "",
            "",
            "",
        ),
        (
            "  'c' to directory shown (ms)",
            f"{c['contacts_open_ms']:.0f}",
            "",
            None,
            "",
            "",
            "",
        ),
        (
            "open in pane p50/p95/max (ms)",
            f"{opened['p50']:.1f}/{opened['p95']:.1f}/{opened['max']:.0f}",
            f"p95 <= {budget['open_ms']:.0f}",
            opened["p95"] <= budget["open_ms"],
            "",
            "",
            "",
        ),
        (
            "list of all rows: fill+paint (ms)",
            f"{c['show_all_ms']['p50']:.1f}",
            "",
            None,
            f"DataTable {table.get('rows', 0):,} rows fill+paint",
            f"{table.get('fill_and_paint_ms', 0):.0f}" if table else "-",
            _ratio(table.get("fill_and_paint_ms"), c["show_all_ms"]["p50"]),
        ),
    ]
    memory = c["peak_rss_bytes"]
    ratio = memory / c["store_bytes"]
    mem_budget = ""
    mem_ok: bool | None = None
    if "peak_memory_ratio" in budget:
        mem_budget = f"<= {budget['peak_memory_ratio']}x store"
        mem_ok = ratio <= budget["peak_memory_ratio"]
    elif "peak_rss_bytes" in budget:
        mem_budget = f"< {budget['peak_rss_bytes'] / MIB:.0f} MiB"
        mem_ok = memory < budget["peak_rss_bytes"]
    rows.append(
        (
            "peak memory (MiB; x store file)",
            f"{memory / MIB:.0f}; {ratio:.2f}x",
            mem_budget,
            mem_ok,
            "bare Textual app peak (MiB)",
            f"{bare['peak_rss_bytes'] / MIB:.0f}",
            _ratio(memory, bare["peak_rss_bytes"]),
        )
    )
    tiny = c.get("tinydb") or {}
    if tiny:
        rows.append(
            (
                "archive open (s, start - bare)",
                f"{max(0.0, start - bare_start):.2f}",
                "",
                None,
                "stock TinyDB open + first read (s)",
                f"{tiny['open_s']:.2f}",
                _ratio(tiny["open_s"], max(1e-9, start - bare_start)),
            )
        )
    imported = c.get("import") or {}
    if imported:
        per_s = imported["releases_per_s"]
        floor = budget.get("import_per_s")
        rows.append(
            (
                "import (releases/s)",
                f"{per_s:,.0f}",
                f">= {floor:,.0f}" if floor else "",
                (per_s >= floor) if floor else None,
                f"{imported['stored']:,} of {imported['files']:,} files in",
                f"{imported['seconds']:.1f} s",
                "",
            )
        )
    for name, value, limit, ok, base_name, base, times in rows:
        lines.append(_row((name, value, limit, _verdict(ok), base_name, base, times), widths))

    lines.append("")
    qhead = ("query", "app", "scan", "", "p50", "p95", "max", "last", "TinyDB", "x", "grep", "x")
    qwidths = (42, 7, 7, 4, 6, 6, 6, 6, 16, 6, 16, 6)
    lines.append(_row(qhead, qwidths))
    for kind, q in c["queries"].items():
        tiny_q = q.get("tinydb")
        grep_q = q.get("grep")
        mismatch = bool(_count_problem(q))
        lines.append(
            _row(
                (
                    f"{kind}: {q['query']}"[:42],
                    f"{q['app_count']}",
                    f"{q['scan_count']}",
                    "MISMATCH" if mismatch else "=",
                    f"{q['ms']['p50']:.1f}",
                    f"{q['ms']['p95']:.1f}",
                    f"{q['ms']['max']:.1f}",
                    f"{q['last_key_ms']:.1f}",
                    f"{tiny_q['ms']:.0f} ms ({tiny_q['count']})" if tiny_q else "-",
                    _ratio(tiny_q["ms"], q["last_key_ms"]) if tiny_q else "-",
                    f"{grep_q['ms']:.0f} ms ({grep_q['count']})" if grep_q else "-",
                    _ratio(grep_q["ms"], q["last_key_ms"]) if grep_q else "-",
                ),
                qwidths,
            )
        )
    for text, f in c["contact_filters"].items():
        lines.append(
            f"contact filter {text!r}: {f['count']:,} of {f['directory']:,} contacts, "
            f"p95 {f['ms']['p95']:.1f} ms"
        )
    return "\n".join(lines)


def mismatches(corpora: Sequence[dict[str, Any]]) -> list[str]:
    """Every query whose count in the app differs from the reference scan."""
    found = []
    for c in corpora:
        for kind, q in c["queries"].items():
            problem = _count_problem(q)
            if problem:
                found.append(f"{c['name']}: {kind} {q['query']!r}: {problem}")
    return found


def _count_problem(q: dict[str, Any]) -> str:
    """Why the app's count of a query is wrong (empty when list, status line and scan agree)."""
    scan = q["scan_count"]
    if q["app_count"] != scan:
        return f"list has {q['app_count']}, reference scan {scan}"
    if q["shown_count"] != scan:
        return f"status line shows {q['shown']!r}, reference scan {scan}"
    if q["app_count_under_pilot"] not in (None, scan):
        return f"typed under Pilot the list has {q['app_count_under_pilot']}, scan {scan}"
    return ""
