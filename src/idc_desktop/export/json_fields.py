"""Strict reading of JSON for a person to fix: every problem names its JSON path.

The first problem stops the read with an `InterchangeError` such as
``cases[0].sessions[1].plan.actions[2].due_on: not a date``. Objects are read through
`JsonObject`, which refuses unknown keys and keys given twice, and hands out typed fields
(text cleaned and held to a limit, a choice of an enum, a date, a bounded whole number...).
The interchange reader (interchange_read.py) says which objects and keys the format has.
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from idc_desktop.domain.errors import InputError
from idc_desktop.domain.validation import clean_text

FILE_PATH = "(file)"  # the path of problems with the file as a whole
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # fromisoformat alone also takes 20260304 etc.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MISSING: Any = object()
_E = TypeVar("_E", bound=StrEnum)


class InterchangeError(InputError):
    """A problem in an interchange file, at the JSON path of the first thing wrong."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def fail(path: str, problem: str) -> NoReturn:
    raise InterchangeError(path, problem)


def at_key(path: str, key: str) -> str:
    if not _PLAIN_KEY.fullmatch(key):
        return f"{path}[{json.dumps(key, ensure_ascii=False)}]"
    return f"{path}.{key}" if path else key


def show(value: Any) -> str:
    """A short picture of a JSON value for a message."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return str(value)


def one_of(choices: list[str]) -> str:
    return ", ".join(choices[:-1]) + " or " + choices[-1]


class _DupKeys(dict):  # type: ignore[type-arg]
    """A JSON object that remembers keys given twice (json keeps only the last)."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _DupKeys(pairs)
    obj.duplicates = []
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                obj.duplicates.append(key)
            seen.add(key)
    return obj


def _bad_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed in JSON")


class JsonObject:
    """One JSON object being read: checks its keys, then hands out typed fields."""

    def __init__(self, value: Any, path: str, keys: tuple[str, ...], unknown: str = "unknown key"):
        if not isinstance(value, dict):
            fail(path, "expected an object")
        for key in value:
            if key not in keys:
                fail(at_key(path, key), unknown)
        for key in getattr(value, "duplicates", ()):
            fail(at_key(path, key), "given twice")
        self.value: dict[str, Any] = value
        self.path = path

    def at(self, key: str) -> str:
        return at_key(self.path, key)

    def get(self, key: str, *, required: bool = False) -> Any:
        if key in self.value:
            return self.value[key]
        if required:
            fail(self.at(key), "missing")
        return MISSING

    def text(self, key: str, limit: int, *, required: bool = False) -> str:
        value = self.get(key, required=required)
        return "" if value is MISSING else read_text(value, self.at(key), limit)

    def optional_text(self, key: str, limit: int) -> str | None:
        """Text where null (or nothing) means "not given"; empty text means the same."""
        value = self.get(key)
        if value is MISSING or value is None:
            return None
        return read_text(value, self.at(key), limit, nullable=True) or None

    def choice(self, key: str, enum: type[_E], default: _E) -> _E:
        value = self.get(key)
        if value is MISSING:
            return default
        choices = [e.value for e in enum]
        if value not in choices or not isinstance(value, str):
            fail(self.at(key), f"expected {one_of(choices)}, got {show(value)}")
        return enum(value)

    def date(self, key: str, *, required: bool = False) -> date | None:
        value = self.get(key, required=required)
        if value is MISSING or (value is None and not required):
            return None
        if not isinstance(value, str):
            fail(self.at(key), "expected a date (YYYY-MM-DD)" + ("" if required else " or null"))
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            fail(self.at(key), "not a date")

    def whole(self, key: str, low: int, high: int, *, default: int | None) -> int | None:
        value = self.get(key)
        if value is MISSING or (value is None and default is None):
            return default
        # bool is an int subclass in Python, but true is not a number in JSON.
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            expected = f"a whole number from {low} to {high:,}"
            if default is None:
                expected += " or null"
            fail(self.at(key), f"expected {expected}, got {show(value)}")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if value is MISSING:
            return False
        if not isinstance(value, bool):
            fail(self.at(key), f"expected true or false, got {show(value)}")
        return value

    def items(self, key: str, *, what: str = "a list") -> list[tuple[str, Any]]:
        """The elements of a list field with their paths ([] when missing)."""
        value = self.get(key)
        if value is MISSING:
            return []
        if not isinstance(value, list):
            fail(self.at(key), f"expected {what}")
        return [(f"{self.at(key)}[{i}]", element) for i, element in enumerate(value)]

    def obj(self, key: str, keys: tuple[str, ...], unknown: str = "unknown key") -> JsonObject:
        value = self.get(key)
        return JsonObject({} if value is MISSING else value, self.at(key), keys, unknown)


def read_text(value: Any, path: str, limit: int, *, nullable: bool = False) -> str:
    if not isinstance(value, str):
        fail(path, "expected text" + (" or null" if nullable else ""))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from a \ud800 escape
        fail(path, f"not valid Unicode text (unpaired surrogate at character {exc.start})")
    text = clean_text(value)
    if len(text) > limit:
        fail(path, f"too long: {len(text):,} characters, the limit is {limit:,}")
    return text


def decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    skip = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        fail(FILE_PATH, f"not UTF-8 text (byte 0x{raw[offset]:02x} at offset {offset})")


MAX_INT_DIGITS = 18  # every whole number of the format (a count, a rating, the version) is far smaller


class _NumberTooLong(ValueError):
    pass


def _whole_number(text: str) -> int:
    """json's parse_int: refuse a number longer than any the format holds, before Python's own
    limit (4,300 digits) answers with advice about sys.set_int_max_str_digits()."""
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _NumberTooLong(f"a number has {digits:,} digits; at most {MAX_INT_DIGITS} are accepted")
    return int(text)


def load_json(text: str) -> Any:
    if not text.strip():
        fail(FILE_PATH, "empty file (expected interchange JSON)")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_bad_constant, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        fail(FILE_PATH, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except ValueError as exc:  # NaN / Infinity
        fail(FILE_PATH, f"not valid JSON: {exc}")
    except RecursionError:
        fail(FILE_PATH, "not valid JSON: nested too deeply")
