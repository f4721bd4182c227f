"""French, Spanish and German bodies that no English-shaped run finds: "la Guardia Civil",
"la Gendarmerie nationale", "le tribunal judiciaire de Paris", "das Justizministerium"."""

from __future__ import annotations

import re

from store.ingest.extract.vocabulary import KNOWN_BODIES, word_set
from store.records import Person
from store.sanitize import fold

# The languages whose releases these shapes are read in.
ROMANCE_LANGUAGES = frozenset({"fr", "es", "de"})
_UP = "A-ZÀ-ÖØ-ÞÁÉÍÓÚÑ"
_LOW = "a-zß-öø-ÿ"
# A capitalised word of a name: "Nacional", "Moneda", "Nordrhein-Westfalen", "l’Économie".
_CAPWORD = rf"[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)*"
# Kinds of body that open their name in these languages, written with a capital. English
# words ("Police", "Service") are left to the English reader: an English text says "the
# Police Department", and an English heading would be read as a French body.
_KINDS = (
    "Policía|Guardia|Gendarmerie|Polizei|Ejército|Ejercito|Armada|Unidad|Unité|Brigada|"
    "Fábrica|Generalitat|Xunta|Junta|Servicio|Dirección|Departamento|Juzgado|Audiencia|"
    "Fiscalía|Parquet|Sección|Comisaría|Jefatura|Delegación|Subdelegación|Commandement|"
    "Mando|Inspection|Inspección|Mutualité|Naciones|Conferencia|Conférence|Representación|"
    "Commissariat|Juridiction|Juridictions|Tribunal|Corte|Cour|Caisse|Organización|"
    "Secretaría|Secrétariat|Autoridad|Autorité|Agencia|Agence|Association|Asociación|"
    "Federación|Fédération|Confederación|Confédération|Observatoire|Observatorio|Instituto|"
    "Institut|Centro|Consejo|Conseil|Comité|Comisión|Section|Direction|Antenne|Éducation"
)
# Kinds after which French writes its field in lower case: "Inspection générale des
# finances", "Association des maires de France", "Section de recherches de Rennes". Not the
# kinds that as often name a thing ("Centre de données", "Comité de pilotage").
_LOWER_FIELD_KINDS = frozenset(
    """Inspection Conseil Association Commandement Section Direction Juridiction Juridictions
    Mutualité Commissariat Agence Institut Secrétariat Fédération Confédération
    Observatoire Antenne Unité""".split()  # noqa: SIM905
)
# French and Spanish adjectives in lower case after a kind: "nationale", "générale",
# "sociale agricole", "judiciaire", "inter-régionales spécialisées", "alemana".
_ADJ = (
    rf"(?:[{_LOW}]+-)?[{_LOW}]+(?:ale|ales|al|aux|ique|iques|aire|aires|ée|ées|és|elle|elles"
    r"|ienne|iennes|ive|ives|ole|oles|ère|ères|ier|iers|ana|ano|anas|anos|aise|aises|able|ables)"
    r"(?![\w’'-])"
)
_LINK = (
    r"(?:de[ \t]+la|de[ \t]+las|de[ \t]+los|del|de|des|du|d[’']|de[ \t]+l[’']|für|pour[ \t]+l[’']"
    r"|pour[ \t]+la|pour)"
)
_SP = r"[ \t]+"
# A name of capitalised words, its small linking words inside: "Moneda y Timbre",
# "Instrucción número 1 de San Vicente de la Barquera".
_CAPS_TAIL = (
    rf"{_CAPWORD}(?:(?:{_SP}(?:número|n[º°])[ \t]*\d+)?"
    rf"(?:{_SP}(?:de[ \t]+la|de[ \t]+los|de|del|y|und|für|et){_SP}[{_UP}]{{2,6}}(?![\w-])"
    rf"|(?:{_SP}(?:de[ \t]+la|de[ \t]+los|de|del|y|und|für|et))?{_SP}{_CAPWORD})){{0,5}}"
)
_GLUE = r"(?:[ \t]+|(?<=[’']))"
# How French links a kind to its field in lower case: "des finances", "au développement
# durable", "pour l’investissement", "d’information".
_LOWER_LINK = (
    r"(?:de[ \t]+la|de[ \t]+l[’']|des|du|de|d[’']|au|aux|pour[ \t]+l[’']|pour[ \t]+la|pour)"
)
_LOWER_PHRASE = (
    rf"(?!(?:le|la|les|l|un|une|des|du|ce|cette|ces|son|sa|ses|leur|leurs)(?![{_LOW}’'-]))"
    rf"[{_LOW}][{_LOW}’'-]+(?:{_SP}{_ADJ}(?:{_SP}et{_SP}{_ADJ})?){{0,2}}"
)
_BODY = re.compile(
    rf"(?<![\w-])(?P<kind>{_KINDS})"
    # Spanish and German capitalise the words after the kind: "Policía Nacional", "Unidad
    # Central Operativa"; French writes them in lower case: "Gendarmerie nationale".
    rf"(?P<quals>(?:{_SP}(?!(?:De|Del|La|Las|Los|Y|Et|Und|En|Le|Les|El|Des|Du|The|A|An|Of|And|For)\b)"
    rf"[{_UP}][{_LOW}]+){{1,3}}|(?:{_SP}{_ADJ}){{1,3}})?"
    rf"(?P<field>{_SP}{_LINK}{_GLUE}{_CAPS_TAIL}"
    rf"|{_SP}{_LOWER_LINK}{_GLUE}(?P<lower>{_LOWER_PHRASE}"
    rf"(?:{_SP}{_LOWER_LINK}{_GLUE}{_LOWER_PHRASE})?"
    # what it fights or where it works: "... dans le cyberespace", "... contre les ..."
    rf"(?:{_SP}(?:dans[ \t]+le|dans[ \t]+la|contre[ \t]+les|contre[ \t]+la)[ \t]+[{_LOW}]+"
    rf"(?:{_SP}{_ADJ})?)?"
    # its abbreviation, then its place: "Section de recherches (S.R.) de Rennes"
    rf"(?:(?:[ \t]*\([A-Z.]{{2,8}}\))?{_SP}(?:de|des|du|d[’']|de[ \t]+la){_GLUE}{_CAPWORD}"
    rf"(?:{_SP}(?:et|y){_SP}{_CAPWORD})?)?))?"
)
# Kinds written in lower case, named by the place after them: "tribunal judiciaire de
# Paris", "parquet général de Guadeloupe", "université de technologie de Troyes".
_PLACED = re.compile(
    rf"(?<![\w’'-])(?:tribunal|parquet|cour|préfecture|université|juzgado|ayuntamiento)"
    rf"(?:{_SP}{_ADJ}){{0,2}}(?:{_SP}de{_SP}[{_LOW}]+)?{_SP}(?:de|d[’']|du|del){_GLUE}"
    rf"{_CAPWORD}(?:-{_CAPWORD})*"
)
# Bodies French writes in lower case: "la gendarmerie nationale", "la police nationale".
_LOWER_NAMED = re.compile(r"(?<![\w’'-])(?:gendarmerie|police)[ \t]+nationale(?![\w-])")
# A German alliance, initiative or network named after its kind, its name quoted or in
# capitals: "das Bündnis „Volksentscheid Transparenz”", "Die Initiative Volksentscheid
# Transparenz begrüßt ...".
_GERMAN_NAMED = re.compile(
    r"(?<![\w-])(?:Bündnis|Aktionsbündnis|Initiative|Netzwerk|Verein)[ \t]+"
    r"(?:[„“\"](?P<quoted>[A-ZÄÖÜ][^“”\"\n]{1,60})[“”\"]"
    r"|(?P<plain>[A-ZÄÖÜ][\w-]+(?:[ \t][A-ZÄÖÜ][\w-]+){1,3})(?=[ \t]+[a-zäöüß]|[.,;:]))"
)
# A registered association by its legal form: "Mehr Demokratie e.V.", "... e. V.".
_REGISTERED = re.compile(
    r"(?<![\w-])(?:(?:Verein|Förderverein)[ \t]+)?((?:[A-ZÄÖÜ][\w-]*[ \t]){1,4})e\.[ \t]?V\."
)
# A German body in one compound word, by its last part: "Justizministerium",
# "Registergericht Berlin-Charlottenburg", "Bundeskriminalamt", "Landespolizei".
_COMPOUND = re.compile(
    rf"(?<![\w-])[{_UP}][{_LOW}]+(?:ministerium|gericht|kriminalamt|polizei|anwaltschaft"
    rf")(?:{_SP}(?:für|der){_SP}{_CAPWORD}(?:(?:{_SP}und|,){_SP}{_CAPWORD})*"
    rf"|{_SP}[{_UP}][{_LOW}]+-[{_UP}][{_LOW}]+)?(?![\w-])"
)
# An acronym after an article or preposition in these languages: "la FSFE", "de la OTAN",
# "der FSFE", "l’ANSSI": a body, unless it is one of the things written so.
_ARTICLE_ACRONYM = re.compile(
    r"(?<![\w’'-])(?:la|le|les|el|los|del|al|du|des|der|die|den|dem|l[’']|à[ \t]+l[’'])"
    r"(?:[ \t]+|(?<=[’']))([A-Z][A-Z0-9]{2,7})(?![\w&/-])"
)
# Acronyms that name a tax, a law, a disease, a currency, a measure or a place, not a body.
_NOT_BODIES = word_set(
    """TVA IVA PIB PME PYME PYMES RGPD DSGVO COVID SIDA VIH ADN ARN PDF URL API CEO DNI NIE
    NIF IBAN BIC ETAT EEUU USA RFA RDA BIP CET MESZ MEZ CEST UTC EUR USD CHF GBP HTML FAQ RSS
    VPN DNS USB GPS SMS TIC NTIC OGM PAC BTP RSA CDI CDD SMIC IRPF IBI ESO FP ONG GAFAM GAFA
    SPA LGV TGV AVE DVD CD LED OTP IOT APP APPS NFT ETF PLC SARL SAS GMBH DLR IPO DMA DSA DGA
    GDPR CRA"""
)
_UPPER_KNOWN = {name.upper(): name for name in KNOWN_BODIES if not name.isupper()}
# "EUROPOL", "FRONTEX": a body known by one word, written in capitals as Spanish notes do.
_UPPER_KNOWN_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(_UPPER_KNOWN))})(?![\w-])")
# Words a name's capitalised tail may not end with: a link left dangling.
_DANGLING = ("de", "del", "y", "und", "für", "et", "de la", "de los")


