"""The interchange format, version 1: reading, writing and the round trip between them."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.case import Case
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
from idc_desktop.export.interchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    bundle_to_dict,
    dump_document,
    parse_document,
)

from tests.export.strategies import bundle_lists

FULL_DOCUMENT = {
    "format": "idc-desktop.cases",
    "version": 1,
    "cases": [
        {
            "code": "idc-7q4k ",
            "specialty": "Renal",
            "setting": "outpatient",
            "life_stage": "young adult",
            "gender": "female",
            "referral_reason": "Shouts at the dialysis nurses; misses sessions.",
            "status": "open",
            "tags": ["dialysis", "splitting"],
            "sessions": [
                {
                    "held_on": "2026-04-15",
                    "perspectives": {"D": {"items": ["wanting to withdraw"]}},
                },
                {
                    "held_on": "2026-03-04",
                    "facilitator_role": "Consultant psychiatrist",
                    "presenter_role": "Charge nurse",
                    "attendees": [{"role": "Staff nurse", "count": 4}, {"role": "Dietitian"}],
                    "question": "Why do we keep ending up in arguments?",
                    "notes": {
                        "presentation": "Context and history.",
                        "clarifying": "Q and A.",
                        "close": "Helpful to see the split.",
                    },
                    "perspectives": {
                        "A": {
                            "items": ["dismissive", "Critical"],
                            "summary": "We are seen as not caring.",
                            "contributions": [
                                {
                                    "text": "You never listen",
                                    "role": "Staff nurse",
                                    "salient": True,
                                },
                                {"text": "Looks away when the doctor comes"},
                            ],
                        },
                        "B": {},
                        "C": {"items": ["demanding"]},
                    },
                    "cycle": "Dismissed -> angry -> avoided -> dismissed.",
                    "formulation": "Echoes early neglect.",
                    "alliance": {
                        "goals": {"rating": 2, "notes": "We want different things."},
                        "bond": {"rating": None},
                    },
                    "plan": {
                        "stance": "Calm, consistent, brief.",
                        "actions": [
                            {
                                "text": "Same nurse each session",
                                "owner_role": "Charge nurse",
                                "due_on": "2026-04-01",
                                "status": "done",
                            },
                            {"text": "Process comment when voices rise", "due_on": None},
                        ],
                        "risks": "Missed dialysis.",
                        "staff_support": "Debrief after hard sessions.",
                        "patient_message": "We will keep the same times.",
                        "review_on": "2026-05-01",
                    },
                    "facilitator_reflection": "I felt pulled to rescue.",
                },
            ],
        },
        {"specialty": "Diabetes"},
    ],
}


def _expected_bundles() -> list[CaseBundle]:
    first = Consultation(
        held_on=date(2026, 3, 4),
        facilitator_role="Consultant psychiatrist",
        presenter_role="Charge nurse",
        attendees=[Attendee("Staff nurse", 4), Attendee("Dietitian", 1)],
        question="Why do we keep ending up in arguments?",
        presentation="Context and history.",
        clarifying="Q and A.",
        close_notes="Helpful to see the split.",
        cycle="Dismissed -> angry -> avoided -> dismissed.",
        formulation="Echoes early neglect.",
        plan=Plan(
            stance="Calm, consistent, brief.",
            actions=[
                PlanAction(
                    "Same nurse each session", "Charge nurse", date(2026, 4, 1), ActionStatus.DONE
                ),
                PlanAction("Process comment when voices rise"),
            ],
            risks="Missed dialysis.",
            staff_support="Debrief after hard sessions.",
            patient_message="We will keep the same times.",
            review_on=date(2026, 5, 1),
        ),
        facilitator_reflection="I felt pulled to rescue.",
    )
    first.perspectives[Perspective.A] = PerspectiveRecord(
        items=["dismissive", "Critical"],
        summary="We are seen as not caring.",
        contributions=[
            Contribution("You never listen", "Staff nurse", True),
            Contribution("Looks away when the doctor comes"),
        ],
    )
    first.perspectives[Perspective.C] = PerspectiveRecord(items=["demanding"])
    first.alliance[AllianceDimension.GOALS] = AllianceRating(2, "We want different things.")
    second = Consultation(held_on=date(2026, 4, 15))
    second.perspectives[Perspective.D] = PerspectiveRecord(items=["wanting to withdraw"])
    case = Case(
        code="IDC-7Q4K",
        specialty="Renal",
        setting=Setting.OUTPATIENT,
        life_stage=LifeStage.YOUNG_ADULT,
        gender="female",
        referral_reason="Shouts at the dialysis nurses; misses sessions.",
        status=CaseStatus.OPEN,
        tags=["dialysis", "splitting"],
    )
    return [CaseBundle(case, [first, second]), CaseBundle(Case(code="", specialty="Diabetes"))]


def _carried(bundle: CaseBundle) -> CaseBundle:
    """The bundle as the format carries it: no ids, links, ground rules or current phase."""
    bundle = copy.deepcopy(bundle)
    bundle.case.id = None
    for session in bundle.sessions:
        session.id = session.case_id = None
        session.ground_rules = []
        session.current_phase = ""
        for action in session.plan.actions:
            action.id = action.carried_from = None
        for record in session.perspectives.values():
            for contribution in record.contributions:
                contribution.id = None
    bundle.sessions.sort(key=lambda s: s.held_on)
    return bundle


def test_full_document_parses_into_domain_objects() -> None:
    assert parse_document(json.dumps(FULL_DOCUMENT)) == _expected_bundles()


def test_missing_optional_keys_take_defaults() -> None:
    [bundle] = parse_document(
        json.dumps(
            {
                "format": FORMAT_NAME,
                "version": FORMAT_VERSION,
                "cases": [{"specialty": "ICU", "sessions": [{"held_on": "2026-01-02"}]}],
            }
        )
    )
    assert bundle == CaseBundle(Case("", "ICU"), [Consultation(date(2026, 1, 2))])
    [session] = bundle.sessions
    assert list(session.perspectives) == list(Perspective)
    assert all(record.is_empty() for record in session.perspectives.values())
    assert list(session.alliance) == list(AllianceDimension)


def test_an_empty_list_of_cases_is_a_valid_file() -> None:
    assert parse_document('{"format": "idc-desktop.cases", "version": 1, "cases": []}') == []


def test_bytes_with_and_without_a_byte_order_mark() -> None:
    text = json.dumps(FULL_DOCUMENT, ensure_ascii=False)
    expected = _expected_bundles()
    assert parse_document(text.encode("utf-8")) == expected
    assert parse_document(b"\xef\xbb\xbf" + text.encode("utf-8")) == expected
    assert parse_document("\ufeff" + text) == expected


def test_text_is_cleaned_as_the_store_keeps_it() -> None:
    document = copy.deepcopy(FULL_DOCUMENT)
    case = document["cases"][1]
    case["referral_reason"] = "  first\r\nsecond\x00\rthird  "
    case["gender"] = "   "
    case["tags"] = [" dialysis ", "dialysis", "", "x\x00y"]
    case["sessions"] = [
        {
            "held_on": "2026-01-01",
            "perspectives": {"A": {"contributions": [{"text": "hi", "role": ""}]}},
        }
    ]
    [_, bundle] = parse_document(json.dumps(document))
    assert bundle.case.referral_reason == "first\nsecond\nthird"
    assert bundle.case.gender is None
    assert bundle.case.tags == ["dialysis", "xy"]
    assert bundle.sessions[0].perspectives[Perspective.A].contributions == [Contribution("hi")]


def test_sessions_are_sorted_by_date_keeping_file_order_on_the_same_day() -> None:
    document = {
        "format": FORMAT_NAME,
        "version": 1,
        "cases": [
            {
                "specialty": "Oncology",
                "sessions": [
                    {"held_on": "2026-02-01", "question": "late"},
                    {"held_on": "2026-01-01", "question": "same day, first"},
                    {"held_on": "2026-01-01", "question": "same day, second"},
                ],
            }
        ],
    }
    [bundle] = parse_document(json.dumps(document))
    assert [s.question for s in bundle.sessions] == [
        "same day, first",
        "same day, second",
        "late",
    ]


def test_dump_writes_every_key_in_the_order_of_the_spec() -> None:
    text = dump_document(_expected_bundles())
    assert text.endswith("}\n")
    document = json.loads(text)
    assert list(document) == ["format", "version", "cases"]
    case = document["cases"][0]
    assert list(case) == [
        "code", "specialty", "setting", "life_stage", "gender", "referral_reason",
        "status", "tags", "sessions",
    ]  # fmt: skip
    session = case["sessions"][0]
    assert list(session) == [
        "held_on", "facilitator_role", "presenter_role", "attendees", "question", "notes",
        "perspectives", "cycle", "formulation", "alliance", "plan", "facilitator_reflection",
    ]  # fmt: skip
    assert list(session["notes"]) == ["presentation", "clarifying", "close"]
    assert list(session["perspectives"]) == ["A", "B", "C", "D"]
    assert session["perspectives"]["B"] == {"items": [], "summary": "", "contributions": []}
    assert list(session["perspectives"]["A"]["contributions"][1]) == ["text", "role", "salient"]
    assert session["perspectives"]["A"]["contributions"][1]["role"] is None
    assert list(session["alliance"]) == ["goals", "tasks", "bond"]
    assert session["alliance"]["tasks"] == {"rating": None, "notes": ""}
    assert list(session["plan"]) == [
        "stance", "actions", "risks", "staff_support", "patient_message", "review_on",
    ]  # fmt: skip
    assert list(session["plan"]["actions"][1]) == ["text", "owner_role", "due_on", "status"]
    assert session["plan"]["actions"][1]["due_on"] is None
    assert document["cases"][1]["code"] is None
    assert document["cases"][1]["gender"] is None
    assert [s["held_on"] for s in case["sessions"]] == ["2026-03-04", "2026-04-15"]


def test_dump_keeps_text_unescaped_and_indented() -> None:
    bundle = CaseBundle(Case("IDC-ABCD", "Néphrologie 🏥 كلى"))
    text = dump_document([bundle])
    assert '"specialty": "Néphrologie 🏥 كلى"' in text
    assert '\n  "version": 1,\n' in text


def test_dump_leaves_out_what_the_format_does_not_carry() -> None:
    [bundle, _] = _expected_bundles()
    bundle.case.id = 7
    session = bundle.sessions[0]
    session.id, session.case_id, session.current_phase = 3, 7, "plan"
    session.ground_rules = ["confidential"]
    session.plan.actions[0] = replace(session.plan.actions[0], id=11, carried_from=9)
    text = dump_document([bundle])
    for word in ('"id"', "carried_from", "current_phase", "ground_rules", "case_id"):
        assert word not in text
    assert parse_document(text) == [_carried(bundle)]


def test_bundle_to_dict_is_one_element_of_cases() -> None:
    bundles = _expected_bundles()
    assert json.loads(dump_document(bundles))["cases"] == [bundle_to_dict(b) for b in bundles]


def test_example_round_trip() -> None:
    text = dump_document(_expected_bundles())
    assert parse_document(text) == _expected_bundles()
    assert dump_document(parse_document(text)) == text


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle_lists())
def test_round_trip_of_random_bundles(bundles: list[CaseBundle]) -> None:
    text = dump_document(bundles)
    parsed = parse_document(text)
    assert dump_document(parsed) == text
    assert parsed == [_carried(b) for b in bundles]
    assert parse_document(text.encode("utf-8")) == parsed
