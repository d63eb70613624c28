"""Reading the interchange format, version 1 (DESIGN.md): JSON text -> CaseBundles.

Strict by design: an import is all or nothing, so the first problem stops the read and
the error names its JSON path (``cases[0].sessions[1].plan.actions[2].due_on: not a date``)
for a person to find and fix it in the file. Unknown keys are errors at every level, so a
typo never silently drops data. Text is cleaned as the store keeps it (``clean_text``) and
held to the limits of ``domain.validation``. Items stay the strings given: the import
service resolves them against the catalogue.
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.case import Case
from idc_desktop.domain.codes import code_problem, normalise_code
from idc_desktop.domain.consultation import (
    AllianceRating,
    Attendee,
    Consultation,
    Contribution,
    PerspectiveRecord,
    Plan,
    PlanAction,
)
from idc_desktop.domain.enums import (
    ActionStatus,
    AllianceDimension,
    CaseStatus,
    LifeStage,
    Perspective,
    Setting,
)
from idc_desktop.domain.errors import InputError
from idc_desktop.domain.validation import (
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_SPECIALTY,
    MAX_TAG,
    MAX_TAGS,
    clean_text,
)

FORMAT_NAME = "idc-desktop.cases"
FORMAT_VERSION = 1

FILE_PATH = "(file)"  # the path of problems with the file as a whole
# Not in the spec, which only asks for >= 1: a bound keeps absurd figures out of the
# store (SQLite integers overflow past 2**63).
MAX_ATTENDEE_COUNT = 999

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # fromisoformat alone also takes 20260304 etc.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MISSING: Any = object()
_E = TypeVar("_E", bound=StrEnum)

# Keys of each object, in the order DESIGN.md lists them (the writer uses the same order).
TOP_KEYS = ("format", "version", "cases")
CASE_KEYS = (
    "code", "specialty", "setting", "life_stage", "gender", "referral_reason", "status",
    "tags", "sessions",
)  # fmt: skip
SESSION_KEYS = (
    "held_on", "facilitator_role", "presenter_role", "attendees", "question", "notes",
    "perspectives", "cycle", "formulation", "alliance", "plan", "facilitator_reflection",
)  # fmt: skip
ATTENDEE_KEYS = ("role", "count")
NOTES_KEYS = ("presentation", "clarifying", "close")
PERSPECTIVE_KEYS = ("items", "summary", "contributions")
CONTRIBUTION_KEYS = ("text", "role", "salient")
RATING_KEYS = ("rating", "notes")
PLAN_KEYS = ("stance", "actions", "risks", "staff_support", "patient_message", "review_on")
ACTION_KEYS = ("text", "owner_role", "due_on", "status")


class InterchangeError(InputError):
    """A problem in an interchange file, at the JSON path of the first thing wrong."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _fail(path: str, problem: str) -> NoReturn:
    raise InterchangeError(path, problem)


def _at(path: str, key: str) -> str:
    if not _PLAIN_KEY.fullmatch(key):
        return f"{path}[{json.dumps(key, ensure_ascii=False)}]"
    return f"{path}.{key}" if path else key


def _show(value: Any) -> str:
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


def _one_of(choices: list[str]) -> str:
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


class _Obj:
    """One JSON object being read: checks its keys, then hands out typed fields."""

    def __init__(self, value: Any, path: str, keys: tuple[str, ...], unknown: str = "unknown key"):
        if not isinstance(value, dict):
            _fail(path, "expected an object")
        for key in value:
            if key not in keys:
                _fail(_at(path, key), unknown)
        for key in getattr(value, "duplicates", ()):
            _fail(_at(path, key), "given twice")
        self.value: dict[str, Any] = value
        self.path = path

    def at(self, key: str) -> str:
        return _at(self.path, key)

    def get(self, key: str, *, required: bool = False) -> Any:
        if key in self.value:
            return self.value[key]
        if required:
            _fail(self.at(key), "missing")
        return _MISSING

    def text(self, key: str, limit: int, *, required: bool = False) -> str:
        value = self.get(key, required=required)
        return "" if value is _MISSING else _text(value, self.at(key), limit)

    def optional_text(self, key: str, limit: int) -> str | None:
        """Text where null (or nothing) means "not given"; empty text means the same."""
        value = self.get(key)
        if value is _MISSING or value is None:
            return None
        return _text(value, self.at(key), limit, nullable=True) or None

    def choice(self, key: str, enum: type[_E], default: _E) -> _E:
        value = self.get(key)
        if value is _MISSING:
            return default
        choices = [e.value for e in enum]
        if value not in choices or not isinstance(value, str):
            _fail(self.at(key), f"expected {_one_of(choices)}, got {_show(value)}")
        return enum(value)

    def date(self, key: str, *, required: bool = False) -> date | None:
        value = self.get(key, required=required)
        if value is _MISSING or (value is None and not required):
            return None
        if not isinstance(value, str):
            _fail(self.at(key), "expected a date (YYYY-MM-DD)" + ("" if required else " or null"))
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            _fail(self.at(key), "not a date")

    def whole(self, key: str, low: int, high: int, *, default: int | None) -> int | None:
        value = self.get(key)
        if value is _MISSING or (value is None and default is None):
            return default
        # bool is an int subclass in Python, but true is not a number in JSON.
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            expected = f"a whole number from {low} to {high:,}"
            if default is None:
                expected += " or null"
            _fail(self.at(key), f"expected {expected}, got {_show(value)}")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if value is _MISSING:
            return False
        if not isinstance(value, bool):
            _fail(self.at(key), f"expected true or false, got {_show(value)}")
        return value

    def items(self, key: str, *, what: str = "a list") -> list[tuple[str, Any]]:
        """The elements of a list field with their paths ([] when missing)."""
        value = self.get(key)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            _fail(self.at(key), f"expected {what}")
        return [(f"{self.at(key)}[{i}]", element) for i, element in enumerate(value)]

    def obj(self, key: str, keys: tuple[str, ...], unknown: str = "unknown key") -> _Obj:
        value = self.get(key)
        return _Obj({} if value is _MISSING else value, self.at(key), keys, unknown)


