"""The exports: golden files for the demo plan in every format, and properties that hold for any plan.

Golden files live in tests/golden/export/. After an intended change to an export, regenerate them with

    SAFEPLAN_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_export.py

and read the diff before committing it: it is what a person will see on paper.
"""

from __future__ import annotations

import html
import os
import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from safeplan.core.demo import demo_payload
from safeplan.core.export import build_content, render
from safeplan.core.export.card import CARD_LINES, CARD_WIDTH
from safeplan.core.export.layout import clean, cols, wrap
from safeplan.core.export.markdown import escape
from safeplan.core.export.text import PAGE_LINES, render_text
from safeplan.core.models import (
    CheckIn,
    Clinician,
    Contact,
    CrisisLine,
    EnvironmentStep,
    HarmReductionGoal,
    Place,
    SafetyPlan,
    TextItem,
    UrgentCare,
    UseEntry,
    VaultPayload,
)
from safeplan.core.sections import SECTIONS

GOLDEN = Path(__file__).parent / "golden" / "export"
TODAY = date(2026, 11, 27)
COUNTRY = "GB"
REGEN = os.environ.get("SAFEPLAN_REGEN_GOLDEN") == "1"

FILES = {
    "text": "demo.txt",
    "card": "demo-card.txt",
    "markdown": "demo.md",
    "json": "demo.json",
}


def _render(fmt: str, width: int = 80) -> str:
    return render(fmt, demo_payload(TODAY), width=width, today=TODAY, country=COUNTRY)


@pytest.mark.parametrize(
    ("fmt", "width", "name"),
    [(fmt, 80, name) for fmt, name in FILES.items()] + [("text", 44, "demo-44.txt")],
)
def test_golden(fmt: str, width: int, name: str) -> None:
    got = _render(fmt, width)
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="")
    assert path.exists(), f"missing golden file {name}: run with SAFEPLAN_REGEN_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, regenerate with SAFEPLAN_REGEN_GOLDEN=1 and review the diff"
    )


# --- the printable text --------------------------------------------------------------------------


def _pages(text: str) -> list[list[str]]:
    return [page.split("\n") for page in text.rstrip("\n").split("\n\f")]


def test_text_has_every_part_in_order_with_the_persons_words() -> None:
    payload = demo_payload(TODAY)
    text = _render("text")
    positions = [text.index(f"{s.number}. {s.title}") for s in SECTIONS.values()]
    assert positions == sorted(positions)
    for item in payload.plan.warning_signs + payload.plan.coping + payload.plan.reasons:
        assert item.text in text.replace("\n    ", " ")
    assert "Printed 27 November 2026. Last reviewed: 18 October 2026." in text
    assert "My harm-reduction plan" in text and "Not using alone" in text
    assert "Help, any time: United Kingdom" in text
    # The crisis help comes first, before step 1, so it is always on page 1.
    assert text.index("Help, any time") < text.index("1. My warning signs")


def _first_page(text: str) -> str:
    return text.split("\f", 1)[0]


@pytest.mark.parametrize("name", ["demo.txt", "demo-44.txt"])
def test_golden_text_has_contacts_and_crisis_lines_before_the_first_form_feed(name: str) -> None:
    golden = (GOLDEN / name).read_text(encoding="utf-8")
    assert "\f" in golden  # the demo is longer than a page
    first = " ".join(_first_page(golden).split())
    plan = demo_payload(TODAY).plan
    for contact in (*plan.help_contacts, *plan.clinicians, *plan.urgent_care):
        assert contact.name in first, contact.name
        assert contact.phone in first, contact.phone
    for needed in ("Call 999 or 112", "Samaritans", "116 123", "Shout", "NHS 111"):
        assert needed in first, needed


def test_page_1_keeps_contacts_and_crisis_lines_whatever_the_length() -> None:
    many = [TextItem(text=f"Warning sign number {i} in my own words") for i in range(90)]
    plan = SafetyPlan(
        warning_signs=many,
        coping=many,
        help_contacts=[Contact(name=f"Friend {i}", phone=f"555-01{i:02}") for i in range(12)],
        clinicians=[Clinician(name="Dr Okafor", phone="555-0104", out_of_hours="555-0199")],
    )
    text = render_text(build_content(plan, None, today=TODAY, country=COUNTRY))
    first = _first_page(text)
    assert text.count("\f") >= 3
    assert len(first.splitlines()) <= PAGE_LINES
    assert "Friend 0 (555-0100)" in first and "Friend 6 (555-0106)" in first
    assert "(and 5 more in steps 4 and 5)" in first
    assert "Help, any time: United Kingdom" in first and "Call 999 or 112" in first
    assert "Friend 11 (555-0111)" in text  # every contact is still in step 4


