"""Helpers shared by the CLI commands: reading secrets, opening the vault, small output helpers."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safeplan.core import errors
from safeplan.core.paths import resolve_vault_path

if TYPE_CHECKING:
    from safeplan.core.store import Store

# How long a command waits for another safeplan to let go of the vault before saying so.
LOCK_WAIT_SECONDS = 3.0


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
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=None, _group_parser=parser)
    inner: argparse._SubParsersAction[Any] = parser.add_subparsers(
        dest=f"{name}_command", metavar="COMMAND", required=True, parser_class=type(parser)
    )
    return inner


def vault_path(args: argparse.Namespace) -> Path:
    return resolve_vault_path(getattr(args, "vault", None))


class SecretReader:
    """Reads secrets one at a time: from --passphrase-file (one per line, in the order asked; '-' is
    standard input), or from the terminal without echo."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self._lines: list[str] | None = None
        self._next = 0

    def _load(self) -> list[str]:
        if self._lines is None:
            if self.source == "-":
                text = sys.stdin.read()
            else:
                try:
                    text = Path(str(self.source)).expanduser().read_text(encoding="utf-8")
                except FileNotFoundError:
                    raise errors.UsageError(
                        f"The passphrase file {self.source} does not exist.",
                        "Check the path given to --passphrase-file.",
                    ) from None
                except (OSError, UnicodeDecodeError):
                    raise errors.UsageError(
                        f"The passphrase file {self.source} could not be read.",
                        "It must be a readable UTF-8 text file, one secret per line.",
                    ) from None
            self._lines = [line.rstrip("\r") for line in text.split("\n")]
        return self._lines

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.source is not None:
            lines = self._load()
            if self._next >= len(lines) or (self._next > 0 and lines[self._next] == ""):
                raise errors.UsageError(
                    "The passphrase file has fewer lines than this command needs.",
                    "Give one secret per line, in the order the command asks for them.",
                )
            value = lines[self._next]
            self._next += 1
            return value
        if not sys.stdin.isatty():
            raise errors.UsageError(
                "safeplan needs a passphrase but is not running in a terminal.",
                "Give it with --passphrase-file PATH (or '-' for standard input).",
            )
        while True:
            value = getpass.getpass(prompt)
            if not confirm:
                return value
            again = getpass.getpass("Type it again to be sure: ")
            if value == again:
                return value
            sys.stderr.write("Those two did not match. Let's try once more.\n")


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
    try:
        yield vault
    finally:
        vault.close()


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")
