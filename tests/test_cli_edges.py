"""Calm at every edge (issue 12 item 4, issue 11 item 4), through the real command as a person or a
script meets it: a pty for the prompts, subprocesses for the rest."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from safeplan.core.models import CheckIn
from safeplan.core.vault import Vault, list_backups, read_payload
from tests.cli_helpers import ROOT, run
from tests.conftest import subprocess_env
from tests.vault_helpers import PASSPHRASE, make_vault


class Pty:
    """`safeplan` on a pseudo-terminal, read and written like a person at a keyboard."""

    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.chdir(ROOT)
            env = subprocess_env(home, TERM="xterm", COLUMNS="80", LINES="24", **(env or {}))
            os.execve(sys.executable, [sys.executable, "-m", "safeplan", *args], env)
        self.seen = b""
        self.pos = 0  # where the next expect starts looking

    def expect(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.seen[self.pos :]:
            left = deadline - time.monotonic()
            assert left > 0, f"waited for {text!r}; saw {self.seen[-800:]!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"ended before {text!r}; saw {self.seen[-800:]!r}")
                self.seen += chunk
        self.pos = self.seen.index(text.encode(), self.pos) + len(text.encode())
        time.sleep(0.05)  # let the prompt settle (getpass flushes input typed before it)

    def send(self, data: str) -> None:
        os.write(self.fd, data.encode())

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                ready, _, _ = select.select([self.fd], [], [], 0.2)
                if ready:
                    self.seen += os.read(self.fd, 4096)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                with contextlib.suppress(OSError):
                    while chunk := os.read(self.fd, 4096):
                        self.seen += chunk
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        raise AssertionError(f"did not end; saw {self.seen[-800:]!r}")

    @property
    def text(self) -> str:
        return self.seen.decode("utf-8", "replace")


def vault_cli(
    home: Path,
    path: Path,
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`safeplan --vault PATH --passphrase-file - ARGS...`, the secret (if any) on standard input."""
    return run(
        home,
        "--vault",
        str(path),
        "--passphrase-file",
        "-",
        *args,
        stdin=stdin,
        env=env,
        timeout=timeout,
    )


CTRL_D = "\x04"
CTRL_C = "\x03"


