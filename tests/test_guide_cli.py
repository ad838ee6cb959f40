"""`safeplan guide` in plain mode, run as a real subprocess fed on standard input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeplan.core import guide as flow
from safeplan.core.models import VaultPayload
from safeplan.core.vault import Vault
from tests.cli_helpers import run
from tests.guide_helpers import PASSPHRASE, WARNING_SIGNS, assert_full_plan, plan_lines

CODE_RE = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})\b")
ANSI_OR_BOX = re.compile(r"[\x1b\u2500-\u257f\u2580-\u259f]")

# Handover menu numbers in an ephemeral session.
SHOW, PRINT, FILE, VAULT, END = "1", "2", "3", "4", "5"


def guide(home: Path, *args: str, lines: list[str], env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return run(home, "guide", "--plain", *args, stdin="\n".join(lines) + "\n", env=env)


def flat(text: str) -> str:
    """The output with line wrapping undone, to look for whole sentences."""
    return " ".join(text.split())


def make_vault(path: Path) -> None:
    vault, _ = Vault.create(path, PASSPHRASE, VaultPayload())
    vault.close()


def secret_file(tmp_path: Path) -> Path:
    f = tmp_path / "secret.txt"
    f.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return f


def test_a_complete_ephemeral_session_saved_into_a_new_vault(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "my-plan.json"
    lines = [*plan_lines(), VAULT, str(target), PASSPHRASE, PASSPHRASE, END]
    result = guide(tmp_path, "--ephemeral", lines=lines)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "Step 1 of 7: My warning signs." in out
    assert "Step 7 of 7: What matters most to me." in out
    assert "For the person helping:" in out
    assert f"The plan is saved in a new vault at:\n{target}\n" in result.stdout
    code = CODE_RE.search(out)
    assert code, out
    assert "Only what you saved is kept" in out
    assert not ANSI_OR_BOX.search(result.stdout)
    assert result.stderr == ""

    with Vault.open(target, PASSPHRASE) as vault:
        assert_full_plan(vault.payload)
        assert vault.payload.plan_revisions, "the finished plan keeps a dated revision"
    # The recovery code shown once opens it too.
    with Vault.open_with_recovery(target, code.group(1)) as vault:
        assert_full_plan(vault.payload)


def test_a_short_or_mismatched_passphrase_is_asked_again(tmp_path: Path) -> None:
    target = tmp_path / "v.json"
    lines = [*plan_lines(), VAULT, str(target), "short", PASSPHRASE, PASSPHRASE + "x"]
    lines += [PASSPHRASE, PASSPHRASE, END]
    result = guide(tmp_path, "--ephemeral", lines=lines)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "A passphrase needs at least 8 characters" in out
    assert "Those two passphrases did not match. Please type it again. Let's try once more." in out
    assert PASSPHRASE not in result.stdout
    with Vault.open(target, PASSPHRASE) as vault:
        assert_full_plan(vault.payload)


def test_an_ephemeral_session_let_go_keeps_nothing(tmp_path: Path) -> None:
    lines = [*plan_lines(), END, "2", END, "1"]  # finish, "no", finish again, "yes"
    result = guide(tmp_path, "--ephemeral", lines=lines)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert out.count("If you finish now, this plan is forgotten") == 2
    assert "The plan was let go. Nothing of it was written to this computer." in out
    assert "GUIDECANARY" not in out  # the plan was never shown: nobody asked


def test_show_prints_the_plan_in_the_persons_words(tmp_path: Path) -> None:
    result = guide(tmp_path, "--ephemeral", lines=[*plan_lines(), SHOW, END, "1"])
    assert result.returncode == 0, result.stderr
    shown = result.stdout.split("My safety plan", 1)[1]
    for words in (*WARNING_SIGNS, "GUIDECANARY my dog Biscuit", "GUIDECANARY Amy"):
        assert words in shown


def test_print_without_a_printing_system_says_so(tmp_path: Path) -> None:
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    result = guide(
        tmp_path,
        "--ephemeral",
        lines=[*plan_lines(), PRINT, END, "1"],
        env={"PATH": str(empty_bin)},
    )
    assert result.returncode == 0, result.stderr
    assert "This computer has no printing system (lp or lpr), so nothing was printed." in flat(
        result.stdout
    )


def test_a_fake_printer_receives_the_text_on_standard_input(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    printed = tmp_path / "printed.txt"
    lp = bin_dir / "lp"
    lp.write_text(f"#!/bin/sh\ncat > {printed}\n", encoding="utf-8")
    lp.chmod(0o755)
    import os

    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    result = guide(
        tmp_path, "--ephemeral", lines=[*plan_lines(), PRINT, END, "1"], env={"PATH": path}
    )
    assert result.returncode == 0, result.stderr
    assert "Your plan was sent to the printer." in result.stdout
    text = printed.read_text(encoding="utf-8")
    assert "GUIDECANARY warning one" in text
    assert "\x1b" not in text


def test_a_file_copy_warns_first_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    lines = [*plan_lines(), FILE, "1", str(target), "1", FILE, "1", str(target), END, "1"]
    result = guide(tmp_path, "--ephemeral", lines=lines)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "A file copy is not encrypted" in out
    assert f"Your plan was written to:\n{target}\n" in result.stdout
    assert f"There is already a file at {target}. Nothing was written" in out
    assert "GUIDECANARY warning one" in target.read_text(encoding="utf-8")
    assert (target.stat().st_mode & 0o777) == 0o600


def test_end_of_input_in_an_ephemeral_session_keeps_nothing(tmp_path: Path) -> None:
    result = guide(tmp_path, "--ephemeral", lines=["1", "", "", "GUIDECANARY a sign"])
    assert result.returncode == 130, "stopped part way"
    assert "Your plan is not saved anywhere yet. If you stop now, it is forgotten." in flat(
        result.stdout
    )
    assert "The plan was not kept anywhere. Nothing was written to this computer." in flat(
        result.stdout
    )
    assert "Traceback" not in result.stderr


def test_pause_and_resume_on_a_real_vault(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    make_vault(path)
    secret = secret_file(tmp_path)
    common = ("--vault", str(path), "--passphrase-file", str(secret))

    first = guide(
        tmp_path,
        *common,
        lines=["2", "", "", "GUIDECANARY first sign", "", "GUIDECANARY a walk", "pause"],
    )
    assert first.returncode == 0, first.stderr
    assert "Paused. Everything you wrote is saved in your vault." in flat(first.stdout)
    assert "For the person helping:" not in first.stdout  # on my own
    with Vault.open(path, PASSPHRASE) as vault:
        payload = vault.payload
        assert payload.guide is not None
        assert (payload.guide.step_index, payload.guide.voice) == (flow.FIRST_STEP + 1, "on_my_own")
        assert [i.text for i in payload.plan.warning_signs] == ["GUIDECANARY first sign"]
        assert [i.text for i in payload.plan.coping] == ["GUIDECANARY a walk"]

    # Who is here (Enter keeps "on my own"); step 2 done, likely, nothing in the way; steps 3 to 7
    # skipped (step 6 after "done" ends its talk); the last questions and the follow-up left empty; then Finish.
    lines = [
        "",
        "",
        "1",
        "",
        *["skip"] * 3,
        "done",
        "skip",
        "skip",
        "skip",
        "",
        "",
        "",
        "",
        "",
        "4",
    ]
    second = guide(tmp_path, *common, lines=lines)
    assert second.returncode == 0, second.stderr
    out = flat(second.stdout)
    assert "Welcome back. You are at Step 2 of 7: Things I can do on my own." in out
    assert out.index("Welcome back") < out.index("Who is here for this session?"), "asked again"
    assert "Things I can do on my own already in your plan: - GUIDECANARY a walk" in out
    assert "Your plan is written and saved in your vault." in out
    with Vault.open(path, PASSPHRASE) as vault:
        payload = vault.payload
        assert payload.guide is None
        assert payload.plan.reflections["coping"].likelihood == "likely"
        assert payload.plan.last_reviewed_at is not None
        assert [i.text for i in payload.plan.coping] == ["GUIDECANARY a walk"]


def test_end_of_input_on_a_vault_is_a_pause_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    make_vault(path)
    common = ("--vault", str(path), "--passphrase-file", str(secret_file(tmp_path)))
    result = guide(tmp_path, *common, lines=["1", "", "", "GUIDECANARY typed then gone"])
    assert result.returncode == 130, result.stderr
    assert "Everything you wrote is saved in your vault" in flat(result.stdout)
    with Vault.open(path, PASSPHRASE) as vault:
        assert [i.text for i in vault.payload.plan.warning_signs] == ["GUIDECANARY typed then gone"]
        assert vault.payload.guide is not None
        assert vault.payload.guide.step_index == flow.FIRST_STEP


def test_back_and_skip_move_between_steps(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    make_vault(path)
    common = ("--vault", str(path), "--passphrase-file", str(secret_file(tmp_path)))
    lines = [
        "2",
        "",  # the country
        "",  # no story
        "skip",  # step 1 left for now
        "back",  # step 2 -> step 1
        "GUIDECANARY sign after going back",
        "",
        "skip",  # step 2
        "skip",  # step 3
        "back",  # step 4 -> step 3
        "pause",
    ]
    result = guide(tmp_path, *common, lines=lines)
    assert result.returncode == 0, result.stderr
    headings = re.findall(r"^Step (\d) of 7", result.stdout, flags=re.MULTILINE)
    assert headings == ["1", "2", "1", "2", "3", "4", "3"]
    with Vault.open(path, PASSPHRASE) as vault:
        assert [i.text for i in vault.payload.plan.warning_signs] == [
            "GUIDECANARY sign after going back"
        ]
        assert vault.payload.guide is not None
        assert vault.payload.guide.step_index == flow.FIRST_STEP + 2


def test_examples_only_when_asked_and_undo_and_voice(tmp_path: Path) -> None:
    path = tmp_path / "vault.json"
    make_vault(path)
    common = ("--vault", str(path), "--passphrase-file", str(secret_file(tmp_path)))
    lines = ["", "", "examples", "GUIDECANARY kept", "GUIDECANARY typo", "undo", "voice", "pause"]
    result = guide(tmp_path, *common, "--voice", "on-my-own", lines=lines)
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    example = flow.step_for("warning_signs").examples[0]
    assert out.count(example) == 1
    assert out.index("Some examples.") < out.index("Added to your plan.")
    assert "Taken out." in out
    assert "Now speaking with someone beside me." in out
    assert "For the person helping:" in out.split("Now speaking with someone beside me.")[1]
    with Vault.open(path, PASSPHRASE) as vault:
        assert [i.text for i in vault.payload.plan.warning_signs] == ["GUIDECANARY kept"]
        assert vault.payload.guide is not None
        assert vault.payload.guide.voice == "with_someone"


def test_no_examples_are_shown_unless_asked(tmp_path: Path) -> None:
    result = guide(tmp_path, "--ephemeral", lines=[*plan_lines(), END, "1"])
    for step in flow.STEPS:
        for example in step.examples:
            assert example not in result.stdout


def test_help_and_a_calm_re_ask(tmp_path: Path) -> None:
    result = guide(tmp_path, "--ephemeral", lines=["9", "1", "", "", "help", "skip", "skip", "x"])
    out = flat(result.stdout)
    assert "If the person is in danger right now:" in out
    assert "Back to the question." in out
    assert "That is not one of the choices. Type a number from 1 to 2, or press Enter" in out
    assert "You can type these words at any question:" in out
    assert "undo: take out the last thing you added here." in out


def test_guide_without_a_vault_says_what_to_do(tmp_path: Path) -> None:
    result = guide(tmp_path, "--vault", str(tmp_path / "none.json"), lines=[])
    assert result.returncode == 6
    assert "There is no vault at" in result.stderr


@pytest.mark.parametrize("env", [{"ACCESSIBLE": "1"}, {"TERM": "dumb"}])
def test_plain_mode_is_automatic_for_accessible_and_dumb_terminals(
    tmp_path: Path, env: dict[str, str]
) -> None:
    result = run(tmp_path, "guide", "--ephemeral", stdin="2\n", env=env)
    assert result.returncode == 130, "the input ended part way"
    assert "Who is here for this session?\n1. Someone is beside me, helping" in result.stdout


def test_crisis_at_any_question_shows_help_then_the_same_question_and_is_never_kept(
    tmp_path: Path,
) -> None:
    lines = [
        "1",
        "crisis",  # at the story
        "",
        "crisis",  # at a list of entries
        "GUIDECANARY a sign",
        "",
        "GUIDECANARY a walk",
        "",
        "crisis",  # at a likelihood question
        "2",
        "help",  # at a text question
        "GUIDECANARY too tired",
        "crisis",  # at the way around
        "",
        "GUIDECANARY Jo",
        "crisis",  # at a detail (the phone number)
        "examples",  # a detail prompt knows every word too (F23)
        "07700 900123",
        "pause",
        "2",  # stop here and choose what to keep
        "crisis",  # at the handover menu too
        "1",  # show the plan
        "5",
        "1",
    ]
    result = guide(tmp_path, "--ephemeral", "--country", "GB", lines=lines)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("If the person is in danger right now:") == 7
    assert out.count("Call 999 or 112") >= 6
    flat_out = flat(out)
    for question in (
        "Type one moment on each line",
        "Type one warning sign on each line.",
        "How likely are you to really do this when things are at their worst?",
        "What might get in the way?",
        "What could be a way around that?",
        "What phone number reaches them?",
    ):
        after = flat_out.split("Back to the question.")
        assert any(part.lstrip().startswith(question) for part in after[1:]), question
    assert "You can type these words at any question:" in out, "help lists the words too"
    shown = out[out.index("My safety plan") :]
    signs = shown.split("1. My warning signs")[1].split("2. ")[0]
    assert "GUIDECANARY a sign" in signs
    assert "crisis" not in signs.lower() and "help" not in signs.lower()
    assert "GUIDECANARY Jo (07700 900123)" in shown
    assert "examples" not in shown.split("Made with safeplan")[0]
    assert "Samaritans" in shown, "the printed plan has the lines for the session's country"


def test_an_unanswered_likelihood_is_asked_again_on_enter(tmp_path: Path) -> None:
    lines = ["1", "", "", "", "GUIDECANARY a walk", "", "", "", "3", "", "pause", "1"]
    result = guide(tmp_path, "--ephemeral", lines=lines)
    out = flat(result.stdout)
    assert out.count("Nothing was chosen yet. Type a number from 1 to 3, or type skip.") == 2
    after = out.split("Nothing was chosen yet")[-1]
    assert "What might get in the way?" in after, "3 was taken as the answer"


def test_the_country_is_asked_pre_filled_and_kept_with_the_vault(tmp_path: Path) -> None:
    from safeplan.core import kept_country

    path = tmp_path / "vault.json"
    make_vault(path)
    common = ("--vault", str(path), "--passphrase-file", str(secret_file(tmp_path)))
    lines = ["1", "crisis", "narnia", "uk", "", "pause"]
    result = guide(tmp_path, *common, lines=lines, env={"LANG": "en_US.UTF-8"})
    out = flat(result.stdout)
    assert "Press Enter for United States (US), or type another country." in out
    assert "Call 911" in out, "crisis at the country question shows the lines for the guess"
    assert "safeplan cannot place that country." in out
    assert "Crisis lines will be for United Kingdom (GB)." in out
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.payload.settings.country == "GB"
    settings = tmp_path / ".config" / "safeplan" / "settings.json"
    assert kept_country.read(settings) == "GB"


def test_control_characters_never_reach_the_plan(tmp_path: Path) -> None:
    lines = [
        "1",
        "",  # no story (the country was given)
        "GUIDECANARY \x1b[31mred\u202e sign",
        "\x07",  # ctrl+g typed in a plain terminal: not a warning sign
        "pause",
        "2",  # stop here and choose what to keep
        "1",  # show the plan
        "5",
        "1",
    ]
    result = guide(tmp_path, "--ephemeral", "--country", "GB", lines=lines)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    signs = result.stdout.split("1. My warning signs")[1].split("2. ")[0]
    assert "- GUIDECANARY red sign" in signs
    assert signs.count("- ") == 1


def test_the_way_around_written_in_the_guide_is_read_back_in_the_plain_walk_through(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vault.json"
    make_vault(path)
    common = ("--vault", str(path), "--passphrase-file", str(secret_file(tmp_path)))
    lines = ["2", "", "", "", "GUIDECANARY a walk", "", "2", "GUIDECANARY too tired"]
    lines += ["GUIDECANARY shoes by the door", "pause"]
    assert guide(tmp_path, *common, lines=lines).returncode == 0
    walk = run(tmp_path, "plan", "use", *common, stdin="\n" * 12)
    assert "If something gets in the way: GUIDECANARY shoes by the door" in flat(walk.stdout)


def test_the_demo_never_claims_to_save(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "--demo",
        "guide",
        "--plain",
        stdin="\n".join(["2", "", "", "GUIDECANARY x", "", "pause", "2", END, "1"]) + "\n",
    )
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "saved in your vault" not in out
    assert "This session is not saved on this computer." in out
