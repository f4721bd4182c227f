"""Web pages kept as their PHP source (a site's repository): the page's HTML and its title, not the code.

A site kept in a repository stores each press page as the PHP that prints it: a preamble
setting the page's variables (``$pageTitle = "…";``, ``$page_title = '…';``), the page
itself either outside the PHP blocks (``?> <p>…</p> <?php``) or as a heredoc the script
prints (``$html = <<<EOHTML … EOHTML;``), and calls that draw the site's header and footer.
Read as plain text the code would be the release's first lines; read as HTML the heading
would be ``$pageTitle``. This reader keeps the HTML a visitor receives from the page itself,
in the order the source gives it, with the simple string variables it prints replaced by
their values, and hands it to the HTML reader. The code is never run, only read as text.
"""

from __future__ import annotations

import re

from store.ingest.decoding import decode_markup
from store.ingest.draft import Draft
from store.ingest.readers.html import html_to_text, looks_like_html
from store.sanitize import clean_optional

# A PHP block: "<?php … ?>", "<?= … ?>" or the short "<? … ?>" (not an "<?xml" prolog),
# running to the end of the file when it is not closed (PHP allows leaving it open).
_PHP_BLOCK = re.compile(r"<\?(?!xml\b)(?:php\b|=)?(.*?)(?:\?>|\Z)", re.DOTALL | re.IGNORECASE)
# A heredoc or nowdoc the block prints: "<<<EOHTML" (or "<<<'EOT'", '<<<"EOT"') to its name
# alone at the start of a line (indented since PHP 7.3), then ";" or ")" or ",".
_HEREDOC = re.compile(
    r"""<<<[ \t]*(["']?)([A-Za-z_]\w{0,40})\1[ \t]*\r?\n(.*?)\r?\n[ \t]*\2\b""", re.DOTALL
)
# A variable set to a string literal on one statement: $pageTitle = "Eclipse …";
_STRING_SET = re.compile(
    r"""\$([A-Za-z_]\w{0,40})[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.){0,500})"|'((?:[^'\\\n]|\\.){0,500})')[ \t]*;"""
)
# What a page's title variable is called in the sites' own templates.
_TITLE_NAMES = ("pagetitle", "page_title", "title")
# An echo block printing one variable: "<?=$pageTitle?>", "<?php echo $title; ?>".
_ECHO_ONE = re.compile(r"\A\s*(?:echo|print)?\s*\(?\s*\$([A-Za-z_]\w{0,40})\s*\)?\s*;?\s*\Z")
# A variable inside a heredoc's text: "$pageTitle" or "{$pageTitle}".
_INTERPOLATED = re.compile(r"\{\$([A-Za-z_]\w{0,40})\}|\$([A-Za-z_]\w{0,40})")
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\([\\\"$nt])")
_ESCAPES = {"n": "\n", "t": "\t"}


def page_markup(source: str) -> tuple[str, str | None]:
    """The HTML the page's own source prints, and the page's title variable (or ``None``)."""
    strings = _strings(source)
    title = next((strings[n] for n in _known(strings, _TITLE_NAMES)), None)
    parts: list[str] = []
    position = 0
    for block in _PHP_BLOCK.finditer(source):
        parts.append(source[position : block.start()])
        code = block.group(1)
        echo = _ECHO_ONE.match(code)
        if echo is not None:
            parts.append(strings.get(echo.group(1), ""))
        for heredoc in _HEREDOC.finditer(code):
            body = heredoc.group(3)
            # A nowdoc ('EOT') prints its text as written; a heredoc fills in the variables.
            parts.append(body if heredoc.group(1) == "'" else _interpolate(body, strings))
        position = block.end()
    parts.append(source[position:])
    return "".join(parts), title


def read_php(data: bytes) -> list[Draft]:
    """Read one PHP page as one draft (none when the file holds no page: a script, a class)."""
    markup, title_var = page_markup(decode_markup(data))
    if not looks_like_html(markup):
        return []
    page = html_to_text(markup)
    return [
        Draft(
            text=page.text,
            format="html",
            title=page.title or clean_optional(title_var),
            date=page.date,
            language=page.language,
            issuer=page.site,
            home=page.home,
            tags=list(page.tags),
        )
    ]


def _strings(source: str) -> dict[str, str]:
    """The variables set to a string literal, each to the first value given it."""
    strings: dict[str, str] = {}
    for block in _PHP_BLOCK.finditer(source):
        code = _HEREDOC.sub("", block.group(1))
        for match in _STRING_SET.finditer(code):
            name = match.group(1)
            if name in strings:
                continue
            if match.group(2) is not None:
                strings[name] = _DOUBLE_QUOTED_ESCAPE.sub(
                    lambda m: _ESCAPES.get(m.group(1), m.group(1)), match.group(2)
                )
            else:
                strings[name] = match.group(3).replace("\\'", "'").replace("\\\\", "\\")
    return strings


def _known(strings: dict[str, str], names: tuple[str, ...]) -> list[str]:
    """The variables among *strings* whose name, in any case, is one of *names*, in that order."""
    by_folded = {name.casefold(): name for name in strings}
    return [by_folded[n] for n in names if n in by_folded]


def _interpolate(body: str, strings: dict[str, str]) -> str:
    """A heredoc's text with the string variables it names filled in (others left as written)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return strings.get(name, match.group(0))

    return _INTERPOLATED.sub(value, body)
