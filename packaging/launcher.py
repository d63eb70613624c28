"""Entry point of the PyInstaller bundle: the same as the `idc-desktop` command."""

import sys

from idc_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
