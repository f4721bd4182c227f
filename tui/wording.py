"""Counted nouns as people write them: ``1 release``, ``2 releases``, ``1,024 contacts``."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """*count* with *noun*, in the plural unless it is one (``1 release``, ``0 releases``)."""
    word = noun if count == 1 else (plural or noun + "s")
    return f"{count:,} {word}"
