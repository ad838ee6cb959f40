"""`safeplan learn` as a person runs it: no vault needed, calm errors, the country named."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run


def test_learn_lists_topics_and_opens_a_card(tmp_path: Path) -> None:
    listing = run(tmp_path, "learn")
    assert listing.returncode == 0
    for key in ("naloxone", "stopping", "opioid-medicines", "treatment"):
        assert key in listing.stdout
    card = run(tmp_path, "learn", "methadone", "--country", "US")
    assert card.returncode == 0
    assert "Medicines for opioid use" in card.stdout
    assert "Where to get this in United States: FindTreatment.gov" in card.stdout
    assert "Sources (checked 2026-12-01)" in card.stdout
    assert "safeplan is not a doctor" in card.stdout


def test_learn_treatment_by_country_and_for_an_unknown_country(tmp_path: Path) -> None:
    au = run(tmp_path, "learn", "treatment", "--country", "Australia")
    assert au.returncode == 0 and "1800 250 015" in au.stdout
    fr = run(tmp_path, "learn", "treatment", "--country", "FR")
    assert fr.returncode == 0 and "findahelpline.com" in fr.stdout
    sources = run(tmp_path, "learn", "treatment", "--sources", "--country", "US")
    assert "samhsa.gov" in sources.stdout and "checked 2026-12-01" in sources.stdout


def test_learn_refuses_calmly(tmp_path: Path) -> None:
    unknown = run(tmp_path, "learn", "spaceships")
    assert unknown.returncode == 2 and "safeplan learn" in unknown.stderr
    bad_country = run(tmp_path, "learn", "naloxone", "--country", "Narnia")
    assert bad_country.returncode == 2 and "not a country" in bad_country.stderr
