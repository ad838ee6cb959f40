"""The high-risk combination table: every row, with its source, and the unknown case."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from safeplan.core import combinations as co
from safeplan.core import substances
from safeplan.core.checkins import new_use_entry
from safeplan.core.models import UseEntry

NOW = datetime(2026, 11, 1, 22, 0, tzinfo=UTC)
ROWS = co.table()
BANNED = re.compile(r"\b(abuse|addict\w*|clean|dirty|relapse\w*)\b|!", re.IGNORECASE)


def example(key: str, *, not_named: str = "") -> str:
    """A known substance name for a class key or a substance key, other than ``not_named``."""
    for sub in substances.substances():
        name = substances.normalize(sub.name)
        if name == not_named:
            continue
        if key in (sub.cls, name) or key in sub.also:
            return sub.name
    raise AssertionError(f"no example substance for {key}")


def entry(name: str, hours_ago: float = 0.0, **kwargs: object) -> UseEntry:
    return new_use_entry(substance=name, at=NOW - timedelta(hours=hours_ago), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.a}+{r.b}" for r in ROWS])
def test_every_row_fires_with_its_own_risk_and_source(row: co.CombinationRow) -> None:
    first = example(row.a)
    second = example(row.b, not_named=substances.normalize(first))
    earlier, new = entry(first, hours_ago=3), entry(second)
    notes = co.check_combinations([earlier], new)
    assert len(notes) == 1
    note = notes[0]
    assert (note.risk, note.text, note.source, note.verified) == (
        row.risk,
        row.note,
        row.source,
        row.verified,
    )
    assert note.source is not None
    rendered = note.render()
    assert "Source:" in rendered and note.source.url in rendered
    # Either order of entry gives the same answer.
    assert co.check_combinations([new], earlier)[0].risk == note.risk


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.a}+{r.b}" for r in ROWS])
def test_every_row_is_sourced_dated_and_in_our_calm_words(row: co.CombinationRow) -> None:
    assert row.risk in ("dangerous", "unsafe", "caution")
    assert row.source.url.startswith("https://")
    assert row.source.publisher and row.source.title
    assert date(2026, 1, 1) <= row.verified <= date.today()
    assert row.note.endswith(".") and row.note.count(". ") == 0, "one sentence"
    assert not BANNED.search(row.note)
    assert len(row.note) <= 160


def test_research_pairs_are_all_in_the_table() -> None:
    """The pairs the research file names (../shared/research) are each covered by a row."""
    pairs = {frozenset((r.a, r.b)) for r in ROWS}
    wanted = [
        ("opioid", "benzodiazepine"),
        ("opioid", "alcohol"),
        ("opioid", "ghb"),
        ("opioid", "gabapentinoid"),
        ("opioid", "opioid"),
        ("opioid", "ketamine"),
        ("opioid", "dxm"),
        ("benzodiazepine", "alcohol"),
        ("benzodiazepine", "ghb"),
        ("alcohol", "ghb"),
        ("alcohol", "ketamine"),
        ("alcohol", "dxm"),
        ("tramadol", "ssri"),
        ("tramadol", "maoi"),
        ("maoi", "ssri"),
        ("maoi", "mdma"),
        ("maoi", "stimulant"),
        ("maoi", "dxm"),
        ("cocaine", "alcohol"),
        ("stimulant", "stimulant"),
        ("mdma", "alcohol"),
    ]
    for a, b in wanted:
        assert frozenset((a, b)) in pairs, (a, b)


def test_a_pair_not_in_the_table_is_unknown_never_safe() -> None:
    notes = co.check_combinations([entry("cannabis", hours_ago=1)], entry("nicotine"))
    assert [n.risk for n in notes] == ["unknown"]
    note = notes[0]
    assert not note.known
    assert "does not mean it is safe" in note.text
    assert "safe" not in co.RISK_WORDS[note.risk]
    assert note.source is None


def test_unknown_substances_are_unknown_too() -> None:
    notes = co.check_combinations([entry("heroin", hours_ago=1)], entry("a new research chemical"))
    assert [n.risk for n in notes] == ["unknown"]


def test_no_pair_of_classes_is_ever_called_safe() -> None:
    for a, b in itertools.combinations_with_replacement(substances.CLASS_KEYS, 2):
        first = entry(f"thing one {a}", 1, substance_class=a)
        second = entry(f"thing two {b}", 0, substance_class=b)
        notes = co.check_combinations([first], second)
        assert len(notes) == 1
        assert notes[0].risk in ("dangerous", "unsafe", "caution", "unknown")
        assert "safe together" not in notes[0].headline()


def test_tramadol_counts_as_an_opioid() -> None:
    notes = co.check_combinations([entry("tramadol", 2)], entry("diazepam"))
    assert notes[0].risk == "dangerous"
    assert notes[0].source is not None and "benzodiazepines" in notes[0].source.title


def test_cocaine_with_alcohol_is_the_named_row_not_just_the_class() -> None:
    notes = co.check_combinations([entry("coke", 2)], entry("beer"))
    assert notes[0].risk == "unsafe"
    assert "cocaethylene" in notes[0].text
    # Another stimulant with alcohol is not in the table.
    assert co.check_combinations([entry("speed", 2)], entry("beer"))[0].risk == "unknown"


def test_repeats_of_the_same_substance_are_not_a_mix() -> None:
    assert co.check_combinations([entry("beer", 3)], entry("wine")) == []
    assert co.check_combinations([entry("heroin", 3)], entry("dope")) == []


def test_two_different_opioids_are_a_mix() -> None:
    assert co.check_combinations([entry("methadone", 3)], entry("fentanyl"))[0].risk == "dangerous"


def test_window_is_respected_both_ways() -> None:
    assert co.check_combinations([entry("xanax", 25)], entry("beer")) == []
    assert co.check_combinations([entry("xanax", 23)], entry("beer"))[0].risk == "dangerous"
    later = new_use_entry(substance="xanax", at=NOW + timedelta(hours=5))
    assert co.check_combinations([later], entry("beer"))[0].risk == "dangerous"
    assert co.check_combinations([entry("xanax", 5)], entry("beer"), window_hours=4) == []


def test_one_note_per_pair_closest_first_most_serious_first() -> None:
    entries = [entry("beer", 10), entry("beer", 2), entry("cannabis", 1), entry("lyrica", 5)]
    notes = co.check_combinations(entries, entry("heroin"))
    assert [n.risk for n in notes] == ["dangerous", "dangerous", "unknown"]
    alcohol = next(n for n in notes if n.first == "beer")
    assert round(alcohol.hours_apart) == 2


def test_the_new_entry_is_not_compared_with_itself() -> None:
    new = entry("heroin")
    assert co.check_combinations([new], new) == []


def test_a_class_stored_by_older_data_still_finds_the_name() -> None:
    """Entries whose class is not a known key (older data) are matched by their name."""
    old = new_use_entry(substance="alcohol", at=NOW - timedelta(hours=1)).model_copy(
        update={"substance_class": "depressant"}
    )
    assert co.check_combinations([old], entry("xanax"))[0].risk == "dangerous"


def test_render_is_calm_and_names_the_time_apart() -> None:
    note = co.check_combinations([entry("xanax", 3)], entry("beer"))[0]
    text = note.render()
    assert "about 3 hours apart" in text
    assert "dangerous together" in text
    # Our own words are checked; a source's proper name (the National Institute on ... Abuse) is
    # quoted as it is.
    ours = text.split("Source:")[0]
    assert not BANNED.search(ours)
