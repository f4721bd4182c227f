"""People named in a release, with their role, honorifics removed from the name."""

from __future__ import annotations

import re
from functools import lru_cache

from store.ingest.extract.german_roles import is_german_compound_role
from store.ingest.extract.name_letters import LOWER, UPPER
from store.ingest.extract.name_lists import listed_with, names_listed_before
from store.ingest.extract.name_shapes import name_start
from store.ingest.extract.name_suffix import suffix_end
from store.ingest.extract.person_age import age_ends_line, age_follows
from store.ingest.extract.vocabulary import (
    DEPARTMENTS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    word_set,
)
from store.records import Person
from store.sanitize import fold

MAX_PEOPLE = 20
_SCAN_CHARS = 60_000

_UP = UPPER  # with the letters beyond Latin-1: "Wałęsa", "Šefčovič", "Baltacıoğlu"
_LOW = LOWER
# Possessive: what follows a word in a run (a space, or the run's end) never starts with a
# letter, so giving letters back never helps, and the failed tries after each capital (most
# of them: "The company") end sooner.
_TOKEN = rf"[{_UP}][{_LOW}'’]++(?:-?[{_UP}][{_LOW}'’]++|-[{_LOW}]++)*+"
_PARTICLE = r"(?:van|von|der|den|de|da|di|del|della|dos|das|du|le|la|bin|binti|ibn|al|el|ter|ten)"
# Runs of capitalised words (with name particles and middle initials); a
# single pass over the text, the cues are then read around each run.
# One space between a name's words: two are where a scraped page lost a comma ("Senators
# Kennedy  Graham  Salazar"); after an initial, whose dot it may have lost, one or two.
# A surname in capitals after a first name, as the European Parliament and French ministries
# write them: "Younous OMARJEE", "Stanislas GUERINI", "Andrzej BUŁA" (Latin Extended-A).
# Only right after one first name, of four letters or more with a vowel: not an acronym
# ("Rexel USA", "Bloomberg NEF"), a suffix or a degree ("John Taylor III", "MBA").
_CAPS = (
    rf"(?!(?:II|III|IV|VI|VII|VIII|MBA|DDS|PHD|CPA|ESQ|RN|MD)\b)"
    rf"(?=[{_UP}Ā-ſ]*[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý])[{_UP}Ā-ſ]{{4,}}+(?:-[{_UP}Ā-ſ]{{2,}}+)*+(?![{_LOW}])"
)
_RUN = re.compile(
    rf"{_TOKEN}(?:(?:[ \t](?:{_PARTICLE}[ \t])?(?:[{_UP}]\.?[ \t]{{1,2}})?{_TOKEN})+"
    rf"|[ \t]{_CAPS}(?:[ \t]{_CAPS})?)"
)

