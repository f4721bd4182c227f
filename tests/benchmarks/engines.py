"""Search engine bake-off (issue #9): today's ``SearchIndex`` against tantivy and SQLite FTS5.

Every engine is given the same releases (in archive order, so a position means
the same release everywhere) and the same as-you-type work, and must return
ALL hits as release positions, which the app then counts per month. Each
engine is built in a fresh interpreter (build time, peak memory, size on
disk) and opened and queried in another (load time, per-keystroke latency,
the hit sets). Every hit set is compared with ``SearchIndex``'s.

    .venv/bin/python -m tests.benchmarks.engines --real-corpus-store /tmp/rc/db/releases.json \\
        --sizes 100000 --json engines.json

What each engine is given, so that its answers can equal ours (see README.md,
"Search engine bake-off"):

- text: ``release_token_string`` (our folded tokens, fields separated by a
  ``|`` token so that no phrase spans two fields), cut on whitespace only
  (tantivy: the ``whitespace`` tokenizer; FTS5: ``ascii`` with ``|`` as a
  token character; our tokens hold no ASCII punctuation, and non-ASCII
  characters are token characters to ``ascii``);
- a word is a term, a prefix a term range (tantivy: a regex ``p.*`` over
  the term dictionary; FTS5: ``"p" *`` with prefix indexes of 1-3 characters),
  a phrase exact adjacency (tantivy: ``phrase_query``, or
  ``regex_phrase_query`` when its last word is a prefix; FTS5: ``"a b" *``);
- qualifiers (``org:``, ``loc:``...): the substring of a folded field value
  (``field_key``): tantivy a ``.*value.*`` regex over one ``raw`` field per
  qualifier; FTS5 has no substring search but its trigram tokenizer, so a side
  table of distinct values scanned with ``instr`` and a postings table;
- dates: a numeric range (tantivy: an indexed u64; SQLite: an indexed column).

It is a script, not a test: pytest collects nothing here (no ``test_`` names).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol

from store.records import Release
from store.search.query import (
    FIELDS,
    Query,
    Term,
    field_values,
    parse_query,
    release_ordinal,
    release_phones,
    release_token_string,
)
from store.search.tokens import field_key

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("pressroom", "tantivy", "fts5")
PHONE = "phone"
SEED = 0
FIELD_TERM_SET_MAX = 1024  # tantivy: matching qualifier values looked up as a set up to this

# Typed one key at a time; every prefix that parses to a non-empty query is one
# keystroke. A keystroke's kind is the kind of its parsed query (see ``kind_of``),
# so typing ``org:fda`` passes through the word prefixes ``o`` and ``or`` first.
REAL_WORKLOAD: dict[str, list[str]] = {
    "words": [
        "biologics",
        "climate fin",
        "company",
        "blockchain",
        "herbalist",
        "artificial intelligence",
        "quarterly revenue growth",
    ],
    "phrases": [
        '"press release"',
        '"chief executive officer"',
        '"united nations security council"',
        '"artificial intelligence"',
        '"food and drug administration"',
    ],
    "fields": [
        "org:fda",
        "loc:london",
        'org:"securities and exchange"',
        "company loc:dallas",
        "crypto org:investorwire",
    ],
}
SYNTHETIC_WORKLOAD: dict[str, list[str]] = {
    "words": [
        "community",
        "climate fin",
        "zanculcheel",
        "international",
        "sustainable development",
        "research data access",
    ],
    "phrases": [
        '"the project"',
        '"media relations"',
        '"media relations manager"',
        '"work is carried out with"',
        '"head of media relations"',
    ],
    "fields": [
        "org:food",
        "loc:johannesburg",
        'org:"open rail"',
        "energy loc:denver",
        "climate org:uran",
    ],
}


def keystrokes(typed: str) -> list[str]:
    """The query after each key of *typed*, those that search (an empty query shows all)."""
    return [typed[:n] for n in range(1, len(typed) + 1) if not parse_query(typed[:n]).is_empty()]


def kind_of(query: Query) -> str:
    """``field`` if a qualifier is in it, else ``phrase`` if a phrase is, else ``word``."""
    terms = [term for clause in query.clauses for term in clause]
    if any(term.kind == "field" for term in terms):
        return "field"
    if any(term.kind == "text" and len(term.tokens) > 1 for term in terms):
        return "phrase"
    return "word"


# -- corpora -------------------------------------------------------------------------------


def load_releases(spec: str) -> list[Release]:
    """``real:PATH`` (a store, read only) or ``synthetic:N``, in archive order."""
    from store.disk.catalogue import archive_order

    kind, _, value = spec.partition(":")
    if kind == "real":
        from store.disk.release_store import ReleaseStore

        source = ReleaseStore(Path(value), read_only=True)
        try:
            releases = list(source.releases())
        finally:
            source.close()
    else:
        from tests.helpers.synthetic import generate

        releases = list(generate(int(value), seed=SEED))
    releases.sort(key=lambda r: archive_order(r.date, r.title))
    return releases


def field_entries(release: Release) -> list[tuple[str, str]]:
    """``(qualifier, folded value)`` of *release*, as ``SearchIndex`` keys them (phones: digits)."""
    out = []
    for name in FIELDS:
        for key in {field_key(value) for value in field_values(name, release)}:
            if key:
                out.append((name, key))
    out.extend((PHONE, digits) for digits in set(release_phones(release)))
    return out


# -- engines -------------------------------------------------------------------------------


class Searcher(Protocol):
    def search(self, query: Query) -> Sequence[int]: ...


class Engine(Protocol):
    name: str

    def build(self, releases: Sequence[Release], folder: Path) -> None: ...

    def open(self, releases: Sequence[Release], folder: Path) -> Searcher: ...


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PressroomEngine:
    """Today's ``SearchIndex``: ``build``, ``to_bytes`` to one file (fsynced), ``from_file``."""

    name = "pressroom"

    def build(self, releases: Sequence[Release], folder: Path) -> None:
        from store.search.index import SearchIndex

        index = SearchIndex.build(releases)
        path = folder / "index.bin"
        path.write_bytes(index.to_bytes())
        _fsync(path)

    def open(self, releases: Sequence[Release], folder: Path) -> Searcher:
        from store.search.index import SearchIndex

        with open(folder / "index.bin", "rb") as handle:
            return SearchIndex.from_file(handle, releases)


