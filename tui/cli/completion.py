"""Shell completion for bash and zsh: ``pressroom completion bash|zsh`` prints the script.

The scripts are written out from the command line's own parsers (commands,
options, the values of ``--format`` and the like), so they follow it. They
are static shell code: a TAB costs no Python start, which argcomplete would
(it runs the program on every TAB: some 60 ms here before Pressroom's own
imports), and they need no package beyond the standard library (shtab
would be one more dependency for what these hundred lines do).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

# Completed after a space in `pressroom search` (and in any QUERY): the qualifiers
# of the query language (store.search.query).
QUALIFIERS = (
    *("org:", "loc:", "person:", "contact:", "tag:", "lang:", "source:"),
    *("date:", "after:", "before:", "is:starred", "is:unread", "is:read"),
)
_FILE_DESTS = ("db", "output", "out", "file")


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...] = ()
    is_file: bool = False


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    positional_choices: tuple[str, ...]
    takes_paths: bool
    takes_query: bool


def _commands() -> Iterator[Command]:
    from tui.cli.main import COMMANDS, _parser

    for name in ("browse", *COMMANDS):
        parser = _parser(name)
        options: list[Option] = []
        choices: list[str] = []
        paths = query = False
        for action in parser._actions:
            if action.option_strings:
                if isinstance(action, argparse._VersionAction | argparse._HelpAction):
                    takes = False
                else:
                    takes = action.nargs != 0
                options.append(
                    Option(
                        tuple(action.option_strings),
                        _one_line(action.help),
                        takes,
                        tuple(str(c) for c in action.choices or ()),
                        action.dest in _FILE_DESTS or action.metavar in ("FILE", "PATH"),
                    )
                )
            elif action.choices:
                choices += [str(c) for c in action.choices]
            elif action.metavar in ("PATH", "FILE") or action.dest in ("paths", "path"):
                paths = True
            elif action.dest in ("query", "filter") or action.metavar in ("QUERY", "FILTER"):
                query = True
        yield Command(
            name,
            _one_line(parser.description),
            tuple(options),
            tuple(choices),
            paths or name == "browse",
            query,
        )


def _one_line(text: str | None) -> str:
    first = (text or "").split(". ")[0].split("\n")[0].strip().rstrip(".")
    return first.replace("%%", "%")


def completion_script(shell: str) -> str:
    """The completion script for *shell* (``bash`` or ``zsh``)."""
    commands = list(_commands())
    if shell == "bash":
        return _bash(commands)
    if shell == "zsh":
        return _zsh(commands)
    raise ValueError(f"no completion for {shell!r}")


def _words(values: Iterator[str] | list[str] | tuple[str, ...]) -> str:
    return " ".join(values)


def _bash(commands: list[Command]) -> str:
    names = [c.name for c in commands if c.name != "browse"]
    # Keyed by command and option: `export --format` and `contacts --format` differ.
    value_cases: dict[str, str] = {}
    for command in commands:
        label = "" if command.name == "browse" else command.name
        for option in command.options:
            if not option.takes_value:
                continue
            if option.choices:
                action = f'COMPREPLY=($(compgen -W "{_words(option.choices)}" -- "$cur"))'
            elif option.is_file:
                action = 'COMPREPLY=($(compgen -f -- "$cur"))'
            else:
                action = "COMPREPLY=()"
            value_cases["|".join(f"{label}:{name}" for name in option.names)] = action
    cases = "\n".join(
        f"        {names}) {action}; return ;;" for names, action in sorted(value_cases.items())
    )
    per_command = []
    for command in commands:
        options = _words(n for o in command.options for n in o.names)
        if command.positional_choices:
            rest = f'COMPREPLY=($(compgen -W "{_words(command.positional_choices)}" -- "$cur"))'
        elif command.takes_query:
            rest = (
                f'compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -W "{_words(QUALIFIERS)}" '
                '-- "$cur"))'
            )
        elif command.takes_paths:
            rest = 'COMPREPLY=($(compgen -f -- "$cur"))'
        else:
            rest = "COMPREPLY=()"
        if command.name == "browse":
            rest = f'COMPREPLY=($(compgen -W "{_words(names)}" -- "$cur") $(compgen -f -- "$cur"))'
        label = '""' if command.name == "browse" else command.name
        per_command.append(
            f"        {label})\n"
            f'            if [[ "$cur" == -* ]]; then\n'
            f'                COMPREPLY=($(compgen -W "{options}" -- "$cur"))\n'
            f"            else\n"
            f"                {rest}\n"
            f"            fi ;;"
        )
    body = "\n".join(per_command)
    return f"""# bash completion for pressroom. Load it from ~/.bashrc:
#     eval "$(pressroom completion bash)"
_pressroom() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    local prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {"|".join(names)}) command="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    case "$command:$prev" in
{cases}
    esac
    case "$command" in
{body}
    esac
}}
complete -o filenames -F _pressroom pressroom
"""


def _zsh_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]")


def _zsh(commands: list[Command]) -> str:
    names = [c for c in commands if c.name != "browse"]
    described = "\n".join(f"        '{c.name}:{_zsh_quote(c.help)}'" for c in names)
    functions = []
    for command in commands:
        specs = []
        for option in command.options:
            help_text = _zsh_quote(option.help)
            value = ""
            if option.takes_value:
                if option.choices:
                    value = f":value:({' '.join(option.choices)})"
                elif option.is_file:
                    value = ":file:_files"
                else:
                    value = ":value: "
            group = " ".join(option.names)
            exclusive = f"({group})" if len(option.names) > 1 else ""
            flags = f"{{{','.join(option.names)}}}" if len(option.names) > 1 else option.names[0]
            specs.append(f"'{exclusive}'{flags}'[{help_text}]{value}'")
        if command.positional_choices:
            specs.append(f"'1:value:({' '.join(command.positional_choices)})'")
        elif command.takes_query:
            specs.append("'*:query:_pressroom_query'")
        elif command.takes_paths:
            specs.append("'*:path:_files'")
        joined = " \\\n        ".join(specs)
        functions.append(
            f"_pressroom_{command.name}() {{\n    _arguments -s \\\n        {joined}\n}}"
        )
    qualifiers = " ".join(QUALIFIERS)
    return f"""#compdef pressroom
# zsh completion for pressroom. Load it from ~/.zshrc (after compinit):
#     eval "$(pressroom completion zsh)"
# or save it as _pressroom in a folder of your $fpath.
_pressroom_query() {{
    compadd -S '' -- {qualifiers}
}}

{chr(10).join(chr(10).join([f, ""]) for f in functions)}
_pressroom() {{
    local -a commands
    commands=(
{described}
    )
    if (( CURRENT == 2 )) && [[ "$words[2]" != -* ]]; then
        _describe -t commands 'pressroom command' commands
        _files
        return
    fi
    local name="$words[2]"
    if (( ${{+functions[_pressroom_$name]}} )) && [[ "$name" != browse ]]; then
        shift words
        (( CURRENT-- ))
        _pressroom_$name
    else
        _pressroom_browse
    fi
}}

if [[ "$funcstack[1]" == _pressroom ]]; then
    _pressroom "$@"
else
    compdef _pressroom pressroom
fi
"""
