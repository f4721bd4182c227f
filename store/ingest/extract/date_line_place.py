"""The place before a date on a line of its own, as letters and German releases head their text: "Berlin, 21. Februar 2019"."""

from __future__ import annotations

import re

from store.ingest.extract.dateline import is_place
from store.ingest.extract.vocabulary import word_set

# "Berlin, 21. Februar 2019", "Paris, le 3 mars 2024", "Wien, am 5. Mai 2023", "Madrid, 4 de
# mayo de 2024": a place, a comma, perhaps an article, and the date ending the line. Only the
# comma: "Updated: 21 Feb" and "Press release – 4 March" are a page's labels, not places.
_BEFORE_DATE = re.compile(r"(.+?),[ \t]*(?:(?:den|am|le|el|the)\b)?[ \t]*")
# Words of a label before a date, never a place's: "Stand, 3. März", "Pressemitteilung, 21. ...";
# and the days of the week: "Friday, March 3, 2024" is a date alone.
_NOT_PLACE = word_set(
    """press release news pressemitteilung pressemeldung presseinformation communiqué
    communique comunicado nota date datum stand fecha issued published updated posted
    embargo sperrfrist
    monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag
    freitag samstag sonnabend sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes
    martes miércoles jueves viernes sábado domingo"""
)
_MAX_WORDS = 4


def place_of_date_line(line: str, date_start: int) -> str | None:
    """The place written before the date that starts at *date_start* and ends *line*."""
    m = _BEFORE_DATE.fullmatch(line[:date_start].strip())
    if m is None:
        return None
    place = m.group(1).strip()
    words = place.split()
    if len(words) > _MAX_WORDS or any(w.lower().strip(".:") in _NOT_PLACE for w in words):
        return None
    return place if is_place(place) else None