@pytest.mark.parametrize(
    "command",
    [
        ("log",),
        ("plan", "show"),
        ("vault", "check"),
        ("export", "-f", "text"),
        ("passwd",),
        ("recover",),
        ("checkin", "--mood", "5"),
    ],
)
def test_ctrl_d_at_a_passphrase_prompt_stops_calmly(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    term = Pty(tmp_path, "--vault", str(path), *command)
    term.expect(":")  # Passphrase: / Current passphrase: / Recovery code:
    term.send(CTRL_D)
    assert term.finish() == 130
    assert "Stopped" in term.text
    assert "something went wrong" not in term.text
    assert (
        not list((tmp_path / "home").glob("**/crash-*")) if (tmp_path / "home").exists() else True
    )


def test_ctrl_d_at_init_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    term = Pty(tmp_path, "--vault", str(path), "init")
    term.expect("New passphrase:")
    term.send(CTRL_D)
    assert term.finish() == 130
    assert not path.exists()


@pytest.mark.parametrize("key", [CTRL_D, CTRL_C])
def test_crisis_mine_still_shows_the_public_lines_when_the_prompt_is_stopped(
    tmp_path: Path, key: str
) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    term = Pty(tmp_path, "--vault", str(path), "crisis", "--mine", "--country", "GB")
    term.expect("Passphrase:")
    term.send(key)
    code = term.finish()
    assert code == 130
    assert "999" in term.text  # the emergency number is printed all the same
    assert "Samaritans" in term.text


def test_a_too_short_new_passphrase_is_asked_again(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    term = Pty(tmp_path, "--vault", str(path), "init")
    term.expect("New passphrase:")
    term.send("short\r")
    term.expect("again")
    term.send("short\r")
    term.expect("at least 8 characters")
    term.expect("New passphrase:")
    term.send(PASSPHRASE + "\r")
    term.expect("again")
    term.send(PASSPHRASE + "\r")
    term.expect("Country:")  # init then asks which country's crisis lines to show
    term.send("\r")
    assert term.finish() == 0, term.text
    read_payload(path, PASSPHRASE)


def test_restore_on_a_terminal_asks_first(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(mood=3))
        vault.save()
    before = path.read_bytes()
    term = Pty(tmp_path, "--vault", str(path), "backup", "restore", "1")
    term.expect("Passphrase:")
    term.send(PASSPHRASE + "\r")
    term.expect("[y/N]")
    assert "Replace your vault (4 entries" in term.text.replace("\r\n", " ")
    term.send("n\r")
    assert term.finish() == 0
    assert "Nothing was changed" in term.text
    assert path.read_bytes() == before


# --- Passphrase files and standard input ---------------------------------------------------------


def _check(tmp_path: Path, path: Path, secret_file: Path) -> subprocess.CompletedProcess[str]:
    return run(
        tmp_path, "--vault", str(path), "--passphrase-file", str(secret_file), "vault", "check"
    )


def test_passphrase_files_written_by_windows_notepad_work(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    notepad = tmp_path / "pp.txt"
    notepad.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    assert _check(tmp_path, path, notepad).returncode == 0


def test_an_empty_passphrase_file_is_a_usage_error_not_a_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    result = _check(tmp_path, path, empty)
    assert result.returncode == 2
    assert "empty" in result.stderr and "does not open" not in result.stderr
    stdin = vault_cli(tmp_path, path, "vault", "check")
    assert stdin.returncode == 2 and "empty" in stdin.stderr


def test_passphrase_files_are_read_bounded(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = _check(tmp_path, path, Path("/dev/zero"))
    assert result.returncode == 2
    assert "larger than any passphrase file" in result.stderr


def test_passphrase_from_stdin_leaves_the_rest_for_the_command(tmp_path: Path) -> None:
    """(echo PASS; cat answers) | safeplan guide --plain --passphrase-file - (issue 11 item 4)."""
    path = tmp_path / "v.json"
    make_vault(path)
    base = ("--vault", str(path), "--passphrase-file", "-", "guide", "--plain")
    alone = run(tmp_path, *base, stdin=PASSPHRASE + "\n")
    answered = run(tmp_path, *base, stdin=PASSPHRASE + "\n1\nI stop answering my phone\n")
    assert "does not open" not in answered.stderr
    # The guide read the answers after the passphrase line instead of meeting the end of input.
    assert len(answered.stdout) > len(alone.stdout)
    assert answered.stdout.count("?") > alone.stdout.count("?")


def test_read_stdin_line_reads_one_line_and_no_more(tmp_path: Path) -> None:
    script = (
        "import sys; from safeplan.cli.common import read_stdin_line;"
        "a = read_stdin_line(); b = sys.stdin.read(); print(repr(a), repr(b))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=b"secret one\nrest of the input\nmore\n",
        capture_output=True,
        cwd=ROOT,
        env=subprocess_env(tmp_path),
    )
    assert result.stdout.decode().strip() == ("b'secret one\\n' 'rest of the input\\nmore\\n'"), (
        result.stderr
    )


# --- Paths -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_an_empty_vault_path_is_a_usage_error(tmp_path: Path, how: str) -> None:
    make_vault(tmp_path / ".local/share/safeplan/vault.json")  # the default vault exists
    if how == "flag":
        result = run(tmp_path, "--vault", "", "vault", "check", "--passphrase-file", "-")
    else:
        result = run(
            tmp_path, "vault", "check", "--passphrase-file", "-", env={"SAFEPLAN_VAULT": ""}
        )
    assert result.returncode == 2
    assert "empty" in result.stderr


def test_a_symlinked_vault_writes_through_to_its_target(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    local = tmp_path / "local"
    usb.mkdir()
    local.mkdir()
    target = usb / "vault.json"
    make_vault(target)
    (local / "vault.json").symlink_to("../usb/vault.json")
    result = run(
        tmp_path,
        *("--vault", str(local / "vault.json"), "--passphrase-file", "-"),
        *("checkin", "--mood", "5", "--note", "after symlink"),
        stdin=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert (local / "vault.json").is_symlink()
    assert any(c.note == "after symlink" for c in read_payload(target, PASSPHRASE).checkins)
    assert list_backups(target)  # beside the target
    assert not (local / "vault-backups").exists()


@pytest.fixture
def read_only_folder(tmp_path: Path) -> object:
    """A folder this process cannot write: a read-only tmpfs mount when running as root (root
    ignores permissions), else a folder without write permission."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, lambda: folder.chmod(0o500)
        folder.chmod(0o700)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)])
    if mounted.returncode != 0:
        pytest.skip("cannot mount a read-only file system here")
    try:
        yield folder, lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_vault_opens_read_only_and_says_so(
    tmp_path: Path, read_only_folder: tuple[Path, object]
) -> None:
    folder, make_read_only = read_only_folder
    path = folder / "v.json"
    make_vault(path)
    make_read_only()  # type: ignore[operator]
    base = ("--vault", str(path), "--passphrase-file", "-")
    shown = run(tmp_path, *base, "plan", "show", stdin=PASSPHRASE)
    assert shown.returncode == 0, shown.stderr
    assert "read-only" in shown.stderr
    assert "Sam" in shown.stdout
    mine = run(tmp_path, *base, "crisis", "--mine", "--country", "GB", stdin=PASSPHRASE)
    assert mine.returncode == 0 and "Sam" in mine.stdout
    saved = run(tmp_path, *base, "checkin", "--mood", "5", stdin=PASSPHRASE)
    assert saved.returncode == 1
    assert "cannot be written" in saved.stderr


# --- Output -------------------------------------------------------------------------------------


def test_any_output_encoding_degrades_instead_of_crashing(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(mood=5, note="café ☕ Zoë"))
        vault.payload.plan.help_contacts[0].name = "Zoë ☎"
        vault.save()
    for encoding in ("ascii", "latin-1"):
        for command in (
            ("--passphrase-file", "-", "log", "--since", "all"),
            ("--passphrase-file", "-", "export", "-f", "markdown"),
            ("--passphrase-file", "-", "plan", "show"),
        ):
            result = subprocess.run(
                [sys.executable, "-m", "safeplan", "--vault", str(path), *command],
                input=PASSPHRASE.encode(),
                capture_output=True,
                cwd=ROOT,
                env=subprocess_env(tmp_path, PYTHONIOENCODING=encoding),
            )
            assert result.returncode == 0, (encoding, command, result.stderr)
            assert b"Zo" in result.stdout


def test_a_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    for command in (("crisis",), ("--vault", str(path), "--passphrase-file", "-", "log")):
        result = subprocess.run(
            [sys.executable, "-m", "safeplan", *command],
            input=PASSPHRASE.encode(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=subprocess_env(tmp_path),
            pass_fds=(),
            preexec_fn=lambda: os.close(1),
        )
        assert result.returncode == 0, result.stderr
        assert b"something went wrong" not in result.stderr


# --- Dates and numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("checkin", "--mood", "5", "--at", "0001-01-01"),
        ("checkin", "--mood", "5", "--at", "0001-01-01 00:00"),
        ("checkin", "--mood", "5", "--at", "10000 weeks ago"),
        ("log", "--since", "0001-01-01"),
        ("use", "--substance", "alcohol", "--amount", "inf"),
        ("use", "--substance", "alcohol", "--amount", "nan"),
    ],
)
def test_out_of_range_values_are_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = vault_cli(tmp_path, path, *args, stdin=PASSPHRASE)
    assert result.returncode == 2, result.stderr
    assert "something went wrong" not in result.stderr


def test_a_time_the_clocks_skipped_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    result = run(
        tmp_path,
        *("--vault", str(path), "--passphrase-file", "-"),
        *("checkin", "--mood", "5", "--at", "2026-03-08 02:30"),
        stdin=PASSPHRASE,
        env={"TZ": "America/New_York"},
    )
    assert result.returncode == 2
    assert "did not exist" in result.stderr


def test_import_refuses_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    export = json.loads(
        vault_cli(
            tmp_path,
            path,
            "export",
            "-f",
            "json",
            stdin=PASSPHRASE,
        ).stdout
    )
    export["checkins"].append(dict(export["checkins"][0]))
    dup = tmp_path / "dup.json"
    dup.write_text(json.dumps(export))
    result = vault_cli(
        tmp_path,
        path,
        "import",
        "--yes",
        str(dup),
        stdin=PASSPHRASE,
    )
    assert result.returncode != 0
    assert "same id" in result.stderr
    assert len(read_payload(path, PASSPHRASE).checkins) == 1


# --- Nothing the person types leaves the vault (item 5) -----------------------------------------


def test_the_cheap_test_profile_is_ignored_outside_the_test_suite(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    env = subprocess_env(tmp_path)
    del env["PYTEST_CURRENT_TEST"]  # SAFEPLAN_KDF_PROFILE=test is still set, as if exported
    subprocess.run(
        [sys.executable, "-m", "safeplan", "--vault", str(path), "--passphrase-file", "-", "init"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    kdf = json.loads(path.read_text())["kdf"]
    assert kdf["iterations"] == 3  # calibrated, never the one-pass test profile
    assert kdf["memory_kib"] >= 64 * 1024


def test_note_text_can_come_from_standard_input(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    secret = tmp_path / "pp"
    secret.write_text(PASSPHRASE + "\n")
    result = run(
        tmp_path,
        *("--vault", str(path), "--passphrase-file", str(secret)),
        *("checkin", "--mood", "6", "--note", "-"),
        stdin="words kept out of shell history\nsecond line\n",
    )
    assert result.returncode == 0, result.stderr
    notes = [c.note for c in read_payload(path, PASSPHRASE).checkins]
    assert "words kept out of shell history\nsecond line" in notes


def test_a_typed_line_with_a_nul_is_asked_again() -> None:
    import io

    from safeplan.cli.plain import NUL_REFUSED, Plain

    out = io.StringIO()
    plain = Plain(io.StringIO("a\x00b\nkept as typed \x1b[8m\n"), out)
    assert plain.read_line() == "kept as typed \x1b[8m"  # stored as typed; shown visibly
    assert " ".join(out.getvalue().split()) == NUL_REFUSED


def test_small_edges_said_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    made = run(tmp_path, "--vault", str(folder), "--passphrase-file", "-", "init", stdin="x" * 9)
    assert made.returncode == 2 and "is a folder" in made.stderr
    deep = tmp_path / "one" / "two" / "v.json"
    secret = tmp_path / "pp"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o644)
    created = run(tmp_path, "--vault", str(deep), "--passphrase-file", str(secret), "init")
    assert created.returncode == 0, created.stderr
    assert "other users of this computer can read the passphrase file" in created.stderr
    for part in (deep.parent, deep.parent.parent):
        assert part.stat().st_mode & 0o777 == 0o700, part
    checked = run(
        tmp_path, "--vault", str(deep), "--passphrase-file", "-", "vault", "check", stdin=PASSPHRASE
    )
    assert "It holds 0 entries in all." in checked.stdout


def test_backup_list_flags_a_damaged_backup(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.save()
    backup = list_backups(path)[0]
    backup.unlink()
    backup.write_bytes(b"garbage!")
    listed = run(tmp_path, "--vault", str(path), "backup", "list")
    assert "(damaged: cannot be restored)" in listed.stdout


def test_import_of_a_pipe_with_no_writer_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = vault_cli(
        tmp_path,
        path,
        "import",
        str(fifo),
        stdin=PASSPHRASE,
        timeout=30,
    )
    assert result.returncode == 2
    assert "not a regular file" in result.stderr


def test_a_recovery_code_sent_to_a_file_is_pointed_out(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "--vault",
        str(tmp_path / "v.json"),
        "--passphrase-file",
        "-",
        "init",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "standard output, which is not a terminal" in result.stderr


def test_dates_from_another_year_show_the_year(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    path = tmp_path / "v.json"
    make_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.payload.checkins.append(CheckIn(at=datetime(1970, 1, 1, 12, tzinfo=UTC), mood=5))
        vault.save()
    shown = vault_cli(
        tmp_path,
        path,
        "log",
        "--since",
        "all",
        stdin=PASSPHRASE,
    )
    assert "Thu 01 Jan 1970, 12:00" in shown.stdout


def test_log_can_be_written_to_a_private_file(tmp_path: Path) -> None:
    import stat

    path = tmp_path / "v.json"
    make_vault(path)
    target = tmp_path / "my-log.csv"
    os.umask(0o022)
    result = vault_cli(
        tmp_path,
        path,
        "log",
        "--since",
        "all",
        "--format",
        "csv",
        "-o",
        str(target),
        "--yes",
        stdin=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "CANARY" in target.read_text()
    refused = vault_cli(
        tmp_path,
        path,
        "log",
        "--format",
        "json",
        "-o",
        str(path),
        "--yes",
        stdin=PASSPHRASE,
    )
    assert refused.returncode == 2  # never over the vault itself


def test_a_backups_folder_that_is_a_link_is_pointed_out(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "v-backups").symlink_to(elsewhere)
    result = vault_cli(tmp_path, path, "log", stdin=PASSPHRASE)
    assert result.returncode == 0
    assert "is a link to somewhere else" in result.stderr


def test_a_folder_others_can_write_is_pointed_out(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    path = shared / "v.json"
    make_vault(path)
    shared.chmod(0o777)  # writable by everyone, without the sticky bit
    result = vault_cli(tmp_path, path, "log", stdin=PASSPHRASE)
    assert result.returncode == 0
    assert "other users of this computer can change the folder" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_no_core_dump_and_no_same_user_ptrace(tmp_path: Path) -> None:
    script = (
        "import ctypes, resource; from safeplan.cli.main import _disable_core_dumps;"
        "_disable_core_dumps();"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=subprocess_env(tmp_path),
    )
    assert result.stdout.strip() == "0 (0, 0)", result.stderr  # PR_GET_DUMPABLE: not dumpable


def test_text_is_stored_as_typed_and_only_shown_visibly(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    make_vault(path)
    typed = "red \x1b[31mRED\x1b[0m \u202edone"
    saved = vault_cli(tmp_path, path, "checkin", "--mood", "5", "--note", typed, stdin=PASSPHRASE)
    assert saved.returncode == 0, saved.stderr
    assert typed in [c.note for c in read_payload(path, PASSPHRASE).checkins]
    shown = vault_cli(tmp_path, path, "log", stdin=PASSPHRASE)
    assert "\x1b" not in shown.stdout and "\u202e" not in shown.stdout
    assert "red ␛[31mRED␛[0m <U+202E>done" in shown.stdout
