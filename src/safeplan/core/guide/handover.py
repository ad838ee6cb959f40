"""What happens to the written plan, decided once for both front ends: which choices are offered,
where a copy or a new vault may go, making the new vault, and the honest sentence about what was
kept. The renderers only ask and show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from safeplan.core import errors
from safeplan.core.guide.answers import AnswerNotKept
from safeplan.core.models import VaultPayload
from safeplan.core.secret_rules import check_new_passphrase

VAULT_NAME = "safeplan-vault.json"
NEW_VAULT_NOTE = (
    "The new vault is encrypted with the passphrase chosen next. Only that passphrase, or the "
    "recovery code shown after it, can open it."
)
CREATING = "Creating the vault. This takes a moment on purpose: it makes guessing slow."
NOT_ENCRYPTED = (
    "A file copy is not encrypted: anyone who can open the file can read your plan. Choose a "
    "place that is yours, such as your own USB stick."
)
LET_GO_QUESTION = (
    "If you finish now, this plan is forgotten and cannot be brought back. Finish and let it go?"
)
LET_GO_DONE = "The plan was let go. Nothing of it was written to this computer."
IN_VAULT = "Your plan is in your vault. You can look at it or change it any time."
KEEP_CODE = (
    "This recovery code opens the new vault if the passphrase is ever forgotten. It is shown only "
    "now. Write it on paper and keep it apart from the passphrase."
)


@dataclass
class Handover:
    """The state of one handover: whether the plan lives only in memory, and what was kept."""

    ephemeral: bool
    kept: list[str] = field(default_factory=list)
    """What was written at the person's request, as words ("a new vault at ...")."""

    def options(self, *, can_copy: bool = True) -> list[tuple[str, str]]:
        options = [
            ("show", "Show the plan here, on the screen"),
            ("print", "Print it on paper"),
        ]
        if can_copy:
            options.append(("file", "Save a copy as a file you choose (not encrypted)"))
        if self.ephemeral:
            options.append(
                (
                    "vault",
                    "Save it into a new vault with its own passphrase, for example on a USB stick",
                )
            )
        options.append(("end", self.finish_label()))
        return options

    def finish_label(self) -> str:
        if not self.ephemeral:
            return "Finish. Your plan is saved in your vault"
        if self.kept:
            return "Finish. Only what you saved is kept"
        return "Finish and let it go: nothing is kept on this computer"

    def intro(self, *, stopped_early: bool = False) -> str:
        start = "You stopped before the end. " if stopped_early else ""
        if not self.ephemeral:
            return (
                start
                + "Your plan is saved in your vault. You can show it, print it or save a copy."
            )
        return start + (
            "Your plan is not saved on this computer. Nothing is written here unless you choose "
            "so now."
        )

    def what_was_kept(self) -> str:
        """One honest sentence about what this session left on disk."""
        if not self.ephemeral:
            return "Your plan is saved in your vault."
        if not self.kept:
            return "The plan was not kept anywhere. Nothing was written to this computer."
        return (
            f"The plan is kept only where you saved it: {'; '.join(self.kept)}. Nothing else "
            "was written to this computer."
        )

    def needs_let_go_question(self) -> bool:
        """Finishing forgets the plan: ask once more first."""
        return self.ephemeral and not self.kept

    def finished_words(self) -> str:
        if not self.ephemeral:
            return IN_VAULT
        if self.kept:
            return f"{self.what_was_kept()} This session is now forgotten."
        return LET_GO_DONE

    # --- Where things go ------------------------------------------------------------------------

    def vault_target(self, answer: str) -> Path:
        """Where a new vault goes: a new file, or a folder (then ``safeplan-vault.json`` in it)."""
        path = _path(
            answer, "Type where the new vault should go, for example a folder on a USB stick."
        )
        if path.is_dir():
            path = path / VAULT_NAME
        _must_be_new(path)
        return path

    def copy_target(self, answer: str, suffix: str) -> Path:
        """Where a file copy goes: a new file, or a folder (then ``safety-plan.<suffix>`` in it)."""
        path = _path(answer, "Type where the file should go.")
        if path.is_dir():
            path = path / f"safety-plan{suffix}"
        _must_be_new(path)
        return path

    def make_vault(self, path: Path, passphrase: str, payload: VaultPayload) -> str:
        """Create the new vault holding this plan (never the session's place). Returns the recovery
        code. Runs the key derivation: call it off the UI thread."""
        from safeplan.core.vault import Vault

        copy = payload.model_copy(deep=True)
        copy.guide = None
        try:
            # remember=False: an ephemeral session leaves no record on this computer, not even
            # the rollback guard's opaque counter.
            vault, code = Vault.create(path, passphrase, payload=copy, remember=False)
        except OSError as exc:
            raise AnswerNotKept(
                f"The vault could not be written there ({exc.strerror or 'write error'}).",
                "Check that you can write to that folder, then try again.",
            ) from None
        vault.close()
        self.kept.append(f"a vault at {path}")
        return code

    def write_copy(self, path: Path, text: str, vault_path: Path | None) -> None:
        """Write a copy (0600, never over a file, never over the vault)."""
        from safeplan.core.private_files import write_private_file

        try:
            write_private_file(path, text, vaults=[vault_path])
        except FileExistsError:
            raise AnswerNotKept(_exists(path), "Choose another name.") from None
        except OSError as exc:
            raise AnswerNotKept(
                f"The file could not be written ({exc.strerror or 'write error'}).",
                "Check that the folder exists and that you can write there.",
            ) from None
        self.kept.append(f"a copy at {path}")


def passphrase_problem(first: str, second: str | None = None) -> str | None:
    """Why a new passphrase cannot be used, in a calm sentence, or None when it can."""
    try:
        check_new_passphrase(first)
    except errors.UsageError as exc:
        return f"{exc.message} {exc.hint}"
    if second is not None and first != second:
        return "Those two passphrases did not match. Please type it again."
    return None


def _exists(path: Path) -> str:
    return f"There is already a file at {path}. Nothing was written."


def _path(answer: str, empty: str) -> Path:
    if not answer.strip():
        raise AnswerNotKept(empty, "")
    return Path(answer.strip()).expanduser().absolute()


def _must_be_new(path: Path) -> None:
    if path.exists():
        raise AnswerNotKept(_exists(path), "Choose another name.")
    if not path.parent.is_dir():
        raise AnswerNotKept(
            f"The folder {path.parent} does not exist.",
            "Check the path, for example that the USB stick is plugged in.",
        )
