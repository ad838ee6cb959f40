"""Local means local: when the person asks for a kind of line their country does not have, say so
plainly instead of showing another country's line, and point to what does exist there.

Every line in the directory belongs to one country (``Service.country``), so a person in the United
Kingdom never sees a US-only line such as Never Use Alone; this module words the gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safeplan.core.crisis import CountryHelp

GROUP_WORDS = {
    "young_people": "young people",
    "veterans": "veterans and service members",
    "lgbtq": "LGBTQ+ people",
    "trans": "trans people",
    "substance_use": "people who use drugs or alcohol",
    "domestic_violence": "people living with violence at home",
    "poisoning": "poisoning or an overdose of medicines",
    "indigenous": "First Nations and Indigenous peoples",
}


def audience_gap(help_: CountryHelp) -> str | None:
    """A plain sentence when a group's lines were asked for and the country has none, else None.

    "safeplan has no line for people who use drugs or alcohol in this country (United Kingdom).
    The lines below are for everyone, and the directories at the end list more."
    """
    audience = help_.audience
    if audience is None or audience == "everyone" or help_.country_name is None:
        return None
    if any(audience in service.audience for service in help_.services):
        return None
    group = GROUP_WORDS.get(audience, audience.replace("_", " "))
    rest = (
        "The lines below are for everyone, and the directories at the end list more."
        if help_.services
        else "The directories below list services there."
    )
    return f"safeplan has no line for {group} in this country ({help_.country_name}). {rest}"