def test_a_plan_that_fits_lists_contacts_once() -> None:
    plan = SafetyPlan(help_contacts=[Contact(name="Mum", phone="555-0102")])
    text = render_text(build_content(plan, None, today=TODAY, country=COUNTRY))
    assert "\f" not in text and text.count("Mum (555-0102)") == 1


def test_text_is_plain() -> None:
    text = _render("text")
    assert "\x1b" not in text
    assert not re.search(r"[\u2500-\u257f]", text), "no box drawing"
    assert all(ch in "\n\f" or ch.isprintable() for ch in text)


def test_demo_pages_break_between_parts_and_stay_within_a_page() -> None:
    text = _render("text")
    pages = _pages(text)
    assert len(pages) >= 2, "the full demo (with notes and harm reduction) is longer than a page"
    assert all(len(page) <= PAGE_LINES for page in pages)
    # Page breaks fall at the start of a part, never inside one.
    for page in pages[1:]:
        assert page[0] and not page[0].startswith(" "), page[0]


def test_a_typical_plan_fits_one_page() -> None:
    plan = SafetyPlan(
        warning_signs=[TextItem(text="Not sleeping"), TextItem(text="Pulling away from people")],
        coping=[TextItem(text="Walk the dog"), TextItem(text="Shower and music")],
        distraction_people=[Contact(name="Ana", phone="555-0101")],
        distraction_places=[Place(name="The library")],
        help_contacts=[
            Contact(name="Mum", phone="555-0102"),
            Contact(name="Lee", phone="555-0103"),
        ],
        clinicians=[Clinician(name="Dr Okafor", phone="555-0104", out_of_hours="555-0199")],
        urgent_care=[UrgentCare(name="City Hospital", address="1 High St", phone="555-0105")],
        environment=[EnvironmentStep(text="Give my spare keys to Lee", who_helps="Lee")],
        reasons=[TextItem(text="My kids"), TextItem(text="Seeing the sea again")],
    )
    text = render_text(build_content(plan, None, today=TODAY, country=COUNTRY))
    assert "\f" not in text
    assert len(text.splitlines()) <= PAGE_LINES


def test_empty_parts_leave_lines_to_write_on() -> None:
    text = render_text(build_content(SafetyPlan(), None, today=TODAY, country=COUNTRY))
    block = text.split("1. My warning signs\n", 1)[1].split("\n\n", 1)[0]
    assert block.count("____") >= 3
    assert "Last reviewed: not yet." in text


def test_phone_numbers_are_never_split_across_lines() -> None:
    line = "Westbridge General Hospital A&E (Riverside Road, Westbridge WB1 4QT, 0113 496 0000)"
    for width in range(30, 90):
        wrapped = wrap(line, width, "  - ", "    ")
        assert any("0113 496 0000" in x for x in wrapped), width


def test_wrap_counts_wide_characters_as_two_columns() -> None:
    lines = wrap("猫と一緒にお茶を飲む" * 6, 30, "  - ")
    assert all(cols(x) <= 30 for x in lines)
    assert len(lines) > 3


# --- property tests ------------------------------------------------------------------------------

person_text = st.text(
    # NUL is the one character safeplan refuses to keep (an import holding it is refused).
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=120,
).filter(lambda s: s.strip())
short_text = person_text.map(lambda s: s[:60].strip() or "x")
phone = st.from_regex(r"\A\+?[0-9][0-9 ()-]{0,18}\Z")


def _texts(n: int) -> st.SearchStrategy[list[TextItem]]:
    return st.lists(person_text.map(lambda t: TextItem(text=t)), max_size=n)


