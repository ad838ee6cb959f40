"""The widgets of one guided-session page, built from the core's flow definition
(:mod:`safeplan.core.guide`): the opening, the story of a recent crisis, a step, and questions.
Nothing here keeps state or saves; :class:`~safeplan.tui.screens.guide.GuideScreen` does."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet, Static

from safeplan.core import guide as flow
from safeplan.core.guide import words
from safeplan.core.models import VaultPayload, Voice
from safeplan.core.sections import item_label
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.marks import MarkedRadioButton
from safeplan.tui.widgets.tick_list import TickList


class ChosenOnPurpose(RadioSet):
    """A choice that is never made for the person. The highlight starts on what is chosen now;
    Enter (or space) chooses only once the arrow keys have moved. Before that it changes nothing,
    so an Enter meant as "go on" never records an answer or swaps an earlier one: the screen is
    told, and says what to do."""

    def __init__(self, *buttons: RadioButton, id: str) -> None:  # noqa: A002
        super().__init__(*buttons, id=id)
        self.moved = False

    class NotChosen(Message):
        """Enter was pressed before the arrow keys moved: nothing was changed."""

        def __init__(self, choice: ChosenOnPurpose) -> None:
            super().__init__()
            self.choice = choice

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.moved = self.is_mounted and self.has_focus

    def action_next_button(self) -> None:
        super().action_next_button()
        self.moved = self.is_mounted and self.has_focus

    def action_toggle_button(self) -> None:
        if not self.moved:
            self.post_message(self.NotChosen(self))
            return
        super().action_toggle_button()

    def on_focus(self) -> None:
        self.moved = False
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class LikelihoodChoice(ChosenOnPurpose):
    """How likely the person is to use a part of their plan: their honest answer, or none."""


def helper(cues: tuple[str, ...], wid: str) -> Static:
    text = f"{words.HELPER}:\n" + "\n".join(f"- {cue}" for cue in cues)
    return Static(text, id=wid, classes="facilitator", markup=False)


def heading(page: flow.Page) -> list[Widget]:
    """The explanation (steps), the helper's cues, the person's prompt and the hidden examples."""
    extra: list[Widget] = []
    if isinstance(page, flow.GuideStep):
        extra.append(Static(page.explanation, classes="prompt", markup=False))
    return [
        *extra,
        helper(page.facilitator, "guide-facilitator"),
        Static("", id="guide-prompt", classes="prompt", markup=False),
        Static(examples_text(page), id="guide-examples", classes="examples", markup=False),
    ]


def examples_text(page: flow.Page) -> str:
    lines = ["Some examples. Yours can be anything, in your own words:"]
    lines += [f"- {e}" for e in page.examples]
    for question in page.questions:
        if question.examples:
            lines.append(f"{question.label}, for example: {'; '.join(question.examples)}")
    return "\n".join(lines)


def opening_widgets(
    page: flow.OpeningPage, voice: Voice, ephemeral: bool, country: str | None
) -> list[Widget]:
    from safeplan.core.crisis.countries import display_name

    kept = words.KEPT_NOWHERE if ephemeral else words.KEPT_IN_VAULT
    where = (
        f"Crisis lines are shown for {display_name(country)}."
        if country
        else ("No country is chosen yet, so the crisis lines shown are general ones.")
    )
    choices = [MarkedRadioButton(label, value=key == voice) for key, label in words.VOICE_CHOICES]
    return [
        Static("", id="guide-prompt", classes="prompt", markup=False),
        Static(words.WHO_IS_HERE, classes="label", markup=False),
        ChosenOnPurpose(*choices, id="voice-choice"),
        helper(page.facilitator, "guide-facilitator"),
        Static(f"{kept} {words.STOP_ANY_TIME}", classes="prompt", markup=False),
        Static(
            "Press ctrl+g at any time for crisis lines and your own people; you come back to the "
            f"same place. {where} To change the country, press ctrl+g, then c. F4 shows what to "
            "do if someone is in danger right now.",
            classes="prompt",
            markup=False,
        ),
        Static(examples_text(page), id="guide-examples", classes="examples", markup=False),
    ]


def story_widgets(page: flow.StoryPage, voice: Voice, moments: list[str]) -> list[Widget]:
    return [
        *heading(page),
        Static(page.ask.get(voice) + " Press Enter after each.", classes="label", markup=False),
        TextField(placeholder="What happened (not saved)", id="story-moment"),
        Static(
            page.keep_question + " Tick each one to keep with space; the rest is let go.",
            classes="label",
            markup=False,
        ),
        story_ticks(moments),
    ]


def story_ticks(moments: list[str], ticked: list[str] | None = None) -> TickList:
    ticks = TickList(id="story-keep")
    ticks.set_rows([(str(i), Content(m)) for i, m in enumerate(moments)], ticked=ticked)
    ticks.display = bool(moments)
    return ticks


def step_widgets(step: flow.GuideStep, payload: VaultPayload, voice: Voice) -> list[Widget]:
    widgets = heading(step)
    if step.talk:
        lines = ["Talk it through first. Nothing from this talk is saved unless you write a step:"]
        lines += [f"- {point.title}: {point.ask.get(voice)}" for point in step.talk]
        widgets.append(Static("\n".join(lines), id="guide-talk", classes="prompt", markup=False))
    for i, collector in enumerate(step.collects):
        widgets.append(Static(collector.title, classes="section-title", markup=False))
        widgets.append(
            Static(entries_text(payload, collector), id=f"entries-{i}", classes="entries")
        )
        widgets.append(
            Static(
                f"{collector.ask.get(voice)} Press Enter to add it.",
                classes="label",
                markup=False,
            )
        )
        for j, field in enumerate(collector.fields):
            hint = field.label if j == 0 else f"{field.label} (you can leave this empty)"
            widgets.append(TextField(placeholder=hint, id=f"entry-{i}-{j}"))
    widgets += question_widgets(step, payload)
    return widgets


def question_widgets(page: flow.Page, payload: VaultPayload) -> list[Widget]:
    widgets: list[Widget] = []
    for k, question in enumerate(page.questions):
        widgets.append(
            Static(
                f"{words.HELPER}: {question.facilitator}",
                id=f"qhelper-{k}",
                classes="facilitator label",
                markup=False,
            )
        )
        widgets.append(Static("", id=f"qprompt-{k}", classes="label", markup=False))
        current = flow.answer_of(payload, page, question)
        if question.kind == "likelihood":
            buttons = [
                MarkedRadioButton(flow.LIKELIHOOD_WORDS[key], value=key == current)
                for key in flow.LIKELIHOODS
            ]
            widgets.append(LikelihoodChoice(*buttons, id=f"answer-{k}"))
        else:
            widgets.append(
                TextField(
                    value=current or "",
                    placeholder="Your words (you can leave this empty)",
                    id=f"answer-{k}",
                )
            )
    return widgets


def entries_text(payload: VaultPayload, collector: flow.Collector) -> str:
    items = flow.entries(payload.plan, collector)
    if not items:
        return "Nothing here yet."
    return "\n".join(f"- {item_label(item)}" for item in items)


def danger_text(voice: Voice) -> str:
    """The danger card, unwrapped (the screen wraps it to its width)."""
    if voice == "with_someone":
        lines = [f"{words.DANGER_TITLE}:", *(f"- {line}" for line in words.DANGER_CARD)]
    else:
        lines = [words.ON_MY_OWN_DANGER]
    return "\n".join(lines) + "\nPress ctrl+g for the numbers. F4 hides this."
