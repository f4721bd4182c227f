"""Datelines of pages scraped as text (legislators' sites): after the kicker, the headline's
date or the contact line, and the place alone on the line above the first paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.extract.dateline import place_at_start, whole_place
from store.ingest.extract.dates import date_from_match, iso_date, search_date
from store.ingest.extract.vocabulary import WEEKDAY_WORDS
from store.sanitize import fold

_SCAN_LINES = 14  # the non-empty lines looked at, down to the first paragraph
_LINE_HEAD = 400  # the part of a run-on line that holds its dateline

# A kicker anywhere in a line: a scraped page runs its title, kicker, date and contact line
# together ("... for Arkansas  FOR IMMEDIATE RELEASE  March 08  2007Contact  Katie ...").
_KICKER = re.compile(r"(?:FOR\s+IMMEDIATE\s+RELEASE|PRESS\s+RELEASE|NEWS\s+RELEASE)", re.I)
# A contact line's heading: "Contact  Katie Laning  202 224 4843 Washington", "CONTACT: ...".
_CONTACT = re.compile(r"(?:^|(?<=[\s\d]))contacts?\b[ \t:]*", re.I)
# A phone as such pages write it once its punctuation is gone: "202 224 4843", "(202) 224-4843".
_PHONE = re.compile(r"\(?\b\d{3}\)?[ \t.-]{1,3}\d{3}[ \t.-]{1,2}\d{4}\b")
# "06 21 2006": a date whose slashes were lost with the rest of the punctuation; read only
# right after a kicker or a contact line's phone, where nothing else is written.
_SPACED_NUMERIC = re.compile(r"(\d{1,2})[ \t](\d{1,2})[ \t]((?:19|20)\d\d)(?!\d)")
# A letterhead's column of labels beside the first paragraph ("MEMBERS      The Board ..."):
# the short line above it ("BOARD") is a label too, not the place.
_LABEL_BESIDE = re.compile(r"[A-Z]{2,}[ \t]{4}")
# The trailing place of a contact line with no phone: "Contact Erin rath WASHINGTON".
_CAPS_TAIL = re.compile(r"(?:^|[ \t])([A-Z][A-Z.'’-]{3,}(?:[ \t]{1,2}[A-Z][A-Z.]*){0,3})[ \t]*$")


@dataclass(frozen=True, slots=True)
class PageDateline:
    """The place (as written) and the ISO date a scraped page's top lines give, either None."""

    place: str | None
    date: str | None


def _is_prose(line: str) -> bool:
    """A paragraph's line, not a headline in title case, whose small words are all short
    ("Levin Statement on Nomination of Judge Alito to Supreme Court")."""
    words = line.split()
    lower = [w for w in words if w[:1].islower()]
    return len(words) >= 8 and len(lower) >= 0.3 * len(words) and any(len(w) > 3 for w in lower)


def _date_at_start(text: str) -> tuple[str, int] | None:
    """(ISO date, where it ends) if *text* opens with a date, a weekday perhaps before it."""
    rest = text.lstrip(" \t,;:–—-")
    skipped = len(text) - len(rest)
    first = rest.split(maxsplit=1)[0].strip(",.").lower() if rest.strip() else ""
    if first in WEEKDAY_WORDS:
        after = rest[len(first) :]
        skipped += len(rest) - len(after.lstrip(" \t,."))
        rest = after.lstrip(" \t,.")
    found = search_date(rest, 0, 40)
    if found is not None and found.start() == 0:
        date = date_from_match(found)
        return (date, skipped + found.end()) if date else None
    spaced = _SPACED_NUMERIC.match(rest)
    if spaced is not None:
        month, day, year = int(spaced.group(1)), int(spaced.group(2)), int(spaced.group(3))
        if month > 12 >= day:  # 21 06 2006 is day first
            month, day = day, month
        date = iso_date(year, month, day)
        return (date, skipped + spaced.end()) if date else None
    return None


