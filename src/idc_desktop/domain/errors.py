"""Errors every layer may raise or catch: plain exceptions, no Qt, no SQLAlchemy.

Each carries a message written for the user: the CLI prints it on one line and the GUI
shows it in a dialog, so it must name the problem without a traceback.
"""


class IdcError(Exception):
    """Base of every error the app reports to a user."""

    exit_code = 2


class InputError(IdcError):
    """Bad input from the user or a file (CLI exit 2)."""


class ValidationError(InputError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(InputError):
    pass


class DuplicateCodeError(ValidationError):
    def __init__(self, code: str) -> None:
        super().__init__("code", f"A case with the code {code} already exists.")
        self.code = code


class StoreError(IdcError):
    """The store cannot be used (CLI exit 3)."""

    exit_code = 3


class StoreTooNewError(StoreError):
    pass


class StoreDamagedError(StoreError):
    pass


class StoreLockedError(StoreError):
    pass


class DataDirError(StoreError):
    pass


class StoreWriteError(StoreError):
    """Saving failed for a reason outside the app (disk full, read-only, locked): retry later.
    `reason` is "full", "readonly", "busy" or "" (other), for callers that word it themselves."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class Cancelled(IdcError):
    """The user stopped long work before its end; whatever it did in its transaction is undone."""


class PassphraseNeededError(StoreError):
    """The log is protected by a passphrase and none was given (CLI exit 3)."""


class WrongPassphraseError(StoreError):
    """The passphrase given does not open the log; nothing was written (CLI exit 3)."""
