"""A minister named by title as the one acting in a release's opening ("la ministre de la Transformation et de la Fonction publiques lance aujourd'hui ...", "el ministro del Interior ha presentado ..."): the ministry issues it; and a press service named after a minister ("Service presse de Stanislas GUERINI" over "Ministre de la Transformation ...") is that minister's office."""

from __future__ import annotations

import re

from store.records import Contact

_MINISTRY = {"ministre": "Ministère", "ministro": "Ministerio", "ministra": "Ministerio"}
# The portfolio: capitalised words and the small words between them ("Transformation et de
# la Fonction publiques", "Interior", "Inclusión, Seguridad Social y Migraciones").
_PORTFOLIO = (
    r"[A-ZÀ-Ý][\wÀ-ÿ’'-]*"
    r"(?:(?:,[ \t]+|[ \t]+(?:et|y|e|de|la|des|du|del|los|las|l[’'])[ \t]*)+[\wÀ-ÿ’'-]+"
    r"|[ \t]+[A-ZÀ-Ý][\wÀ-ÿ’'-]*|[ \t]+[a-zà-ÿ]+s?(?=[ \t]+(?:lance|annonce)))*"
)
# What the minister does in the opening: launches, announces, presents, unveils, signs.
_VERB = (
    r"(?:lance|annonce|présente|dévoile|inaugure|signe|réunit|a[ \t]+(?:lancé|annoncé|présenté|"
    r"dévoilé|signé|inauguré)|lanza|anuncia|presenta|firma|ha[ \t]+(?:lanzado|anunciado|"
    r"presentado|firmado))\b"
)
_ACTING = re.compile(
    rf"(?:^|[.!?][ \t]+|,[ \t]+|\n)(?:[Ll]e|[Ll]a|[Ee]l)[ \t]+(?P<who>ministre|ministro|ministra)"
    rf"[ \t]+(?P<link>de[ \t]+la|de[ \t]+l[’']|du|des|de|del|de[ \t]+los|de[ \t]+las)[ \t]*"
    rf"(?P<portfolio>{_PORTFOLIO})[ \t]+(?:(?:lui-même|elle-même|aujourd[’']hui|hoy)[ \t]+)?{_VERB}"
)
_OPENING_CHARS = 1500


def acting_ministry(text: str) -> str | None:
    """The ministry whose minister, named by title, acts in *text*'s opening; None when no
    minister is the subject there."""
    opening = text[:_OPENING_CHARS]
    if "minist" not in opening:
        return None  # most releases
    m = _ACTING.search(opening)
    if m is None:
        return None
    link = " ".join(m.group("link").split())
    joiner = "" if link.endswith(("’", "'")) else " "
    return f"{_MINISTRY[m.group('who')]} {link}{joiner}{m.group('portfolio')}"


# "Service presse de Stanislas GUERINI", "Press office of Jane Roe": a desk named after a
# person (a name in capitals, or two capitalised words), not after a body ("de la DINUM").
_PRESS_SERVICE = re.compile(
    r"(?:Service[ \t]+(?:de[ \t]+)?presse|Bureau[ \t]+de[ \t]+presse|Press[ \t]+office)[ \t]+"
    r"(?:de|du|of)[ \t]+(?P<who>[A-ZÀ-Ý][\w’'-]+(?:[ \t]+[A-ZÀ-Ý][\w’'-]+){1,3})"
)
# The office on the line under it: a minister's or a secretary of state's.
_OFFICE_LINE = re.compile(
    r"[ \t*_]*(?P<office>(?:Ministre|Ministro|Ministra|Minister|Secrétaire|Secretaria|Secretario|"
    r"Secretary)\b[^\n*]{3,120}?)[ \t*_]*$"
)


def _office_under(text: str, header: str) -> str | None:
    """The office named on the line that follows the line holding *header* in *text*."""
    plain = text.replace("**", "").replace("__", "")
    at = plain.find(header)
    if at < 0:
        return None
    rest = plain[at + len(header) :].split("\n", 2)
    if len(rest) < 2:
        return None
    m = _OFFICE_LINE.fullmatch(rest[1])
    if m is None:
        return None
    office = m.group("office")
    # A minister of a portfolio stands for the ministry ("Ministre de la Transformation ..."
    # for the Ministère); a delegated minister or a secretary of state is written as named.
    ministry = _OF_PORTFOLIO.fullmatch(office)
    if ministry is not None:
        return f"{_MINISTRY_OF[ministry.group('who')]} {ministry.group('rest')}"
    return office


_MINISTRY_OF = {"Ministre": "Ministère", "Ministro": "Ministerio", "Ministra": "Ministerio"}
_OF_PORTFOLIO = re.compile(
    r"(?P<who>Ministre|Ministro|Ministra)[ \t]+(?P<rest>(?:de|du|des|del)\b.+)"
)


def offices_for_press_services(contacts: tuple[Contact, ...], text: str) -> tuple[Contact, ...]:
    """*contacts* whose organisation is a press service named after a person, with the
    minister's office named under it as their organisation instead."""
    out: list[Contact] = []
    changed = False
    for contact in contacts:
        org = contact.organisation
        if org and _PRESS_SERVICE.fullmatch(org) and (office := _office_under(text, org)):
            contact = Contact(
                name=contact.name,
                role=contact.role,
                organisation=office,
                email=contact.email,
                phone=contact.phone,
            )
            changed = True
        out.append(contact)
    return tuple(out) if changed else contacts


_MINISTRY_NAME = re.compile(r"(?:Ministère|Ministerio|Ministry|Bundesministerium)\b[^@:/\n]{3,120}")


def is_ministry_name(org: str) -> bool:
    """Is *org* a ministry's name, whose portfolio may take more words than a body's name
    usually does ("Ministère de la Transformation et de la Fonction publiques")?"""
    return len(org.split()) <= 14 and _MINISTRY_NAME.fullmatch(org) is not None
