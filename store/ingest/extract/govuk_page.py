"""A GOV.UK page saved as text: the `From:` list names the issuing bodies; the share buttons, feedback form and footer are furniture."""

from __future__ import annotations

# Where the release ends on a GOV.UK page: its share buttons, then "Updates to this page",
# the feedback form ("Is this page useful?", "National Insurance number") and the footer
# ("Rhestr o Wasanaethau Cymraeg", "Government Digital Service").
_FOOTER_MARKS = ("\nThe following links open in a new tab", "\nIs this page useful?")
_HEAD_CHARS = 400  # the page's title, "... - GOV.UK", and its cookie banner
_FROM_AT = 20_000  # characters: the list sits under the page's title and menus
_FROM_CHARS = 400


def strip_govuk_footer(text: str) -> str:
    """*text* without what follows the release on a GOV.UK page saved as text; else *text*."""
    if "GOV.UK" not in text[:_HEAD_CHARS]:
        return text  # the cheap test: nearly every release leaves here
    ends = [at for mark in _FOOTER_MARKS if (at := text.find(mark)) > 0]
    return text[: min(ends)] if ends else text


def from_list(text: str) -> list[str]:
    """The bodies a GOV.UK page's `From:` line lists, the issuing one first ("Foreign,
    Commonwealth & Development Office , National Crime Agency and The Rt Hon Jane Doe":
    its items joined by " , " and " and "; a minister is a person, not a body)."""
    at = text.find("\nFrom:", 0, _FROM_AT)  # the cheap test: a substring's search
    if at < 0 or text[at + 6 : at + 7] not in ("\n", " ", "\t", ""):
        return []
    line_end = text.find("\n", at + 1)
    if line_end < 0 or text[at + 1 : line_end].strip() != "From:":
        return []
    lines = text[line_end + 1 : line_end + 1 + 2 * _FROM_CHARS].split("\n")
    following = next((x.strip() for x in lines[:3] if x.strip()), "")
    if not following or len(following) > _FROM_CHARS:
        return []
    parts = following.split(" , ")
    parts[-1:] = parts[-1].split(" and ")
    return [p.strip() for p in parts if p.strip() and "Rt Hon" not in p and p[:1].isupper()]


def with_bodies(organisations: tuple[str, ...], bodies: list[str]) -> tuple[str, ...]:
    """*organisations* with each of *bodies* listed once, whole: a fragment of one cut at
    its comma ("Commonwealth & Development Office") goes, a spelling with its acronym
    ("National Crime Agency (NCA)") stays."""
    whole = [" ".join(b.split()).casefold().replace("’", "'") for b in bodies]
    kept = tuple(o for o in organisations if not _cut_from(o.casefold().replace("’", "'"), whole))
    folded = [o.casefold() for o in kept]
    added = tuple(
        b
        for b, w in zip(bodies, whole, strict=True)
        if not any(w in o for o in folded) and _initials(b) not in kept
    )
    return kept + added


def _cut_from(name: str, whole: list[str]) -> bool:
    """*name* is one of *whole* cut at a comma: its end ("Commonwealth & Development
    Office") or its start ("U.S. Attorney's Office" of "U.S. Attorney's Office, District
    of Oregon")."""
    return any(name != w and (w.endswith(" " + name) or w.startswith(name + ",")) for w in whole)


def _initials(name: str) -> str:
    """ "Public Health England" -> "PHE": the acronym a release may list the body under."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
