"""Word lists shared by the extractors: honorifics, roles, organisation words, common words."""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


# Titles of address dropped from a person's name. Each is a regex fragment;
# the dot is optional where British usage leaves it out ("Mr Smith").
HONORIFIC = (
    r"(?:(?:H\.\s?E\.|S\.\s?E\.|His Excellency|Her Excellency|Son Excellence|"
    r"The Honou?rable|Hon\.)\s+)?"
    r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Srta)\.?|Miss|Sir|Dame|Lord|Lady|Professor|"
    r"Général|Gen\.|Col\.|Capt\.|Maj\.|Lt\.|Adm\.|Amb\.|Ambassador|"
    r"Mme\.?|Mlle\.?|M\.|Herr|Frau|Sheikh|Sheikha|Shaikh|Datuk|Dato['’]?|Monsieur|Madame|"
    r"Señora|Señor|Doña|Dña\.|Dott\.|Ing\.|Rev\.|Fr\.|Hon\.|H\.\s?E\.|S\.\s?E\.|"
    r"His Excellency|Her Excellency"
)

# Words that open a role ("CEO of Acme", "Head of Product", "Public Information Officer").
# Federal agents' titles written as one word ("Ruth Mendonça, Inspector-in-Charge of ...") are
# roles too, and no part of a name ("said Inspector-in-Charge Mendonça").
ROLE_WORDS = word_set(
    """ceo cfo coo cto cmo cio cso cpo evp svp vp chief president vice founder co-founder cofounder
    chairman chairwoman chairperson chair director director-general manager head officer executive
    managing partner secretary secretary-general under-secretary-general minister deputy assistant
    senior lead principal professor dean commissioner ambassador mayor governor senator
    representative spokesperson spokesman spokeswoman owner general associate analyst advisor
    adviser consultant coordinator counsel editor engineer specialist strategist trustee treasurer
    administrator superintendent provost rector chancellor pastor bishop captain coach
    author researcher scientist physician surgeon attorney lawyer broker agent producer designer
    architect member board co-ceo co-chair co-chairs interim acting global regional national
    communications marketing media public press investor sales business
    geschäftsführer geschäftsführerin leiter leiterin vorsitzender vorsitzende senatorin
    präsident präsidentin sprecher sprecherin direktor direktorin présidente président directrice
    directeur coordinatrice coordinateur adjoint adjointe médecin-chef chargé chargée responsable
    sous-directrice sous-directeur linguiste presidenta presidente directora delegada delegado
    representante viceministro viceministra ministro ministra consejero consejera enóloga enólogo
    jefe jefa cabinet master volunteer scientist portavoz alcalde alcaldesa maire
    agent-in-charge inspector-in-charge officer-in-charge"""
)

# What follows "of" in a function role rather than an employer: "Head of Product".
DEPARTMENTS = word_set(
    """product products sales marketing communications communication engineering operations finance
    research partnerships business development media relations public affairs growth technology
    strategy content design people human resources hr investor policy programs programmes data
    security legal compliance innovation digital brand corporate global international external
    customer customers ai it risk education outreach events development advocacy government
    community impact sustainability talent culture revenue product, analytics"""
)

# Words that make a capitalised phrase an organisation.
ORG_WORDS = word_set(
    """office organization organisation organizations agency association council commission committee
    foundation institute institution university bank group corporation corp corp. inc inc.
    incorporated ltd ltd. limited llc llp plc gmbh ag sa s.a. s.a nv bv company co. companies
    ministry department directorate authority federation union nations programme program fund
    society center centre network alliance coalition board service services administration bureau
    partners holdings trust church school college hospital club league party forum initiative
    laboratory laboratories lab labs magazine systems technologies therapeutics pharmaceuticals capital
    ventures industries enterprises solutions consortium secretariat assembly parliament congress
    senate court police army navy force forces academy museum library observatory chamber
    federal cooperative co-operative collective community clinic health bancshares bancorp
    financial insurance airlines airways university's newswire foundation's institute's
    fundación fundacion fondation stiftung asociación asociacion instituto institut ministerio
    ministère ministere ayuntamiento conseil consejo universidad université universite
    universität universitat gobierno gouvernement verband verein behörde mairie comisión
    bodegas stadtwerke senatsverwaltung alliance
    fundación fundacion fondation stiftung asociación asociacion instituto institut
    ministerio ministère ministere ayuntamiento conseil consejo universidad université universite
    universität gobierno gouvernement verband verein behörde mairie comisión bodegas stadtwerke
    senatsverwaltung alliance telecom energy robotics analytics pharma networks cruises hotels
    resorts motors foods brands studios software biosciences biotech ferries
    resources minerals mining metals copper silver gold lithium petroleum
    agencia agence agentur oficina servicio organización organizacion fondo fonds programa
    autorité autorite autoridad comité comite consejería consejeria dirección direccion
    secretaría secretaria empresa société societe compañía compania grupo groupe
    alianza federación federacion fédération confederación cámara chambre kammer museo musée
    biblioteca bibliothèque hospital hôpital ville région préfecture prefecture
    assemblée assemblee sénat parlement comunidad junta generalitat diputación diputacion
    gesellschaft ministerium bundesamt landesamt senat bundestag landtag stadt verwaltung
    parlamento
    institución colegio collège college lycée escuela école réseau reseau observatoire
    observatorio centro académie academia"""
)
ORG_SUFFIX = (
    r"Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|Corp\.?|Co\.|GmbH|AG|S\.A\.|SA|"
    r"N\.V\.|B\.V\.|AB|ASA|Pty|S\.p\.A\.|SAS|S\.A\.S\.|SARL|S\.L\.|SE|KG|A/S|Oy|Bhd|L\.P\."
)