def _clean(name: str) -> str:
    name = " ".join(name.split())
    for end in _DANGLING:
        if name.endswith(" " + end):
            name = name[: -len(end) - 1]
    return name


# Kinds spelled alike in English, where capitalised words after them are no qualifiers.
_ENGLISH_TOO = frozenset(
    {"Association", "Section", "Direction", "Federation", "Conference", "Inspection", "Armada"}
)


def _acronym_of_body(acronym: str, text: str) -> bool:
    """Is *acronym* a body's? Where the text spells it out in brackets ("Agence nationale
    ... (ANSSI)"), the words before name a kind of body; where it does not, the text uses it
    twice or more, as a body is named again ("la FSFE"), not a thing in passing ("TPE/PME")."""
    if acronym in _UPPER_KNOWN:
        return True
    defined = text.find(f"({acronym})")
    if defined < 0:
        return len(re.findall(rf"(?<![\w-]){acronym}(?![\w&/-])", text)) >= 2
    before = _WORD.findall(text[max(0, defined - 120) : defined])[-8:]
    for at in range(len(before) - 1, -1, -1):
        if before[at].casefold() in _ARTICLES:
            before = before[at + 1 :]  # the name runs back to its article: "la Base ..."
            break
    return any(word.casefold() in _SPELLED_KINDS for word in before)


