"""The contact block: "Media contact:", "Contacts presse", "Pressekontakt" and their people."""

from __future__ import annotations

import re

from store.ingest.extract.boilerplate import is_boilerplate
from store.ingest.extract.bounded_words import is_word_char, occurrences
from store.ingest.extract.contact_colleagues import (
    firm_before_person,
    is_colleague,
    name_above,
)
from store.ingest.extract.end_mark_contacts import opens_unheaded_block, page_furniture_after
from store.ingest.extract.firm_words import one_firm_word
from store.ingest.extract.vocabulary import (
    DEPARTMENTS,
    EMAIL_RE,
    NOT_NAME_WORDS,
    ORG_SUFFIX,
    ORG_WORDS,
    REGION_WORDS,
    ROLE_WORDS,
    word_set,
)
from store.records import Contact
from store.sanitize import clean_line, fold
from store.search.tokens import digits_of

MAX_CONTACTS = 12
_MAX_BLOCKS = 4
_MAX_BLOCK_LINES = 12
_MAX_BLOCK_CHARS = 1200
_MAX_LINE = 4000

# The indent of text from a PDF ("          Contact: Jen Burita/...") and bullets or bold
# before the heading, in one atomic group: a heading never starts with one of these
# characters, so giving none back changes no match, and saves the backtracking that made
# this pattern, tried on every line, three times slower.
HEADER_RE = re.compile(
    r"^(?>[ \t*_#>•-]{0,46})(?P<header>"
    r"for\s+(?:more|further|additional)\s+(?:information|details|info)[^\n@]{0,80}?\bcontact(?:ez)?\b"
    r"|for\s+(?:more|further|additional)\s+(?:information|details|info)(?=[ \t]*:)"
    r"|for\s+(?:media|press|all)\s+(?:inquiries|enquiries|queries)[^\n@]{0,80}?(?:contact\b|:)"
    r"|pour\s+(?:plus|toute)\s+d['’]\s?informations?[^\n@]{0,60}?contacte[rz]?\b"
    r"|para\s+m[áa]s\s+informaci[óo]n[^\n@]{0,60}?contact(?:e|ar|o)\b"
    r"|(?:media|press|news|pr|investor|ir|company|corporate|agency)\s+(?:and\s+\w+\s+)?"
    r"(?:contacts?|inquiries|enquiries|relations(?:\s+contacts?)?|office|queries)"
    r"(?:\s+(?:details|information|info)(?-i:(?![a-z])))?"
    r"|contact\s+(?:details|information|info|person|us|for\s+media|for\s+press)"
    r"|contacts?\s+(?:presse|m[ée]dias?|press|media)|contact\s+presse"
    r"|contactos?\s+(?:de\s+)?(?:prensa|medios)|contactos?|contacto"
    r"|pressekontakte?|medienkontakte?|pressestelle|ansprechpartner(?:in)?|kontakt"
    r"|contacts?"
    r")(?-i:(?![a-z]))(?P<after>[^\n]{0,4000})",
    re.IGNORECASE | re.MULTILINE,
)
_PHONE_RE = re.compile(
    # "(+32) 2 284 12 50": the country code in brackets, as EU institutions write it.
    r"(?<![\d+])(?:\(\+\d{1,3}\)[ \t]?|\+[ \t]?\d{1,3}[ \t.-]?)?"
    r"\(?\d[\d \t.()/-]{5,22}\d(?:[ \t]?(?:ext\.?|x)[ \t]?\d{1,5})?"
)
# Where run-together text breaks: points right before a capital letter, or the "h" of
# "https://" or the "w" of "www.".
_GLUE_POINT = (
    r"(?<=[A-Za-z0-9)])(?=https?://|www\.)"
    r"|(?<=[A-Za-z])(?=(?:Chief|CEO|COO|CFO|CTO|President|Founder|Co-Founder|Director|Manager|"
    r"Head|VP|Vice|Senior|Managing|Executive|Partner|Editor|Public|Media|Investor)(?![a-z]))"
    # Not after an acronym within an address: "ICEMedia@ice.dhs.gov" is one mailbox (where
    # "Office" and "Editor@InvestorBrandNetwork.com" are a label and the address after it).
    r"(?<![A-Z]{2}(?=[A-Z][a-z]+@))"
    r"|(?:(?<=CEO)|(?<=COO)|(?<=CFO)|(?<=CTO)|(?<=President)|(?<=Director)|(?<=Manager)|"
    r"(?<=Officer)|(?<=Founder)|(?<=Partner)|(?<=Editor)|(?<=Relations)|(?<=Communications))"
    r"(?=[A-Z][a-z0-9])"
    r"|(?<=[A-Z]{3})(?=[A-Z][a-z]{2,}\s[A-Z])"
    r"|(?:(?<=GmbH)|(?<=Ltd)|(?<=LLC)|(?<=Inc)|(?<=Corp)|(?<=Ltd\.)|(?<=Inc\.))(?=[A-Z][a-z])"
    r"|(?<=[a-z0-9)])(?=(?:T|E|M|P|F|W|Tel|Tél|Phone|Email|E-mail|Mobile|Cell|Fax|Office|Direct|"
    r"Website|Web|Mob)\s?[.:])"
    # "DetailsContact Name: William MillerContact Email: ...": two-word labels run in.
    r"|(?<=[a-z])(?=Contact (?:Name|Email|E-mail|Phone|Number|Person)\s?:)"
    # "Contact Person: DetailsYeweon Park": a heading's last word run into the name after it.
    r"|(?:(?<=Details)|(?<=Contacts)|(?<=Kontakt)|(?<=Contacto))(?=[A-Z][a-z])"
    # "MediaSven EtzoldPhone: +41 ...": a desk's heading run into a name that a label or a
    # number follows at once (not "MediaTek Inc.").
    r"|(?<=Media)(?=[A-Z][a-z]+ [A-Z][a-z'’-]+(?:Phone|Tel|E-?mail|Mobile|[TEM]:|\+|\d))"
)
# "+41 58 928 33 22ir@sonova.com": a number's last group run into the address after it (a
# layout that lost its line breaks); the group goes with the number. 12 releases of the real
# corpus gave "22ir@sonova.com" or "12rafael.duarte@u-blox.com" as the address.
_NUMBER_INTO_EMAIL = re.compile(r"(?<=\d[ .)/-])(\d{1,4})(?=[A-Za-z][\w.%+-]*@[\w-])")
# The pattern matches the letter after a point, the point checked behind it (and the letter
# is written back after the line break): a pattern that opens with a letter lets the regex
# engine skip ahead to candidates, rather than try the look-arounds at every position.
_GLUE_BREAK = re.compile(rf"[A-Zhw](?<=(?:{_GLUE_POINT})[A-Zhw])")
_LABEL = re.compile(
    r"^(?:T|E|M|P|F|W|O|Tel|Tél|Tél\.|Phone|Telephone|Téléphone|Teléfono|Telefon|Email|E-mail|"
    r"Courriel|Mél|Mel|Mail|Mobile|Mobil|Mob|Cell|Fax|Office|Direct|Main|Website|Web|Twitter|LinkedIn|Contact|"
    r"Contacts|Name|Nom|Nombre|Company Website|Website URL|Company Name|Company|Organi[sz]ation|"
    r"Position|Title|Job Title|Designation|Contact Person|Contact Name|Phone Number|Phone No|"
    r"Email Address|Email ID|Tel No|Mobile Number|Company Address|Company Add|Address|"
    r"Location)\s?\.?\s?:\s*",
    re.IGNORECASE,
)
_PIECE_SPLIT = re.compile(
    r"\s*(?:\n|\||·|;|,|\s/\s|/\s|\s[–—-]\s|\s+or\s+|\s+ou\s+|\s+o\s+|\s+oder\s+)\s*"
)
_SENTENCE_GLUE = re.compile(
    r"^(?:please\s+)?(?:contact(?:ez)?|call|email|e-mail|reach|write\s+to|or|and|at|on|via|by)\b"
    r"|\b(?:at|on|via|by|or|call|email|e-mail|phone|tel|contact)$",
    re.IGNORECASE,
)
# Latin Extended-A (Ā to ž) holds the letters of central European names, both cases
# ("Snježana KOBEŠĆAK SMODIŠ"): a token's case is checked with str.isupper where it counts.
_NAME_TOKEN = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’]+(?:-?[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’]+|-[a-zß-öø-ÿĀ-ž]+)*$"
)
_INITIAL = re.compile(r"[A-Z]\.?$")
# EU releases write surnames in capitals: "Lea ZUBER".
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_CAPITALS_SURNAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ž][A-ZÀ-ÖØ-ÞĀ-ž'’-]{2,}$")
_URL_LIKE = re.compile(r"https?://|www\.|\.(?:com|org|net|io|ai|co)(?:/|$)", re.IGNORECASE)
_ORG_SUFFIX_RE = re.compile(rf"(?:{ORG_SUFFIX})$")
_LEADING_DIGITS = re.compile(r"\d{3,}(?=[A-Za-z])")
_PHONE_IN_LOCAL = re.compile(r"^.*?\d[\d.()-]{5,}\d(?=[A-Za-z])")
_SUFFIX_IN_LOCAL = re.compile(
    r"^(?:Ltd|Inc|LLC|Corp|GmbH|Limited|PLC)(?:\.(?=[A-Za-z0-9])|(?=[a-z]))"  # "Inc.IR@"
)
_GLUED_SURNAME = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*")
_ROLE_IN_LOCAL = re.compile(
    r"^(?:Officer|Office|Direct|Mobile|Cell|Main|Phone|Tel|"
    r"Manager|Director|President|Relations|Communications|Founder|CEO|Partner|Editor|"
    r"Specialist|Coordinator|Lead|Head|Marketing|Media|PR|Contact|Email|E-mail|Mail)(?=[a-z0-9])"
)
# Roles only: department words ("Media", "Investor") alone do not make a role.
_CONTACT_ROLE_WORDS = ROLE_WORDS - word_set(
    """media communications marketing public press investor sales business global regional
    national interim acting board member general senior executive associate agent author
    producer designer architect owner"""
) | word_set(
    """relations spokesperson leiter leiterin pressesprecher pressesprecherin sprecher
    sprecherin referent referentin geschäftsführer geschäftsführerin attachée attaché chargé
    chargée directrice directeur responsable présidente président comunicación communication
    kommunikation directora jefe jefa portavoz consejero consejera delegado delegada adjoint
    adjointe"""
)
# A German role is one word, a compound ending in the role: "Projektleiterin",
# "Projektassistentin", "Kommunikationsreferent" (OKF DE's press contacts).
_GERMAN_ROLE_END = re.compile(
    r"\w{3}(?:leiter|assistent|referent|sprecher|koordinator|manager|beauftragte|"
    r"verantwortliche)(?:in|r)?$"
)
_CREDENTIAL = re.compile(
    r"(?:Esq|PhD|Ph\.D|MD|M\.D|DMD|D\.O|DO|MBA|CPA|JD|J\.D|RN|CFA|DDS|DVM|PE|LLM|MSc|BSc|Jr|Sr|II|III)\.?$"
)
_HONORIFIC_START = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Mme|M)\.?\s+(?=[A-Z])")
# "responsable de comunicación de la Fundación Mar Azul": a role, then its organisation.
_ROLE_AT_ORG = re.compile(
    r"^(.{3,60}?)\s+(?:of|at|for|de la|del|de|du|des|der|bei|di)\s+(?:the\s+|la\s+|l['’])?"
    r"([A-ZÀ-Þ].{2,80})$"
)
# A switchboard or helpline is no media contact; it ends the block.
_GENERIC_LINE = re.compile(
    r"switchboard|helpline|hotline|general enquiries|general inquiries|customer service|"
    r"standard téléphonique|centralita|Zentrale|public inquiries|public enquiries|general public",
    re.IGNORECASE,
)
# A press desk's own number under its name: "Main switchboard 020 7654 8000", "Out of hours
# 020 8200 4400".
_DESK_LINE_LABEL = re.compile(
    r"(?i:(?:main[ ]+)?switchboard|out[ ]+of[ ]+hours|24[- ]hour(?:[ ]+line)?)"
)
_DESK_NUMBER = re.compile(_DESK_LINE_LABEL.pattern + r"[ \t:]*\+?[\d() ./-]{7,20}")
_TEAM_ROLE = re.compile(
    r"^(?:(?:press|media|news|communications?|pr)\s+(?:office|team|desk|relations)|"
    r"gabinete de prensa|service de presse|pressestelle|communications team)$",
    re.IGNORECASE,
)
# Street addresses and postcodes in a block are no contact fields.
_ADDRESS = re.compile(
    r"^\d{1,6}\s+[A-Z0-9]|(?<![\d-])\b\d{5}(?:-\d{4})?(?:\b|(?=[A-Z]))|\b(?:Suite|Ste\.|P\.?O\.? Box)\b"
    r"|^(?:Address|Country|City|State|Location|Headquarters)\s?:"
)
_CAMEL_TLD = re.compile(r"(?<=[a-z])[A-Z]")
_REPEATED_DOMAIN = re.compile(
    r"^([\w-]+)\.(com|org|net|io|ai|co|ltd|us|uk|de|fr|es|ca|au)(?:\1|www)"
)
# Shared mailboxes that a run-together block glues to the name before them.
_MAILBOXES = (
    "media",
    "press",
    "info",
    "pr",
    "ir",
    "investors",
    "investor",
    "contact",
    "hello",
    "news",
    "sales",
    "support",
    "team",
    "office",
    "marketing",
    "communications",
    "comms",
    "admin",
)