# German compounds name their kind in their last part: "Fraunhofer-Institut", "Klimabüro".
ORG_WORD_ENDINGS = (
    "institut",
    "ministerium",
    "verband",
    "gesellschaft",
    "stiftung",
    "behörde",
    "büro",
    "verwaltung",
    "bundesamt",
    "landesamt",
    "werke",
    "kammer",
)

# Bodies known by a short name alone, found without any organisation word.
KNOWN_BODIES = word_set(
    """UNESCO UNICEF UNHCR WHO UNDP UNEP WFP FAO ILO IMF OECD NATO IAEA UNFPA UNOCT OHCHR OCHA
    UNIDO UNCTAD WTO WIPO ITU ICAO WMO IFAD UNAIDS UNOPS UNRWA IOM UNODC UNITAR UNFCCC
    UNDRR ECB EIB EBRD Europol Eurostat Frontex Eurojust Ofcom Ofgem Ofwat Ofsted FDA SEC FTC
    FCC EPA NASA NOAA CDC NIH FEMA USDA FCA ESA ESMA EBA EFSA ECDC ASEAN OPEC OSCE
    UNSC ICRC IFRC MSF Interpol FIFA UEFA FBI DHS DEA ATF NSA CIA IRS FAA NTSB HHS HUD USPS GAO
    OMB CFPB FDIC OSHA NIST USGS NHTSA FERC NLRB EEOC CISA USAID NSF"""
)

# Capitalised words that start sentences or name things that are not people.
COMMON_WORDS = word_set(
    """the a an this that these those it its in on at as by for from with without to of and or but if
    when while after before since until during today yesterday tomorrow now then also however
    meanwhile moreover furthermore additionally according our we they he she his her their my your
    you i all some many more most each every both other another new our one two three first second
    last next please read learn visit join follow contact about for more information note notes
    source media press release news photo image video click here view see why what how who where
    which there here yes no not only just mr mrs ms dr le la les el los las un une der die das und
    ein eine en et y de du des del al o para por con sur avec pour dans"""
)

MONTH_WORDS = word_set(
    """january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre januar februar märz juni juli oktober dezember"""
)
WEEKDAY_WORDS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles miercoles
    jueves viernes sábado sabado domingo montag dienstag mittwoch donnerstag freitag samstag
    sonntag"""
)

# Capitalised words that never belong to a person's name; a defendant's part is none of it
# ("Co-defendant Taylor Ross Staats, 41,").
NOT_NAME_WORDS = (
    ORG_WORDS
    | COMMON_WORDS
    | MONTH_WORDS
    | WEEKDAY_WORDS
    | ROLE_WORDS
    | word_set(
        """united states america american national international global world street avenue
        road city county state states north south east west northern southern eastern western
        new york san los las santa fort lake mount port saint st university college school
        award awards day week month year annual summit conference event expo festival
        program project platform app token coin network protocol series fund index market
        nasdaq nyse otc tsx tsxv asx lse cse otcqb otcqx amex ai crypto bitcoin ethereum
        blockchain web3 defi nft dao covid god jesus christ church bible revelation lord
        chapter verse gospel kingdom republic government department ministry said says
        added stated noted explained commented defendant defendants co-defendant codefendant"""
    )
)

EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}"
)

# Regions that follow a city in a dateline or an address: "Austin, Texas", "Port Coquitlam, BC",
# "Tampa, United States". Folded (lower case); abbreviations with and without their dots.
REGION_WORDS = word_set(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm
    ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc d.c. ala. ariz. ark. calif. colo.
    conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss. mo. mont. neb.
    nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash.
    w.va. wis. wyo. ontario quebec québec alberta manitoba saskatchewan nova scotia bc on qc ab mb
    sk ns nb nl pe yt nt nu b.c. ont. usa u.s. u.s.a. us uk u.k. canada mexico brazil argentina
    chile colombia peru germany france spain italy portugal netherlands belgium switzerland
    austria ireland scotland england wales sweden norway denmark finland poland greece turkey
    israel india china japan korea singapore malaysia indonesia thailand vietnam philippines
    australia zealand africa nigeria kenya egypt morocco ghana emirates uae qatar arabia
    pakistan bangladesh taiwan kong luxembourg czechia hungary romania ukraine
    united states kingdom south north new york jersey hampshire carolina dakota rhode island
    west hong"""
)