# Words right before a name that say a person follows.
_HONORIFICS = word_set(
    """mr mr. mrs mrs. ms ms. mx mx. dr dr. prof prof. professor sir dame lord lady général gen.
    col. capt. maj. lt. adm. amb. ambassador mme mme. mlle mlle. m. herr frau sheikh sheikha
    shaikh datuk dato dato' monsieur madame señor señora sr. sra. srta. doña dña. dott. ing.
    rev. fr. hon. h.e. s.e. excellency rt rt.
    cllr cllr. councillor councilor alderman captain sen sen. rep rep. sens. reps. sens reps"""
)
# "The Rt Hon Elizabeth Truss MP", "the Hon Peter Costello MP": "Hon" written without its dot
# is the style only after these ("Hon Hai Precision" is a firm).
_BEFORE_HON = word_set("the rt rt. right")
_SPEECH = word_set(
    """said says added adds noted notes explained explains stated states commented comments
    remarked continued concluded emphasized emphasised observed declared affirmed shared told
    déclaré déclare dit explique ajouté dijo afirmó señaló explicó agregó añadió sagte erklärte
    betonte
    según selon laut dice indica asegura souligne précise ajoute estime rappelle
    affirme erklärt sagt ergänzt explica afirma declara comenta añade destaca subraya
    sostiene señala poursuit conclut indique commente insiste meint fügt betont unterstreicht
    kommentiert"""
)
_TITLES = word_set(
    """ceo cfo coo cto chairman chairwoman chairperson president founder co-founder minister mayor
    governor senator secretary-general under-secretary-general director-general commissioner
    ambassador professor chancellor premier rabbi pastor bishop coach judge justice congressman
    congresswoman councilman councilwoman councillor superintendent sheriff attorney secretary
    commissioner administrator prosecutor inspector detective sergeant lieutenant officer
    representative leader solicitor surgeon comptroller auditor postmaster marshal
    agent director chairman chairwoman spokesperson spokesman spokeswoman trustee member
    ministre ministro ministra secretario secretaria secrétaire ministerin staatssekretär
    staatssekretärin bürgermeister bürgermeisterin abgeordnete abgeordneter"""
)
# Titles that are no part of a name, though a name may not: "Judge Norman K. Moon" is a judge.
_TITLE_NOT_NAME = word_set(
    """judge justice rabbi pastor bishop congressman congresswoman councilman
    councilwoman sheriff prosecutor detective sergeant lieutenant staatssekretär
    staatssekretärin bürgermeister bürgermeisterin abgeordnete abgeordneter inspector leader
    solicitor comptroller auditor postmaster marshal"""
)
# Words of a title that are no name: "Ranking Member", "Majority Leader".
_RANKS = word_set("ranking majority minority class")
# "Attorney General Eric Holder", "Surgeon General", "Board Member Jane Nitze": a role word
# that names a title only after another.
_TITLE_TAILS = word_set("general member members")
# Verbs whose object is a person: "Chairman Adam Klein has appointed Lynn Parker Dupree".
_APPOINTED = word_set("appointed appoints nominated nominates")
_SPEECH_AFTER = re.compile(
    r",?[ \t]{1,2}(?:said|says|added|noted|explained|stated|commented|remarked|a déclaré|"
    r"déclare|dijo|afirmó|sagte|erklärte)\b"
)
_ROLE_STOP = re.compile(
    r"\s(?:said|says|added|noted|explained|stated|commented|who|which|will|is|was|has|had|and\s+the|"
    r"in\s+a|in\s+an|during|when|while|on|to|with|a\s+déclaré|a\s+dit|explique|dijo|afirmó|"
    r"sagte|erklärte|betonte|est|es|ist|hat|ha|a)\b.*$"
)
# Role words that name a role on their own ("marketing", "senior", "global" do not).
_ROLE_NOUNS = ROLE_WORDS - word_set(
    """communications marketing media public press investor sales business global regional
    national interim acting senior general executive associate member board"""
)
# Roles in French, Spanish and German that open an apposition: "Zach Latta, Fundador del Hack
# Club", "Lina Ceballos, Gestora de Proyectos".
_ROLE_NOUNS = _ROLE_NOUNS | word_set(
    """fundador fundadora cofundador cofundadora gestora gestor coordinadora coordinador
    secretario secretaria investigador investigadora abogado abogada profesor profesora
    fondateur fondatrice cofondateur cofondatrice secrétaire avocat avocate chercheur chercheuse
    ministre
    professeur professeure porte-parole conseiller conseillère délégué déléguée gründer
    gründerin referent referentin rechtsanwalt rechtsanwältin professorin minister ministerin
    vorstand vorständin"""
)
_PARTICLES = word_set("van von der den de da di del della dos das du le la bin ibn al el ter ten")
_CAP_PARTICLES = frozenset({"Le", "La", "De", "Del", "Da", "Van", "Von", "Du", "Di", "Des", "Ten"})
_CUT_ALWAYS = word_set(
    "ceo cfo coo cto founder co-founder president chairman chairwoman chair owner"
)
_LINKS = (
    " of ",
    " at ",
    " for ",
    " de la ",
    " del ",
    " de ",
    " du ",
    " des ",
    " von ",
    " bei ",
    " der ",
    " à ",
)


# Three spaces or more: where a scraped page lost a full stop ("Stoppers Program   The White
# House plans ..."), as two are where it lost a comma.
_ROLE_END = re.compile(r"[,;:()\n“”\"«»„*]|\.(?=\s|$)|[ \t]{3,}")
# ", Jugend und Familie." after "Senatorin für Bildung": the rest of a portfolio's list.
_PORTFOLIO_LIST = re.compile(
    rf"(?:,[ \t]+[{_UP}][{_LOW}-]+)*,?[ \t]+(?:und|and|y|et|e)[ \t]+[{_UP}][{_LOW}-]+(?=[ \t]*[.;\n“”\"«»„]|$)"
)
_LINKED_PORTFOLIO = re.compile(r"\s(?:für|for|de|of)\s")
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who|whose|qui|quien|welche|welcher)\b")
_ARTICLES = (
    "the",
    "la",
    "le",
    "el",
    "los",
    "las",
    "les",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "l'",
    "l’",
)


