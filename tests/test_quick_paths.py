"""The quick paths (`safeplan crisis`, `overdose`, `combo`) stay light: run as a person runs them,
they load neither the full-screen app nor the vault code nor (for crisis help) pydantic, and only
their own command module. The plain records they read are the validated ones, field for field.

Speed itself is measured by `make bench` (bench/bench_quick.py), never asserted here: shared
machines are noisy. What is asserted is what makes the speed: what gets imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safeplan.cli.main import COMMAND_MODULES, build_parser
from safeplan.cli.quick import QUICK_COMMANDS, command_word, modules_for, only_global_options
from safeplan.core.crisis import check, countries
from safeplan.core.crisis.directory import builtin_directory, country_names
from tests.conftest import subprocess_env

ROOT = Path(__file__).resolve().parents[1]

NEVER_ON_A_QUICK_PATH = (
    "textual",
    "rich",
    "cryptography",
    "filelock",
    "safeplan.tui",
    "safeplan.core.vault",
    "safeplan.core.envelope",
    "safeplan.core.store",
)

# Runs the real entry point, then reports what it loaded (the report goes to a file so that the
# command's own output is left as it is).
LOADED = """
import json, sys
from safeplan.cli.main import main
try:
    code = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w", encoding="utf-8") as report:
        json.dump(sorted(sys.modules), report)
