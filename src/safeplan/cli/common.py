"""Helpers shared by the CLI commands: reading secrets, opening the vault, small output helpers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safeplan.core import errors
from safeplan.core.paths import resolve_vault_path
from safeplan.core.terminal_text import visible

if TYPE_CHECKING:
    from safeplan.core.store import Store

# How long a command waits for another safeplan to let go of the vault before saying so.
LOCK_WAIT_SECONDS = 3.0


class ExamplesFormatter(argparse.HelpFormatter):
    """argparse's formatter, except that an epilog starting with "examples:" keeps its lines."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def examples(*lines: str) -> dict[str, Any]:
    """The keyword arguments that give a command an "examples:" section in its --help."""
    body = "\n".join(f"  {line}" for line in lines)
    return {"epilog": f"examples:\n{body}", "formatter_class": ExamplesFormatter}


def add_command(
    sub: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
    name: str,
    help_text: str,
    handler: str,
    **kwargs: Any,
) -> argparse.ArgumentParser:
    """Add a sub-command that also takes the global options, with a lazily imported handler."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help_text,
        description=kwargs.pop("description", help_text),
        parents=[common],
        **kwargs,
    )
    parser.set_defaults(handler=handler)
    return parser


def add_group(
    sub: argparse._SubParsersAction[Any], name: str, help_text: str
) -> argparse._SubParsersAction[Any]:
    """A command with sub-commands of its own (``safeplan vault check``)."""
    description = help_text[:1].upper() + help_text[1:] + ("" if help_text.endswith(".") else ".")
    parser = sub.add_parser(name, help=help_text, description=description)
    parser.set_defaults(handler=None, _group_parser=parser)
    inner: argparse._SubParsersAction[Any] = parser.add_subparsers(
        dest=f"{name}_command", metavar="COMMAND", required=True, parser_class=type(parser)
    )
    return inner


def vault_path(args: argparse.Namespace) -> Path:
    return resolve_vault_path(getattr(args, "vault", None))


# A passphrase file is read bounded: no secret is this long, and /dev/zero must not fill memory.
MAX_SECRET_FILE_BYTES = 8 * 1024


def _secret_file_error(source: str, problem: str) -> errors.UsageError:
    return errors.UsageError(
        f"The passphrase file {source} {problem}.",
        "It must be a small UTF-8 text file with one secret per line, in the order asked.",
    )


def _decode_secret_line(raw: bytes, source: str, first: bool) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _secret_file_error(source, "is not UTF-8 text") from None
    if first:
        text = text.removeprefix("\ufeff")  # a byte-order mark (Windows Notepad) is not typed
    return text.removesuffix("\n").removesuffix("\r")


def _warn_if_others_can_read(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if path.is_file() and mode & 0o044:
        err(
            f"Note: other users of this computer can read the passphrase file {path}.\n"
            f"`chmod 600 {path}` keeps it yours."
        )


def read_stdin_line(limit: int = MAX_SECRET_FILE_BYTES) -> bytes | None:
    """One line from standard input, read byte by byte from the file descriptor so that nothing
    after it is consumed: the rest of standard input stays for the command. None at end of input."""
    data = bytearray()
    fd = sys.stdin.fileno() if sys.stdin is not None else 0
    while len(data) <= limit:
        try:
            byte = os.read(fd, 1)
        except OSError:  # standard input closed (<&-): the same as its end
            byte = b""
        if not byte:
            return bytes(data) if data else None
        data += byte
        if byte == b"\n":
            return bytes(data)
    raise _secret_file_error("on standard input", "has a line longer than any passphrase")


class SecretReader:
    """Reads secrets one at a time: from --passphrase-file (one per line, in the order asked; '-' is
    standard input, one line per secret, leaving the rest for the command), or from the terminal
    without echo. ctrl+d at a terminal prompt stops the command calmly (exit 130)."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self._lines: list[bytes] | None = None
        self._next = 0

    def _file_lines(self) -> list[bytes]:
        if self._lines is None:
            source = str(self.source)
            try:
                with open(Path(source).expanduser(), "rb") as fh:
                    data = fh.read(MAX_SECRET_FILE_BYTES + 1)
            except FileNotFoundError:
                raise errors.UsageError(
                    f"The passphrase file {source} does not exist.",
                    "Check the path given to --passphrase-file.",
                ) from None
            except OSError:
                raise _secret_file_error(source, "could not be read") from None
            _warn_if_others_can_read(Path(source).expanduser())
            if len(data) > MAX_SECRET_FILE_BYTES:
                raise _secret_file_error(source, "is larger than any passphrase file")
            self._lines = data.splitlines(keepends=True)
        return self._lines

    def _next_line(self) -> str:
        first = self._next == 0
        if self.source == "-":
            raw = read_stdin_line()
            where = "Standard input"
        else:
            lines = self._file_lines()
            raw = lines[self._next] if self._next < len(lines) else None
            where = f"The passphrase file {self.source}"
        value = None if raw is None else _decode_secret_line(raw, str(self.source), first)
        self._next += 1
        if not value:
            if first:
                raise errors.UsageError(
                    f"{where} is empty, so there is no passphrase to try.",
                    "Put the passphrase on its first line (or type it: leave out --passphrase-file).",
                )
            raise errors.UsageError(
                f"{where} has fewer lines than this command needs.",
                "Give one secret per line, in the order the command asks for them.",
            )
        return value

    def _ask(self, prompt: str) -> str:
        try:
            return getpass.getpass(prompt)
        except EOFError:
            sys.stderr.write("\n")
            raise errors.StoppedAtPrompt() from None

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.source is not None:
            return self._next_line()
        if not sys.stdin.isatty():
            raise errors.UsageError(
                "A passphrase is needed, but this is not running in a terminal.",
                "Give it with --passphrase-file PATH (or '-' for standard input).",
            )
        while True:
            value = self._ask(prompt)
            if not confirm:
                return value
            again = self._ask("Type it again to be sure: ")
            if value == again:
                return value
            sys.stderr.write("Those two did not match. Let's try once more.\n")

    def new_passphrase(self, prompt: str = "New passphrase: ") -> str:
        """A new passphrase that keeps the rule; on a terminal, asked again until it does."""
        from safeplan.core.secret_rules import check_new_passphrase

        while True:
            value = self.read(prompt, confirm=True)
            try:
                check_new_passphrase(value)
                return value
            except errors.UsageError as exc:
                if self.source is not None:
                    raise
                err(f"{exc.message} {exc.hint}")


