"""A release's end mark ("###", "XXX", "-30-") followed by a press officer's name and role opens a contact block with no "Contact" heading: "XXX" / "Clair J. Howard" / "Public Affairs Officer" / phone / email."""

from __future__ import annotations

import re

# The marks that end a release's text, alone on their line.
_END_MARK = re.compile(r"[ \t]*(?:#{3}|#(?:[ \t]+#){2,3}|X{3}|x{3}|-30-|- 30 -)[ \t]*")
# A press officer's role on a line of its own: what makes the lines after a mark a contact
# and not the page's furniture ("Updated ...", "Topic", related releases).
_PRESS_ROLE = re.compile(
    r"[ \t]*(?:(?:Senior|Deputy|Acting|Chief)[ \t]+)?"
    r"(?:Public[ \t]+(?:Affairs|Information|Relations)|Press|Media(?:[ \t]+Relations)?|"
    r"Communications?)[ \t]+(?:Officer|Specialist|Director|Manager|Coordinator|Liaison)"
    r"(?:[ \t,]+[^\n]{0,60})?[ \t]*",
    re.IGNORECASE,
)
# A person's name alone on its line: two to four capitalised words, an initial among them.
_NAME_LINE = re.compile(r"[ \t]*[A-Z][a-z'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}[ \t]*")


def opens_unheaded_block(lines: list[str], index: int) -> bool:
    """Is line *index* an end mark whose next lines with text are a name, then a press
    officer's role?"""
    if not _END_MARK.fullmatch(lines[index]):
        return False
    after = [line for line in lines[index + 1 : index + 6] if line.strip()][:2]
    return (
        len(after) == 2
        and _NAME_LINE.fullmatch(after[0]) is not None
        and _PRESS_ROLE.fullmatch(after[1]) is not None
    )


# A page's date of revision under the release ("Updated September 20, 2024", "Last updated:
# 3 May 2024", "Page last reviewed ..."): the page's furniture, after any contact.
_REVISED = re.compile(
    r"(?i:(?:last[ \t]+)?updated|page[ \t]+last[ \t]+(?:reviewed|updated))\b[ \t:]*"
    r"(?:[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}|"
    r"\d{1,2}/\d{1,2}/\d{2,4})[ \t]*"
)


def page_furniture_after(line: str) -> bool:
    """Does *line* (stripped) say when the page was last revised, as pages do below the
    release and its contacts?"""
    return line[:1] in "ULPulp" and _REVISED.fullmatch(line) is not None
