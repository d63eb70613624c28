"""`idc-desktop scan`: identifier findings in text, for scripts and for checking a file by hand."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from idc_desktop.domain.errors import InputError
from idc_desktop.privacy import scan
from idc_desktop.domain import wording


def read_text(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror}).") from exc
        where = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}).") from exc


def cmd_scan(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    findings = scan(text)
    if args.json:
        print(json.dumps(
            [{"kind": f.kind, "start": f.start, "end": f.end, "text": f.text} for f in findings],
            ensure_ascii=False, indent=2,
        ))
    else:
        for f in findings:
            line = text.count("\n", 0, f.start) + 1
            print(f"line {line}: {f.label}: {f.text}")
        print(wording.count(len(findings), "finding"), file=sys.stderr)
    return 1 if findings else 0
