"""A page's title saved as a text's first line: its headline, and the site's name written beside it."""

from __future__ import annotations

# How a page's <title> joins the headline and the site: "Operation reWired — FBI",
# "... enforcement operation | ICE", "Internet Crime Complaint Center (IC3) | Guidance on ...",
# "... Sentenced - The Brooklyn District Attorney's Office".
_SEPARATORS = (" | ", " — ", " – ", " - ", " » ")  # "» Senator Bernie Sanders"
_MOST_SITE_WORDS = 6
# Where the page's furniture (its menus, its footer) and its heading repeated are looked for.
_LINES_LOOKED_AT = 600


def split_site_title(title: str, lines: list[str]) -> tuple[str, str] | None:
    """(headline, site) when *title*, a text's first line, is a headline and a site's name
    joined as a page's <title> joins them, and the page saved as text (*lines*) shows one of
    the two again on a line of its own: the site's name in its menus or footer ("FBI",
    "ICE"), or the headline as the page's heading. None when it is not that."""
    for separator in _SEPARATORS:
        if title.count(separator) == 1:
            first, second = (part.strip() for part in title.split(separator))
            break
    else:
        return None
    if not first or not second:
        return None
    shown = {" ".join(line.split()) for line in lines[1:_LINES_LOOKED_AT]}
    # The site after the headline (the usual order), then before it.
    for headline, site in ((first, second), (second, first)):
        if (
            _site_like(site)
            # A site's name is no longer than the headline it is written beside.
            and len(headline.split()) >= max(2, len(site.split()))
            and (site in shown or headline in shown)
        ):
            return headline, site
    return None


def _site_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= _MOST_SITE_WORDS and text[:1].isupper() and not text.endswith(".")