def _names_an_employer(words: list[str], link: str, head: str, text: str) -> bool:
    """Does the complement *words* of a role ("... of Kestrel Outdoor") name an organisation,
    rather than a portfolio ("Head of Product", "delegada de Medio Ambiente y Movilidad")?"""
    first = words[0].lower()
    capital = words[0][:1].isupper()
    if link in (" at ", " bei "):
        return True
    if link == " à ":  # "linguiste à l'Université ...", not "délégué à la culture"
        return (words[0][:2].lower() in ("l'", "l’") and words[0][2:3].isupper()) or capital
    if first in _ARTICLES or (first.startswith(("l'", "l’")) and words[0][2:3].isupper()):
        return True
    bare = [w.strip(",.") for w in words]
    if all(fold(w) in DEPARTMENTS or w.lower() in ("and", "&", "y", "et", "und") for w in bare):
        return False
    if (bare[-1][:1].isupper() and fold(bare[-1]) in ORG_WORDS) or (
        words[0].isupper() and len(words[0]) > 1
    ):
        return True
    if capital and (head in _CUT_ALWAYS or link in (" des ", " der ")):
        return True  # "Vorsitzender des Landeselternausschusses"
    # A name the release uses elsewhere is its issuer: "Managing Director of Kestrel Outdoor".
    name = " ".join(bare)
    return capital and len(bare) > 1 and text.count(name) >= 2


def _role_after(text: str, end: int) -> str | None:
    """The role in apposition after a name: ", Under-Secretary-General of the ..." -> role."""
    # A page scraped without its punctuation keeps two spaces where the comma was: "Susan
    # Payne  executive director of Safe 2 Tell".
    if not text.startswith(",", end) and not (
        text.startswith("  ", end) and text[end + 2 : end + 3].islower()
    ):
        return None
    rest = text[end + 1 : end + 200].lstrip()
    for article in ("the ", "a ", "an ", "our "):
        if rest.startswith(article):
            rest = rest[len(article) :]
            break
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start()] if stop else rest
    if len(role) < 2:
        return None
    if stop and stop.group(0) == "," and _LINKED_PORTFOLIO.search(role):
        more = _PORTFOLIO_LIST.match(rest, stop.start())
        if more:
            role = rest[: more.end()]
    role = _ROLE_STOP.sub("", role).strip()
    lead = [w.lower().strip(".") for w in role.split()[:3]]
    if not any(
        w in _ROLE_NOUNS or w.startswith(("co-", "vice", "chief")) or is_german_compound_role(w)
        for w in lead
    ):
        return None
    if _RELATIVE_PRONOUN.search(role):
        return None  # a description, not a role
    # "CEO of Acme" -> "CEO", "Director General of the General Directorate" -> "Director
    # General"; but "Professor of Glaciology" and "Head of Product" are whole roles.
    found = sorted((role.find(link), link) for link in _LINKS if role.find(link) > 0)
    for n, (cut, link) in enumerate(found):
        stop_at = found[n + 1][0] if n + 1 < len(found) else len(role)
        words = role[cut + len(link) : max(stop_at, cut + len(link))].split()
        if not words:
            continue
        head = role[:cut].split()[-1].lower()
        if _names_an_employer(words, link, head, text):
            role = role[:cut]
            break
    role = role.rstrip(" .,&-–—")
    words = role.split()
    if not words or len(words) > 10:
        return None
    if fold(words[0]) in ORG_WORDS and not any(fold(w) in _ROLE_NOUNS for w in words[1:]):
        return None  # "Board of Directors", not "board chair"
    return " ".join(words)


@lru_cache(maxsize=8192)
def _word_in_run(token: str) -> tuple[bool, bool, str | None]:
    """What a word of a capitalised run says: (can it be part of a name, is it an honorific,
    the cue it gives to a name after it). Cached: runs repeat the same few thousand words."""
    low = token.lower()
    bare = fold(token.strip("."))
    if len(bare) == 1:
        return True, False, None  # a middle initial ("Lanny A. Breuer"), never a word here
    # "Representatives", "Senators", "Attorneys": a title in the plural names no one.
    plural = bare.endswith("s") and (bare[:-1] in _TITLES or bare[:-1] in ROLE_WORDS)
    name_part = (
        bare not in NOT_NAME_WORDS and low not in _TITLE_NOT_NAME and not plural
    ) and bare not in _RANKS
    honorific = low in _HONORIFICS
    title = low in _TITLES or (plural and bare[:-1] in _TITLES)
    cue = low if honorific or title or low in _SPEECH else None
    return name_part, honorific, cue


