"""The command-line grammar (README, "Command line"), shared by the GUI launcher and the headless commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from idc_desktop import APP_NAME


class OneLineParser(argparse.ArgumentParser):
    """Bad usage gets one line on stderr naming the problem, and exit 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{APP_NAME}: {message} (see '{APP_NAME} --help')\n")
        raise SystemExit(2)


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs start-up time otherwise)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import idc_desktop

        parser.exit(message=f"{parser.prog} {idc_desktop.__version__}\n")


def parse_command_line(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line. Building every command's parser adds ~3 ms to start-up, and
    a double-click passes no command at all: the top-level options are read first, by the
    same grammar without its commands; a command, --help, or anything else those options do
    not take goes to the full grammar (and its messages)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    options, rest = build_parser(commands=False).parse_known_args(argv)
    return build_parser().parse_args(argv) if rest else options


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole grammar; with commands=False only the top-level options (no --help either,
    so that it falls through to the whole grammar's)."""
    parser = OneLineParser(
        prog=APP_NAME,
        description="Facilitate interpersonal dynamics consultations and keep an anonymised case log.",
        add_help=commands,
    )
    parser.add_argument("--version", action=_VersionAction)
    data_dir = dict(metavar="DIR", help="data directory (default: $IDC_DESKTOP_DATA_DIR or the platform's)")
    parser.add_argument("--data-dir", **data_dir)
    parser.add_argument("--demo", action="store_true", help="open a throwaway log seeded with demo cases")
    passphrase = dict(metavar="PATH", help="a file whose first line is the passphrase of a protected log "
                                           "(default: $IDC_DESKTOP_PASSPHRASE_FILE, else asked on a terminal)")
    parser.add_argument("--passphrase-file", **passphrase)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        # Accepted after the command too; SUPPRESS keeps the value given before it.
        p.add_argument("--data-dir", default=argparse.SUPPRESS, **data_dir)
        p.add_argument("--passphrase-file", default=argparse.SUPPRESS, **passphrase)
        return p

    cases = command("cases", "list the cases of the log")
    cases.add_argument("--search", metavar="TEXT", default="", help="only cases whose text matches")
    cases.add_argument("--json", action="store_true", help="print JSON instead of a table")

    imp = command("import", "import cases from an interchange JSON file (all or nothing)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--on-conflict", choices=("stop", "skip", "new-code"), default="stop",
                     help="a case whose code is already in the log: stop and import nothing (default), "
                          "skip it, or import it under a new code")

    exp = command("export", "export a case as a PDF summary or interchange JSON (or the log as CSV)")
    exp.add_argument("code", metavar="CODE", help="the case code ('all' with --format csv)")
    exp.add_argument("--format", choices=("pdf", "json", "csv"), required=True)
    exp.add_argument("-o", "--output", metavar="PATH", help="where to write (default: CODE.pdf or CODE.json)")
    exp.add_argument("--session", metavar="N|latest|all", default=None,
                     help="which session: N counts from 1 in date order; PDF default latest, JSON all")
    exp.add_argument("--handout", action="store_true", help="PDF: the one-page plan handout")
    exp.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    exp.add_argument("--allow-findings", action="store_true", help="export even if identifiers are found")

    scan = command("scan", "report identifiers (names, numbers, dates...) found in text")
    scan.add_argument("file", metavar="FILE", nargs="?", default="-", help="a text file, or - for stdin")
    scan.add_argument("--json", action="store_true")

    backup = command("backup", "copy the case log to a backup file")
    backup.add_argument("-o", "--output", metavar="PATH")

    restore = command("restore", "replace the case log with a backup (the current log is backed up first)")
    restore.add_argument("path", metavar="PATH")

    command("check", "check the case log's integrity and schema revision")

    new_file = dict(metavar="PATH", help="a file whose first line is the new passphrase (default: asked twice on "
                                         "a terminal)")
    command("protect", "encrypt the case log and its backups with a passphrase (a checked backup first)"
            ).add_argument("--new-passphrase-file", **new_file)
    command("rekey", "change the passphrase of a protected log and its backups (a checked backup first)"
            ).add_argument("--new-passphrase-file", **new_file)
    command("unprotect", "remove the passphrase: the log and its backups become plain files again")

    report = command("report", "the service report for a date range: consultations, cases, attendees, hours, "
                               "actions, most frequent items (no case text)")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", required=True, help="first day (inclusive)")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", required=True, help="last day (inclusive)")
    report.add_argument("--format", choices=("pdf", "csv"), default="pdf", help="default pdf")
    report.add_argument("-o", "--output", metavar="PATH",
                        help="where to write (default: idc-service-report-FROM-to-TO.pdf or .csv)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)")
    report.add_argument("--allow-findings", action="store_true", help="write it even if identifiers are found")
    return parser