_ARTICLES = word_set("la le les l el los las der die das den dem des du del the")


_WORD = re.compile(r"[^\W\d_][\w-]*")
# The kinds of body an acronym's spelled-out name holds, in the releases' languages.
_SPELLED_KINDS = word_set(
    """agence agencia agentur direction dirección directorate direktion institut instituto
    institute commission comisión kommission conseil consejo council rat comité committee
    ausschuss office oficina amt bundesamt service servicio dienst centre centro center zentrum
    association asociación verband verein fédération federación federation union unión
    organisation organización organization ministère ministerio ministerium ministry
    secrétariat secretaría sekretariat autorité autoridad authority behörde inspection
    inspección commandement mando command groupement gruppe group grupo brigade brigada
    gendarmerie police policía polizei unité unidad unit juridiction tribunal gericht court
    cour fondation fundación stiftung foundation observatoire observatorio mutualité caisse
    banque banco bank département departamento department université universidad universität
    university école escuela schule school conférence conferencia konferenz parti partido
    partei party gouvernement gobierno regierung government parlement parlamento parlament
    parliament assemblée asamblea versammlung assembly chambre cámara kammer chamber"""
)


_PREVIOUS_WORD = re.compile(r"([\w.’'-]+)[ \t]+$")


def _inside_name(text: str, at: int) -> bool:
    """Does the kind at *at* go on a capitalised name ("U.S. Postal Inspection Service",
    "Servicio" after "El"), or follow an English word ("the Association receives")? A
    French, Spanish or German article or preposition, or a sentence's start, comes before a
    body's name in those languages."""
    m = _PREVIOUS_WORD.search(text, max(0, at - 40), at)
    if m is None:
        return False
    word = m.group(1)
    if word.endswith(".") or word.casefold() in _ROMANCE_BEFORE:
        return False
    return word[:1].isupper() or word.casefold() in _ENGLISH_BEFORE


