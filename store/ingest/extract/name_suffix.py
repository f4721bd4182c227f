"""A generational suffix after a name ("Dominick S. Gerace II, United States Attorney"): what follows it is read as what follows the name."""

from __future__ import annotations

import re

# "II", "III", "IV" are no words of a capitalised run (all capitals), so the run ends before
# them; "Jr"/"Sr" are, and their dot is left after the run. Either way the role, the age or
# the "said" that tells a person is named comes after the suffix: "Dominick S. Gerace II,
# United States Attorney", "John Smith Jr., CEO of Acme", "Charles O. Parks III, 45,".
# After a comma only "Jr."/"Sr." then a comma ("Joseph R. Biden, Jr., said"), or a numeral
# between commas ("Paul Burk, III, 36,"): "Jennifer Borun, Sr Director" is a senior director.
_AFTER_RUN = re.compile(r"(?:[ \t](?:II|III|IV)(?=[,\s])|,[ \t](?:(?:Jr|Sr)\.?|II|III|IV)(?=,))")
_DOT_AFTER = ("Jr", "Sr")


def suffix_end(text: str, end: int, words: list[str]) -> int:
    """Where the text after a name of *words* ending at *end* goes on, past a generational
    suffix; *end* when none follows, or when the name is a surname and its suffix alone
    ("Trump Jr. stated": no given name, no one named in full)."""
    if words[-1] in _DOT_AFTER:
        return end + 1 if len(words) > 2 and text.startswith(".", end) else end
    m = _AFTER_RUN.match(text, end)
    return m.end() if m else end
