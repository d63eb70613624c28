"""IDC Desktop: an offline app for facilitating and logging interpersonal dynamics consultations."""

APP_NAME = "idc-desktop"
APP_TITLE = "IDC Desktop"
FALLBACK_VERSION = "0.1.0"  # a source tree or a frozen bundle without package metadata


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~50 ms: read the version only when someone asks for it,
    # not on the way to the first painted window.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("idc-desktop")
        except PackageNotFoundError:
            return FALLBACK_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
