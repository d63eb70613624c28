"""Bad interchange files: each fails with the JSON path of the first problem, and why."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from idc_desktop.domain.codes import code_problem
from idc_desktop.domain.errors import InputError
from idc_desktop.export.interchange import InterchangeError, parse_document

S0 = ("cases", 0, "sessions", 0)
S1 = ("cases", 0, "sessions", 1)


def _valid() -> dict[str, Any]:
    action = {"text": "Same nurse", "owner_role": "Charge nurse", "due_on": None, "status": "open"}
    return {
        "format": "idc-desktop.cases",
        "version": 1,
        "cases": [
            {
                "code": "IDC-AAAA",
                "specialty": "Renal",
                "setting": "inpatient",
                "life_stage": "adult",
                "gender": None,
                "referral_reason": "Shouts at nurses.",
                "status": "open",
                "tags": ["dialysis"],
                "sessions": [
                    {
                        "held_on": "2026-03-04",
                        "attendees": [{"role": "Staff nurse", "count": 4}],
                        "question": "Why?",
                        "notes": {"presentation": "", "clarifying": "", "close": ""},
                        "perspectives": {
                            "A": {
                                "items": ["dismissive"],
                                "summary": "",
                                "contributions": [
                                    {"text": "You never listen", "role": None, "salient": True}
                                ],
                            },
                            "B": {},
                        },
                        "alliance": {"goals": {"rating": 2, "notes": ""}, "tasks": {}},
                        "plan": {"stance": "", "actions": [], "review_on": "2026-05-01"},
                    },
                    {
                        "held_on": "2026-04-01",
                        "plan": {"actions": [dict(action), dict(action), dict(action)]},
                    },
                ],
            },
            {"code": "IDC-7Q4K", "specialty": "ICU"},
            {"code": None, "specialty": "Oncology"},
            {"specialty": "Surgery"},
        ],
    }


def put(*path_and_value: Any) -> Callable[[dict[str, Any]], None]:
    *path, value = path_and_value

    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def drop(*path: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def both(*mutations: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(document)

    return mutate


def _bad_code(code: str) -> str:
    problem = code_problem(code)
    assert problem
    return f"cases[0].code: {problem}"


GOALS = "cases[0].sessions[0].alliance.goals.rating"
COUNT = "cases[0].sessions[0].attendees[0].count"
RATING = "expected a whole number from 1 to 5 or null"
COUNT_RANGE = "expected a whole number from 1 to 999"
LIFE_STAGES = "child, adolescent, young adult, adult or older adult"

CASES = [
    # the envelope
    (drop("format"), "format: missing (expected 'idc-desktop.cases')"),
    (put("format", "idc.cases"), "format: expected 'idc-desktop.cases', got 'idc.cases'"),
    (put("format", None), "format: expected 'idc-desktop.cases', got null"),
    (drop("version"), "version: missing"),
    (put("version", 2), "version: version 2 is newer than this app understands (1)"),
    (put("version", 0), "version: unknown version 0 (this app understands 1)"),
    (put("version", "1"), "version: expected a whole number, got '1'"),
    (put("version", True), "version: expected a whole number, got true"),
    (put("version", 1.0), "version: expected a whole number, got 1.0"),
    (
        both(put("version", 2), put("extra", 1)),
        "version: version 2 is newer than this app understands (1)",
    ),
    (put("extra", 1), "extra: unknown key"),
    (drop("cases"), "cases: missing"),
    (put("cases", {}), "cases: expected a list"),
    (put("cases", 2, "x"), "cases[2]: expected an object"),
    # unknown keys at every level
    (put("cases", 0, "foo", 1), "cases[0].foo: unknown key"),
    (put("cases", 0, "Specialty ", "x"), 'cases[0]["Specialty "]: unknown key'),
    (put(*S0, "foo", 1), "cases[0].sessions[0].foo: unknown key"),
    (put(*S0, "attendees", 0, "name", "x"), "cases[0].sessions[0].attendees[0].name: unknown key"),
    (put(*S0, "notes", "foo", ""), "cases[0].sessions[0].notes.foo: unknown key"),
    (
        put(*S0, "perspectives", "A", "foo", ""),
        "cases[0].sessions[0].perspectives.A.foo: unknown key",
    ),
    (
        put(*S0, "perspectives", "A", "contributions", 0, "name", "x"),
        "cases[0].sessions[0].perspectives.A.contributions[0].name: unknown key",
    ),
    (
        put(*S0, "alliance", "goals", "foo", 1),
        "cases[0].sessions[0].alliance.goals.foo: unknown key",
    ),
    (put(*S0, "plan", "foo", 1), "cases[0].sessions[0].plan.foo: unknown key"),
    (
        put(*S1, "plan", "actions", 2, "id", 1),
        "cases[0].sessions[1].plan.actions[2].id: unknown key",
    ),
    (
        put(*S0, "perspectives", "E", {}),
        "cases[0].sessions[0].perspectives.E: unknown perspective (A, B, C or D)",
    ),
    (
        put(*S0, "perspectives", "a", {}),
        "cases[0].sessions[0].perspectives.a: unknown perspective (A, B, C or D)",
    ),
    (
        put(*S0, "alliance", "trust", {}),
        "cases[0].sessions[0].alliance.trust: unknown alliance dimension (goals, tasks or bond)",
    ),
    # the case
    (drop("cases", 0, "specialty"), "cases[0].specialty: missing"),
    (
        put("cases", 0, "specialty", " \x00 "),
        "cases[0].specialty: empty (every case needs a specialty)",
    ),
    (put("cases", 0, "specialty", 5), "cases[0].specialty: expected text"),
    (put("cases", 0, "specialty", None), "cases[0].specialty: expected text"),
    (
        put("cases", 0, "specialty", "x" * 81),
        "cases[0].specialty: too long: 81 characters, the limit is 80",
    ),
    (
        put("cases", 0, "referral_reason", "x" * 100_001),
        "cases[0].referral_reason: too long: 100,001 characters, the limit is 100,000",
    ),
    (put("cases", 0, "gender", 5), "cases[0].gender: expected text or null"),
    (
        put("cases", 0, "gender", "x" * 201),
        "cases[0].gender: too long: 201 characters, the limit is 200",
    ),
    (
        put("cases", 0, "setting", "ward"),
        "cases[0].setting: expected inpatient, outpatient, community or other, got 'ward'",
    ),
    (
        put("cases", 0, "life_stage", "teen"),
        f"cases[0].life_stage: expected {LIFE_STAGES}, got 'teen'",
    ),
    (
        put("cases", 0, "life_stage", "Adult"),
        f"cases[0].life_stage: expected {LIFE_STAGES}, got 'Adult'",
    ),
    (put("cases", 0, "status", None), "cases[0].status: expected open or closed, got null"),
    (put("cases", 0, "status", ["open"]), "cases[0].status: expected open or closed, got a list"),
    (put("cases", 0, "tags", "dialysis"), "cases[0].tags: expected a list of text"),
    (put("cases", 0, "tags", ["ok", 1]), "cases[0].tags[1]: expected text"),
    (
        put("cases", 0, "tags", ["x" * 41]),
        "cases[0].tags[0]: too long: 41 characters, the limit is 40",
    ),
    (
        put("cases", 0, "tags", [f"t{i}" for i in range(21)]),
        "cases[0].tags: too many tags: 21, the limit is 20",
    ),
    (put("cases", 0, "sessions", {}), "cases[0].sessions: expected a list"),
    (put("cases", 0, "sessions", [[]]), "cases[0].sessions[0]: expected an object"),
    # case codes
    (put("cases", 0, "code", "ab"), _bad_code("AB")),
    (put("cases", 0, "code", "IDC-123456"), _bad_code("IDC-123456")),
    (put("cases", 0, "code", "IDC 7Q"), _bad_code("IDC 7Q")),
    (put("cases", 0, "code", ""), _bad_code("")),
    (put("cases", 0, "code", 7), "cases[0].code: expected text or null"),
    (
        put("cases", 3, "code", " idc-7q4k"),
        "cases[3].code: duplicate code IDC-7Q4K (also cases[1])",
    ),
    # dates
    (drop(*S1, "held_on"), "cases[0].sessions[1].held_on: missing"),
    (put(*S1, "held_on", None), "cases[0].sessions[1].held_on: expected a date (YYYY-MM-DD)"),
    (put(*S1, "held_on", "2026-02-30"), "cases[0].sessions[1].held_on: not a date"),
    (put(*S1, "held_on", "03/04/2026"), "cases[0].sessions[1].held_on: not a date"),
    (put(*S1, "held_on", "20260304"), "cases[0].sessions[1].held_on: not a date"),
    (put(*S1, "held_on", "2026-03-04T10:00"), "cases[0].sessions[1].held_on: not a date"),
    (
        put(*S1, "plan", "actions", 2, "due_on", "2026-13-01"),
        "cases[0].sessions[1].plan.actions[2].due_on: not a date",
    ),
    (
        put(*S1, "plan", "actions", 2, "due_on", 20260401),
        "cases[0].sessions[1].plan.actions[2].due_on: expected a date (YYYY-MM-DD) or null",
    ),
    (put(*S0, "plan", "review_on", "soon"), "cases[0].sessions[0].plan.review_on: not a date"),
    # the session
    (put(*S0, "question", ["Why?"]), "cases[0].sessions[0].question: expected text"),
    (
        put(*S0, "question", "\ud800"),
        "cases[0].sessions[0].question: not valid Unicode text (unpaired surrogate at character 0)",
    ),
    (
        put(*S0, "facilitator_role", "x" * 201),
        "cases[0].sessions[0].facilitator_role: too long: 201 characters, the limit is 200",
    ),
    (
        put(*S0, "facilitator_reflection", "x" * 100_001),
        "cases[0].sessions[0].facilitator_reflection: "
        "too long: 100,001 characters, the limit is 100,000",
    ),
    (put(*S0, "attendees", "4 nurses"), "cases[0].sessions[0].attendees: expected a list"),
    (drop(*S0, "attendees", 0, "role"), "cases[0].sessions[0].attendees[0].role: missing"),
    (put(*S0, "attendees", 0, "count", 0), f"{COUNT}: {COUNT_RANGE}, got 0"),
    (put(*S0, "attendees", 0, "count", 1000), f"{COUNT}: {COUNT_RANGE}, got 1000"),
    (put(*S0, "attendees", 0, "count", True), f"{COUNT}: {COUNT_RANGE}, got true"),
    (put(*S0, "attendees", 0, "count", 1.5), f"{COUNT}: {COUNT_RANGE}, got 1.5"),
    (put(*S0, "attendees", 0, "count", None), f"{COUNT}: {COUNT_RANGE}, got null"),
    (put(*S0, "attendees", 0, "count", "4"), f"{COUNT}: {COUNT_RANGE}, got '4'"),
    (put(*S0, "notes", "text"), "cases[0].sessions[0].notes: expected an object"),
    (put(*S0, "notes", "close", None), "cases[0].sessions[0].notes.close: expected text"),
    # perspectives
    (put(*S0, "perspectives", []), "cases[0].sessions[0].perspectives: expected an object"),
    (
        put(*S0, "perspectives", "B", None),
        "cases[0].sessions[0].perspectives.B: expected an object",
    ),
    (
        put(*S0, "perspectives", "A", "items", "dismissive"),
        "cases[0].sessions[0].perspectives.A.items: expected a list of text",
    ),
    (
        put(*S0, "perspectives", "A", "items", ["ok", 3]),
        "cases[0].sessions[0].perspectives.A.items[1]: expected text",
    ),
    (
        put(*S0, "perspectives", "A", "items", [" "]),
        "cases[0].sessions[0].perspectives.A.items[0]: empty item",
    ),
    (
        put(*S0, "perspectives", "A", "contributions", 0, "salient", "yes"),
        "cases[0].sessions[0].perspectives.A.contributions[0].salient: "
        "expected true or false, got 'yes'",
    ),
    (
        drop(*S0, "perspectives", "A", "contributions", 0, "text"),
        "cases[0].sessions[0].perspectives.A.contributions[0].text: missing",
    ),
    (
        put(*S0, "perspectives", "A", "contributions", 0, "role", 3),
        "cases[0].sessions[0].perspectives.A.contributions[0].role: expected text or null",
    ),
    # alliance
    (put(*S0, "alliance", "goals", "rating", 0), f"{GOALS}: {RATING}, got 0"),
    (put(*S0, "alliance", "goals", "rating", 6), f"{GOALS}: {RATING}, got 6"),
    (put(*S0, "alliance", "goals", "rating", True), f"{GOALS}: {RATING}, got true"),
    (put(*S0, "alliance", "goals", "rating", 2.5), f"{GOALS}: {RATING}, got 2.5"),
    (put(*S0, "alliance", "goals", "rating", "3"), f"{GOALS}: {RATING}, got '3'"),
    (put(*S0, "alliance", "bond", 3), "cases[0].sessions[0].alliance.bond: expected an object"),
    # plan
    (put(*S0, "plan", []), "cases[0].sessions[0].plan: expected an object"),
    (put(*S0, "plan", "actions", {}), "cases[0].sessions[0].plan.actions: expected a list"),
    (drop(*S1, "plan", "actions", 1, "text"), "cases[0].sessions[1].plan.actions[1].text: missing"),
    (
        put(*S1, "plan", "actions", 2, "status", "pending"),
        "cases[0].sessions[1].plan.actions[2].status: "
        "expected open, done or dropped, got 'pending'",
    ),
    # the first problem in file order is the one reported
    (
        both(put("cases", 1, "specialty", ""), put("cases", 0, "sessions", 1, "held_on", "x")),
        "cases[0].sessions[1].held_on: not a date",
    ),
    (
        both(put("cases", 2, "foo", 1), put("cases", 3, "code", "IDC-7Q4K")),
        "cases[2].foo: unknown key",
    ),
]


def _parse_mutated(mutate: Callable[[dict[str, Any]], None]) -> InterchangeError:
    document = _valid()
    mutate(document)
    with pytest.raises(InterchangeError) as caught:
        parse_document(json.dumps(document))
    return caught.value


def test_the_base_document_is_valid() -> None:
    assert len(parse_document(json.dumps(_valid()))) == 4


@pytest.mark.parametrize(("mutate", "message"), CASES, ids=[m for _, m in CASES])
def test_bad_document_names_the_path(
    mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    error = _parse_mutated(mutate)
    assert str(error) == message
    assert f"{error.path}: {error.problem}" == message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b'{"format": "idc-desktop.cases", "version": 1, "cases": [\xff]}',
            "(file): not UTF-8 text (byte 0xff at offset 56)",
        ),
        (b"\xef\xbb\xbf{\"a\": \"caf\xe9\"}", "(file): not UTF-8 text (byte 0xe9 at offset 13)"),
        (
            '{"format": "idc-desktop.cases",\n "version": 1,\n "cases": [',
            "(file): not valid JSON at line 3, column 12: Expecting value",
        ),
        (
            '{"format": "idc-desktop.cases" "version": 1}',
            "(file): not valid JSON at line 1, column 32: Expecting ',' delimiter",
        ),
        ("", "(file): empty file (expected interchange JSON)"),
        (b" \n", "(file): empty file (expected interchange JSON)"),
        ("[]", "(file): expected a JSON object at the top, got a list"),
        (
            '"idc-desktop.cases"',
            "(file): expected a JSON object at the top, got 'idc-desktop.cases'",
        ),
        (
            '{"format": "idc-desktop.cases", "version": 1, "cases": [{"specialty": NaN}]}',
            "(file): not valid JSON: NaN is not allowed in JSON",
        ),
        ("[" * 100_000 + "]" * 100_000, "(file): not valid JSON: nested too deeply"),
    ],
    ids=[
        "bad-byte", "latin-1", "truncated", "missing-comma", "empty", "blank", "list", "string",
        "nan", "deep",
    ],  # fmt: skip
)
def test_bad_file_names_the_file(raw: bytes | str, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        parse_document(raw)
    assert str(caught.value) == message
    assert caught.value.path == "(file)"


def test_a_key_given_twice_is_an_error() -> None:
    raw = (
        '{"format": "idc-desktop.cases", "version": 1,'
        ' "cases": [{"specialty": "A", "specialty": "B"}]}'
    )
    with pytest.raises(InterchangeError, match=r"^cases\[0\]\.specialty: given twice$"):
        parse_document(raw)


def test_interchange_error_is_an_input_error() -> None:
    error = _parse_mutated(put("version", 2))
    assert isinstance(error, InputError)
    assert error.exit_code == 2
    assert error.path == "version"
    assert error.problem == "version 2 is newer than this app understands (1)"

