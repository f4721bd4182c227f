"""A Drupal node as JSON:API serves it (VA.gov's next-build): the office that owns it, named by
its "administration" term ("field_administration": {"name": "VA Pittsburgh health care"}), for
a node whose GraphQL breadcrumb is not there to file it under an office."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.ingest.readers.fields import short_text

# JSON:API's "field_administration": {"name": ...}; GraphQL's "fieldAdministration":
# {"entity": {"name": ...}} where a query asks for the name.
_TERM_KEYS = ("field_administration", "fieldAdministration")
_MOST_NAME_CHARS = 120


def administration_office(obj: Mapping[str, Any]) -> str | None:
    """The office a Drupal node's "administration" term names, or None."""
    for key in _TERM_KEYS:
        term = obj.get(key)
        if not isinstance(term, Mapping):
            continue
        entity = term.get("entity")
        named = entity if isinstance(entity, Mapping) else term
        name = short_text(named.get("name"), _MOST_NAME_CHARS)
        if name and any(ch.isupper() for ch in name):
            return name
    return None