def secrets_for(args: argparse.Namespace) -> SecretReader:
    reader = getattr(args, "_secret_reader", None)
    if reader is None:
        reader = SecretReader(getattr(args, "passphrase_file", None))
        args._secret_reader = reader
    return reader


@contextmanager
def open_store(args: argparse.Namespace, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Store]:
    """Open the vault the command was pointed at (or the in-memory demo) and close it afterwards.

    The vault's lock is held for the whole block, so a command's load and save cannot interleave with
    another safeplan's.
    """
    if getattr(args, "demo", False):
        from safeplan.core.demo import demo_store

        store = demo_store()
        try:
            yield store
        finally:
            store.close()
        return

    from safeplan.core.vault import Vault

    path = vault_path(args)
    if not path.exists():
        raise errors.VaultNotFound(path)
    passphrase = secrets_for(args).read("Passphrase: ")
    vault = Vault.open(path, passphrase, lock_timeout=wait)
    from safeplan.core.vault_files import shared_place_warning

    if vault.rolled_back is not None:
        err(vault.rolled_back.message(vault.path))
    if (shared := shared_place_warning(vault.path)) is not None:
        err(shared)
    if vault.read_only:
        err(
            f"Note: the vault at {vault.path} is in a place that cannot be written, so it opens "
            "read-only: you can read everything, and nothing can be saved."
        )
    try:
        yield vault
    finally:
        vault.close()


def write(text: str) -> None:
    """Write text to standard output as it is, except that control and escape characters are
    shown visibly (:func:`safeplan.core.terminal_text.visible`). A closed output is no error."""
    stream = sys.stdout
    if stream is not None:
        stream.write(visible(text))


def write_json(text: str) -> None:
    """JSON to standard output, with control and format characters as ``\\uXXXX`` escapes."""
    from safeplan.core.terminal_text import json_visible

    stream = sys.stdout
    if stream is not None:
        stream.write(json_visible(text))


def out(text: str = "") -> None:
    write(text + "\n")


def say(text: str, width: int = 80) -> None:
    """A sentence or two on standard output, wrapped to ``width`` (a command or a web address is
    never split)."""
    from safeplan.core.wrapping import wrap_words

    for line in wrap_words(text, width):
        out(line)


def err(text: str) -> None:
    stream = sys.stderr
    if stream is not None:
        stream.write(visible(text) + "\n")
