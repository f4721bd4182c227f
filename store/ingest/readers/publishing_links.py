"""The bodies a content API links an item to as its publishers (GOV.UK's `links.organisations`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.ingest.readers.fields import short_text

# GOV.UK's content store: "links": {"primary_publishing_organisation": [{"title": ...}],
# "organisations": [{"title": "Department for Education"}, ...]}: the bodies that publish
# the item, shown on its page under "From:" (the text never names them otherwise). A world
# news story's "From:" is the embassy or high commission that wrote it, linked as a
# worldwide organisation ("British High Commission Nairobi"), often with no other body.
_KEYS = ("primary_publishing_organisation", "organisations", "worldwide_organisations")
_MOST = 12


def publishing_bodies(obj: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the bodies *obj*'s links give as its publishers, each once, in order."""
    links = obj.get("links")
    if not isinstance(links, dict):
        return ()
    names: dict[str, str] = {}
    for key in _KEYS:
        linked = links.get(key)
        if not isinstance(linked, list):
            continue
        for item in linked[:_MOST]:
            name = short_text(item.get("title"), 200) if isinstance(item, dict) else None
            if name:
                names.setdefault(name.casefold(), name)
    return tuple(names.values())