# A name glued to the firm after it: "Liad GelferMobilicom Ltd".
# Only before what ends a firm's name: "Homewatch CareGivers of Houston" is one name.
_NAME_GLUED = re.compile(
    r"\b([A-Z][a-z]+[ ](?:[A-Z]\.[ ])?)([A-Z][a-z'’]{2,})"
    rf"(?=[A-Z][a-z][\w&.-]*(?:[ \t]+(?:{ORG_SUFFIX})|[ \t]*$|[a-z0-9._-]*@))",
    re.MULTILINE,
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# A date, not a number: "2024-12-17", and a day, month and year between dots or slashes, as a
# link's label gives one in brackets ("Video of the debate (17.10.2022)", the European
# Parliament's; "(21.01.2025" was read as a press officer's phone).
_DATE_NOT_PHONE = re.compile(
    r"(?:19|20)\d\d-\d\d-\d\d"
    r"|(?:0?[1-9]|[12]\d|3[01])([./])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d"
)
_SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "O'")
# "Irmi Aigner" shares the numbers of "Sven Pauly" in "Irmi Aigner / Sven Pauly T: ... E: ...".
# A city and its region in an address line: "St. Louis, Missouri", "Wilson Valley, Texas".
_CITY_REGION = re.compile(
    r"(?<![\w.])[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,2},[ \t]*"
    r"([A-Z][\w.'’]*(?:[ ][A-Z][\w.'’]*){0,2})(?=[ \t]*(?:$|[,(]|\d|Email|E-mail|Phone|Tel))",
    re.MULTILINE,
)
# EIN Presswire's buttons, left in a copied contact block.
_BUTTONS = re.compile(
    r"(?i:email us here|visit (?:our|us on) (?:website|blog|social media)[ \t]*:?)"
)
# Sub-headings inside a block: "Investors:", "Media:". They name no one.
_SECTION_LABEL = re.compile(
    r"(?i:investors?|media|press|analysts?|journalists|investor relations|media relations|"
    r"public relations|"
    # A second contact's heading inside the block, in the release's language: German
    # capitalises its nouns, so "Weitere Informationen" read as a person's name.
    r"(?:further|more|additional)[ \t]+information|(?:weitere|mehr)[ \t]+informationen|"
    r"plus[ \t]+d['’][ \t]?informations?|m[áa]s[ \t]+informaci[óo]n)[ \t]*:"
)
# Words in a capitalised pair that make it a business, not a person ("Ascendant Medical").
_NOT_PERSON = word_set(
    """medical dental digital realty consulting studio studios design homes law legal clinic spa
    salon roofing plumbing painting construction properties tech furniture magazine"""
)
# A country, region or office heading a contact on its line: "Argentina: Lucía Pérez",
# "North America: ...", "Hong Kong office: ...". The name after it is checked by the caller.
_OFFICE_LABEL = re.compile(r"[A-ZÀ-Þ][\w&.'’-]*(?:[ ][A-Za-zÀ-ÿ][\w&.'’-]*){0,3}[ \t]?:[ \t]*")
# A list item: "* Contact Us", "- Contact", "• Contacts" (not "**Media contact**", bold).
_NAV_ITEM = re.compile(r"[ \t]*(?:[*•-]|\d{1,2}\.)[ \t]+(?![*_])")
# "<Firm> Contact:" and "<Firm> Contact Information:" open a block too.
_FIRM_HEADER = re.compile(
    r"^[ \t*_]*(?P<org>[A-Z][\w&.,'’ -]{1,50}?)[ \t]+(?:Media[ \t]+|Press[ \t]+|Investor[ \t]+)?"
    r"Contacts?(?:[ \t]+(?:Information|Info|Details))?[ \t]*:(?P<after>[^\n]{0,4000})"
)


# What is left of a heading once a name glued to it is split off ("Details" of
# "DetailsYeweon Park"): no organisation, role or name.
_HEADING_WORDS = frozenset({"details", "contacts", "contact", "kontakt", "contacto", "information"})


# "Mozilla Press Center", "**Tor Press Team**", "PHE press office": a press desk named alone on
# its line opens a block when the next line is a contact's (a menu's "Press Center" is not).
_DESK_HEADER = re.compile(
    r"[ \t*_#]*(?:[A-Z][\w&.'’-]*(?:[ \t][A-Z][\w&.'’-]*){0,3}[ \t]+)?"
    r"(?i:press|media|news)[ \t]+(?i:center|centre|team|office|desk|room)[ \t*_]*:?[ \t]*"
)
# An address spelled out against harvesters: "press at torproject dot org",
# "jane.roe [at] acme [dot] org", "info(at)acme.de". Lower case only in the spelled-out
# form, so that "Jane Roe at Acme dot Com" stays prose.
_SPELLED_EMAIL = re.compile(
    r"(?<![\w.@-])(?P<local>[A-Za-z0-9][\w.+-]{0,40}?)"
    r"(?:[ \t]*[\[({][ \t]*(?i:at)[ \t]*[\])}][ \t]*|[ \t]+at[ \t]+)"
    r"(?P<domain>[A-Za-z0-9][\w-]{0,40}(?:(?:[ \t]*[\[({][ \t]*(?i:dot)[ \t]*[\])}][ \t]*"
    r"|[ \t]+dot[ \t]+|\.)[A-Za-z0-9][\w-]{0,20})+)(?![\w@])"
)
# Cheap test before the pattern, tried on every short line: "Press", "MEDIA", "news".
_DESK_WORDS = ("ress", "RESS", "edia", "EDIA", "ews", "EWS")
_SPELLED_DOT = re.compile(r"[ \t]*[\[({][ \t]*(?i:dot)[ \t]*[\])}][ \t]*|[ \t]+dot[ \t]+")