# Words before a body's name in these languages: articles and prepositions.
_ROMANCE_BEFORE = word_set(
    """la le les l el los las lo de del du des au aux à a en por para con y et und sur par
    pour avec dans entre sobre der die das dem den des zur zum vom beim mit von für bei im am
    una un une ante tras desde hacia hasta"""
)
# English words before one, which say the text is English ("the Association receives").
_ENGLISH_BEFORE = word_set(
    """the of and for to in on at by with from this that its their our an as is was are"""
)


_OWNER_LINK = re.compile(r"[ \t]+(?:de[ \t]+la|del|de[ \t]+los|de)[ \t]+")


def _without_owner(name: str, alone: set[str]) -> str:
    """ "Centro de Coordinación Regional de Canarias de la Guardia Civil": the centre, its
    owner named on its own in the text too, is listed as the centre; the owner stands apart."""
    for m in reversed(list(_OWNER_LINK.finditer(name))):
        head, owner = name[: m.start()], name[m.end() :]
        if owner in alone and " " in head:
            return head
    return name


def romance_bodies(text: str) -> list[str]:
    """Bodies named in French, Spanish or German that capitalised English-shaped runs miss,
    in order of first mention. Only a text with letters beyond ASCII is read: a text in these
    languages always has them, and an English one seldom names bodies so."""
    if text.isascii():
        return []
    found: list[tuple[int, str]] = []
    for m in _BODY.finditer(text):
        if _inside_name(text, m.start()):
            continue
        quals, field = m.group("quals") or "", m.group("field")
        if quals[1:2].isupper() and m.group("kind") in _ENGLISH_TOO:
            continue  # "Association The Way", "Section Chief": English words, in an English text
        if m.group("lower") is not None and m.group("kind") not in _LOWER_FIELD_KINDS:
            field = None  # "Centre de données": a thing, not a body
        if not quals and not field:
            continue  # a kind alone names no one body
        end = m.start("field") if field is None and m.group("field") else m.end()
        found.append((m.start(), _clean(text[m.start() : end])))
    for pattern in (_PLACED, _COMPOUND):
        found.extend(
            (m.start(), _clean(m.group(0)))
            for m in pattern.finditer(text)
            # not a translation in brackets, nor a word of an English name ("the German
            # Bundeskriminalamt")
            if not text.startswith("(", m.start() - 1) and not _inside_name(text, m.start())
        )
    found.extend(
        (m.start(), m.group(0)[:1].upper() + m.group(0)[1:]) for m in _LOWER_NAMED.finditer(text)
    )
    found.extend(
        (m.start(), " ".join((m.group("quoted") or m.group("plain")).split()))
        for m in _GERMAN_NAMED.finditer(text)
    )
    found.extend(
        (m.start(), " ".join(m.group(1).split()) + " e.V.") for m in _REGISTERED.finditer(text)
    )
    for m in _ARTICLE_ACRONYM.finditer(text):
        acronym = m.group(1)
        if acronym in _NOT_BODIES or not _acronym_of_body(acronym, text):
            continue
        found.append((m.start(1), _UPPER_KNOWN.get(acronym, acronym)))
    if _UPPER_KNOWN_RE.search(text):
        found.extend((m.start(), _UPPER_KNOWN[m.group(0)]) for m in _UPPER_KNOWN_RE.finditer(text))
    found.sort()
    alone = {name for _, name in found}
    found = [(at, _without_owner(name, alone)) for at, name in found]
    out: list[str] = []
    for _, name in found:
        if (
            " " not in name
            and not name.isupper()
            and not _COMPOUND.fullmatch(name)
            and name.upper() not in _UPPER_KNOWN
        ):
            continue  # a kind alone, its field cut off: "Conseil"
        if name not in out and not any(other.startswith(name + " ") for _, other in found):
            out.append(name)
    return out


