"""The body a French headline opens with, doing what a body does in its own release.

"L’Arcep et l’Arcom lancent une consultation publique ...", "Le Gouvernement et les
associations d’élus s’engagent ...": the headline's subject, its article elided or not, then
perhaps a partner after "et", then a verb of announcing in the present. The English headline's
subject (issuer.headline_subject) reads "The Tor Project Announces ..."; this reads the French
form, the subject's name capitalised (not "Le gouvernement annonce", a government at large) and
named again in the body.
"""

from __future__ import annotations

import re

# Third person present, singular and plural, of what a body does in its own release.
_VERBS = (
    "lance|lancent|annonce|annoncent|publie|publient|présente|présentent|dévoile|dévoilent|"
    "ouvre|ouvrent|signe|signent|rejoint|rejoignent|adopte|adoptent|engage|engagent|"
    "mobilise|mobilisent|renforce|renforcent|déploie|déploient|accueille|accueillent|"
    "soutient|soutiennent|organise|organisent|inaugure|inaugurent|salue|saluent|"
    "met|mettent|crée|créent|recrute|recrutent|remet|remettent|appelle|appellent"
)
_SUBJECT = re.compile(
    r"(?:L[’']|Le[ ]|La[ ]|Les[ ])?"
    r"(?P<name>[A-ZÀ-Þ][\w-]+(?:[ ][A-ZÀ-Þ][\w-]+){0,3})"
    r"(?:[ ]et[ ][^,.:;]{1,60}?)?"
    rf"[ ](?:s[’'])?(?:{_VERBS})(?![\w-])"
)


def french_headline_subject(headline: str, body: str) -> str | None:
    """The capitalised name that opens a French *headline* as the subject of its verb of
    announcing, where *body* names it again; ``None`` otherwise."""
    m = _SUBJECT.match(" ".join(headline.split()))
    if m is None:
        return None
    name = m.group("name")
    return name if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body) else None
