"""Sending the printable plan to the system's printer through ``lp`` (CUPS) or ``lpr`` (BSD).

The text goes to the printing command on its standard input: no temporary file is ever written by
safeplan. (The printing system itself keeps the job in its queue until it is printed.)
"""

from __future__ import annotations

import shutil
import subprocess

PRINT_TIMEOUT_SECONDS = 60

NO_PRINTER = (
    "There is no printing system on this computer (neither `lp` nor `lpr` was found). "
    "You can show the plan with `safeplan plan show` and copy it, or save a copy with "
    "`safeplan export --format text --output FILE` and print that from another program."
)


def print_command(printer: str | None = None) -> list[str] | None:
    """The command that prints standard input, or None when there is no printing system."""
    lp = shutil.which("lp")
    if lp:
        return [lp, "-s", *(["-d", printer] if printer else [])]
    lpr = shutil.which("lpr")
    if lpr:
        return [lpr, *(["-P", printer] if printer else [])]
    return None


def send_to_printer(
    text: str, printer: str | None = None, *, what: str = "Your plan"
) -> tuple[bool, str]:
    """Print ``text`` (``what`` names it for the person: "Your plan", "The overdose card").
    Returns whether it was accepted, and a sentence to show the person."""
    command = print_command(printer)
    if command is None:
        return False, NO_PRINTER
    name = command[0].rsplit("/", 1)[-1]
    try:
        result = subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=PRINT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False, (
            f"The printing system (`{name}`) did not answer. Nothing was printed. "
            "Check that a printer is set up, then try again."
        )
    if result.returncode != 0:
        return False, (
            f"The printing system (`{name}`) did not accept {what[0].lower() + what[1:]} (it "
            f"stopped with code "
            f"{result.returncode}). Check that a printer is set up, for example with `lpstat -p`, "
            "then try again."
        )
    return True, (
        f"{what} was sent to the printer. The paper copy is not protected: keep it somewhere "
        "you choose."
    )
