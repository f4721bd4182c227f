"""Issue 10's checker: is a contact's email written next to that person in the release's text?"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from store.contacts import ContactDirectory
from store.sanitize import fold

_AFTER = 300  # characters after the name where its entry's email may stand
_BEFORE = 120  # and before it ("press@acme.com – Jane Doe")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|dr|prof|sir|dame)\.?\s+")


def _squeeze(text: str) -> str:
    return " ".join(fold(text).split())


def written_next_to(text: str, name: str, email: str, others: Iterable[str] = ()) -> bool:
    """Whether *email* stands in *name*'s entry of *text*: within a few lines after the name
    (or just before it), with no other contact's name (*others*) in between."""
    plain = _squeeze(text)
    who = _HONORIFIC.sub("", _squeeze(name))
    address = email.lower()
    rivals = [_squeeze(o) for o in others if o and _squeeze(o) != who and _squeeze(o)]
    at = plain.find(who)
    while at >= 0:
        end = at + len(who)
        ahead = plain.find(address, end, end + _AFTER)
        if ahead >= 0 and not any(r in plain[end:ahead] for r in rivals):
            return True
        behind = plain.rfind(address, max(0, at - _BEFORE), at)
        if behind >= 0 and not any(r in plain[behind:at] for r in rivals):
            return True
        at = plain.find(who, end)
    return False


def pairing_violations(
    directory: ContactDirectory,
    texts: Mapping[str, str],
    names: Mapping[str, Iterable[str]],
) -> list[tuple[str, str]]:
    """(name, email) of each person whose email is written next to them in none of their
    releases. *texts* maps release ids to texts, *names* to the contact names in them."""
    bad = []
    for entry in directory.entries:
        if entry.shared or not entry.email or not entry.name or "@" in entry.name:
            continue
        if not any(
            written_next_to(texts.get(rid, ""), entry.name, entry.email, names.get(rid, ()))
            for rid in entry.release_ids
        ):
            bad.append((entry.name, entry.email))
    return bad
