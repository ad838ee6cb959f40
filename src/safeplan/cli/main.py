"""The front door: argparse, global options, dispatch, and calm errors with documented exit codes.

Command modules live in :mod:`safeplan.cli.commands`; each has ``register(subparsers, common)`` and
names its handler as ``"module:function"`` so that nothing heavy (Textual, the vault, cryptography)
is imported until a command actually needs it. ``safeplan crisis`` stays fast this way.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from safeplan import __version__
from safeplan.core import errors

# One line per command module, in the order they appear in --help.
COMMAND_MODULES: tuple[str, ...] = (
    "safeplan.cli.commands.crisis",
    "safeplan.cli.commands.overdose",
    "safeplan.cli.commands.combo",
    "safeplan.cli.commands.country",
    "safeplan.cli.commands.setup",
    "safeplan.cli.commands.vault",
    "safeplan.cli.commands.guide",
    "safeplan.cli.commands.plan",
    "safeplan.cli.commands.harm_reduction",
    "safeplan.cli.commands.export",
    "safeplan.cli.commands.importing",
    "safeplan.cli.commands.checkin",
    "safeplan.cli.commands.use",
    "safeplan.cli.commands.log",
    "safeplan.cli.commands.trends",
    "safeplan.cli.commands.selfcheck",
    "safeplan.cli.commands.learn",
    "safeplan.cli.commands.breathe",
    "safeplan.cli.commands.ground",
    "safeplan.cli.commands.urge",
    "safeplan.cli.commands.hope",
    "safeplan.cli.commands.tools",
)

EXIT_CODES_HELP = """\
examples:
  safeplan                               # the full-screen app
  safeplan crisis                        # crisis lines now, no passphrase
  safeplan checkin --mood 6 --sleep 7.5

exit codes:
    0  ok
    1  the command was understood but could not be done: a file that is not a
       safeplan export, a full disk, no printing system, a vault from a newer
       safeplan (the message says what to do next)
    2  what was typed cannot be used as given: an unknown command or option, a
       value out of range, a file to import that is not there, or a passphrase
       or confirmation that cannot be asked without a terminal (give
       --passphrase-file or --yes); also `crisis --country` with a country
       safeplan cannot place, after the general help is shown
    3  wrong passphrase or recovery code
    4  the vault is damaged (a backup can be restored)
    5  the vault is open in another safeplan
    6  there is no vault at that path
  130  stopped with ctrl+c, or ctrl+d at a question

In a crisis, `safeplan crisis` shows crisis lines at once: no vault or
passphrase needed.
"""


class Parser(argparse.ArgumentParser):
    """argparse with a calmer error: what was wrong, and where to look."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{prefixed(_closest_choice(message) or message)}\n")
        sys.stderr.write(f"Run `{self.prog} --help` to see what it takes.\n")
        raise SystemExit(errors.EXIT_USAGE)


def _closest_choice(message: str) -> str | None:
    """argparse's "invalid choice: 'chekin' (choose from ...)" as a short "did you mean checkin?"
    (Python 3.11's argparse has no suggestions of its own), or None for any other message."""
    import difflib
    import re
    import textwrap

    found = re.search(
        r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)$", message, re.S
    )
    if not found:
        return None
    name, typed, choices = found.group(1), found.group(2), re.findall(r"'([^']*)'", found.group(3))
    close = difflib.get_close_matches(typed, choices, n=3, cutoff=0.6)
    if name == "COMMAND":
        head = f"{typed[:40]!r} is not a command safeplan knows."
    elif not name.startswith("-"):  # a word in a command's own place, such as `log edit`
        head = f"{typed[:40]!r} is not a command safeplan knows here."
    else:
        head = f"{name.split('/')[0]} does not take {typed[:40]!r}."
    tail = f"Did you mean {' or '.join(close)}?" if close else f"It takes: {', '.join(choices)}."
    return "\n".join(textwrap.wrap(f"safeplan: {head} {tail}", 80, break_on_hyphens=False))


# A command has ended by the time its error shows, so the app's "your changes are still on screen"
# would not be true here: what to do next on the command line instead.
_CLI_HINTS: dict[type[errors.SafeplanError], str] = {
    errors.SaveFailed: "What you entered this time was not saved. Free some space or check the "
    "folder,\nthen run the command again.",
    errors.VaultChangedOnDisk: "What you entered this time was not saved. Run the command again "
    "to add it\nto the vault as it is now.",
}


def prefixed(message: str) -> str:
    """An error line starting "safeplan: ", without doubling it ("safeplan: safeplan could ...")."""
    return message if message.startswith("safeplan") else f"safeplan: {message}"


