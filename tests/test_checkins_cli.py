"""`safeplan checkin`, `use`, `log`, `trends` and `selfcheck` as real subprocesses, on a real
temporary vault and on --demo."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from safeplan.core import log_formats
from safeplan.core.checkins import entries_since
from safeplan.core.models import (
    Contact,
    SafetyPlan,
    Settings,
    TextItem,
    VaultPayload,
    now,
)
from safeplan.core.vault import Vault
from tests.cli_helpers import ROOT, run
from tests.conftest import subprocess_env

PASSPHRASE = "a calm long passphrase"


@pytest.fixture
def home(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def make_vault(path: Path, payload: VaultPayload | None = None) -> Path:
    if payload is None:
        payload = VaultPayload(
            plan=SafetyPlan(
                coping=[TextItem(text="Walk round the block with music on.")],
                help_contacts=[Contact(name="Robin", phone="555 0101", relationship="brother")],
            )
        )
    vault, _code = Vault.create(path, PASSPHRASE, payload)
    vault.close()
    return path


def reopen(path: Path) -> VaultPayload:
    with Vault.open(path, PASSPHRASE) as vault:
        return vault.payload


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return make_vault(tmp_path / "vault.json")


def sp(home: Path, vault: Path, secret: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(home, *args, "--vault", str(vault), "--passphrase-file", str(secret))


# --- checkin --------------------------------------------------------------------------------------


def test_checkin_one_shot_saves_to_the_vault(home: Path, vault: Path, secret: Path) -> None:
    result = sp(
        home, vault, secret, "checkin", "--mood", "6", "--anxiety", "3", "--sleep", "7.5",
        "--tag", "work,friends", "--note", "A quiet day.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Saved your check-in" in result.stdout
    assert "hard moment" not in result.stdout
    [c] = reopen(vault).checkins
    assert (c.mood, c.anxiety, c.sleep_hours, c.tags, c.note) == (
        6, 3, 7.5, ["work", "friends"], "A quiet day.",
    )  # fmt: skip
    assert c.id[:8] in result.stdout


def test_hard_checkin_offers_the_plan_and_crisis_lines(
    home: Path, vault: Path, secret: Path
) -> None:
    result = sp(home, vault, secret, "checkin", "--mood", "5", "--suicidal-thoughts", "8")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.index("Saved your check-in") < text.index("hard moment")
    assert "Walk round the block with music on." in text
    assert "Robin (brother, 555 0101)" in text
    assert "safeplan crisis" in text
    assert "!" not in text
    assert "Its id is" not in text  # no clinical id after a hard moment
    assert max(len(line) for line in text.splitlines()[1:]) <= 80


def test_low_mood_counts_as_hard_and_thresholds_are_the_persons(
    home: Path, tmp_path: Path, secret: Path
) -> None:
    payload = VaultPayload(settings=Settings(low_mood_threshold=0, hard_checkin_threshold=3))
    vault = make_vault(tmp_path / "v.json", payload)
    assert "hard moment" not in sp(home, vault, secret, "checkin", "--mood", "1").stdout
    text = sp(home, vault, secret, "checkin", "--mood", "6", "--self-harm-urge", "3").stdout
    assert "hard moment" in text


def test_checkin_without_mood_and_no_terminal_exits_2(
    home: Path, vault: Path, secret: Path
) -> None:
    result = sp(home, vault, secret, "checkin")
    assert result.returncode == 2
    assert "not one" in result.stderr and "--mood" in result.stderr
    assert reopen(vault).checkins == []


def test_checkin_back_filled_with_at(home: Path, vault: Path, secret: Path) -> None:
    result = sp(home, vault, secret, "checkin", "--mood", "4", "--at", "yesterday 21:00")
    assert result.returncode == 0, result.stderr
    [c] = reopen(vault).checkins
    assert c.at.date() == date.today() - timedelta(days=1)
    assert (c.at.hour, c.at.minute) == (21, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mood", "11"], "whole number from 0 to 10"),
        (["--mood", "five"], "whole number from 0 to 10"),
        (["--mood", "5", "--at", "next week"], "That time was not understood"),
        (["--mood", "5", "--at", "2h from now"], "That time was not understood"),
        (["--mood", "5", "--sleep", "30"], "hours from 0 to 24"),
    ],
)
def test_checkin_bad_values_exit_2_calmly(
    home: Path, vault: Path, secret: Path, args: list[str], message: str
) -> None:
    result = sp(home, vault, secret, "checkin", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert reopen(vault).checkins == []


def test_wrong_passphrase_exits_3(home: Path, vault: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    result = run(
        home, "checkin", "--mood", "5", "--vault", str(vault), "--passphrase-file", str(wrong)
    )
    assert result.returncode == 3


def test_checkin_on_the_demo_writes_nothing(home: Path) -> None:
    result = run(home, "--demo", "checkin", "--mood", "5")
    assert result.returncode == 0, result.stderr
    assert "in memory only" in result.stdout
    assert not any(p.is_file() for p in home.rglob("*"))


# --- use --------------------------------------------------------------------------------------------


def test_use_notes_a_dangerous_mix_with_its_source(home: Path, vault: Path, secret: Path) -> None:
    assert sp(home, vault, secret, "use", "--substance", "xanax", "--at", "2h ago").returncode == 0
    result = sp(
        home, vault, secret, "use", "--substance", "beer", "--amount", "2", "--unit", "pints"
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "xanax and beer (about 2 hours apart): dangerous together." in text
    # Right after logging, the sources fit one short line (what to do comes first, care review
    # 2.3); `safeplan combo` gives them in full, with their addresses.
    flat = " ".join(text.split())
    assert "Sources: DailyMed" in flat and "NIAAA (2003)" in flat and "Abuse" not in text
    assert "checked 2026-" in flat
    assert "In full, with addresses: safeplan combo xanax beer" in flat
    assert "http" not in text.split("safer-use ideas")[0]
    assert "safer-use ideas, to take or leave" in text
    entries = reopen(vault).use_entries
    assert [(e.substance, e.substance_class) for e in entries] == [
        ("xanax", "benzodiazepine"),
        ("beer", "alcohol"),
    ]
    assert entries[1].amount == 2 and entries[1].unit == "pints"


def test_use_says_unknown_never_safe(home: Path, vault: Path, secret: Path) -> None:
    sp(home, vault, secret, "use", "--substance", "cannabis", "--at", "1h ago")
    text = " ".join(sp(home, vault, secret, "use", "--substance", "nicotine").stdout.split())
    assert "safeplan has no rule for this pair: cannabis and nicotine." in text
    assert "does not mean it is safe" in text


def test_tips_can_be_turned_off(home: Path, tmp_path: Path, secret: Path) -> None:
    vault = make_vault(tmp_path / "v.json")
    on = sp(home, vault, secret, "use", "--substance", "heroin", "--alone", "yes").stdout
    assert "Not using alone" in on
    off = sp(home, vault, secret, "use", "--substance", "heroin", "--alone", "yes", "--no-tips")
    assert "ideas" not in off.stdout
    quiet = make_vault(
        tmp_path / "q.json", VaultPayload(settings=Settings(harm_reduction_tips=False))
    )
    assert "ideas" not in sp(home, quiet, secret, "use", "--substance", "heroin").stdout


def test_use_flags_are_kept(home: Path, vault: Path, secret: Path) -> None:
    result = sp(
        home, vault, secret, "use", "--substance", "something new", "--class", "stimulant",
        "--route", "snorted", "--setting", "party", "--alone", "no", "--naloxone", "yes",
        "--tested", "no", "--with", "Ana", "--note", "Half at first.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [e] = reopen(vault).use_entries
    assert (e.substance_class, e.route, e.setting) == ("stimulant", "snorted", "party")
    assert (e.used_alone, e.naloxone_at_hand, e.tested) == (False, True, False)
    assert (e.with_whom, e.note) == ("Ana", "Half at first.")


def test_use_without_substance_and_no_terminal_exits_2(home: Path) -> None:
    result = run(home, "--demo", "use")
    assert result.returncode == 2 and "--substance" in result.stderr


# --- log --------------------------------------------------------------------------------------------


def test_log_csv_and_json_round_trip_against_the_vault(
    home: Path, tmp_path: Path, secret: Path
) -> None:
    from safeplan.core.demo import demo_payload

    vault = make_vault(tmp_path / "demo.json", demo_payload())
    stored = entries_since(reopen(vault), None)
    csv_out = sp(home, vault, secret, "log", "--since", "all", "--format", "csv")
    json_out = sp(home, vault, secret, "log", "--since", "all", "--format", "json")
    assert csv_out.returncode == json_out.returncode == 0
    assert log_formats.from_csv(csv_out.stdout) == stored
    assert log_formats.from_json(json_out.stdout) == stored
    assert json.loads(json_out.stdout)["format"] == "safeplan-log"


def test_log_filters_by_kind_and_since(home: Path) -> None:
    uses = run(home, "--demo", "log", "--kind", "use", "--since", "all", "--format", "json")
    kinds = {item["kind"] for item in json.loads(uses.stdout)["entries"]}
    assert kinds == {"use"}
    week = run(home, "--demo", "log", "--since", "7d", "--format", "json").stdout
    cutoff = now() - timedelta(days=7, minutes=5)
    from datetime import datetime

    assert all(datetime.fromisoformat(item["at"]) >= cutoff for item in json.loads(week)["entries"])


def test_log_table_shows_ids_times_and_goals(home: Path) -> None:
    result = run(home, "--demo", "log", "--since", "14d")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "When", "What"]
    assert any("check-in: mood" in line for line in lines)
    assert "entries since" in result.stdout
    assert "Your goal (using less, alcohol)" in result.stdout


def test_log_empty_is_calm(home: Path, vault: Path, secret: Path) -> None:
    result = sp(home, vault, secret, "log")
    assert result.returncode == 0
    assert "Nothing logged since" in result.stdout


def test_log_bad_since_exits_2(home: Path) -> None:
    result = run(home, "--demo", "log", "--since", "a while")
    assert result.returncode == 2 and "--since" in result.stderr


def test_log_edit_and_delete(home: Path, vault: Path, secret: Path) -> None:
    sp(home, vault, secret, "checkin", "--mood", "3", "--anxiety", "7", "--note", "meh")
    sp(home, vault, secret, "use", "--substance", "beer")
    c = reopen(vault).checkins[0]
    u = reopen(vault).use_entries[0]

    edited = sp(home, vault, secret, "log", "edit", c.id[:6], "--mood", "5", "--clear", "anxiety")
    assert edited.returncode == 0, edited.stderr
    assert "mood 5" in edited.stdout
    after = reopen(vault).checkins[0]
    assert (after.id, after.mood, after.anxiety, after.note) == (c.id, 5, None, "meh")

    wrong = sp(home, vault, secret, "log", "edit", c.id, "--substance", "wine")
    assert wrong.returncode == 2 and "cannot be changed on a check-in" in wrong.stderr

    nothing = sp(home, vault, secret, "log", "edit", u.id)
    assert nothing.returncode == 2 and "Nothing to change" in nothing.stderr

    changed = sp(
        home, vault, secret, "log", "edit", u.id, "--substance", "ketamine", "--alone", "no"
    )
    assert changed.returncode == 0
    assert reopen(vault).use_entries[0].substance_class == "ketamine"

    refused = sp(home, vault, secret, "log", "delete", u.id)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(reopen(vault).use_entries) == 1

    gone = sp(home, vault, secret, "log", "delete", u.id, "--yes")
    assert gone.returncode == 0 and "Removed the use entry" in gone.stdout
    assert reopen(vault).use_entries == []
    assert len(reopen(vault).checkins) == 1


# --- trends and self-checks -----------------------------------------------------------------------


def test_trends_on_the_demo(home: Path) -> None:
    result = run(home, "--demo", "trends", "--days", "30")
    assert result.returncode == 0
    assert "Check-ins:" in result.stdout and "Best day" in result.stdout
    assert "█" in result.stdout
    plain = run(home, "--demo", "trends", "--days", "365", "--plain")
    assert plain.stdout.isascii()
    assert "each column is 7 days" in plain.stdout
    assert max(len(line) for line in plain.stdout.splitlines()) <= 80


def test_trends_falls_back_to_ascii_on_an_ascii_terminal(home: Path) -> None:
    result = run(home, "--demo", "trends", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert "Mood (0 = very low" in result.stdout


def test_trends_bad_days_exit_2(home: Path) -> None:
    assert run(home, "--demo", "trends", "--days", "0").returncode == 2


def test_selfcheck_item_9_brings_support_first(home: Path, vault: Path, secret: Path) -> None:
    result = sp(home, vault, secret, "selfcheck", "phq9", "--answers", "1,1,1,1,1,1,1,1,1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.index("Walk round the block") < text.index("Saved. PHQ-9: 9 of 27.")
    assert "range" not in text.split("Saved.")[1]  # no band word right after that answer
    assert "not a diagnosis" in text and "Pfizer" in text
    [check] = reopen(vault).self_checks
    assert check.answers == [1] * 9


def test_selfcheck_without_item_9_has_no_crisis_block(
    home: Path, vault: Path, secret: Path
) -> None:
    result = sp(home, vault, secret, "selfcheck", "gad7", "--answers", "3,3,3,3,3,3,3")
    assert "Saved. GAD-7: 21 of 21 (severe range)" in result.stdout
    assert "Walk round the block" not in result.stdout


@pytest.mark.parametrize("answers", ["1,2", "0,0,0,0,0,0,0,0,7", "a,b"])
def test_selfcheck_bad_answers_exit_2(home: Path, answers: str) -> None:
    result = run(home, "--demo", "selfcheck", "phq9", "--answers", answers)
    assert result.returncode == 2


def test_selfcheck_history(home: Path) -> None:
    result = run(home, "--demo", "selfcheck", "history")
    assert result.returncode == 0
    assert (
        "PHQ-9 (0 to 27; 5+ mild, 10+ moderate, 15+ moderately severe, 20+ severe; ranges, not a "
        "diagnosis)" in " ".join(result.stdout.split())  # wrapped at 80 columns
    )


# --- Nothing personal on disk -----------------------------------------------------------------------


def test_no_personal_words_reach_the_disk_unencrypted(
    home: Path, tmp_path: Path, secret: Path
) -> None:
    vault = make_vault(tmp_path / "vault" / "v.json")
    canary = "CANARY-7b1e-heron"
    for args in (
        ["checkin", "--mood", "1", "--note", canary, "--tag", canary],
        ["use", "--substance", canary, "--with", canary],
        ["log", "--since", "all"],
        ["trends"],
    ):
        assert sp(home, vault, secret, *args).returncode == 0
    first = reopen(vault).checkins[0].id
    assert sp(home, vault, secret, "log", "edit", first, "--note", canary + "2").returncode == 0
    for folder in (home, tmp_path):
        for path in folder.rglob("*"):
            if path.is_file():
                assert b"CANARY-7b1e" not in path.read_bytes(), path


# --- The plain line-by-line mode on a real terminal (pty) ----------------------------------------


def _talk(args: list[str], answers: list[str], home: Path) -> tuple[int, str]:
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "safeplan", *args],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=subprocess_env(home, TERM="dumb"),
        cwd=ROOT,
        close_fds=True,
    )
    os.close(secondary)
    seen = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and seen.rstrip().endswith((b":", b"?")):
                os.write(primary, (pending.pop(0) + "\n").encode())
        elif proc.poll() is not None:
            break
    code = proc.wait(timeout=30)
    os.close(primary)
    return code, seen.decode(errors="replace").replace("\r\n", "\n")


def test_interactive_checkin_on_a_terminal(home: Path, vault: Path, secret: Path) -> None:
    answers = ["twelve", "7", "", "", "", "2", "6.5", "work, outside", "Saw the sea."]
    code, text = _talk(
        ["checkin", "--vault", str(vault), "--passphrase-file", str(secret)], answers, home
    )
    assert code == 0, text
    assert "Mood right now, 0 (very low) to 10 (very good):" in text
    assert "Please type a whole number from 0 to 10." in text
    assert "(Enter to skip)" in text
    assert "\x1b[" not in text  # no colour, no cursor movement
    [c] = reopen(vault).checkins
    assert (c.mood, c.anxiety, c.self_harm_urge, c.suicidal_thoughts, c.use_urge) == (
        7, None, None, None, 2,
    )  # fmt: skip
    assert (c.sleep_hours, c.tags, c.note) == (6.5, ["work", "outside"], "Saw the sea.")


def test_interactive_use_on_a_terminal(home: Path, vault: Path, secret: Path) -> None:
    answers = ["xans", "1", "pill", "", "", "2", "1", "", "", ""]
    code, text = _talk(
        ["use", "--vault", str(vault), "--passphrase-file", str(secret)], answers, home
    )
    assert code == 0, text
    assert "alprazolam, benzodiazepine" in text
    assert "1) yes" in text and "2) no" in text
    [e] = reopen(vault).use_entries
    # Naloxone is asked about for opioids and unknown supply only; testing for xans is.
    assert "naloxone" not in text.lower().split("how (drank")[1]
    assert (e.substance, e.amount, e.unit, e.used_alone, e.naloxone_at_hand, e.tested) == (
        "xans", 1.0, "pill", False, None, True,
    )  # fmt: skip


def test_interactive_selfcheck_brings_support_right_after_item_9(
    home: Path, vault: Path, secret: Path
) -> None:
    answers = ["0"] * 8 + ["2"]
    code, text = _talk(
        ["selfcheck", "phq9", "--vault", str(vault), "--passphrase-file", str(secret)],
        answers,
        home,
    )
    assert code == 0, text
    assert "9 of 9. Thoughts that you would be better off dead" in text
    assert text.index("Walk round the block") < text.index("Saved. PHQ-9")
    assert text.count("Walk round the block") == 1


def test_stopping_part_way_saves_nothing(home: Path, vault: Path, secret: Path) -> None:
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "safeplan", "checkin", "--vault", str(vault),
         "--passphrase-file", str(secret)],
        stdin=secondary, stdout=secondary, stderr=secondary,
        env=subprocess_env(home), cwd=ROOT, close_fds=True,
    )  # fmt: skip
    os.close(secondary)
    seen = b""
    deadline = time.monotonic() + 60
    while b"Mood right now" not in seen and time.monotonic() < deadline:
        if select.select([primary], [], [], 0.2)[0]:
            seen += os.read(primary, 4096)
    os.write(primary, b"5\n\x04")  # mood, then end of input (Ctrl-D) at the next question
    rest = b""
    try:
        while chunk := os.read(primary, 4096):
            rest += chunk
    except OSError:
        pass
    code = proc.wait(timeout=30)
    os.close(primary)
    assert code == 130  # ctrl+d at a question stops calmly, like ctrl+c (issue 12 item 4)
    assert b"nothing was saved" in rest
    assert reopen(vault).checkins == []
