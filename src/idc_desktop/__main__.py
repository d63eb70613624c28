"""`python -m idc_desktop` is the same as the `idc-desktop` command."""

import sys

from idc_desktop.app import main

sys.exit(main())
