"""A parsed query (``store.search.query.Query``) as one parameterised SQL condition.

The SQL is built from fixed fragments only; everything the user typed travels
as a parameter. Each term compiles to a condition that is true exactly when
``Term.matches`` is, over the columns ``store.pg.columns`` computed with the
scan's own functions, and is never NULL (``NOT`` of a NULL would drop a row
the scan keeps: a negated date filter keeps undated releases):

* a word: its lexeme in ``words`` (GIN); a prefix: ``'pre':*``; both exact,
  as the lexemes are the scan's tokens (a prefix of one or two letters is
  tested row by row, see ``SHORT_PREFIX``). A phrase: all its lexemes (GIN, the
  candidates), then its needle in ``token_text``, the scan's own test. A
  release whose tokens did not fit a tsvector is checked by the needle alone;
* ``org:`` ... ``source:``: ``LIKE '%value%'`` on the field's keys (trigram
  GIN); ``contact:`` also on the phones' digits; ``tag:`` also on the user's
  own tags (``marks``);
* dates: the stored day ordinal between the term's inclusive bounds;
* ``is:``: the user's row of ``marks``, absent meaning unread and not starred.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from store.pg.columns import KEY_COLUMNS, LEXEME_CHARS
from store.search.query import Query, Term


@dataclass(frozen=True, slots=True)
class Condition:
    """A WHERE condition over ``releases r`` (and ``marks m``, the user's, when *uses_marks*)."""

    sql: sql.Composable
    params: tuple[object, ...]
    uses_marks: bool


def compile_query(query: Query) -> Condition:
    """The condition that holds for exactly the releases ``query.matches``."""
    params: list[object] = []
    uses_marks = False
    clauses: list[sql.Composable] = []
    for clause in query.clauses:
        terms: list[sql.Composable] = []
        for term in clause:
            condition, term_params, marks = _term(term)
            uses_marks = uses_marks or marks
            params.extend(term_params)
            terms.append(sql.SQL("NOT ({})").format(condition) if term.negated else condition)
        clauses.append(sql.SQL("({})").format(sql.SQL(" OR ").join(terms)))
    if not clauses:
        return Condition(sql.SQL("true"), (), False)
    return Condition(sql.SQL(" AND ").join(clauses), tuple(params), uses_marks)


def tsquery_lexeme(token: str, prefix: bool) -> str:
    """*token* as one tsquery operand: quoted verbatim (no dictionary touches it), cut to
    ``LEXEME_CHARS`` as the stored lexemes are (and then a prefix of them)."""
    cut = token[:LEXEME_CHARS]
    quoted = "'" + cut.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix or len(token) > LEXEME_CHARS else "")


def like_pattern(value: str) -> str:
    """``LIKE`` pattern of "*value* anywhere", with LIKE's wildcards in *value* escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_WORD = sql.SQL(
    "(r.words @@ %s::tsquery OR (NOT r.words_complete AND strpos(r.token_text, %s) > 0))"
)
_PHRASE = sql.SQL(
    "((r.words @@ %s::tsquery OR NOT r.words_complete) AND strpos(r.token_text, %s) > 0)"
)
# A prefix of one or two letters (the first keys of a word being typed) matches most
# releases: looked up in the GIN index it expands to thousands of lexemes and costs
# seconds at 100k (measured: 'imax OR axbriob c', 1.8 s), so it is tested on the rows
# the other terms found, through ts_match_vq (what @@ calls; the planner never takes a
# function call to the index). Alone, the list's order index finds its first page.
SHORT_PREFIX = 2
_SHORT_WORD = sql.SQL(
    "(ts_match_vq(r.words, %s::tsquery) OR (NOT r.words_complete AND strpos(r.token_text, %s) > 0))"
)
_DATE = sql.SQL("coalesce(r.day BETWEEN %s AND %s, false)")
_STATES = {
    "starred": sql.SQL("coalesce(m.starred, false)"),
    "read": sql.SQL("coalesce(m.read, false)"),
    "unread": sql.SQL("NOT coalesce(m.read, false)"),
}


def _term(term: Term) -> tuple[sql.Composable, list[object], bool]:
    """A term's condition (ignoring ``negated``), its parameters, whether it reads marks."""
    if term.kind == "text":
        last = len(term.tokens) - 1
        short = term.prefix and len(term.tokens[last]) <= SHORT_PREFIX
        operands = [
            tsquery_lexeme(token, term.prefix and n == last)
            for n, token in enumerate(term.tokens)
            # A phrase's candidates need not include its short prefix: the needle checks it.
            if not (short and n == last and last > 0)
        ]
        if len(term.tokens) == 1 and short:
            return _SHORT_WORD, [operands[0], term.needle], False
        # One token no longer than a lexeme: the tsvector alone is the answer.
        exact = len(term.tokens) == 1 and len(term.tokens[0]) <= LEXEME_CHARS
        return (_WORD if exact else _PHRASE), [" & ".join(operands), term.needle], False
    if term.kind == "field":
        column = sql.Identifier("r", KEY_COLUMNS[term.field])
        pattern = like_pattern(term.value)
        if term.field == "tag":
            condition = sql.SQL("({} LIKE %s OR coalesce(m.tag_keys LIKE %s, false))").format(
                column
            )
            return condition, [pattern, pattern], True
        if term.field == "contact" and term.digits:
            condition = sql.SQL("({} LIKE %s OR r.phones LIKE %s)").format(column)
            return condition, [pattern, like_pattern(term.digits)], False
        return sql.SQL("{} LIKE %s").format(column), [pattern], False
    if term.kind == "date":
        return _DATE, [term.start, term.end], False
    return _STATES[term.field], [], True
