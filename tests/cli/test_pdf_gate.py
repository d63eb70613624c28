"""The command line's PDF gate lists only what the PDF about to be written prints."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run


def _case_with_a_name_in_the_presentation(tmp_path: Path) -> Path:
    document = {
        "format": "idc-desktop.cases", "version": 1,
        "cases": [{
            "code": "IDC-G4TE", "specialty": "Renal",
            "sessions": [{"held_on": "2026-03-04", "notes": {"presentation": "Mrs Okafor was admitted again."},
                          "plan": {"stance": "Stay steady."}},
                         {"held_on": "2026-04-01", "question": "What has changed?"}],
        }],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_name_the_summary_does_not_print_does_not_hold_it_back(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(_case_with_a_name_in_the_presentation(tmp_path)), data_dir=data_dir).returncode == 0

    for extra in (["--session", "1"], ["--session", "1", "--handout"]):  # neither prints the presentation
        out = tmp_path / f"summary{len(extra)}.pdf"
        result = run("export", "IDC-G4TE", "--format", "pdf", *extra, "-o", str(out), data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert out.exists()

    history = tmp_path / "history.pdf"  # the case history (both sessions) prints it: refused, and the finding named
    result = run("export", "IDC-G4TE", "--format", "pdf", "--session", "all", "-o", str(history), data_dir=data_dir)
    assert result.returncode == 1
    assert "presentation" in result.stderr and "Mrs Okafor" in result.stderr
    assert not history.exists()
