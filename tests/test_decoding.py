"""Decoding imported bytes: BOMs, UTF-8, declared charsets, guessing, binary refusal (P7)."""

from __future__ import annotations

import codecs
import random

import pytest

from store.ingest.decoding import decode, decode_markup, sniff_declared_charset
from store.ingest.limits import ImportProblem

WESTERN = "Acme’s CEO said “we are thrilled” – café, naïve, 10 €."


def test_plain_utf8() -> None:
    assert decode(WESTERN.encode("utf-8")) == WESTERN


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    text = decode(bom + WESTERN.encode(codec))
    assert text == WESTERN  # and the BOM itself is gone


def test_utf16_without_bom_is_recognised() -> None:
    assert decode("PRESS RELEASE\nLondon – today".encode("utf-16-le")) == (
        "PRESS RELEASE\nLondon – today"
    )


def test_cp1252_quotes_short_text_is_not_read_as_cp1250() -> None:
    # charset-normalizer calls this cp1250; the quotes and dashes must survive either way.
    assert decode("“Quoted” – it’s fine, café.".encode("cp1252")) == "“Quoted” – it’s fine, café."


def test_cp1252_euro_and_trademark() -> None:
    assert decode("Price: 10 € for Acme™ — now".encode("cp1252")) == "Price: 10 € for Acme™ — now"


def test_shift_jis() -> None:
    text = "東京 - 本日、株式会社サンプルは新製品を発表しました。詳細はウェブサイトをご覧ください。"
    assert decode(text.encode("shift_jis")) == text


def test_polish_cp1250_long_text() -> None:
    text = "Zażółć gęślą jaźń. Prezes spółki powiedział, że wyniki są bardzo dobre. " * 12
    assert decode(text.encode("cp1250")) == text.strip() or decode(text.encode("cp1250")) == text


def test_latin1_declared_as_utf8_reads_as_latin1() -> None:
    html = '<meta charset="utf-8"><p>Le président a déclaré à Genève</p>'.encode("latin-1")
    assert "président a déclaré à Genève" in decode_markup(html)


def test_declared_charset_is_used_after_utf8_fails() -> None:
    data = '<?xml version="1.0" encoding="iso-8859-15"?><t>Prix : 5 €</t>'.encode("iso-8859-15")
    assert sniff_declared_charset(data) == "iso-8859-15"
    assert "5 €" in decode(data)


def test_latin1_label_means_cp1252() -> None:
    # Real pages declare ISO-8859-1 and use cp1252 curly quotes (0x93, 0x94).
    data = '<meta charset="iso-8859-1"><p>“Hello”</p>'.encode("cp1252")
    assert "“Hello”" in decode(data)


def test_explicit_declared_charset_argument() -> None:
    assert decode("Grüße".encode("cp850"), declared="cp850") == "Grüße"


def test_mostly_utf8_with_a_stray_cp1252_byte_keeps_the_utf8() -> None:
    text = ("The company’s CEO said “we are thrilled” – a rise. " * 10).encode("utf-8")
    data = text + "caf\xe9".encode("latin-1") + text
    decoded = decode(data)
    assert "company’s" in decoded and "café" in decoded


def test_random_binary_is_refused() -> None:
    blob = random.Random(7).randbytes(4000)
    with pytest.raises(ImportProblem, match="cannot decode text"):
        decode(blob)


def test_nul_padding_is_refused_as_binary() -> None:
    with pytest.raises(ImportProblem, match="binary"):
        decode(b"\x00" * 1000)


def test_a_few_nul_bytes_in_text_are_removed_not_refused() -> None:
    assert decode(b"Hello\x00 world\x00, from Acme") == "Hello world, from Acme"


def test_result_is_cleaned() -> None:
    assert decode(b"Title\x1b]0;PWNED\x07 here\r\nnext") == "Title here\nnext"


def test_decode_markup_does_not_clean() -> None:
    assert "\x1b" in decode_markup(b"<p>\x1b[2J</p>")


def test_lone_surrogates_from_utf16_become_replacement_characters() -> None:
    data = codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00"  # A, lone high surrogate, B
    text = decode(data)
    assert text.startswith("A") and text.endswith("B")
    text.encode("utf-8")  # no lone surrogate left (E11)


def test_empty_input() -> None:
    assert decode(b"") == ""
