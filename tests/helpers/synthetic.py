"""A deterministic synthetic corpus of press releases, for benchmarks and round-trip tests.

``generate`` yields :class:`~store.records.Release` records directly (fast
benchmark stores); ``write_corpus`` renders the same releases as files that
look like real ones (kicker, headline, dateline, quotes, About paragraph,
contact block, end marker) so that the importer can be measured on them and
checked against what was generated.

Everything comes from one ``random.Random(seed)``: same seed, same bytes.
The world behind the releases is built first (organisations with a Zipf-like
share of the output, places, people whose careers move them between
organisations, media contacts shared by many releases), then each release
draws from it. Body text is drawn from a Zipf-distributed vocabulary so that
search benchmarks see very common and very rare words, as in real text.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import html
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from random import Random

from store.records import (
    Contact,
    Link,
    Person,
    Release,
    Source,
    content_fingerprint,
    release_id,
)

FIRST_YEAR = 2005
LAST_YEAR = 2026
LANGUAGES = ("en", "fr", "es", "de")
_LANGUAGE_SHARE = (0.82, 0.07, 0.06, 0.05)
_ORGANISATIONS_PER_LANGUAGE = {"en": 140, "fr": 22, "es": 20, "de": 18}
_PEOPLE = 2000
_MEDIA_CONTACTS = 1500
# Token pool per language: bodies are cut from it in sentence-sized slices,
# which is what makes 100k releases affordable in pure Python.
_POOL_TOKENS = {"en": 1 << 20, "fr": 1 << 17, "es": 1 << 17, "de": 1 << 17}
_ZIPF_EXPONENT = 1.07

# ---------------------------------------------------------------------------
# Word lists. The common words head the Zipf ranking; the long tail is made of
# invented words plus accented, CJK, non-Latin and mixed-case tokens.


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


_COMMON = {
    "en": _words(
        "the of and to in a for is that on with as by this will at from be are it its "
        "has have new our which an more than we their also said all year been were "
        "about over into across support programme project today first can these two "
        "local public services people data community partners development national "
        "international new research energy water health climate region communities "
        "countries three million per cent growth future access work working team "
        "launch plan report results investment network digital innovation security "
        "sustainable training launch announced including between through both while "
        "during after before under up so they other most such many each only well"
    ),
    "fr": _words(
        "de la le et les des à en du un une pour est que dans sur par au avec qui plus "
        "ce cette sont ont nous leur aussi a été être entre ainsi projet programme "
        "données santé région public publics nouvelle nouveau développement année "
        "partenaires réseau recherche énergie eau climat accès services collectivités "
        "formation sécurité millions pays première lancement rapport résultats"
    ),
    "es": _words(
        "de la el y en los las a del por para con que un una es se al más su sus "
        "como este esta entre también ha han sido nuestro proyecto programa datos "
        "salud región pública públicos nueva nuevo desarrollo año socios red "
        "investigación energía agua clima acceso servicios comunidades formación "
        "seguridad millones países primera lanzamiento informe resultados"
    ),
    "de": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine "
        "als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch "
        "wie einem über so zum Projekt Programm Daten Gesundheit Region öffentliche "
        "neue Entwicklung Jahr Partner Netzwerk Forschung Energie Wasser Klima Zugang "
        "Dienste Gemeinden Ausbildung Sicherheit Millionen Länder erste Bericht"
    ),
}

_SPICE = _words(
    "café déjà naïve façade über São Paulo año niño Zürich Ærø Kraków Škoda Øresund "
    "résumé coöperation Mönchengladbach señalización 東京 北京 合作 研究 開発 データ "
    "서울 연구 Москва данные القاهرة بيانات Αθήνα δεδομένα COVID-19 e-mobility iOS "
    "GmbH R&D CO₂ 3.5% €12m $4.2bn 24/7 (pilot) state-of-the-art re-use AI-driven "
    "B2B 5G ESG NGO LoRaWAN eVTOL mRNA IPv6 P2P GHz kWh MWh km² °C"
)

_SYLLABLES = _words(
    "ka lo ri ven ta mor sel bri an dor fe lu mi zan qua tor el os ur ien sta ple "
    "gra vol nit pra che dus ber gan hol rin sep tam vik wel yor zed ax ob im cul"
)

_FIRST_NAMES = _words(
    "James Mary Olivia Daniel Priya Amara Liam Grace Samuel Chloe Ethan Hannah Noah Ava "
    "Lucas Isabel Thomas Sarah Michael Emma David Laura Kwame Aisha Omar Fatima Yuki "
    "Hiroshi Mei Wei Jun Sofia Mateo Camila Diego Lucía Javier Carmen Pablo Elena Jean "
    "Marie Camille Hugo Léa Chloé Étienne Zoé Benoît Inès Jürgen Katrin Lukas Anna Stefan "
    "Sabine Jörg Björn Maximilian Lena Ngozi Chidi Tariq Leila Ana João Raúl Ingrid Sven "
    "Astrid Nikolai Olga Dmitri Rania Mehmet Ayşe Anh Minh Seo-yeon Ji-ho Rafael Beatriz "
    "Marta Pedro Ignacio Nuria Gaëlle François Hélène Matthias Ulrike Henrik Siobhán "
    "Aoife Ciarán Tomasz Agnieszka Oluwaseun Thandiwe Rohan Ananya Farid Yasmin"
)

_LAST_NAMES = (
    *_words(
        "Smith Johnson Okafor Mensah Patel Nguyen Kim Tanaka García Fernández López Martínez "
        "Dubois Lefèvre Moreau Rousseau Müller Schäfer Weiß Becker Hoffmann Jensen Larsen "
        "Kowalski Nowak Silva Santos Costa Rossi Bianchi O'Brien MacLeod Haddad Cohen Ivanova "
        "Petrov Yılmaz Demir Chen Wang Li Singh Gupta Adeyemi Banda Mwangi Okonkwo Achebe "
        "Lindqvist Virtanen Novák Horváth Papadopoulos Ferreira Álvarez Núñez Ibáñez Girard "
        "Fontaine Lambert Krüger Vogel Zimmermann Brennan Walsh Campbell Ahmed Rahman Sato "
        "Suzuki Park Choi Tran Pham Osei Boateng Diallo Traoré Keita"
    ),
    "Van der Berg",
    "de la Cruz",
    "Al-Farsi",
    "Ben Youssef",
    "da Silva",
)

# Names written in their own script: a store must handle them in every field.
_NATIVE_NAMES = _names(
    "王芳|李伟|张敏|佐藤健|山田花子|김민준|이서연|Анна Петрова|Дмитрий Иванов|"
    "Ольга Смирнова|محمد العلي|فاطمة الزهراء|Νίκος Παπαδόπουλος|אורי כהן"
)

_LEADER_ROLES = (
    "Chief Executive Officer",
    "Director General",
    "Executive Director",
    "Chief Scientist",
    "Head of Research",
    "Chair of the Board",
    "Vice-President for Research",
    "Chief Financial Officer",
    "Chief Technology Officer",
    "Programme Director",
    "Senior Policy Adviser",
    "Regional Director",
    "Spokesperson",
    "Head of Operations",
    "Managing Director",
    "Deputy Mayor",
    "Minister",
    "Professor",
)
_ROLES_LOCAL = {
    "fr": ("directrice générale", "président", "directeur scientifique", "maire adjointe"),
    "es": ("directora general", "presidente", "consejero delegado", "alcaldesa"),
    "de": ("Geschäftsführerin", "Vorstandsvorsitzender", "Leiterin Forschung", "Senator"),
}
_CONTACT_ROLES = {
    "en": ("Media Relations Manager", "Press Officer", "Head of Media", "Communications Officer"),
    "fr": ("Attachée de presse", "Chargé de communication", "Responsable presse"),
    "es": ("Responsable de prensa", "Jefa de comunicación", "Gabinete de prensa"),
    "de": ("Pressesprecherin", "Pressesprecher", "Leiter Kommunikation"),
}

_DESCRIPTORS = _words(
    "World Global National Northern Southern Pacific Atlantic Alpine Coastal United "
    "Continental Metropolitan Open Blue Green New Royal Arctic Central Eastern Western"
)
_FIELDS = _words(
    "Ocean Energy Health Water Transport Housing Climate Education Agriculture Data Space "
    "Forest Urban Rail Port Digital Food Mining Finance Heritage Migration Nutrition "
    "Wildlife Solar Hydrogen Seed Textile Aviation Fisheries Soil"
)
_KINDS = _words(
    "Institute Foundation Alliance Authority Council Agency Observatory Network "
    "Partnership Commission Federation Society Trust Initiative"
)
_COMPANY_SUFFIXES = ("Systems", "Labs", "Group", "Holdings", "Technologies", "Energy", "Bio")
_LOCAL_ORG_PATTERNS = {
    "fr": ("Agence {f}", "Fondation {f}", "Institut {f}", "Ville de {p}", "Observatoire {f}"),
    "es": ("Fundación {f}", "Instituto {f}", "Ayuntamiento de {p}", "Agencia {f}"),
    "de": ("{f}stiftung", "Institut für {f}", "Stadtwerke {p}", "{f}verband"),
}
_LOCAL_FIELDS = {
    "fr": (
        "nationale de l'eau",
        "pour l'océan",
        "régionale de santé",
        "du climat",
        "des mobilités",
        "du numérique",
        "de l'énergie",
        "des forêts",
    ),
    "es": ("del Agua", "para el Clima", "de Salud Pública", "de Energía", "del Océano", "Digital"),
    "de": ("Klima", "Energie", "Wasser", "Verkehr", "Gesundheit", "Meeres", "Digital"),
}
_SMALL_WORDS = frozenset(
    _words("of for the and de du des la le l' pour el del para y für der die das")
)

_PLACES = {
    "en": (
        "London Manchester Edinburgh Dublin Cardiff Belfast New York Washington Chicago "
        "Boston Miami Seattle Denver Atlanta Houston Austin Toronto Vancouver Ottawa "
        "Sydney Melbourne Auckland Singapore Hong Kong Tokyo Seoul Mumbai Delhi "
        "Bangalore Nairobi Lagos Accra Cape Town Johannesburg Kigali Geneva Vienna "
        "Amsterdam Copenhagen Stockholm Oslo Helsinki Brussels Rome Athens Lisbon "
        "Dubai Doha Manila Jakarta Bangkok Kuala Lumpur Marrakesh Cairo Tunis "
        "Addis Ababa Dakar Kampala Lusaka Harare San Francisco Los Angeles Phoenix "
        "Minneapolis Detroit Pittsburgh Baltimore Glasgow Leeds Bristol Cork Perth"
    ),
    "fr": (
        "Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Strasbourg Rennes Montpellier "
        "Genève Lausanne Bruxelles Liège Montréal Québec Dakar Abidjan Tunis Rabat"
    ),
    "es": (
        "Madrid Barcelona Sevilla Valencia Bilbao Málaga Zaragoza Buenos Aires Bogotá "
        "Lima Santiago Quito Montevideo Asunción Caracas Panamá Guadalajara Monterrey"
    ),
    "de": (
        "Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dresden "
        "Hannover Bremen Wien Graz Zürich Basel Bern Nürnberg Mannheim"
    ),
}
# Cities whose names are two words: kept whole when the lists above are split.
_TWO_WORD_PLACES = frozenset(
    (
        "New York",
        "Hong Kong",
        "Cape Town",
        "Kuala Lumpur",
        "Addis Ababa",
        "San Francisco",
        "Los Angeles",
        "Buenos Aires",
    )
)
_PLACES_TOTAL = 300

_MONTHS = {
    "en": _words(
        "January February March April May June July August September October November December"
    ),
    "fr": _words(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    "es": _words(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    "de": _words(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    ),
}
_KICKERS = {
    "en": (
        ("PRESS RELEASE", 40),
        ("FOR IMMEDIATE RELEASE", 25),
        ("MEDIA ADVISORY", 5),
        (None, 30),
    ),
    "fr": (("COMMUNIQUÉ DE PRESSE", 80), (None, 20)),
    "es": (("NOTA DE PRENSA", 80), (None, 20)),
    "de": (("PRESSEMITTEILUNG", 80), (None, 20)),
}
_CONTACT_HEADINGS = {
    "en": ("Media contact:", "Media contacts:", "Press contact:", "Contact Details"),
    "fr": ("Contacts presse",),
    "es": ("Contacto de prensa",),
    "de": ("Pressekontakt",),
}
_ABOUT = {"en": "About {}", "fr": "À propos de {}", "es": "Acerca de {}", "de": "Über {}"}
_ABOUT_VERB = {
    "en": "{} ({}) is an organisation working on {} since {}. Learn more at {}.",
    "fr": "{} ({}) agit dans le domaine {} depuis {}. Plus d'informations sur {}.",
    "es": "{} ({}) trabaja en el ámbito {} desde {}. Más información en {}.",
    "de": "{} ({}) ist seit {} im Bereich {} tätig. Mehr unter {}.",
}
_SAID = {"en": "said", "fr": "a déclaré", "es": "afirmó", "de": "sagte"}
_QUOTES = {"en": ("“", "”"), "fr": ("« ", " »"), "es": ("«", "»"), "de": ("„", "“")}
_PARTNER = {
    "en": "The work is carried out with {} ({}).",
    "fr": "Le projet est mené avec {} ({}).",
    "es": "El proyecto se realiza con {} ({}).",
    "de": "Das Projekt wird gemeinsam mit {} ({}) umgesetzt.",
}
_HEADLINE_VERBS = {
    "en": _names(
        "announces|launches|opens|publishes|appoints|welcomes|unveils|expands|partners with|"
        "reports|calls for|secures"
    ),
    "fr": _names("annonce|lance|inaugure|publie|nomme|présente"),
    "es": _names("anuncia|lanza|inaugura|publica|nombra|presenta"),
    "de": _names("startet|eröffnet|veröffentlicht|ernennt|präsentiert|erweitert"),
}
_END_MARKERS = ("###", "# # #", "-ENDS-", "")
_TAGS = _words(
    "climate energy health water transport housing education agriculture data space "
    "finance heritage migration security research funding appointment partnership "
    "report event award technology ocean cities"
)
_PHONE_FORMATS = (
    "+1 (212) 555-01{:02d}",
    "+44 20 7946 0{:03d}",
    "+33 1 42 68 {:02d} {:02d}",
    "+34 91 555 {:02d} {:02d}",
    "+49 (0)30 1234 {:04d}",
    "+41 22 791 {:02d} {:02d}",
    "+61 2 5550 {:04d}",
    "+81 3 5555 {:04d}",
)
_PHONE_BY_LANGUAGE = {"en": (0, 1, 6, 7), "fr": (2, 5), "es": (3,), "de": (4, 5)}
_FORMATS = (("txt", 46), ("md", 40), ("html", 8), ("json", 6))


# ---------------------------------------------------------------------------
# The world behind the corpus.


@dataclass(frozen=True, slots=True)
class _Organisation:
    name: str
    acronym: str
    domain: str
    language: str
    home: str  # a place name
    field: str
    founded: int


@dataclass(frozen=True, slots=True)
class _Layout:
    """How a generated release is written out: what the record alone does not say."""

    ext: str
    dateline: str  # the dateline prefix, as written before the lead paragraph
    body_rendered: str  # the body with its links in Markdown form
    contact_block: str
    end_marker: str


class _World:
    """Organisations, places, people and contacts, all drawn from one seed."""

    def __init__(self, rng: Random) -> None:
        self.places = _make_places(rng)
        self.orgs: dict[str, list[_Organisation]] = {}
        self.org_weights: dict[str, list[float]] = {}
        used_names: set[str] = set()
        for language in LANGUAGES:
            orgs = [
                _make_organisation(rng, language, self.places[language], used_names)
                for _ in range(_ORGANISATIONS_PER_LANGUAGE[language])
            ]
            self.orgs[language] = orgs
            self.org_weights[language] = _zipf_cumulative(len(orgs), 0.9)
        self.people: list[str] = _make_people(rng)
        # (language, org index, year) -> who works there then, and as what.
        self.staff: dict[tuple[str, int, int], list[tuple[str, str]]] = {}
        self._hire(rng)
        self.contacts: dict[tuple[str, int], list[Contact]] = {}
        self.contact_weights: dict[tuple[str, int], list[float]] = {}
        self._appoint_press_officers(rng)
        self.vocab: dict[str, list[str]] = {}
        self.pool: dict[str, list[str]] = {}
        tail = _invented_tail(rng)
        for language in LANGUAGES:
            self.vocab[language] = _make_vocabulary(rng, language, tail)
            cumulative = _zipf_cumulative(len(self.vocab[language]), _ZIPF_EXPONENT)
            self.pool[language] = rng.choices(
                self.vocab[language], cum_weights=cumulative, k=_POOL_TOKENS[language]
            )
        self.year_weights = list(
            accumulate((year - FIRST_YEAR + 1) ** 1.6 for year in range(FIRST_YEAR, LAST_YEAR + 1))
        )
        self.language_weights = list(accumulate(_LANGUAGE_SHARE))

    def _hire(self, rng: Random) -> None:
        """Give each person a career of one to three posts, moving between organisations."""
        for person in self.people:
            language = _pick_language(rng)
            year = rng.randint(FIRST_YEAR - 6, LAST_YEAR - 1)
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                if year > LAST_YEAR:
                    break
                org = _zipf_index(rng, self.org_weights[language])
                role = _pick_role(rng, language)
                end = year + rng.randint(2, 8)
                for y in range(max(year, FIRST_YEAR), min(end, LAST_YEAR) + 1):
                    self.staff.setdefault((language, org, y), []).append((person, role))
                year = end + 1

    def _appoint_press_officers(self, rng: Random) -> None:
        """About 1,500 media contacts; the first of each organisation is its shared desk."""
        per_org = _MEDIA_CONTACTS / sum(_ORGANISATIONS_PER_LANGUAGE.values())
        for language in LANGUAGES:
            for index, org in enumerate(self.orgs[language]):
                # Bigger organisations (lower index) keep more press officers.
                count = max(2, round(per_org * 2.2 * (index + 1) ** -0.35 + rng.random()))
                contacts = [
                    Contact(
                        name=None,
                        role=_CONTACT_ROLES[language][0],
                        organisation=org.name,
                        email=f"press@{org.domain}",
                        phone=_phone(rng, language),
                    )
                ]
                for _ in range(count - 1):
                    name = rng.choice(self.people)
                    contacts.append(
                        Contact(
                            name=name,
                            role=rng.choice(_CONTACT_ROLES[language]),
                            organisation=org.name,
                            email=f"{_email_local(name, rng)}@{org.domain}",
                            phone=_phone(rng, language) if rng.random() < 0.85 else None,
                        )
                    )
                self.contacts[(language, index)] = contacts
                self.contact_weights[(language, index)] = _zipf_cumulative(len(contacts), 1.2)

    def speaker(self, rng: Random, language: str, org: int, year: int) -> tuple[str, str]:
        staff = self.staff.get((language, org, year))
        if not staff:
            # Nobody on record that year: someone from another year still speaks for it.
            for delta in range(1, LAST_YEAR - FIRST_YEAR + 1):
                staff = self.staff.get((language, org, year - delta)) or self.staff.get(
                    (language, org, year + delta)
                )
                if staff:
                    break
        if not staff:
            return rng.choice(self.people), _pick_role(rng, language)
        return staff[rng.randrange(len(staff))]

    def words(self, rng: Random, language: str, count: int) -> list[str]:
        pool = self.pool[language]
        start = int(rng.random() * (len(pool) - count))
        return pool[start : start + count]


def _zipf_cumulative(n: int, exponent: float) -> list[float]:
    return list(accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


def _zipf_index(rng: Random, cumulative: Sequence[float]) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


def _pick_language(rng: Random) -> str:
    return rng.choices(LANGUAGES, weights=_LANGUAGE_SHARE)[0]


def _pick_role(rng: Random, language: str) -> str:
    if language != "en" and rng.random() < 0.6:
        return rng.choice(_ROLES_LOCAL[language])
    return rng.choice(_LEADER_ROLES)


def _invented_word(rng: Random, syllables: int) -> str:
    return "".join(rng.choices(_SYLLABLES, k=syllables))


def _make_places(rng: Random) -> dict[str, list[str]]:
    places: dict[str, list[str]] = {}
    for language, text in _PLACES.items():
        names: list[str] = []
        words = text.split()
        i = 0
        while i < len(words):
            pair = " ".join(words[i : i + 2])
            if pair in _TWO_WORD_PLACES:
                names.append(pair)
                i += 2
            else:
                names.append(words[i])
                i += 1
        places[language] = names
    # Small towns fill the list up to about 300 places, mostly English-speaking.
    patterns = {
        "en": ("Port {}", "{}ville", "{} Bay", "North {}", "{}ford"),
        "fr": ("Saint-{}", "{}-sur-Mer"),
        "es": ("San {}", "Villa {}"),
        "de": ("{}burg", "Bad {}"),
    }
    known = {name for names in places.values() for name in names}
    while len(known) < _PLACES_TOTAL:
        language = _pick_language(rng)
        name = rng.choice(patterns[language]).format(_invented_word(rng, 2).capitalize())
        if name not in known:
            known.add(name)
            places[language].append(name)
    return places


def _acronym(name: str) -> str:
    letters = [
        w[0] for w in name.replace("-", " ").split() if w not in _SMALL_WORDS and w[0].isupper()
    ]
    return "".join(letters) if len(letters) >= 2 else name[:3].upper()


def _make_organisation(
    rng: Random, language: str, places: Sequence[str], used: set[str]
) -> _Organisation:
    while True:
        roll = rng.random()
        if language == "en" and roll < 0.45:
            name = f"{rng.choice(_DESCRIPTORS)} {rng.choice(_FIELDS)} {rng.choice(_KINDS)}"
        elif language == "en":
            name = f"{_invented_word(rng, 2).capitalize()} {rng.choice(_COMPANY_SUFFIXES)}"
        elif roll < 0.7:
            name = rng.choice(_LOCAL_ORG_PATTERNS[language]).format(
                f=rng.choice(_LOCAL_FIELDS[language]), p=rng.choice(places)
            )
        else:
            suffix = {"fr": "SA", "es": "S.A.", "de": "GmbH"}[language]
            name = f"{_invented_word(rng, 2).capitalize()} {suffix}"
        if name not in used:
            used.add(name)
            break
    acronym = _acronym(name)
    slug = "".join(ch for ch in _ascii_fold(name).lower() if ch.isalnum())[:20]
    return _Organisation(
        name=name,
        acronym=acronym,
        domain=f"{slug}.example",
        language=language,
        home=rng.choice(places),
        field=rng.choice(_TAGS),
        founded=rng.randint(1950, 2015),
    )


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ord(ch) < 128)


def _make_people(rng: Random) -> list[str]:
    people: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < _PEOPLE:
        if rng.random() < 0.04:
            name = rng.choice(_NATIVE_NAMES)
            if rng.random() < 0.7:
                name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
        else:
            name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
        if name not in people:
            people.add(name)
            ordered.append(name)
    # Native-script names take the places that were left unused.
    for native in _NATIVE_NAMES:
        if native not in people:
            ordered[rng.randrange(len(ordered))] = native
            people.add(native)
    return ordered


def _email_local(name: str, rng: Random) -> str:
    parts = [p for p in _ascii_fold(name).lower().replace("'", "").split() if p]
    if not parts:
        return f"media{rng.randint(1, 99)}"
    return f"{parts[0][0]}.{parts[-1]}" if rng.random() < 0.6 else f"{parts[0]}.{parts[-1]}"


def _phone(rng: Random, language: str) -> str:
    template = _PHONE_FORMATS[rng.choice(_PHONE_BY_LANGUAGE[language])]
    count = template.count("{")
    if count == 2:
        return template.format(rng.randint(10, 99), rng.randint(10, 99))
    width = template.split("{:0")[1][0]
    return template.format(rng.randint(0, 10 ** int(width) - 1))


def _invented_tail(rng: Random) -> list[str]:
    """The long tail shared by every language: invented words, some capitalised or upper."""
    seen: set[str] = set()
    invented: list[str] = []
    lengths = rng.choices((1, 2, 2, 3, 3, 4), k=30_000)
    for length in lengths:
        word = "".join(rng.choices(_SYLLABLES, k=length))
        if word not in seen:
            seen.add(word)
            invented.append(word)
    for i in range(0, len(invented), 17):
        invented[i] = invented[i].capitalize()
    for i in range(5, len(invented), 211):
        invented[i] = invented[i].upper()
    return invented


def _make_vocabulary(rng: Random, language: str, tail: Sequence[str]) -> list[str]:
    common = list(_COMMON[language])
    known = set(common)
    invented = [word for word in tail if word not in known]
    rng.shuffle(invented)
    # The spice lands anywhere past the head: some of it common, most of it rare.
    for word in _SPICE:
        invented.insert(rng.randrange(50, len(invented)), word)
    return common + invented


# ---------------------------------------------------------------------------
# One release.


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def _sentences(world: _World, rng: Random, language: str, count: int) -> str:
    out = []
    for _ in range(count):
        out.append(_sentence(world.words(rng, language, 8 + int(rng.random() * 17))))
    return " ".join(out)


def _format_date(day: date, language: str, style: int) -> str:
    month = _MONTHS[language][day.month - 1]
    if language == "fr":
        return f"le {day.day} {month} {day.year}"
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    if language == "de":
        return f"{day.day}. {month} {day.year}"
    if style == 0:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def _compose(world: _World, rng: Random, index: int) -> tuple[Release, _Layout]:
    language = LANGUAGES[bisect.bisect(world.language_weights, rng.random() * 1.0) % 4]
    org_index = _zipf_index(rng, world.org_weights[language])
    org = world.orgs[language][org_index]
    year = FIRST_YEAR + bisect.bisect(world.year_weights, rng.random() * world.year_weights[-1])
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    ext = _FORMATS[bisect.bisect(_FORMAT_CUMULATIVE, rng.random() * _FORMAT_CUMULATIVE[-1])][0]

    place = org.home if rng.random() < 0.7 else rng.choice(world.places[language])
    style = rng.randrange(3)
    location = place.upper() if style != 1 or language != "en" else place
    when = _format_date(day, language, 0 if style == 2 else style)  # wires write "May 1, 2024"
    if language == "en" and style == 2:
        dateline = f"{location}, {when} /PRNewswire/ --"
    else:
        dateline = f"{location}, {when} –"

    kickers, kicker_weights = _KICKER_CHOICES[language]
    kicker = kickers[bisect.bisect(kicker_weights, rng.random() * kicker_weights[-1])]
    embargo = None
    if rng.random() < 0.03:
        lift = day + timedelta(days=1)
        embargo = {
            "en": f"EMBARGOED UNTIL 00:01 GMT, {_format_date(lift, 'en', 1)}",
            "fr": f"Embargo jusqu'au {_format_date(lift, 'fr', 0)[3:]}, 00h01",
            "es": f"Embargo hasta el {_format_date(lift, 'es', 0)}, 00:01 h",
            "de": f"Sperrfrist: {_format_date(lift, 'de', 0)}, 00:01 Uhr",
        }[language]

    verb = rng.choice(_HEADLINE_VERBS[language])
    wanted_words = rng.randint(6, 16) - 1 - verb.count(" ") - 1
    title = f"{org.acronym} {verb} {' '.join(world.words(rng, language, max(1, wanted_words)))}"

    speaker, role = world.speaker(rng, language, org_index, year)
    people = [Person(speaker, role)]
    partners: list[_Organisation] = []
    if rng.random() < 0.45:
        partner_index = _zipf_index(rng, world.org_weights[language])
        partner = world.orgs[language][partner_index]
        if partner is not org:
            partners.append(partner)
            partner_year = world.speaker(rng, language, partner_index, year)
            if rng.random() < 0.5 and partner_year[0] != speaker:
                people.append(Person(*partner_year))

    target_words = rng.randint(150, 900)
    paragraphs = [f"{dateline} {_sentences(world, rng, language, 2)}"]
    written = paragraphs[0].count(" ") + 1
    open_q, close_q = _QUOTES[language]
    # English puts the comma inside the quotation marks; the others outside.
    inner, outer = (",", "") if language == "en" else ("", ",")
    quoted = 0
    # The partner line and the About paragraph add about 30 words.
    while written < target_words - 30:
        if quoted < len(people) and written > 80:
            person = people[quoted]
            org_of = org if quoted == 0 else partners[0]
            quote = " ".join(world.words(rng, language, rng.randint(12, 30)))
            paragraphs.append(
                f"{open_q}{quote[:1].upper()}{quote[1:]}{inner}{close_q}{outer} {_SAID[language]} "
                f"{person.name}, {person.role}, {org_of.name}."
            )
            quoted += 1
        else:
            paragraphs.append(_sentences(world, rng, language, rng.randint(2, 5)))
        written += paragraphs[-1].count(" ") + 1
    if partners:
        paragraphs.append(_PARTNER[language].format(partners[0].name, partners[0].acronym))

    site = f"www.{org.domain}"
    about_heading = _ABOUT[language].format(org.name)
    if language == "de":
        about = _ABOUT_VERB[language].format(org.name, org.acronym, org.founded, org.field, "{}")
    else:
        about = _ABOUT_VERB[language].format(org.name, org.acronym, org.field, org.founded, "{}")
    body = "\n\n".join([*paragraphs, about_heading, about.format(site)])
    body_rendered = "\n\n".join(
        [*paragraphs, about_heading, about.format(f"[{site}](https://{site})")]
    )

    contacts: list[Contact] = []
    contact_block = ""
    if rng.random() < 0.95:
        pool = world.contacts[(language, org_index)]
        weights = world.contact_weights[(language, org_index)]
        wanted = rng.choice((1, 1, 1, 2, 2, 3))
        for _ in range(wanted * 2):
            contact = pool[_zipf_index(rng, weights)]
            if contact not in contacts:
                contacts.append(contact)
            if len(contacts) == wanted:
                break
        heading = rng.choice(_CONTACT_HEADINGS[language])
        if language == "en":
            heading = "Media contacts:" if len(contacts) > 1 else heading
            if heading == "Media contacts:" and len(contacts) == 1:
                heading = "Media contact:"
        lines = [heading, ""]
        for contact in contacts:
            lines.extend(
                value
                for value in (
                    contact.name,
                    f"{contact.role}, {contact.organisation}",
                    contact.email,
                    contact.phone,
                )
                if value
            )
            lines.append("")
        contact_block = "\n".join(lines).strip()

    tags = tuple(sorted({org.field, *rng.sample(_TAGS, rng.randint(0, 3))}))
    path = f"synthetic/{index:06d}.{ext}"
    fingerprint = content_fingerprint(title, day.isoformat(), body)
    release = Release(
        id=release_id(path, None, fingerprint),
        title=title,
        body=body,
        source=Source(path, ext),
        kicker=kicker,
        date=day.isoformat(),
        location=location,
        embargo=embargo,
        organisations=(org.name, *(p.name for p in partners)),
        people=tuple(people),
        contacts=tuple(contacts),
        links=(Link(site, f"https://{site}"),),
        language=language,
        tags=tags,
        fingerprint=fingerprint,
    )
    layout = _Layout(
        ext=ext,
        dateline=dateline,
        body_rendered=body_rendered,
        contact_block=contact_block,
        end_marker=rng.choice(_END_MARKERS),
    )
    return release, layout


_KICKER_CHOICES = {
    language: (tuple(k for k, _ in choices), list(accumulate(w for _, w in choices)))
    for language, choices in _KICKERS.items()
}
_FORMAT_CUMULATIVE = list(accumulate(weight for _, weight in _FORMATS))


@functools.lru_cache(maxsize=4)
def _world(seed: int) -> tuple[_World, tuple[object, ...]]:
    """The world of *seed* and the generator state right after building it.

    Building the world is most of the cost of a small corpus; it is never
    mutated afterwards, so benchmarks and tests that ask for the same seed
    again share it.
    """
    rng = Random(seed)
    world = _World(rng)
    return world, rng.getstate()


def _entries(n: int, seed: int) -> Iterator[tuple[Release, _Layout]]:
    world, state = _world(seed)
    rng = Random()
    rng.setstate(state)
    for index in range(n):
        yield _compose(world, rng, index)


def generate(n: int, seed: int = 0) -> Iterator[Release]:
    """Yield *n* synthetic releases, the same ones for the same *seed*."""
    for release, _layout in _entries(n, seed):
        yield release


# ---------------------------------------------------------------------------
# Writing files.


def render(release: Release, layout: _Layout) -> str:
    """The file text of a generated release, in the format its layout says."""
    if layout.ext == "json":
        return json.dumps(release.to_json(), ensure_ascii=False, indent=2) + "\n"
    if layout.ext == "html":
        return _render_html(release, layout)
    head = [release.embargo or "", release.kicker or ""]
    title = f"# {release.title}" if layout.ext == "md" else release.title
    parts = [p for p in head if p]
    parts.append(title)
    parts.append(layout.body_rendered)
    if layout.contact_block:
        parts.append(layout.contact_block)
    if layout.end_marker:
        parts.append(layout.end_marker)
    return "\n\n".join(parts) + "\n"


def _render_html(release: Release, layout: _Layout) -> str:
    esc = html.escape
    paragraphs = []
    for paragraph in layout.body_rendered.split("\n\n"):
        text = esc(paragraph, quote=False)
        for link in release.links:
            text = text.replace(
                esc(f"[{link.label}]({link.url})", quote=False),
                f'<a href="{esc(link.url)}">{esc(link.label, quote=False)}</a>',
            )
        paragraphs.append(f"      <p>{text}</p>")
    contact = ""
    if layout.contact_block:
        lines = "<br>\n".join(esc(line, quote=False) for line in layout.contact_block.splitlines())
        contact = f'      <p class="contact">{lines}</p>\n'
    kicker = f'      <p class="kicker">{esc(release.kicker)}</p>\n' if release.kicker else ""
    embargo = f'      <p class="embargo">{esc(release.embargo)}</p>\n' if release.embargo else ""
    org = esc(release.organisations[0]) if release.organisations else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{release.language}">\n<head>\n  <meta charset="utf-8">\n'
        f"  <title>{esc(release.title, quote=False)}</title>\n"
        f'  <meta name="author" content="{org}">\n</head>\n<body>\n'
        '  <nav><a href="/">Home</a> | <a href="/news">Newsroom</a></nav>\n'
        "  <main>\n    <article>\n"
        f"{embargo}{kicker}"
        f"      <h1>{esc(release.title, quote=False)}</h1>\n"
        + "\n".join(paragraphs)
        + "\n"
        + contact
        + "    </article>\n  </main>\n"
        f"  <footer>© {org}</footer>\n</body>\n</html>\n"
    )


def write_corpus(folder: Path, n: int, seed: int = 0) -> None:
    """Write *n* synthetic releases into *folder* as ``000000.txt``, ``000001.md`` ..."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, (release, layout) in enumerate(_entries(n, seed)):
        text = render(release, layout)
        (folder / f"{index:06d}.{layout.ext}").write_bytes(text.encode("utf-8"))


def corpus_files(n: int, seed: int = 0) -> Iterator[tuple[str, Release]]:
    """The file name each generated release gets from ``write_corpus``, with the release."""
    for index, (release, layout) in enumerate(_entries(n, seed)):
        yield f"{index:06d}.{layout.ext}", release


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.helpers.synthetic",
        description="Write a deterministic synthetic corpus of press releases.",
    )
    parser.add_argument("n", type=int, help="how many releases")
    parser.add_argument("folder", type=Path, help="where to write them")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must not be negative")
    try:
        write_corpus(args.folder, args.n, args.seed)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
