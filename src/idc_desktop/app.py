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
from idc_desktop.crash_details import append_details, fallback_folder
from idc_desktop.domain.errors import IdcError
from idc_desktop.exits import EXIT_STORE, fail
from idc_desktop.paths import resolve_data_dir

log = logging.getLogger(APP_NAME)


def _details_folder(args) -> Path:  # noqa: ANN001 - the parsed command line
    """The data folder when it is a folder already (never created for this), else a private per-user one."""
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except IdcError:
        data_dir = None
    if data_dir is not None and data_dir.is_dir() and not data_dir.is_symlink():
        return data_dir
    return fallback_folder()


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
        crash = append_details(_details_folder(args), traceback.format_exc())
        where = f" (details in {crash})" if crash else ""
        return fail(f"unexpected error: {exc}{where}", EXIT_STORE)


if __name__ == "__main__":
    sys.exit(main())