def _regex_escape(text: str) -> str:
    """*text* as a literal in the regex syntax of tantivy (Rust's regex-syntax)."""
    return "".join("\\" + ch if ch in "\\.+*?()|[]{}^$#&-~" else ch for ch in text)


class TantivyEngine:
    """tantivy over our tokens: one ``text`` field, one ``raw`` field per qualifier."""

    name = "tantivy"

    def __init__(self, threads: int = 1, heap: int = 256_000_000) -> None:
        self.threads = threads
        self.heap = heap

    @staticmethod
    def _schema() -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("text", tokenizer_name="ws", index_option="position")
        builder.add_unsigned_field("pos", fast=True)
        builder.add_unsigned_field("ord", indexed=True)
        for name in (*FIELDS, PHONE):
            builder.add_text_field(f"f_{name}", tokenizer_name="raw", index_option="basic")
        return builder.build()

    @staticmethod
    def _register(index: Any) -> None:
        import tantivy

        analyzer = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        index.register_tokenizer("ws", analyzer)

    def build(self, releases: Sequence[Release], folder: Path) -> None:
        import tantivy

        index = tantivy.Index(self._schema(), path=str(folder))
        self._register(index)
        writer = index.writer(heap_size=self.heap, num_threads=self.threads)
        for position, release in enumerate(releases):
            doc = tantivy.Document()
            doc.add_text("text", release_token_string(release))
            doc.add_unsigned("pos", position)
            doc.add_unsigned("ord", release_ordinal(release))
            for name, key in field_entries(release):
                doc.add_text(f"f_{name}", key)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()

    def open(self, releases: Sequence[Release], folder: Path) -> Searcher:
        import tantivy

        index = tantivy.Index.open(str(folder))
        self._register(index)
        index.reload()
        return _TantivySearcher(index, len(releases))


