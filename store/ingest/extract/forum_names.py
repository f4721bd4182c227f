"""A forum of states ("G7", "G20") told from a firm whose name opens the same way.

"G7 Digital and Tech Ministers", "the G7 Vision on AI Openness": the forum's meetings and
papers, the G7 the body, named alone elsewhere in the release; "G6 Hospitality unveils ...": a
firm, the "G6" never written without its next word.
"""

from __future__ import annotations

import re


def forum_alone(m: re.Match[str], text: str) -> bool:
    """Whether the "Gn Word" of *m* is the forum Gn before another word: the text writes Gn
    without that word too (alone, or before another word), and the word does not end the
    phrase ("G20 Osaka." is the summit's place)."""
    forum, region = m.group(0).split()[0], m.group("region")
    if text[m.end() : m.end() + 1] in ("", ".", ",", ";", ":", ")", "\n"):
        return False
    at = text.find(forum)
    while at >= 0:
        end = at + len(forum)
        bounded = (at == 0 or not text[at - 1].isalnum()) and not (
            text[end : end + 1].isalnum() or text[end : end + 1] == "-"
        )
        if bounded and not text.startswith(" " + region, end):
            return True
        at = text.find(forum, end)
    return False