def _contact_tail(text: str) -> tuple[str | None, str | None]:
    """(place, date) written after a contact line's name and phone: "Contact  Press Office
    202 224 3224 Thursday  December 20  2007", "CONTACT  Amy Brundage  202 228 5511
    WASHINGTON  D C", "Contact Erin rath WASHINGTON"."""
    phones = list(_PHONE.finditer(text[:200]))
    if phones:
        tail = text[phones[-1].end() :]
        dated = _date_at_start(tail)
        if dated is not None:
            return None, dated[0]
        return place_at_start(tail.strip(" \t,;:–—-")), None
    caps = _CAPS_TAIL.search(text[:120])
    return (whole_place(caps.group(1)) if caps else None), None


def page_dateline(lines: list[str], headline: str | None) -> PageDateline:
    """The place and date of a page scraped as text, read from its top *lines* down to the
    first paragraph: after a kicker ("FOR IMMEDIATE RELEASE  06 21 2006", "FOR IMMEDIATE
    RELEASE  Washington  D C  Today ..."), after the headline's date or the headline repeated
    ("... SERVANT  September 12  2007   WASHINGTON   U S Senator ..."), at the end of the
    contact line, or the place alone on the line just above the first paragraph."""
    place: str | None = None
    date: str | None = None
    seen = 0
    title = " ".join(fold(headline).split()) if headline else ""
    previous: str | None = None  # a line that was only a place, waiting for its paragraph
    column = False  # the line above was a short label in capitals
    for line in lines:
        text = line.strip(" \t*_>")[:_LINE_HEAD]
        if not text:
            continue
        seen += 1
        if seen > _SCAN_LINES or (place and date):
            break
        prose = _is_prose(text)
        found_place, found_date = _read_line(text, title)
        place = place or found_place
        date = date or found_date
        if prose:
            if _LABEL_BESIDE.match(text):
                break
            # "WASHINGTON  D C" alone above the first paragraph, or opening it ("WASHINGTON
            # U S  Senators Daniel K  Inouye and ...").
            place = place or previous or place_at_start(text)
            break
        short_caps = len(text.split()) == 1 and text.isupper()
        # A column of labels in capitals ("BOARD" / "MEMBERS") beside a letter holds no place.
        previous = whole_place(text) if len(text.split()) <= 5 and not column else None
        column = short_caps
    return PageDateline(place, date)


def _read_line(text: str, title: str) -> tuple[str | None, str | None]:
    place: str | None = None
    date: str | None = None
    rest: str | None = None
    # Every kicker read here ends in "release": look for the word before the regex.
    kicker = _KICKER.search(text) if "elease" in text or "ELEASE" in text else None
    if kicker is not None:
        rest = text[kicker.end() :]
    elif (
        len(title) >= 20
        and text[:1].lower() == title[:1]
        and " ".join(fold(text).split()).startswith(title)
    ):
        # The headline repeated with its dateline run on: "... Tire Burn Washington D C".
        cut = len(title.split())
        rest = " ".join(text.split()[cut:]) if len(text.split()) > cut else ""
        if rest and (tail := whole_place(rest)):
            return tail, None
        rest = None
    else:
        dated = search_date(text, 0, 250)
        if dated is not None and (dated.start() == 0 or len(text[: dated.start()].split()) >= 3):
            # A date (after a run-on headline) and its place; a date in a sentence has no place.
            after = text[dated.end() :].strip(" \t,;:–—-")
            if (where := place_at_start(after)) is not None:
                return where, date_from_match(dated)
    if rest is not None:
        dated_rest = _date_at_start(rest)
        if dated_rest is not None:
            date = dated_rest[0]
            rest = rest[dated_rest[1] :]
        rest = rest.strip(" \t,;:–—-")
        contact = _CONTACT.match(rest)
        if contact is not None:
            place, date_after = _contact_tail(rest[contact.end() :])
            date = date or date_after
        elif rest:
            place = place_at_start(rest)
        return place, date
    contact = _CONTACT.match(text)
    if contact is not None:
        return _contact_tail(text[contact.end() :])
    return None, None
