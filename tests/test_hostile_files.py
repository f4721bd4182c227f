"""Hostile files (SECURITY.md P1–P8, E1–E11): every reader refuses cleanly or yields clean text."""

from __future__ import annotations

import io
import pyexpat
import random
import socket
import time
import urllib.request
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest.build import build_release
from store.ingest.discover import ImportProblem, SourceFile
from store.ingest.draft import Draft
from store.ingest.limits import WALL_FACTOR, time_limit
from store.ingest.read import _READERS, read_source, sniff
from store.ingest.readers.html import html_to_text

ALL_FORMATS = ["txt", "md", "html", "json", "jsonl", "eml", "feed", "auto"]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>&i;</title><description>boom</description></item></channel></rss>
"""


def _read(fmt: str, data: bytes, path: str = "/imports/hostile") -> list[Draft]:
    return read_source(SourceFile(path, fmt), data)


def _all_text(drafts: list[Draft]) -> str:
    parts: list[str] = []
    for d in drafts:
        parts += [d.text, d.title or "", d.date or "", d.language or "", d.entry_key or ""]
        parts += d.tags + [x.url for x in d.links] + [x.label for x in d.links]
    return "\n".join(parts)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and block) any attempt to open a connection or fetch a URL."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


# P1, P2, P3, P4, P8: feeds


def test_expat_has_billion_laughs_protection() -> None:
    # Amplification limits arrived in Expat 2.4.0; 2.6.0 adds the large-token
    # reparse fix. This machine's Python links Expat 2.5.0: see the next test.
    major, minor, _ = pyexpat.version_info
    assert (major, minor) >= (2, 4), pyexpat.EXPAT_VERSION


def test_billion_laughs_in_feedparser_itself_expands_nothing() -> None:
    with time_limit(5.0):
        parsed = feedparser.parse(io.BytesIO(BILLION_LAUGHS))
    titles = [entry.get("title", "") for entry in parsed.entries]
    assert all(len(title) < 1000 for title in titles)


def test_billion_laughs_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportProblem, match="feed declares XML entities"):
        _read("feed", BILLION_LAUGHS)


def test_billion_laughs_in_utf16_is_refused_too() -> None:
    data = BILLION_LAUGHS.decode().replace('version="1.0"', 'version="1.0" encoding="utf-16"')
    with pytest.raises(ImportProblem, match="feed declares XML entities"):
        _read("feed", "\ufeff".encode("utf-16-le") + data.encode("utf-16-le"))


def test_external_entities_read_and_fetch_nothing(tmp_path: Path, no_network: list[object]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for target in (secret.as_uri(), "http://127.0.0.1:1/x"):
        feed = (
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{target}">]>'
            '<rss version="2.0"><channel><title>t</title>'
            "<item><title>&x;</title><description>d</description></item></channel></rss>"
        ).encode()
        with pytest.raises(ImportProblem):
            _read("feed", feed)
        # And feedparser alone does not resolve them either.
        parsed = feedparser.parse(io.BytesIO(feed))
        assert "TOP-SECRET" not in str(parsed)
    assert no_network == []


def test_feed_whose_content_is_a_url_or_a_path(no_network: list[object]) -> None:
    for content in (b"http://127.0.0.1:1/feed.xml", b"https://evil.example/feed", b"/etc/passwd"):
        with pytest.raises(ImportProblem, match="not an RSS or Atom feed"):
            _read("feed", content)
    assert no_network == []


def test_feed_links_javascript_and_file_never_become_links() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>One</title><link>javascript:alert(document.cookie)</link>
      <description>&lt;a href="file:///etc/passwd"&gt;passwd&lt;/a&gt;
      &lt;a href="JaVaScRiPt:alert(1)"&gt;js&lt;/a&gt;</description></item>
    <item><title>Two</title><link>file:///etc/passwd</link><description>x</description></item>
    </channel></rss>"""
    drafts = _read("feed", feed)
    assert all(d.links == [] for d in drafts)
    everything = _all_text(drafts).lower()
    assert "javascript" not in everything and "file:" not in everything
    assert drafts[0].text == "passwd js"


def test_quadratic_feedparser_author_is_defused() -> None:
    author = ("a." * 8000).encode()  # about 1 s inside feedparser unguarded, 4 s at 16k
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        b"<title>Entry</title><author>" + author + b"</author>"
        b"<dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'><![CDATA["
        + author
        + b"]]></dc:creator><description>Body</description></item></channel></rss>"
    )
    started = time.process_time()
    [draft] = _read("feed", feed)
    assert (draft.title, draft.text) == ("Entry", "Body")
    # Not a timing assertion on the machine: a bound ten times the expected cost,
    # measured in CPU time of this process, that the unguarded parse exceeds.
    assert time.process_time() - started < 0.5


