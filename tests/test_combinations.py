"""The combination rules: the resolved risk for pairs as people type them, specificity, the honest
unknown, each substance's own window, regular medicines, and every rule's sources."""

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
RULES = co.rules()
BANNED = re.compile(r"\b(abuse|addict\w*|clean|dirty|relapse\w*)\b|!", re.IGNORECASE)

# (as a person types it, as a person types it, the risk safeplan must resolve)
PAIRS: list[tuple[str, str, str]] = [
    # opioids with downers
    ("heroin", "xanax", "dangerous"),
    ("fent", "bars", "dangerous"),
    ("oxy", "valium", "dangerous"),
    ("methadone", "klonopin", "dangerous"),
    ("percs", "beer", "dangerous"),
    ("dope", "vodka", "dangerous"),
    ("morphine", "G", "dangerous"),
    ("heroin", "GBL", "dangerous"),
    ("codeine", "lyrica", "dangerous"),
    ("tramadol", "gabapentin", "dangerous"),
    ("heroin", "ambien", "dangerous"),
    ("oxycodone", "zopiclone", "dangerous"),
    ("fentanyl", "tranq", "dangerous"),
    ("heroin", "xylazine", "dangerous"),
    ("hydrocodone", "soma", "dangerous"),
    ("kratom", "xanax", "dangerous"),
    ("kratom", "beer", "dangerous"),
    ("methadone", "phenobarbital", "dangerous"),
    ("heroin", "phenibut", "dangerous"),
    ("oxy", "benadryl", "dangerous"),
    ("lean", "xanax", "dangerous"),
    ("nitazenes", "etizolam", "dangerous"),
    ("M30", "bromazolam", "dangerous"),
    # two of one kind
    ("methadone", "fentanyl", "dangerous"),
    ("heroin", "oxycodone", "dangerous"),
    ("suboxone", "fentanyl", "dangerous"),
    ("xanax", "valium", "unsafe"),
    ("alprazolam", "etizolam", "unsafe"),
    ("ghb", "gbl", "dangerous"),
    ("gabapentin", "pregabalin", "unsafe"),
    ("zolpidem", "zopiclone", "unsafe"),
    ("benadryl", "promethazine", "caution"),
    # other downers together
    ("ambien", "wine", "dangerous"),
    ("zolpidem", "xanax", "unsafe"),
    ("GHB", "vodka", "dangerous"),
    ("G", "valium", "dangerous"),
    ("GHB", "ambien", "dangerous"),
    ("gbl", "lyrica", "dangerous"),
    ("lyrica", "xanax", "unsafe"),
    ("gabapentin", "beer", "unsafe"),
    ("soma", "valium", "unsafe"),
    ("soma", "gin", "dangerous"),
    ("phenobarbital", "alcohol", "dangerous"),
    ("barbs", "xanax", "dangerous"),
    ("tranq", "xanax", "dangerous"),
    ("tranq", "beer", "dangerous"),
    ("benadryl", "whisky", "dangerous"),
    ("phenibut", "beer", "unsafe"),
    ("phenibut", "GHB", "dangerous"),
    # other depressant-like
    ("ketamine", "heroin", "dangerous"),
    ("ket", "beer", "dangerous"),
    ("ghb", "ketamine", "dangerous"),
    ("robo", "vodka", "dangerous"),
    ("dxm", "oxy", "dangerous"),
    ("gbl", "dxm", "dangerous"),
    ("ket", "xanax", "caution"),
    ("nitrous", "beer", "caution"),
    ("balloons", "heroin", "caution"),
    # stimulants
    ("crack", "heroin", "dangerous"),
    ("coke", "fentanyl", "dangerous"),
    ("meth", "heroin", "unsafe"),
    ("speed", "oxy", "unsafe"),
    ("coke", "beer", "unsafe"),
    ("speed", "beer", "caution"),
    ("coke", "speed", "caution"),
    ("mdma", "coke", "caution"),
    ("mdma", "mephedrone", "dangerous"),
    ("molly", "m-cat", "dangerous"),
    ("ecstasy", "bath salts", "dangerous"),
    ("mdma", "wine", "caution"),
    ("ghb", "speed", "caution"),
    ("G", "molly", "caution"),
    ("lyrica", "speed", "unsafe"),
    ("pregabalin", "mdma", "unsafe"),
    # serotonin, seizures and blood pressure
    ("tramadol", "sertraline", "dangerous"),
    ("tramadol", "prozac", "dangerous"),
    ("tramadol", "mdma", "dangerous"),
    ("tramadol", "speed", "dangerous"),
    ("tramadol", "coke", "dangerous"),
    ("tramadol", "acid", "unsafe"),
    ("tramadol", "nardil", "dangerous"),
    ("methadone", "phenelzine", "dangerous"),
    ("pethidine", "moclobemide", "dangerous"),
    ("fentanyl", "sertraline", "caution"),
    ("heroin", "nardil", "caution"),
    ("heroin", "mdma", "low"),
    ("dxm", "sertraline", "dangerous"),
    ("robo", "effexor", "dangerous"),
    ("dxm", "molly", "dangerous"),
    ("dxm", "mephedrone", "dangerous"),
    ("dxm", "speed", "unsafe"),
    ("phenelzine", "sertraline", "dangerous"),
    ("nardil", "mdma", "dangerous"),
    ("ayahuasca", "mdma", "dangerous"),
    ("syrian rue", "ecstasy", "dangerous"),
    ("parnate", "speed", "dangerous"),
    ("moclobemide", "coke", "dangerous"),
    ("nardil", "dxm", "dangerous"),
    ("nardil", "beer", "unsafe"),
    ("harmala", "5-meo", "dangerous"),
    ("mdma", "sertraline", "low"),
    ("lithium", "acid", "dangerous"),
    ("lithium", "shrooms", "dangerous"),
    ("priadel", "mdma", "dangerous"),
    ("lithium", "dxm", "dangerous"),
    ("lithium", "tramadol", "dangerous"),
    ("benadryl", "sertraline", "dangerous"),
    ("beer", "sertraline", "caution"),
    # blood pressure
    ("viagra", "poppers", "dangerous"),
    ("cialis", "amyl nitrite", "dangerous"),
    # cannabis
    ("weed", "speed", "caution"),
    ("weed", "acid", "caution"),
    # pairs without a rule: unknown, never safe
    ("weed", "beer", "unknown"),
    ("cannabis", "nicotine", "unknown"),
    ("mystery pill", "heroin", "unknown"),
    ("a new research chemical", "beer", "unknown"),
    ("caffeine", "lsd", "unknown"),
]


