"""The guided session on screen: the full-screen renderer of :mod:`safeplan.core.guide`. One page at
a time (the opening, the story, the seven steps, the questions about the plan, the follow-up), the
helper's cues and the person's prompt in the voice they chose, examples only when asked for, then
the handover (:mod:`.guide_handover`). ctrl+g shows crisis lines and comes back to the same place;
F4 shows what to do if someone is in danger right now.

Every answer is kept in the payload as it is committed (Enter, or leaving the page) and saved off
the UI thread.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from safeplan.core import guide as flow
from safeplan.core.guide.handover import Handover
from safeplan.core.models import VaultPayload, Voice
from safeplan.tui.screens import guide_pages as pages
from safeplan.tui.screens.guide_answers import GuideAnswers
from safeplan.tui.screens.guide_handover import HandoverPanel
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

GUIDE_TARGET = "safeplan.tui.screens.guide:GuideScreen"


class GuideScreen(GuideAnswers):
    """One page of the guided session at a time; the handover once the plan is written."""

    BINDINGS = [
        # Next comes first in the footer: from a text box it can be many Tabs away (14 on step 5).
        Binding("f5", "next", "Next", id="guide-next"),
        Binding("escape", "pause", "Pause", id="guide-pause"),
        Binding("f2", "examples", "Examples", id="guide-examples"),
        Binding("f3", "voice", "Voice", id="guide-voice"),
        Binding("f4", "danger", "In danger?", id="guide-danger"),
    ]

    CSS_PATH = str(Path(__file__).resolve().parents[1] / "styles" / "guide.tcss")

    def __init__(self, voice: Voice | None = None, *, exit_when_done: bool = False) -> None:
        super().__init__()
        self.voice_override = voice
        self.exit_when_done = exit_when_done
        self.index = 0
        self.moments: list[str] = []
        """The story told on the story page: held here only, never saved unless chosen."""
        self.handover: Handover | None = None
        self.stopped_early = False

    @property
    def kept(self) -> list[str]:
        return self.handover.kept if self.handover is not None else []

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        yield Static("", id="guide-title", classes="screen-title", markup=False)
        yield Static("", id="guide-danger", markup=False)
        yield VerticalScroll(id="guide-body")
        yield Static("", id="guide-status", markup=False)
        with Horizontal(id="guide-nav", classes="button-row"):
            yield Button("Back", id="nav-back", compact=True)
            yield Button("Skip for now", id="nav-skip", compact=True)
            yield Button("Next", id="nav-next", variant="primary", compact=True)
            yield Button("Pause", id="nav-pause", compact=True)
        yield KeysFooter()

    async def on_mount(self) -> None:
        payload = self.session.payload
        resumed = flow.is_resumable(payload)
        flow.start(payload, self.voice_override)
        self.handover = Handover(ephemeral=not self.session.persistent)
        self.request_save()
        await self.show_page()
        if resumed:
            self.say("Welcome back. Everything you wrote before is still here.")

    async def show_page(self) -> None:
        progress = self.payload.guide
        self.index = progress.step_index if progress is not None else flow.FINISHED
        if self.stopped_early:
            self.index = flow.FINISHED
        body = self.query_one("#guide-body", VerticalScroll)
        await body.remove_children()
        page = self.page
        await body.mount_all(self.widgets_for(page))
        title = "Choose what to keep" if page is None and self.stopped_early else None
        self.query_one("#guide-title", Static).update(title or flow.page_title(self.index))
        body.scroll_home(animate=False)
        self.query_one("#guide-nav").display = page is not None
        self.query_one("#nav-back", Button).disabled = self.index == 0
        self.say("")
        self.apply_voice()
        self.focus_first()

    def widgets_for(self, page: flow.Page | None) -> list[Widget]:
        if page is None:
            assert self.handover is not None
            return [
                HandoverPanel(
                    self.handover,
                    self.payload,
                    self.session.country(),
                    stopped_early=self.stopped_early,
                )
            ]
        if isinstance(page, flow.OpeningPage):
            return pages.opening_widgets(
                page, self.voice, not self.session.persistent, self.session.country()
            )
        if isinstance(page, flow.StoryPage):
            return pages.story_widgets(page, self.voice, self.moments)
        if isinstance(page, flow.GuideStep):
            return pages.step_widgets(page, self.payload, self.voice)
        return [*pages.heading(page), *pages.question_widgets(page, self.payload)]

    def focus_first(self) -> None:
        """Start reading at the top of the page. The first answer gets the focus when it is in
        view from there; otherwise the page itself does (arrow keys read on, Tab goes to the first
        answer), so nobody lands mid-sentence (at 80x24 a step can be longer than the screen)."""
        body = self.query_one("#guide-body", VerticalScroll)
        body.scroll_home(animate=False, immediate=True)
        for widget in body.query("TextField, RadioSet, Button"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                self.call_after_refresh(self._focus_or_read, widget)
                return

    def _focus_or_read(self, widget: Widget) -> None:
        body = self.query_one("#guide-body", VerticalScroll)
        body.scroll_home(animate=False, immediate=True)
        if not body.region.contains_region(widget.region):
            body.focus(scroll_visible=False)
            self.say("Read on with the arrow keys. Tab goes to the first answer.")

    def apply_voice(self) -> None:
        """Show the prompts in the current voice; the helper's cues only with someone beside."""
        page = self.page
        if page is None:
            return
        voice = self.voice
        with_someone = voice == "with_someone"
        with contextlib.suppress(NoMatches):
            self.query_one("#guide-facilitator", Static).display = with_someone
            self.query_one("#guide-prompt", Static).update(page.prompt.get(voice))
            self.query_one("#guide-examples", Static).display = False
            for k, question in enumerate(page.questions):
                self.query_one(f"#qhelper-{k}", Static).display = with_someone
                self.query_one(f"#qprompt-{k}", Static).update(question.prompt.get(voice))
        danger = self.query_one("#guide-danger", Static)
        danger.update(pages.danger_text(voice))

    @on(TextField.Submitted)
    async def _submitted(self, event: TextField.Submitted) -> None:
        """Enter adds or answers; Enter on an empty line goes on: to the next part of the page, or
        to the next page when nothing else is asked here."""
        wid = event.input.id or ""
        page = self.page
        if wid == "story-moment":
            self._add_moment(event.input.value)
        elif wid.startswith("entry-") and isinstance(page, flow.GuideStep):
            _, i_text, j_text = wid.split("-")
            i, j = int(i_text), int(j_text)
            main = self._field(f"entry-{i}-0")
            if main is None or not main.value.strip():
                await self._go_on(i=i)
            elif j < len(page.collects[i].fields) - 1:
                self.query_one(f"#entry-{i}-{j + 1}").focus()
            else:
                self.add_entry(i)
        elif wid.startswith("answer-"):
            k = int(wid.split("-")[1])
            self.commit_answer(k)
            if event.input.value.strip():
                self.focus_after(k=k)
            else:
                await self._go_on(k=k)

    async def _go_on(self, i: int | None = None, k: int | None = None) -> None:
        if self.next_part(i=i, k=k) is None:
            await self.move("next")
        else:
            self.focus_after(i=i, k=k)

    @on(RadioSet.Changed)
    def _radio(self, event: RadioSet.Changed) -> None:
        page = self.page
        wid = event.radio_set.id or ""
        if wid == "voice-choice":
            voice = flow.VOICE_CHOICES[event.radio_set.pressed_index][0]
            progress = self.payload.guide
            if progress is not None and voice != progress.voice:
                self.payload.guide = flow.with_voice(progress, voice)
                self.request_save()
                self.apply_voice()
            return
        if page is None or not wid.startswith("answer-"):
            return
        question = page.questions[int(wid.split("-")[1])]
        value = flow.LIKELIHOODS[event.radio_set.pressed_index]
        if value != flow.answer_of(self.payload, page, question):
            flow.set_answer(self.payload, page, question, value)
            self.request_save()

    @on(Button.Pressed, "#guide-nav Button")
    async def _nav(self, event: Button.Pressed) -> None:
        wid = event.button.id or ""
        if wid == "nav-pause":
            await self.action_pause()
        else:
            await self.move(wid.removeprefix("nav-"))

    @on(pages.ChosenOnPurpose.NotChosen)
    def _not_chosen(self, event: pages.ChosenOnPurpose.NotChosen) -> None:
        wid = event.choice.id or ""
        if wid == "voice-choice":
            self.say(
                f"Kept as it was: {flow.VOICE_NAMES[self.voice]}. To change who is here, use "
                "the arrow keys, then Enter. F5 goes on."
            )
        elif event.choice.pressed_index >= 0:
            self.say("Your answer stays as it was. To change it, use the arrow keys, then Enter.")
            self.focus_after(k=int(wid.split("-")[1]))
        else:
            self.say(f"{flow.LIKELIHOOD_NOT_CHOSEN} Use the arrow keys, then Enter.")

    @on(HandoverPanel.Say)
    def _handover_says(self, message: HandoverPanel.Say) -> None:
        self.say(message.text)

    @on(HandoverPanel.Finished)
    async def _handover_finished(self) -> None:
        await self.finish()

    # --- moving ---------------------------------------------------------------------------------

    async def move(self, how: str) -> None:
        self.commit_draft()
        if isinstance(self.page, flow.StoryPage) and how == "next":
            self.keep_story()
        progress = self.payload.guide
        if progress is None:
            return
        progress = flow.move(progress, how)
        self.payload.guide = progress
        if flow.is_finished(progress):
            self.finish_plan()
        self.request_save()
        await self.show_page()

    def finish_plan(self) -> None:
        from safeplan.core.plan import commit_plan_change

        flow.finish(self.payload)
        commit_plan_change(self.payload, note="Guided session")

    async def action_pause(self) -> None:
        if self.page is None:
            await self.finish()
            return
        self.commit_draft()
        if not self.session.persistent:
            # Nothing can be kept for later in memory: go straight to choosing what to keep.
            self.stopped_early = True
            await self.show_page()
            return
        from safeplan.core.plan import commit_plan_change

        commit_plan_change(self.payload, note="Guided session")
        self.request_save()
        self.sp.notify(
            "Paused. Everything you wrote is saved. Choose the guided session again to carry on.",
            title="Paused",
        )
        self.sp.show_home()

    def action_examples(self) -> None:
        with contextlib.suppress(NoMatches):
            examples = self.query_one("#guide-examples", Static)
            examples.display = not examples.display
            if examples.display:
                examples.scroll_visible(animate=False)

    def action_voice(self) -> None:
        progress = self.payload.guide
        if progress is None:
            return
        self.payload.guide = flow.with_voice(progress, flow.other_voice(progress.voice))
        self.request_save()
        self.apply_voice()
        self.say(f"Now speaking {flow.VOICE_NAMES[self.voice]}.")

    async def action_next(self) -> None:
        """The next page, from anywhere on this one (what is typed is kept first)."""
        if self.page is not None:
            await self.move("next")

    def action_danger(self) -> None:
        danger = self.query_one("#guide-danger", Static)
        danger.display = not danger.display

    async def finish(self) -> None:
        if self.session.persistent:
            self.sp.show_home()
            return
        if self.exit_when_done:
            store = self.session.store
            if store is not None:
                store.payload = VaultPayload()
            await self.sp.action_quit()
        else:
            self.sp.show_home()
