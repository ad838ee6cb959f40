"""`safeplan init`, `safeplan passwd`, `safeplan recover`: creating the vault and its secrets."""

from __future__ import annotations

import argparse
from typing import Any

from safeplan.cli.common import add_command, err, examples, out, secrets_for, vault_path
from safeplan.cli.country_prompt import ask_country, keep_chosen
from safeplan.cli.formatting import RECOVERY_ADVICE
from safeplan.cli.options import country_arg
from safeplan.cli.prompts import Prompter
from safeplan.core import errors

PASSPHRASE_WARNING = """\
Choose a passphrase for your vault. A few words you will remember work well.
There is no way to reset it without the recovery code you will be shown next.
"""


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    add_command(
        sub,
        common,
        "init",
        "create a new encrypted vault",
        "safeplan.cli.commands.setup:init",
        description="Create a new encrypted vault. You choose a passphrase (asked twice), the "
        "country whose crisis lines are shown, and get a one-time recovery code. With "
        "--passphrase-file the first line is the passphrase.",
        **examples(
            "safeplan init                          # asks for the passphrase twice",
            "safeplan init --vault /media/usb/vault.json",
        ),
    ).add_argument(
        "--country",
        type=country_arg,
        metavar="COUNTRY",
        help="the country whose crisis lines are shown, such as GB or Ireland (asked on a "
        "terminal; default: a guess from your language settings)",
    )
    add_command(
        sub,
        common,
        "passwd",
        "change the passphrase (also gives a new recovery code)",
        "safeplan.cli.commands.setup:passwd",
        description="Change the passphrase. The vault gets a new key and a new recovery code, and "
        "every backup (and every file a restore replaced) is re-encrypted, so the old passphrase "
        "and code stop working everywhere. If it is interrupted, the next open finishes it. "
        "With --passphrase-file: line 1 the current passphrase, line 2 the new one.",
        **examples("safeplan passwd                        # asks for the current and the new one"),
    )
    add_command(
        sub,
        common,
        "recover",
        "open the vault with the recovery code and choose a new passphrase",
        "safeplan.cli.commands.setup:recover",
        description="Forgot your passphrase? Use the recovery code you were given, then choose a "
        "new passphrase. You get a new recovery code. "
        "With --passphrase-file: line 1 the recovery code, line 2 the new passphrase.",
        **examples("safeplan recover                       # asks for the code, then a new one"),
    )


def _code_not_on_a_terminal() -> None:
    import sys

    if not sys.stdout.isatty():
        err(
            "Note: the recovery code was written to standard output, which is not a terminal. If "
            "it went into a file, that file opens your vault: keep it safe, or copy the code onto "
            "paper and delete the file."
        )


def _demo_refusal() -> errors.UsageError:
    return errors.UsageError(
        "The demo vault lives in memory only, so it has no passphrase to set.",
        "Run this command without --demo to work on your own vault.",
    )


def init(args: argparse.Namespace) -> int:
    from safeplan.core.models import Settings, VaultPayload
    from safeplan.core.vault import Vault

    if args.demo:
        raise _demo_refusal()
    from safeplan.core.vault_files import existing_target_error

    path = vault_path(args)
    if path.exists():
        raise existing_target_error(path)
    reader = secrets_for(args)
    if reader.source is None:
        err(PASSPHRASE_WARNING)
    passphrase = reader.new_passphrase()
    country = _country_for_init(args, asking=reader.source is None)
    err("Creating your vault (this takes a moment on purpose: it makes guessing slow)…")
    vault, code = Vault.create(path, passphrase, VaultPayload(settings=Settings(country=country)))
    vault.close()
    out(f"Your vault is ready at {path}.")
    kept = keep_chosen(country)
    if kept:
        out(kept + " To change it: safeplan country NAME.")
    out()
    out(RECOVERY_ADVICE.format(code=code))
    _code_not_on_a_terminal()
    return errors.EXIT_OK


def _country_for_init(args: argparse.Namespace, *, asking: bool) -> str | None:
    """--country, else asked on a terminal (the locale's guess pre-filled, Enter accepts it). A
    script that gives neither keeps nothing: the guess is only said, with how to choose."""
    import sys

    from safeplan.core import kept_country
    from safeplan.core.crisis.countries import display_name

    if args.country:
        return str(args.country)
    guess = kept_country.choose()
    if asking and sys.stdin.isatty():
        return ask_country(Prompter(say=err), guess.country)
    if guess.source == "kept":
        return guess.country
    if guess.country:
        err(
            f"Crisis help will be shown for {display_name(guess.country)}, guessed from your "
            "language settings. To choose: safeplan country NAME."
        )
    else:
        err("To see your country's crisis lines: safeplan country NAME (for example GB).")
    return None


def passwd(args: argparse.Namespace) -> int:
    return _set_new_passphrase(args, with_recovery_code=False)


def recover(args: argparse.Namespace) -> int:
    return _set_new_passphrase(args, with_recovery_code=True)


def _set_new_passphrase(args: argparse.Namespace, *, with_recovery_code: bool) -> int:
    """Open with the current passphrase (or the recovery code), then rotate everything."""
    from safeplan.core.vault import Vault

    if args.demo:
        raise _demo_refusal()
    path = vault_path(args)
    if not path.exists():
        raise errors.VaultNotFound(path)
    reader = secrets_for(args)
    if with_recovery_code:
        vault = Vault.open_with_recovery(path, reader.read("Recovery code: "), lock_timeout=3.0)
        out("The recovery code worked. Now choose a new passphrase.")
    else:
        vault = Vault.open(path, reader.read("Current passphrase: "), lock_timeout=3.0)
    with vault:
        new = reader.new_passphrase()
        err("Re-encrypting your vault and its backups…")
        code = vault.change_passphrase(new)
    out("Your new passphrase is set. The old passphrase and recovery code no longer work.")
    out()
    out(RECOVERY_ADVICE.format(code=code))
    _code_not_on_a_terminal()
    return errors.EXIT_OK
