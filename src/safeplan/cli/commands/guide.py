"""`safeplan guide`: build the safety plan step by step, alone or with someone helping.

Works on the person's vault (saving after every answer, so nothing typed is lost, and resuming where
a paused session stopped), or with ``--ephemeral`` in memory only: at the end the person chooses to
see, print or save a copy, to save it into a new vault wherever they choose, or to let it go.

The plain line-by-line mode is used with ``--plain``, ``ACCESSIBLE=1``, ``TERM=dumb`` or when standard
input is not a terminal; otherwise the full-screen guided screen opens. Both render the same flow
from :mod:`safeplan.core.guide`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from safeplan.cli.common import add_command
from safeplan.cli.options import country_arg
from safeplan.core import errors

if TYPE_CHECKING:
    from safeplan.cli.guide_plain import PlainGuide
    from safeplan.cli.plain import Plain
    from safeplan.core.models import Voice
    from safeplan.core.store import Store

VOICE_CHOICES = {"with-someone": "with_someone", "on-my-own": "on_my_own"}
EXIT_STOPPED = 130
"""The README's code for a command stopped part way with ctrl+c or ctrl+d."""


def register(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    parser = add_command(
        sub,
        common,
        "guide",
        "build your safety plan step by step, on your own or with someone helping",
        "safeplan.cli.commands.guide:guide",
        description="Build your safety plan step by step, in your own words, on your own or with "
        "someone beside you. Each answer is saved in your vault as you go; type pause to stop and "
        "carry on later. With --ephemeral nothing is written to this computer: at the end you "
        "choose to print the plan, save it into a new vault wherever you like (a USB stick, say), "
        "or let it go.",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask one question per line (for screen readers and simple terminals); used "
        "automatically when ACCESSIBLE=1, TERM=dumb or input is not a terminal",
    )
    parser.add_argument(
        "--ephemeral",
        action="store_true",
        help="save nothing on this computer: at the end, choose to print the plan, save it "
        "into a new vault (on a USB stick, say) or let it go",
    )
    parser.add_argument(
        "--country",
        type=country_arg,
        help="the country whose crisis lines the session shows (a name or code, such as GB); "
        "asked at the start otherwise",
    )
    parser.add_argument(
        "--voice",
        choices=tuple(VOICE_CHOICES),
        help="speak to you as someone with a helper beside them, or on your own",
    )


def guide(args: argparse.Namespace) -> int:
    if args.ephemeral:
        # Nothing from this session may be left behind, not even bytecode caches.
        sys.dont_write_bytecode = True
    voice: Voice | None = VOICE_CHOICES[args.voice] if args.voice else None  # type: ignore[assignment]

    from safeplan.cli.plain import Plain, plain_mode_wanted

    try:
        if not plain_mode_wanted(args.plain):
            tui = _tui_runner()
            if tui is not None:
                return int(tui(args, voice))
        return run_plain(Plain(), args, voice)
    except errors.VaultNotFound as exc:
        exc.hint = (
            "Create one with `safeplan init`, or point to yours with --vault PATH.\n"
            "To write a plan without making a vault: `safeplan guide --ephemeral`.\n"
            "It keeps nothing unless you choose to save it at the end."
        )
        raise


def _tui_runner() -> Any:
    """The full-screen guided session."""
    from safeplan.cli.launch import run_guide_app

    return run_guide_app


def run_plain(io: Plain, args: argparse.Namespace, voice: Voice | None) -> int:
    """The plain guided session, on the vault or (``--ephemeral``) in memory only. Other plain
    flows (a numbered menu, say) call this with their own :class:`Plain`."""
    if args.ephemeral:
        return _run_in_memory(io, args, voice)

    from safeplan.cli.common import open_store
    from safeplan.cli.guide_handover import PlainHandover
    from safeplan.cli.plain import InputClosed

    with open_store(args) as store:
        if store.path is None:  # the demo: nothing is saved, so say so, as for --ephemeral
            return _run_in_memory(io, args, voice, store)
        session = _session(io, store, args, voice, ephemeral=False)
        try:
            if session.run() == "finished":
                handover = PlainHandover(
                    io, store, ephemeral=False, args=args, country=session.country
                )
                handover.voice = session.last_voice
                handover.run()
        except (InputClosed, KeyboardInterrupt):
            io.blank()
            if store.payload.guide is None:
                io.say("The session ended. Your plan is saved in your vault.")
                return errors.EXIT_OK
            session.pause_quietly()
            io.say(
                "The session stopped here. Everything you wrote is saved in your vault. Run "
                "safeplan guide again to carry on where you left off."
            )
            return EXIT_STOPPED
    return errors.EXIT_OK


def _session(
    io: Plain, store: Store, args: argparse.Namespace, voice: Voice | None, *, ephemeral: bool
) -> PlainGuide:
    from safeplan.cli.guide_plain import PlainGuide
    from safeplan.core.guide.help import guide_country

    given = getattr(args, "country", None)
    return PlainGuide(
        io,
        store,
        ephemeral=ephemeral,
        voice=voice,
        country=guide_country(store.payload, given=given),
        given_country=bool(given),
    )


def _run_in_memory(
    io: Plain, args: argparse.Namespace, voice: Voice | None, store: Store | None = None
) -> int:
    """Nothing is written unless the person chooses. ctrl+c or the end of input asks before
    letting the plan go, and offers the handover instead (when the input can still answer)."""
    from safeplan.cli.guide_handover import PlainHandover
    from safeplan.cli.plain import InputClosed
    from safeplan.core.models import VaultPayload
    from safeplan.core.store import MemoryStore

    memory: Store = store if store is not None else MemoryStore()
    if store is None:
        memory.payload.settings.voice = "with_someone"  # a session not saved is most often a peer's
    session = _session(io, memory, args, voice, ephemeral=True)
    handover = PlainHandover(io, memory, ephemeral=True, args=args)
    written = False
    try:
        while True:
            try:
                if not written:
                    session.run()
                    written = True
                handover.country, handover.voice = session.country, session.last_voice
                handover.run()
                return errors.EXIT_OK
            except (InputClosed, KeyboardInterrupt):
                io.blank()
                if memory.payload.plan.is_empty() or handover.state.kept:
                    break
                if not _ask_before_letting_go(io):
                    written = True
                    continue
                break
        io.say(f"The session ended before you chose to finish. {handover.what_was_kept()}")
        return EXIT_STOPPED
    finally:
        memory.payload = VaultPayload()
        if isinstance(memory, MemoryStore):
            memory.last_saved_json = None


def _ask_before_letting_go(io: Plain) -> bool:
    """True when the person lets the plan go (or the input cannot answer any more)."""
    from safeplan.cli.plain import Command, InputClosed

    try:
        answer = io.choose(
            "Your plan is not saved anywhere yet. If you stop now, it is forgotten.",
            [("keep", "Choose what to keep"), ("let_go", "Let it go and stop")],
        )
    except (InputClosed, KeyboardInterrupt):
        return True
    return isinstance(answer, Command) or answer == "let_go"
