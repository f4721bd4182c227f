"""The letters of people's names, beyond Latin-1: Latin Extended-A and Romanian's comma letters ("Šefčovič", "Wałęsa", "Baltacıoğlu", "Ștefan")."""

from __future__ import annotations

# Latin-1 alone cuts a name at its first letter beyond it: "Lech Wa" for "Lech Wałęsa",
# "Recep Tayyip Erdo" for "Recep Tayyip Erdoğan", and "Yaprak Baltacıoğlu" or "Maroš
# Šefčovič" is no name at all. Latin Extended-A (U+0100-U+017F) holds the letters of Polish,
# Czech, Slovak, Croatian, Slovene, Hungarian, Baltic, Turkish and Maltese names; Romanian
# writes Ș and Ț with a comma below (Latin Extended-B).
_EXTENDED = [chr(code) for code in range(0x100, 0x180)] + ["Ș", "ș", "Ț", "ț"]

# Character-class contents (for "[...]" in a pattern): capitals, and small letters.
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(ch for ch in _EXTENDED if ch.isupper())
LOWER = "a-zß-öø-ÿ" + "".join(ch for ch in _EXTENDED if ch.islower())
