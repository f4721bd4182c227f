"""The detail pane: one release laid out for reading, search hits highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from store.records import Release
from store.sanitize import clean_line, clean_text, fold


class DetailPane(VerticalScroll, can_focus=True):
    """Kicker, headline, dateline, organisations, people, body, links and contacts."""

    DEFAULT_CSS = """
    DetailPane { padding: 0 1; }
    DetailPane > Static { width: 1fr; }
    DetailPane > #detail-kicker { color: $text-muted; }
    DetailPane > #detail-title { text-style: bold; margin-bottom: 1; }
    DetailPane > #detail-dateline { color: $text-secondary; }
    DetailPane > #detail-body { margin: 1 0; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.release: Release | None = None
        self.terms: tuple[str, ...] = ()

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-kicker")
        yield Static(id="detail-title")
        yield Static(id="detail-dateline")
        yield Static(id="detail-meta")
        yield Static(id="detail-body")
        yield Static(id="detail-contacts")

    def show(self, release: Release | None, terms: Sequence[str] = ()) -> None:
        """Lay out *release* (or nothing) with *terms* highlighted."""
        self.release = release
        self.terms = tuple(terms)
        parts = _layout(release, self.terms)
        for key, text in parts.items():
            static = self.query_one(f"#detail-{key}", Static)
            static.update(text)
            static.display = bool(text.plain)
        self.scroll_home(animate=False)


def _layout(release: Release | None, terms: Sequence[str]) -> dict[str, Text]:
    empty = Text("")
    if release is None:
        return {k: empty for k in ("kicker", "title", "dateline", "meta", "body", "contacts")}
    dateline = " · ".join(x for x in (release.location, release.date) if x)
    meta = Text()
    if release.embargo:
        meta.append(clean_line(release.embargo) + "\n", "bold red")
    if release.organisations:
        meta.append(" · ".join(clean_line(o) for o in release.organisations) + "\n")
    for person in release.people:
        meta.append(clean_line(person.name), "bold")
        if person.role:
            meta.append(", " + clean_line(person.role))
        meta.append("\n")
    meta.rstrip()
    contacts = Text()
    if release.contacts:
        contacts.append("Contacts\n", "bold")
        for c in release.contacts:
            fields = [x for x in (c.name, c.role, c.organisation, c.email, c.phone) if x]
            contacts.append("  " + " · ".join(clean_line(f) for f in fields) + "\n")
    if release.links:
        contacts.append("Links\n", "bold")
        for link in release.links:
            contacts.append(f"  {clean_line(link.label)}  ", "bold")
            contacts.append(clean_line(link.url) + "\n", "underline" if link.openable else "dim")
    contacts.rstrip()
    return {
        "kicker": Text(clean_line(release.kicker or "")),
        "title": _highlighted(clean_line(release.title), terms),
        "dateline": Text(dateline),
        "meta": meta,
        "body": _highlighted(clean_text(release.body), terms),
        "contacts": contacts,
    }


def _highlighted(value: str, terms: Sequence[str]) -> Text:
    text = Text(value)
    if not terms or not value:
        return text
    folded = fold(value)
    if len(folded) != len(value):
        # Folding changed lengths (ligatures, ß): offsets would drift, so match case-blind only.
        folded = value.casefold() if len(value.casefold()) == len(value) else ""
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            text.stylize("reverse", start, start + len(term))
            start = folded.find(term, start + len(term))
    return text