def _plain_name_word(token: str) -> bool:
    """A word a name listed without a cue may have: no title, no body's or business's word."""
    name_part, honorific, _ = _word_in_run(token)
    bare = fold(token)
    return name_part and not honorific and bare not in ORG_WORDS and bare not in _BUSINESS_END


# Words kept out of names as dates ("Sun", "May") that are also surnames: "Justin Sun",
# "Theresa May". One is a surname when it ends a run after a first name, no day number after.
_SURNAMES_TOO = frozenset(
    {"sun", "may", "june", "april", "august", "west", "north", "south", "east", "street"}
)
# Last words of a business's name, never of a person's: "Mullen Automotive", "Midwest Book
# Review", "Scofflaw's Brewing", "Drachenhaus Verlag" (a German publisher).
_BUSINESS_END = word_set(
    """automotive review brewing brewery bar kitchen list blog research practice division books
    email client pizza cafe café bakery salon shop store market grill motors boutique restaurant
    studio gallery pharmacy jewelers florist tavern coffee outfitters supply realty roofing
    plumbing dental dentists clinic spa harbor harbour county township village valley island
    beach heights verlag"""
)
_POSSESSIVE = ("'s", "’s")
# A firm's legal or group word right after a name somewhere in the text: "Mullen Automotive Inc."
_FIRM_AFTER = (" Inc", " LLC", " LLP", " Ltd", " Corp", " Group", " & Co", " GmbH", " PLC", " AG ")


def _segments(
    tokens: list[str], digit_after: bool = False, after_of: bool = False
) -> list[tuple[int, int, str | None]]:
    """Split a run at words that are no part of a name; each piece with the cue before it.
    *after_of*: the run follows "of" ("Department of Justice Criminal Division"), where its
    first word is a name's part, not a title before a name."""
    pieces: list[tuple[int, int, str | None]] = []
    start = 0
    cue: str | None = None
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        name_part, honorific, cue_after = _word_in_run(token)
        if name_part and not honorific:
            continue
        if i == 0 and after_of and token.lower() in _OF_TITLES:
            cue_after = None
        if cue_after is None and i == start and cue and token.lower() in _TITLE_TAILS:
            cue_after = cue  # "Attorney General Eric Holder", "Board Member Jane Nitze"
        if i == last and i > start and not digit_after and token.lower() in _SURNAMES_TOO:
            continue  # "Justin Sun", not "Sun 5 March"
        particle = (
            i > start and (token in _CAP_PARTICLES or token in _PARTICLES) and i + 1 < len(tokens)
        )
        if not particle or honorific:
            if i > start:
                pieces.append((start, i, cue))
            cue = cue_after
            start = i + 1
    if len(tokens) > start:
        pieces.append((start, len(tokens), cue))
    return pieces


def _first_initial_before(text: str, start: int, tokens: list[str]) -> bool:
    """Does a first initial open the name whose run of *tokens* starts at *start*: "J. Patrick
    Lamb", "F. Scott Fitzgerald"? Not "U.S." or "J.P." (the initial follows a dot or a letter),
    the French "M." of "M. Julien Caradec" (Monsieur), or "J.R. Arranguez Jr." (a surname and
    its suffix after the initial: no given name). Read here rather than in the run's pattern,
    which an optional group at its head makes several times slower."""
    return (
        start >= 3
        and text[start - 1] in " \t"
        and text[start - 2] == "."
        and text[start - 3].isupper()
        and text[start - 3] != "M"
        and (start == 3 or not (text[start - 4].isalnum() or text[start - 4] in ".'’-"))
        and len(tokens) >= 2
        and tokens[1].rstrip(".") not in ("Jr", "Sr")
    )