def _spelled_emails(block: str) -> tuple[str, set[str]]:
    """*block* with addresses spelled out against harvesters written as addresses, and those
    addresses (which the release does not write literally)."""
    if " at " not in block and "at]" not in block and "at)" not in block and "at}" not in block:
        return block, set()
    found: set[str] = set()

    def spell(m: re.Match[str]) -> str:
        whole = m.group(0)
        plain = " at " in whole and "[" not in whole and "(" not in whole and "{" not in whole
        if plain and (" dot " not in whole or whole != whole.lower()):
            return whole  # "Jane Roe at 202-..." or prose: only the all-spelled form
        email = m.group("local") + "@" + _SPELLED_DOT.sub(".", m.group("domain"))
        if EMAIL_RE.fullmatch(email) is None:
            return whole
        found.add(email)
        return email

    return _SPELLED_EMAIL.sub(spell, block), found


def _unglue_name(m: re.Match[str]) -> str:
    first = m.group(1).split()[0]
    if m.group(2).startswith(_SURNAME_PREFIXES) or fold(first) in NOT_NAME_WORDS:
        return m.group(0)
    if one_firm_word(m.group(2), m.string, m.end()):
        return m.group(0)  # "Helix BioPharma Corp.": one firm, not "Helix Bio" and a firm
    return m.group(1) + m.group(2) + "\n"


def _drop_regions(block: str) -> str:
    """*block* without "City, Region" pairs; a failed match is tried again one word on
    ("Evans Ranch, Wilson Valley, Texas")."""
    pos = 0
    while (m := _CITY_REGION.search(block, pos)) is not None:
        if all(fold(w) in REGION_WORDS for w in m.group(1).split()):
            block = block[: m.start()] + "\n" + block[m.end() :]
            pos = m.start() + 1
        else:
            pos = m.start() + max(1, block.find(" ", m.start(), m.end()) - m.start() + 1)
    return block


# Where an office of a list of contacts sits, besides states and countries: "In Europe:",
# "In the US:" (mozilla.org's press contacts, one list per office).
_CONTINENTS = frozenset("europe asia africa americas america emea apac latam".split())  # noqa: SIM905
_IN_REGION = re.compile(r"(?i:in[ ]+(?:the[ ]+)?)")


def _is_region(piece: str) -> bool:
    words = (
        _IN_REGION.sub("", piece, count=1).split() if piece[:3].lower() == "in " else piece.split()
    )
    return 0 < len(words) <= 3 and all(
        fold(w) in REGION_WORDS or fold(w) in _CONTINENTS for w in words
    )


def _fix_email(block: str, start: int, end: int) -> tuple[int, int]:
    """Undo the gluing of run-together blocks around an email found at block[start:end]."""
    email = block[start:end]
    at = email.index("@")
    for camel in _CAMEL_TLD.finditer(email, email.find(".", at) + 1):
        # "ir@haier.hkContacts", "Heather@keycrew.coKeyCrew.co": a word glued after a label
        # in lower case; not "x@sub.MyCompany.com", a name in camel case.
        label = email[email.rfind(".", 0, camel.start()) + 1 : camel.start()]
        if label.isalpha() and label.islower():
            end = start + camel.start()
            break
    twice = _REPEATED_DOMAIN.match(email[at + 1 :])
    if twice:  # "press@drinkit.comdrinkit.com": the address, then the website
        end = start + at + 1 + twice.end(2)
    local = email[:at]
    glued = _PHONE_IN_LOCAL.match(local) or _LEADING_DIGITS.match(local)
    if glued:  # "D.O.813-693-1377jbalencic@", "7169connect@": a phone number before it
        return start + glued.end(), end
    role = _ROLE_IN_LOCAL.match(local) or _SUFFIX_IN_LOCAL.match(local)
    if role:  # "Chief Executive Officerir@", "Mobilicom Ltdliad.gelfer@": a role or firm before it
        return start + role.end(), end
    if local[:1].isupper() and start > 0 and block[start - 1] in " :\n":
        # "Cynthia Salarizadehcynthia@...", "Jessica Starmanmedia@": a name glued to the address.
        before = _LATIN_WORD.findall(block[max(0, start - 40) : start])
        first = before[-1].lower() if before and before[-1][:1].isupper() else ""
        for i in range(2, len(local) - 1):
            head, tail = local[:i], local[i:].lower()
            if not _GLUED_SURNAME.fullmatch(head):
                if head[-1:] in "-" or (head[-2:-1] == "-" and head[-1].isupper()):
                    continue  # "Marr-Johnson": the surname goes on after its hyphen
                break
            initials = "".join(part[0] for part in head.split("-")).lower()
            if tail in _MAILBOXES or (
                first
                and (
                    tail.startswith(first)
                    or tail.startswith(first[0] + head.lower())
                    or tail == first[0] + initials
                )
            ):
                return start + i, end
    return start, end


# Where a number rings, in capitals after it: "(+32) 2 28 32547 (BXL)", "(STR)", as the
# European Parliament labels its press officers' Brussels and Strasbourg lines. A label of
# the number, not an organisation: read as one, it split a person from their mobile number.
_PLACE_CODE = re.compile(r"(\x00[PQ]\d+\n)[ \t]*\([A-Z]{2,4}\)[ \t]*(?=\n|$)")


# More words than a number's label has ("Mobile number", "Phone number: ... (BXL)"): the
# number is written in a sentence.
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")
_LABEL_WORDS = 6
_DIGIT = re.compile(r"\d")
_NUMBER_LABEL = re.compile(
    r"[ \t(|,;/–-]*(?:(?i:mobile|cell(?:ular)?|phone|tel(?:ephone|éphone|efon)?|direct|office|"
    r"handy|mobil|mob|gsm|portable|[tmp]|ph)\.?(?:[ \t]*(?i:number|no|nr)\.?)?[ \t]*[:#]?[ \t]*)?"
)
# Digits inside a web address: in a word with "://", a domain's slash, a query's "?" or "="
# (not "Jen Burita/202-296-4190", nor "#650-937-4046").
# A number that ends in a postcode before a town's name: a street's address.
_POSTCODE = re.compile(r"^\d{1,4}[ \t]+\d{4,5}$")
_CITY_AFTER = re.compile(r"[ \t]+[A-ZÀ-Þ][a-zß-ÿ]{2,}(?![\w@.])")
_LINK_DIGITS = re.compile(r"[\d/]+")
_IN_ADDRESS = re.compile(r"://|www\.|\.[a-z]{2,}/|[?=&]")


def _isolate(block: str) -> tuple[str, list[str], list[str]]:
    """Mark emails and phones in *block* with placeholders so that glued text splits apart."""
    block = _GLUE_BREAK.sub("\n\\g<0>", block)
    if "@" in block:
        block = _NUMBER_INTO_EMAIL.sub("\\1\n", block)
        block = _NAME_GLUED.sub(_unglue_name, block)
    emails: list[str] = []
    phones: list[str] = []
    out: list[str] = []
    pos = 0
    for m in EMAIL_RE.finditer(block):
        start, end = _fix_email(block, m.start(), m.end())
        if start < pos:
            continue
        out.append(block[pos:start])
        out.append(f"\n\x00E{len(emails)}\n")
        emails.append(block[start:end])
        pos = end
    out.append(block[pos:])
    block = "".join(out)

    def phone(m: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in m.group(0))
        if not 7 <= digits <= 15 or _DATE_NOT_PHONE.fullmatch(m.group(0).strip("() \t")):
            return m.group(0)
        start = m.string.rfind("\n", 0, m.start()) + 1
        word_start = max(m.string.rfind(" ", 0, m.start()), start - 1) + 1
        if _LINK_DIGITS.fullmatch(m.group(0)) and _IN_ADDRESS.search(
            m.string, word_start, m.start()
        ):
            # "facebook.com/profile.php?id=61552312260533": a link's digits, where a number
            # glued to a link is written with its separators ("www.example.com(646) 245-2465").
            return m.group(0)
        if _POSTCODE.search(m.group(0)) and _CITY_AFTER.match(m.string, m.end()):
            return m.group(0)  # "Alt-Moabit 140 10557 Berlin": a house number and a postcode
        phones.append(" ".join(m.group(0).split()))
        end = m.string.find("\n", m.end())
        line = m.string[start : len(m.string) if end < 0 else end]
        label = _DIGIT.split(m.string[start : m.start()])[-1]
        # A number on its own or after a phone's label ("Mobile number:") may be a person's
        # further number ("P"); one in a sentence ("... joindre le standard de la mairie au
        # 04 65 71 12 30, du lundi au vendredi"), after a fax's label or an address's words
        # ("Friedrichstraße 22 65185 Wiesbaden") is not ("Q").
        further = len(_PROSE_WORD.findall(line)) <= _LABEL_WORDS and _NUMBER_LABEL.fullmatch(label)
        return f"\n\x00{'P' if further else 'Q'}{len(phones) - 1}\n"

    block = _PHONE_RE.sub(phone, block)
    if "(" in block:
        block = _PLACE_CODE.sub("\\1", block)
    return block, emails, phones


