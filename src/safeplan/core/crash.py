"""Crash reports that never contain personal data (used by the CLI and the full-screen app).

A traceback's exception message and local values can contain what a person typed, so a report keeps
only the exception's type and the code locations (file, line, function) it passed through.
"""

from __future__ import annotations

import os
import platform
import traceback
from datetime import datetime
from pathlib import Path

from safeplan import __version__
from safeplan.core import errors
from safeplan.core.paths import crash_report_dir
from safeplan.core.private_files import write_private_file


def crash_report_text(exc: BaseException) -> str:
    lines = [
        f"safeplan {__version__} crash report",
        f"when: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python: {platform.python_version()} on {platform.system()} {platform.machine()}",
        f"error type: {type(exc).__module__}.{type(exc).__qualname__}",
        "(the error's message and all values are left out: they may contain personal words)",
        "where:",
    ]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_report(exc: BaseException, folder: Path | None = None) -> Path | None:
    folder = folder or crash_report_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}.txt"
        write_private_file(path, crash_report_text(exc), replace=True)
        return path
    except (OSError, errors.SafeplanError):
        return None  # the caller says so, after its own message
