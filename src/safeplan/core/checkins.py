"""Check-ins and use entries: making them, checking them, finding, editing and deleting them. The
times people type for ``--at`` and ``--since`` are read by :mod:`safeplan.core.entry_times`
(``parse_when`` and ``parse_since`` are reachable from here too).

Everything here is pure (no terminal, no Textual) and raises :class:`UsageError` with a calm message
and a next step when something cannot be understood. Messages never repeat what the person typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import ValidationError

from safeplan.core import substances
from safeplan.core.entry_times import parse_since as parse_since
from safeplan.core.entry_times import parse_when as parse_when
from safeplan.core.errors import UsageError
from safeplan.core.models import CheckIn, Settings, UseEntry, VaultPayload, now

Entry = CheckIn | UseEntry
Kind = Literal["checkin", "use"]

SCALE_FIELDS: tuple[str, ...] = (
    "mood",
    "anxiety",
    "self_harm_urge",
    "suicidal_thoughts",
    "use_urge",
)

SCALE_LABELS: dict[str, str] = {
    "mood": "Mood",
    "anxiety": "Anxiety",
    "self_harm_urge": "Urge to self-harm",
    "suicidal_thoughts": "Suicidal thoughts",
    "use_urge": "Urge to use",
    "sleep_hours": "Hours slept",
}

SCALE_ENDS: dict[str, tuple[str, str]] = {
    "mood": ("very low", "very good"),
    "anxiety": ("calm", "very anxious"),
    "self_harm_urge": ("none", "very strong"),
    "suicidal_thoughts": ("none", "very strong"),
    "use_urge": ("none", "very strong"),
}

CHECKIN_FIELDS = frozenset(
    {"at", "mood", "anxiety", "self_harm_urge", "suicidal_thoughts", "use_urge"}
    | {"sleep_hours", "tags", "note"}
)
USE_FIELDS = frozenset(
    {"at", "substance", "substance_class", "amount", "unit", "route", "setting"}
    | {"used_alone", "naloxone_at_hand", "tested", "with_whom", "note"}
)


# --- Making and checking entries -----------------------------------------------------------------


def _check_scale(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise UsageError(
            f"{SCALE_LABELS[name]} needs a whole number from 0 to 10.",
            "0 and 10 are the two ends; anything in between is fine.",
        )
    return value


def _check_sleep(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 24:
        raise UsageError("Hours slept needs a number from 0 to 24.", "For example 7 or 6.5.")
    return float(value)


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Tags split on commas, trimmed, without duplicates or empties, in the order given."""
    out: list[str] = []
    for tag in tags:
        for part in tag.split(","):
            word = " ".join(part.split())
            if not word:
                continue
            if len(word) > 64:
                raise UsageError("A tag can be at most 64 characters.", "Use a shorter word.")
            if word not in out:
                out.append(word)
    return out


def _validated(model: type[CheckIn] | type[UseEntry], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors() if e.get("loc")})
        raise UsageError(
            f"This entry could not be saved: {', '.join(fields) or 'a value'} did not fit.",
            "Check the values (short texts up to 500 characters, notes up to 20,000).",
        ) from None


def new_checkin(
    *,
    mood: int,
    anxiety: int | None = None,
    self_harm_urge: int | None = None,
    suicidal_thoughts: int | None = None,
    use_urge: int | None = None,
    sleep_hours: float | None = None,
    tags: Sequence[str] = (),
    note: str = "",
    at: datetime | None = None,
    entry_id: str | None = None,
) -> CheckIn:
    """A checked check-in. Mood is the only thing required."""
    if mood is None:
        raise UsageError("A check-in needs a mood from 0 to 10.", "For example --mood 5.")
    data: dict[str, Any] = {
        "mood": _check_scale("mood", mood),
        "anxiety": _check_scale("anxiety", anxiety),
        "self_harm_urge": _check_scale("self_harm_urge", self_harm_urge),
        "suicidal_thoughts": _check_scale("suicidal_thoughts", suicidal_thoughts),
        "use_urge": _check_scale("use_urge", use_urge),
        "sleep_hours": _check_sleep(sleep_hours),
        "tags": normalize_tags(tags),
        "note": note,
        "at": at or now(),
    }
    if entry_id:
        data["id"] = entry_id
    checkin: CheckIn = _validated(CheckIn, data)
    return checkin