def _text(value: Any, path: str, limit: int, *, nullable: bool = False) -> str:
    if not isinstance(value, str):
        _fail(path, "expected text" + (" or null" if nullable else ""))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from a \ud800 escape
        _fail(path, f"not valid Unicode text (unpaired surrogate at character {exc.start})")
    text = clean_text(value)
    if len(text) > limit:
        _fail(path, f"too long: {len(text):,} characters, the limit is {limit:,}")
    return text


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    skip = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        _fail(FILE_PATH, f"not UTF-8 text (byte 0x{raw[offset]:02x} at offset {offset})")


def _load(text: str) -> Any:
    if not text.strip():
        _fail(FILE_PATH, "empty file (expected interchange JSON)")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_bad_constant)
    except json.JSONDecodeError as exc:
        _fail(FILE_PATH, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except ValueError as exc:  # NaN / Infinity
        _fail(FILE_PATH, f"not valid JSON: {exc}")
    except RecursionError:
        _fail(FILE_PATH, "not valid JSON: nested too deeply")


def parse_document(raw: bytes | str) -> list[CaseBundle]:
    """Read a whole interchange file; raise InterchangeError at the first problem."""
    document = _load(_decode(raw))
    if not isinstance(document, dict):
        _fail(FILE_PATH, f"expected a JSON object at the top, got {_show(document)}")
    if "format" not in document:
        _fail("format", f"missing (expected {FORMAT_NAME!r})")
    if document["format"] != FORMAT_NAME:
        _fail("format", f"expected {FORMAT_NAME!r}, got {_show(document['format'])}")
    version = document.get("version", _MISSING)
    if version is _MISSING:
        _fail("version", "missing")
    if not isinstance(version, int) or isinstance(version, bool):
        _fail("version", f"expected a whole number, got {_show(version)}")
    if version > FORMAT_VERSION:
        _fail("version", f"version {version} is newer than this app understands ({FORMAT_VERSION})")
    if version != FORMAT_VERSION:
        _fail("version", f"unknown version {version} (this app understands {FORMAT_VERSION})")
    top = _Obj(document, "", TOP_KEYS)
    top.get("cases", required=True)
    bundles: list[CaseBundle] = []
    seen_codes: dict[str, str] = {}
    for path, value in top.items("cases"):
        bundle = _case(value, path)
        code = bundle.case.code
        if code:
            if code in seen_codes:
                _fail(_at(path, "code"), f"duplicate code {code} (also {seen_codes[code]})")
            seen_codes[code] = path
        bundles.append(bundle)
    return bundles


def _case(value: Any, path: str) -> CaseBundle:
    o = _Obj(value, path, CASE_KEYS)
    code = o.get("code")
    if code is _MISSING or code is None:
        code = ""  # the import service generates one
    else:
        if not isinstance(code, str):
            _fail(o.at("code"), "expected text or null")
        code = normalise_code(code.replace("\x00", ""))
        problem = code_problem(code)
        if problem:
            _fail(o.at("code"), problem)
    specialty = o.text("specialty", MAX_SPECIALTY, required=True)
    if not specialty:
        _fail(o.at("specialty"), "empty (every case needs a specialty)")
    case = Case(
        code=code,
        specialty=specialty,
        setting=o.choice("setting", Setting, Setting.INPATIENT),
        life_stage=o.choice("life_stage", LifeStage, LifeStage.ADULT),
        gender=o.optional_text("gender", MAX_SHORT_TEXT),
        referral_reason=o.text("referral_reason", MAX_LONG_TEXT),
        status=o.choice("status", CaseStatus, CaseStatus.OPEN),
        tags=_tags(o),
    )
    sessions = [_session(v, p) for p, v in o.items("sessions")]
    sessions.sort(key=lambda s: s.held_on)  # stable: same-day sessions keep file order
    return CaseBundle(case=case, sessions=sessions)


def _tags(o: _Obj) -> list[str]:
    """As clean_case keeps them: trimmed, empty ones dropped, each once."""
    tags: list[str] = []
    for path, value in o.items("tags", what="a list of text"):
        tag = _text(value, path, MAX_TAG)
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        _fail(o.at("tags"), f"too many tags: {len(tags)}, the limit is {MAX_TAGS}")
    return tags


def _session(value: Any, path: str) -> Consultation:
    o = _Obj(value, path, SESSION_KEYS)
    held_on = o.date("held_on", required=True)
    assert held_on is not None
    session = Consultation(
        held_on=held_on,
        facilitator_role=o.text("facilitator_role", MAX_SHORT_TEXT),
        presenter_role=o.text("presenter_role", MAX_SHORT_TEXT),
        attendees=[_attendee(v, p) for p, v in o.items("attendees")],
        question=o.text("question", MAX_LONG_TEXT),
    )
    notes = o.obj("notes", NOTES_KEYS)
    session.presentation = notes.text("presentation", MAX_LONG_TEXT)
    session.clarifying = notes.text("clarifying", MAX_LONG_TEXT)
    session.close_notes = notes.text("close", MAX_LONG_TEXT)
    keys = tuple(p.value for p in Perspective)
    perspectives = o.obj("perspectives", keys, f"unknown perspective ({_one_of(list(keys))})")
    for key in perspectives.value:
        record = _perspective(perspectives.obj(key, PERSPECTIVE_KEYS))
        session.perspectives[Perspective(key)] = record
    session.cycle = o.text("cycle", MAX_LONG_TEXT)
    session.formulation = o.text("formulation", MAX_LONG_TEXT)
    dimensions = tuple(d.value for d in AllianceDimension)
    unknown = f"unknown alliance dimension ({_one_of(list(dimensions))})"
    alliance = o.obj("alliance", dimensions, unknown)
    for key in alliance.value:
        rating = alliance.obj(key, RATING_KEYS)
        session.alliance[AllianceDimension(key)] = AllianceRating(
            rating=rating.whole("rating", 1, 5, default=None),
            notes=rating.text("notes", MAX_LONG_TEXT),
        )
    session.plan = _plan(o.obj("plan", PLAN_KEYS))
    session.facilitator_reflection = o.text("facilitator_reflection", MAX_LONG_TEXT)
    return session


def _attendee(value: Any, path: str) -> Attendee:
    o = _Obj(value, path, ATTENDEE_KEYS)
    role = o.text("role", MAX_SHORT_TEXT, required=True)
    count = o.whole("count", 1, MAX_ATTENDEE_COUNT, default=1)
    assert count is not None
    return Attendee(role=role, count=count)


def _perspective(o: _Obj) -> PerspectiveRecord:
    items: list[str] = []
    for path, value in o.items("items", what="a list of text"):
        item = _text(value, path, MAX_SHORT_TEXT)
        if not item:
            _fail(path, "empty item")
        items.append(item)
    return PerspectiveRecord(
        items=items,
        summary=o.text("summary", MAX_LONG_TEXT),
        contributions=[_contribution(v, p) for p, v in o.items("contributions")],
    )


def _contribution(value: Any, path: str) -> Contribution:
    o = _Obj(value, path, CONTRIBUTION_KEYS)
    return Contribution(
        text=o.text("text", MAX_LONG_TEXT, required=True),
        role=o.optional_text("role", MAX_SHORT_TEXT),
        salient=o.flag("salient"),
    )


def _plan(o: _Obj) -> Plan:
    return Plan(
        stance=o.text("stance", MAX_LONG_TEXT),
        actions=[_action(v, p) for p, v in o.items("actions")],
        risks=o.text("risks", MAX_LONG_TEXT),
        staff_support=o.text("staff_support", MAX_LONG_TEXT),
        patient_message=o.text("patient_message", MAX_LONG_TEXT),
        review_on=o.date("review_on"),
    )


def _action(value: Any, path: str) -> PlanAction:
    o = _Obj(value, path, ACTION_KEYS)
    return PlanAction(
        text=o.text("text", MAX_LONG_TEXT, required=True),
        owner_role=o.text("owner_role", MAX_SHORT_TEXT),
        due_on=o.date("due_on"),
        status=o.choice("status", ActionStatus, ActionStatus.OPEN),
    )
