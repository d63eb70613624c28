"""IDC Desktop: an offline app for facilitating and logging interpersonal dynamics consultations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("idc-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "idc-desktop"
APP_TITLE = "IDC Desktop"
