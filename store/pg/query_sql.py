"""A parsed query (``store.search.query.Query``) as one parameterised SQL condition.

The SQL is built from fixed fragments only; everything the user typed travels
as a parameter. Each term compiles to a condition that is true exactly when
``Term.matches`` is, over the columns ``store.pg.columns`` computed with the
scan's own functions; a negated term compiles to its own negation, never to a
``NOT`` over something that may be NULL (that would drop a row the scan keeps:
a negated date filter keeps undated releases):

* words and prefixes: every clause made only of them (``sahel OR sahara``,
  ``-climate``, the prefix being typed) goes into one ``tsquery`` for the whole
  query (``(sahel | sahara) & !climate & 'inte':*``), one GIN lookup in
  ``words`` however many terms; exact, as the lexemes are the scan's tokens.
  A prefix of one or two letters is tested row by row (``SHORT_PREFIX``). A
  phrase: all its lexemes (GIN, the candidates), then its needle in
  ``token_text``, the scan's own test. A release whose tokens did not fit a
  tsvector is checked by the needles alone;
* ``org:`` ... ``source:``: ``LIKE '%value%'`` on the field's keys (trigram
  GIN); ``contact:`` also on the phones' digits; ``tag:`` also on the user's
  own tags (``marks``);
* dates: the stored day ordinal between the term's inclusive bounds, and the
  same bounds on the list's order key (``date_key``), which lets the list's
  index find the first page of a date filter without reading past it;
* ``is:``: the user's rows of ``marks`` (no row: unread, not starred): the
  ids they mark, listed once (a few stars), or ``NOT EXISTS`` for a negation
  (``is:unread`` on a big result: an anti-join).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from psycopg import sql

from store.pg.columns import KEY_COLUMNS, LEXEME_CHARS, initial_bit
from store.search.query import Query, Term


@dataclass(frozen=True, slots=True)
class Condition:
    """A WHERE condition over ``releases r``; *uses_marks*: it reads the user's ``marks``;
    *words*: it holds only for releases whose ``words`` hold a word or a prefix it names
    (or whose tokens did not fit them), so that the words' GIN index finds its candidates."""

    sql: sql.Composable
    params: tuple[object, ...]
    uses_marks: bool
    words: bool = False


# A prefix of one or two letters (the first keys of a word being typed) matches most
# releases: looked up in the GIN index it expands to thousands of lexemes and costs
# seconds at 100k (measured: 'imax OR axbriob c', 1.8 s); tested on each row through a
# lexeme's ts_match_vq it detoasts every tsvector (10 us a row at 1M). So it reads its bit
# of the row's ``initials`` (``columns.initial_bit``): the answer for ASCII letters and
# digits, a pre-check before ts_match_vq for other characters, whose bits are shared.
SHORT_PREFIX = 2

_WORDS = sql.SQL("((r.words_complete AND r.words @@ %s::tsquery) OR (NOT r.words_complete AND {}))")
_WORDS_OR_LISTED = sql.SQL(
    "(r.words @@ %s::tsquery OR r.id = ANY (ARRAY(SELECT i.id FROM pressroom.releases i"
    " WHERE NOT i.words_complete AND {})))"
)
_PHRASE = sql.SQL(
    "((r.words @@ %s::tsquery OR NOT r.words_complete) AND strpos(r.token_text, %s) > 0)"
)
_INITIAL = sql.SQL("get_bit(r.initials, %s) = 1")
_SHARED_INITIAL = sql.SQL(
    "(get_bit(r.initials, %s) = 1 AND (ts_match_vq(r.words, %s::tsquery)"
    " OR (NOT r.words_complete AND strpos(r.token_text, %s) > 0)))"
)
_DATE = sql.SQL("(r.day BETWEEN %s AND %s AND NOT r.undated AND r.date_key BETWEEN %s AND %s)")
_NOT_DATE = sql.SQL("(r.day IS NULL OR r.day NOT BETWEEN %s AND %s)")
_MARK = sql.SQL(
    "EXISTS (SELECT 1 FROM pressroom.marks m WHERE m.user_name = %s AND m.release_id = r.id AND {})"
)
# The user's marked releases as a list made once (an InitPlan): the releases' primary key
# finds them (a few stars among a million), where EXISTS made the planner probe the marks
# once for every release (1.7 s at 1M). NOT EXISTS stays for a negation: an anti-join.
_MARKED = sql.SQL(
    "r.id = ANY (ARRAY(SELECT m.release_id FROM pressroom.marks m WHERE m.user_name = %s AND {}))"
)
# is:<state> as (whether it is a mark's presence, the marks column); is:unread is not read.
_STATES = {"starred": (True, "starred"), "read": (True, "read"), "unread": (False, "read")}
_INVERT_DIGITS = str.maketrans("0123456789", "9876543210")


def compile_query(query: Query, user: str = "") -> Condition:
    """The condition that holds for exactly the releases ``query.matches`` for *user*
    (whose marks ``is:`` and ``tag:`` read)."""
    words = [clause for clause in query.clauses if all(_plain_word(t) for t in clause)]
    others = [clause for clause in query.clauses if clause not in words]
    parts = ([_words_condition(words)] if words else []) + [
        _clause(clause, user) for clause in others
    ]
    if not parts:
        return Condition(sql.SQL("true"), (), False)
    return Condition(
        sql.SQL(" AND ").join(condition for condition, _ in parts),
        tuple(param for _, params in parts for param in params),
        any(t.kind == "state" or t.field == "tag" for clause in others for t in clause),
        # Not when every clause of words is negated: "!climate" is no candidate list.
        words=bool(words) and not all(any(t.negated for t in clause) for clause in words),
    )


