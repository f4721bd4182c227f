"""Contacts as vCard 4.0 (RFC 6350), for a contacts app: one card per directory entry.

Each card has BEGIN, VERSION:4.0, FN (required), N, ORG, TITLE, EMAIL, TEL
(one per phone), NOTE (how many releases, when last seen, the shared desk
address a person signs with) and END. Text values escape ``\\``, ``,``, ``;``
and line breaks (RFC 6350 3.4; in N and ORG a ``;`` separates components, so
within a component it is escaped too). Lines are folded at 75 octets, never
inside a UTF-8 character, with CRLF and a space (3.2). Untrusted text is
cleaned first (SECURITY.md): no control character reaches a card.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from store.contacts import DirectoryEntry
from store.sanitize import clean_line

CRLF = "\r\n"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value as RFC 6350 writes it: backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold_line(line: str) -> str:
    """*line* folded into lines of at most 75 octets, each continuation starting with a space."""
    data = line.encode("utf-8", "surrogatepass")
    if len(data) <= MAX_OCTETS:
        return line + CRLF
    parts: list[str] = []
    start = 0
    limit = MAX_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        # Never cut a UTF-8 sequence: back up over continuation bytes.
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8", "surrogatepass"))
        start = end
        limit = MAX_OCTETS - 1  # the leading space of a continuation line is one octet
    return CRLF.join(parts[:1] + [" " + part for part in parts[1:]]) + CRLF


def _name_parts(name: str) -> tuple[str, str]:
    """(family, given) names, guessed only in the plain "Given Family" shape."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])


def _clean(value: str | None) -> str:
    return clean_line(value or "")


def _tel_uri(phone: str) -> str:
    """A phone as a ``tel:`` URI (RFC 3966 visual separators kept as ``-``), else as text."""
    digits = "".join(c for c in phone if c.isdigit())
    if not digits:
        return ""
    prefix = "+" if phone.strip().startswith(("+", "00")) else ""
    if phone.strip().startswith("00"):
        digits = digits[2:]
    return f"tel:{prefix}{digits}"


def card_lines(entry: DirectoryEntry) -> list[str]:
    """The unfolded content lines of one card."""
    name = _clean(entry.name) or _clean(entry.email) or "(no name)"
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape_text(name)}"]
    if entry.shared:
        lines.append("KIND:org")
        lines.append(f"N:{escape_text(name)};;;;")
    elif "@" in name:
        lines.append("N:;;;;")  # known only by an address: no name to split
    else:
        family, given = _name_parts(name)
        lines.append(f"N:{escape_text(family)};{escape_text(given)};;;")
    organisation = _clean(entry.organisation)
    if organisation:
        lines.append(f"ORG:{escape_text(organisation)}")
    role = _clean(entry.role)
    if role:
        lines.append(f"TITLE:{escape_text(role)}")
    email = _clean(entry.email)
    others = [o for o in map(_clean, entry.other_emails) if o and o != email]
    if email:
        # With earlier addresses beside it, PREF=1 says which one to write to.
        pref = ";PREF=1" if others else ""
        lines.append(f"EMAIL;TYPE=work{pref}:{escape_text(email)}")
    for other in others:
        lines.append(f"EMAIL;TYPE=work:{escape_text(other)}")
    for phone in entry.phones:
        uri = _tel_uri(_clean(phone))
        if uri:
            lines.append(f"TEL;VALUE=uri;TYPE=work,voice:{uri}")
    note = [
        f"{entry.release_count} press release{'' if entry.release_count == 1 else 's'}"
        + (f", last seen {entry.last_seen.isoformat()}" if entry.last_seen else "")
    ]
    if entry.desk:
        note.append(f"reached through {_clean(entry.desk)}")
    lines.append(f"NOTE:{escape_text('; '.join(note) + ' (from Pressroom)')}")
    lines.append("END:VCARD")
    return lines


def vcard(entry: DirectoryEntry) -> str:
    """One contact as a vCard 4.0, folded, with CRLF line ends."""
    return "".join(fold_line(line) for line in card_lines(entry))


def vcards(entries: Iterable[DirectoryEntry]) -> Iterator[str]:
    """One card after another (a .vcf file holds them back to back)."""
    for entry in entries:
        yield vcard(entry)


def write_vcards(out: IO[bytes], entries: Iterable[DirectoryEntry]) -> int:
    """Write the cards of *entries* to *out* (UTF-8); returns how many."""
    count = 0
    for card in vcards(entries):
        out.write(card.encode("utf-8", "surrogatepass"))
        count += 1
    return count
