"""Tools for the moment in plain mode: breathe, ground and urge. The clock is injected (no test
sleeps); piped input and the end of input end each tool cleanly with exit code 0."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from safeplan.cli.commands import breathe as breathe_cmd
from safeplan.cli.commands import ground as ground_cmd
from safeplan.cli.commands import urge as urge_cmd
from safeplan.cli.plain import Plain
from safeplan.cli.waiting import KeyWait
from safeplan.core.moment.breathe import BreathPattern, breath_bar, breath_phases, run_breathing
from safeplan.core.moment.urge import UrgeResult, prompt_at, urge_checkin_values, urge_summary
from tests.cli_helpers import run
from tests.moment_helpers import vault_args
from tests.vault_helpers import PASSPHRASE


class FakeClock:
    """wait(seconds) that never sleeps: counts seconds and stops after ``stop_after`` of them."""

    def __init__(self, stop_after: float | None = None) -> None:
        self.elapsed = 0.0
        self.stop_after = stop_after
        self.ended = False

    def __call__(self, seconds: float) -> bool:
        if self.stop_after is not None and self.elapsed >= self.stop_after:
            return True
        self.elapsed += seconds
        return False

    def keys(self) -> FakeClock:
        return self

    def __enter__(self) -> FakeClock:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


# --- Breathe ---------------------------------------------------------------------------------------


def test_breathing_pattern_and_phases() -> None:
    p = BreathPattern()
    assert (p.inhale, p.exhale, p.cycle_seconds) == (4, 6, 10)
    phases = list(breath_phases(p, 1))
    assert [ph.kind for ph in phases[:2]] == ["in", "out"] and len(phases) == 12
    held = list(breath_phases(BreathPattern(inhale=4, hold=2, exhale=6), 0.2))
    assert [ph.kind for ph in held] == ["in", "hold", "out"]
    with pytest.raises(ValueError):
        BreathPattern(inhale=1)
    in_phase, out_phase = phases[0], phases[1]
    assert breath_bar(in_phase, 4, 8) == "########"
    assert breath_bar(out_phase, 6, 8) == "........"
    assert breath_bar(in_phase, 2, 8) == "####...."


def test_a_full_session_runs_on_the_injected_clock() -> None:
    clock = FakeClock()
    seen: list[str] = []
    done = run_breathing(
        BreathPattern(), 1, clock, lambda ph: seen.append(ph.kind), lambda *_: None
    )
    assert done and clock.elapsed == 60 and seen.count("in") == 6


def _args(**kw: object) -> argparse.Namespace:
    base = {"minutes": 1.0, "inhale": 4, "exhale": 6, "hold": 0, "plain": True}
    return argparse.Namespace(**{**base, **kw})


def test_breathe_plain_lines_to_the_end_and_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    written: list[str] = []
    assert breathe_cmd.run(_args(), FakeClock(), plain=True, write=written.append) == 0
    text = "".join(written)
    assert text.count("Breathe in: 1 2 3 4\n") == 6
    assert text.count("Breathe out slowly: 1 2 3 4 5 6\n") == 6
    assert "That is the end" in capsys.readouterr().out
    written.clear()
    breathe_cmd.run(_args(), FakeClock(stop_after=7), plain=True, write=written.append)
    assert "".join(written).endswith("Breathe out slowly: 1 2 3\n")
    assert "Stopped. That is fine." in capsys.readouterr().out


def test_breathe_ends_at_once_on_piped_or_closed_input(tmp_path: Path) -> None:
    for stdin in ("", "\n"):
        result = run(tmp_path, "breathe", "--plain", "--minutes", "30", stdin=stdin, timeout=20)
        assert result.returncode == 0
        assert "Stopped. That is fine." in result.stdout
    bad = run(tmp_path, "breathe", "--in", "20")
    assert bad.returncode == 2 and "seconds from 2 to 10" in bad.stderr


def test_key_wait_without_a_terminal_reads_a_line_and_notes_the_end() -> None:
    waiter = KeyWait(io.StringIO("x\n"))
    assert waiter(1.0) is True and not waiter.ended
    assert waiter(1.0) is True and waiter.ended


# --- Ground ----------------------------------------------------------------------------------------


def _plain(text: str) -> tuple[Plain, io.StringIO]:
    out = io.StringIO()
    return Plain(io.StringIO(text), out), out


def test_ground_goes_one_sense_at_a_time_and_keeps_nothing() -> None:
    p, out = _plain("the lamp, a cup\n\n\n\nwater\n")
    assert ground_cmd.run(p) == 0
    text = out.getvalue()
    senses = [
        "five things you can see",
        "four things you can hear",
        "three things you can",
        "two things you can smell",
        "one thing you can taste",
    ]
    positions = [text.index(s) for s in senses]
    assert positions == sorted(positions)
    assert "You did it." in text and "the lamp" not in text


@pytest.mark.parametrize("stdin", ["", "a\nstop\n"])
def test_ground_stops_on_end_of_input_or_stop(stdin: str) -> None:
    p, out = _plain(stdin)
    assert ground_cmd.run(p) == 0
    assert "Nothing was kept." in out.getvalue()


def test_ground_as_a_command_with_piped_input(tmp_path: Path) -> None:
    result = run(tmp_path, "ground", "--plain", stdin="\n\n\n\n\n")
    assert result.returncode == 0 and "You did it." in result.stdout


# --- Urge ------------------------------------------------------------------------------------------


def test_urge_prompts_and_summaries() -> None:
    assert prompt_at(30) is None and prompt_at(60) and prompt_at(120) != prompt_at(60)
    down = urge_summary(UrgeResult("use", 8, 5, 10))
    assert "from 8 to 5" in down and "!" not in down
    assert "stayed" in urge_summary(UrgeResult("use", 5, 5, 10))
    values = urge_checkin_values(UrgeResult("self_harm", 7, 4, 12.4), mood=3)
    assert (
        values["self_harm_urge"] == 4
        and values["mood"] == 3
        and "7 before, 4 after" in values["note"]
    )
    assert "use_urge" not in urge_checkin_values(UrgeResult("other", 7, 4, 1), mood=3)


def test_urge_rides_the_timer_with_prompts_and_keeps_nothing_without_a_yes() -> None:
    p, out = _plain("1\n8\n5\n2\n")
    clock = FakeClock()
    args = argparse.Namespace(minutes=3)
    assert urge_cmd.run(args, p, clock) == 0
    text = out.getvalue()
    assert clock.elapsed == 180
    assert "Notice where you feel the urge" in text and "(2 min left)" in text
    assert "from 8 to 5" in text and "Kept as a check-in" not in text


def test_urge_ends_cleanly_when_the_input_ends() -> None:
    p, out = _plain("1\n")
    assert urge_cmd.run(argparse.Namespace(minutes=3), p, FakeClock()) == 0
    assert "nothing was kept" in out.getvalue().lower()


def test_urge_with_piped_input_keeps_a_checkin_only_on_yes(tmp_path: Path) -> None:
    from safeplan.core.vault import Vault

    vault, common = vault_args(tmp_path)
    # Answers: kind 1 (use), 8 before, a line ends the ride, 4 after, yes keep, mood 5.
    result = run(tmp_path, "urge", "--plain", *common, stdin="1\n8\n\n4\n1\n5\n")
    assert result.returncode == 0, result.stderr
    assert "Kept as a check-in" in result.stdout
    opened = Vault.open(vault, PASSPHRASE)
    try:
        last = opened.payload.checkins[-1]
        assert (last.mood, last.use_urge) == (5, 4) and "urge-surfing" in last.tags
        count = len(opened.payload.checkins)
    finally:
        opened.close()
    again = run(tmp_path, "urge", "--plain", *common, stdin="1\n8\n\n4\n2\n")
    assert again.returncode == 0 and "Kept" not in again.stdout
    reopened = Vault.open(vault, PASSPHRASE)
    try:
        assert len(reopened.payload.checkins) == count
    finally:
        reopened.close()
