"""Turning the bytes of an imported file into text: BOMs, UTF-8, declared charsets, guessing."""

from __future__ import annotations

import codecs
import re

from store.ingest.limits import ImportProblem
from store.sanitize import clean_text

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes no text file has in any number: C0 controls except tab, newline, VT,
# FF, CR and ESC (ESC is common in hostile text and handled by the cleaner).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_SAMPLE = 8192

_DECLARED = re.compile(
    rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
    rb"""|<meta[^>]{0,400}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)

# Labels that mean windows-1252 in practice (the WHATWG encoding standard
# maps them so): a Latin-1 declaration over curly quotes is the usual case.
_MEANS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}

_FEW_NON_ASCII = 64
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII = re.compile(rb"[\x80-\xff]")

BINARY = "cannot decode text (binary file?)"


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode *data* to clean text (see :func:`decode_markup` for the order of attempts)."""
    return clean_text(decode_markup(data, declared))


def decode_markup(data: bytes, declared: str | None = None) -> str:
    """Decode *data* without cleaning, for formats that are parsed before they are cleaned.

    HTML and JSON are decoded whole and then cleaned field by field, so that an
    unterminated escape sequence in one field cannot swallow the rest of the
    file. Everything taken from the result must still go through clean_text.

    Order: a BOM; strict UTF-8; the *declared* charset (or one sniffed from an
    XML prolog or HTML meta in the first 2 KB); mostly-UTF-8 with stray
    cp1252 bytes; charset-normalizer's guess; cp1252 with replacement.
    Raises ImportProblem for what looks like a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    unmarked_utf16 = _check_not_binary(data)
    if unmarked_utf16:
        return unmarked_utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_declared(data, declared or sniff_declared_charset(data))
    if text is not None:
        return text
    text = _decode_mostly_utf8(data)
    if text is not None:
        return text
    return _decode_guessed(data)


def sniff_declared_charset(data: bytes) -> str | None:
    """The charset an XML prolog or HTML ``<meta>`` declares in the first 2 KB, if any."""
    match = _DECLARED.search(data, 0, 2048)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _check_not_binary(data: bytes) -> str | None:
    """Raise for binary data; return the text if it is UTF-16 without a BOM."""
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls < 8 or controls * 20 < len(sample):
        return None
    nuls = sample.count(0)
    if nuls * 3 > len(sample):
        # ASCII-range UTF-16 without a BOM: every other byte is NUL.
        for encoding, nul_lane in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if nul_lane.count(0) * 10 >= nuls * 9:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    raise ImportProblem(BINARY)


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    # A UTF-16/32 declaration on bytes without a BOM is a copied template, not a fact.
    if name.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    if name in _MEANS_CP1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            name = "latin-1"
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a cp1252 character pasted in): keep the UTF-8."""
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad
    if good < 4 or bad * 4 > good:
        return None
    return data.decode("utf-8", "pressroom-cp1252")


def _cp1252_for_stray_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", "replace"), error.end


codecs.register_error("pressroom-cp1252", _cp1252_for_stray_bytes)


def _decode_guessed(data: bytes) -> str:
    from charset_normalizer import from_bytes  # ~20 ms to import: only files that need a guess

    try:
        best = from_bytes(data).best()
    except (LookupError, UnicodeError):
        # The guesser decodes with every codec it tries, and a decoding error let
        # through is how it has failed (UnicodeDecodeError: jawah/charset_normalizer
        # issues 136, 153, 771): the last resort below still reads the file.
        # Anything else is a surprise, which read_source reports with the file.
        return data.decode("cp1252", "replace")
    if best is None:
        raise ImportProblem(BINARY)
    guessed: str | None = None
    if not best.encoding.startswith(("utf_16", "utf_32")):
        try:
            guessed = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            guessed = None
    single_byte = guessed is not None and len(guessed) == len(data)
    if guessed is None or (single_byte and _short_western(data)):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return guessed if guessed is not None else data.decode("cp1252", "replace")


def _short_western(data: bytes) -> bool:
    """Little evidence, mostly ASCII letters: where charset-normalizer guesses wrong.

    On a few accented letters and curly quotes it answers cp1250, mac_greek or
    mac_roman; Cyrillic or Greek text has mostly non-ASCII letters and is left
    to the guess.
    """
    sample = data[: 1 << 16]
    non_ascii = len(_NON_ASCII.findall(sample))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    return non_ascii < _FEW_NON_ASCII and non_ascii * 4 < ascii_letters
