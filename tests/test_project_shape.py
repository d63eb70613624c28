"""The project's own rules about its shape (issue 16): docs that stand alone, small files."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400


def _project_files(*patterns: str) -> list[Path]:
    found: list[Path] = []
    for folder in ("src", "tests", "benchmarks", "docs", "packaging"):
        for pattern in patterns:
            found += (ROOT / folder).rglob(pattern)
    return [*found, ROOT / "README.md", ROOT / "CHANGELOG.md"]


def test_no_file_cites_a_design_document_the_repository_does_not_hold() -> None:
    this = Path(__file__).resolve()
    citing = [str(p.relative_to(ROOT)) for p in _project_files("*.py", "*.md")
              if p.resolve() != this and "DESIGN.md" in p.read_text(encoding="utf-8")]
    assert citing == []


def test_no_source_file_is_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "src").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
