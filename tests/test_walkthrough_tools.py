"""The walk-through and the tools for the moment: step 2 offers breathe, ground and urge; the last
step shows the hope box beside what matters most (core view, plain mode and the app)."""

from __future__ import annotations

import contextlib
import io

from safeplan.cli.plain import Plain
from safeplan.cli.plain_answers import Answers, InputEnded
from safeplan.cli.walk import walk_plain
from safeplan.core import walkthrough as flow
from safeplan.core.hope import add_item
from safeplan.core.models import SafetyPlan, TextItem, VaultPayload


def payload() -> VaultPayload:
    p = VaultPayload(
        plan=SafetyPlan(
            coping=[TextItem(text="Walk round the block")],
            reasons=[TextItem(text="My niece")],
        )
    )
    add_item(p, "said", "I am glad you are here.", who="Sam")
    return p


def test_step_two_offers_the_tools_and_the_end_shows_the_hope_box() -> None:
    walk = flow.Walk(payload())
    coping = walk.start()
    assert [t.command for t in coping.tools] == ["breathe", "ground", "urge"]
    assert coping.hope == ()
    end = walk.forward()
    assert end.step == "reasons"
    assert end.hope == ("I am glad you are here. (said by Sam)",)


def test_plain_walk_names_the_tools_and_ends_with_the_hope_box() -> None:
    out = io.StringIO()
    answers = Answers(Plain(io.StringIO("\n\n"), out))
    with contextlib.suppress(InputEnded):  # the ending's questions are not answered here
        walk_plain(answers, payload(), "GB")
    text = " ".join(out.getvalue().split())
    assert (
        "You could also try: Breathe slowly for a minute or two (the command safeplan breathe)."
        in text
    )
    assert "From your hope box:" in text and "- I am glad you are here. (said by Sam)" in text
    assert text.index("My niece") < text.index("From your hope box:")