class _TantivySearcher:
    def __init__(self, index: Any, size: int) -> None:
        import tantivy

        self._t = tantivy
        self.schema = index.schema
        self.searcher = index.searcher()
        self.size = size
        # Every distinct value of every qualifier, for the substring scan (see _field).
        self.keys = {
            name: [key for key, _ in self.searcher.terms_with_prefix(f"f_{name}", "", limit=None)]
            for name in (*FIELDS, PHONE)
        }

    def _field(self, name: str, value: str) -> Any:
        """The releases with a value of qualifier *name* holding *value*.

        tantivy has no substring search: a ``.*value.*`` regex walks the whole
        term dictionary (20 ms over the real corpus's 35k organisations). The
        values are scanned in Python instead (4-6 ms), and the few that match
        looked up as a term set; when many match, the regex is cheaper than a
        set of thousands of terms.
        """
        q = self._t.Query
        found = [key for key in self.keys[name] if value in key]
        if not found:
            return q.empty_query()
        if len(found) <= FIELD_TERM_SET_MAX:
            return q.term_set_query(self.schema, f"f_{name}", found)
        return q.regex_query(self.schema, f"f_{name}", f".*{_regex_escape(value)}.*")

    def _text(self, term: Term) -> Any:
        q = self._t.Query
        tokens = term.tokens
        if len(tokens) == 1:
            if term.prefix:
                return q.regex_query(self.schema, "text", _regex_escape(tokens[0]) + ".*")
            return q.term_query(self.schema, "text", tokens[0])
        if term.prefix:
            words: list[str | tuple[int, str]] = [_regex_escape(t) for t in tokens[:-1]]
            words.append(_regex_escape(tokens[-1]) + ".*")
            return q.regex_phrase_query(self.schema, "text", words)
        return q.phrase_query(self.schema, "text", list(tokens))

    def _term(self, term: Term) -> Any:
        q = self._t.Query
        if term.kind == "text":
            return self._text(term)
        if term.kind == "field":
            found = self._field(term.field, term.value)
            if term.digits:
                phones = self._field(PHONE, term.digits)
                should = self._t.Occur.Should
                found = q.boolean_query([(should, found), (should, phones)])
            return found
        if term.kind == "date":
            return q.range_query(
                self.schema, "ord", self._t.FieldType.Unsigned, term.start, term.end
            )
        raise ValueError(f"not supported by the bake-off: {term.kind}")

    def query(self, query: Query) -> Any:
        occur, q = self._t.Occur, self._t.Query
        clauses = []
        for clause in query.clauses:
            terms = []
            for term in clause:
                found = self._term(term)
                if term.negated:
                    found = q.boolean_query([(occur.Must, q.all_query()), (occur.MustNot, found)])
                terms.append(found)
            if len(terms) == 1:
                clauses.append((occur.Must, terms[0]))
            else:
                clauses.append((occur.Must, q.boolean_query([(occur.Should, t) for t in terms])))
        return clauses[0][1] if len(clauses) == 1 else q.boolean_query(clauses)

    def search(self, query: Query) -> Sequence[int]:
        # All hits, ordered by the fast field "pos" (which also turns scoring off):
        # the only way tantivy-py hands back every hit is a top-N with N = all.
        hits = self.searcher.search(
            self.query(query), limit=max(1, self.size), count=False, order_by_field="pos"
        ).hits
        return list(map(itemgetter(0), hits))


