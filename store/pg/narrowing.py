"""A key typed at the end of a search narrows it: what of the last answer the next one can start from.

At a million releases, a common word's first rows and count cost a tenth of a
second or more each time they are asked from scratch (its lexemes read from
every row walked, or its GIN posting lists merged). But as a word is typed,
each key asks for a result inside the last one: "chief exe" -> "chief exec".
Then the new first rows are the old first rows that still match, followed by
the rows after the last of them that match; and the sample's matches are among
the old sample's matches. :func:`narrows` says when that holds, from the
queries' terms alone, and says False whenever it is not sure.
"""

from __future__ import annotations

from store.search.query import Query, Term


def narrows(new: Query, old: Query) -> bool:
    """Whether every release *new* matches is one that *old* matches, whatever the
    releases: *new* is *old* with clauses added (an AND narrows), and its last clause
    possibly narrowed term by term (a word's prefix made longer or the word ended:
    ``Term.matches`` looks for the term's needle, and a needle that starts with another
    is found only where that one is). *old* must not read marks or tags, which change
    between two keys; *new* may."""
    if len(new.clauses) < len(old.clauses) or _reads_marks(old):
        return False
    for n, clause in enumerate(old.clauses):
        other = new.clauses[n]
        if other == clause:
            continue
        if n != len(old.clauses) - 1 or len(other) != len(clause):
            return False
        if not all(_term_narrows(b, a) for b, a in zip(other, clause, strict=True)):
            return False
    return True


def _term_narrows(new: Term, old: Term) -> bool:
    if new.kind != "text" or old.kind != "text" or new.negated or old.negated:
        return new == old
    return new.needle.startswith(old.needle)


def _reads_marks(query: Query) -> bool:
    return any(
        term.kind == "state" or (term.kind == "field" and term.field == "tag")
        for clause in query.clauses
        for term in clause
    )
