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


def test_nothing_but_the_launcher_imports_the_main_window() -> None:
    """The areas' controllers share ui/shell/context.py; the window is the shell around them
    (its own setupUi-like main_window_ui.py aside)."""
    shell = {"launch.py", "main_window.py", "main_window_ui.py"}
    importing = [str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("*.py")
                 if p.name not in shell and "ui.main_window import" in p.read_text(encoding="utf-8")]
    assert importing == []


def test_no_area_reaches_into_the_window_or_injects_actions_into_it() -> None:
    """What the review found (issue 16.1): helpers reading `window.services/editor/library/...`,
    `act_*` attributes set from another file, a dispatch by method name."""
    ui = ROOT / "src" / "idc_desktop" / "ui"
    reaching = []
    for path in ui.rglob("*.py"):
        if path.name in {"main_window.py", "main_window_ui.py", "launch.py"}:
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("window.services", "window.editor", "window.library", "window.pages", "window.case_view",
                       "window.act_", "_library_call"):
            if needle in text:
                reaching.append(f"{path.relative_to(ui)}: {needle}")
    assert reaching == []