def common_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    g = common.add_argument_group("global options")
    g.add_argument(
        "--vault",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the vault file (default: $SAFEPLAN_VAULT, else your user data folder)",
    )
    g.add_argument(
        "--passphrase-file",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="read secrets from this file, one per line in the order asked ('-' for standard "
        "input); otherwise you are asked without echo",
    )
    g.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use a built-in sample vault held in memory; nothing is saved to disk (a file you "
        "ask to export or print is still written)",
    )
    return common


def build_parser(modules: Sequence[str] = COMMAND_MODULES, *, examples: bool = True) -> Parser:
    """The parser with the commands of ``modules`` (every command unless a quick path asks for
    fewer: see :mod:`safeplan.cli.quick`), and with ``examples`` each command's "examples:" (only
    --help shows them, so a run without it skips them and starts a little sooner)."""
    common = common_options()
    parser = Parser(
        prog="safeplan",
        description="A private, offline safety plan and self-care companion. With no command, opens\n"
        "the full-screen app, or a plain numbered menu with --plain, ACCESSIBLE=1,\n"
        "TERM=dumb, or input that is not a terminal.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"safeplan {__version__}")
    parser.add_argument(
        "--plain",
        dest="plain_menu",
        action="store_true",
        help="a numbered plain menu instead of the full-screen app (also with ACCESSIBLE=1, "
        "TERM=dumb, or when input is not a terminal)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in modules:
        importlib.import_module(name).register(sub, common)
    if examples:
        from safeplan.cli.help_examples import attach

        attach(parser)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    from safeplan.cli.quick import modules_for

    words = sys.argv[1:] if argv is None else argv
    wants_help = any(w == "-h" or (len(w) > 3 and "--help".startswith(w)) for w in words)
    parser = build_parser(modules_for(words, COMMAND_MODULES), examples=wants_help)
    args = parser.parse_args(argv)
    for name, default in (("vault", None), ("passphrase_file", None), ("demo", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    from safeplan.cli.options import read_dash_texts

    read_dash_texts(args)  # --note - and friends: words kept out of the shell's history
    return args


def _disable_core_dumps() -> None:
    """No core dump (it would hold the open vault's plain text), including through a pipe core
    handler such as systemd-coredump or apport, and no ptrace by other processes of the same user
    (Linux: PR_SET_DUMPABLE 0)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - platform dependent
        pass
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4


def err_line(text: str) -> None:
    from safeplan.cli.common import err

    with contextlib.suppress(OSError, ValueError):  # standard error itself may be gone
        err(text)


def _run(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None)
    if handler is None:
        from safeplan.cli.plain import plain_mode_wanted

        if plain_mode_wanted(force=getattr(args, "plain_menu", False)):
            from safeplan.cli.plain_menu import run_plain_menu

            return run_plain_menu(args)
        from safeplan.cli.launch import run_app

        return run_app(args)
    module_name, func_name = handler.split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    result = func(args)
    return int(result or 0)


def _forgiving_output() -> None:
    """Any output encoding works: a character it cannot show becomes a replacement character
    instead of a crash. A closed standard output or error (``>&-``) is replaced by the null device,
    so writing to it ends quietly."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or odd stream
                reconfigure(errors="replace")


def _quiet_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    _disable_core_dumps()
    _forgiving_output()
    try:
        args = parse_args(argv)
        return _run(args)
    except errors.SafeplanError as exc:
        err_line(prefixed(exc.message))
        hint = _CLI_HINTS.get(type(exc), exc.hint)
        if hint:
            err_line(hint)
        with contextlib.suppress(Exception):  # a next step, and help without the passphrase
            from safeplan.core.hard_moments import after_locked_out

            for line in after_locked_out(exc):
                err_line(line)
        return exc.exit_code
    except (KeyboardInterrupt, EOFError):
        err_line("")
        err_line(str(errors.StoppedAtPrompt(saved_part=True)))
        return errors.EXIT_STOPPED
    except BrokenPipeError:
        # The reader went away (e.g. `safeplan log | head`): not an error worth a message.
        _quiet_stdout()
        return errors.EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        from safeplan.core.crash import write_crash_report

        report = write_crash_report(exc)
        err_line(
            "safeplan: something went wrong that safeplan did not expect. "
            "Anything already saved is safe."
        )
        if report:
            err_line(f"A report without any personal words was written to {report}.")
        else:
            err_line("(A report could not be written either.)")
        err_line("If you need help right now, run `safeplan crisis`.")
        return errors.EXIT_ERROR
