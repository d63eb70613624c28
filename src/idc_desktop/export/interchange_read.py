"""Reading the interchange format, version 1 (docs/INTERCHANGE.md): JSON text -> CaseBundles.

Strict by design: an import is all or nothing, so the first problem stops the read and
the error names its JSON path (``cases[0].sessions[1].plan.actions[2].due_on: not a date``)
for a person to find and fix it in the file (the strict reading is json_fields.py's; this
module says what the format holds). Unknown keys are errors at every level, so a
typo never silently drops data. Text is cleaned as the store keeps it (``clean_text``) and
held to the limits of ``domain.validation``. Items stay the strings given: the import
service resolves them against the catalogue.
"""

from __future__ import annotations

from typing import Any

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
from idc_desktop.domain.validation import (
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_SPECIALTY,
    MAX_TAG,
    MAX_TAGS,
)
from idc_desktop.export.json_fields import (
    FILE_PATH,
    MISSING,
    JsonObject,
    at_key,
    decode,
    fail,
    load_json,
    one_of,
    read_text,
    show,
)

FORMAT_NAME = "idc-desktop.cases"
FORMAT_VERSION = 1

# Not in the spec, which only asks for >= 1: a bound keeps absurd figures out of the
# store (SQLite integers overflow past 2**63).
MAX_ATTENDEE_COUNT = 999

# Keys of each object, in the order docs/INTERCHANGE.md shows them (the writer uses the same order).
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


def parse_document(raw: bytes | str) -> list[CaseBundle]:
    """Read a whole interchange file; raise InterchangeError at the first problem."""
    document = load_json(decode(raw))
    if not isinstance(document, dict):
        fail(FILE_PATH, f"expected a JSON object at the top, got {show(document)}")
    if "format" not in document:
        fail("format", f"missing (expected {FORMAT_NAME!r})")
    if document["format"] != FORMAT_NAME:
        fail("format", f"expected {FORMAT_NAME!r}, got {show(document['format'])}")
    version = document.get("version", MISSING)
    if version is MISSING:
        fail("version", "missing")
    if not isinstance(version, int) or isinstance(version, bool):
        fail("version", f"expected a whole number, got {show(version)}")
    if version > FORMAT_VERSION:
        fail("version", f"version {version} is newer than this app understands ({FORMAT_VERSION})")
    if version != FORMAT_VERSION:
        fail("version", f"unknown version {version} (this app understands {FORMAT_VERSION})")
    top = JsonObject(document, "", TOP_KEYS)
    top.get("cases", required=True)
    bundles: list[CaseBundle] = []
    seen_codes: dict[str, str] = {}
    for path, value in top.items("cases"):
        bundle = _case(value, path)
        code = bundle.case.code
        if code:
            if code in seen_codes:
                fail(at_key(path, "code"), f"duplicate code {code} (also {seen_codes[code]})")
            seen_codes[code] = path
        bundles.append(bundle)
    return bundles


def _case(value: Any, path: str) -> CaseBundle:
    o = JsonObject(value, path, CASE_KEYS)
    code = o.get("code")
    if code is MISSING or code is None:
        code = ""  # the import service generates one
    else:
        if not isinstance(code, str):
            fail(o.at("code"), "expected text or null")
        code = normalise_code(code.replace("\x00", ""))
        problem = code_problem(code)
        if problem:
            fail(o.at("code"), problem)
    specialty = o.text("specialty", MAX_SPECIALTY, required=True)
    if not specialty:
        fail(o.at("specialty"), "empty (every case needs a specialty)")
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


def _tags(o: JsonObject) -> list[str]:
    """As clean_case keeps them: trimmed, empty ones dropped, each once."""
    tags: list[str] = []
    for path, value in o.items("tags", what="a list of text"):
        tag = read_text(value, path, MAX_TAG)
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        fail(o.at("tags"), f"too many tags: {len(tags)}, the limit is {MAX_TAGS}")
    return tags


def _session(value: Any, path: str) -> Consultation:
    o = JsonObject(value, path, SESSION_KEYS)
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
    perspectives = o.obj("perspectives", keys, f"unknown perspective ({one_of(list(keys))})")
    for key in perspectives.value:
        record = _perspective(perspectives.obj(key, PERSPECTIVE_KEYS))
        session.perspectives[Perspective(key)] = record
    session.cycle = o.text("cycle", MAX_LONG_TEXT)
    session.formulation = o.text("formulation", MAX_LONG_TEXT)
    dimensions = tuple(d.value for d in AllianceDimension)
    unknown = f"unknown alliance dimension ({one_of(list(dimensions))})"
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
    o = JsonObject(value, path, ATTENDEE_KEYS)
    role = o.text("role", MAX_SHORT_TEXT, required=True)
    count = o.whole("count", 1, MAX_ATTENDEE_COUNT, default=1)
    assert count is not None
    return Attendee(role=role, count=count)


def _perspective(o: JsonObject) -> PerspectiveRecord:
    items: list[str] = []
    for path, value in o.items("items", what="a list of text"):
        item = read_text(value, path, MAX_SHORT_TEXT)
        if not item:
            fail(path, "empty item")
        items.append(item)
    return PerspectiveRecord(
        items=items,
        summary=o.text("summary", MAX_LONG_TEXT),
        contributions=[_contribution(v, p) for p, v in o.items("contributions")],
    )


def _contribution(value: Any, path: str) -> Contribution:
    o = JsonObject(value, path, CONTRIBUTION_KEYS)
    return Contribution(
        text=o.text("text", MAX_LONG_TEXT, required=True),
        role=o.optional_text("role", MAX_SHORT_TEXT),
        salient=o.flag("salient"),
    )


def _plan(o: JsonObject) -> Plan:
    return Plan(
        stance=o.text("stance", MAX_LONG_TEXT),
        actions=[_action(v, p) for p, v in o.items("actions")],
        risks=o.text("risks", MAX_LONG_TEXT),
        staff_support=o.text("staff_support", MAX_LONG_TEXT),
        patient_message=o.text("patient_message", MAX_LONG_TEXT),
        review_on=o.date("review_on"),
    )


def _action(value: Any, path: str) -> PlanAction:
    o = JsonObject(value, path, ACTION_KEYS)
    return PlanAction(
        text=o.text("text", MAX_LONG_TEXT, required=True),
        owner_role=o.text("owner_role", MAX_SHORT_TEXT),
        due_on=o.date("due_on"),
        status=o.choice("status", ActionStatus, ActionStatus.OPEN),
    )