def test_time_limit_interrupts_a_catastrophic_regex() -> None:
    import re

    started = time.monotonic()
    with pytest.raises(ImportProblem, match="parse time limit exceeded"), time_limit(0.2):
        re.match(r"(a+)+$", "a" * 40 + "!")
    assert time.monotonic() - started < 30  # it did not run to completion (hours)


def test_time_limit_restores_an_outer_limit() -> None:
    with pytest.raises(ImportProblem), time_limit(0.3):
        with time_limit(5.0):
            pass
        while True:  # the outer limit must still fire
            sum(range(1000))


def test_time_limit_counts_cpu_not_the_wait_for_a_core() -> None:
    # A parse that waits (here: sleeps, as a parse waits for a core on a
    # loaded machine) past its bound on the clock is not refused; only the CPU
    # it burns counts. Before, the bound was the clock's and this raised.
    started = time.monotonic()
    with time_limit(0.2):
        time.sleep(0.5)
        sum(range(1000))
    assert time.monotonic() - started >= 0.5


def test_time_limit_still_ends_a_block_that_burns_no_cpu() -> None:
    started = time.monotonic()
    with pytest.raises(ImportProblem, match="parse time limit exceeded"), time_limit(0.05):
        while True:
            time.sleep(0.01)
    elapsed = time.monotonic() - started
    assert 0.05 * WALL_FACTOR <= elapsed < 30


# P5 is in test_importers_discover.py (refusals before reading); the read side:


def test_25_mb_of_zeros_is_refused_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "zeros.txt"
    with path.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024)
    with pytest.raises(ImportProblem, match="larger than 20 MB"):
        read_source(SourceFile(str(path), "txt"))


def test_dev_zero_link_is_refused_while_reading(tmp_path: Path) -> None:
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    with pytest.raises(ImportProblem, match="not a regular file"):
        read_source(SourceFile(str(tmp_path / "zero.md"), "md"))


def test_zero_byte_and_blank_files() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(ImportProblem, match="empty file"):
            _read("txt", data)


# P6: HTML


def test_html_nested_100000_deep() -> None:
    [draft] = _read("html", b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000)
    assert draft.text == "deep text"
    [draft] = _read("html", b"<p><b><i><span>" * 25_000 + b"unclosed")
    assert draft.text.endswith("unclosed")


@pytest.mark.parametrize(
    "fragment",
    ["<!--", "<a ", "<a b='", '<a b="x', "</", "</a", "<?", "<p", "<![CDATA[", "<!DOCTYPE"],
)
def test_html_constructs_that_make_the_stdlib_parser_quadratic(fragment: str) -> None:
    markup = "<p>Before</p>" + fragment * 50_000  # 33 s for "<a " before the defusing
    page = html_to_text(markup)
    assert page.text.startswith("Before")


def test_html_nul_bytes_and_unclosed_tags() -> None:
    [draft] = _read("html", b"<p>Acme\x00 opens <b>lab<p>Second\x00 paragraph<div><span>")
    assert draft.text == "Acme opens lab\n\nSecond paragraph"


# P7: encodings


def test_utf16_with_bom_html() -> None:
    html = "<html><body><p>Café – “ok”</p></body></html>"
    [draft] = _read("html", "\ufeff".encode("utf-16-le") + html.encode("utf-16-le"))
    assert draft.text == "Café – “ok”"


def test_cp1252_quotes_text() -> None:
    [draft] = _read("txt", "He said “hello” – it’s 10 €".encode("cp1252"))
    assert draft.text == "He said “hello” – it’s 10 €"


def test_shift_jis_html_with_meta() -> None:
    html = '<meta charset="shift_jis"><p>東京 ― 本日、新製品を発表しました。</p>'
    [draft] = _read("html", html.encode("shift_jis"))
    assert draft.text == "東京 ― 本日、新製品を発表しました。"


def test_latin1_declared_as_utf8() -> None:
    html = '<meta charset="utf-8"><p>Le président a déclaré</p>'
    [draft] = _read("html", html.encode("latin-1"))
    assert draft.text == "Le président a déclaré"


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "json", "jsonl", "eml", "feed"])
def test_random_binary_is_refused_with_a_reason(fmt: str) -> None:
    blob = random.Random(1).randbytes(5000)
    with pytest.raises(ImportProblem) as problem:
        _read(fmt, blob)
    assert str(problem.value)


# E1–E11: terminal payloads inside every format come out cleaned

