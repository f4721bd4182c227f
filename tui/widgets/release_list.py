"""The release list: date, issuer (or organisation), place and title, with star and unread
markers."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence

from rich.style import Style

from store.archive import ResultView
from store.records import Release
from store.sanitize import clean_line
from tui.widgets.virtual_list import Piece, VirtualList, fixed_cell

StarredUnread = Callable[[str], tuple[bool, bool]]
TagsOf = Callable[[str], tuple[str, ...]]
# The share of a row the user's tags may take before the title.
_TAGS_SHARE = 3


def short_organisation(name: str) -> str:
    """``United Nations Office of Counter-Terrorism (UNOCT)`` -> ``UNOCT`` for a narrow column."""
    if name.endswith(")") and " (" in name:
        acronym = name[name.rindex(" (") + 2 : -1]
        if acronym and " " not in acronym and len(acronym) <= 12:
            return acronym
    return name


class ReleaseList(VirtualList[Release]):
    """Rows of date, organisation, dateline place and title, with star and unread markers."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._marks: StarredUnread = lambda _id: (False, False)
        # The user's tags on a release (the session's marks), shown before the title.
        self.tags_of: TagsOf = lambda _id: ()
        # Near-duplicates folded into a row: release id -> the copies it stands for.
        self._copies: dict[str, int] = {}

    def set_releases(
        self,
        rows: Sequence[Release],
        marks: StarredUnread | None = None,
        *,
        keep: str | None = None,
    ) -> None:
        """Show *rows*; the cursor stays on release *keep* when it is still there."""
        if marks is not None:
            self._marks = marks
        target = 0
        self._copies = rows.copies_by_id() if isinstance(rows, ResultView) else {}
        if isinstance(rows, ResultView):
            # Finds it by id: the rows themselves may be read from disk one by one.
            target = (rows.index_of(keep) if keep is not None else None) or 0
        elif keep is not None:
            target = next((n for n, release in enumerate(rows) if release.id == keep), 0)
        self.set_rows(rows, keep_index=target)

    def refresh_marks(self, release_ids: Collection[str]) -> None:
        """Redraw the rows on screen of the releases whose star or read mark changed."""
        wanted = set(release_ids)
        top = self.scroll_offset.y
        for row in range(top, min(len(self.rows), top + self.size.height)):
            if self.rows[row].id in wanted:
                self.refresh_row(row)

    def item_key(self, release: Release) -> Hashable:
        return release.id

    def row_key(self, release: Release) -> Hashable:
        # The id names the file, so a re-imported edit keeps it: the fingerprint
        # (title, date, body, from which the organisation and place are read)
        # says whether the row still reads the same.
        return (
            self._marks(release.id),
            self.tags_of(release.id),
            release.fingerprint,
            self._copies.get(release.id, 1),
        )

    def row_pieces(self, release: Release, width: int) -> tuple[Style | None, list[Piece]]:
        starred, unread = self._marks(release.id)
        marker = self.part("marker")
        meta = self.part("meta")
        plain = Style()
        pieces: list[Piece] = [
            ("★" if starred else " ", marker),
            ("•" if unread else " ", marker),
            (" ", plain),
        ]
        if width >= 48:
            pieces += [(f"{release.date or '':<10}", self.part("dim")), (" ", plain)]
        org_width, place_width = _column_widths(width)
        if org_width:
            # Who issued it; else, dimmed, the first organisation it names: a book
            # review that mentions the FBI was not issued by it, and the column
            # must not say so (about half of a scraped archive has no issuer).
            if release.issuer:
                org, org_style = short_organisation(release.issuer), meta
            elif release.organisations:
                # Faint (SGR 2) in the column's own colour: the theme's muted
                # colour comes out brighter than the meta one on 256 colours.
                org = short_organisation(release.organisations[0])
                org_style = meta + _STAND_IN
            else:
                org, org_style = "", meta
            pieces += [fixed_cell(org, org_width, org_style), (" ", plain)]
        if place_width:
            pieces += [fixed_cell(release.location or "", place_width, meta), (" ", plain)]
        tags = self.tags_of(release.id)
        if tags:
            shown = " ".join("#" + tag for tag in tags)
            limit = max(8, width // _TAGS_SHARE)
            if len(shown) > limit:
                shown = shown[: limit - 1] + "…"
            pieces += [(shown, self.part("marker")), (" ", plain)]
        copies = self._copies.get(release.id)
        if copies:
            # Near-duplicates folded into this row (z unfolds them).
            pieces += [(f"×{copies}", self.part("marker")), (" ", plain)]
        # Only what can be seen: a 100k-character title costs no more than a short one.
        pieces.append((clean_line(release.title[: 4 * width]), plain))
        return (self.part("unread") if unread else None), pieces


_STAND_IN = Style(dim=True)


def _column_widths(width: int) -> tuple[int, int]:
    """Organisation and place columns grow with the terminal; narrow ones drop them."""
    if width < 64:
        return (0, 0)
    if width < 80:
        return (10, 0)
    if width < 110:
        return (12, 12)
    return (18, 14)