raise SystemExit(code)
"""


def loaded_by(tmp_path: Path, *args: str, **env: str) -> tuple[list[str], str]:
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", LOADED, str(report), *args],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path, **env),
        cwd=ROOT,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    modules: list[str] = json.loads(report.read_text(encoding="utf-8"))
    return modules, result.stdout


def heavy(modules: list[str]) -> list[str]:
    return [
        m for m in modules if any(m == h or m.startswith(h + ".") for h in NEVER_ON_A_QUICK_PATH)
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("crisis", "--country", "GB"),
        ("crisis", "--country", "United Kingdom"),
        ("crisis",),
        ("crisis", "--all", "--country", "US"),
        ("--vault", "/nowhere/vault.json", "crisis", "--country", "AU"),
    ],
    ids=lambda a: " ".join(a),
)
def test_crisis_help_loads_no_app_no_vault_and_no_pydantic(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    modules, out = loaded_by(tmp_path, *args)
    assert heavy(modules) == []
    assert not [m for m in modules if m.split(".")[0] == "pydantic"]
    assert "dataclasses" not in modules  # with inspect, more than a tenth of Python's own start
    commands = [m for m in modules if m.startswith("safeplan.cli.commands.")]
    assert commands == ["safeplan.cli.commands.crisis"]
    assert "call" in out.lower()  # it still shows help


QUICK_ARGS = {
    "overdose": ("overdose",),
    "combo": ("combo", "alcohol", "opioids"),
    "learn": ("learn", "naloxone"),
}


@pytest.mark.parametrize("command", sorted(QUICK_ARGS))
def test_overdose_combo_and_learn_load_no_app_and_no_vault(tmp_path: Path, command: str) -> None:
    if QUICK_COMMANDS[command] not in COMMAND_MODULES:
        pytest.skip(f"`safeplan {command}` is not part of this safeplan yet")
    args = QUICK_ARGS[command]
    modules, _ = loaded_by(tmp_path, *args)
    assert heavy(modules) == []
    if command != "learn":  # learn's cards are pydantic records, and pydantic uses dataclasses
        assert "dataclasses" not in modules
    commands = [m for m in modules if m.startswith("safeplan.cli.commands.")]
    assert commands == [QUICK_COMMANDS[command]]


def test_a_local_override_file_is_still_checked_by_the_models(tmp_path: Path) -> None:
    local = tmp_path / "crisis-local.json"
    local.write_text(json.dumps({"schema_version": 1, "services": [{"id": "gb-x"}]}))
    modules, out = loaded_by(
        tmp_path, "crisis", "--country", "GB", SAFEPLAN_CRISIS_OVERRIDES=str(local)
    )
    assert "pydantic" in modules  # a person's own file is validated, not trusted
    assert heavy(modules) == []
    assert "Samaritans" in out  # the built-in lines are shown as they are


def test_every_shipped_record_loads_plain_exactly_as_the_models_read_it() -> None:
    assert check.problems() == []


def test_the_check_finds_a_record_the_models_would_change(monkeypatch: pytest.MonkeyPatch) -> None:
    from safeplan.core.crisis import directory

    real = directory.read_builtin

    def padded(name: str) -> dict[str, object]:
        data = json.loads(json.dumps(real(name)))
        if data.get("services"):
            data["services"][0]["name"] = "  " + data["services"][0]["name"]  # models strip it
        return data

    monkeypatch.setattr(check, "read_builtin", padded)
    found = check.problems()
    assert len(found) == 1 and "['name']" in found[0]


def test_runtime_reads_build_records_for_one_country_only() -> None:
    fresh = builtin_directory()._replace(built={})
    assert [s.id for s in fresh.services_for("GB")][0] == "gb-samaritans"
    assert list(fresh.built) == ["services:GB"]


@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
def test_a_typed_code_resolves_the_same_with_or_without_the_name_index(case: object) -> None:
    index = countries._index()
    for code in country_names():
        typed = case(code)  # type: ignore[operator]
        assert countries.match_country(typed).code == code
        assert countries._lookup(typed, index) == code, code


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["crisis"], "crisis"),
        (["--vault", "crisis", "checkin"], "checkin"),  # "crisis" is the vault's path here
        (["--demo", "crisis", "--country", "GB"], "crisis"),
        (["--passphrase-file", "-", "overdose"], "overdose"),
        (["--help", "crisis"], None),
        ([], None),
        (["--version"], None),
    ],
)
def test_the_command_word_skips_global_options_and_their_values(
    argv: list[str], word: str | None
) -> None:
    assert command_word(argv) == word


def test_only_a_quick_command_gets_a_smaller_parser() -> None:
    assert modules_for(["crisis", "--country", "GB"], COMMAND_MODULES) == (
        "safeplan.cli.commands.crisis",
    )
    assert modules_for(["checkin"], COMMAND_MODULES) is COMMAND_MODULES
    assert modules_for(["--help"], COMMAND_MODULES) is COMMAND_MODULES
    assert modules_for(["crisis"], ("safeplan.cli.commands.plan",)) == (
        "safeplan.cli.commands.plan",
    )


def _subcommand_help(modules: tuple[str, ...] | None, name: str) -> str:
    parser = build_parser() if modules is None else build_parser(modules)
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices[name].format_help()  # type: ignore[index]


@pytest.mark.parametrize("name", [n for n, m in QUICK_COMMANDS.items() if m in COMMAND_MODULES])
def test_a_quick_commands_parser_is_the_one_the_full_parser_builds(name: str) -> None:
    assert _subcommand_help((QUICK_COMMANDS[name],), name) == _subcommand_help(None, name)


@pytest.mark.parametrize(
    ("argv", "alone"),
    [
        ([], True),
        (["--vault", "v.json"], True),
        (["--vault=v.json", "--demo"], True),
        (["--plain", "--passphrase-file", "-"], True),
        (["--vault"], False),  # the value is missing: the full parser says so
        (["--help"], False),
        (["--version"], False),
        (["--bogus"], False),
        (["crisis"], False),
    ],
)
def test_the_app_needs_no_command_modules_with_global_options_alone(
    argv: list[str], alone: bool
) -> None:
    assert only_global_options(argv) is alone
    assert (modules_for(argv, COMMAND_MODULES) == ()) is alone


# What starting the full-screen app imports before its first screen: the command line's parser
# for `safeplan` alone, the app and the two first screens. The vault models (pydantic) and the
# vault code come later, in the background (safeplan.tui.warm_up).
APP_START = """
import json, sys
from safeplan.cli.main import parse_args
parse_args(["--vault", "v.json"])
import safeplan.cli.launch, safeplan.tui.launch, safeplan.tui.app
import safeplan.tui.screens.unlock, safeplan.tui.screens.welcome
print(json.dumps(sorted(sys.modules)))
"""


def test_the_app_reaches_its_first_screen_without_pydantic_or_the_vault(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", APP_START],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path),
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout)
    assert "textual" in modules
    early = [
        m
        for m in modules
        if m.split(".")[0] in ("pydantic", "cryptography", "filelock")
        or m.startswith(("safeplan.core.models", "safeplan.core.vault", "safeplan.cli.commands."))
    ]
    assert early == []


def test_the_warm_up_loads_the_vault_code() -> None:
    code = (
        "import sys\n"
        "from safeplan.tui.warm_up import warm_up\n"
        "warm_up()\n"
        "assert 'safeplan.core.vault' in sys.modules and 'pydantic' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