def new_use_entry(
    *,
    substance: str,
    substance_class: str = "",
    amount: float | None = None,
    unit: str = "",
    route: str = "",
    setting: str = "",
    used_alone: bool | None = None,
    naloxone_at_hand: bool | None = None,
    tested: bool | None = None,
    with_whom: str = "",
    note: str = "",
    at: datetime | None = None,
    entry_id: str | None = None,
) -> UseEntry:
    """A checked use entry. The substance is the only thing required; its class is filled in from
    the known names when the person did not give one."""
    if not substance or not substance.strip():
        raise UsageError("A use entry needs a substance.", "For example --substance alcohol.")
    if amount is not None and (isinstance(amount, bool) or amount < 0):
        raise UsageError("The amount needs to be a number of 0 or more.", "For example 2 or 0.5.")
    if substance_class and substances.normalize(substance_class) not in substances.classes():
        raise UsageError(
            "That substance class is not one safeplan knows.",
            f"Choose one of: {', '.join(substances.CLASS_KEYS)}.",
        )
    data: dict[str, Any] = {
        "substance": substance,
        "substance_class": substances.resolve_class(substance, substance_class),
        "amount": amount,
        "unit": unit,
        "route": route,
        "setting": setting,
        "used_alone": used_alone,
        "naloxone_at_hand": naloxone_at_hand,
        "tested": tested,
        "with_whom": with_whom,
        "note": note,
        "at": at or now(),
    }
    if entry_id:
        data["id"] = entry_id
    entry: UseEntry = _validated(UseEntry, data)
    return entry


def parse_yes_no(text: str) -> bool | None:
    """ "yes"/"no" (and y/n, true/false, 1/2 as in the numbered prompts); "" means not said."""
    word = text.strip().casefold()
    if word in ("", "skip", "-"):
        return None
    if word in ("y", "yes", "true", "1"):
        return True
    if word in ("n", "no", "false", "2"):
        return False
    raise UsageError("Please answer yes or no.", "Or leave it empty to skip.")


def is_hard_checkin(checkin: CheckIn, settings: Settings) -> bool:
    """True when the plan should be gently offered: suicidal thoughts or a self-harm urge at or
    above the person's threshold, or mood at or below their low-mood threshold."""
    threshold = settings.hard_checkin_threshold
    for value in (checkin.suicidal_thoughts, checkin.self_harm_urge):
        if value is not None and value >= threshold:
            return True
    return checkin.mood <= settings.low_mood_threshold


# --- Storing, finding, editing -------------------------------------------------------------------


def add_checkin(payload: VaultPayload, checkin: CheckIn) -> CheckIn:
    payload.checkins.append(checkin)
    payload.checkins.sort(key=lambda c: c.at)
    return checkin


def add_use_entry(payload: VaultPayload, entry: UseEntry) -> UseEntry:
    payload.use_entries.append(entry)
    payload.use_entries.sort(key=lambda e: e.at)
    return entry


def kind_of(entry: Entry) -> Kind:
    return "checkin" if isinstance(entry, CheckIn) else "use"


MIN_ID_PREFIX = 4


def find_entry(payload: VaultPayload, entry_id: str) -> Entry:
    """The check-in or use entry with this id, or an unambiguous prefix of it (at least 4
    characters, as shown by ``safeplan log``)."""
    wanted = entry_id.strip().casefold()
    if len(wanted) < MIN_ID_PREFIX:
        raise UsageError(
            "That id is too short.",
            f"Give at least {MIN_ID_PREFIX} characters of the id shown by `safeplan log`.",
        )
    everything: list[Entry] = [*payload.checkins, *payload.use_entries]
    exact = [e for e in everything if e.id == wanted]
    if exact:
        return exact[0]
    found = [e for e in everything if e.id.startswith(wanted)]
    if not found:
        raise UsageError(
            "No entry has that id.",
            "Run `safeplan log --since all` to see the ids of your entries.",
        )
    if len(found) > 1:
        raise UsageError("More than one entry starts with that id.", "Give a few more characters.")
    return found[0]


