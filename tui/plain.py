"""The single door from release text to the screen: cleaned, and never read as markup."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from store.sanitize import clean_line, clean_text


def plain_text(value: str | None, style: str = "", *, one_line: bool = False) -> Text:
    """A Rich ``Text`` of *value* (cleaned again: SECURITY.md asks for it at both ends)."""
    if not value:
        return Text("", style=style)
    cleaned = clean_line(value) if one_line else clean_text(value)
    return Text(cleaned, style=style, no_wrap=one_line, overflow="ellipsis" if one_line else "fold")


def plain_content(value: str | None, *, one_line: bool = False) -> Content:
    """A Textual ``Content`` of *value*: literal text, whatever brackets it holds."""
    if not value:
        return Content("")
    return Content(clean_line(value) if one_line else clean_text(value))