@st.composite
def plans(draw: st.DrawFn) -> SafetyPlan:
    contacts = st.builds(
        Contact,
        name=short_text,
        phone=st.one_of(st.just(""), phone),
        relationship=st.one_of(st.just(""), short_text),
        notes=st.one_of(st.just(""), person_text),
    )
    return SafetyPlan(
        warning_signs=draw(_texts(6)),
        coping=draw(_texts(6)),
        distraction_people=draw(st.lists(contacts, max_size=3)),
        distraction_places=draw(
            st.lists(st.builds(Place, name=short_text, address=short_text), max_size=3)
        ),
        help_contacts=draw(st.lists(contacts, max_size=3)),
        clinicians=draw(
            st.lists(
                st.builds(Clinician, name=short_text, phone=phone, out_of_hours=short_text),
                max_size=2,
            )
        ),
        urgent_care=draw(
            st.lists(st.builds(UrgentCare, name=short_text, address=person_text), max_size=2)
        ),
        crisis_lines=draw(
            st.lists(st.builds(CrisisLine, name=short_text, number=phone), max_size=2)
        ),
        environment=draw(
            st.lists(st.builds(EnvironmentStep, text=person_text, who_helps=short_text), max_size=3)
        ),
        reasons=draw(_texts(4)),
    )


@given(plans(), st.integers(40, 120))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_text_line_fits_the_width(plan: SafetyPlan, width: int) -> None:
    payload = VaultPayload(plan=plan)
    payload.harm_reduction.triggers = plan.reasons
    text = render("text", payload, width=width, today=TODAY, country=COUNTRY)
    for page in _pages(text):
        assert len(page) <= PAGE_LINES
        for line in page:
            assert cols(line) <= width, (width, line)
            assert "\x1b" not in line


@given(plans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_card_fits_a_wallet(plan: SafetyPlan) -> None:
    card = render("card", VaultPayload(plan=plan), today=TODAY, country=COUNTRY)
    lines = card.rstrip("\n").split("\n")
    assert len(lines) <= CARD_LINES
    assert all(cols(line) <= CARD_WIDTH for line in lines), lines
    # The card names its numbers' country; a line the person chose is theirs, so then the
    # emergency number names it.
    if any(c.number for c in plan.crisis_lines):
        assert "My crisis line:" in lines
        assert "In danger now (GB): call 999 or 112" in lines
    else:
        assert "Crisis line (United Kingdom):" in lines
    assert lines[-1].startswith("In danger now")


def test_card_shows_first_signs_top_steps_two_contacts_and_a_crisis_line() -> None:
    card = _render("card")
    assert card.startswith("MY SAFETY PLAN\nWhen I notice:\n- I stop answering messages")
    assert "- Headphones on and walk the long way" in card
    assert "- Sam 07700 900132\n- Jordan 07700 900855\n" in card
    assert "- Samaritans 116 123" in card


# --- Markdown ------------------------------------------------------------------------------------

_md = MarkdownIt("commonmark")


def _visible(markdown: str) -> str:
    """The text a Markdown reader shows, as one string of words."""
    rendered = _md.render(markdown)
    assert "<script" not in rendered
    text = html.unescape(re.sub(r"<[^>]+>", " ", rendered))
    return " ".join(text.split())


@given(person_text)
@settings(max_examples=300, deadline=None)
def test_markdown_shows_the_persons_words_exactly(words: str) -> None:
    rendered = _md.render(f"- {escape(words)}\n")
    # One list item holding one paragraph of text: nothing became markup.
    assert re.fullmatch(r"<ul>\n<li>(?:(?!<).|\n)*</li>\n</ul>\n", rendered, re.S), rendered
    assert _visible(f"- {escape(words)}\n") == " ".join(clean(words).split())


def test_markdown_has_the_same_content_as_the_text() -> None:
    md = _md.parse(_render("markdown"))
    headings = [
        md[i + 1].content
        for i, tok in enumerate(md)
        if tok.type == "heading_open" and tok.tag == "h2"
    ]
    # The crisis help comes first, as on paper (one order for every export: PAGE_ORDER).
    assert headings[0] == "Help, any time: United Kingdom"
    assert headings[1:8] == [f"{s.number}. {s.title}" for s in SECTIONS.values()]
    assert headings[-1] == "My harm-reduction plan"
    visible = _visible(_render("markdown"))
    payload = demo_payload(TODAY)
    for item in payload.plan.coping + payload.plan.reasons:
        assert item.text in visible


# --- JSON ----------------------------------------------------------------------------------------

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.builds(
    lambda base, secs, tz: (base + timedelta(seconds=secs)).astimezone(tz),
    st.just(datetime(2020, 1, 1, tzinfo=UTC)),
    st.floats(0, 3e8, allow_nan=False).map(lambda s: round(s, 6)),
    offsets,
)


@st.composite
def payloads(draw: st.DrawFn) -> VaultPayload:
    p = VaultPayload(plan=draw(plans()), created_at=draw(moments))
    p.checkins = draw(
        st.lists(
            st.builds(
                CheckIn,
                at=moments,
                mood=st.integers(0, 10),
                sleep_hours=st.one_of(st.none(), st.floats(0, 24, allow_nan=False)),
                note=st.one_of(st.just(""), person_text),
                tags=st.lists(short_text.map(lambda t: t[:60]), max_size=3),
            ),
            max_size=5,
        )
    )
    p.use_entries = draw(
        st.lists(
            st.builds(
                UseEntry,
                at=moments,
                substance=short_text,
                amount=st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False)),
                used_alone=st.one_of(st.none(), st.booleans()),
            ),
            max_size=4,
        )
    )
    p.harm_reduction.goals = draw(
        st.lists(st.builds(HarmReductionGoal, text=person_text, set_at=moments), max_size=2)
    )
    return p