def test_the_table_covers_at_least_eighty_pairs() -> None:
    assert len(PAIRS) >= 80
    assert len({frozenset((a, b)) for a, b, _ in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize(("first", "second", "risk"), PAIRS, ids=[f"{a}+{b}" for a, b, _ in PAIRS])
def test_resolved_risk(first: str, second: str, risk: str) -> None:
    notes = co.check_names([first, second])
    assert [n.risk for n in notes] == [risk]
    # The order the names come in never changes the answer.
    assert [n.risk for n in co.check_names([second, first])] == [risk]


def test_the_unknown_wording_is_honest() -> None:
    (note,) = co.check_names(["weed", "beer"])
    assert not note.known and note.sources == ()
    assert "safeplan has no rule for this pair" in note.text
    assert "That does not mean it is safe." in note.text
    assert "Go low, go slow, and don't use alone." in note.text
    assert "not well known" not in note.text
    assert not re.search(r"\bsafe\b", co.RISK_WORDS["unknown"])
    summary = co.MixSummary.of(co.check_names(["weed", "beer", "caffeine"]))
    assert "these pairs" in summary.unknown_line() and "they are safe" in summary.unknown_line()


def test_unknown_names_are_never_guessed_into_a_class() -> None:
    found = co.resolve("mystery pill")
    assert found.classes == () and not found.known
    assert "not in safeplan's list" in found.describe()
    chosen = co.resolve("mystery pill", "benzodiazepine")
    assert chosen.classes == ("benzodiazepine",)


def test_a_substance_rule_wins_over_its_class_rule() -> None:
    (bupe,) = co.check_names(["suboxone", "fentanyl"])
    assert "withdrawal" in bupe.text
    (coke,) = co.check_names(["coke", "beer"])
    assert "cocaethylene" in coke.text and coke.risk == "unsafe"
    (speed,) = co.check_names(["speed", "beer"])
    assert speed.risk == "caution"


def test_every_pair_of_downers_has_a_class_rule() -> None:
    classes = sorted(substances.DOWNERS)
    for a, b in itertools.combinations(classes, 2):
        rule = co.lookup(frozenset({a}), frozenset({b}))
        assert rule is not None, (a, b)
        assert rule.risk in ("dangerous", "unsafe"), (a, b)


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.a}+{r.b}" for r in RULES])
def test_every_rule_is_sourced_with_what_it_covers(rule: co.Rule) -> None:
    known = substances.classes()
    names = {substances.normalize(s.name) for s in substances.substances()}
    for side in (rule.a, rule.b):
        assert side in known or side in names, side
    assert rule.risk in ("dangerous", "unsafe", "caution", "low")
    assert rule.sources, "every rule has a source"
    for cited in rule.sources:
        assert cited.part.strip(), "which part of the source covers the pair"
        assert cited.source.covers.strip(), "what the source covers"
        assert cited.source.url.startswith(("https://", "http://"))
        assert cited.source.publisher and cited.source.title
    assert date(2026, 1, 1) <= rule.verified <= date(2026, 12, 31)
    for text in (rule.note, rule.do):
        assert text.endswith(".") and not BANNED.search(text)
        assert len(text) <= 260


def test_tripsit_rules_name_the_pair_they_cite() -> None:
    for rule in RULES:
        for cited in rule.sources:
            if cited.source.key == "tripsit-combos":
                assert cited.part.startswith("pair ") and "(rated " in cited.part


def test_source_names_are_short_and_person_first_on_screen() -> None:
    for rule in RULES:
        for cited in rule.sources:
            assert "Abuse" not in cited.source.short()


def entry(name: str, hours_ago: float = 0.0, **kwargs: object) -> UseEntry:
    return new_use_entry(substance=name, at=NOW - timedelta(hours=hours_ago), **kwargs)  # type: ignore[arg-type]


def test_each_substance_has_its_own_window() -> None:
    # Methadone 30 hours ago still mixes with a benzo now; alprazolam 25 hours ago does not.
    (note,) = co.check_combinations([entry("methadone", 30)], entry("diazepam"))
    assert note.risk == "dangerous" and "Methadone stays" in note.render()
    assert co.check_combinations([entry("xanax", 25)], entry("beer")) == []
    assert co.check_combinations([entry("xanax", 23)], entry("beer"))[0].risk == "dangerous"
    # An MAOI two weeks' long; fluoxetine for weeks.
    assert (
        co.check_combinations([entry("phenelzine", 24 * 10)], entry("mdma"))[0].risk == "dangerous"
    )
    assert co.check_combinations([entry("prozac", 24 * 21)], entry("nardil"))[0].risk == "dangerous"
    # A later entry within the earlier one's window counts too.
    later = new_use_entry(substance="xanax", at=NOW + timedelta(hours=5))
    assert co.check_combinations([later], entry("beer"))[0].risk == "dangerous"
    assert co.check_combinations([entry("methadone", 30)], entry("xanax"), window_hours=24) == []


def test_regular_medicines_are_checked_against_every_entry() -> None:
    notes = co.check_combinations([], entry("tramadol"), regular=["sertraline", "  "])
    assert [(n.risk, n.regular) for n in notes] == [("dangerous", "sertraline")]
    assert "one of your regular medicines" in notes[0].render()
    assert co.check_combinations([], entry("sertraline"), regular=["zoloft"]) == []


def test_one_note_per_pair_closest_first_most_serious_first() -> None:
    entries = [entry("beer", 10), entry("beer", 2), entry("cannabis", 1), entry("lyrica", 5)]
    notes = co.check_combinations(entries, entry("heroin"))
    assert [n.risk for n in notes] == ["dangerous", "dangerous", "unknown"]
    alcohol = next(n for n in notes if n.first == "beer")
    assert alcohol.hours_apart is not None and round(alcohol.hours_apart) == 2


def test_repeats_are_not_a_mix() -> None:
    assert co.check_combinations([entry("beer", 3)], entry("wine")) == []
    assert co.check_combinations([entry("heroin", 3)], entry("dope")) == []
    assert co.check_names(["xanax", "xans", "alprazolam"]) == []
    new = entry("heroin")
    assert co.check_combinations([new], new) == []


def test_render_is_calm_and_says_what_to_do() -> None:
    note = co.check_combinations([entry("xanax", 3)], entry("beer"))[0]
    text = note.render()
    assert "about 3 hours apart" in text and "dangerous together" in text
    assert "What to do:" in text and "Part:" in text
    assert not BANNED.search(text.split("Source:")[0])


def test_no_pair_of_classes_is_ever_called_safe() -> None:
    for a, b in itertools.combinations_with_replacement(substances.CLASS_KEYS, 2):
        notes = co.check_names([f"thing one {a}", f"thing two {b}"])
        first = co.note_for_names(co.resolve("x one", a), co.resolve("x two", b))
        assert "safe together" not in first.headline()
        assert all(n.risk in co.RISKS for n in notes)


def test_first_steps_only_for_a_recent_risky_mix() -> None:
    risky = co.MixSummary.of(co.check_names(["heroin", "xanax"]))
    unknown = co.MixSummary.of(co.check_names(["weed", "beer"]))
    assert risky.first_steps_now(NOW - timedelta(hours=2), NOW)
    assert not risky.first_steps_now(NOW - timedelta(days=2), NOW)
    assert not unknown.first_steps_now(NOW, NOW)


def test_names_are_described_without_repeating_themselves() -> None:
    assert co.resolve("beer").describe() == "beer (alcohol)"
    assert co.resolve("ketamine").describe() == "ketamine"
    assert co.resolve("tramadol").describe() == "tramadol (opioid)"
    assert co.resolve("mephedrone").describe() == "mephedrone (cathinone (a stimulant))"
    assert co.resolve("xans").describe() == "xans (alprazolam, benzodiazepine)"