def _clause(clause: tuple[Term, ...], user: str) -> tuple[sql.Composable, list[object]]:
    terms = [_term(term, user) for term in clause]
    condition = sql.SQL("({})").format(sql.SQL(" OR ").join(c for c, _ in terms))
    return condition, [param for _, params in terms for param in params]


def _plain_word(term: Term) -> bool:
    """A word or a prefix that one tsquery operand answers exactly."""
    if term.kind != "text" or len(term.tokens) != 1 or len(term.tokens[0]) > LEXEME_CHARS:
        return False
    return not (term.prefix and len(term.tokens[0]) <= SHORT_PREFIX)


def _words_condition(clauses: list[tuple[Term, ...]]) -> tuple[sql.Composable, list[object]]:
    """Clauses of plain words as one tsquery, and the same formula on the needles for a
    release whose tokens did not fit a tsvector (``words_complete`` false)."""
    tsquery = " & ".join(
        "("
        + " | ".join(
            ("!" if t.negated else "") + tsquery_lexeme(t.tokens[0], t.prefix) for t in clause
        )
        + ")"
        for clause in clauses
    )
    needles = [t.needle for clause in clauses for t in clause]
    if all(any(t.negated for t in clause) for clause in clauses):
        # An empty tsvector satisfies it (``!climate``): the incomplete rows are told apart
        # row by row. Such a query keeps most releases, and the list's index is walked.
        return _WORDS.format(_needles(clauses, "r")), [tsquery, *needles]
    # The tsquery alone, so that the GIN bitmap is the whole answer (no lexemes detoasted
    # to check its rows again); the rare incomplete releases it matches are listed once.
    return _WORDS_OR_LISTED.format(_needles(clauses, "i")), [tsquery, *needles]


def _needles(clauses: list[tuple[Term, ...]], alias: str) -> sql.Composable:
    """The clauses on the needles of their terms, in ``token_text`` of *alias*."""
    found = sql.SQL("strpos({}, %s) > 0").format(sql.Identifier(alias, "token_text"))
    absent = sql.SQL("strpos({}, %s) = 0").format(sql.Identifier(alias, "token_text"))
    return sql.SQL(" AND ").join(
        sql.SQL("({})").format(sql.SQL(" OR ").join(absent if t.negated else found for t in clause))
        for clause in clauses
    )


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


def date_key(ordinal: int) -> str:
    """The list's order key (``archive_order``'s) of the day *ordinal*: its ISO date with
    every digit inverted, so that the newest day sorts first."""
    return date.fromordinal(ordinal).isoformat().translate(_INVERT_DIGITS)


def _term(term: Term, user: str) -> tuple[sql.Composable, list[object]]:
    """A term's condition, negated when the term is, and its parameters."""
    if term.kind == "date":
        if term.negated:
            return _NOT_DATE, [term.start, term.end]
        return _DATE, [term.start, term.end, date_key(term.end), date_key(term.start)]
    if term.kind == "state":
        present, column = _STATES[term.field]
        if present == term.negated:
            return sql.SQL("NOT {}").format(_MARK.format(sql.Identifier("m", column))), [user]
        return _MARKED.format(sql.Identifier("m", column)), [user]
    condition, params = _positive(term, user)
    return (sql.SQL("NOT {}").format(condition) if term.negated else condition), params


def _positive(term: Term, user: str) -> tuple[sql.Composable, list[object]]:
    """A text or field term's condition (never NULL), ignoring ``negated``."""
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
            bit, exact = initial_bit(term.tokens[0])
            if exact:
                return _INITIAL, [bit]
            return _SHARED_INITIAL, [bit, operands[0], term.needle]
        return _PHRASE, [" & ".join(operands), term.needle]
    column = sql.Identifier("r", KEY_COLUMNS[term.field])
    pattern = like_pattern(term.value)
    if term.field == "tag":
        mine = _MARKED.format(sql.SQL("m.tag_keys LIKE %s"))
        return sql.SQL("({} LIKE %s OR {})").format(column, mine), [pattern, user, pattern]
    if term.field == "contact" and term.digits:
        condition = sql.SQL("({} LIKE %s OR r.phones LIKE %s)").format(column)
        return condition, [pattern, like_pattern(term.digits)]
    return sql.SQL("{} LIKE %s").format(column), [pattern]


def planned_part(query: Query) -> Query:
    """*query* without the clauses a one- or two-letter prefix makes broad ("c", "cl" match
    most releases): what the planner can estimate. The bit such a prefix reads is opaque
    to it (it guesses 0.5% of the rows), which sent "c" at a million releases the way of
    a small result (sorting 60,000 matches before giving up: 100 ms)."""
    kept = tuple(
        clause
        for clause in query.clauses
        if not any(
            t.kind == "text"
            and not t.negated
            and t.prefix
            and len(t.tokens) == 1
            and len(t.tokens[0]) <= SHORT_PREFIX
            for t in clause
        )
    )
    return Query(query.text, kept)
