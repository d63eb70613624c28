"""The team PDF: what it shows, what it never shows, metadata, Unicode, escaping, determinism.

The helpers at the top (demo data, label lookup, synthetic sessions, reading a PDF back with
pypdfium2) are shared with the other test_pdf_* modules.
"""

from __future__ import annotations

import getpass
from datetime import date
from functools import lru_cache

import pypdfium2
import pytest

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
from idc_desktop.domain.cycle import draft_cycle
from idc_desktop.export.interchange import parse_document
from idc_desktop.export.pdf import CONFIDENTIAL, Variant, render_pdf
from idc_desktop.paths import resources_dir
from idc_desktop.services.shipped import catalogue

# A string that must never reach a team PDF: it stands in the private reflection only.
PRIVATE_MARKER = "ZQXPRIVATEREFLECTION7F3A"


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {item.key: item.label for item in catalogue().items}


def label(key: str) -> str:
    return _labels().get(key, key)


def demo_bundles() -> list[CaseBundle]:
    """A fresh parse each time, so a test may change what it gets."""
    return parse_document((resources_dir() / "demo" / "cases.json").read_bytes())


def pages_text(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (line wraps become single spaces)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            out.append(" ".join(textpage.get_text_range().split()))
            textpage.close()
            page.close()
        return out
    finally:
        document.close()


def text_of(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def page_count(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        sizes = []
        for index in range(len(document)):
            page = document[index]
            sizes.append(tuple(page.get_size()))
            page.close()
        return sizes
    finally:
        document.close()


def metadata(pdf: bytes) -> dict[str, str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document.get_metadata_dict()
    finally:
        document.close()


def norm(text: str) -> str:
    return " ".join(text.split())


def synthetic_case(code: str = "IDC-T3ST") -> Case:
    return Case(
        code=code, specialty="Haematology", setting=Setting.INPATIENT, life_stage=LifeStage.YOUNG_ADULT,
        referral_reason="Splits the ward into allies and enemies; discharge keeps stalling.",
        status=CaseStatus.OPEN, tags=["splitting", "discharge"],
    )


def full_session(held_on: date = date(2026, 5, 6), tag: str = "") -> Consultation:
    """Every field filled, with distinctive text; `tag` makes two sessions tell apart."""
    perspectives = {}
    for p in Perspective:
        perspectives[p] = PerspectiveRecord(
            items=["dismissive", "controlling"] if p.family == "seen" else ["angry", "wanting_to_withdraw"],
            summary=f"Summary line of perspective {p.value}{tag}.",
            contributions=[
                Contribution(f"Salient example {p.value}{tag} one", "Staff nurse", salient=True),
                Contribution(f"Quiet aside {p.value}{tag} never printed", "Physiotherapist", salient=False),
                Contribution(f"Salient example {p.value}{tag} two", None, salient=True),
            ],
        )
    return Consultation(
        held_on=held_on,
        facilitator_role="Psychiatrist",
        presenter_role="Ward sister",
        attendees=[Attendee("Staff nurse", 5), Attendee("Registrar", 2), Attendee("Pharmacist", 1)],
        question=f"How do we stop being pulled into camps{tag}?",
        presentation=f"Presentation narrative{tag} of the case.",
        clarifying=f"Q: Clarifying question{tag}?\nA: Clarifying answer.",
        close_notes=f"What helped{tag}: naming the split out loud.",
        perspectives=perspectives,
        cycle=f"The patient expects to be let down{tag} (A) and so on, back to A.",
        formulation=f"Formulation hypothesis{tag} about early losses.",
        alliance={
            AllianceDimension.GOALS: AllianceRating(3, f"Goals note{tag}"),
            AllianceDimension.TASKS: AllianceRating(1, f"Tasks note{tag}"),
            AllianceDimension.BOND: AllianceRating(None, ""),
        },
        plan=Plan(
            stance=f"Stay steady and explain{tag}.",
            actions=[
                PlanAction(f"Name one nurse per shift{tag}", "Ward sister", date(2026, 5, 13), ActionStatus.OPEN),
                PlanAction(f"Joint meeting with the patient{tag}", "Consultant", date(2026, 5, 20), ActionStatus.DONE),
                PlanAction(f"Behaviour contract{tag}", "Matron", None, ActionStatus.DROPPED),
            ],
            risks=f"Risk of self-discharge{tag}; safeguard: escalate to the registrar.",
            staff_support=f"Debrief after hard shifts{tag}.",
            patient_message=f"We will explain each step and keep the same faces{tag}.",
            review_on=date(2026, 6, 17),
        ),
        facilitator_reflection=f"{PRIVATE_MARKER} I felt drawn to rescue the presenter.",
    )


def render(case: Case, sessions: list[Consultation], variant: Variant, **kwargs: object) -> bytes:
    return render_pdf(case, sessions, variant, label, **kwargs)


# --- tests ------------------------------------------------------------------------------------
ALL_VARIANTS = list(Variant)


def _sessions_for(variant: Variant, bundle: CaseBundle, index: int = 0) -> list[Consultation]:
    return bundle.sessions if variant is Variant.HISTORY else [bundle.sessions[index]]


@pytest.mark.parametrize("variant", ALL_VARIANTS)
@pytest.mark.parametrize("case_index", [0, 1, 2])
def test_every_demo_case_renders_in_every_variant(variant: Variant, case_index: int) -> None:
    bundle = demo_bundles()[case_index]
    pdf = render(bundle.case, _sessions_for(variant, bundle), variant)
    assert pdf.startswith(b"%PDF-")
    pages = page_count(pdf)
    assert pages == 1 if variant is Variant.HANDOUT else pages >= 2
    text = text_of(pdf)
    assert bundle.case.code in text
    assert CONFIDENTIAL in text
    assert f"Page 1 of {pages}" in text


def test_summary_shows_the_session_in_full() -> None:
    bundle = demo_bundles()[0]
    session = bundle.sessions[0]
    text = text_of(render(bundle.case, [session], Variant.SUMMARY, numbers=[1], session_count=2))
    assert "Session 1 of 2" in text
    assert "11 Mar 2026" in text
    for expected in (bundle.case.code, "Renal", "Outpatient", "Adult", "Psychotherapist", "Charge nurse",
                     "Staff nurse × 4", "(10 in total)", norm(session.question)):
        assert expected in text, expected
    for heading in ("How the patient experiences others", "How the patient experiences themselves",
                    "How others experience the patient", "How others experience themselves"):
        assert heading in text
    for record in session.perspectives.values():
        assert norm(record.summary) in text
        for item in record.items:
            assert label(item) in text
        for contribution in record.contributions:  # every one: starred or not
            assert norm(contribution.text) in text, contribution.text
    assert norm(session.cycle) in text
    assert norm(session.formulation) in text
    for action in session.plan.actions:
        assert norm(action.text) in text
        assert action.owner_role in text
    assert "18 Mar 2026" in text  # the first action's due date
    assert "Review date 29 Apr 2026" in text
    assert norm(session.plan.stance) in text
    assert norm(session.plan.risks) in text
    assert norm(session.plan.staff_support) in text
    assert norm(session.plan.patient_message) in text
    assert norm(session.close_notes) in text
    # The team summary stays focused: the presentation and the questions stay in the log.
    assert norm(session.presentation)[:60] not in text
    assert norm(session.clarifying)[:40] not in text


def test_alliance_ratings_print_as_score_and_dots() -> None:
    text = text_of(render(synthetic_case(), [full_session()], Variant.SUMMARY))
    assert "Goals ●●●○○ 3 / 5 · partial Goals note" in text
    assert "Tasks ●○○○○ 1 / 5 · none Tasks note" in text
    assert "Bond ○○○○○ not rated" in text


def test_synthetic_summary_keeps_every_contribution_starred_first() -> None:
    session = full_session()
    text = text_of(render(synthetic_case(), [session], Variant.SUMMARY))
    assert "★ starred by the group" in text
    for p in Perspective:
        one = text.index(f"★ Salient example {p.value} one — Staff nurse")
        two = text.index(f"★ Salient example {p.value} two")
        aside = text.index(f"• Quiet aside {p.value} never printed — Physiotherapist")
        assert one < two < aside  # starred first, each group in the order it was said
    for expected in ("Name one nurse per shift", "Ward sister", "13 May 2026", "Open",
                     "Joint meeting with the patient", "20 May 2026", "Done",
                     "Behaviour contract", "Matron", "Dropped", "17 Jun 2026",
                     "What helped: naming the split out loud."):
        assert expected in text, expected


def test_handout_keeps_to_the_cycle_and_the_plan() -> None:
    session = full_session()
    pdf = render(synthetic_case(), [session], Variant.HANDOUT)
    assert page_count(pdf) == 1
    text = text_of(pdf)
    for expected in (norm(session.cycle), "Stay steady and explain.", "Name one nurse per shift", "Ward sister",
                     "13 May 2026", "Risk of self-discharge", "Debrief after hard shifts",
                     "We will explain each step", "17 Jun 2026", "IDC-T3ST"):
        assert expected in text, expected
    # Not for the wall: the contributions, the formulation, the dropped action.
    for absent in ("Salient example", "Formulation hypothesis", "Behaviour contract", "Goals note"):
        assert absent not in text, absent


def test_history_has_an_overview_and_every_session_with_its_narrative() -> None:
    first, second = full_session(date(2026, 5, 6), " first"), full_session(date(2026, 6, 17), " second")
    second.plan.review_on = date(2026, 8, 1)
    pages = pages_text(render(synthetic_case(), [first, second], Variant.HISTORY))
    overview = pages[0]
    for expected in ("Case history", "IDC-T3ST", "Haematology", "Inpatient", "Young adult", "Open",
                     "Splits the ward into allies and enemies", "splitting, discharge",
                     "6 May 2026", "17 Jun 2026", "1 Aug 2026"):
        assert expected in overview, expected
    text = " ".join(pages)
    for tag in (" first", " second"):
        assert f"Presentation narrative{tag}" in text
        assert f"Clarifying question{tag}?" in text
        assert f"Formulation hypothesis{tag}" in text
    assert "Session 1 of 2" in text and "Session 2 of 2" in text


def test_numbers_and_session_count_give_the_heading() -> None:
    pdf = render(synthetic_case(), [full_session()], Variant.SUMMARY, numbers=[2], session_count=3)
    assert "Session 2 of 3" in text_of(pdf)
    assert "Session 2 " in text_of(render(synthetic_case(), [full_session()], Variant.SUMMARY, numbers=[2]))


def test_an_empty_cycle_prints_the_draft_from_the_items() -> None:
    session = full_session()
    session.cycle = "   "
    text = text_of(render(synthetic_case(), [session], Variant.SUMMARY))
    draft = draft_cycle(session, label)
    assert draft
    assert norm(draft) in text
    assert "Drafted from the chosen items." in text


# --- privacy ----------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_private_reflection_never_printed(variant: Variant) -> None:
    sessions = [full_session(date(2026, 5, 6), " a"), full_session(date(2026, 6, 6), " b")]
    chosen = sessions if variant is Variant.HISTORY else sessions[:1]
    pdf = render(synthetic_case(), chosen, variant)
    text = text_of(pdf)
    assert PRIVATE_MARKER not in text
    assert "drawn to rescue" not in text
    assert PRIVATE_MARKER.encode() not in pdf  # not hidden in the file either (metadata, annotations)


@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_demo_reflections_never_printed(variant: Variant) -> None:
    for bundle in demo_bundles():
        text = text_of(render(bundle.case, _sessions_for(variant, bundle), variant))
        for session in bundle.sessions:
            assert session.facilitator_reflection
            assert norm(session.facilitator_reflection)[:50] not in text


def test_the_gate_has_no_place_for_the_reflection() -> None:
    from dataclasses import fields

    from idc_desktop.export.pdf.content import SessionView

    assert {f.name for f in fields(SessionView)}.isdisjoint({"facilitator_reflection", "current_phase", "ground_rules"})


@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_metadata_names_only_the_kind_of_document(variant: Variant) -> None:
    bundle = demo_bundles()[0]
    pdf = render(bundle.case, _sessions_for(variant, bundle), variant)
    meta = metadata(pdf)
    assert meta["Title"] == {Variant.SUMMARY: "IDC session summary", Variant.HANDOUT: "IDC plan handout",
                             Variant.HISTORY: "IDC case history"}[variant]
    assert meta["Author"] in ("", "IDC Desktop")
    assert meta["Author"] != getpass.getuser()
    assert meta["Author"] != "anonymous"
    assert meta["Creator"] == "IDC Desktop"
    assert meta["Subject"] == ""
    assert meta["Keywords"] == ""
    for value in meta.values():
        assert bundle.case.code not in value
        assert "Renal" not in value
        assert "nurse" not in value.lower()


def test_the_user_name_is_nowhere_in_the_metadata() -> None:
    user = getpass.getuser()
    meta = metadata(render(synthetic_case(), [full_session()], Variant.SUMMARY))
    if user not in ("IDC", "Desktop"):  # a user called "IDC" would match the title harmlessly
        assert all(user not in value for value in meta.values())


# --- text handling ----------------------------------------------------------------------------
UNICODE_WORDS = ["café", "naïve", "Müller", "Gödel", "ğüşıöç", "Straße", "Καλημέρα", "ψυχή", "Здравствуйте", "Ђорђе"]
RTL_WORDS = ["مرحبا", "شكرا", "שלום", "תודה"]


def _contains_word(text: str, word: str) -> bool:
    """Right-to-left words print (DejaVu has the glyphs) but without reportlab's optional bidi
    support they are laid out left to right, so the PDF reads them back in visual order."""
    return word in text or word[::-1] in text


def test_unicode_prints() -> None:
    phrase = " ".join(UNICODE_WORDS + RTL_WORDS)
    session = full_session()
    session.question = phrase
    session.perspectives[Perspective.A].contributions[0].text = phrase
    session.perspectives[Perspective.A].items = ["Ελπίδα_key"]
    session.plan.actions[0].text = phrase
    session.plan.actions[0].owner_role = "Médecin généraliste"
    case = synthetic_case("IDC-ÜNİ")
    for variant in (Variant.SUMMARY, Variant.HANDOUT):
        text = text_of(render_pdf(case, [session], variant, lambda key: "Ελπίδα ✓" if key == "Ελπίδα_key" else key))
        for word in UNICODE_WORDS + ["Médecin généraliste", "IDC-ÜNİ"]:
            assert word in text, (variant, word)
        for word in RTL_WORDS:
            assert _contains_word(text, word), (variant, word)
        assert "Ελπίδα" in text


@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_emoji_and_cjk_do_not_break_rendering(variant: Variant) -> None:
    """DejaVu has no emoji or CJK glyphs: they print as empty boxes, and nothing fails."""
    session = full_session()
    session.question = "Why 🙂 and 👩‍⚕️ and 日本語 here?"
    session.cycle = "Round 🔁 and round"
    session.perspectives[Perspective.D].items = ["🙂 calm"]
    session.plan.actions[0].text = "Call 📞 the team"
    text = text_of(render(synthetic_case("IDC-🙂"), [session], variant))
    assert "Round" in text and "the team" in text


def test_plain_text_paragraphs_match_parsed_ones() -> None:
    """`para` skips the XML parser for plain text: it must lay out exactly as parsing would."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    from idc_desktop.export.pdf.styles import para, styles

    st = styles()
    text = "He seems to see us as people who keep him waiting, ordering him about — ünïcödé Καλημέρα " * 3
    for style in (st.body, st.h2, st.h3, st.items, st.muted, st.cell, st.title):
        fast, parsed = para(text, style), Paragraph(escape(text), style)
        assert fast.wrap(300, 1000) == parsed.wrap(300, 1000)
        assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]
        assert fast.frags[0] is not para(text, style).frags[0]
    bulleted, parsed = para(text, st.bullet, bullet="•"), Paragraph(escape(text), st.bullet, bulletText="•")
    assert bulleted.wrap(300, 1000) == parsed.wrap(300, 1000)


def test_a_long_case_code_is_shortened_in_the_header_line() -> None:
    code = "IDC-" + "X" * 200
    pages = pages_text(render(synthetic_case(code), [full_session()], Variant.SUMMARY))
    assert code in "".join(pages[0].split())  # in full in the title block (broken over lines)
    assert "…" in pages[1] and code not in pages[1]  # shortened in the running header


def test_markup_characters_print_literally() -> None:
    session = full_session()
    tricky = 'Tom & Jerry <b>not bold</b> a < b > c &amp; <para> "q" \' <br/> </font>'
    session.question = tricky
    session.perspectives[Perspective.B].contributions[0].text = tricky
    session.perspectives[Perspective.B].contributions[0].role = "<i>nurse</i> & co"
    session.plan.actions[0].text = tricky
    session.plan.actions[0].owner_role = "A&E <lead>"
    session.formulation = "x < y\nand y > z & so"
    for variant in (Variant.SUMMARY, Variant.HANDOUT):
        text = text_of(render(synthetic_case("IDC-A&B<C>"), [session], variant))
        assert norm(tricky) in text
        assert "A&E <lead>" in text
        assert "IDC-A&B<C>" in text
    text = text_of(render(synthetic_case(), [session], Variant.SUMMARY))
    assert "<i>nurse</i> & co" in text
    assert "x < y and y > z & so" in text


def test_control_characters_are_dropped_not_fatal() -> None:
    session = full_session()
    session.question = "bell\x07 null\x00 escape\x1b tab\there\r\nnext line\x85"
    text = text_of(render(synthetic_case(), [session], Variant.SUMMARY))
    assert "bell null escape tab here next line" in text


def test_an_unknown_item_key_prints_as_itself() -> None:
    session = full_session()
    session.perspectives[Perspective.C].items = ["no_such_item"]

    def strict(key: str) -> str:
        return label(key) if key != "no_such_item" else {}[key]

    text = text_of(render_pdf(synthetic_case(), [session], Variant.SUMMARY, strict))
    assert "no_such_item" in text


# --- edge cases of the input ------------------------------------------------------------------
@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_an_empty_session_renders(variant: Variant) -> None:
    case = Case(code="IDC-EMPT", specialty="")
    pdf = render(case, [Consultation(held_on=date(2026, 1, 1))], variant)
    assert page_count(pdf) >= 1
    text = text_of(pdf)
    assert "IDC-EMPT" in text
    assert "Not recorded." in text


def test_a_history_of_no_sessions_renders() -> None:
    text = text_of(render(synthetic_case(), [], Variant.HISTORY))
    assert "No sessions yet." in text and "Page 1 of 1" in text


def test_wrong_session_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="exactly one session"):
        render(synthetic_case(), [full_session(), full_session()], Variant.SUMMARY)
    with pytest.raises(ValueError, match="exactly one session"):
        render(synthetic_case(), [], Variant.HANDOUT)
    with pytest.raises(ValueError, match="numbers"):
        render(synthetic_case(), [full_session()], Variant.HISTORY, numbers=[1, 2])


def test_string_values_of_the_enums_are_accepted() -> None:
    pdf = render_pdf(synthetic_case(), [full_session()], "handout", label, "letter")
    assert page_count(pdf) == 1


# --- determinism ------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", ALL_VARIANTS)
def test_same_input_gives_identical_bytes(variant: Variant) -> None:
    bundle = demo_bundles()[1]
    first = render(bundle.case, _sessions_for(variant, bundle), variant)
    second = render(demo_bundles()[1].case, _sessions_for(variant, demo_bundles()[1]), variant)
    assert first == second