PAYLOADS = [
    "\x1b]52;c;ZWNobyBwd25lZA==\x1b\\",  # E1 OSC 52, ST-terminated
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",  # E1 BEL-terminated
    "\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\",  # E2
    "\x1b]0;PWNED\x1b\\",  # E3
    "\x1b[2J\x1b[H\x1bc\x1b[?1049l\x1b7",  # E4
    "\x9b2J\x9d0;t\x9c\x90q\x9c",  # E5
    "\x1b[6n\x1b[21t",  # E6
    "\x00\x7f\x08\r",  # E9
    "moc.live@\u202eoec\u200b",  # E10
]
BAD = ["\x1b", "\x9b", "\x9d", "\x90", "\x9c", "\x00", "\x7f", "\x08", "\r", "\u202e", "\u200b"]


def _hostile(fmt: str) -> bytes:
    p = "Safe " + " Safe ".join(PAYLOADS) + " end"
    unterminated = "tail \x1b]52;c;never-terminated"  # E7, at the end of a field
    if fmt == "txt":
        return f"{p}\n\n{unterminated}".encode()
    if fmt == "md":
        return f"# Title {p}\n\n[link](https://a.example/{PAYLOADS[0]}x) {p}\n\n{unterminated}".encode()
    if fmt == "html":
        return (
            f"<title>{p}</title><h1>{p}</h1><p>{p}</p><p>{unterminated}</p>"
            f'<p><a href="https://a.example/\x1b\\x">E8 link</a> after</p>'
        ).encode()
    if fmt in ("json", "jsonl"):
        import json

        doc = {"title": p, "body": p + "\n\n" + unterminated, "tags": [p], "lang": p}
        return json.dumps(doc, ensure_ascii=False).encode() + b"\n"
    if fmt == "eml":
        return f"Subject: {p}\nContent-Type: text/plain; charset=utf-8\n\n{p}\n\n{unterminated}".encode()
    if fmt == "feed":
        from xml.sax.saxutils import escape

        # XML 1.0 cannot carry C0 controls: an escape is written as a
        # character reference, which the loose parser fallback decodes.
        x = escape(p).replace("\x1b", "&#27;")
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>{x}</title><description>{x}</description>"
            f"<category>{x}</category><guid>{x}</guid></item></channel></rss>"
        ).encode()
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "json", "jsonl", "eml", "feed"])
def test_escape_payloads_are_cleaned_in_every_field(fmt: str) -> None:
    drafts = _read(fmt, _hostile(fmt))
    everything = _all_text(drafts)
    for bad in BAD:
        assert bad not in everything, (fmt, repr(bad))
    assert "Safe" in everything and "PWNED" not in everything
    if fmt != "feed":
        # feedparser turns the 8-bit ST (\x9c) into "œ" (it maps C1 as cp1252), so in
        # a feed the E5 OSC runs to the end of its field and swallows what follows.
        assert "moc.live@oec" in everything  # E10: the bidi override is gone
        assert "end" in everything  # the field after the payloads survives (E7 is per field)


def test_e10_bidi_override_in_a_feed() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        "<title>Contact moc.live@\u202eoec\u200b</title><description>x</description>"
        "</item></channel></rss>"
    ).encode()
    [draft] = _read("feed", feed)
    assert draft.title == "Contact moc.live@oec"


def test_e11_lone_surrogates_from_bad_utf16() -> None:
    data = "\ufeff".encode("utf-16-le") + b"O\x00K\x00\x00\xd8!\x00"
    [draft] = _read("txt", data)
    draft.text.encode("utf-8")
    assert draft.text.startswith("OK")


# Any bytes, any reader: ImportProblem or drafts, never another exception


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    b"<",
                    b">",
                    b"<a href='",
                    b"<!--",
                    b"&#27;",
                    b"{",
                    b"}",
                    b'"title":',
                    b"[",
                    b"]",
                    b"\n",
                    b"# ",
                    b"<rss version='2.0'>",
                    b"<item>",
                    b"<title>",
                    b"Subject: ",
                    b"\x1b]",
                    b"\x00",
                    b"\xff\xfe",
                    b"=?utf-8?q?",
                    b"<feed>",
                    b"<entry>",
                    b"**",
                    b"](",
                    b"<![CDATA[",
                    b"]]>",
                    b"<!ENTITY",
                    b"\xe9",
                    b"\xa0",
                ]
            ),
            max_size=40,
        ).map(b"".join),
    )
)
def test_any_bytes_raise_only_import_problem(data: bytes) -> None:
    # Aimed at each reader and at extraction themselves: read_source's guard
    # (any other exception becomes "cannot read: ...") and parse_source's (a
    # failed entry becomes a problem) would hide a bug here.
    sniff(data)
    for fmt, reader in sorted(_READERS.items()):
        try:
            drafts = reader(data)
        except ImportProblem as problem:
            assert str(problem)
            continue
        for draft in drafts:
            assert isinstance(draft.text, str)
            _all_text([draft]).encode("utf-8")  # no lone surrogates anywhere
            release = build_release(draft, f"/imports/hostile.{fmt}")
            assert "\x1b" not in release.title and "\x00" not in release.title