def is_department(piece: str) -> bool:
    """ "Corporate Communications": a department that completes the role before it."""
    words = [w.lower().strip(".,&") for w in piece.split()]
    return (
        0 < len(words) <= 4
        and all(w in DEPARTMENTS or w in ("and", "&", "") for w in words)
        and any(w in DEPARTMENTS for w in words)
    )


def _balanced(piece: str) -> str:
    """*piece* without a stray opening or closing parenthesis at its ends."""
    if piece.count("(") != piece.count(")"):
        piece = piece.strip("()").strip()
    elif piece.startswith("(") and piece.endswith(")") and piece.count("(") == 1:
        piece = piece[1:-1].strip()
    return piece


def _title_case(piece: str) -> bool:
    """Every longer word capitalised: a name of something, not a sentence."""
    if piece.startswith(("For ", "Email ", "Visit ", "Call ", "Follow ", "Click ")):
        return False
    words = [w.strip("()&,.") for w in piece.split()]
    return piece[:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words)


def _is_name(piece: str) -> bool:
    tokens = piece.split()
    if not 2 <= len(tokens) <= 4 or len(piece) > 50:
        return False
    if not _name_token(tokens[0]) or not (_name_token(tokens[-1]) or _capitals_surname(tokens[-1])):
        return False
    if any(fold(t.strip(".")) in NOT_NAME_WORDS or fold(t) in _NOT_PERSON for t in tokens):
        return False
    if len(set(tokens)) < len(tokens) or any(
        t.isupper() and fold(t) in REGION_WORDS for t in tokens
    ):
        return False  # "Lithgow Lithgow", "Proactive USA"
    return all(_name_token(t) or _INITIAL.match(t) or _capitals_surname(t) for t in tokens)


def _name_token(token: str) -> bool:
    """ "Snježana", "Jean-Luc": a capital, then small letters."""
    return (
        _NAME_TOKEN.match(token) is not None
        and token[0].isupper()
        and any(ch.islower() for ch in token)
    )


def _capitals_surname(token: str) -> bool:
    """ "KOBEŠĆAK", "O’NEILL": a surname in capitals."""
    return _CAPITALS_SURNAME.match(token) is not None and token.isupper()


def _is_role(piece: str) -> bool:
    if _TEAM_ROLE.match(piece):
        return True
    words = [w.lower().strip(".,&()") for w in piece.split()]
    return 0 < len(words) <= 10 and (
        any(w in _CONTACT_ROLE_WORDS for w in words)
        or (len(words) == 1 and _GERMAN_ROLE_END.search(words[0]) is not None)
    )


def _is_org(piece: str, known: dict[str, str]) -> bool:
    words = piece.split()
    if not words or len(words) > 10 or not piece[0].isupper():
        return False
    if fold(piece) in known:
        return True
    return any(w.lower().strip(".,()") in ORG_WORDS for w in words) or bool(
        _ORG_SUFFIX_RE.search(piece)
    )


def _is_known(piece: str, known: dict[str, str]) -> bool:
    return fold(piece) in known


def _known_in(piece: str, known: dict[str, str]) -> str | None:
    """A known organisation or acronym named in *piece* ("UNOCT Public Information Officer")."""
    folded = fold(piece)
    for key, shown in known.items():
        if _has_word(folded, key):
            return shown
    return None


