"""The guided session on screen: the same pages as the plain mode (:mod:`safeplan.core.guide`), one
at a time, with the facilitator's prompt, the person's prompt in the voice they chose, examples only
when asked for, back / skip / next / pause, the after-plan questions, then a handover page.

Every answer is kept in the payload as it is committed (Enter, Add, or leaving the page) and saved off
the UI thread. In memory only (``safeplan guide --ephemeral``), the handover offers a new vault at a
path the person chooses, printing, or letting the plan go.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches, WrongType
from textual.widget import Widget
from textual.widgets import Button, RadioButton, RadioSet, Static

from safeplan.core import guide as flow
from safeplan.core.errors import SafeplanError
from safeplan.core.models import VaultPayload, Voice
from safeplan.core.secret_rules import MIN_PASSPHRASE_LENGTH
from safeplan.core.sections import item_label
from safeplan.tui import menu
from safeplan.tui.app import SafeplanApp
from safeplan.tui.screens.base import SafeplanScreen
from safeplan.tui.widgets.crisis_strip import CrisisStrip
from safeplan.tui.widgets.fields import TextField
from safeplan.tui.widgets.footer import KeysFooter

GUIDE_TARGET = "safeplan.tui.screens.guide:GuideScreen"
EXPORT_TARGET = "safeplan.tui.screens.export:ExportScreen"
MIN_PASSPHRASE = MIN_PASSPHRASE_LENGTH

KEEP_CODE = (
    "This recovery code opens the new vault if the passphrase is ever forgotten. It is shown only "
    "now. Write it on paper and keep it apart from the passphrase."
)


class GuideScreen(SafeplanScreen[None]):
    """One page of the guided session at a time; the handover once the plan is written."""

    BINDINGS = [
        Binding("escape", "pause", "Pause", id="guide-pause"),
        Binding("f2", "examples", "Examples", id="guide-examples"),
        Binding("f3", "voice", "Voice", id="guide-voice"),
    ]

    DEFAULT_CSS = """
    GuideScreen #guide-title {
        padding: 1 2 0 2;
    }
    GuideScreen #guide-body {
        padding: 0 2;
        height: 1fr;
    }
    GuideScreen .facilitator {
        color: $text-muted;
        padding: 0 0 1 0;
    }
    GuideScreen .examples {
        text-style: italic;
        padding: 0 0 1 2;
    }
    GuideScreen .entries {
        padding: 0 0 0 2;
    }
    GuideScreen .prompt {
        padding: 0 0 1 0;
    }
    GuideScreen #guide-status {
        height: auto;
        padding: 0 2;
        text-style: italic;
    }
    GuideScreen #guide-nav {
        padding: 0 2;
        height: auto;
    }
    GuideScreen RadioSet {
        width: auto;
    }
    GuideScreen #plan-text, GuideScreen #recovery, GuideScreen #recovery-note {
        display: none;
    }
    """

    def __init__(self, voice: Voice | None = None, *, exit_when_done: bool = False) -> None:
        super().__init__()
        self.voice_override = voice
        self.exit_when_done = exit_when_done
        self.index = 0
        self.kept: list[str] = []
        self.stopped_early = False
        self._confirm_let_go = False

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield CrisisStrip(self.session.country(), id="crisis-strip")
        yield Static("", id="guide-title", classes="screen-title", markup=False)
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
        resumed = payload.guide is not None and not flow.is_finished(payload.guide)
        flow.start(payload, self.voice_override)
        self.request_save()
        await self.show_page()
        if resumed:
            self.say("Welcome back. Everything you wrote before is still here.")

    @property
    def payload(self) -> VaultPayload:
        return self.session.payload

    @property
    def voice(self) -> Voice:
        progress = self.payload.guide
        return progress.voice if progress is not None else "with_someone"

    @property
    def page(self) -> flow.Page | None:
        return flow.page_at(self.index)

    def say(self, text: str) -> None:
        self.query_one("#guide-status", Static).update(text)

    async def show_page(self) -> None:
        progress = self.payload.guide
        self.index = progress.step_index if progress is not None else flow.FINISHED
        if self.stopped_early:
            self.index = flow.FINISHED
        body = self.query_one("#guide-body", VerticalScroll)
        await body.remove_children()
        page = self.page
        if page is None:
            widgets = self.handover_widgets()
        elif isinstance(page, flow.GuideStep):
            widgets = self.step_widgets(page)
        else:
            widgets = self.after_plan_widgets(page)
        self.query_one("#guide-title", Static).update(self.title_for(page))
        await body.mount_all(widgets)
        body.scroll_home(animate=False)
        self.query_one("#guide-nav").display = page is not None
        self.query_one("#nav-back", Button).disabled = self.index == 0
        self.say("")
        self.apply_voice()
        self.focus_first()

    def focus_first(self) -> None:
        """Focus the first answer, with the prompts above it in view as far as the screen allows."""
        for widget in self.query_one("#guide-body").query("TextField, RadioSet, Button"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                self.call_after_refresh(self._show_prompt_and, widget)
                return

    def _show_prompt_and(self, widget: Widget) -> None:
        body = self.query_one("#guide-body", VerticalScroll)
        body.scroll_home(animate=False, immediate=True)
        for wid in ("#guide-facilitator", "#guide-prompt"):
            with contextlib.suppress(NoMatches):
                first = self.query_one(wid)
                if first.display:
                    body.scroll_to_widget(first, top=True, animate=False, immediate=True)
                    break
        widget.scroll_visible(animate=False, immediate=True)

    def title_for(self, page: flow.Page | None) -> str:
        if isinstance(page, flow.GuideStep):
            return f"{flow.page_position(self.index)}: {page.title}"
        if isinstance(page, flow.AfterPlanPage):
            return f"Last questions: {page.title}"
        return "Choose what to keep" if self.stopped_early else "Your plan is written"

    def heading(self, page: flow.Page) -> list[Widget]:
        extra: list[Widget] = []
        if isinstance(page, flow.GuideStep):
            extra.append(Static(page.explanation, classes="prompt", markup=False))
        return [
            *extra,
            Static("", id="guide-facilitator", classes="facilitator", markup=False),
            Static("", id="guide-prompt", classes="prompt", markup=False),
            Static(self.examples_text(page), id="guide-examples", classes="examples", markup=False),
        ]

    def examples_text(self, page: flow.Page) -> str:
        lines = ["Some examples. Yours can be anything, in your own words:"]
        if isinstance(page, flow.GuideStep):
            lines += [f"- {e}" for e in page.examples]
        for question in page.questions:
            if question.examples:
                lines.append(f"{question.label}, for example: {'; '.join(question.examples)}")
        return "\n".join(lines)

    def step_widgets(self, step: flow.GuideStep) -> list[Widget]:
        widgets = self.heading(step)
        for i, collector in enumerate(step.collects):
            widgets.append(Static(collector.title, classes="section-title", markup=False))
            widgets.append(
                Static(self.entries_text(collector), id=f"entries-{i}", classes="entries")
            )
            widgets.append(
                Static(
                    f"{collector.ask.get(self.voice)} Press Enter to add it.",
                    classes="label",
                    markup=False,
                )
            )
            for j, field in enumerate(collector.fields):
                hint = field.label if j == 0 else f"{field.label} (you can leave this empty)"
                widgets.append(TextField(placeholder=hint, id=f"entry-{i}-{j}"))
            widgets.append(Button("Add", id=f"add-{i}", compact=True))
        widgets += self.question_widgets(step)
        return widgets

    def after_plan_widgets(self, page: flow.AfterPlanPage) -> list[Widget]:
        return self.heading(page) + self.question_widgets(page)

    def question_widgets(self, page: flow.Page) -> list[Widget]:
        widgets: list[Widget] = []
        for k, question in enumerate(page.questions):
            widgets.append(
                Static(
                    f"For the person helping: {question.facilitator}",
                    id=f"qhelper-{k}",
                    classes="facilitator label",
                    markup=False,
                )
            )
            widgets.append(Static("", id=f"qprompt-{k}", classes="label", markup=False))
            current = flow.answer_of(self.payload, page, question)
            if question.kind == "likelihood":
                buttons = [
                    RadioButton(flow.LIKELIHOOD_WORDS[key], value=key == current)
                    for key in flow.LIKELIHOODS
                ]
                widgets.append(RadioSet(*buttons, id=f"answer-{k}"))
            else:
                widgets.append(
                    TextField(
                        value=current or "",
                        placeholder="Your words (you can leave this empty)",
                        id=f"answer-{k}",
                    )
                )
        return widgets

    def entries_text(self, collector: flow.Collector) -> str:
        items = flow.entries(self.payload.plan, collector)
        if not items:
            return "Nothing here yet."
        return "\n".join(f"- {item_label(item)}" for item in items)

    def apply_voice(self) -> None:
        """Show the prompts in the current voice; the helper's prompts only with someone beside."""
        page = self.page
        if page is None:
            return
        voice = self.voice
        with_someone = voice == "with_someone"
        try:
            helper = self.query_one("#guide-facilitator", Static)
            helper.update(f"For the person helping: {page.facilitator}")
            helper.display = with_someone
            self.query_one("#guide-prompt", Static).update(page.prompt.get(voice))
            self.query_one("#guide-examples", Static).display = False
            for k, question in enumerate(page.questions):
                self.query_one(f"#qhelper-{k}", Static).display = with_someone
                self.query_one(f"#qprompt-{k}", Static).update(question.prompt.get(voice))
        except NoMatches:
            return

    # --- entries and answers --------------------------------------------------------------------

    def _field(self, wid: str) -> TextField | None:
        try:
            return self.query_one(f"#{wid}", TextField)
        except (NoMatches, WrongType):
            return None

    def add_entry(self, i: int, *, quiet: bool = False) -> bool:
        """Add what is typed in collector ``i``'s fields to the plan."""
        page = self.page
        if not isinstance(page, flow.GuideStep) or i >= len(page.collects):
            return False
        collector = page.collects[i]
        fields = [self._field(f"entry-{i}-{j}") for j in range(len(collector.fields))]
        if any(f is None for f in fields):
            return False
        values = {
            field.name: widget.value
            for field, widget in zip(collector.fields, fields, strict=True)
            if widget is not None
        }
        if not values[collector.main.name].strip():
            return False
        try:
            flow.add_entry(self.payload, collector, values)
        except flow.AnswerNotKept as exc:
            if not quiet:
                self.say(f"{exc.message} {exc.hint}")
            return False
        for widget in fields:
            if widget is not None:
                widget.value = ""
        self.query_one(f"#entries-{i}", Static).update(self.entries_text(collector))
        self.request_save()
        if not quiet:
            self.say("Added to your plan. Type another, or press Enter on an empty line to go on.")
            if fields[0] is not None:
                fields[0].focus()
        return True

    def commit_answer(self, k: int) -> None:
        page = self.page
        if page is None or k >= len(page.questions):
            return
        question = page.questions[k]
        if question.kind != "text":
            return
        widget = self._field(f"answer-{k}")
        if widget is None:
            return
        value = widget.value.strip()
        if value == (flow.answer_of(self.payload, page, question) or ""):
            return
        try:
            flow.set_answer(self.payload, page, question, value)
        except flow.AnswerNotKept as exc:
            self.say(f"{exc.message} {exc.hint}")
            return
        self.request_save()

    def commit_draft(self) -> None:
        """Keep whatever is typed on this page (the app calls this before quitting or locking)."""
        page = self.page
        if page is None:
            return
        if isinstance(page, flow.GuideStep):
            for i in range(len(page.collects)):
                self.add_entry(i, quiet=True)
        for k in range(len(page.questions)):
            self.commit_answer(k)

    def focus_after(self, i: int | None = None, k: int | None = None) -> None:
        """Move on from collector ``i`` or question ``k`` to whatever comes next on the page."""
        page = self.page
        if page is None:
            return
        targets: list[str] = []
        if isinstance(page, flow.GuideStep) and i is not None:
            targets += [f"#entry-{n}-0" for n in range(i + 1, len(page.collects))]
            targets += [f"#answer-{n}" for n in range(len(page.questions))]
        elif k is not None:
            targets += [f"#answer-{n}" for n in range(k + 1, len(page.questions))]
        targets.append("#nav-next")
        for target in targets:
            try:
                self.query_one(target).focus()
                return
            except NoMatches:
                continue

    @on(TextField.Submitted)
    def _submitted(self, event: TextField.Submitted) -> None:
        wid = event.input.id or ""
        page = self.page
        if wid.startswith("entry-") and isinstance(page, flow.GuideStep):
            _, i_text, j_text = wid.split("-")
            i, j = int(i_text), int(j_text)
            collector = page.collects[i]
            main = self._field(f"entry-{i}-0")
            if main is None or not main.value.strip():
                self.focus_after(i=i)
            elif j < len(collector.fields) - 1:
                self.query_one(f"#entry-{i}-{j + 1}").focus()
            else:
                self.add_entry(i)
        elif wid.startswith("answer-"):
            k = int(wid.split("-")[1])
            self.commit_answer(k)
            self.focus_after(k=k)

    @on(RadioSet.Changed)
    def _likelihood(self, event: RadioSet.Changed) -> None:
        page = self.page
        wid = event.radio_set.id or ""
        if page is None or not wid.startswith("answer-"):
            return
        question = page.questions[int(wid.split("-")[1])]
        value = flow.LIKELIHOODS[event.radio_set.pressed_index]
        if value != flow.answer_of(self.payload, page, question):
            flow.set_answer(self.payload, page, question, value)
            self.request_save()

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        wid = event.button.id or ""
        if wid.startswith("add-"):
            self.add_entry(int(wid.split("-")[1]))
        elif wid in ("nav-back", "nav-skip", "nav-next"):
            await self.move(wid.removeprefix("nav-"))
        elif wid == "nav-pause":
            await self.action_pause()
        elif wid == "show-plan":
            self.show_plan()
        elif wid == "print-plan":
            self.say("Sending your plan to the printer…")
            self._print(self.render_text())
        elif wid == "export-plan":
            self.sp.open_screen(EXPORT_TARGET)
        elif wid == "create-vault":
            self.create_vault()
        elif wid == "finish":
            await self.finish()

    # --- moving ---------------------------------------------------------------------------------

    async def move(self, how: str) -> None:
        self.commit_draft()
        progress = self.payload.guide
        if progress is None:
            return
        if how == "back":
            progress = flow.back(progress)
        elif how == "skip":
            progress = flow.skip(progress)
        else:
            progress = flow.forward(progress)
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
        try:
            examples = self.query_one("#guide-examples", Static)
        except NoMatches:
            return
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

    # --- the handover ---------------------------------------------------------------------------

    def handover_widgets(self) -> list[Widget]:
        persistent = self.session.persistent
        intro = "You stopped before the end. " if self.stopped_early else ""
        if persistent:
            intro += "Your plan is saved in your vault. You can show it, print it or save a copy."
        else:
            intro += (
                "Your plan is held in memory only. Nothing is written to this computer unless you "
                "choose so below."
            )
        buttons = [
            Button("Show the plan", id="show-plan"),
            Button("Print on paper", id="print-plan"),
        ]
        if menu.available(EXPORT_TARGET):
            buttons.append(Button("Save a copy as a file", id="export-plan"))
        widgets: list[Widget] = [
            Static(intro, markup=False),
            Horizontal(*buttons, classes="button-row"),
            Static("", id="plan-text", markup=False),
        ]
        if not persistent:
            widgets += [
                Static("Save into a new vault", classes="section-title"),
                Static(
                    "The new vault is encrypted with a passphrase you choose. Type the full path "
                    "of a new file, or of a folder, for example on a USB stick.",
                    classes="label",
                ),
                TextField(placeholder="where to save the vault", id="vault-path"),
                TextField(password=True, placeholder="a passphrase", id="vault-pass"),
                TextField(password=True, placeholder="the same again", id="vault-pass2"),
                Button("Create the vault", id="create-vault"),
                Static("", id="recovery", classes="recovery-code", markup=False),
                Static(KEEP_CODE, id="recovery-note", markup=False),
            ]
        widgets.append(
            Horizontal(
                Button(self.finish_label(), id="finish", variant="primary"), classes="button-row"
            )
        )
        return widgets

    def finish_label(self) -> str:
        if self.session.persistent or self.kept:
            return "Finish"
        return "Finish and let it go"

    def render_text(self) -> str:
        from safeplan.core.export import render

        return render("text", self.payload, country=self.session.country())

    def show_plan(self) -> None:
        shown = self.query_one("#plan-text", Static)
        shown.update(self.render_text().replace("\f", "\n"))
        shown.display = True
        shown.scroll_visible(animate=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="guide-print")
    def _print(self, text: str) -> None:
        from safeplan.core.export.printing import send_to_printer

        try:
            _, message = send_to_printer(text)
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            message = "The plan could not be printed. Nothing was printed."
        self.app.call_from_thread(self.say, message.replace("`", ""))

    def create_vault(self) -> None:
        fields = [self._field(n) for n in ("vault-path", "vault-pass", "vault-pass2")]
        if any(f is None for f in fields):
            return
        where, first, second = (f.value if f is not None else "" for f in fields)
        if not where.strip():
            self.say("Type where the new vault should go, for example a folder on a USB stick.")
            return
        path = Path(where.strip()).expanduser().absolute()
        if path.is_dir():
            path = path / "safeplan-vault.json"
        if path.exists():
            self.say(f"There is already a file at {path}. Choose another name.")
            return
        if not path.parent.is_dir():
            self.say(
                f"The folder {path.parent} does not exist. Check the path, for example that the "
                "USB stick is plugged in."
            )
            return
        if len(first) < MIN_PASSPHRASE:
            self.say(f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters.")
            return
        if first != second:
            self.say("Those two passphrases did not match. Please type it again.")
            return
        self.say("Creating the vault. This takes a moment on purpose: it makes guessing slow.")
        payload = self.payload.model_copy(deep=True)
        payload.guide = None
        self.query_one("#create-vault", Button).disabled = True
        self._create_vault(path, first, payload)

    @work(thread=True, exclusive=True, exit_on_error=False, group="guide-vault")
    def _create_vault(self, path: Path, passphrase: str, payload: VaultPayload) -> None:
        from safeplan.core.vault import Vault

        try:
            vault, code = Vault.create(path, passphrase, payload=payload)
            vault.close()
        except SafeplanError as exc:
            self.app.call_from_thread(self._vault_failed, f"{exc.message} {exc.hint}")
            return
        except Exception:  # noqa: BLE001 - a calm sentence, never a traceback
            self.app.call_from_thread(
                self._vault_failed,
                "The vault could not be written there. Check that you can write to that folder.",
            )
            return
        self.app.call_from_thread(self._vault_made, path, code)

    def _vault_failed(self, message: str) -> None:
        self.say(message)
        with contextlib.suppress(NoMatches):
            self.query_one("#create-vault", Button).disabled = False

    def _vault_made(self, path: Path, code: str) -> None:
        self.kept.append(f"a vault at {path}")
        for wid in ("vault-pass", "vault-pass2"):
            field = self._field(wid)
            if field is not None:
                field.value = ""
        recovery = self.query_one("#recovery", Static)
        recovery.update(code)
        recovery.display = True
        note = self.query_one("#recovery-note", Static)
        note.display = True
        note.scroll_visible(animate=False)
        self.query_one("#finish", Button).label = self.finish_label()
        self.say(f"The plan is saved in a new vault at {path}.")

    async def finish(self) -> None:
        if self.session.persistent:
            self.sp.show_home()
            return
        if not self.kept and not self._confirm_let_go:
            self._confirm_let_go = True
            self.query_one("#finish", Button).label = "Yes, let it go"
            self.say(
                "If you finish now, this plan is forgotten and cannot be brought back. Choose "
                "Yes, let it go, to finish."
            )
            return
        if self.exit_when_done:
            store = self.session.store
            if store is not None:
                store.payload = VaultPayload()
            await self.sp.action_quit()
        else:
            self.sp.show_home()


# --- Starting the app on the guided session -------------------------------------------------------


class GuideApp(SafeplanApp):
    """The safeplan app, opening the guided session as soon as the vault is open."""

    CSS_PATH = str(Path(__file__).resolve().parents[1] / "styles" / "app.tcss")

    def __init__(self, session: Any, *, voice: Voice | None, ephemeral: bool) -> None:
        super().__init__(session)
        self.guide_voice = voice
        self.ephemeral = ephemeral
        self._guide_opened = False
        self._quit_confirmed = False

    async def action_quit(self) -> None:
        """In memory only, quitting forgets the plan: ask once more before letting it go."""
        screen = self.screen
        store = self.session.store
        unsaved = (
            self.ephemeral
            and isinstance(screen, GuideScreen)
            and not screen.kept
            and store is not None
            and not store.payload.plan.is_empty()
        )
        if unsaved and not self._quit_confirmed:
            self._quit_confirmed = True
            self.notify(
                "This plan is held in memory only. Press ctrl+q again to quit and let it go, or "
                "press Escape to choose what to keep.",
                title="Not kept anywhere yet",
                severity="warning",
            )
            return
        if self.ephemeral and store is not None:
            store.payload = VaultPayload()
        await super().action_quit()

    def show_home(self, then: str | None = None) -> None:
        super().show_home(then)
        if not self._guide_opened:
            self._guide_opened = True
            self.push_screen(GuideScreen(self.guide_voice, exit_when_done=self.ephemeral))


def make_guide_app(
    *,
    vault_path: Path | None = None,
    store: Any = None,
    voice: Voice | None = None,
    ephemeral: bool = False,
    environ: dict[str, str] | None = None,
    country: str | None = None,
) -> GuideApp:
    from safeplan.tui.app import make_app

    base = make_app(vault_path=vault_path, store=store, environ=environ, country=country)
    return GuideApp(base.session, voice=voice, ephemeral=ephemeral)
