"""The mail reader: a release sent as an .eml message (Subject, Date, the text or HTML part)."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr
from typing import Any

from store.ingest.decoding import decode, decode_markup
from store.ingest.draft import Draft
from store.ingest.limits import ImportProblem
from store.ingest.readers.fields import iso_date, language_tag
from store.ingest.readers.html import html_to_text
from store.sanitize import clean_optional


def read_email(data: bytes) -> list[Draft]:
    """Read one message as one draft; attachments are ignored, plain text preferred to HTML."""
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage) or not _looks_like_mail(message):
        raise ImportProblem("not a mail message")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise ImportProblem("no text in this message")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = b""
    charset = part.get_content_charset()
    if part.get_content_subtype() == "html":
        page = html_to_text(decode_markup(payload, charset))
        text, language = page.text, page.language
    else:
        text, language = decode(payload, charset).strip("\n") if payload else "", None
    name, domain = _sender(message)
    return [
        Draft(
            text=text,
            format="eml",
            title=clean_optional(_header(message, "subject")),
            date=_date(message),
            language=language_tag(_header(message, "content-language")) or language,
            issuer=_sending_body(name, domain),
            home=domain,
            entry_key=None,
        )
    ]


# Second-level labels under which a body's own name is the next label down
# ("ofcom.org.uk", "example.co.jp").
_SHARED_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org", "or", "ne", "go"})


def _sender(message: Message) -> tuple[str | None, str | None]:
    """The From header's display name and the domain the body sending it owns
    ("Privacy and Civil Liberties Oversight Board <info@news.pclob.gov>" ->
    that name and "pclob.gov"): a mail's own site, as a page's images give a page's."""
    raw = _header(message, "from")
    if not raw:
        return None, None
    name, address = parseaddr(raw)
    _, _, host = address.rpartition("@")
    labels = [label for label in host.lower().strip(".").split(".") if label]
    if len(labels) < 2:
        return clean_optional(name), None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SHARED_SECOND_LEVEL else 2
    return clean_optional(name), ".".join(labels[-keep:])


def _sending_body(name: str | None, domain: str | None) -> str | None:
    """The display name as the issuer when it is the domain's body by name: its capitalised
    words' initials spell the domain's own label ("Privacy and Civil Liberties Oversight
    Board" at pclob.gov), or it is that label in capitals ("FSFE" at fsfe.org). A person's
    name, or a list's, never spells its domain."""
    if not name or not domain:
        return None
    label = domain.split(".")[0]
    words = [word for word in name.split() if word[:1].isupper()]
    initials = "".join(word[0] for word in words).lower()
    if (len(words) >= 2 and initials == label) or name.strip().lower() == label:
        return name.strip()
    return None


def _looks_like_mail(message: Message) -> bool:
    # BytesParser accepts anything; a file with no header at all is not a message.
    return any(message.get(name) is not None for name in ("subject", "from", "date", "to"))


def _header(message: Message, name: str) -> str | None:
    try:
        value: Any = message.get(name)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        # Malformed RFC 2047 words or parameters: the header is unreadable, not the message.
        return None
    return None if value is None else str(value)


def _date(message: Message) -> str | None:
    try:
        value: Any = message.get("date")
        when = getattr(value, "datetime", None)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError, OverflowError):
        return None
    return iso_date(when) if when is not None else iso_date(str(value or ""))
