"""People named in French, Spanish and German after what says a person follows: "un homme
dénommé X", "l'acteur britannique X", "le colonel X", "el teniente general X", "der
Berichterstatter des Parlaments, X", or before an apposition: "X, ministre de ...", "X, einer
österreichischen Technikjournalistin"."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import NOT_NAME_WORDS
from store.records import Person
from store.sanitize import fold

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOW = "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_CAPS = rf"[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?"
_PARTICLE = r"(?:de|del|de[ ]la|van|von|van[ ]der|von[ ]der|le|Le|La|da|di|du|dos)"
# A first name and one to three more words, a surname in capitals as French ministries write
# it ("Stanislas GUERINI"), particles inside ("Bruno Le Maire", "Erna van Wyk").
_NAME = rf"(?P<name>{_WORD}(?:[ ](?:{_PARTICLE}[ ])?(?:{_WORD}|{_CAPS})){{1,3}})"
_END = r"(?=[ \t]*(?:[,.;:)\n–—-]|$|[ ][a-zß-öø-ÿ]))"
# Offices and ranks in lower case before a name, as these languages write them.
_RANKS = (
    r"dénommée?|prénommée?|surnommée?|nommée?|alias|"
    r"colonel|lieutenant-colonel|lieutenant|capitaine|commandant|adjudant(?:-chef)?|"
    r"gendarme|brigadier|commissaire|procureure?|juge|préfète|préfet|sous-préfète?|maire|"
    r"députée?|sénat(?:eur|rice)|ministre|présidente?|direct(?:eur|rice)|porte-parole|"
    r"teniente[ ]general|teniente[ ]coronel|general|coronel|comandante|capitán|teniente|"
    r"sargento|comisari[oa](?:[ ]principal)?|inspector[a]?|jef[ea]|fiscal|jue[zc]a?|"
    r"magistrad[oa]|alcaldesa|alcalde|ministr[oa]|presidente|presidenta|director[a]?|"
    r"secretari[oa][ ]de[ ]Estado|delegad[oa][ ]del[ ]Gobierno|portavoz|consejer[oa]|"
    r"Oberst|Hauptkommissar(?:in)?|Kommissar(?:in)?|Staatsanwält(?:in)?|Staatsanwalt|"
    r"Richter(?:in)?|Bürgermeister(?:in)?|Minister(?:in)?|Präsident(?:in)?|Sprecher(?:in)?"
)
# A profession and its adjectives before a name: "l'acteur britannique Daniel Craig", "el
# periodista español ...", "die Journalistin ...".
_PROFESSIONS = (
    r"acteur|actrice|chanteur|chanteuse|journaliste|écrivain|écrivaine|footballeur|"
    r"photographe|avocat|avocate|chercheur|chercheuse|artiste|réalisateur|réalisatrice|"
    r"actor|actriz|cantante|periodista|escritor|escritora|futbolista|fotógrafo|fotógrafa|"
    r"abogado|abogada|investigador|investigadora|artista|"
    r"Schauspieler(?:in)?|Sänger(?:in)?|Journalist(?:in)?|Fotograf(?:in)?|Autor(?:in)?|"
    r"Anwalt|Anwältin|Forscher(?:in)?|Künstler(?:in)?"
)
_ADJ = rf"(?:[ ][{_LOW}]{{3,}}(?:ais|aise|ain|aine|ien|ienne|ol|ole|and|ande|ique|ano|ana|és|esa|ese|isch|ische|ischen|er|e))"
_AFTER_CUE = re.compile(
    rf"(?<![\w-])(?:(?:{_RANKS})(?:[ ](?:général|générale|principal|principale|adjoint|adjointe))?"
    rf"|(?:{_PROFESSIONS}){_ADJ}{{0,2}})[ ]{_NAME}{_END}"
)
# Roles that open an apposition after a name: "Bruno Le Maire, ministre de l'Économie",
# "Maximilian KALL, responsable ...", "Christian Drobits, Abgeordneter zum Nationalrat".
_APPOSITION_ROLES = (
    r"ministre|ministr[oa]|secrétaire|secretari[oa]|responsable|magistrate?|magistrad[oa]|"
    r"présidente?|presidente|presidenta|direct(?:eur|rice)|director[a]?|chef(?:fe)?|jef[ea]|"
    r"porte-parole|portavoz|fondat(?:eur|rice)|fundador[a]?|cofondat(?:eur|rice)|"
    r"coordinat(?:eur|rice)|coordinador[a]?|conseill(?:er|ère)|consejer[oa]|"
    r"Abgeordnete[r]?|Projektleiter(?:in)?|Geschäftsführer(?:in)?|Vorsitzende[r]?|"
    r"Sprecher(?:in)?|Referent(?:in)?|Leiter(?:in)?|Vorstand|Gründer(?:in)?|Präsident(?:in)?"
)
_BEFORE_APPOSITION = re.compile(
    rf"(?<![\w’'-]){_NAME},[ ]+(?:(?:{_APPOSITION_ROLES})(?![\w-])"
    # German: "X, einem unserer System Hacker", "X, einer österreichischen Journalistin"
    r"|(?:einem|einer|eines)[ ])"
)
# A role and what it is of, then the name between commas: "la directora general de
# Relaciones Internacionales y Extranjería, Elena Garzón, ...", "der Berichterstatter des
# Parlaments, Ivars Ijabs - ...".
_ROLE_THEN_NAME = re.compile(
    rf"(?<![\w’'-])(?:la|le|l[’']|el|der|die)[ ]?(?:{_APPOSITION_ROLES}|dirigeant|dirigeante"
    rf"|Berichterstatter(?:in)?)(?![\w-])[^.;:\n]{{0,90}}?,[ ]{_NAME}(?=[ ]?[,–—-])"
)
_LINKS = frozenset(("de", "del", "la", "van", "von", "der", "le", "da", "di", "du", "dos"))


def _plausible(name: str) -> bool:
    """A person's name, not a body's or a place's: no word that never names anyone."""
    words = name.split()
    links = [i for i, w in enumerate(words) if w.lower() in _LINKS]
    if links and len(words) - links[-1] > 2:
        return False  # "Hackerethik von Frank Rieger": a work, then its author
    return len(words) >= 2 and not any(
        fold(w) in NOT_NAME_WORDS
        and w.lower() not in _LINKS
        # a surname after its particle may be any word: "Bruno Le Maire"
        and not (i and (words[i - 1].lower() in _LINKS))
        for i, w in enumerate(words)
    )


def romance_people(text: str) -> list[Person]:
    """People these cues name in *text* (read only when it has letters beyond ASCII, as
    French, Spanish and German texts do), in order of mention."""
    if text.isascii():
        return []
    found: list[tuple[int, str]] = []
    for pattern in (_AFTER_CUE, _BEFORE_APPOSITION, _ROLE_THEN_NAME):
        for m in pattern.finditer(text):
            name = _trimmed(m.group("name"))
            if name and _plausible(name):
                found.append((m.start("name"), name))
    found.sort()
    names = list(dict.fromkeys(name for _, name in found))
    return [Person(name) for name in names]


def _trimmed(name: str) -> str:
    """*name* without a last word that opens the next phrase: a particle left dangling."""
    words = name.split()
    while words and (words[-1].lower() in _LINKS):
        words.pop()
    while words and words[0].rstrip(".").lower() in _HONORIFICS:
        words = words[1:]  # "Mme Sophie Verdier", "Herr Jens Albrecht": the name without them
    return " ".join(words)


_HONORIFICS = frozenset(
    "mme mlle m monsieur madame herr frau dr prof sr sra srta don doña dott ing mag".split()  # noqa: SIM905
)
