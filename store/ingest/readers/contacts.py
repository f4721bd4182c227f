"""Media contacts a structured format declares (CMS JSON, front matter), read by common field names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from store.ingest.readers.fields import short_text
from store.records import Contact

# Where CMS records and static-site front matter keep their press contacts, compared
# without case, "-" or "_" (mediaContacts, media_contacts, contact-presse, press_contact).
CONTACT_KEYS = frozenset(
    (
        "contact",
        "contacts",
        "mediacontact",
        "mediacontacts",
        "presscontact",
        "presscontacts",
        "contactpresse",
        "contactspresse",
        "pressekontakt",
        "contactomedios",
        "contactoprensa",
    )
)
# Never "title": in a contact record that is the person's job as often as their name.
_NAME_KEYS = ("name", "fullname", "full_name", "nom", "displayname", "display_name")
# A name given in parts: eLife's {"preferred": ..., "index": "Surname, Given"}, vCard-like forms.
_NAME_PARTS = ("preferred", "full", "value", "text", "display")
_EMAIL_KEYS = (
    "email",
    "emails",
    "emailaddress",
    "emailaddresses",
    "mail",
    "e-mail",
    "courriel",
    "mél",
)
_PHONE_KEYS = (
    "phone", "phones", "phonenumber", "phonenumbers", "tel", "telephone", "téléphone",
    "mobile", "portable", "cell", "telefon", "telefono", "teléfono",
)  # fmt: skip
_ORG_KEYS = ("organisation", "organization", "affiliation", "affiliations", "company", "office")
_ROLE_KEYS = ("role", "position", "jobtitle", "job_title", "fonction", "function")
_MAX_CONTACTS = 20
_MAX_EACH = 5  # numbers or addresses kept for one person
_EMAIL = re.compile(
    r"[^\s@<>(),;:\"\[\]]{1,64}@[^\s@<>(),;:\"\[\]]{1,190}\.[^\s@<>(),;:\"\[\].]{2,63}"
)
_PHONE = re.compile(r"\+?[\d(][\d ()./-]{5,40}\d")


def is_contact_key(key: object) -> bool:
    """Whether a record's or front matter's *key* names its press contacts."""
    return isinstance(key, str) and key.lower().replace("-", "").replace("_", "") in CONTACT_KEYS


def read_contacts(value: Any) -> list[Contact]:
    """The contacts in *value*: one person (a mapping or a ``"Name, email, phone"`` line) or a
    list of them. Each further number of a person is its own contact with only that number,
    as the contact reader records a block with two numbers. Wrong types are skipped."""
    items = value if isinstance(value, list) else [value]
    contacts: list[Contact] = []
    for item in items[:_MAX_CONTACTS]:
        if isinstance(item, Mapping):
            found = _from_mapping(item)
        elif isinstance(item, str):
            found = _from_line(item)
        else:
            continue
        contacts.extend(c for c in found if c not in contacts)
    return contacts[: _MAX_CONTACTS * 2]


def contact_lines(contacts: Iterable[Contact]) -> str:
    """The contacts as the lines a release prints under its contact heading, one person a line."""
    lines: list[str] = []
    for contact in contacts:
        parts = [contact.name, contact.role, contact.organisation, contact.phone, contact.email]
        line = ", ".join(part for part in parts if part)
        if not line:
            continue
        if contact.name is None and lines:
            lines[-1] += f", {line}"  # a person's further number stays on their line
        else:
            lines.append(line)
    return "\n".join(lines)


def contact_block(heading: str, contacts: list[Contact], text: str) -> str:
    """``heading`` and the contact lines, to print after *text*; empty when there are no
    contacts or *text* already prints every one of them (its address, else its number)."""
    if all(_printed(contact, text) for contact in contacts):
        return ""
    return f"{heading}\n{contact_lines(contacts)}"


def _printed(contact: Contact, text: str) -> bool:
    if contact.email:
        return contact.email.lower() in text.lower()
    if contact.phone:
        return contact.phone in text
    return contact.name is not None and contact.name in text


def _from_mapping(item: Mapping[str, Any]) -> list[Contact]:
    fields = {_folded(key): value for key, value in item.items() if isinstance(key, str)}
    name = _name(_first(fields, _NAME_KEYS))
    emails = [e for e in _strings(_first(fields, _EMAIL_KEYS)) if _EMAIL.fullmatch(e)]
    phones = [p for p in _strings(_first(fields, _PHONE_KEYS)) if _PHONE.search(p)]
    organisation = next(iter(_strings(_first(fields, _ORG_KEYS))), None)
    role = next(iter(_strings(_first(fields, _ROLE_KEYS))), None)
    return _contacts(name, role, organisation, emails, phones)


def _from_line(line: str) -> list[Contact]:
    """``"Jane Doe, +33 1 23 45 67 89, jane@example.org"``: the parts told apart by their form."""
    name = None
    emails: list[str] = []
    phones: list[str] = []
    for part in re.split(r"[,;|\n]", line[:1000]):
        text = short_text(part.strip(" <>()"), 200)
        if not text:
            continue
        if _EMAIL.fullmatch(text.removeprefix("mailto:")):
            emails.append(text.removeprefix("mailto:"))
        elif _PHONE.fullmatch(text.removeprefix("+").strip()) or _PHONE.fullmatch(text):
            phones.append(text)
        elif name is None and not any(ch.isdigit() for ch in text) and len(text) <= 80:
            name = text
    if not (emails or phones):
        return []  # words alone ("see our press page") are no contact
    return _contacts(name, None, None, emails[:_MAX_EACH], phones[:_MAX_EACH])


def _contacts(
    name: str | None,
    role: str | None,
    organisation: str | None,
    emails: list[str],
    phones: list[str],
) -> list[Contact]:
    if not (name or emails or phones):
        return []
    first = Contact(
        name=name,
        role=role,
        organisation=organisation,
        email=emails[0] if emails else None,
        phone=phones[0] if phones else None,
    )
    more = [Contact(email=email) for email in emails[1:_MAX_EACH]]
    more += [Contact(phone=phone) for phone in phones[1:_MAX_EACH]]
    return [first, *more]


def _folded(key: str) -> str:
    return key.lower().replace("-", "").replace("_", "") if key.isascii() else key.lower()


def _first(fields: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = fields.get(_folded(key))
        if value not in (None, "", [], {}):
            return value
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        for key in _NAME_PARTS:
            if isinstance(value.get(key), str):
                return _name(value[key])
        given, family = value.get("given"), value.get("family")
        if isinstance(given, str) and isinstance(family, str):
            return _name(f"{given} {family}")
        return None
    name = short_text(value, 120)
    # A name holds no address or number: a field that does is not a name.
    return name if name and "@" not in name and not _PHONE.search(name) else None


def _strings(value: Any, depth: int = 0) -> list[str]:
    """Strings in *value*: a string, a list of them, or mappings naming them (eLife's
    affiliations: ``[{"name": ["Wits University"]}]``), each cleaned and bounded."""
    if isinstance(value, str):
        text = short_text(value, 200)
        return [text] if text else []
    if depth > 3:
        return []
    if isinstance(value, Mapping):
        value = next(
            (value[k] for k in ("name", "value", "number", "address", "title") if k in value),
            None,
        )
        return _strings(value, depth + 1)
    if isinstance(value, list):
        out: list[str] = []
        for item in value[:_MAX_EACH]:
            out.extend(s for s in _strings(item, depth + 1) if s not in out)
        return out[:_MAX_EACH]
    return []