def find_people(text: str) -> tuple[Person, ...]:
    """People with a cue: an honorific, a role, or a quote ("said Jane Doe, CEO of Acme")."""
    text = text[:_SCAN_CHARS]
    people: dict[str, list[str | None]] = {}
    listed_after = -1  # where the last name found ends, when it ends its run
    for m in _RUN.finditer(text):
        start, end = m.span()
        if (
            start
            and (text[start - 1].isalnum() or text[start - 1] in "-’'")
            and not (text[start - 1] == "-" and (start < 2 or text[start - 2] in " \t\n"))
        ):
            continue  # a word's end; not "-Lucas Lasota, Legal Manager", a quote's speaker
        run = m.group(0)
        tokens = run.split()
        if _first_initial_before(text, start, tokens):
            start -= 3  # "J. Patrick Lamb": the initial opens the name
            run = text[start:end]
            tokens = run.split()
        # The last two words (with their dots) in the few characters before the run; written
        # out here, as the run's group is kept: this loop runs for every capitalised run.
        before = text[max(0, start - 40) : start].rsplit(None, 2)[-2:]
        last = before[-1].lower() if before else ""
        if last == "to" and len(before) > 1 and before[-2].lower() == "according":
            last = "said"
        digit_after = tokens[-1].lower() in _SURNAMES_TOO and (
            text[end : end + 3].strip()[:1].isdigit()
        )
        owner = "s" in run and ("'s" in run or "’s" in run)
        listed = listed_after == start or (
            listed_after >= 0 and _AND_GAP.fullmatch(text, listed_after, start) is not None
        )
        if last in _HONORIFICS and before[-1].isupper() and before[-1].isalpha():
            last = ""  # "MS Word Document", "DR Congo": capitals, not "Ms", "Dr"
        if "Hon" in tokens:
            if tokens[0] == "Hon" and last not in _BEFORE_HON:
                continue  # "Hon Hai Precision": a firm's name, not "the Hon Peter Costello"
            # "The Rt Hon Elizabeth Truss", "the Hon Peter Costello": the style without its dot,
            # read as "Hon."; not a surname ("Keone Hon").
            tokens = [
                "Hon."
                if t == "Hon" and (tokens[i - 1].lower() if i else last) in _BEFORE_HON
                else t
                for i, t in enumerate(tokens)
            ]
        if len(tokens) == 2 and tokens[0].lower() in _TITLES:
            continue  # "Premier Napthine said": a title and a surname name no one
        for first, stop, cue in _segments(tokens, digit_after, last in _OF_WORDS):
            if stop - first > 5:
                continue
            at_end = stop == len(tokens)
            if first == 0:
                cue = (
                    last
                    if last in _HONORIFICS
                    or last in _SPEECH
                    or last in _TITLES
                    or last in _APPOINTED
                    else None
                )
                if (
                    cue in _TITLES
                    and cue not in _HONORIFICS
                    and len(before) > 1
                    and text[start - 2 : start] != f"{before[-1][-1:]} "
                    and before[-2][:1].isupper()
                    and len(before[-2]) > 1
                    and _word_in_run(before[-2])[0]
                ):
                    cue = None  # "About Slam Dunk Attorney  Slam Dunk ...": a firm's name ends
                if cue is None and listed:
                    cue = "and"  # "Senators Mike Enzi and John Barrasso": the list goes on
                if (
                    cue is None
                    and stop == len(tokens)
                    and text[start - 2 : start] == ", "
                    and text[end : end + 1] in ",;.("
                    and _ROLE_STEM.search(text, max(0, start - 160), start)
                    and _ROLE_THEN_COMMA.search(text, max(0, start - 160), start)
                ):
                    # "el ministro del Interior, Fernando Grande-Marlaska, ...": a role in
                    # lower case, then its holder's name between commas
                    cue = "role"
                if (
                    cue is None
                    and (shaped := name_start(text, tokens, 0, stop, end, last)) is not None
                ):
                    first, cue = shaped, "shape"  # name_shapes: its shape or what is said of it
            elif cue is None:
                if (shaped := name_start(text, tokens, first, stop, end, last)) is None:
                    continue  # "The New York Stock Exchange said": the run is not a name
                first, cue = shaped, "shape"
            if (
                cue
                and cue.endswith("s")
                and cue[:-1] in _TITLES
                and not (at_end and _LIST_AFTER.match(text, end))
            ):
                continue  # "Members Drive Enterprise Growth": a plural title heads a list only
            possessive = (
                next((i for i in range(first, stop) if tokens[i].endswith(_POSSESSIVE)), None)
                if owner
                else None
            )
            if possessive is not None:
                if cue in _HONORIFICS and possessive == first:
                    continue  # "Dr. Holstein's Enchanted Self"
                if stop - possessive > 2:
                    first = possessive + 1  # "Ackerman Retail's Kelly Wilson"
                else:
                    stop = possessive + 1  # "Donald Trump's": the person, not what is theirs
            if stop - first < 2:
                continue
            if stop < len(tokens) and fold(tokens[stop]) in ORG_WORDS:
                continue  # "Director Idil Biret Education Foundation": a body's name
            if (
                stop == len(tokens)
                and tokens[-1].isupper()
                and (nxt := _NEXT_WORD.match(text, end))
                and fold(nxt.group(1)) in ORG_WORDS
            ):
                continue  # "Colorado SKIES Academy": a body's name, its word in capitals
            at_end = stop == len(tokens)
            role: str | None = None
            # Past a suffix: "Dominick S. Gerace II, United States Attorney", "John Smith Jr., CEO".
            after = suffix_end(text, end, tokens[first:stop]) if at_end else end
            if at_end:
                role = _role_after(text, after) or (_role_after(text, end) if after > end else None)
            if (
                cue is None
                and role is None
                # Both patterns open with a comma or a space: most names are followed by neither.
                and not (
                    at_end
                    and text[after : after + 1] in ", \t"
                    and _SPEECH_AFTER.match(text, after)
                )
                and not (at_end and first == 0 and _speaker_with_clause(text, start, end))
                # "Gregory Thomas Miller, 57, of Deville", "Kevin Swing, a/k/a “Tone,” 36,": an age.
                and not (
                    at_end
                    and (
                        age_follows(text, after)
                        or (first == 0 and age_ends_line(text, start, after))  # a list's line
                    )
                )
                # "Younous OMARJEE (the Left, FR)": a member of parliament, group and country
                and not (at_end and text[end : end + 2] == " (" and _GROUP_AFTER.match(text, end))
            ):
                continue
            if role is None and cue in _TITLES:
                role = _title_before(tokens, first) if first else before[-1]
            stop = _without_party(tokens, first, stop)
            name = " ".join(tokens[first:stop])
            if name.endswith(_POSSESSIVE):
                name = name[:-2]
            if fold(tokens[stop - 1]) in _BUSINESS_END or _firm_named(text, name):
                continue  # a shop or a firm, not a person
            _add(people, name, role)
            if first == 0 and cue != "and":  # "by Kara Sweet and Gregory R. Bockin"
                for other in names_listed_before(text, start, _plain_name_word):
                    _add(people, other, None)
            if at_end:
                listed_after = end
            if len(people) >= MAX_PEOPLE:
                break
    for other in listed_with(text, list(people), _plain_name_word):  # "A, B, and C"
        if len(people) < MAX_PEOPLE:
            _add(people, other, None)
    return tuple(Person(str(name), role) for name, role in people.values())


