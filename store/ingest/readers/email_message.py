"""The mail reader: a release sent as an .eml message (Subject, Date, the text or HTML part)."""

from __future__ import annotations

import email.policy
import re
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr
from typing import Any

from store.ingest.decoding import decode, decode_markup
from store.ingest.draft import Draft
from store.ingest.limits import ImportProblem
from store.ingest.readers.fields import iso_date, language_tag
from store.ingest.readers.html import html_to_text
from store.sanitize import clean_line, clean_optional


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
            # A release forwarded by mail (a Usenet post, a list) states its own title in the
            # body; the Subject is then the poster's summary of it.
            title=_forwarded_title(text) or clean_optional(_header(message, "subject")),
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


# "The following press release was distributed April 1 by NASA Headquarters."
_FORWARD_NOTE = re.compile(
    r"(?:the )?following (?:press |news )?(?:release|statement|announcement)s? "
    r"(?:was|is|has been) (?:distributed|issued|released|sent|published)\b",
    re.IGNORECASE,
)
# An agency's numbered release ("RELEASE:  93-76", "Release No. 12-345").
_RELEASE_NUMBER = re.compile(
    r"(?:news |press )?release(?: no\.?| number| #)?[ \t]*:?[ \t]*\d\d[\w/.-]{0,20}", re.IGNORECASE
)  # two digits at least: "Release 2.0" alone on a line is a version, not a release number
_DATE_PREFIX = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}:?\s+")  # "4/06/93:  GIBBONS OUTLINES ..."
_HEAD_LINES = 80  # where a forwarded release's header block sits


def _forwarded_title(text: str) -> str | None:
    """The title a forwarded release states at its top: the line after the forwarder's note
    ("The following press release was distributed ... by ..."), or the line in capitals
    next to the release's number (after it, else before it). None when neither is there."""
    lines = [line.strip() for line in text[:20_000].split("\n")[:_HEAD_LINES]]
    for index, line in enumerate(lines):
        if _FORWARD_NOTE.match(line):
            # The note may run over lines: the title is the next paragraph, alone on its line.
            end = _paragraph_end(lines, index)
            start = _next_paragraph(lines, end)
            if start is not None and _paragraph_end(lines, start) == start + 1:
                title = _title_line(lines[start])
                if title:
                    return title
        if _RELEASE_NUMBER.fullmatch(line):
            after = _next_paragraph(lines, index + 1)
            if after is not None and (title := _capitals(lines[after])):
                return title
            for before in range(index - 1, max(index - 10, -1), -1):
                if title := _capitals(lines[before]):
                    return title
            return None
    return None


def _paragraph_end(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return end


def _next_paragraph(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i]), None)


def _title_line(line: str) -> str | None:
    title = clean_line(_DATE_PREFIX.sub("", line, count=1))
    words = title.split()
    if not 2 <= len(words) <= 30 or len(title) > 250 or title.endswith((".", ":", ",")):
        return None
    return title


def _capitals(line: str) -> str | None:
    """*line* as a title if it is one written in capitals (``HUBBLE TELESCOPE ...``)."""
    title = _title_line(line)
    if title is None or len(title.split()) < 3:
        return None
    letters = [ch for ch in title if ch.isalpha()]
    if len(letters) < 10 or sum(ch.isupper() for ch in letters) < 0.9 * len(letters):
        return None
    return title
