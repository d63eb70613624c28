"""`idc-desktop scan`: identifier findings in text, for scripts and for checking a file by hand.

Input is bounded: a regular file or standard input of at most MAX_SCAN_BYTES. Anything else (a
directory, a device such as /dev/zero, a FIFO, a bigger file) is refused with one line, exit 2,
before a byte is read, so no input can hang the command or fill memory.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys

from idc_desktop.domain.errors import InputError
from idc_desktop.exits import json_terminal_safe, terminal_safe
from idc_desktop.privacy import scan
from idc_desktop.domain import wording

# 16 MB: far beyond any case log's text (a whole log exports to a few MB of JSON), small enough
# that a scan takes seconds and its findings fit in memory.
MAX_SCAN_BYTES = 16 * 1024 * 1024
_LIMIT = f"{MAX_SCAN_BYTES // (1024 * 1024)} MB"

_NOT_REGULAR = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_unless_regular(name: str, mode: int) -> None:
    for test, what in _NOT_REGULAR:
        if test(mode):
            raise InputError(f"{name}: is {what}, not a text file; give a regular file, or - for standard input.")
    if not stat.S_ISREG(mode):
        raise InputError(f"{name}: not a regular file.")


def _read_file(name: str) -> bytes:
    try:
        # stat first: opening a FIFO would block until a writer comes, and reading a device never ends.
        _refuse_unless_regular(name, os.stat(name).st_mode)
        with open(name, "rb") as f:
            _refuse_unless_regular(name, os.fstat(f.fileno()).st_mode)  # it may have been swapped since
            data = f.read(MAX_SCAN_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror}).") from exc
    if len(data) > MAX_SCAN_BYTES:
        raise InputError(f"{name}: larger than {_LIMIT}; scan it in parts (for example with split).")
    return data


def read_text(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_SCAN_BYTES + 1)
        where = "standard input"
        if len(data) > MAX_SCAN_BYTES:
            raise InputError(f"standard input: more than {_LIMIT}; scan it in parts (for example with split).")
    else:
        data = _read_file(name)
        where = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}).") from exc


def line_numbers(text: str, offsets: list[int]) -> list[int]:
    """The 1-based line of each offset (sorted, as scan returns them): the newlines between one
    finding and the next are counted once, so the whole text is read once, however many findings."""
    lines, line, pos = [], 1, 0
    for offset in offsets:
        line += text.count("\n", pos, offset)
        pos = offset
        lines.append(line)
    return lines


def cmd_scan(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    findings = scan(text)
    # Findings are pieces of the input, which may hold what a terminal obeys: escaped as every
    # command prints text (JSON: the same values, with DEL and C1 controls \u-escaped too).
    if args.json:
        print(json_terminal_safe(json.dumps(
            [{"kind": f.kind, "start": f.start, "end": f.end, "text": f.text} for f in findings],
            ensure_ascii=False, indent=2,
        )))
    else:
        lines = line_numbers(text, [f.start for f in findings])
        sys.stdout.write("".join(f"line {line}: {f.label}: {terminal_safe(f.text)}\n"
                                 for line, f in zip(lines, findings)))
        print(wording.count(len(findings), "finding"), file=sys.stderr)
    return 1 if findings else 0
