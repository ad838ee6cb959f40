"""What the crisis directory shows for a country: fallbacks, audiences, the locale guess, the plain
text (every line within the width) and the local override file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeplan.core import crisis
from safeplan.core.crisis import (
    country_names,
    guess_country,
    help_for,
    load_directory,
    render_help_text,
)
from safeplan.core.crisis.render import cells, wrap

# --- Which country: the locale guess --------------------------------------------------------------

LOCALES = [
    ({"LANG": "en_GB.UTF-8"}, "GB"),
    ({"LANG": "en_US.UTF-8"}, "US"),
    ({"LANG": "de_DE@euro"}, "DE"),
    ({"LANG": "sr_RS@latin"}, "RS"),
    ({"LANG": "pt_BR"}, "BR"),
    ({"LANG": "ja_JP.eucJP"}, "JP"),
    ({"LANG": "en-AU"}, "AU"),
    ({"LANG": "en_UK.UTF-8"}, "GB"),  # a common typo for en_GB
    ({"LANG": "C"}, None),
    ({"LANG": "C.UTF-8"}, None),
    ({"LANG": "POSIX"}, None),
    ({"LANG": "en"}, None),
    ({"LANG": ""}, None),
    ({}, None),
    ({"LANG": "en_ZZ.UTF-8"}, None),  # not a country safeplan knows
    ({"LANG": "es_419.UTF-8"}, None),  # a region, not a country
    ({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_GB.UTF-8"}, "FR"),
    ({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_GB.UTF-8"}, "DE"),
    ({"LC_ALL": "", "LANG": "nl_NL.UTF-8"}, "NL"),
    ({"LC_ALL": "C.UTF-8", "LANG": "en_NZ.UTF-8"}, "NZ"),  # the first that names a country wins
]


@pytest.mark.parametrize(("environ", "expected"), LOCALES)
def test_guess_country_from_locale(environ: dict[str, str], expected: str | None) -> None:
    assert guess_country(environ) == expected


def test_guess_country_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert guess_country() == "IT"


# --- What is shown --------------------------------------------------------------------------------


def test_country_names_cover_every_research_country_and_more() -> None:
    names = country_names()
    assert names["GB"] == "United Kingdom" and names["JP"] == "Japan"
    assert len(names) >= 240


def test_known_country_shows_emergency_lines_and_directories() -> None:
    h = help_for("gb")
    assert h.country == "GB" and h.country_name == "United Kingdom"
    assert not h.fallback and h.fallback_reason is None
    assert h.emergency_summary() == "999 or 112"
    assert h.services[0].id == "gb-samaritans"
    assert {d.id for d in h.international} == {"find-a-helpline", "iasp"}
    assert h.emergency_sources and all(s.name for s in h.emergency_sources)


def test_no_general_number_falls_back_to_the_ambulance() -> None:
    assert help_for("JP").emergency_summary() == "119 (ambulance)"


def test_unknown_country_falls_back_calmly() -> None:
    h = help_for("ZZ")
    assert h.fallback and h.fallback_reason == "unknown_country"
    assert h.emergency is None and not h.services
    assert h.international
    text = "\n".join(render_help_text(h))
    assert "local emergency number" in text and "findahelpline.com" in text


def test_no_country_falls_back_calmly() -> None:
    h = help_for(None)
    assert h.fallback and h.fallback_reason == "no_country"
    assert "findahelpline.com" in "\n".join(render_help_text(h))


def test_country_without_a_confirmed_line_shows_its_emergency_number() -> None:
    h = help_for("TR")
    assert h.fallback and h.fallback_reason == "no_lines"
    text = "\n".join(render_help_text(h))
    assert "Call 112" in text and "183" not in text
    h = help_for("RO")
    assert h.fallback and "112" in "\n".join(render_help_text(h))


def test_country_with_no_confirmed_emergency_number_says_so() -> None:
    h = help_for("CD")
    assert h.emergency is None and h.country_name
    text = " ".join(render_help_text(h))
    assert "no confirmed emergency number" in text and "findahelpline.com" in text


def test_default_view_shows_lines_for_everyone_and_names_the_others() -> None:
    h = help_for("US")
    ids = [s.id for s in h.services]
    assert ids[:2] == ["us-988", "us-crisis-text-line"]
    assert "us-veterans-crisis-line" not in ids
    assert {"veterans", "lgbtq", "substance_use"} <= set(h.hidden_audiences)


def test_an_audience_comes_first_then_lines_for_everyone() -> None:
    h = help_for("US", audience="veterans")
    ids = [s.id for s in h.services]
    assert ids[0] == "us-veterans-crisis-line" and "us-988" in ids
    assert "us-trevor-project" not in ids
    h = help_for("US", audience="substance-use")
    assert [s.id for s in h.services][:2] == ["us-samhsa-helpline", "us-never-use-alone"]


def test_all_audiences_shows_everything_for_everyone_first() -> None:
    h = help_for("US", include_all_audiences=True)
    assert len(h.services) == len(load_directory().services_for("US"))
    assert h.services[0].id == "us-988" and not h.hidden_audiences


def test_unknown_audience_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        help_for("US", audience="astronauts")


# --- Plain text within the width ------------------------------------------------------------------

WIDTHS = [20, 24, 32, 40, 60, 72, 80, 120]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_rendered_line_fits_for_every_country(width: int) -> None:
    codes = [*country_names(), None, "ZZ"]
    for code in codes:
        for everything in (False, True):
            lines = render_help_text(help_for(code, include_all_audiences=everything), width)
            for line in lines:
                assert cells(line) <= width, (code, width, line)
                assert "\x1b" not in line and line == line.rstrip()
                assert not any(ch in line for ch in "─│┌┐└┘═║")


def test_wide_characters_count_as_two_columns() -> None:
    lines = render_help_text(help_for("JP"), 30)
    assert any("よりそい" in line for line in lines)
    assert all(cells(line) <= 30 for line in lines)


def test_emergency_number_is_the_first_thing_after_the_title() -> None:
    lines = render_help_text(help_for("GB"), 80)
    assert lines[0] == "Help now: United Kingdom (GB)"
    assert lines[1] == "In danger right now? Call 999 or 112."
    text = "\n".join(lines)
    assert text.index("Samaritans") < text.index("findahelpline.com")


def test_hours_and_text_options_are_shown() -> None:
    text = "\n".join(render_help_text(help_for("IT"), 80)).lower()
    assert "open daily, 10:00 to 24:00" in text and "24/7" not in text
    text = "\n".join(render_help_text(help_for("IE"), 80))
    assert "Text TALK to 50808" in text and "Text HELP to 51444" in text


def test_less_certain_lines_say_so() -> None:
    text = " ".join(render_help_text(help_for("DK"), 80))
    assert "Less certain" in text and "Opening hours are not confirmed" in text


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),
    st.integers(min_value=1, max_value=120),
    st.sampled_from(["", "* ", "  "]),
)
def test_wrap_never_exceeds_the_width_and_keeps_every_word(
    text: str, width: int, first: str
) -> None:
    lines = wrap(text, width, first, "  ")
    wide = any(cells(ch) > 1 for ch in text)
    if width >= 2 or not wide:
        assert all(cells(line) <= width for line in lines), lines
    assert "".join("".join(lines).split()).replace("*", "") == "".join(text.split()).replace(
        "*", ""
    )


# --- The local override file ----------------------------------------------------------------------

LOCAL_SERVICE = {
    "id": "gb-town-crisis-cafe",
    "country": "GB",
    "name": "Town Crisis Café",
    "description": "A calm place to go in the evening.",
    "phones": [{"display": "01632 960 001", "dial": "+441632960001"}],
    "hours": "daily, 18:00 to 23:00",
    "audience": ["everyone"],
    "sources": [{"name": "Our own leaflet", "date": "2026-10"}],
    "verified": "2026-11",
    "confidence": "H",
}


def _write_override(tmp_path: Path, data: object, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "crisis-local.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    monkeypatch.setenv(crisis.OVERRIDES_ENV, str(path))
    return path


def test_a_local_service_is_added_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write_override(tmp_path, {"schema_version": 1, "services": [LOCAL_SERVICE]}, monkeypatch)
    d = load_directory()
    assert not d.warnings
    h = help_for("GB")
    assert h.services[0].id == "gb-town-crisis-cafe"
    assert h.local_service_ids == ("gb-town-crisis-cafe",)
    assert "[added on this computer]" in render_help_text(h)[4]
    assert any(s.id == "gb-samaritans" for s in h.services)


def test_a_local_file_can_replace_a_service_and_add_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replaced = {**LOCAL_SERVICE, "id": "gb-shout", "name": "Shout (local note)"}
    _write_override(
        tmp_path,
        {
            "schema_version": 1,
            "services": [replaced],
            "countries": {"GB": {"notes": ["Our team is on 01632 960 002 in office hours."]}},
        },
        monkeypatch,
    )
    h = help_for("GB")
    assert [s.name for s in h.services].count("Shout (local note)") == 1
    assert "Shout" not in [s.name for s in h.services]
    assert "Our team is on 01632 960 002 in office hours." in h.notes


def test_the_default_override_path_is_in_the_config_folder(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(crisis.OVERRIDES_ENV, raising=False)
    path = crisis.overrides_path()
    assert path == isolated_home / ".config" / "safeplan" / "crisis-local.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"schema_version": 1, "services": [LOCAL_SERVICE]}))
    assert help_for("GB").services[0].id == "gb-town-crisis-cafe"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid UTF-8 JSON"),
        (json.dumps({"schema_version": 2}), "schema_version"),
        (
            json.dumps({"schema_version": 1, "services": [{**LOCAL_SERVICE, "sources": []}]}),
            "sources",
        ),
        (json.dumps({"schema_version": 1, "services": [{**LOCAL_SERVICE, "oops": 1}]}), "oops"),
        (json.dumps({"schema_version": 1, "services": [{**LOCAL_SERVICE, "country": "QQ"}]}), ""),
        (
            json.dumps({"schema_version": 1, "services": [LOCAL_SERVICE, LOCAL_SERVICE]}),
            "used twice",
        ),
    ],
)
def test_a_bad_override_file_warns_and_the_builtin_directory_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str
) -> None:
    path = _write_override(tmp_path, content, monkeypatch)
    d = load_directory()
    assert len(d.warnings) == 1
    warning = d.warnings[0]
    assert str(path) in warning and expected in warning
    assert "built-in crisis lines are shown" in warning
    assert "Town Crisis" not in warning  # never repeats what the file says
    assert help_for("GB").services[0].id == "gb-samaritans"


def test_an_override_that_is_a_folder_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(crisis.OVERRIDES_ENV, str(tmp_path))
    assert "not a file" in load_directory().warnings[0]


def test_a_missing_override_file_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(crisis.OVERRIDES_ENV, str(tmp_path / "nothing-here.json"))
    assert load_directory().warnings == ()


def test_an_edited_override_file_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_override(tmp_path, "{broken", monkeypatch)
    assert load_directory().warnings
    path.write_text(json.dumps({"schema_version": 1, "services": [LOCAL_SERVICE]}))
    import os

    os.utime(path, ns=(1, 2))  # a different mtime even on coarse clocks
    assert not load_directory().warnings
    assert help_for("GB").services[0].id == "gb-town-crisis-cafe"


def test_the_group_asked_for_leads_even_with_all() -> None:
    # command-line review F21: --all --audience trans used to ignore --audience
    from safeplan.core.crisis import help_for

    shown = [s.id for s in help_for("US", audience="trans", include_all_audiences=True).services]
    assert shown[0] == "us-trans-lifeline"
    assert len(shown) == len(set(shown)) == len(help_for("US", include_all_audiences=True).services)
    assert help_for("US", include_all_audiences=True).services[0].id == "us-988"
