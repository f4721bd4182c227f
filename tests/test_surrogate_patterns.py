"""The patterns whose surrogates are written as escapes (for mypyc) match what the literals did."""

import re

import pytest

from store import sanitize
from store.ingest.extract import anatomy

# The patterns as they were written before, with the surrogates as characters.
_OLD_FORBIDDEN = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f"
    "\u2060-\u2064\ufeff\u00ad\ufff9-\ufffb"
)
_OLD = {
    "sanitize._LONE_SURROGATE": (
        sanitize._LONE_SURROGATE,
        "[" + chr(0xD800) + "-" + chr(0xDFFF) + "]",
    ),
    "sanitize._NEEDS_CLEANING": (
        sanitize._NEEDS_CLEANING,
        "[" + _OLD_FORBIDDEN + chr(0xD800) + "-" + chr(0xDFFF) + "]",
    ),
    "anatomy._NEEDS_CLEANING": (
        anatomy._NEEDS_CLEANING,
        "[" + _OLD_FORBIDDEN + chr(0xD800) + "-" + chr(0xDFFF) + "]",
    ),
}


@pytest.mark.parametrize("name", sorted(_OLD))
def test_every_code_point_matches_as_before(name: str) -> None:
    pattern, old_source = _OLD[name]
    old = re.compile(old_source)
    # Every code point, surrogates included: a class differs only in the characters it holds.
    everything = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in pattern.finditer(everything)] == [
        m.start() for m in old.finditer(everything)
    ]
