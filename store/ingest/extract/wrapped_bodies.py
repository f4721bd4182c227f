"""A body's name cut where hard-wrapped text broke its line, made whole again.

Text extracted from a PDF, or a page saved with its paragraphs wrapped at a hundred characters,
breaks names at its line ends: "the University of Notre" / "Dame and a Juris Doctor from
Harvard" / "Law School.", "contact the Public" / "Affairs Office at ...". The capitalised run
found on one line is then a fragment ("University of Notre", "Law School", "Affairs Office").
Where the line it ends (or opens) is a wrapped line of prose, long, and the run goes on with
capitalised words across a single line break (the same paragraph), the name is taken with
them: forward only where the name does not end with its kind ("... Board of Supervisors" is
whole), backward only after a small word of the sentence ("from Harvard", "contact the
Public"). A name written more than once is left as it is.
"""

from __future__ import annotations

import itertools
import re

# A wrapped line of prose: shorter lines are headings, list items or an address's lines; longer
# ones are whole paragraphs (a wire's text), whose next line is another paragraph or a list.
_WRAPPED = 60
_WRAPPED_MAX = 120
# Lines going on mid-sentence that make a text hard-wrapped.
_MIN_GOING_ON = 3
_WORD = r"(?:[A-Z][\w’'.-]*|of|and|for|the|&)"
# The capitalised words that open the next line of the same paragraph (no blank line: a new
# paragraph opens with a word of its own, "Gracias a ...", "Jackson, Miss. –").
_GOES_ON = re.compile(rf"[ \t]*\n[ \t]*(?P<run>[A-Z][\w’'-]*(?:[ \t]+{_WORD}){{0,5}})")
# The capitalised words that end the line above, after a small word of the sentence ("from
# Harvard", "contact the Public"), not a name's own "of" ("College of Medicine").
_CAME_FROM = re.compile(
    rf"(?<=[a-z][ ])(?P<run>[A-Z][\w’'-]*(?:[ \t]+{_WORD}){{0,3}})[ \t]*\n[ \t]*$"
)
_CONNECTORS = frozenset({"of", "and", "for", "the", "&"})
# The small words inside a name ("College of Medicine"), not a sentence's ("contact the").
_NAME_LINKS = frozenset({"of", "and", "for", "&", "de", "du", "des", "la", "le"})
# Words that open a sentence or a clause, not a name's next part.
_OPENER_WORDS = (
    "The This That These A An In On At As By For From To He She It They We Our His Her Its"
    " Their If When While After Before According During Under"
)
_OPENERS = frozenset(_OPENER_WORDS.split())
_MAX_WORDS = 10
# A word that ends its sentence: a full stop after small letters ("Wallet."), not an
# abbreviation's ("U.S.", "Inc.").
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.(?=\s|$)")
# A name that ends with its kind is whole: "... Board of Supervisors", "Mehr Demokratie e.V.".
_KIND_WORDS = (
    "Office Department Division Agency Service Bureau Court Commission Council Committee"
    " Board Supervisors Administration Foundation University Institute Corporation Inc."
    " e.V. Police School Center Centre Association Section Unit"
)
_KINDS = frozenset(_KIND_WORDS.split())


def _trimmed(words: list[str]) -> list[str]:
    while words and (words[-1] in _CONNECTORS or words[-1].endswith(("’s", "'s"))):
        words = words[:-1]
    return words


def _line_of(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]


def _whole(name: str, text: str) -> str:
    at = text.find(name)
    if at < 0 or text.find(name, at + 1) >= 0:
        return name  # not in the text as found, or written more than once
    end = at + len(name)
    line = _line_of(text, at, end)
    words = name.split()
    m = _GOES_ON.match(text, end)
    if m is not None and _WRAPPED <= len(line) <= _WRAPPED_MAX and words[-1] not in _KINDS:
        after = _trimmed(_SENTENCE_END.split(m.group("run"), 1)[0].rstrip(".,").split())
        rest = _line_of(text, m.start("run"), m.end("run"))
        if (
            after
            and after[0] not in _OPENERS
            and len(words) + len(after) <= _MAX_WORDS
            and text[m.end("run") : m.end("run") + 1] not in ("\n", "")  # the line goes on
            and len(rest) >= _WRAPPED // 2
        ):
            words = words + after
    before = _CAME_FROM.search(text, max(0, at - 200), at)
    if before is not None:
        word = text[: before.start()].split()[-1:]
        if (
            not word
            or not word[0].islower()  # "International Technical": a name's own word
            or word[0] in _NAME_LINKS
        ):
            before = None
    if (
        before is not None
        and _WRAPPED <= len(_line_of(text, before.start(), before.end("run"))) <= _WRAPPED_MAX
    ):
        run = before.group("run").split()
        if (
            run
            and run[0] not in _OPENERS
            and len(words) + len(run) <= _MAX_WORDS
            and not any(_SENTENCE_END.search(w) for w in run)  # "the UPCX Wallet." / "..."
        ):
            words = run + words
    return " ".join(words)


def _hard_wrapped(text: str) -> bool:
    """Whether *text*'s paragraphs are broken into lines: several lines that the next line
    goes on with a small letter, mid-sentence (a wire's list of names or its headings are not
    that)."""
    lines = [line for line in text.split("\n") if line.strip()]
    going_on = 0
    for line, after in itertools.pairwise(lines):
        if _WRAPPED <= len(line) <= _WRAPPED_MAX and after[:1].islower():
            going_on += 1
            if going_on >= _MIN_GOING_ON:
                return True
    return False


def rejoined(organisations: tuple[str, ...], text: str) -> tuple[str, ...]:
    """*organisations* with each name cut at a wrapped line's end made whole."""
    if "\n" not in text or not _hard_wrapped(text):
        return organisations
    out: list[str] = []
    for name in organisations:
        whole = _whole(name, text) if " " in name and "(" not in name else name
        if whole not in out:
            out.append(whole)
    return tuple(out)
