"""Steps 1 to 4 of the plan, as the guided session asks them. Every word is safeplan's own."""

from __future__ import annotations

from safeplan.core.guide.pages import PHONE, Collector, EntryField, GuideStep, text_collector
from safeplan.core.guide.words import Voiced, same

WARNING_SIGNS = GuideStep(
    "warning_signs",
    (
        "Ask how they will know it is time to use this plan: what do they notice first?",
        "Thoughts, pictures in their mind, moods, places and things they do all count.",
        'It is OK to ask directly: "Are you thinking about suicide?"',
        "Write their words, not a summary.",
    ),
    Voiced(
        "Let's start with how you will know it is time to use this plan. Think of the last time "
        "things got very hard. What did you notice first? It can be a thought, a feeling, a "
        "situation or something you did. Say it in your own words; you or the person with you "
        "can type it.",
        "Start with how you will know it is time to use this plan. Think of the last time things "
        "got very hard. What did you notice first? It can be a thought, a feeling, a situation "
        "or something you did. Write it the way you would say it.",
    ),
    (
        "I stop answering messages.",
        "I lie awake going over the same thoughts.",
        "I start to feel like a burden.",
        "Sunday evenings on my own.",
        "After an argument at home.",
        "I use more than I meant to.",
        "I start thinking about suicide.",
    ),
    (
        text_collector(
            "warning_signs",
            "Warning signs",
            "a warning sign",
            same("Type one warning sign on each line."),
        ),
    ),
)

COPING = GuideStep(
    "coping",
    (
        "Ask what they could do on their own, without contacting anyone.",
        "It only has to get them through a hard moment or an urge for a while.",
        "Small and doable matters more than impressive.",
    ),
    Voiced(
        "What could you do by yourself to get through a hard moment, even for a little while? "
        "Think of things that have helped before, however small. Talk it through, then add one "
        "thing at a time.",
        "What could you do by yourself to get through a hard moment, even for a little while? "
        "Think of things that have helped before, however small. Add one thing at a time.",
    ),
    (
        "Go for a short walk.",
        "Take a hot shower.",
        "Listen to a playlist that calms me.",
        "Hold something cold and breathe out slowly.",
        "Write down what I am feeling.",
        "Play a game on my phone.",
    ),
    (
        text_collector(
            "coping",
            "Things I can do on my own",
            "one thing you can do on your own",
            same("Type one thing on each line."),
        ),
    ),
    barrier_check=True,
)

DISTRACTION = GuideStep(
    "distraction",
    (
        "Ask who they enjoy being around, and where they can go, that helps them feel a bit "
        "better for a while.",
        "This is about company and a change of scene, not about talking through the crisis.",
        "Aim for more than one place, somewhere safe and easy to reach.",
    ),
    Voiced(
        "Who or where helps you feel a bit better for a while? Think of people who take your "
        "mind off things without needing to talk about how you feel, and places where you can "
        "be around others. Try to think of more than one place. The person with you can help "
        "you remember names and numbers.",
        "Who or where helps you feel a bit better for a while? Think of people who take your "
        "mind off things without needing to talk about how you feel, and places where you can "
        "be around others. Try to think of more than one place. You can come back and add more "
        "later.",
    ),
    (
        "My cousin Jo, who always has something funny to say.",
        "A busy café.",
        "The library.",
        "My neighbour, for a cup of tea.",
        "The park where people walk their dogs.",
        "The gym.",
    ),
    (
        Collector(
            "distraction_people",
            "contact",
            "People",
            same("First, people. Type the name of someone who takes your mind off things."),
            (
                EntryField("name", "Name", "Type their name.", required=True),
                PHONE,
            ),
            "the name of a person",
        ),
        Collector(
            "distraction_places",
            "place",
            "Places",
            same("Now places. Type the name of a place where you can be around others."),
            (
                EntryField("name", "Place", "Type the name of the place.", required=True),
                EntryField(
                    "address",
                    "Where it is",
                    "Where is it? Press Enter to leave it empty.",
                ),
            ),
            "the name of a place",
        ),
    ),
    barrier_check=True,
)

HELP = GuideStep(
    "help",
    (
        "Ask who they could tell that they are struggling, and how they would reach each person.",
        "Check the numbers now, while it is calm.",
    ),
    Voiced(
        "Who could you tell that you are struggling? Think of people you trust enough to reach "
        "out to when taking your mind off things is not enough. Say why you chose them if you "
        "like; it can help to hear it.",
        "Who could you tell that you are struggling? Think of people you trust enough to reach "
        "out to when taking your mind off things is not enough.",
    ),
    (
        "My sister Amy.",
        "My friend from work, Dev.",
        "My sponsor.",
        "My youth worker.",
    ),
    (
        Collector(
            "help_contacts",
            "contact",
            "People I can ask for help",
            same("Type the name of someone you could ask for help."),
            (
                EntryField("name", "Name", "Type their name.", required=True),
                PHONE,
                EntryField(
                    "relationship",
                    "Who they are to you",
                    "Who are they to you, for example friend or sister? Press Enter to leave "
                    "it empty.",
                ),
            ),
            "the name of a person",
        ),
    ),
    barrier_check=True,
)