# An office in lower case after its article, what it is of, then a comma: the name that
# follows holds it ("la ministra de Inclusión, Seguridad Social y Migraciones, Elma Saiz,",
# "sus homólogos de Portugal, Margarida Blasco,", "le ministre de l'Intérieur, Gérald ...").
_ROLE_THEN_COMMA = re.compile(
    r"(?<![\w-])(?i:el|la|los|las|le|les|al|del|au|du|sus|su|ses|son|sa)[ \t]+"
    r"(?:vice)?(?:ministr[oa]s?|ministres?|president[ea]s?|présidente?s?|comisari[oa]s?|commissaire|secretari[oa]s?|secrétaire"
    r"|alcaldes?|alcaldesa|maire|delegad[oa]s?|portavoz|porte-parole|homólog[oa]s?|homologues?)"
    r"(?![\w-])[^.;:!?()\n“”\"«»]{0,120},[ \t]$"
)
# The offices' stems, looked for first: a pattern that opens with its words is found fast.
_ROLE_STEM = re.compile(
    r"minist|presiden|présiden|comisari|commissaire|secretari|secrétaire|alcald|maire|delegad"
    r"|portavoz|porte-parole|homólog|homologu"
)
# Between two names of a list: "Mike Enzi and John Barrasso", "Max Baucus (D-MT), and ...".
_AND_GAP = re.compile(r"(?:[ \t]{0,2}\([^()\n]{1,12}\))?,?\s{1,3}(?:and|y|et|und|&)\s{1,3}")
_LIST_AFTER = re.compile(
    r"(?:[ \t]{0,2}\([^()\n]{1,12}\))?(?:,|\s{1,2}(?:and|&)\s|[ \t]{1,2}[DRI][ \t]{1,2}[A-Z])"
)
_OF_WORDS = frozenset({"of", "de", "du", "des", "del", "der", "the"})
# Titles that are a body's name after "of": "Department of Justice Criminal Division".
_OF_TITLES = frozenset({"justice", "attorney", "secretary", "state"})
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
# A parliamentarian's group and country in brackets: "(EPP, PL)", "(S&D, DE)", "(the Left, FR)".
# Not "(Naturita, CO)", a place and its state: the group is one of the Parliament's.
_GROUP_AFTER = re.compile(
    r"[ \t]\((?:EPP|S&D|ECR|Renew|[Tt]he Left|Left|Greens/EFA|Verts/ALE|ID|PfE|ESN|NI|ALDE|EFDD"
    r"|GUE/NGL|ENF|EFD),[ \t](?:AT|BE|BG|HR|CY|CZ|DK|EE|FI|FR|DE|EL|HU|IE|IT|LV|LT|LU|MT|NL"
    r"|PL|PT|RO|SK|SI|ES|SE|UK)\)"
)
# A legislator's party and state after the name, their brackets stripped: "Bob Corker R Tenn",
# "Mary L Landrieu D", "Sam Brownback Republican".
_PARTY = frozenset({"D", "R", "I", "Republican", "Democrat", "Democratic", "Independent"})


