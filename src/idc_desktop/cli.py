"""Headless subcommands. Never imports Qt: these run on servers and in scripts.

Exit codes (README, "Command line"): 0 success; 1 a check found something; 2 bad usage or input;
3 the store cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from idc_desktop.domain import CaseFilter
from idc_desktop.domain.errors import InputError, StoreWriteError
from idc_desktop.export.files import write_atomically
from idc_desktop.paths import disk_is_full, make_private_dir, resolve_data_dir
from idc_desktop.services import Services, open_services
from idc_desktop.services.exporting import PdfKind, parse_session_choice
from idc_desktop.services.health import check_store
from idc_desktop.services.transfer import OnConflict
from idc_desktop.store.lock import StoreLock
from idc_desktop.cli_passphrase import cmd_protection, with_passphrase

from idc_desktop.exits import EXIT_FOUND, EXIT_OK, EXIT_STORE, EXIT_USAGE, fail, refuse_findings  # noqa: F401 - re-exported
from idc_desktop.exits import json_terminal_safe, terminal_safe
from idc_desktop.domain import wording


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def cmd_cases(args: argparse.Namespace, services: Services) -> int:
    rows = services.cases.list(CaseFilter(text=args.search))
    if args.json:
        payload = [
            {
                "code": r.code, "specialty": r.specialty, "setting": r.setting.value,
                "life_stage": r.life_stage.value, "status": r.status.value, "sessions": r.sessions,
                "last_session": _iso(r.last_session), "next_review": _iso(r.next_review),
            }
            for r in rows
        ]
        print(json_terminal_safe(json.dumps(payload, ensure_ascii=False, indent=2)))
        return EXIT_OK
    header = ("CODE", "SPECIALTY", "STATUS", "SESSIONS", "NEXT REVIEW")
    table = [header] + [
        (terminal_safe(r.code), terminal_safe(r.specialty), wording.term(r.status), str(r.sessions), wording.day(r.next_review, "-"))
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(wording.count(len(rows), "case"), file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, services: Services) -> int:
    with StoreLock(services.store.data_dir):
        try:
            report = services.transfer.import_file(Path(args.file), OnConflict(args.on_conflict))
        except StoreWriteError as exc:  # the window's wording promises a retry; a command does not retry
            if exc.reason == "busy":
                raise StoreWriteError("The case log is busy: another program is writing to it. Nothing was "
                                      "imported; try again when it has finished.", exc.reason) from exc
            if exc.reason == "full":
                raise StoreWriteError("The disk is full: nothing was imported.", exc.reason) from exc
            if exc.reason == "readonly":
                raise StoreWriteError(f"The case log {services.store.path} is read-only: nothing was imported "
                                      "(make it writable, or import into another data folder).", exc.reason) from exc
            raise
    print(terminal_safe(report.describe()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, services: Services) -> int:
    exports = services.exports
    if args.format == "csv":
        if args.code.lower() != "all":
            raise InputError("CSV export covers the whole log: use 'all' as the code.")
        bundles = exports.all_bundles()
        findings = exports.csv_findings(bundles)  # the specialty and the items' labels it prints
        data, default_name = exports.csv_log(bundles), "idc-case-log.csv"
    else:
        choice = parse_session_choice(args.session, "latest" if args.format == "pdf" else "all")
        if args.format == "json" and choice != "all":
            raise InputError("JSON export writes the whole case: --session must be 'all' or left out.")
        selection = exports.select(args.code, choice)
        code = selection.bundle.case.code
        if args.format == "pdf":
            kind = PdfKind.HANDOUT if args.handout else PdfKind.SUMMARY
            findings = exports.pdf_findings(selection, kind)  # only what this PDF prints
            data, default_name = exports.pdf(selection, kind, args.paper), f"{code}.pdf"
        else:  # the lead's own JSON file carries everything, the private reflection too
            findings = exports.findings_for(selection, include_private=True)
            data, default_name = exports.json([code]), f"{code}.json"
    if findings and not args.allow_findings:
        return refuse_findings(findings, "export")
    output = Path(args.output or default_name)
    write_atomically(output, data)
    print(terminal_safe(f"wrote {output}"))
    if services.store.key is not None:  # the passphrase protects the log and its backups, not what leaves them
        print(terminal_safe(f"note: {output} is a plain file, not protected by the log's passphrase"), file=sys.stderr)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, services: Services) -> int:
    output = Path(args.output) if args.output else None
    try:
        target = services.backups.back_up_now(output)
    except OSError as exc:
        where = output or services.backups.folder
        if disk_is_full(where, exc):
            raise InputError(f"The disk is full: the backup {where} cannot be written until space is freed "
                             "(nothing was left behind).") from exc
        raise InputError(f"{where}: the backup could not be written ({exc.strerror or exc}).") from exc
    print(terminal_safe(f"backed up to {target} (checked)"))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    """Restore with the store closed and locked: nothing else may write while it is swapped."""
    from idc_desktop.services.restoring import restore

    backup = Path(args.path)
    with StoreLock(make_private_dir(data_dir)):
        kept = with_passphrase(args, lambda key: restore(data_dir, backup, key))
    if kept is not None and ".damaged-" in kept.name:
        print(terminal_safe(f"the damaged log is kept, untouched, as {kept}"))
    elif kept is not None:
        print(terminal_safe(f"the log as it was is saved in {kept}"))
    print(terminal_safe(f"restored {backup}"))
    return EXIT_OK


def cmd_report(args: argparse.Namespace, services: Services) -> int:
    from idc_desktop.cli_report import cmd_report as report

    return report(args, services)


COMMANDS: dict[str, Callable[[argparse.Namespace, Services], int]] = {
    "report": cmd_report,
    "cases": cmd_cases,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
}


def run_command(args: argparse.Namespace) -> int:
    if args.command == "scan":
        from idc_desktop.cli_scan import cmd_scan

        return cmd_scan(args)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "check":
        report = with_passphrase(args, lambda key: check_store(make_private_dir(data_dir), key))
        for line in report.lines():
            print(terminal_safe(line))
        return EXIT_OK if report.ok else EXIT_FOUND
    if args.command == "restore":
        return cmd_restore(args, data_dir)
    if args.command in ("protect", "rekey", "unprotect"):
        return cmd_protection(args, data_dir)
    services = with_passphrase(args, lambda key: open_services(data_dir, key=key))
    try:
        return COMMANDS[args.command](args, services)
    finally:
        services.close()


