"""Quick paths: the commands a person may run in the worst moment (``crisis``, ``overdose``,
``combo``, ``learn``) start at the speed of the interpreter.

``safeplan`` builds its argument parser from every command module, and each module brings its own
imports (building them all takes longer than starting the interpreter). For a quick command only
that command's module is needed, so :func:`modules_for` names it alone; ``safeplan`` with no command
and only global options (the full-screen app) needs none. Anything else (``--help``, ``--version``,
an option it does not know, another command) gets them all, so help and errors read as always. The
parser of a quick command is the same one the full parser would build for it.

To make a new command quick: add it to ``QUICK_COMMANDS``, keep its module's top-level imports to
the standard library and light core modules (the import-linter contract "The quick paths ..." and
``tests/test_quick_paths.py`` check this), and add a row to ``bench/bench_quick.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

QUICK_COMMANDS: dict[str, str] = {
    "crisis": "safeplan.cli.commands.crisis",
    "overdose": "safeplan.cli.commands.overdose",
    "combo": "safeplan.cli.commands.combo",
    "learn": "safeplan.cli.commands.learn",
}

GLOBAL_WITH_VALUE = frozenset({"--vault", "--passphrase-file"})
"""Global options that take the next word as their value."""
GLOBAL_FLAGS = frozenset({"--demo", "--plain"})
"""Global options on their own."""


def command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not a global option or its value),
    or None when there is none or help is asked for before it."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word in GLOBAL_WITH_VALUE:
            next(words, None)
            continue
        if word.startswith("-"):
            continue
        return word
    return None


def only_global_options(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds global options alone (and their values): no command, no help."""
    words = iter(argv)
    for word in words:
        if word in GLOBAL_WITH_VALUE:
            if next(words, None) is None:
                return False
        elif word not in GLOBAL_FLAGS and word.split("=", 1)[0] not in GLOBAL_WITH_VALUE:
            return False
    return True


def modules_for(argv: Sequence[str], every: Sequence[str]) -> Sequence[str]:
    """The command modules the parser needs for ``argv``: none for the full-screen app with global
    options only, a quick command's own, else ``every``."""
    if only_global_options(argv):
        return ()
    module = QUICK_COMMANDS.get(command_word(argv) or "")
    if module is None or module not in every:
        return every
    return (module,)
