"""The pages around the seven steps: the opening, the story of a recent crisis, the last questions
about the plan, and the follow-up. Every word is safeplan's own."""

from __future__ import annotations

from safeplan.core.guide.pages import (
    LIKELIHOOD,
    AfterPlanPage,
    OpeningPage,
    Question,
    StoryPage,
)
from safeplan.core.guide.words import OPENING, OPENING_HELPER, OPENING_TITLE, Voiced, same

OPENING_PAGE = OpeningPage(OPENING_TITLE, OPENING_HELPER, OPENING)

STORY = StoryPage(
    "What happened last time",
    (
        "Ask them to tell you, in their own time, what happened the last time things got this "
        "hard. Listen first.",
        "Notice what came first: a thought, a feeling, a place, something they did.",
        "Nothing they say is kept unless they choose it as a warning sign.",
    ),
    Voiced(
        "Before writing anything, it can help to tell what happened the last time things got "
        "very hard: what came first, and what happened next. You can skip this.",
        "Before writing anything, it can help to go over what happened the last time things got "
        "very hard: what came first, and what happened next. You can skip this.",
    ),
    Voiced(
        "Type one moment on each line, in order, if you like. Nothing here is saved unless you "
        "choose it.",
        "Type one moment on each line, in order, if you like. Nothing here is saved unless you "
        "choose it.",
    ),
    "Which of these would you like to keep as warning signs, the things that tell you to use "
    "your plan?",
    (
        "I had a row with my dad.",
        "I went to my room and stopped answering my phone.",
        "I started drinking on my own.",
    ),
)

AFTER_PLAN = AfterPlanPage(
    "About your plan",
    (
        "The plan is written. Ask how likely they are to use it, and what might get in the way.",
        "If the answer is maybe or not very likely, look for what would make it easier.",
        "Ask where they will keep it, and who should have a copy. It is their choice.",
    ),
    same("Your plan is written. A few last questions help make sure it is there when you need it."),
    (
        Question(
            "likelihood_of_use",
            "likelihood",
            "How likely I am to use this plan",
            same("How likely are you to use this plan when things get hard?"),
            LIKELIHOOD.facilitator,
        ),
        Question(
            "what_might_get_in_the_way",
            "text",
            "What might get in the way",
            same("What might get in the way of using it?"),
            "Ask what might stop them using the plan.",
            ("I might forget I have it.", "I might feel too low to read it."),
        ),
        Question(
            "way_round",
            "text",
            "My way around it",
            Voiced(
                "What could be a way around that? Think of it together.",
                "What could be a way around that?",
            ),
            "Look for a way around it together, in their words.",
            ("I will put a reminder on my phone.", "I will start with step 1 only."),
            only_after="what_might_get_in_the_way",
        ),
        Question(
            "where_kept",
            "text",
            "Where I keep it",
            same("Where will you keep your plan, so you can find it quickly?"),
            "Ask where they will keep it so it is easy to find in a hard moment.",
            ("In my wallet.", "A photo on my phone.", "On the fridge.", "In safeplan."),
        ),
        Question(
            "who_has_a_copy",
            "text",
            "Who has a copy",
            same("Who should have a copy of your plan, or know where it is?"),
            "Ask who should have a copy or know where it is. Nobody needs one.",
            ("My partner.", "My support worker.", "My doctor.", "Nobody for now."),
        ),
    ),
)

FOLLOW_UP = AfterPlanPage(
    "Looking at it again",
    (
        "Agree when you will look at the plan again, and how you will check in before then.",
        "Plans change: look again after any crisis, a stay in hospital, or a big change.",
    ),
    same("A plan works best when it is looked at again, after a while or after a hard time."),
    (
        Question(
            "follow_up_when",
            "text",
            "When I will look at it again",
            same("When would you like to look at your plan again?"),
            "Agree a time, and write it in their words.",
            ("In two weeks.", "After my next appointment.", "At the start of next month."),
        ),
        Question(
            "follow_up_with",
            "text",
            "Who I will look at it with",
            same("Who would you like to look at it with, or who could check in with you?"),
            "Ask who could check in, and agree how.",
            ("My support worker.", "My sister, on Sunday.", "On my own, with a cup of tea."),
        ),
    ),
)