def delete_entry(payload: VaultPayload, entry_id: str) -> Entry:
    entry = find_entry(payload, entry_id)
    if isinstance(entry, CheckIn):
        payload.checkins = [c for c in payload.checkins if c.id != entry.id]
    else:
        payload.use_entries = [u for u in payload.use_entries if u.id != entry.id]
    return entry


def edit_entry(payload: VaultPayload, entry_id: str, changes: dict[str, Any]) -> Entry:
    """Apply ``changes`` (field -> new value; None clears an optional value) to an entry, checked
    the same way as a new one, keeping its id. Returns the edited entry."""
    entry = find_entry(payload, entry_id)
    allowed = CHECKIN_FIELDS if isinstance(entry, CheckIn) else USE_FIELDS
    wrong = sorted(set(changes) - allowed)
    if wrong:
        what = "a check-in" if isinstance(entry, CheckIn) else "a use entry"
        raise UsageError(
            f"{', '.join(wrong)} cannot be changed on {what}.",
            "Run `safeplan log edit --help` to see what each kind of entry takes.",
        )
    data = entry.model_dump()
    data.pop("id")
    for key, value in changes.items():
        if value is None and key in ("note", "unit", "route", "setting", "with_whom"):
            value = ""
        if value is None and key == "tags":
            value = []
        data[key] = value
    if isinstance(entry, CheckIn):
        checkin = new_checkin(entry_id=entry.id, **data)
        payload.checkins = [checkin if c.id == entry.id else c for c in payload.checkins]
        payload.checkins.sort(key=lambda c: c.at)
        return checkin
    known = substances.normalize(data["substance_class"]) in substances.classes()
    if "substance_class" not in changes and ("substance" in changes or not known):
        data["substance_class"] = ""  # found again from the name
    use = new_use_entry(entry_id=entry.id, **data)
    payload.use_entries = [use if u.id == entry.id else u for u in payload.use_entries]
    payload.use_entries.sort(key=lambda u: u.at)
    return use


def entries_since(
    payload: VaultPayload, since: datetime | None, kind: Kind | None = None
) -> list[Entry]:
    """Entries at or after ``since`` (None: all), oldest first, optionally of one kind."""
    out: list[Entry] = []
    if kind in (None, "checkin"):
        out.extend(c for c in payload.checkins if since is None or c.at >= since)
    if kind in (None, "use"):
        out.extend(u for u in payload.use_entries if since is None or u.at >= since)
    out.sort(key=lambda e: e.at)
    return out


def describe_checkin(checkin: CheckIn) -> str:
    """A one-line summary (numbers and tags only; the note is left to the caller)."""
    parts = [f"mood {checkin.mood}"]
    for name in SCALE_FIELDS[1:]:
        value = getattr(checkin, name)
        if value is not None:
            parts.append(f"{SCALE_LABELS[name].lower()} {value}")
    if checkin.sleep_hours is not None:
        parts.append(f"slept {checkin.sleep_hours:g}h")
    if checkin.tags:
        parts.append("tags: " + ", ".join(checkin.tags))
    return "; ".join(parts)


def describe_use(entry: UseEntry) -> str:
    parts = [entry.substance]
    if entry.amount is not None:
        parts.append(f"{entry.amount:g} {entry.unit}".strip())
    elif entry.unit:
        parts.append(entry.unit)
    if entry.route:
        parts.append(entry.route)
    if entry.setting:
        parts.append(f"at {entry.setting}")
    flags = [
        (entry.used_alone, "alone", "not alone"),
        (entry.naloxone_at_hand, "naloxone at hand", "no naloxone"),
        (entry.tested, "tested", "not tested"),
    ]
    parts.extend(yes if value else no for value, yes, no in flags if value is not None)
    if entry.with_whom:
        parts.append(f"with {entry.with_whom}")
    return "; ".join(parts)
