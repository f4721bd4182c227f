"""The contact directory list: name, latest role and organisation, email, phone, releases, last seen."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from store.contacts import DirectoryEntry
from store.sanitize import clean_line
from tui.widgets.virtual_list import VirtualList, fixed_cell


class ContactList(VirtualList[DirectoryEntry]):
    """One row per person (or shared mailbox) of the directory."""

    def row_text(self, entry: DirectoryEntry, width: int, style: Style) -> Text:
        meta = self.part("meta")
        dim = self.part("dim")
        line = Text(style=style, no_wrap=True, overflow="ellipsis", end="")
        name_width = max(12, min(28, width // 4))
        line.append_text(fixed_cell(entry.name, name_width, Style(bold=True)))
        line.append(" ")
        if width >= 70:
            email_width = max(16, min(32, width // 4))
            line.append_text(fixed_cell(entry.email or "", email_width, Style()))
            line.append(" ")
        if width >= 100:
            line.append_text(fixed_cell(entry.phones[0] if entry.phones else "", 18, dim))
            line.append(" ")
        if width >= 60:
            seen = entry.last_seen.isoformat() if entry.last_seen else ""
            line.append(f"{entry.release_count:>4} {seen:<10} ", dim)
        where = " · ".join(clean_line(x) for x in (entry.role, entry.organisation) if x)
        line.append(where, meta)
        return line