def _without_party(tokens: list[str], first: int, stop: int) -> int:
    """*stop* less a party and state that close the name."""
    if stop - first >= 3 and tokens[stop - 1].strip(".") in _PARTY:
        return stop - 1
    if stop - first >= 4 and tokens[stop - 2] in _PARTY and _is_region(tokens[stop - 1]):
        return stop - 2
    return stop


def _is_region(token: str) -> bool:
    bare = fold(token).strip(".")
    return bare in REGION_WORDS or bare + "." in REGION_WORDS


def _title_before(tokens: list[str], first: int) -> str:
    """The title words right before a name in its run: "Assistant Attorney General"."""
    at = first
    while at > 0 and first - at < 4:
        name_part, honorific, _ = _word_in_run(tokens[at - 1])
        if name_part or honorific:
            break
        at -= 1
    return " ".join(tokens[at:first]) or tokens[first - 1]


def _firm_named(text: str, name: str) -> bool:
    """Does *name* stand before a firm's legal or group word somewhere in *text*?"""
    at = text.find(name)
    while at >= 0:
        if text.startswith(_FIRM_AFTER, at + len(name)):
            return True
        at = text.find(name, at + len(name))
    return False


_WHO_THEN_SPEECH = re.compile(
    r",[ \t]+(?:who|qui|quien|der|die)\b[^.\n“”\"«»]{0,200}?\b(?:said|says|added|told|explained|"
    r"a déclaré|a expliqué|dijo|explicó|sagte|erklärte)\b"
)


def _speaker_with_clause(text: str, start: int, end: int) -> bool:
    """ "Jacob Nolan, who fishes for lobster ..., said": a sentence opened by its speaker."""
    opens = start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] == ". "
    return opens and _WHO_THEN_SPEECH.match(text, end) is not None


def _add(people: dict[str, list[str | None]], name: str, role: str | None) -> None:
    """Add a person, or give a role to one already found under this name."""
    tokens = name.split()
    if (
        len(tokens) == 4
        and tokens[1] in ("von", "van")
        and not any(fold(t) in _PARTICLES for t in tokens[2:])
    ):
        # "Hackerethik von Frank Rieger": a work by someone (German "von" after a noun), not a
        # name; "Ursula von der Leyen" has a particle after it, "Ludwig van Beethoven" one name.
        tokens = tokens[2:]
        name = " ".join(tokens)
    for key, entry in people.items():
        other = key.split()
        if (
            key == name
            or (other[-1] == tokens[-1] and other[0][0] == tokens[0][0])
            # "Van der Beken" after "Peter Van der Beken": the surname alone
            or (tokens[0] in _CAP_PARTICLES and key.endswith(" " + name))
        ):
            if entry[1] is None and role:
                entry[1] = role
            return
    people[name] = [name, role]