def _has_word(text: str, word: str) -> bool:
    """Does *word* occur in *text* between non-word characters (regex ``(?<!\\w)word(?!\\w)``)?

    str.find instead of a pattern per word: the names of every release's organisations made
    new patterns to compile, and they flushed the regex module's cache of the others.
    """
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not is_word_char(text[at - 1])) and (
            end == len(text) or not is_word_char(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _addressed_to(name: str | None, email: str) -> bool:
    """Whether *email*'s local part is made from *name*: a word of it ("gillianf@" for
    Gillian Fetters), the initial and surname ("jdoe@"), or the initials ("ia@" for Irmi
    Aigner)."""
    if not name:
        return False
    words = [w for w in (fold(t).strip(".'’-") for t in name.split()) if w]
    if not words:
        return False
    local = "".join(ch for ch in fold(email.partition("@")[0]) if ch.isalpha())
    if any(len(w) >= 3 and w in local for w in words):
        return True
    initials = "".join(w[0] for w in words)
    return local == initials or local.startswith(words[0][0] + words[-1])


def _spells_domain(name: str, email: str) -> bool:
    """Whether *name*'s letters are *email*'s domain ("Proactive Investors",
    "jonathan@proactiveinvestors.com")."""
    label = email.partition("@")[2].split(".")[0]
    return len(label) >= 4 and label == "".join(ch for ch in fold(name) if ch.isalnum())


def _swap_firm_and_person(fields: dict[str, str]) -> None:
    """A firm on the first line and its person on the next ("Proactive Investors" /
    "Jonathan Jackson" / phone / "jonathan@proactiveinvestors.com") were read as a person and
    the person's firm: the address, made from the person's name at the firm's domain, says
    which is which."""
    name, org, email = fields["name"], fields["organisation"], fields["email"]
    if (
        _is_name(org)
        and _addressed_to(org, email)
        and not _addressed_to(name, email)
        and _spells_domain(name, email)
    ):
        fields["name"], fields["organisation"] = org, name


class _Assembler:
    """Turns the classified pieces of a block into one contact per person or email."""

    def __init__(self, text: str, known: dict[str, str]) -> None:
        self.text = text
        self.known = known
        self.contacts: list[Contact] = []
        self.fields: dict[str, str] = {}
        self.waiting: list[str] = []  # names that share the next person's numbers
        # "Barry E. Piatt and Brenden Timpe, 202/224-2551": the second of two names joined by
        # "and"; the number is written once, for the first.
        self.followers: list[str] = []
        # A person's further numbers (a mobile after the office line): each its own contact,
        # nameless, after the person's, as an address after the first is.
        self.more_phones: list[str] = []

    def flush(self, final: bool = False) -> None:
        f = self.fields
        if f.get("name") and f.get("organisation") and f.get("email"):
            _swap_firm_and_person(f)
        if f.get("name") and f.get("organisation") and fold(f["name"]) == fold(f["organisation"]):
            del f["name"]  # "Ascendant Medical" twice: the firm, named again before its phone
        if final and self.contacts and set(f) == {"organisation"}:
            last = self.contacts[-1]
            if last.organisation is None:  # "Jane Doe / jane@acme / Acme Ltd"
                self.contacts[-1] = Contact(
                    last.name, last.role, f["organisation"], last.email, last.phone
                )
        if f.get("name") and not self.has_reach():
            if final and self.contacts:
                self.fields = {}  # "Plaza Nueva" after the contacts: an address, not a person
                return
            if not final and not f.get("role") and f.get("organisation") and _is_name(f["name"]):
                # "Irmi Aigner / Sven Pauly T: ... E: ...": two people, one set of numbers.
                self.waiting.append(f["name"])
                self.fields = {"organisation": f["organisation"]}
                return
            if not final and not f.get("role"):
                # "Golden Path Digital" then "Ty Woods +1 ...": a bare first line names the firm.
                self.fields = {"organisation": f.get("organisation") or f["name"]}
                return
        if f.get("name") or f.get("email") or f.get("phone"):
            org = f.get("organisation")
            role = f.get("role")
            split = _ROLE_AT_ORG.match(role) if org is None and role else None
            if split and _is_org(split.group(2), self.known) and _title_case(split.group(2)):
                role, org = split.group(1), split.group(2)
                f["role"] = role
            if org is None:
                for source in (f.get("role"), f.get("name")):
                    if source and (org := _known_in(source, self.known)):
                        break
            shared_email = f.get("email")
            if (
                shared_email
                and self.waiting
                and _addressed_to(f.get("name"), shared_email)
                and not any(_addressed_to(n, shared_email) for n in self.waiting)
            ):
                # "Luxy Hair / Gillian Fetters / gillianf@...": the address is hers alone; the
                # line before her (a firm, or a colleague) keeps only a phone they share.
                shared_email = None
                if not f.get("phone"):
                    self.waiting = []
            for name in self.waiting:
                self.contacts.append(Contact(name, None, org, shared_email, f.get("phone")))
            self.waiting = []
            self.contacts.append(
                Contact(
                    name=f.get("name"),
                    role=f.get("role"),
                    organisation=org,
                    email=f.get("email"),
                    phone=f.get("phone"),
                )
            )
            for name in self.followers:
                self.contacts.append(Contact(name, None, org, None, None))
            for phone in self.more_phones:
                self.contacts.append(Contact(None, None, org, None, phone))
        self.followers = []
        self.more_phones = []
        self.fields = {}

    def has_reach(self) -> bool:
        return bool(self.fields.get("email") or self.fields.get("phone"))

    def put(self, kind: str, value: str, further: bool = True) -> None:
        """Adds a field; a second number is kept as a further one only if *further*."""
        f = self.fields
        if (
            (kind == "name" and (f.get("name") or self.has_reach()))
            or (kind == "email" and f.get("email"))
            or (kind in ("role", "organisation") and f.get(kind) and self.has_reach())
            or (kind == "organisation" and f.get("name") and self.has_reach())
        ):
            self.flush()
        elif kind == "phone" and f.get("phone"):
            # A second number (a mobile) for the same person: kept, once.
            known = {digits_of(p) for p in (f["phone"], *self.more_phones)}
            if further and digits_of(value) not in known:
                self.more_phones.append(value)
            return
        if kind not in self.fields:
            self.fields[kind] = value


def _role_then_organisation(line: str) -> str:
    """ "Attachée de presse, ministère de la Santé de l'Ontario": a role line names the
    organisation after its comma, whatever its case and commas ("Gavi, the Vaccine Alliance").
    The organisation is marked so that the piece splitter leaves it whole."""
    if "\x00" in line or ", " not in line or len(line) > 160:
        return line
    head, rest = line.split(", ", 1)
    head, rest = head.strip(" \t*_•:"), rest.strip(" \t.")
    if (
        not rest
        or len(rest) > 80
        or not _is_role(head)
        or _is_role(rest)
        or is_department(rest)
        or _is_name(rest)
        or _URL_LIKE.search(rest)
        or ((h := HEADER_RE.match(head)) is not None and not h.group("after").strip())
    ):
        return line
    return head + "\n\x01" + rest.replace(",", "\x02")


def _parse_block(block: str, text: str, known: dict[str, str]) -> list[Contact]:
    block = "\n".join(
        line
        for line in block.split("\n")
        if "@" in line or not _ADDRESS.search(line) or not _ADDRESS.search(_PHONE_RE.sub("", line))
    )
    buttons = _BUTTONS.search(block) is not None
    if buttons:
        block = _BUTTONS.sub("\n", block)
    if "," in block:
        block = _drop_regions(block)
    block, spelled = _spelled_emails(block)
    marked, emails, phones = _isolate(block)
    marked = "\n".join(_role_then_organisation(line) for line in marked.split("\n"))
    assembler = _Assembler(text, known)
    pending_org: str | None = None
    last_kind = ""
    pieces = _PIECE_SPLIT.split(marked)
    for at, raw in enumerate(pieces):
        piece = _balanced(raw.strip(" \t*_•:[]+"))
        if not piece:
            continue
        if _desk_label(raw, piece, pieces[at + 1 : at + 4]):
            # "Direction générale des Entreprises : 01 44 97 04 49 – presse.dge@...": a desk
            # names the line of numbers after it; the line before was another desk's.
            if assembler.has_reach():
                assembler.flush()
            assembler.put("organisation", clean_line(piece))
            last_kind = "organisation"
            continue
        if _SECTION_LABEL.fullmatch(raw.strip(" \t*_•")):
            if assembler.has_reach():
                assembler.flush()
            continue
        if _is_region(piece):
            continue
        if _DESK_LINE_LABEL.fullmatch(piece):
            # "Main switchboard" / "Out of hours": each of a press desk's lines is a number of
            # its own, not a second number of one person's.
            if assembler.has_reach() and not assembler.fields.get("name"):
                assembler.flush()
            continue
        if piece.startswith("\x00"):
            kind, index = piece[1], int(piece[2:])
            if kind == "E":
                email = emails[index]
                if email in text or email in spelled:
                    assembler.put("email", email)
            else:
                assembler.put("phone", phones[index], further=kind == "P")
            last_kind = "reach"
            continue
        if piece.startswith("\x01"):
            assembler.put("organisation", clean_line(piece[1:].replace("\x02", ",")))
            last_kind = "organisation"
            continue
        while (label := _LABEL.match(piece)) is not None and label.end() < len(piece):
            piece = piece[label.end() :]
        if ":" in piece and (office := _OFFICE_LABEL.match(piece)) is not None:
            rest = piece[office.end() :]
            if (
                _is_name(rest)
                and not _is_region(rest)
                and not _LABEL.match(piece)
                and not HEADER_RE.match(piece)
            ):
                # "Argentina: Lucía Pérez, ...": one contact per country or office.
                if assembler.has_reach():
                    assembler.flush()
                piece = rest
        heading = HEADER_RE.match(piece)
        if heading and heading.group("after").startswith(":"):
            if assembler.has_reach():
                assembler.flush()
            piece = heading.group("after")[1:].strip()
            if not piece:
                continue
        if (
            _LABEL.fullmatch(piece + ":")
            or _URL_LIKE.search(piece)
            or _CREDENTIAL.fullmatch(piece)
            or piece.lower() in _HEADING_WORDS
        ):
            continue
        piece = _HONORIFIC_START.sub("", piece)
        if is_boilerplate(piece):
            break
        piece = _SENTENCE_GLUE.sub("", piece).strip(" \t:-–—")
        piece = _SENTENCE_GLUE.sub("", piece).strip(" \t:-–—")
        if not piece or len(piece) > 120:
            continue
        heading = None if _TEAM_ROLE.match(piece) else HEADER_RE.match(piece)
        if heading and not heading.group("after").strip(" :"):
            if assembler.has_reach():
                assembler.flush()
            continue
        if (
            " and " in piece
            and (pair := _name_pair(piece)) is not None
            and next((p for p in pieces[at + 1 :] if p.strip()), "").strip().startswith("\x00")
        ):
            assembler.put("name", pair[0])
            assembler.followers.append(pair[1])
            last_kind = "name"
            continue
        if _ORG_SUFFIX_RE.fullmatch(piece) and assembler.fields.get("organisation"):
            assembler.fields["organisation"] += ", " + piece
            continue
        if (
            _ORG_SUFFIX_RE.fullmatch(piece)
            and last_kind == "name"
            and set(assembler.fields) == {"name"}
        ):
            # "Horn Wright, LLP": the "name" before a legal form was a firm's.
            org = assembler.fields.pop("name") + ", " + piece
            if not assembler.contacts:
                pending_org = org
            assembler.fields["organisation"] = org
            last_kind = "organisation"
            continue
        if len(piece.split()) > 1 and _ORG_SUFFIX_RE.search(piece) and not _is_name(piece):
            org = clean_line(piece)  # "CROSS ALLIANCE communication GmbH", not a role
            if not assembler.fields and not assembler.contacts:
                pending_org = org
            assembler.put("organisation", org)
            last_kind = "organisation"
        elif _is_role(piece) and not _is_known(piece, known):
            assembler.put("role", clean_line(piece))
            last_kind = "role"
        elif (
            set(assembler.fields) == {"name"}
            and _is_name(piece)
            and firm_before_person(assembler.fields["name"], piece, block)
        ):
            # "Valencia Theater Seating" / "Dave Henderson" / "dave@valenciatheaterseating...":
            # the firm the address spells, then its person.
            assembler.fields = {"organisation": assembler.fields["name"], "name": clean_line(piece)}
            last_kind = "name"
        elif (
            set(assembler.fields) == {"name"}
            and _is_name(piece)
            and is_colleague(assembler.fields["name"], piece, block)
        ):
            # "John Marzulli" / "Danielle Blustein Hass" / office / number: two press officers
            # who share the number, not a person and a firm.
            assembler.waiting.append(assembler.fields.pop("name"))
            assembler.put("name", clean_line(piece))
            last_kind = "name"
        elif (
            _is_name(piece)
            and assembler.fields.get("name")
            and not assembler.has_reach()
            and "organisation" not in assembler.fields
        ):
            # "Derek Simmons / Director / Harborline Cruises": the second "name" is the firm.
            if "organisation" not in assembler.fields:
                assembler.fields["organisation"] = clean_line(piece)
            last_kind = "organisation"
        elif not assembler.fields.get("name") and (split := _name_then_firm(piece, buttons)):
            # "Mike Will RapidFire Safety & Security": a person, then the firm, on one line.
            assembler.put("name", clean_line(split[0]))
            assembler.fields.setdefault("organisation", clean_line(split[1]))
            last_kind = "organisation"
        elif _is_name(piece):
            assembler.put("name", clean_line(piece))
            if pending_org and "organisation" not in assembler.fields:
                assembler.fields["organisation"] = pending_org
            last_kind = "name"
        elif last_kind == "role" and is_department(piece) and "role" in assembler.fields:
            assembler.fields["role"] += ", " + clean_line(piece)  # "Vice President, Corporate ..."
            continue
        elif (
            last_kind == "organisation"
            and "organisation" in assembler.fields
            and _title_case(piece)
        ):
            # "Senatsverwaltung für Bildung, Jugend und Familie"; not the firm named twice
            if not assembler.has_reach() and fold(piece) != fold(assembler.fields["organisation"]):
                assembler.fields["organisation"] += ", " + clean_line(piece)
            continue
        elif _is_org(piece, known) or (
            _title_case(piece) and len(piece.split()) <= (10 if pending_org is None else 6)
        ):
            org = clean_line(piece)
            if not assembler.fields and not assembler.contacts:
                pending_org = org
            assembler.put("organisation", org)
            last_kind = "organisation"
    assembler.flush(final=True)
    return assembler.contacts


# Words of a field's label, not of a desk's name: "Manager Phone:", "Contact Name:".
_FIELD_WORDS = re.compile(
    r"(?i:\b(?:e-?mail|mail|phone|tel|telephone|mobile|cell|fax|name|contact|number|address|"
    r"website|web|ceo|manager|director|officer)\b)"
)


def _desk_label(raw: str, piece: str, following: list[str]) -> bool:
    """Whether *raw* is a desk's or an office's name before the colon that its number or
    address follows on its line ("Bpifrance : 06 72 76 08 09 – juliette.fontanillas@..."):
    not a field's label ("Tél :"), a heading, a person's or a region's name."""
    if not raw.rstrip().endswith(":") or not following or not following[0].startswith("\x00"):
        return False
    kinds = {p.strip()[1:2] for p in following if p.strip().startswith("\x00")}
    if "E" not in kinds or not kinds & {"P", "Q"}:
        return False  # a desk's line gives its number and its address ("CEO Email:" is a label)
    return (
        0 < len(piece.split()) <= 10
        and not any(ch.isdigit() or ch in ":@/" for ch in piece)  # "Org: Name:" is a person's
        and not _FIELD_WORDS.search(piece)
        and piece[:1].isupper()
        and not _LABEL.fullmatch(piece + ":")
        and HEADER_RE.match(piece) is None
        and not _SECTION_LABEL.fullmatch(piece + ":")
        and not _is_name(piece)
        and not _is_region(piece)
    )


def contact_heading(line: str) -> str | None:
    """What follows a contact block's heading on *line* ("Contact: Jane Roe, 202-555-0100",
    "Media contacts"), ``None`` if *line* opens no contact block."""
    m = HEADER_RE.match(line)
    if m is None or m.group("header").lower().startswith(("for ", "pour ", "para ")):
        return None
    if not _accepts(m.group("after"), m.group("header")) or _NAV_ITEM.match(line):
        return None
    return m.group("after")


def contact_line(line: str) -> str | None:
    """What a line of a contact block under its heading holds: "reach" (a phone, an email, a
    labelled field), "name" or "role"; ``None`` for any other line."""
    s = line.strip(" \t*_•")
    if not s or len(s) > 100:
        return None
    if "@" in s or _LABEL.match(s):
        return "reach"
    phone = _PHONE_RE.search(s)
    if phone is not None and 7 <= sum(ch.isdigit() for ch in phone.group(0)) <= 15:
        rest = (s[: phone.start()] + s[phone.end() :]).strip(" \t,;:/-")
        if not rest or _is_name(rest) or _is_role(rest) or len(rest) <= 30:
            return "reach"
        return None
    if _is_name(s):
        return "name"
    return "role" if len(s) <= 60 and _is_role(s) else None


def _name_pair(piece: str) -> tuple[str, str] | None:
    """ "Barry E. Piatt and Brenden Timpe": two people's names joined by "and"."""
    first, _, second = piece.partition(" and ")
    first, second = clean_line(first), clean_line(second)
    if _is_name(first) and _is_name(second):
        return first, second
    return None


def _name_then_firm(piece: str, buttons: bool) -> tuple[str, str] | None:
    """ "Mike Will RapidFire Safety & Security" (EIN Presswire), "Denise Nelson BuzzPR": a
    person, then the firm. Only in EIN's block or before a firm written in camel case: "Kessler
    Topaz Meltzer & Check, LLP" is one firm."""
    tokens = piece.split()
    if len(tokens) < 3 or len(tokens) > 12 or not _is_name(" ".join(tokens[:2])):
        return None
    rest = " ".join(tokens[2:])
    if not rest[:1].isupper() or _is_name(rest) or _is_role(rest) or _ORG_SUFFIX_RE.match(rest):
        return None  # "Bergwerk Solar GmbH" is one firm
    if any(_INNER_CAPITAL.search(t) for t in tokens[2:]) or (
        buttons and (_is_org(rest, {}) or "&" in rest)
    ):
        return " ".join(tokens[:2]), rest
    return None


def _block_lines(lines: list[str], start: int, after: str, desk: bool = False) -> tuple[str, int]:
    """The header's own line remainder plus the lines that follow it, up to a stop; and the
    index of the line after the block. Under a press desk's name (*desk*), its switchboard
    and out-of-hours lines are its own numbers ("PHE press office" / "Main switchboard 020
    7654 8000" / "Out of hours ...", as GOV.UK's releases end), not a public line."""
    parts = [after]
    taken = 0
    size = len(after)
    end = start + 1
    for end, line in enumerate(lines[start + 1 :], start + 1):  # noqa: B007
        stripped = line.strip()
        if not stripped:
            continue
        if taken >= _MAX_BLOCK_LINES or size > _MAX_BLOCK_CHARS or len(stripped) > _MAX_LINE:
            break
        if stripped.startswith("---") or is_boilerplate(stripped):
            break
        if _GENERIC_LINE.search(stripped) and not (desk and _DESK_NUMBER.fullmatch(stripped)):
            break
        if _NEXT_SECTION.fullmatch(stripped):
            break  # "Further information" over a list of links: the contacts are over
        if page_furniture_after(stripped):
            break  # "Updated September 20, 2024" below the contact: the page's, not the block's
        heading = HEADER_RE.match(stripped)
        if heading and (
            not heading.group("after").strip() or heading.group("after").lstrip()[:1] == ":"
        ):
            break  # the next block's heading ("Contacts presse :", as French sets it)
        if "ontact" in stripped and _FIRM_HEADER.match(stripped):
            break  # "Alienware Press Contacts:": the next firm's block
        if len(stripped) > 200 and "@" not in stripped:
            break  # a paragraph: the block is over
        parts.append(stripped)
        # A line of numbers or addresses is not counted against the block's length: each of
        # the European Parliament's press officers takes a name, a role, a heading and five
        # such lines, and the third officer of three was cut off.
        if len(stripped) > 100 or contact_line(stripped) != "reach":
            taken += 1
        size += len(stripped)
    else:
        end = len(lines)
    return "\n".join(parts), end


# A heading alone on its line that opens the section after the contacts: the European
# Parliament's "Further information" over its links, "Notes to editors".
_NEXT_SECTION = re.compile(
    r"[ \t*_#]*(?i:further information|more information|related links|notes to editors|"
    r"product information|links)[ \t*_]*"
)


# "Contact for press queries and for general information: Daniel Dietrich, ...": the heading
# goes on in lower case up to its colon. Taken only when those words speak of the press.
_HEADING_TAIL = re.compile(r"[ \t]*[a-z][^.:\n@]{0,80}:")
_PRESS_IN_HEADING = re.compile(
    r"(?i:press|media|news|journalists?|reporters?|presse|prensa|medios)(?![a-z])"
)


def _heading_tail(after: str, header: str) -> str | None:
    """What follows the colon of a heading written out in lower case up to it, or ``None``."""
    m = _HEADING_TAIL.match(after)
    if m is None or not (_PRESS_IN_HEADING.search(header) or _PRESS_IN_HEADING.search(m.group(0))):
        return None
    return after[m.end() :]


def _accepts(after: str, header: str) -> bool:
    """Is "Contact ..." a heading here, rather than a sentence ("Contact us today to ...")?"""
    if header.lower().startswith(("for ", "pour ", "para ")):
        return True
    rest = after.lstrip(" \t")
    if not rest or rest[0] in ":-–—|" or after[:1].isupper() or rest[0] in "+(0123456789":
        return True
    first_word = rest.split(None, 1)[0]
    return "@" in first_word or rest[:1].isupper()


def find_contacts(
    lines: list[str], first_line: int, text: str, known: dict[str, str]
) -> tuple[tuple[Contact, ...], int | None]:
    """Contacts from the contact blocks at or after *first_line*; and where the first block is.

    *text* is the whole release (an email is kept only if it occurs there
    literally); *known* maps folded organisation names and acronyms to how
    they are shown, to fill in a contact's organisation.
    """
    contacts: list[Contact] = []
    first_block: int | None = None
    blocks = 0
    block_end = first_line
    for index in range(first_line, len(lines)):
        line = lines[index]
        if len(line) > _MAX_LINE or blocks >= _MAX_BLOCKS or index < block_end:
            continue
        m = HEADER_RE.match(line)
        if m is not None and not m.group("after").strip(" \t*_:") and _NAV_ITEM.match(line):
            continue  # "* Contact Us" in a site's menu: a link, and the menu's items no names
        desk = False
        if m is not None and _accepts(m.group("after"), m.group("header")):
            after = m.group("after")
        elif (
            m is not None
            and (tail := _heading_tail(m.group("after"), m.group("header"))) is not None
        ):
            after = tail
        elif opens_unheaded_block(lines, index):
            after = ""  # "XXX" / "Clair J. Howard" / "Public Affairs Officer" / phone / email
        elif "ontact" in line and (firm := _FIRM_HEADER.match(line)) is not None:
            after = "\x01" + firm.group("org").replace(",", "\x02") + "\n" + firm.group("after")
        elif (
            len(line) <= 80
            and any(word in line for word in _DESK_WORDS)
            and _DESK_HEADER.fullmatch(line)
            and _opens_block(lines, index)
        ):
            after, desk = "", True
        else:
            continue
        block, end = _block_lines(lines, index, after, desk)
        found = _parse_block(block, text, known)
        if (
            found
            and found[0].name is None
            and not after.strip()
            and not desk
            and (above := name_above(lines, index, _is_name))  # "JENNIFER CRANDALL" over it
        ):
            c = found[0]
            found[0] = Contact(clean_line(above), c.role, c.organisation, c.email, c.phone)
        if desk and not found:
            continue  # a desk's name over no contact: no block, the text goes on
        if (
            found
            and (line.strip(" \t*_#:").casefold() == "contact us" or _menu_read(found))
            and not any(c.email or c.phone for c in found)
        ):
            # "Contact Us" or "Media Inquiries" in a page's menu, the menu's next items read
            # as names ("Quick Links", "Main Navigation", "Search FBI"; ice.gov's "Share on X",
            # "Child Exploitation"): no address, no number.
            continue
        blocks += 1
        block_end = end
        if first_block is None:
            first_block = index
        for contact in found:
            _merge(contacts, contact)
    if first_block is None and _has_email_button(text):
        return _buttons_block(lines, first_line, text, known)
    if first_block is None:
        found = list(_sentence_contacts(lines, first_line, text, known))
        for contact in _inline_contacts(lines, first_line, text, known):
            _merge(found, contact)
        for contact in _phone_sentence_contacts(lines, first_line):
            _merge(found, contact)
        if not found:
            found = _closing_names_and_phone(lines, first_line)
        if not found:
            found = header_contacts(lines[first_line:])
        return _phones_once(found), None
    return _phones_once(contacts), first_block


# Items of a menu read as one contact's organisation: "ICE, Share, Share on Facebook, Share on
# X, Share on LinkedIn, Related Information, ..." (a firm's name has a comma or two at most).
_MENU_ITEMS = 4


def _menu_read(found: list[Contact]) -> bool:
    """Whether a block's contacts hold a menu's items run together as an organisation."""
    return any(c.organisation and c.organisation.count(", ") >= _MENU_ITEMS for c in found)


def _opens_block(lines: list[str], index: int) -> bool:
    """Is the first line after *index* that has text a contact's (a name, a phone, an email)?"""
    for line in lines[index + 1 : index + 4]:
        if line.strip():
            return contact_line(line) is not None or _SPELLED_EMAIL.search(line) is not None
    return False


def _phones_once(contacts: list[Contact]) -> tuple[Contact, ...]:
    """The contacts, a phone shared by two named people given to the first only ("Jaclyn
    Gonzalez / (305) 251-9797 / ... / Kathryn Newby / (305) 251-9797"): one number, written
    twice, is one contact's line."""
    seen: set[str] = set()
    out = []
    for c in contacts:
        digits = "".join(ch for ch in c.phone or "" if ch.isdigit())
        if digits and c.name and digits in seen:
            c = Contact(c.name, c.role, c.organisation, c.email, None)
        elif digits and c.name:
            seen.add(digits)
        out.append(c)
    return tuple(out)


# A contact heading inside a long line, the whole release written on one line: "... the
# company said. Media contact: Jane Roe, jane@acme.example, +49 30 1234567. About Acme: ..."
_INLINE_HEADER = re.compile(
    r"(?:(?<=[.!?\]\")”][ \t])|(?<=[ \t][ \t]))"
    r"(?:(?:Media|Press|News|Medien)[ \t]+[Cc]ontacts?|[Cc]ontacts?[ \t]+(?:presse|m[ée]dias?|press|media)"
    r"|Pressekontakte?|Contactos?[ \t]+de[ \t]+prensa|Contacts?|Kontakt)[ \t]?:[ \t]*"
)
_INLINE_LINE = 1500  # a whole release on one line; shorter lines are its own lines
_INLINE_SPAN = 400  # characters of a contact after its heading
_INLINE_LIMIT = 4


def _inline_contacts(
    lines: list[str], first_line: int, text: str, known: dict[str, str]
) -> list[Contact]:
    """Contacts under a heading inside a long line, up to the sentence that follows them."""
    found: list[Contact] = []
    for line in lines[first_line:]:
        if len(line) < _INLINE_LINE or ":" not in line or "ont" not in line:
            continue
        # The heading is looked for only around its "ont" ("Contact", "Kontakt"): the
        # pattern tried at every place of a long line cost more than the rest of this module.
        heads: list[re.Match[str]] = []
        for at in occurrences(line, "ont", 40):
            m = _INLINE_HEADER.search(line, max(0, at - 16), at + 24)
            if m is not None and (not heads or m.start() >= heads[-1].end()):
                heads.append(m)
        for m in heads[:_INLINE_LIMIT]:
            span = line[m.end() : m.end() + _INLINE_SPAN]
            # The contact ends at the first full stop before a capital once a phone or an
            # email has been given: "..., +49 30 1234567. About Acme: ...".
            reach = EMAIL_RE.search(span) or _PHONE_RE.search(span)
            if reach is None:
                continue
            end = _SENTENCE_END.search(span, reach.end())
            for contact in _parse_block(span[: end.start()] if end else span, text, known):
                if contact.name or contact.email:
                    # Without its line breaks a firm runs into the name and labels beside it
                    # ("Fast Guard Service Dwight Gibson"): only the person and the numbers.
                    _merge(found, Contact(contact.name, None, None, contact.email, contact.phone))
    return found


# "Media questions may be directed to Sharon Bradford Franklin at info@pclob.gov or
# 202-331-1986.": a contact written into the release's last sentences, not in a block.
_MEDIA_SENTENCE = re.compile(
    r"\b(?i:media|press|news|reporters?|journalists?)\b[^.\n]{0,80}?"
    r"\b(?i:contact(?:ez)?|directed\s+to|addressed\s+to|sent\s+to|call|reach)[ \t]+"
    r"(?P<rest>[A-ZÀ-Þ][^\n]{0,300})"
)
_SENTENCE_SCAN = 5000  # characters at the end of the release
_PRESS_WORDS = ("media", "press", "news", "reporter", "journalist")
_REACH_VERBS = (
    "contact ",
    "contactez ",
    "directed to ",
    "addressed to ",
    "sent to ",
    "call ",
    "reach ",
)
# A statement that tells where to send questions, with an address and no one's name: "Please
# address any questions to: info@pclob.gov", "Inquiries should be directed to press@acme.org".
# A sentence for the public ("may email suggestions to the Board at ...") is no such line.
_QUESTIONS_TO = re.compile(
    r"(?i:(?:address|direct|send|forward)\s+(?:any|all|your)?\s*(?:questions|inquiries|enquiries)"
    r"|(?:questions|inquiries|enquiries)\s+(?:should|may|can)\s+be\s+(?:addressed|directed|sent))"
    r"[ \t]+(?i:to)[ \t]*:?[ \t]*(?P<email>" + EMAIL_RE.pattern + ")"
)
# The end of that sentence: a full stop before a space and a capital, or at the line's end
# (an address's dots are followed by letters).
_SENTENCE_END = re.compile(r"\.(?=[ \t]+[A-Z]|[ \t]*$)")


def _sentence_contacts(
    lines: list[str], first_line: int, text: str, known: dict[str, str]
) -> tuple[Contact, ...]:
    """Contacts named in a sentence that tells the press whom to reach, when no block does:
    each with a name and an email from the same sentence (and a phone if it gives one)."""
    # Such a sentence closes the release: only its last characters are read (a wire's
    # dateline paragraph, "... /24-7PressRelease/ -- ...", has "press" in it too), and only
    # their lines with an "@": lowering or searching every release's tail for the verbs cost
    # 4% of all extraction, for releases that mostly have no such sentence.
    tail = "\n".join(lines[first_line:])[-_SENTENCE_SCAN:]
    contacts: list[Contact] = []
    at = tail.find("@")
    while at >= 0:
        begin = tail.rfind("\n", 0, at) + 1
        stop = tail.find("\n", at)
        stop = len(tail) if stop < 0 else stop
        at = tail.find("@", stop)
        line = tail[begin:stop]
        low = line.lower()
        if "questions" in low or "inquiries" in low or "enquiries" in low:
            for q in _QUESTIONS_TO.finditer(line):
                # "Please address any questions to: info@pclob.gov": the office's address.
                _merge(contacts, Contact(None, None, None, q.group("email"), None))
        if not any(word in low for word in _PRESS_WORDS) or not any(
            verb in low for verb in _REACH_VERBS
        ):
            continue
        for m in _MEDIA_SENTENCE.finditer(line):
            rest = m.group("rest")
            end = _SENTENCE_END.search(rest)
            sentence = rest[: end.start()] if end else rest
            for contact in _parse_block(sentence, text, known):
                if contact.name and contact.email:
                    _merge(contacts, contact)
    return tuple(contacts)


# "For more information call Jane Roe at (202) 555-0100", "... today. Media contact: Jane
# Roe, +1 202 555 0100", "March 08 2007Contact Katie Laning 202 224 4843": a person and a
# phone in a sentence, no email. Matched at a cue found with str.find; every part is bounded.
_PHONE_CUES = ("ontact", "call ", "Call ")
# Possessive runs of spaces: a text of spaces after "Contact" must not be tried split by split.
_PHONE_CONTACT = re.compile(
    r"(?:[Cc]ontact(?:ez|s)?|[Cc]all)(?![a-z])(?=[ \t:])[ \t]*+:?[ \t]*+"
    r"(?P<name>[A-ZÀ-Þ][\w'’.-]{0,30}(?:[ \t]{1,2}[A-ZÀ-Þ][\w'’.-]{0,30}){1,3})"
    r"(?:[ \t]{0,3},[ \t]{0,3}(?P<role>[a-zA-Z][a-zA-Z ]{1,60}),)?"
    r"[ \t]*+,?[ \t]*+"
    r"(?:(?:at|on|(?:by[ \t]+)?(?:tele)?phone(?:[ \t]+at)?|tel\.?)[ \t]*+:?[ \t]*+)?"
)
# A lower-case "call" or "contact" in prose tells the press whom to reach only after one of
# these words, earlier on its line: "For more information, call ...", "Reporters may contact".
_PRESS_CUE = re.compile(
    r"(?i:information|inform|details|media|press|reporters?|journalists?|questions|inquiries|"
    r"enquiries|interviews?)"
)
_MAX_PHONE_CUES = 40


# The release's last line: people's names and one number, runs of spaces between, no heading
# ("Laura Capps  Melissa Wagoner  202  224 2633": a U.S. Senate page scraped as text, its
# "Contact" label lost).
_CLOSING_CONTACTS = re.compile(
    r"(?P<names>[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){1,3}(?:(?:[ ]{2,}|,[ ]*|[ ]and[ ])"
    r"[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){1,3}){0,2})[ ,]{1,4}(?P<phone>\(?\d[\d \t.()/-]{6,20}\d)"
)


# A letterhead's number on a line of its own, no one's name: "Phone   202  224 5653" between
# the date and the headline (a U.S. Senate office's page scraped as text).
_LETTERHEAD_PHONE = re.compile(
    r"[ \t]*(?i:phone|tel\.?|telephone)[ \t]*:?[ \t]*(?P<phone>\+?\(?\d[\d \t().-]{6,20}\d)[ \t]*"
)


def letterhead_phone(lines: list[str]) -> Contact | None:
    """The press office's number a letterhead gives alone on its line, when it is the only one."""
    found = [m for line in lines if (m := _LETTERHEAD_PHONE.fullmatch(line))]
    if len(found) != 1 or not 7 <= sum(ch.isdigit() for ch in found[0].group("phone")) <= 15:
        return None
    return Contact(None, None, None, None, " ".join(found[0].group("phone").split()))


# The number line of a contact in a release's header: "(Phone:  202/358-1780)".
_HEADER_PHONE = re.compile(
    r"[ \t]*\(?[ \t]*(?i:phone|tel\.?|telephone)[ \t]*:?[ \t]*"
    r"(?P<phone>\+?\(?\d[\d \t()./-]{5,20}\d)[ \t]*\)?[ \t]*"
)
_HEADER_LINES = 16  # non-blank lines at the top of the text
_HEADER_GROUP = 4  # lines of one contact: name, office, (place and date,) phone


def header_contacts(lines: list[str]) -> list[Contact]:
    """The contacts a release lists at its top with no heading, each a group of lines set
    apart by blank lines: the person's name, their office, then their number alone ("Ed
    Campion" / "Headquarters, Washington, D.C.   April 23, 1993" / "(Phone:  202/358-1780)",
    as NASA headed its releases). Only groups at the top, before any paragraph."""
    found: list[Contact] = []
    group: list[str] = []
    seen = 0
    for line in [*lines, ""]:
        stripped = line.strip()
        if stripped:
            seen += 1
            if seen > _HEADER_LINES or len(stripped) > 100:
                break
            group.append(" ".join(stripped.split()))
            continue
        if group:
            phone = _HEADER_PHONE.fullmatch(group[-1])
            if 2 <= len(group) <= _HEADER_GROUP and phone and _is_name(group[0]):
                digits = sum(ch.isdigit() for ch in phone.group("phone"))
                if 7 <= digits <= 15:
                    number = " ".join(phone.group("phone").split())
                    found.append(Contact(group[0], None, None, None, number))
        group = []
    return found


def _closing_names_and_phone(lines: list[str], first_line: int) -> list[Contact]:
    """The press officers a page lists, with their number, on its last line and nothing
    else: each name is a person's the release does not otherwise speak of."""
    at = next((i for i in range(len(lines) - 1, first_line - 1, -1) if lines[i].strip()), None)
    if at is None:
        return []
    m = _CLOSING_CONTACTS.fullmatch(lines[at].strip())
    if m is None or not 7 <= sum(ch.isdigit() for ch in m.group("phone")) <= 15:
        return []
    names = [n.strip() for n in re.split(r"[ ]{2,}|,[ ]*|[ ]and[ ]", m.group("names")) if n.strip()]
    body = "\n".join(lines[first_line:at])
    if not names or not all(_is_name(n) and n not in body for n in names):
        return []
    phone = " ".join(m.group("phone").split())
    return [Contact(n, None, None, None, phone if i == 0 else None) for i, n in enumerate(names)]


def _phone_sentence_contacts(lines: list[str], first_line: int) -> list[Contact]:
    """Contacts written into a sentence with a name and a phone, and no block or email."""
    body = "\n".join(lines[first_line:])[:_SCAN_PHONE_CHARS]
    contacts: list[Contact] = []
    hits = sorted(
        at - (1 if cue == "ontact" else 0)
        for cue in _PHONE_CUES
        for at in occurrences(body, cue, _MAX_PHONE_CUES)
    )
    for at in hits:
        if at < 0 or (at and body[at - 1].isalpha() and body[at - 1].islower()):
            continue  # "recontact", "recall"
        m = _PHONE_CONTACT.match(body, at)
        if m is None:
            continue
        phone = _PHONE_RE.match(body, m.end())
        if phone is None or not 7 <= sum(ch.isdigit() for ch in phone.group(0)) <= 15:
            continue
        name = " ".join(m.group("name").split())
        desk = _GLUED_LABEL_END.sub("", name)
        if _TEAM_ROLE.match(desk):
            # "Contact  Press OfficePhone  202 228 3685" (a scraped page on one line): the
            # press office's number, no one's name.
            _merge(contacts, Contact(None, desk, None, None, " ".join(phone.group(0).split())))
            continue
        if not _is_name(name) or len([t for t in name.split() if len(t) > 2]) > 3:
            continue
        if body.count(name) >= 3:
            continue  # a business the release names again and again, not a press officer
        if body[at].islower():
            line_start = body.rfind("\n", 0, at) + 1
            if not _PRESS_CUE.search(body, max(line_start, at - 120), at):
                continue
        role = m.group("role")
        role = " ".join(role.split()) if role and _is_role(role) else None
        _merge(contacts, Contact(name, role, None, None, " ".join(phone.group(0).split())))
    return contacts


_SCAN_PHONE_CHARS = 60_000
# A phone's label run into the words before it once line breaks are lost: "Press OfficePhone".
_GLUED_LABEL_END = re.compile(r"(?<=[a-z])(?:Phone|Tel|Telephone)$")


def _has_email_button(text: str) -> bool:
    """ "email us here" in any case in the last 6,000 characters (EIN Presswire's button).

    Same as ``"email us here" in text[-6000:].lower()`` (no character outside ASCII lowers
    to these letters: only "İ" and the Kelvin sign lower to ASCII at all), but encoding and
    lowering the bytes, ASCII only, costs half as much as lowering the text.
    """
    return b"email us here" in text[-6000:].encode("utf-8", "surrogatepass").lower()


def _buttons_block(
    lines: list[str], first_line: int, text: str, known: dict[str, str]
) -> tuple[tuple[Contact, ...], int | None]:
    """EIN Presswire's block has no heading: a name, a firm and a phone around its
    "email us here" button."""
    for index in range(len(lines) - 1, first_line - 1, -1):
        if lines[index].strip().lower() != "email us here":
            continue
        start = index
        taken = 0
        while start > first_line and taken < 3:
            above = lines[start - 1].strip()
            if len(above) > 80 or (
                above.endswith((".", "!", "?", '"', "”")) and above.count(" ") > 5
            ):
                break  # the last paragraph of the release
            start -= 1
            taken += bool(above)
        block = "\n".join(lines[start : index + 3])
        return tuple(_parse_block(block, text, known)[:MAX_CONTACTS]), start
    return (), None


def fill_organisations(contacts: tuple[Contact, ...], known: dict[str, str]) -> tuple[Contact, ...]:
    """Give a contact without an organisation the release's organisation its role or name
    mentions ("UNOCT Public Information Officer"); *known* as for :func:`find_contacts`."""
    filled = []
    for c in contacts:
        org = c.organisation
        if org is None:
            for source in (c.role, c.name):
                if source and (org := _known_in(source, known)):
                    break
        filled.append(
            c if org is c.organisation else Contact(c.name, c.role, org, c.email, c.phone)
        )
    return tuple(filled)


def _merge(contacts: list[Contact], new: Contact) -> None:
    """Add *new*, or fill in the blanks of the contact it repeats (same name or same email)."""
    for i, old in enumerate(contacts):
        same_name = bool(new.name and old.name and fold(new.name) == fold(old.name))
        same_email = bool(new.email and old.email and new.email.lower() == old.email.lower())
        if not (same_name or same_email):
            continue
        if (new.email and old.email and not same_email) or (
            new.name and old.name and not same_name
        ):
            continue
        contacts[i] = Contact(
            name=old.name or new.name,
            role=old.role or new.role,
            organisation=old.organisation or new.organisation,
            email=old.email or new.email,
            phone=old.phone or new.phone,
        )
        return
    if len(contacts) < MAX_CONTACTS:
        contacts.append(new)
