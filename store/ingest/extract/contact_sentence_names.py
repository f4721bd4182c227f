"""A contact's name from the sentence that gives their number or address: "please contact Public Affairs Specialist Tiffany Thomas-Turner at (901) 544-4231 or Tiffany.Turner@usdoj.gov"."""

from __future__ import annotations

import re
from dataclasses import replace

from store.ingest.extract.vocabulary import NOT_NAME_WORDS, ORG_WORDS, ROLE_WORDS
from store.records import Contact

# A contact block under "Contact" may be one sentence: the block's reader takes its number
# and its address, but the name sits in the sentence, after "contact" and a role in capitals,
# before "at" and the number or the address it gave. The number or the address after the
# name must be the contact's own: the name is that contact's, not a guess.
_NAMED = re.compile(
    r"\bcontact\s{1,3}(?P<role>(?:[A-Z][\w&-]*\s{1,3}){0,4}?)"
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
    r"\s{1,3}(?:at|on)\s(?P<rest>[^\n]{0,120})"
)
_DIGITS = re.compile(r"\D")


def _digits(text: str) -> str:
    return _DIGITS.sub("", text)


def _gives(rest: str, contact: Contact) -> bool:
    if contact.email and contact.email.casefold() in rest.casefold():
        return True
    number = _digits(contact.phone or "")
    return len(number) >= 7 and number in _digits(rest)


def _vouched(role: str, name: str, contact: Contact) -> bool:
    """Whether the words before the name are a role ("Public Affairs Specialist"), or, with
    none, the contact's own address names them ("Michelle Dickey at michelle@..."): else the
    capitalised run is a body's name ("Goodwill Central Coast", "Avrek Law Firm", "Trinity
    Chambers")."""
    words = role.split()
    if words:
        return words[-1].casefold() in ROLE_WORDS
    local = (contact.email or "").split("@")[0].casefold()
    return any(len(w) > 2 and w.casefold() in local for w in re.split(r"[\s-]+", name))


def named_in_sentence(contacts: tuple[Contact, ...], text: str) -> tuple[Contact, ...]:
    """*contacts*, each found with no name given the name of the sentence that wrote its
    number or its address after "contact [Role] Name at"."""
    if not any(c.name is None and (c.email or c.phone) for c in contacts):
        return contacts
    if "contact " not in text:
        return contacts  # the cheap test: no such sentence
    found = list(_NAMED.finditer(text))
    if not found:
        return contacts
    named: list[Contact] = []
    for contact in contacts:
        if contact.name is None and (contact.email or contact.phone):
            for m in found:
                words = [w.casefold() for w in re.split(r"[\s-]+", m["name"])]
                if any(w in NOT_NAME_WORDS or w in ORG_WORDS for w in words):
                    continue  # "contact Acme Corp at": a body, not a person
                if not _vouched(m["role"], m["name"], contact):
                    continue  # "contact Goodwill Central Coast at": a body's name, not a role
                if _gives(m["rest"], contact):
                    role = " ".join(m["role"].split()) or None
                    if contact.role and m["name"] not in contact.role:
                        role = contact.role  # the block's own reading of the role stands
                    contact = replace(contact, name=m["name"], role=role)
                    break
        named.append(contact)
    return tuple(named)
