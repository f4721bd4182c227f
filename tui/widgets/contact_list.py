"""The contact directory list: name, latest role and organisation, email, phone, releases, last seen."""

from __future__ import annotations

from collections.abc import Hashable

from rich.style import Style

from store.contacts import DirectoryEntry, where_of
from tui.widgets.virtual_list import Piece, VirtualList, fixed_cell

EMAIL_WIDTH = 32  # cells for the email column when there is room


class ContactList(VirtualList[DirectoryEntry]):
    """One row per person (or shared mailbox) of the directory."""

    def item_key(self, entry: DirectoryEntry) -> Hashable:
        return entry.key

    def row_key(self, entry: DirectoryEntry) -> Hashable:
        # A directory rebuilt after an import keeps the keys but not the figures.
        return (
            entry.name,
            entry.email,
            entry.phones[:1],
            entry.release_count,
            entry.last_seen,
            entry.role,
            entry.organisation,
        )

    def row_pieces(self, entry: DirectoryEntry, width: int) -> tuple[Style | None, list[Piece]]:
        meta = self.part("meta")
        dim = self.part("dim")
        plain = Style()
        name_width = max(12, min(28, width // 4))
        pieces: list[Piece] = [fixed_cell(entry.name, name_width, Style(bold=True)), (" ", plain)]
        if width >= 40:
            # The email is what the lookup is for: shown from 40 columns, and
            # room for a whole address (32 cells) as soon as there is any.
            email_width = max(16, min(EMAIL_WIDTH, width - name_width - 2))
            pieces += [fixed_cell(entry.email or "", email_width, plain), (" ", plain)]
        if width >= 100:
            phone = entry.phones[0] if entry.phones else ""
            pieces += [fixed_cell(phone, 18, dim), (" ", plain)]
        if width >= 60:
            seen = entry.last_seen.isoformat() if entry.last_seen else ""
            pieces.append((f"{entry.release_count:>4} {seen:<10} ", dim))
        pieces.append((where_of(entry), meta))
        return None, pieces