class Fts5Engine:
    """SQLite FTS5 (contentless, positions kept) over our tokens, plus side tables."""

    name = "fts5"

    def __init__(self, prefix: str = "1 2 3") -> None:
        self.prefix = prefix

    def build(self, releases: Sequence[Release], folder: Path) -> None:
        path = folder / "index.sqlite"
        db = sqlite3.connect(path)
        db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE VIRTUAL TABLE ft USING fts5(t, tokenize=\"ascii tokenchars '|'\","
            f" content='', columnsize=0, detail=full{', prefix=' + repr(self.prefix) if self.prefix else ''});"
            "CREATE TABLE dates(pos INTEGER PRIMARY KEY, ord INTEGER NOT NULL);"
            "CREATE TABLE fkeys(kid INTEGER PRIMARY KEY, field TEXT NOT NULL, key TEXT NOT NULL);"
            "CREATE TABLE fpost(kid INTEGER NOT NULL, pos INTEGER NOT NULL,"
            " PRIMARY KEY (kid, pos)) WITHOUT ROWID;"
        )
        keys: dict[tuple[str, str], int] = {}
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO ft(rowid, t) VALUES (?, ?)",
            ((p, release_token_string(r)) for p, r in enumerate(releases)),
        )
        db.executemany(
            "INSERT INTO dates VALUES (?, ?)",
            ((p, release_ordinal(r)) for p, r in enumerate(releases)),
        )
        postings = [
            (keys.setdefault(entry, len(keys)), p)
            for p, r in enumerate(releases)
            for entry in field_entries(r)
        ]
        db.executemany(
            "INSERT INTO fkeys VALUES (?, ?, ?)", ((k, f, v) for (f, v), k in keys.items())
        )
        db.executemany("INSERT INTO fpost VALUES (?, ?)", sorted(postings))
        db.execute("CREATE INDEX dates_ord ON dates(ord)")
        db.execute("INSERT INTO ft(ft) VALUES ('optimize')")
        db.commit()
        db.close()
        _fsync(path)

    def open(self, releases: Sequence[Release], folder: Path) -> Searcher:
        db = sqlite3.connect(f"file:{folder / 'index.sqlite'}?mode=ro", uri=True)
        db.execute("PRAGMA mmap_size=2147483648")
        db.execute("PRAGMA cache_size=-65536")
        db.execute("SELECT count(*) FROM fkeys").fetchone()  # open really reads something
        return _Fts5Searcher(db)


def _fts_string(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens).replace('"', '""') + '"'


class _Fts5Searcher:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @staticmethod
    def _match(term: Term) -> str:
        return _fts_string(term.tokens) + (" *" if term.prefix else "")

    @staticmethod
    def _set(term: Term) -> tuple[str, list[Any]]:
        """A SELECT of the positions *term* (ignoring negation) holds, and its parameters."""
        if term.kind == "text":
            return "SELECT rowid FROM ft WHERE ft MATCH ?", [_Fts5Searcher._match(term)]
        if term.kind == "field":
            sql = (
                "SELECT DISTINCT pos FROM fpost WHERE kid IN"
                " (SELECT kid FROM fkeys WHERE field = ? AND instr(key, ?))"
            )
            params: list[Any] = [term.field, term.value]
            if term.digits:
                sql += " UNION " + sql
                params += [PHONE, term.digits]
            return sql, params
        if term.kind == "date":
            return "SELECT pos FROM dates WHERE ord BETWEEN ? AND ?", [term.start, term.end]
        raise ValueError(f"not supported by the bake-off: {term.kind}")

    def sql(self, query: Query) -> tuple[str, list[Any]]:
        """One statement: the text clauses as one MATCH (FTS5 intersects them itself),
        the other clauses as INTERSECT / EXCEPT of side-table SELECTs."""
        match: list[str] = []
        excluded: list[str] = []
        sets: list[tuple[str, list[Any]]] = []
        for clause in query.clauses:
            if all(t.kind == "text" and not t.negated for t in clause):
                match.append("(" + " OR ".join(self._match(t) for t in clause) + ")")
            elif len(clause) == 1 and clause[0].kind == "text":
                excluded.append(self._match(clause[0]))
            else:
                parts, params = [], []
                for term in clause:
                    sql, p = self._set(term)
                    if term.negated:
                        sql = f"SELECT pos FROM dates EXCEPT SELECT * FROM ({sql})"
                    parts.append(f"SELECT * FROM ({sql})")
                    params += p
                sets.append((" UNION ".join(parts), params))
        selects: list[tuple[str, list[Any]]] = []
        if match:
            expr = " AND ".join(match) + "".join(f" NOT {e}" for e in excluded)
            selects.append(("SELECT rowid FROM ft WHERE ft MATCH ?", [expr]))
            excluded = []
        selects.extend((f"SELECT * FROM ({s})", p) for s, p in sets)
        if not selects:
            selects.append(("SELECT pos FROM dates", []))
        sql = " INTERSECT ".join(s for s, _ in selects)
        params = [p for _, ps in selects for p in ps]
        for expr in excluded:
            sql += " EXCEPT SELECT rowid FROM ft WHERE ft MATCH ?"
            params.append(expr)
        return sql, params

    def search(self, query: Query) -> Sequence[int]:
        sql, params = self.sql(query)
        return list(map(itemgetter(0), self.db.execute(sql, params).fetchall()))


