"""Cleaning of untrusted text: terminal escapes, control characters, bidi tricks.

Every string that enters Pressroom passes through :func:`clean_text` at the
import boundary, and the display layer runs it again before anything reaches
the screen (SECURITY.md section 2). It is idempotent and never raises.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

# Whole escape sequences first, so that their parameters do not survive as
# stray text once the ESC byte is gone. Order matters: string sequences (OSC,
# DCS, SOS, PM, APC) may hold anything up to their terminator; an
# unterminated one runs to the end of the field (E7).
_STRING_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"  # 7-bit and 8-bit introducers
    r".*?"
    r"(?:\x07|\x1b\\|\x9c|\Z)",
    re.DOTALL,
)
_CSI_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?")
# Two- and three-character escapes: ESC c, ESC 7, ESC ( B, ESC # 8 ...
_SHORT_ESCAPE = re.compile(r"\x1b[\x20-\x2f]*[\x30-\x7e]?")

# What is left: C0 controls except \t and \n, DEL, the C1 range, bidi
# overrides and isolates, and invisible characters that let one string pose
# as another (E10): zero-width space/joiners, word joiner, BOM, soft hyphen.
# ZWJ (U+200D) stays: emoji sequences need it (R5).
_FORBIDDEN_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f"
    "\u2060-\u2064\ufeff\u00ad\ufff9-\ufffb"
)
_FORBIDDEN = re.compile(f"[{_FORBIDDEN_CHARS}]")
# The surrogates as the patterns' escapes, not characters: mypyc refuses them in a literal.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_C1 = re.compile("[\x80-\x9f]")
# Anything clean_text changes (CR, ESC and the C1 controls are among the forbidden). Most
# text has none of it: one scan (~3 ns a character) then stands for the three of the steps.
_NEEDS_CLEANING = re.compile(f"[{_FORBIDDEN_CHARS}" r"\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Return *value* with escape sequences and unsafe controls removed.

    Keeps ``\\n`` and ``\\t``; turns ``\\r\\n`` and bare ``\\r`` into ``\\n``;
    replaces lone surrogates (from lenient decoding) with U+FFFD.
    """
    if not value:
        return ""
    if _NEEDS_CLEANING.search(value) is None:
        return value
    text = value
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or _C1.search(text):
        text = _STRING_SEQUENCE.sub("", text)
        text = _CSI_SEQUENCE.sub("", text)
        text = _SHORT_ESCAPE.sub("", text)
    text = _FORBIDDEN.sub("", text)
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return text


def clean_line(value: str) -> str:
    """Clean *value* and fold it onto one line with single spaces (titles, names)."""
    return " ".join(clean_text(value).split())


def clean_optional(value: str | None) -> str | None:
    """Clean a one-line field; empty results become ``None`` (a field not said)."""
    if value is None:
        return None
    cleaned = clean_line(value)
    return cleaned or None


def fold(value: str) -> str:
    """Case- and accent-insensitive form of *value*, for matching and sorting."""
    if value.isascii():
        # ASCII: casefold is lower(), NFKD changes nothing, there are no marks.
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    # The marks left by decomposition dropped in C, not a character at a time in Python.
    return decomposed.translate(_combining_marks())


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every character with a combining class (what fold drops), for ``str.translate``.

    Built on the first text that is not ASCII (50 ms), from this Python's Unicode data."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}
