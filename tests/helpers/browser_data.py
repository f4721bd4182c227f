"""Hand-made releases for the browser's tests and snapshots: fixed text, independent of the parser."""

from __future__ import annotations

from pathlib import Path

from store.disk.release_store import ReleaseStore
from store.records import Contact, Link, Person, Release, Source, release_id

_BODY = (
    "{place}, {long_date} – {lead}\n\n"
    "“{quote},” said {speaker}, {role} of the {org_full}.\n\n"
    "The programme will run for three years and will be reviewed by an independent panel "
    "every twelve months. Partners include national agencies, universities and civil society "
    "organisations across the region.\n\n"
    "{extra}\n\n"
    "For more information, please contact {email}, {contact_role}"
)

_ROWS: tuple[dict[str, str], ...] = (
    {
        "title": "Meeting of heads of counter-terrorism and security agencies takes place in Marrakech",
        "date": "2021-06-23",
        "place": "Marrakesh",
        "org_full": "United Nations Office of Counter-Terrorism",
        "acronym": "UNOCT",
        "lead": "Heads of counter-terrorism agencies from the Sahel met to strengthen regional cooperation.",
        "quote": "My Office remains committed to supporting you",
        "speaker": "Vladimir Voronkov",
        "role": "Under-Secretary-General",
        "email": "gerardl@un.org",
        "contact_role": "UNOCT Public Information Officer",
        "extra": "The event gathered over 80 participants from West and Central Africa and the Sahel.",
        "language": "en",
    },
    {
        "title": "Programme Office in Rabat marks its first anniversary",
        "date": "2021-06-24",
        "place": "Rabat",
        "org_full": "United Nations Office of Counter-Terrorism",
        "acronym": "UNOCT",
        "lead": "The Programme Office for Counter-Terrorism and Training in Africa celebrated a year of work.",
        "quote": "A year of training has reached more than 600 officers",
        "speaker": "Vladimir Voronkov",
        "role": "Under-Secretary-General",
        "email": "gerardl@un.org",
        "contact_role": "UNOCT Public Information Officer",
        "extra": "Training courses covered border security, prison management and victims' rights.",
        "language": "en",
    },
    {
        "title": "Global cholera vaccine stockpile to double by 2026",
        "date": "2024-03-03",
        "place": "GENEVA",
        "org_full": "World Health Organization",
        "acronym": "WHO",
        "lead": "The emergency stockpile of oral cholera vaccine will double within two years.",
        "quote": "No child should die of a disease we can prevent with two drops",
        "speaker": "Amara Okafor",
        "role": "Director of Health Emergencies",
        "email": "mediainquiries@who.example",
        "contact_role": "WHO Communications Officer",
        "extra": "Outbreaks were reported in 31 countries last year, the highest number in a decade.",
        "language": "en",
    },
    {
        "title": "Coastal Resilience Alliance maps flood risk for 3,000 small harbours",
        "date": "2024-11-14",
        "place": "LISBON",
        "org_full": "Coastal Resilience Alliance",
        "acronym": "CRA",
        "lead": "An open map shows flood risk for more than 3,000 small fishing and leisure harbours.",
        "quote": "A harbour wall that is 30 centimetres too low can end a fishing community",
        "speaker": "Inês Carvalho",
        "role": "Director",
        "email": "press@coastalresilience.example",
        "contact_role": "Press Officer",
        "extra": "Harbour authorities can download the data for their own area and report corrections.",
        "language": "en",
    },
    {
        "title": "L'Ontario ouvre trois nouvelles cliniques de soins primaires en français",
        "date": "2025-10-16",
        "place": "TORONTO (Ontario)",
        "org_full": "Ministère de la Santé de l'Ontario",
        "acronym": "MSO",
        "lead": "Le ministère annonce l'ouverture de trois cliniques offrant leurs services en français.",
        "quote": "Se faire soigner dans sa langue, ce n'est pas un luxe",
        "speaker": "Marc-André Gagnon",
        "role": "médecin-chef",
        "email": "m.gagnon@sante-ontario.example",
        "contact_role": "Relations avec les médias",
        "extra": "Les cliniques pourront accueillir ensemble près de 18 000 patients.",
        "language": "fr",
    },
    {
        "title": "El Ayuntamiento de Madrid abrirá 60 refugios climáticos este verano",
        "date": "2024-05-29",
        "place": "MADRID",
        "org_full": "Ayuntamiento de Madrid",
        "acronym": "AM",
        "lead": "La ciudad abrirá sesenta espacios frescos para proteger a los vecinos del calor extremo.",
        "quote": "Nadie debería pasar una ola de calor sin un lugar fresco cerca de casa",
        "speaker": "Lucía Fernández",
        "role": "concejala de Medio Ambiente",
        "email": "prensa@madrid.example",
        "contact_role": "Gabinete de prensa",
        "extra": "Los refugios estarán en bibliotecas, centros culturales y polideportivos.",
        "language": "es",
    },
    {
        "title": "Hamburger Hafen: Landstrom für Containerschiffe ab 2025",
        "date": "2024-03-05",
        "place": "HAMBURG",
        "org_full": "Hamburg Port Authority",
        "acronym": "HPA",
        "lead": "Ab 2025 können Containerschiffe an drei Terminals Landstrom beziehen.",
        "quote": "Jeder Liegeplatz mit Landstrom macht die Luft im Hafen sauberer",
        "speaker": "Jens Meyer",
        "role": "Geschäftsführer",
        "email": "presse@hpa.example",
        "contact_role": "Pressesprecher",
        "extra": "Die Anlagen werden mit Strom aus erneuerbaren Quellen betrieben.",
        "language": "de",
    },
    {
        "title": "[TODO] Solent ferries to trial night crossings [@click=app.quit]Read more[/]",
        "date": "2024-04-11",
        "place": "PORTSMOUTH",
        "org_full": "Solent Harbour Ferries",
        "acronym": "SHF",
        "lead": "Night crossings to the Isle of Wight will be trialled from May [Reuters] [/b] a\\[b].",
        "quote": "Islanders asked for a later boat home",
        "speaker": "Tom Ashby",
        "role": "Operations Director",
        "email": "press@solentferries.example",
        "contact_role": "[red]Press[/blue] Office",
        "extra": "\x1b]52;c;ZWNobyBwd25lZA==\x07Tickets go on sale on 1 May.\x1b[2J",
        "language": "en",
    },
)

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def sample_releases() -> list[Release]:
    """Eight releases in four languages, one of them hostile (markup and escapes)."""
    out = []
    for number, row in enumerate(_ROWS):
        year, month, day = row["date"].split("-")
        body = _BODY.format(long_date=f"{int(day)} {_MONTHS[int(month) - 1]} {year}", **row)
        path = f"/archive/{row['acronym'].lower()}/{number:03d}.txt"
        data = {
            "id": release_id(path, None, ""),
            "title": row["title"],
            "kicker": "PRESS RELEASE",
            "date": row["date"],
            "location": row["place"],
            "organisations": [f"{row['org_full']} ({row['acronym']})"],
            "people": [Person(row["speaker"], row["role"]).to_json()],
            "contacts": [
                Contact(
                    role=row["contact_role"], organisation=row["acronym"], email=row["email"]
                ).to_json()
            ],
            "links": [
                Link("programme", f"https://{row['acronym'].lower()}.example/programme").to_json(),
                Link("javascript", "javascript:alert(1)").to_json(),
            ],
            "language": row["language"],
            "body": body,
            "source": Source(path, "txt").to_json(),
        }
        # from_json cleans every string, as an import would.
        out.append(Release.from_json(data))
    return out


def write_store(path: Path, releases: list[Release] | None = None) -> Path:
    """A store file holding *releases* (default: :func:`sample_releases`)."""
    with ReleaseStore(path) as store:
        store.add_batch(releases if releases is not None else sample_releases())
    return path
