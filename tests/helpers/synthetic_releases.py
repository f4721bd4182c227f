"""Hand-built releases for the store tests: deterministic, with a chosen body size."""

from __future__ import annotations

from store.records import Contact, Link, Person, Release, Source, digest

_PARAGRAPH = (
    "The ministry announced on Tuesday a programme to train 400 inspectors in the "
    "region, with support from partner agencies and a budget agreed by the council. "
)


def synthetic_release(n: int, *, body_size: int = 600, tag: str = "s", edit: int = 0) -> Release:
    """Release number *n* of series *tag*; *edit* changes its text but not its id."""
    repeats = max(1, body_size // len(_PARAGRAPH))
    body = f"Release {tag}-{n} edit {edit}.\n\n" + _PARAGRAPH * repeats
    return Release(
        id=digest("synthetic", tag, str(n)),
        title=f"Agency {n % 97} announces programme {n} ({tag})",
        body=body,
        source=Source(f"/archive/{tag}/{n}.md", "md"),
        kicker="PRESS RELEASE",
        date=f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        location="Geneva",
        organisations=(f"Agency {n % 97}",),
        people=(Person("Ana Pérez", "Director"),),
        contacts=(Contact(email=f"press{n % 50}@agency.example", phone="+41 22 000 00 00"),),
        links=(Link("report", "https://agency.example/report"),),
        language="en",
        tags=(tag,),
    )


def international_release() -> Release:
    """A release whose every field needs more than ASCII (D8)."""
    return Release(
        id=digest("international"),
        title="Ministère: « Économie » 経済産業省 — 🚀 launch 👩🏽‍🔬",
        body="Zürich, 3 März – Ñandú 🐦 ‘quotes’ “double”\n\n中文 한국어 العربية עברית\tend",
        source=Source("/archive/intl/ünïcode 📰.md", "md"),
        kicker="COMMUNIQUÉ DE PRESSE",
        date="2024-03-03",
        location="Zürich",
        organisations=("経済産業省", "Ministère de l’Économie"),
        people=(Person("José Ñúñez", "Señor Director"), Person("王小明")),
        contacts=(Contact(name="Zoë", email="zoë@exämple.org", phone="+33 1 23 45 67 89"),),
        links=(Link("résumé", "https://exämple.org/ü"),),
        language="fr",
        tags=("🏷️",),
    )