@given(payloads())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_json_export_import_export_is_byte_identical(payload: VaultPayload) -> None:
    from safeplan.core.export import import_payload

    first = render("json", payload)
    again = render("json", import_payload(first.encode("utf-8")))
    assert again == first


def test_demo_json_round_trips_byte_identical() -> None:
    from safeplan.core.export import import_payload

    first = _render("json")
    assert render("json", import_payload(first.encode())) == first


def _first_index(text: str, markers: tuple[str, ...]) -> list[int]:
    return [text.index(m) for m in markers]


@pytest.mark.parametrize("country", ["GB", "NZ", None])
def test_text_and_markdown_follow_the_same_order(country: str | None) -> None:
    """Heading, crisis help, steps 1 to 7, harm-reduction plan, footer: in both formats."""
    payload = demo_payload(TODAY)
    markers = (
        "My safety plan",
        "Help, any time",
        "My warning signs",
        "What matters most to me",
        "My harm-reduction plan",
        "Made with safeplan",
    )
    for fmt in ("text", "markdown"):
        out = render(fmt, payload, today=TODAY, country=country)
        where = _first_index(out, markers)
        assert where == sorted(where), (fmt, where)


def test_card_holds_the_one_thing_that_matters_most_in_the_persons_words() -> None:
    payload = demo_payload(TODAY)
    card = render("card", payload, today=TODAY, country=COUNTRY).splitlines()
    at = card.index("What matters most to me:")
    first = payload.plan.reasons[0].text
    assert " ".join(x.strip("- ").strip() for x in card[at + 1 : at + 3]) == first
    assert at < card.index("My crisis line:")  # the crisis line and emergency number stay last


def test_card_leaves_out_what_matters_most_only_when_it_cannot_fit() -> None:
    payload = demo_payload(TODAY)
    payload.plan.reasons = payload.plan.reasons[:1]
    long = "A reason that goes on and on, " * 10
    payload.plan.reasons[0].text = long
    card = render("card", payload, today=TODAY, country=COUNTRY).splitlines()
    assert len(card) <= CARD_LINES
    assert "What matters most to me:" in card  # shortened with "...", not dropped
    assert any(line.endswith("...") for line in card)
    payload.plan.reasons = []
    assert "What matters most to me:" not in render("card", payload, today=TODAY, country=COUNTRY)


def test_card_with_a_line_of_their_own_does_not_call_it_another_countrys() -> None:
    payload = demo_payload(TODAY)  # the person chose Samaritans (a UK line)
    card = render("card", payload, today=TODAY, country="NZ").splitlines()
    assert "Crisis line (New Zealand):" not in card
    assert card[-3:] == [
        "My crisis line:",
        "- Samaritans 116 123",
        "In danger now (New Zealand): call 111",
    ]


def test_markdown_names_the_country_once_in_its_help_heading() -> None:
    md = _render("markdown")
    assert "## Help, any time: United Kingdom" in md
    assert "Help now: United Kingdom" not in md
    assert md.index("In danger right now? Call 999 or 112.") < md.index("## 1. My warning signs")
