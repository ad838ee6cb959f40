"""`safeplan import FILE`: bring a JSON export into the vault, merged (the default: nothing is taken
away) or replacing everything. A preview comes first; nothing changes unless you agree."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safeplan.cli.common import add_command, err, open_store, out
from safeplan.core import errors


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    parser = add_command(
        sub,
        common,
        "import",
        "bring a JSON export into your vault (shows what would change first)",
        "safeplan.cli.commands.importing:import_file",
        description="Bring a file written by `safeplan export --format json` into your vault. "
        "It shows what would change and asks first. Merging (the default) only adds and updates; "
        "replacing puts the file's contents in place of everything in your vault.",
    )
    parser.add_argument("file", metavar="FILE", help="the JSON export to read")
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--merge",
        dest="mode",
        action="store_const",
        const="merge",
        help="add what is new and update what changed; remove nothing (the default)",
    )
    how.add_argument(
        "--replace",
        dest="mode",
        action="store_const",
        const="replace",
        help="replace everything in your vault with the file's contents",
    )
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask before changing")
    parser.set_defaults(mode="merge")


def _read(path: Path) -> bytes:
    from safeplan.core.export.jsonfile import MAX_IMPORT_BYTES

    if path.exists() and not path.is_file() and not path.is_dir():
        # A pipe with no writer, a device: reading it could wait forever.
        raise errors.UsageError(
            f"{path} is not a regular file. Nothing was changed.", "Give the JSON file itself."
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise errors.UsageError(
            f"There is no file at {path}. Nothing was changed.", "Check the path and try again."
        ) from None
    except IsADirectoryError:
        raise errors.UsageError(
            f"{path} is a folder. Nothing was changed.", "Give the JSON file itself."
        ) from None
    except OSError as exc:
        raise errors.SafeplanError(
            f"The file {path} could not be read ({exc.strerror or 'read error'}). "
            "Nothing was changed.",
            "Check that you can open it, then try again.",
        ) from None
    return data


def import_file(args: argparse.Namespace) -> int:
    from safeplan.cli.prompts import confirm
    from safeplan.core.export.jsonfile import import_payload
    from safeplan.core.export.merge import merge_payloads, replace_preview

    # Check the file before asking for a passphrase: a bad file should cost nothing.
    incoming = import_payload(_read(Path(args.file).expanduser()))
    with open_store(args) as store:
        if args.mode == "merge":
            merged, preview = merge_payloads(store.payload, incoming)
            for line in preview.lines():
                out(line)
            if not preview.changes_anything:
                return errors.EXIT_OK
            question = "Merge this file into your vault?"
        else:
            merged = incoming
            for line in replace_preview(store.payload, incoming):
                out(line)
            question = "Replace everything in your vault with this file?"
        if not confirm(args, question):
            err("Nothing was changed.")
            return errors.EXIT_OK
        store.payload = merged
        store.save()
    if store.persistent:
        out("Done. Your vault was saved.")
    else:
        out("Done. (This is the demo vault: nothing was saved to disk.)")
    return errors.EXIT_OK
