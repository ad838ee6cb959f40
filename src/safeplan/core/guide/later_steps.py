"""Steps 5 to 7 of the plan, as the guided session asks them. Every word is safeplan's own.

Step 6 is a practical conversation about the means the person has thought of, as lethal-means
counselling describes it (Harvard Means Matter; SPRC's Counseling on Access to Lethal Means, CALM):
ask directly and calmly what is there, then agree how to put time and distance between the person
and it, and who could help. It never talks about how; only what, where, and who holds it.
"""

from __future__ import annotations

from safeplan.core.guide.pages import Collector, EntryField, GuideStep, TalkPoint, text_collector
from safeplan.core.guide.words import Voiced, same

PROFESSIONALS = GuideStep(
    "professionals",
    (
        "Ask who treats or supports them, and how to reach them, out of hours too.",
        "Ask where the nearest urgent care or emergency department is.",
        "The crisis lines for their country are always shown. Add one here only if they want "
        "it in their own plan.",
    ),
    Voiced(
        "Which professionals and services could you contact? Think of who supports you, such "
        "as a doctor, nurse, counsellor or support worker, where the nearest urgent care is, and "
        "any crisis line you would want to call. You can work out the numbers together now, "
        "while things are calm.",
        "Which professionals and services could you contact? Think of who supports you, such "
        "as a doctor, nurse, counsellor or support worker, where the nearest urgent care is, and "
        "any crisis line you would want to call. It helps to add the numbers now, while things "
        "are calm.",
    ),
    (
        "Dr Okafor, my doctor.",
        "The mental health team's out-of-hours number.",
        "My support worker, Sam.",
        "The emergency department at the city hospital.",
        "The crisis line for my country.",
    ),
    (
        Collector(
            "clinicians",
            "clinician",
            "Professionals who support me",
            same("First, professionals. Type the name of someone who supports you."),
            (
                EntryField("name", "Name", "Type their name.", required=True),
                EntryField(
                    "role",
                    "Role",
                    "What is their role, for example doctor or counsellor? Press Enter to "
                    "leave it empty.",
                ),
                EntryField(
                    "phone",
                    "Phone",
                    "What phone number reaches them? Press Enter to leave it empty.",
                ),
                EntryField(
                    "out_of_hours",
                    "Out of hours",
                    "How can you reach them, or their service, out of hours? Press Enter to "
                    "leave it empty.",
                ),
            ),
            "the name of a professional",
        ),
        Collector(
            "urgent_care",
            "urgent_care",
            "Urgent care near me",
            same("Now urgent care. Type the name of an urgent care or emergency service."),
            (
                EntryField("name", "Name", "Type its name.", required=True),
                EntryField(
                    "address", "Address", "What is the address? Press Enter to leave it empty."
                ),
                EntryField(
                    "phone", "Phone", "What is the phone number? Press Enter to leave it empty."
                ),
            ),
            "the name of a service",
        ),
        Collector(
            "crisis_lines",
            "crisis_line",
            "Crisis lines",
            same(
                "Last, crisis lines. safeplan always shows the lines for your country. Type the "
                "name of a line if you want it in your own plan."
            ),
            (
                EntryField("name", "Name", "Type the name of the line.", required=True),
                EntryField(
                    "number", "Number", "What is its number? Press Enter to leave it empty."
                ),
            ),
            "the name of a crisis line",
        ),
    ),
    barrier_check=True,
)

MEANS_TALK: tuple[TalkPoint, ...] = (
    TalkPoint(
        "What is there",
        Voiced(
            "Ask calmly and directly: when you have thought about suicide, is there anything you "
            "have thought of using? You only need to know what and where, never how.",
            "When you have had thoughts of suicide, is there anything you have thought of using? "
            "You only need to name what and where it is.",
        ),
    ),
    TalkPoint(
        "Medicines",
        Voiced(
            "Ask about medicines at home, including a stock of old ones. Who could keep them, "
            "or lock them away and hold the key? Could old ones go back to a pharmacy?",
            "Are there medicines at home, including old ones? Who could keep them, or lock them "
            "away and hold the key? Old ones can go back to a pharmacy.",
        ),
    ),
    TalkPoint(
        "Firearms",
        Voiced(
            "Ask if there is a gun at home or easy to reach. Could someone they trust keep it "
            "away from home for now, or lock it, with the ammunition kept somewhere else?",
            "Is there a gun at home or easy to reach? Someone you trust could keep it away from "
            "home for now, or it can be locked, with the ammunition kept somewhere else.",
        ),
    ),
    TalkPoint(
        "Anything else",
        Voiced(
            "Ask about anything else they named, alcohol or drugs included. What would put time "
            "and distance between them and it, and who could help?",
            "Is there anything else, alcohol or drugs included? What would put time and distance "
            "between you and it, and who could help?",
        ),
    ),
)

ENVIRONMENT = GuideStep(
    "environment",
    (
        "Talk about the means they have thought of, calmly, as a practical plan.",
        "Agree steps that put time and distance between them and harm, for now.",
        "Ask who could hold things, or keep a key. Their choice, with their consent.",
        "Never talk about how. Only what, where, and who helps.",
    ),
    Voiced(
        "A crisis often passes. Putting time and distance between you and anything you could use "
        "to hurt yourself can carry you through it. What could make where you are safer? Let's "
        "talk about it practically, then write the steps you agree.",
        "A crisis often passes. Putting time and distance between you and anything you could use "
        "to hurt yourself can carry you through it. What could make where you are safer? Think "
        "about it practically, then write the steps.",
    ),
    (
        "Ask my brother to keep the gun at his place for now.",
        "Keep medicines locked away and give the key to someone I trust.",
        "Take old medicines back to the pharmacy.",
        "Not keep alcohol in the house for now.",
        "Go to a friend's place, or somewhere busy, until the feeling passes.",
    ),
    (
        Collector(
            "environment",
            "environment",
            "Steps to make where I am safer",
            same("Type one step that would make where you are safer."),
            (
                EntryField("text", "Step", "Type the step.", required=True),
                EntryField(
                    "who_helps",
                    "Who helps",
                    "Who could help you with this step? Press Enter to leave it empty.",
                ),
            ),
            "a step",
        ),
    ),
    barrier_check=True,
    talk=MEANS_TALK,
)

REASONS = GuideStep(
    "reasons",
    (
        "Ask what matters most to them, what makes life worth living, in their words.",
        "If it is hard to find, there is no rush: one person, one hope, one thing to see.",
    ),
    Voiced(
        "What matters most to you? The people, hopes and things that make life worth living for "
        "you, in your own words. It can be one word. There is no rush.",
        "What matters most to you? The people, hopes and things that make life worth living for "
        "you, in your own words. It can be one word, and you can add more another day.",
    ),
    (
        "My kids.",
        "My dog, Biscuit.",
        "Seeing the sea again.",
        "Finishing my course.",
        "My gran.",
        "Music.",
    ),
    (
        text_collector(
            "reasons",
            "What matters most to me",
            "one thing that matters to you",
            same("Type one thing on each line."),
        ),
    ),
)
