"""Rooms of a size to live in: no source file in src/ over 400 lines.

A file that grows past this is split along its natural seams (see docs/architecture.md), not
squeezed. The message lists every file over the limit with its length, longest first.
"""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_LINES = 400


def too_long(root: Path, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """The Python files under ``root`` with more than ``limit`` lines, longest first."""
    found = []
    for path in root.rglob("*.py"):
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        if lines > limit:
            found.append((path.relative_to(root).as_posix(), lines))
    return sorted(found, key=lambda item: (-item[1], item[0]))


def test_no_file_in_src_is_over_400_lines() -> None:
    offenders = too_long(SRC)
    listing = "\n".join(f"  {lines:>5} lines  {name}" for name, lines in offenders)
    assert not offenders, f"Files over {MAX_LINES} lines (split them along their seams):\n{listing}"


def test_the_rule_finds_a_long_file_and_counts_its_lines(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "long.py").write_text("x = 1\n" * 401)
    (tmp_path / "pkg" / "exact.py").write_text("x = 1\n" * 400)
    (tmp_path / "pkg" / "no_newline_at_end.py").write_text("x = 1\n" * 400 + "y = 2")
    (tmp_path / "notes.txt").write_text("x\n" * 999)
    assert too_long(tmp_path) == [("pkg/long.py", 401), ("pkg/no_newline_at_end.py", 401)]
