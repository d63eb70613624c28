"""Case codes: random, never derived from patient data."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I: a code is read aloud and copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_PREFIX = "IDC-"
_TYPED_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,19}$")


def new_case_code(length: int = 4) -> str:
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    return text.strip().upper()


def code_problem(code: str) -> str | None:
    """Why a code a lead typed cannot be used, or None when it is fine."""
    if not code:
        return "The case code is empty."
    if not _TYPED_CODE.match(code):
        return (
            "A case code is 3-20 capital letters, digits or hyphens, "
            f"starting with a letter or digit (got {code!r})."
        )
    if sum(ch.isdigit() for ch in code) >= 6:
        # Long digit runs look like record numbers; codes must never be derived from them.
        return "A case code may not hold six or more digits: it could be a record number."
    return None
