"""The "examples:" section at the end of every command's --help (review K1).

One table, keyed by the command's words, so that every command has real examples without each
command module repeating the formatting. A test parses every example with the real parser, so an
example that no longer works fails the build. A command that sets its own epilog keeps it.
"""

from __future__ import annotations

import argparse

from safeplan.cli.common import ExamplesFormatter

EXAMPLES: dict[str, tuple[str, ...]] = {
    "crisis": (
        "safeplan crisis                        # crisis lines now, no passphrase",
        "safeplan crisis --country Ireland",
        "safeplan crisis --mine                 # with your own people (asks the passphrase)",
    ),
    "crisis card": (
        "safeplan crisis card --country GB -o help-card.txt",
        'safeplan crisis card -o card.txt --add "Sam: 07700 900132"',
    ),
    "crisis countries": ("safeplan crisis countries",),
    "overdose": (
        "safeplan overdose                      # what to do now, step by step",
        "safeplan overdose --country CA -o overdose-steps.txt",
    ),
    "combo": (
        "safeplan combo alcohol diazepam",
        'safeplan combo "methadone, alprazolam"',
    ),
    "country": (
        "safeplan country                       # which country is used, and why",
        "safeplan country Ireland",
        "safeplan country --clear",
    ),
    "vault check": ("safeplan vault check", "safeplan vault check --vault /media/usb/vault.json"),
    "vault info": ("safeplan vault info",),
    "backup list": ("safeplan backup list",),
    "guide": (
        "safeplan guide                         # step by step, saved as you go",
        "safeplan guide --plain --voice on-my-own",
        "safeplan guide --ephemeral             # nothing kept unless you choose at the end",
    ),
    "plan show": ("safeplan plan show", "safeplan plan show --width 60"),
    "plan use": ("safeplan plan use                      # one step at a time, when it is hard",),
    "plan review": ("safeplan plan review                   # mark the plan as looked over today",),
    "plan history": (
        "safeplan plan history",
        "safeplan plan history --show 2",
        "safeplan plan history --diff 1",
    ),
    "harm-reduction": ("safeplan harm-reduction --show",),
    "export": (
        "safeplan export -f text -o my-plan.txt",
        "safeplan export -f card --width 60 -o wallet-card.txt",
        "safeplan export -f json -o vault-copy.json   # everything, NOT encrypted",
    ),
    "print": ("safeplan print", "safeplan print --printer office --width 70"),
    "import": (
        "safeplan import --merge vault-copy.json",
        "safeplan import --replace --yes vault-copy.json",
    ),
    "checkin": (
        "safeplan checkin                       # asks each question",
        'safeplan checkin --mood 6 --sleep 7.5 --note "Slept better."',
        "safeplan checkin --mood 3 --anxiety 7 --tag work --at yesterday",
    ),
    "use": (
        "safeplan use                           # asks each question",
        "safeplan use --substance alcohol --amount 4 --unit drinks --alone no",
    ),
    "log": (
        "safeplan log                           # the last 30 days",
        "safeplan log --since all --kind use",
        "safeplan log --format csv -o my-log.csv",
    ),
    "log edit": ("safeplan log edit 1c33 --mood 6", "safeplan log edit 1c33 --clear note"),
    "log delete": ("safeplan log delete 1c33", "safeplan log delete 1c33 -y"),
    "trends": ("safeplan trends", "safeplan trends --days 7 --plain"),
    "selfcheck phq9": (
        "safeplan selfcheck phq9",
        "safeplan selfcheck phq9 --answers 0,1,0,2,0,0,1,0,0",
    ),
    "selfcheck gad7": (
        "safeplan selfcheck gad7",
        "safeplan selfcheck gad7 --answers 1,1,0,2,0,1,0",
    ),
    "selfcheck history": ("safeplan selfcheck history",),
    "learn": ("safeplan learn", "safeplan learn naloxone --country GB"),
    "breathe": ("safeplan breathe", "safeplan breathe --minutes 3 --in 4 --out 6"),
    "ground": ("safeplan ground",),
    "urge": ("safeplan urge", "safeplan urge --minutes 10"),
    "hope show": ("safeplan hope show", "safeplan hope show --numbered"),
    "hope add": (
        'safeplan hope add "You got through last winter."',
        'safeplan hope add --kind said --who Sam "I am glad you are here."',
    ),
    "hope remove": ("safeplan hope remove 2",),
    "tools links": ("safeplan tools links",),
    "tools link": ("safeplan tools link 1 breathe         # step 1 of your plan opens breathe",),
    "tools unlink": ("safeplan tools unlink 1",),
    # Commands that only gather others: one example of each of theirs.
    "vault": ("safeplan vault check", "safeplan vault info"),
    "backup": ("safeplan backup list", "safeplan backup restore 1"),
    "plan": ("safeplan plan show", "safeplan plan use", "safeplan plan history"),
    "selfcheck": ("safeplan selfcheck phq9", "safeplan selfcheck history"),
    "hope": ("safeplan hope show", 'safeplan hope add "You got through last winter."'),
    "tools": ("safeplan tools links", "safeplan tools link 1 breathe"),
}


def attach(parser: argparse.ArgumentParser, words: str = "") -> None:
    """Give every command under ``parser`` its examples (a command with its own epilog keeps it)."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            key = f"{words} {name}".strip()
            lines = EXAMPLES.get(key)
            if lines and sub.epilog is None:
                sub.epilog = "examples:\n" + "\n".join(f"  {line}" for line in lines)
                own = sub.formatter_class
                if not (isinstance(own, type) and issubclass(own, ExamplesFormatter)):
                    sub.formatter_class = type("Examples", (ExamplesFormatter, own), {})
            attach(sub, key)
