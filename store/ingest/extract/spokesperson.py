"""The body whose spokesperson speaks in a release: "Leonard Wolf, Sprecher des Bündnisses"."""

from __future__ import annotations

import re

from store.ingest.extract.governing_body import is_council
from store.ingest.extract.organisations import is_org_word
from store.sanitize import fold

# The spokesperson's title, then the link to their body: "spokesperson for the", "Sprecher
# des", "Sprecherin der", "porte-parole de la", "portavoz del".
_SPOKESPERSON = re.compile(
    r"(?<![\w-])(?:[Ss]pokes(?:person|man|woman)[ ]+(?:for|of)[ ]+(?:the[ ]+)?|"
    r"(?:Presse)?[Ss]precher(?:in|\*in|:in|In)?[ ]+(?:des|der|vom|von[ ]+der)[ ]+|"
    r"porte-parole[ ]+(?:de[ ]+la[ ]+|du[ ]+|de[ ]+l['’][ ]?|des[ ]+|de[ ]+)|"
    r"portavoz[ ]+(?:del[ ]+|de[ ]+la[ ]+|de[ ]+))"
    r"[„“\"«]?[ ]?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&.'’-]*(?:[ ]+(?:[A-ZÀ-ÖØ-Þ][\w&.'’-]*|of|for|and|&|de|du|des|"
    r"la|für|und)){0,7})"
)
# A body's kind that a German text names it by alone, as "das Bündnis" ("Sprecher des
# Bündnisses"): its full name is written elsewhere, after the same word.
_KINDS = frozenset(
    ("bündnis", "initiative", "verein", "netzwerk", "verband", "aktionsbündnis", "kampagne")
)
# Characters a PDF's text or a web page puts inside names: zero-width spaces and joiners.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_READ = 20_000


def _stems(word: str) -> list[str]:
    """A German noun and the forms it may have without its genitive ending: "Bündnisses" ->
    "Bündnis", "Volksentscheides" -> "Volksentscheid", "Vereins" -> "Verein"."""
    stems = [word]
    if word.endswith("ses"):
        stems.append(word[:-3])
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s"):
        stems.append(word[:-1])
    return stems


def _named_after_kind(kind: str, text: str) -> str | None:
    """The name a text writes after *kind* ("das Bündnis „Volksentscheid Transparenz”",
    "des Bündnisses Volksentscheid Transparenz"), as "Kind Name"."""
    pattern = (
        rf"(?<![\w-]){re.escape(kind)}(?:ses|es|s)?[ ]+[„“\"«]?[ ]?"
        r"([A-ZÀ-ÖØ-Þ][\w&.'’-]*(?:[ ]+[A-ZÀ-ÖØ-Þ][\w&.'’-]*){0,5})"
    )
    found = re.search(pattern, text)
    return f"{kind} {found.group(1)}" if found else None


def spokesperson_body(text: str, people: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The body the first spokesperson a release quotes speaks for, as the release names it
    ("Bündnis Volksentscheid Transparenz" for "Sprecher des Bündnisses"), when its lead names
    that body too: a news story quotes the spokespeople of the bodies it reports on, whom its
    lead need not name. Not one of the release's *people* (folded names), nor a council
    alone ("Spokesman of the Management Board")."""
    if (
        "precher" not in text
        and "pokes" not in text
        and "porte" not in text
        and ("portavoz" not in text)
    ):
        return None
    flat = " ".join(_INVISIBLE.sub("", text[:_READ]).split())
    m = _SPOKESPERSON.search(flat)
    if m is None:
        return None
    name = _body_named(m.group("name").rstrip('.,;:”“"»').split(), flat)
    if name is None:
        return None
    if (council := _COUNCIL_OF.match(name)) is not None:
        name = name[council.end() :]  # "Board of Management of Deutsche Beteiligungs AG"
    if is_council(name) or fold(name) in people:
        return None
    lead = fold(_QUOTES.sub("", flat[:_LEAD]))
    kind, _, rest = name.partition(" ")
    named = rest if kind.casefold() in _KINDS and rest else name  # "des Bündnisses X": X
    return name if fold(named) in lead else None


def _body_named(words: list[str], flat: str) -> str | None:
    """The body *words* name (the words after "Sprecher des"), as *flat* writes it."""
    folded = fold(flat)
    # The whole run, or up to an "and": "Initiative Volksentscheid Transparenz und
    # Landesvorständin" is the body and a second title.
    sizes = [len(words)] + [i for i in range(len(words) - 1, 0, -1) if words[i] in _AND]
    for size in sizes[:_MAX_SIZES]:
        for stem in _stems(words[0]):
            if size == 1:
                if stem.casefold() in _KINDS:
                    return _named_after_kind(stem, flat)  # "Sprecher des Bündnisses": which
                continue
            name = " ".join([stem, *words[1:size]])
            # Another form of the first word only as the text writes it elsewhere.
            least = _MIN_MENTIONS if stem == words[0] else 1
            if is_org_word(words[size - 1]) or folded.count(fold(name)) >= least:
                return name
    return None


_COUNCIL_OF = re.compile(
    r"(?:(?:Supervisory|Executive|Management|Governing)[ ]+)?(?:Board|Council|Committee)"
    r"(?:[ ]+of[ ]+(?:Management|Directors))?[ ]+of[ ]+(?:the[ ]+)?(?=[A-Z])"
)
_QUOTES = re.compile(r"[„“”\"«»]")
_LEAD = 800  # characters of the text where its lead names the body
_MAX_SIZES = 4
_AND = frozenset(("and", "und", "&", "et", "y"))
_MIN_MENTIONS = 2


# A contact block's heading that names its people's role, not a body: "Kontakt
# Sprecher*innen", "Spokespersons".
_TITLE_ALONE = re.compile(
    r"(?i:(?:presse)?sprecher(?:in|innen|\*innen|\*in|:innen|Innen)?|spokes(?:person|persons|"
    r"people|man|men|woman|women)|porte-parole|portavo(?:z|ces))"
)


def is_spokesperson_title(name: str) -> bool:
    """Whether *name* is a spokesperson's title alone ("Sprecher*innen"), not a body."""
    return _TITLE_ALONE.fullmatch(name.strip(" :")) is not None