def not_bodies(people: tuple[Person, ...], bodies: list[str]) -> tuple[Person, ...]:
    """*people* without the bodies read as names: "Guardia Civil" is no person."""
    if not bodies:
        return people
    folded = [fold(body) for body in bodies]
    # nor the owner a body's name ends with: "Centro ... de la Guardia Civil"
    return tuple(
        person
        for person in people
        if not any(
            body == (name := fold(person.name)) or body.endswith(" " + name) for body in folded
        )
    )


def with_more_bodies(
    found: tuple[str, ...], more: list[str], text: str, cap: int
) -> tuple[str, ...]:
    """*found* and *more*, bodies read by the readers of other shapes (:func:`romance_bodies`,
    ``defined_bodies``), up to *cap* names; a
    name already there (its acronym in brackets aside) is not listed twice. A body inside
    a longer name is listed too: "la Guardia Civil" is named apart from "la Unidad Central
    Operativa de la Guardia Civil"."""
    if not more:
        return found
    keys = {fold(name.split(" (", 1)[0]) for name in found}
    keys |= {fold(name[name.rfind("(") + 1 : -1]) for name in found if name.endswith(")")}
    out = list(found)
    for name in more:
        if len(out) >= cap:
            break
        longer = [other for other in found if name in other and name != other]
        if longer and text.count(name) <= sum(text.count(other) for other in longer):
            continue  # "Éducation nationale" of "ministère de l’Éducation nationale et ..." only
        key = fold(name.split(" (", 1)[0])
        if key.removesuffix(" e.v.") in keys:
            continue  # "Mehr Demokratie e.V." of "Mehr Demokratie": one body, its form aside
        if key not in keys and not any(other.startswith(key + " ") for other in keys):
            # not the start of a name read whole ("agence nationale de la cohésion des
            # territoires (ANCT)")
            out.append(name)
            keys.add(key)
    return tuple(out)


# A ministry whose portfolio lists its fields: "Ministerio de Educación, Formación
# Profesional y Deportes", "Ministry of Finance, Planning and Economic Development".
_MINISTRY_HEADS = ("Ministerio ", "Ministry ", "Ministère ", "Department ", "Consejería ")
_MORE_FIELDS = re.compile(
    rf"(?:,{_SP}{_CAPWORD}(?:{_SP}{_CAPWORD})?)+,?{_SP}(?:y|and|et|e){_SP}{_CAPWORD}"
    rf"(?:{_SP}{_CAPWORD})?(?![\w-])"
)


def whole_portfolios(found: tuple[str, ...], text: str) -> tuple[str, ...]:
    """*found* with each ministry cut at the first comma of its portfolio written whole."""
    out = list(found)
    for at, name in enumerate(found):
        if not name.startswith(_MINISTRY_HEADS) or name.endswith(")"):
            continue
        where = text.find(name + ",")
        if where >= 0 and (more := _MORE_FIELDS.match(text, where + len(name))) is not None:
            out[at] = name + more.group(0)
    return tuple(dict.fromkeys(out))
