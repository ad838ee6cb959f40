"""The build check of the shipped crisis directory: every data file validated by the pydantic
models, the files merged by the same code the app uses, and every record built at run time from the
raw JSON equal to the record the models give. ``make lint`` runs it (``python -m
safeplan.core.crisis.check``) and a test calls :func:`problems`.

Run time reads the shipped JSON without pydantic (see :mod:`safeplan.core.crisis.directory`), so
this check is what makes that safe: data that would not pass the models never ships.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from pydantic import BaseModel, ValidationError

from safeplan.core.crisis import entries, models
from safeplan.core.crisis.directory import (
    DATA_FILES,
    DirectoryError,
    merge_files,
    read_builtin,
)


def _differences(
    kind: str,
    raws: Iterable[tuple[str, Any]],
    model: type[BaseModel],
    plain: Callable[[Any], object],
) -> list[str]:
    """Where the plain record built from the raw JSON differs from the validated one: a value the
    models would change (such as spaces they strip), or a field the plain record leaves out."""
    found: list[str] = []
    for key, raw in raws:
        checked = model.model_validate(raw).model_dump(mode="json")
        built = entries.as_json(plain(raw))
        if built != checked:
            wrong = sorted(
                k for k in checked.keys() | built.keys() if checked.get(k) != built.get(k)
            )
            found.append(f"{kind} {key}: the plain record differs from the models in {wrong}")
    return found


def problems() -> list[str]:
    """Everything wrong with the shipped data, in words (empty when it is sound)."""
    found: list[str] = []
    files = []
    for name in DATA_FILES:
        raw = read_builtin(name)
        try:
            models.DirectoryFile.model_validate(raw)
        except ValidationError as exc:
            found.append(f"{name}: {exc.error_count()} records break the rules:\n{exc}")
            continue
        files.append(raw)
    if found:
        return found
    try:
        d = merge_files((f, False) for f in files)
    except DirectoryError as exc:
        return [f"the data files do not fit together: {exc}"]
    services = [(r["id"], r) for rows in d.raw_services.values() for r in rows]
    found += _differences(
        "service", services, models.Service, partial(entries.build, entries.Service)
    )
    found += _differences(
        "emergency record",
        d.raw_emergency.items(),
        models.Emergency,
        partial(entries.build, entries.Emergency),
    )
    found += _differences(
        "directory",
        ((r["id"], r) for r in d.raw_international),
        models.InternationalDirectory,
        partial(entries.build, entries.InternationalDirectory),
    )
    found += _differences(
        "source", d.raw_sources.items(), models.Source, partial(entries.build, entries.Source)
    )
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(f"crisis directory: {line}", file=sys.stderr)
    if not found:
        print("crisis directory: every shipped record passes the models and loads the same plain.")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
