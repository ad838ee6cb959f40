"""The crisis help's wording: where the overdose steps are, opening hours in words a screen reader
says as written, and why a line is marked less certain (from its own sources, not a generic guess)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeplan.cli.main import main
from safeplan.core.crisis import help_for, load_directory, render_help_text
from safeplan.core.crisis.entries import Service, Source
from safeplan.core.crisis.render import service_lines
from safeplan.core.crisis.wording import OVERDOSE_POINTER, hours_words, less_certain_words
from safeplan.core.export.crisis_help import compact_lines


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("COLUMNS", "80")
    return tmp_path


# --- safeplan crisis points to safeplan overdose, for every kind of country ----------------------


@pytest.mark.parametrize("country", ["GB", "US", "NZ", "AQ", "ZZ"])
def test_crisis_points_to_the_overdose_steps_right_after_the_emergency_number(
    home: Path, country: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["crisis", "--country", country])
    lines = capsys.readouterr().out.splitlines()
    assert OVERDOSE_POINTER in lines
    at = lines.index(OVERDOSE_POINTER)
    before = "\n".join(lines[:at])
    # After what to call in danger, before any crisis line or directory.
    assert "In danger right now?" in before or "local emergency number" in before
    assert "Crisis lines" not in before and "Find" not in before
    assert len(OVERDOSE_POINTER) <= 80


# --- Hours: one wording, never "24/7" -------------------------------------------------------------


def test_hours_are_said_in_words() -> None:
    assert hours_words("24/7") == "open day and night, every day"
    assert hours_words("24/7 (except Eid)") == "open day and night, every day (except Eid)"
    assert hours_words("daily, 10:00 to 24:00") == "open daily, 10:00 to 24:00"


@pytest.mark.parametrize("country", sorted(load_directory().names)[:300])
def test_no_crisis_output_says_24_slash_7(country: str) -> None:
    help_ = help_for(country, include_all_audiences=True)
    for line in [*render_help_text(help_, 80), *compact_lines(help_, 80)]:
        assert "24/7" not in line, (country, line)


def test_the_paper_and_the_screen_say_the_same_hours() -> None:
    gb = help_for("GB")
    screen = "\n".join(render_help_text(gb, 200))
    paper = "\n".join(compact_lines(gb, 200))
    assert "open day and night, every day" in screen.lower()
    assert "Samaritans: call 116 123, free, open day and night, every day" in paper


# --- Less certain: the reason comes from the line's own sources -----------------------------------


def _service(*dates: str | None, verified: str = "2026-12-01") -> Service:
    return Service(
        id="x",
        country="NZ",
        name="A line",
        audience=("everyone",),
        sources=tuple(Source(f"source {i}", None, d) for i, d in enumerate(dates)),
        verified=verified,
        confidence="M",
    )


def test_a_line_with_two_sources_is_not_called_a_one_source_line() -> None:
    tautoko = next(s for s in help_for("NZ").services if "0508" in s.name)
    assert len(tautoko.sources) == 2 and tautoko.confidence == "M"
    words = " ".join(service_lines(tautoko, 200))
    assert "only one source" not in words
    assert "found this line in two sources, but not on the service's own page" in words


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (("2025-09",), "Less certain: only one source confirms this line."),
        (("2019",), "Less certain: only one source confirms this line, from 2019."),
        ((None,), "Less certain: only one source confirms this line."),
        (
            ("2024-12-13", None),
            "Less certain: safeplan found this line in two sources, but not on the service's "
            "own page or an official one.",
        ),
        (
            ("2020", "2020"),
            "Less certain: safeplan found this line in two sources, but not on the service's "
            "own page or an official one; the newest is from 2020.",
        ),
        (
            ("2015", "2018-12 to 2023-09", "2011"),
            "Less certain: safeplan found this line in three sources, but not on the service's "
            "own page or an official one; the newest is from 2023.",
        ),
    ],
)
def test_less_certain_says_why(dates: tuple[str | None, ...], expected: str) -> None:
    assert less_certain_words(_service(*dates)) == expected


def test_every_less_certain_line_in_the_directory_gets_a_reason_that_matches_its_sources() -> None:
    d = load_directory()
    for code in d.names:
        for service in d.services_for(code):
            if service.confidence != "M":
                continue
            words = less_certain_words(service)
            assert ("only one source" in words) == (len(service.sources) == 1), service.id


def test_a_text_only_line_is_never_shown_as_a_bare_number_in_a_hard_moment() -> None:
    """ "Shout: 85258" reads as a number to call; Shout is a text line."""
    from safeplan.core.hard_moments import service_line

    shout = next(s for s in help_for("GB").services if s.name == "Shout")
    assert service_line(shout) == "Shout: text SHOUT to 85258"
    gb_paper = "\n".join(compact_lines(help_for("GB"), 200))
    assert "Shout: text SHOUT to 85258" in gb_paper  # the same words as on paper