def make_engine(name: str, options: dict[str, Any]) -> Engine:
    if name == "pressroom":
        return PressroomEngine()
    if name == "tantivy":
        return TantivyEngine(threads=int(options.get("tantivy_threads", 1)))
    if name == "fts5":
        return Fts5Engine(prefix=str(options.get("fts5_prefix", "1 2 3")))
    raise ValueError(name)


# -- children --------------------------------------------------------------------------------


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def month_counts(months: Sequence[str], positions: Sequence[int]) -> Counter[str]:
    """Hits per month, as ``ResultView.months`` counts them (the same code for every engine)."""
    if len(positions) > 1:
        counts = Counter(itemgetter(*positions)(months))
    else:
        counts = Counter(months[p] for p in positions)
    counts.pop("", None)
    return counts


def org_counts(organisations: Sequence[Sequence[str]], positions: Sequence[int]) -> Counter[str]:
    """Hits per organisation, as ``Archive.facets`` counts them."""
    counts: Counter[str] = Counter()
    for position in positions:
        counts.update(organisations[position])
    return counts


def child_build(engine: Engine, spec: str, folder: Path) -> dict[str, Any]:
    started = time.perf_counter()
    releases = load_releases(spec)
    loaded_s = time.perf_counter() - started
    gc.collect()
    base_kib = _status_kib("VmRSS")
    started = time.perf_counter()
    engine.build(releases, folder)
    build_s = time.perf_counter() - started
    return {
        "releases": len(releases),
        "corpus_load_s": loaded_s,
        "build_s": build_s,
        "base_mib": base_kib / 1024,
        "peak_mib": _status_kib("VmHWM") / 1024,
        "disk_mib": _folder_bytes(folder) / 2**20,
    }


def child_query(
    engine: Engine,
    spec: str,
    folder: Path,
    workload: list[str],
    finals: list[str],
    passes: int,
    hits_out: Path,
) -> dict[str, Any]:
    releases = load_releases(spec)
    months = [(r.date or "")[:7] for r in releases]
    organisations = [r.organisations for r in releases]
    gc.collect()
    base_kib = _status_kib("VmRSS")
    started = time.perf_counter()
    searcher = engine.open(releases, folder)
    load_s = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # the app owns its collector too (store/collector.py): no full collections here
    queries = [parse_query(text) for text in workload]
    timings: list[list[float]] = []
    engine_only: list[list[float]] = []
    hits: dict[str, bytes] = {}
    for _ in range(passes):
        took, took_engine = [], []
        for text, query in zip(workload, queries, strict=True):
            started = time.perf_counter()
            positions = searcher.search(query)
            found = time.perf_counter()
            month_counts(months, positions)
            ended = time.perf_counter()
            took.append((ended - started) * 1000)
            took_engine.append((found - started) * 1000)
            if text not in hits:
                hits[text] = array("I", sorted(positions)).tobytes()
        timings.append(took)
        engine_only.append(took_engine)
    # Facets (hits per organisation) for the whole query of each typed sequence.
    facet_ms = []
    for text in finals:
        query = parse_query(text)
        started = time.perf_counter()
        positions = searcher.search(query)
        month_counts(months, positions)
        org_counts(organisations, positions)
        facet_ms.append((time.perf_counter() - started) * 1000)
    with open(hits_out, "wb") as out:
        pickle.dump(hits, out, protocol=pickle.HIGHEST_PROTOCOL)
    return {
        "load_s": load_s,
        "base_mib": base_kib / 1024,
        "peak_mib": _status_kib("VmHWM") / 1024,
        "keystroke_ms": timings,
        "engine_ms": engine_only,
        "search_and_facets_ms": facet_ms,
    }


