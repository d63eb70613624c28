"""Bootstrap: parse the command line, then run a headless command or the GUI.

The GUI branch is the only place outside ui/ that reaches Qt, and it imports it lazily so
headless commands never load Qt at all.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from idc_desktop import APP_NAME
from idc_desktop.cli_parser import parse_command_line
from idc_desktop.domain.errors import IdcError
from idc_desktop.exits import EXIT_STORE, fail
from idc_desktop.paths import resolve_data_dir

log = logging.getLogger(APP_NAME)


def demo_data_dir() -> Path:
    """A throwaway directory for --demo, so the real log is never touched."""
    return Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-demo-"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_command_line(argv)
    try:
        if args.command:
            from idc_desktop.cli import run_command  # loads the store's stack; the GUI paints first

            return run_command(args)
        throwaway = args.demo and not args.data_dir
        data_dir = demo_data_dir() if throwaway else resolve_data_dir(args.data_dir)
        try:
            from idc_desktop.ui.launch import run_gui

            return run_gui(data_dir, demo=args.demo)
        finally:
            if throwaway:
                shutil.rmtree(data_dir, ignore_errors=True)
    except IdcError as exc:
        return fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one clear line for the user, the details for us
        log.debug("unexpected error", exc_info=True)
        crash = Path(tempfile.gettempdir()) / f"{APP_NAME}-error.txt"
        try:
            crash.write_text(traceback.format_exc(), encoding="utf-8")
            where = f" (details in {crash})"
        except OSError:
            where = ""
        return fail(f"unexpected error: {exc}{where}", EXIT_STORE)


if __name__ == "__main__":
    sys.exit(main())
