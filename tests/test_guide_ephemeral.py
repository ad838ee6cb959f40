"""An ephemeral guided session leaves nothing on the worker's machine except what the person chose.

Every file and folder under a temporary HOME (with its XDG folders), TMPDIR and the chosen
destination is listed before and after a real `safeplan guide --plain --ephemeral` subprocess.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from safeplan.core.vault import Vault
from tests.cli_helpers import ROOT
from tests.conftest import subprocess_env
from tests.guide_helpers import PASSPHRASE, assert_full_plan, plan_lines

VAULT, END = "4", "5"


def snapshot(root: Path) -> dict[str, str]:
    """Every path under ``root``: folders as "dir", files by the hash of their bytes."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def every_byte(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def setup_machine(tmp_path: Path) -> tuple[Path, Path, Path, Path, dict[str, str]]:
    home, tmpdir, usb, pycache = (tmp_path / n for n in ("home", "tmp", "usb", "pycache"))
    for folder in (home, tmpdir, usb, pycache):
        folder.mkdir()
    # The worker's own things, which must be left exactly as they were.
    (home / ".config").mkdir()
    (home / ".config" / "worker-notes.txt").write_text("the worker's file\n", encoding="utf-8")
    (tmpdir / "other-program.tmp").write_bytes(b"not ours")
    env = subprocess_env(home, TMPDIR=str(tmpdir), TMP=str(tmpdir), TEMP=str(tmpdir))
    # Any bytecode Python writes lands here, where the test can see it.
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return home, tmpdir, usb, pycache, env


def run_session(
    env: dict[str, str], lines: list[str], code: int = 0
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "safeplan", "guide", "--plain", "--ephemeral"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    return result


def assert_no_session_bytecode(pycache: Path) -> None:
    """Modules first imported during the session leave no bytecode behind."""
    written = [p.as_posix() for p in pycache.rglob("*.pyc")]
    assert written, "the bytecode check sees what Python writes"
    for module in ("safeplan/cli/plain", "safeplan/core/guide", "safeplan/core/vault"):
        folder, name = module.rsplit("/", 1)
        assert not [w for w in written if f"{folder}/{name}." in w], module


def test_saving_into_a_new_vault_writes_only_that_vault(tmp_path: Path) -> None:
    home, tmpdir, usb, pycache, env = setup_machine(tmp_path)
    before = {name: snapshot(p) for name, p in (("home", home), ("tmp", tmpdir), ("usb", usb))}
    target = usb / "plan.json"

    run_session(env, [*plan_lines(), VAULT, str(target), PASSPHRASE, PASSPHRASE, END])

    assert snapshot(home) == before["home"], "nothing in HOME or the XDG folders"
    assert snapshot(tmpdir) == before["tmp"], "nothing in TMPDIR"
    new = set(snapshot(usb)) - set(before["usb"])
    allowed = {"plan.json", "plan.json.lock", "plan-backups"}
    assert "plan.json" in new
    assert all(n in allowed or n.startswith("plan-backups/") for n in new), new
    # The vault holds the plan, encrypted: not one answer in plain text anywhere.
    assert b"GUIDECANARY" not in every_byte(tmp_path)
    with Vault.open(target, PASSPHRASE) as vault:
        assert_full_plan(vault.payload)
    assert_no_session_bytecode(pycache)


def test_letting_the_plan_go_writes_nothing_at_all(tmp_path: Path) -> None:
    home, tmpdir, usb, pycache, env = setup_machine(tmp_path)
    before = {p: snapshot(p) for p in (home, tmpdir, usb)}

    result = run_session(env, [*plan_lines(), END, "1"])

    assert "The plan was let go." in result.stdout
    for folder, listing in before.items():
        assert snapshot(folder) == listing, folder
    assert b"GUIDECANARY" not in every_byte(tmp_path)
    assert_no_session_bytecode(pycache)


def test_input_ending_early_writes_nothing_either(tmp_path: Path) -> None:
    home, tmpdir, usb, pycache, env = setup_machine(tmp_path)
    before = {p: snapshot(p) for p in (home, tmpdir, usb)}

    result = run_session(env, plan_lines()[:9], code=130)
    assert "If you stop now, it is forgotten." in result.stdout

    for folder, listing in before.items():
        assert snapshot(folder) == listing, folder
    assert b"GUIDECANARY" not in every_byte(tmp_path)
