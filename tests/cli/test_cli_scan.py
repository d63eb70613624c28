"""`idc-desktop scan` as a user runs it: a real process; bounded input; output in linear time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from idc_desktop.cli_scan import MAX_SCAN_BYTES, line_numbers


def run(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "idc_desktop", "scan", *args], capture_output=True, input=stdin,
                          timeout=timeout)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "unexpected" not in err, err
    return err


def test_scan_reports_the_identifiers_of_issue_12_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Sarah shouted at the nurses.\nSeen on Ward 7 on 4 March.\nNI QQ 12 34 56 C\n", encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 1, result.stderr
    assert result.stdout.decode().splitlines() == [
        "line 1: Name: Sarah", "line 2: Ward, bay or bed: Ward 7", "line 2: Date of an event: 4 March",
        "line 3: National Insurance number: QQ 12 34 56 C",
    ]
    found = json.loads(run(str(path), "--json").stdout)
    assert [f["kind"] for f in found] == ["name", "ward", "day_month", "ni_number"]


def test_clean_text_exits_0() -> None:
    result = run("-", stdin="The team felt deskilled; the plan is a review in six weeks.\n".encode())
    assert result.returncode == 0 and result.stdout == b""


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/null", "."])
def test_devices_and_directories_are_refused_before_reading(name: str) -> None:
    err = one_line_error(run(name, timeout=20))
    assert "not a text file" in err


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    err = one_line_error(run(str(fifo), timeout=20))  # opening it would wait for a writer forever
    assert "pipe" in err


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_SCAN_BYTES + 1)
    err = one_line_error(run(str(big)))
    assert "larger than 16 MB" in err


def test_standard_input_is_read_with_a_bound() -> None:
    err = one_line_error(run("-", stdin=b"a" * (MAX_SCAN_BYTES + 10)))
    assert "more than 16 MB" in err


def test_a_missing_file_and_bad_encoding_get_one_line(tmp_path: Path) -> None:
    assert "cannot be read" in one_line_error(run(str(tmp_path / "nope.txt")))
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    assert "not UTF-8" in one_line_error(run(str(bad)))


def test_line_numbers_are_those_of_the_offsets() -> None:
    text = "a\nb Mr X\n\nc"
    assert line_numbers(text, [0, 2, 9, 10]) == [1, 2, 3, 4]


def _timed_scan(path: Path) -> float:
    started = time.perf_counter()
    result = run(str(path), timeout=300)
    assert result.returncode == 1
    return time.perf_counter() - started


def test_text_output_grows_linearly_with_many_findings(tmp_path: Path) -> None:
    # 17.11: "Mr. " repeated took 18 s at 1 MB and 68 s at 2 MB (a newline count per finding).
    # Judged by growth ratio, not by a wall-clock bound: doubling the input must not quadruple the time.
    line = "Mr. Smith said so.\n"
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(line * 10_000, encoding="utf-8")
    large.write_text(line * 40_000, encoding="utf-8")
    startup = min(_timed_scan_clean(tmp_path) for _ in range(2))
    t_small = _timed_scan(small) - startup
    t_large = _timed_scan(large) - startup
    assert t_large / max(t_small, 0.05) < 12, (t_small, t_large)  # 4x the input; quadratic would be ~16x


def _timed_scan_clean(tmp_path: Path) -> float:
    clean = tmp_path / "clean.txt"
    clean.write_text("nothing here\n", encoding="utf-8")
    started = time.perf_counter()
    run(str(clean))
    return time.perf_counter() - started


def test_findings_are_printed_with_control_characters_escaped(tmp_path: Path) -> None:
    """A finding may hold what a terminal obeys (a web address runs to the next space, escapes
    and all): printed escaped, as every other command prints text; JSON keeps the same value."""
    path = tmp_path / "hostile.txt"
    url = "https://evil.example.com/\x1b]0;pwned\x07\x9b31m"
    path.write_text(f"Seen by Mr\tJohn\tSmith\nsee {url} now\n", encoding="utf-8")
    text = run(str(path))
    assert text.returncode == 1
    shown = text.stdout.decode()
    assert not any(c in shown for c in "\x1b\x07\x9b\t"), repr(shown)
    assert "Mr\\tJohn\\tSmith" in shown and "https://evil.example.com/\\x1b]0;pwned\\x07\\x9b31m" in shown
    assert shown.count("\n") == 2  # one line per finding
    listed = run(str(path), "--json")
    assert not any(c in listed.stdout.decode() for c in "\x1b\x07\x9b"), repr(listed.stdout)
    assert url in [f["text"] for f in json.loads(listed.stdout)]
