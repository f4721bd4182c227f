"""German roles written as one compound word after a name: "Pressesprecherin", "Vertrauensperson", "Landesvorständin"."""

from __future__ import annotations

import re

# German joins a role to what it is of: "Pressesprecherin des Vereins", "Projektleiter bei
# FragDenStaat", "Vertrauensperson des Volksbegehrens", "Bundesgeschäftsführer". The role
# words alone ("Sprecher", "Leiterin") are known; their compounds are not, and a name before
# one read as no one's. The word is matched lower-cased, at least three letters before the
# role it ends with.
_COMPOUND_ROLE = re.compile(
    r"\w{3,}(?:sprecher|leiter|führer|referent|assistent|koordinator|beauftragte|"
    r"verantwortliche|vorsitzende|vorständ|vorstand|direktor|präsident|manager|person)"
    r"(?:in|r|innen)?"
)


def is_german_compound_role(word: str) -> bool:
    """Is *word* (lower case) a German compound naming a role ("pressesprecherin")?"""
    return len(word) > 8 and _COMPOUND_ROLE.fullmatch(word) is not None
