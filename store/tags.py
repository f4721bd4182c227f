"""The user's own tags on releases: how a tag name is cleaned, compared and merged.

A tag is what the user typed, cleaned (SECURITY.md: no control characters,
no escape sequences), on one line with single spaces, at most
:data:`MAX_TAG_LENGTH` characters, without the characters that would make it
ambiguous where tags are listed or searched: ``,`` and ``;`` (the separators
of a CSV cell and of the tag editor's input) and ``"`` (which ``tag:"..."``
cannot quote). Two tags are the same tag when they differ only in case:
``Climate`` and ``climate`` are one, and the first spelling given is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from store.sanitize import clean_line

# Long enough for "EU Green Deal follow-up 2024", short enough for a list column.
MAX_TAG_LENGTH = 64
# Tags one release may carry; more is a mistake (a paste), not a use.
MAX_TAGS_PER_RELEASE = 100
_SEPARATORS = str.maketrans({",": " ", ";": " ", '"': " "})


def clean_tag(name: object) -> str | None:
    """*name* as a tag, or None when nothing of it is left (or it is not text)."""
    if not isinstance(name, str):
        return None
    cleaned = clean_line(name.translate(_SEPARATORS))
    if len(cleaned) > MAX_TAG_LENGTH:
        cleaned = cleaned[:MAX_TAG_LENGTH].rstrip()
    return cleaned or None


def tag_key(name: str) -> str:
    """What two tags are compared by: case ignored."""
    return name.casefold()


def clean_tags(names: object) -> tuple[str, ...]:
    """A list read from a file (the state file, an export) as tags: cleaned, each once, capped."""
    if not isinstance(names, list | tuple):
        return ()
    out: dict[str, str] = {}
    for name in names:
        tag = clean_tag(name)
        if tag is not None:
            out.setdefault(tag_key(tag), tag)
        if len(out) >= MAX_TAGS_PER_RELEASE:
            break
    return tuple(out.values())


def split_tags(text: str) -> list[str]:
    """What the user typed in the tag editor: tags separated by commas (or semicolons)."""
    found = (clean_tag(part) for part in text.replace(";", ",").split(","))
    return list(dict.fromkeys(tag for tag in found if tag is not None))


def has_tag(tags: Iterable[str], name: str) -> bool:
    key = tag_key(name)
    return any(tag_key(tag) == key for tag in tags)


def changed_tags(tags: Iterable[str], changes: Mapping[str, str | None]) -> tuple[str, ...]:
    """*tags* with *changes* applied: tag key -> the name to add, or None to remove it.

    An added tag already there (in any case) keeps its spelling; the order is
    the order of adding.
    """
    out = {tag_key(tag): tag for tag in tags}
    for key, name in changes.items():
        if name is None:
            out.pop(key, None)
        elif key not in out and len(out) < MAX_TAGS_PER_RELEASE:
            out[key] = name
    return tuple(out.values())


def merged_tags(mine: Iterable[str], theirs: Iterable[str]) -> tuple[str, ...]:
    """The union of two tag lists (an import's tags joining the user's), the user's spelling first."""
    return changed_tags(mine, {tag_key(tag): tag for tag in theirs})