def run_child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=("build", "query"), required=True)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--options", default="{}")
    parser.add_argument("--workload", type=Path)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--hits-out", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    engine = make_engine(args.engine, json.loads(args.options))
    if args.child == "build":
        result = child_build(engine, args.spec, args.folder)
    else:
        work = json.loads(args.workload.read_text())
        result = child_query(
            engine,
            args.spec,
            args.folder,
            work["keys"],
            work["finals"],
            args.passes,
            args.hits_out,
        )
    args.out.write_text(json.dumps(result))


# -- the parent --------------------------------------------------------------------------------


def _log(message: str) -> None:
    load = os.getloadavg()[0]
    print(f"[{time.strftime('%H:%M:%S')} load {load:.2f}] {message}", file=sys.stderr, flush=True)


def _spawn(args: list[str], out: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "tests.benchmarks.engines", *args, "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _pct(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _describe(positions: bytes, reference: bytes) -> str:
    got, want = set(array("I", positions)), set(array("I", reference))
    extra, missing = sorted(got - want), sorted(want - got)
    return f"{len(got)} vs {len(want)}: {len(extra)} extra {extra[:5]}, {len(missing)} missing {missing[:5]}"


def measure_corpus(
    name: str,
    spec: str,
    sequences: dict[str, list[str]],
    engines: Sequence[str],
    work: Path,
    options: dict[str, Any],
    passes: int,
) -> dict[str, Any]:
    finals = [typed for group in sequences.values() for typed in group]
    workload = [q for typed in finals for q in keystrokes(typed)]
    kinds = [kind_of(parse_query(q)) for q in workload]
    workload_file = work / f"{name}-workload.json"
    workload_file.write_text(json.dumps({"keys": workload, "finals": finals}))
    corpus: dict[str, Any] = {
        "spec": spec,
        "sequences": sequences,
        "keystrokes": len(workload),
        "kinds": dict(Counter(kinds)),
        "engines": {},
    }
    hit_sets: dict[str, dict[str, bytes]] = {}
    for engine in engines:
        folder = work / f"{name}-{engine}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        common = ["--engine", engine, "--spec", spec, "--folder", str(folder)]
        common += ["--options", json.dumps(options)]
        _log(f"{name}: building {engine}")
        built = _spawn(["--child", "build", *common], work / "build.json")
        _log(f"{name}: {engine} built in {built['build_s']:.1f} s; querying")
        hits_file = work / f"{name}-{engine}-hits.pickle"
        queried = _spawn(
            [
                "--child",
                "query",
                *common,
                "--workload",
                str(workload_file),
                "--passes",
                str(passes),
                "--hits-out",
                str(hits_file),
            ],
            work / "query.json",
        )
        with open(hits_file, "rb") as handle:
            hit_sets[engine] = pickle.load(handle)
        timed = queried["keystroke_ms"][-1]
        engine_only = queried["engine_ms"][-1]
        figures: dict[str, Any] = {
            "build": built,
            "query": queried,
            "keystroke_p50_ms": _pct(timed, 0.5),
            "keystroke_p95_ms": _pct(timed, 0.95),
            "keystroke_max_ms": max(timed),
            "engine_p50_ms": _pct(engine_only, 0.5),
            "engine_p95_ms": _pct(engine_only, 0.95),
            "first_pass_p95_ms": _pct(queried["keystroke_ms"][0], 0.95),
        }
        for kind in ("word", "phrase", "field"):
            chosen = [t for t, k in zip(timed, kinds, strict=True) if k == kind]
            figures[f"{kind}_p50_ms"] = _pct(chosen, 0.5)
            figures[f"{kind}_p95_ms"] = _pct(chosen, 0.95)
        corpus["engines"][engine] = figures
        shutil.rmtree(folder, ignore_errors=True)
        _log(
            f"{name}: {engine}: load {queried['load_s']:.2f} s, keystroke p50/p95 "
            f"{figures['keystroke_p50_ms']:.1f}/{figures['keystroke_p95_ms']:.1f} ms"
        )
    reference = hit_sets.get("pressroom")
    for engine in engines:
        mismatches: list[dict[str, Any]] = []
        if reference is not None and engine != "pressroom":
            for text, want in reference.items():
                got = hit_sets[engine].get(text)
                if got != want:
                    mismatches.append({"query": text, "detail": _describe(got or b"", want)})
        corpus["engines"][engine]["mismatches"] = len(mismatches)
        corpus["engines"][engine]["mismatch_examples"] = mismatches[:10]
        counts = [len(v) // 4 for v in hit_sets[engine].values()]
        corpus["engines"][engine]["hits_median"] = statistics.median(counts) if counts else 0
    corpus["distinct_queries"] = len(reference or {})
    return corpus


COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("build s", lambda f: f"{f['build']['build_s']:.1f}"),
    (
        "peak MiB (releases)",
        lambda f: f"{f['build']['peak_mib']:.0f} ({f['build']['base_mib']:.0f})",
    ),
    ("disk MiB", lambda f: f"{f['build']['disk_mib']:.0f}"),
    ("load s", lambda f: f"{f['query']['load_s']:.2f}"),
    ("key p50/p95 ms", lambda f: f"{f['keystroke_p50_ms']:.1f} / {f['keystroke_p95_ms']:.1f}"),
    ("word p50/p95", lambda f: f"{f['word_p50_ms']:.1f} / {f['word_p95_ms']:.1f}"),
    ("phrase p50/p95", lambda f: f"{f['phrase_p50_ms']:.1f} / {f['phrase_p95_ms']:.1f}"),
    ("field p50/p95", lambda f: f"{f['field_p50_ms']:.1f} / {f['field_p95_ms']:.1f}"),
    ("key max", lambda f: f"{f['keystroke_max_ms']:.0f}"),
    ("mismatches", lambda f: str(f["mismatches"])),
)


def table(results: dict[str, Any]) -> str:
    """A Markdown table: one row per corpus and engine."""
    head = ["corpus", "engine", *(name for name, _ in COLUMNS)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for corpus_name, corpus in results["corpora"].items():
        for engine, figures in corpus["engines"].items():
            cells = [corpus_name, engine, *(render(figures) for _, render in COLUMNS)]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--child" in argv:
        run_child(argv)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--real-corpus-store", default="", help="a store to read (never written)")
    parser.add_argument("--sizes", default="100000", help="synthetic sizes, comma-separated")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--passes", type=int, default=2, help="typed passes; the last is reported")
    parser.add_argument("--tantivy-threads", type=int, default=1)
    parser.add_argument("--fts5-prefix", default="1 2 3", help="FTS5 prefix indexes ('' for none)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    options = {"tantivy_threads": args.tantivy_threads, "fts5_prefix": args.fts5_prefix}
    corpora: list[tuple[str, str, dict[str, list[str]]]] = []
    if args.real_corpus_store:
        corpora.append(("real", f"real:{args.real_corpus_store}", REAL_WORKLOAD))
    for size in (int(s) for s in args.sizes.split(",") if s):
        corpora.append((f"synthetic-{size}", f"synthetic:{size}", SYNTHETIC_WORKLOAD))
    results: dict[str, Any] = {
        "machine": {
            "python": sys.version.split()[0],
            "sqlite": sqlite3.sqlite_version,
            "tantivy": _tantivy_version(),
            "cpus": os.cpu_count(),
            "loadavg_start": os.getloadavg(),
        },
        "options": options,
        "corpora": {},
    }
    with tempfile.TemporaryDirectory(prefix="pressroom-engines-") as tmp:
        for name, spec, sequences in corpora:
            results["corpora"][name] = measure_corpus(
                name, spec, sequences, engines, Path(tmp), options, args.passes
            )
            results["machine"]["loadavg_end"] = os.getloadavg()
            if args.json:
                args.json.write_text(json.dumps(results, indent=1))
            _report_mismatches(name, results["corpora"][name])
    print(table(results))
    return 0


def _report_mismatches(name: str, corpus: dict[str, Any]) -> None:
    for engine, figures in corpus["engines"].items():
        for example in figures["mismatch_examples"]:
            _log(f"MISMATCH {name} {engine} {example['query']!r}: {example['detail']}")


def _tantivy_version() -> str:
    try:
        import tantivy
    except ImportError:
        return "absent"
    return str(getattr(tantivy, "__version__", "?"))


if __name__ == "__main__":
    raise SystemExit(main())
