"""The examples at the end of each command's ``--help``."""

from __future__ import annotations

import argparse

EXAMPLES: dict[str, str] = {
    "browse": """\
commands:
  import PATH...   parse PATH...   search QUERY   show ID   export [QUERY]
  contacts [FILTER]   copy --from A --to B   doctor   samples   config   serve
  completion bash|zsh
  (pressroom COMMAND --help for each)

examples:
  pressroom                              open the browser on your archive
  pressroom samples                      import the sample releases and open them
  pressroom ~/Downloads/releases/        import a folder, then open the browser
  pressroom --db team.json               another archive""",
    "import": """\
examples:
  pressroom import ~/press/              a folder, recursively
  pressroom import feed.rss export.jsonl --db archive.json
  curl -s https://example.org/news.rss | pressroom import -
  pressroom import new/ --json | jq .imported""",
    "parse": """\
examples:
  pressroom parse release.eml | jq .contacts
  pressroom parse ~/press/ | jq -r 'select(.date == null) | .source.path'""",
    "search": """\
examples:
  pressroom search sahel date:2021                 a table on a terminal
  pressroom search org:unoct -draft | cut -f1      piped: tab-separated, id first
  pressroom search --json --limit 0 is:starred | jq -r .title
  pressroom search --prefix harb                   count as the browser does
  pressroom search -- -draft                       a query that starts with -""",
    "show": """\
examples:
  pressroom show 38a32c7f                          an id or a unique prefix of it
  pressroom show 38a32c7f --json | jq .contacts
  pressroom show 38a32c7f | less""",
    "copy": """\
examples:
  pressroom copy --from releases.json --to postgresql://press@db.example.lan/newsroom
  pressroom copy --from postgresql://press@db.example.lan/newsroom --to offline.json
  pressroom copy --from a.json --to b.json --json | jq .imported""",
    "doctor": """\
examples:
  pressroom doctor                       check, then ask before each repair
  pressroom doctor --yes                 make every proposed repair
  pressroom doctor --json | jq '.problems[].problem'""",
    "samples": """\
examples:
  pressroom samples                      into your archive, then the browser
  pressroom samples --db /tmp/try.json   into a store of their own""",
    "config": """\
examples:
  pressroom config                       the file, each setting and where it came from
  pressroom config --json | jq -r .settings.store.value
  pressroom config --keys                every binding id, for [keys] in config.toml
  PRESSROOM_CONFIG=~/other.toml pressroom config""",
    "serve": """\
examples:
  pressroom serve                        http://127.0.0.1:8000, this machine only
  pressroom serve --port 8080 --db team.json
  pressroom serve --host 0.0.0.0 --public-url http://press.example.lan:8000
                                         every machine that reaches it reads the archive""",
    "completion": """\
examples:
  eval "$(pressroom completion bash)"    in ~/.bashrc
  eval "$(pressroom completion zsh)"     in ~/.zshrc, after compinit
  pressroom completion zsh > ~/.zfunc/_pressroom""",
}


class HelpFormatter(argparse.HelpFormatter):
    """Descriptions wrapped to the terminal, the examples kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_examples(parser: argparse.ArgumentParser, command: str) -> None:
    """Give *parser* the examples of *command*, unless it has an epilog of its own."""
    if command in EXAMPLES and not parser.epilog:
        parser.epilog = EXAMPLES[command]
        parser.formatter_class = HelpFormatter
