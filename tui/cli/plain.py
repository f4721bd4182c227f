"""The single door from release text to the command line's output: cleaned, never markup."""

from __future__ import annotations

from rich.text import Text

from store.sanitize import clean_line, clean_text


def plain_text(value: str | None, style: str = "", *, one_line: bool = False) -> Text:
    """A Rich ``Text`` of *value* (cleaned again: SECURITY.md asks for it at both ends)."""
    if not value:
        return Text("", style=style)
    cleaned = clean_line(value) if one_line else clean_text(value)
    return Text(cleaned, style=style, no_wrap=one_line, overflow="ellipsis" if one_line else "fold")
