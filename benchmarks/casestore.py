"""Benchmark case logs of 1k, 10k or 100k anonymised cases, built fast and cached.

A store is created the way the app creates one (`open_store` + `seed_defaults`). The first
`REPOSITORY_CASES` cases go in through the store's own repository (`uow.cases.add`, which
keeps the FTS index right), all in one unit of work. The rest are bulk-inserted with
SQLAlchemy Core in exactly the form the repository writes: the same columns, and the same
search-index body (`SearchIndex._case_text` of a case without sessions). `_verify` checks
that claim on every build by re-indexing a sample of bulk rows through the store's own
`SearchIndex.reindex` and comparing, and by counting.

Built stores are cached under the temp directory, keyed by the schema head revision and a
hash of this file, so a change to either rebuilds; stale caches are removed.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from idc_desktop.domain import Case, CaseStatus, LifeStage, Setting
from idc_desktop.domain.codes import CODE_ALPHABET, CODE_PREFIX, code_problem
from idc_desktop.domain.validation import clean_case
from idc_desktop.paths import make_private_dir, migrations_dir, store_path
from idc_desktop.services import seed_defaults, shipped
from idc_desktop.store.opening import open_store
from idc_desktop.store.revisions import head_revision
from idc_desktop.store.schema_extras import SEARCH_TABLE

REPOSITORY_CASES = 1_000  # cases written through uow.cases.add; the rest in bulk
BULK_CHUNK = 10_000
SEED = 20_260_304

# --- anonymised, realistic-sounding referral text -------------------------------------
_WHO = (
    "The ward team describe", "Nurses report", "Staff on the unit describe", "The consultant asks for help with",
    "Junior doctors find it hard to manage", "Therapists describe", "Night staff report", "The clinic team notice",
    "The community team describe", "Healthcare assistants report", "The registrar is worried about",
    "The multidisciplinary team want to think about",
)
_PATTERNS = (
    "repeated refusal of {care}", "mistrust of the medical team", "missed appointments and late arrivals",
    "angry outbursts when {care} is delayed", "splitting between day and night staff",
    "frequent requests to self-discharge", "misunderstood pain and requests for stronger analgesia",
    "withdrawal and silence during the ward round", "demands for one named nurse",
    "complaints about {staff} to the patient advice service", "idealising one nurse and devaluing others",
    "miscommunication with the family about prognosis", "fear of abandonment whenever discharge is raised",
    "non-adherence with {care}", "shouting at {staff} and then apologising", "refusing {care} at night",
    "mixed messages from {staff} about {care}", "missing doses of {care}", "threats to leave against advice",
    "treating {staff} as the enemy", "clinging to {staff} and phoning the ward many times a day",
    "playing down symptoms until a crisis", "disputes over visiting and boundaries",
    "reluctance to engage with {care} after a bad experience", "hostility towards students and new staff",
)
_CARE = (
    "dialysis", "insulin", "wound care", "physiotherapy", "medication", "blood tests", "nasogastric feeding",
    "observations", "mobilisation", "dressings", "oxygen", "chemotherapy", "pain relief", "antibiotics",
    "fluid restriction", "a care package", "psychology", "the diet plan", "investigations", "rehabilitation",
)
_STAFF = (
    "the nurses", "the registrar", "the consultant", "the physiotherapists", "the dietitian", "the night team",
    "the discharge coordinator", "the pharmacist", "the ward manager", "the occupational therapist",
)
_WHERE = (
    "on the ward", "in clinic", "on home visits", "at handover", "at weekends", "in the day unit",
    "during transfers", "on the telephone", "at ward rounds", "in the emergency department",
)
_FEELINGS = (
    "Staff feel helpless and criticised.", "The team feel exhausted and wary.", "The team is split about boundaries.",
    "Some staff feel manipulated, others protective.", "Nurses dread the ward round.",
    "Staff are anxious about a formal complaint.", "The team feel they can never do enough.",
    "Several staff have asked not to be allocated.", "The team worry they are missing something medical.",
    "Staff feel deskilled and angry.", "There is tension between the ward and the specialist team.",
    "The team notice they avoid the bay.", "Colleagues disagree about whether to set limits.",
)
_CONDITIONS = (
    "diabetes", "COPD", "cirrhosis", "sickle cell disease", "heart failure", "epilepsy", "chronic pain",
    "renal failure", "Crohn's disease", "cystic fibrosis", "a stroke", "breast cancer", "lymphoma",
    "rheumatoid arthritis", "a hip fracture", "pancreatitis", "anorexia", "multiple sclerosis", "asthma",
    "an amputation", "burns", "a brain injury", "endometriosis", "fibromyalgia", "motor neurone disease",
)
_RARE = ("tracheostomy", "plasmapheresis", "lithotripsy")  # every 200th case mentions one, in turn
RARE_EVERY = 200
_TAGS = (
    "frequent attender", "complaint", "self-discharge", "safeguarding", "split team", "staff sickness",
    "conflict", "boundaries", "family", "aggression", "long stay", "end of life", "capacity", "transition",
)
_GENDERS = ("male", "female", "non-binary")


def _referral(rng: random.Random, index: int) -> str:
    def pattern() -> str:
        return rng.choice(_PATTERNS).format(care=rng.choice(_CARE), staff=rng.choice(_STAFF))

    parts = [f"{rng.choice(_WHO)} {pattern()} {rng.choice(_WHERE)}."]
    if rng.random() < 0.7:
        parts.append(f"Background of {rng.choice(_CONDITIONS)}; also {pattern()}.")
    parts.append(rng.choice(_FEELINGS))
    if index % RARE_EVERY == RARE_EVERY - 1:  # a rare word: found at every size, in few cases
        parts.append(f"Recent {_RARE[index // RARE_EVERY % len(_RARE)]} has added to the strain.")
    return " ".join(parts)


def generate_cases(n: int, seed: int = SEED) -> list[Case]:
    """n valid cases (as `clean_case` leaves them) with unique random codes."""
    rng = random.Random(seed)
    specialties = shipped.specialties()
    settings, stages = list(Setting), list(LifeStage)
    codes: set[str] = set()
    cases: list[Case] = []
    while len(cases) < n:
        code = CODE_PREFIX + "".join(rng.choices(CODE_ALPHABET, k=6))  # new_case_code(6), but seeded
        if code in codes or code_problem(code):
            continue
        codes.add(code)
        cases.append(
            clean_case(
                Case(
                    code=code,
                    specialty=rng.choice(specialties),
                    setting=rng.choices(settings, weights=(5, 3, 2, 1))[0],
                    life_stage=rng.choices(stages, weights=(1, 1, 2, 5, 4))[0],
                    gender=rng.choice(_GENDERS) if rng.random() < 0.1 else None,
                    referral_reason=_referral(rng, len(cases)),
                    status=CaseStatus.OPEN if rng.random() < 0.7 else CaseStatus.CLOSED,
                    tags=rng.sample(_TAGS, rng.choices((0, 1, 2, 3), weights=(3, 4, 2, 1))[0]),
                )
            )
        )
    return cases


def search_body(case: Case) -> str:
    """The index text the store writes for a case without sessions (SearchIndex._case_text)."""
    parts = [case.code, case.specialty, case.setting.value, case.life_stage.value, case.gender or "",
             case.referral_reason, *case.tags]
    return "\n".join(p for p in parts if p)


# --- building -------------------------------------------------------------------------
def build_store(data_dir: Path, n: int, seed: int = SEED) -> Path:
    """Create a store of n cases in data_dir (which must hold no store yet); returns its path."""
    from sqlalchemy import text

    from idc_desktop.store.models import CaseRow

    cases = generate_cases(n, seed)
    store = open_store(data_dir)
    try:
        seed_defaults(store)
        through_repo, bulk = cases[:REPOSITORY_CASES], cases[REPOSITORY_CASES:]
        with store.unit() as uow:
            for case in through_repo:
                case.id = uow.cases.add(case)
        if bulk:
            rng = random.Random(seed + 1)
            start = datetime(2021, 1, 1)
            with store.engine.begin() as conn:
                next_id = (conn.execute(text("SELECT max(id) FROM cases")).scalar() or 0) + 1
                for first in range(0, len(bulk), BULK_CHUNK):
                    chunk = bulk[first:first + BULK_CHUNK]
                    rows, bodies = [], []
                    for case in chunk:
                        case.id = next_id
                        next_id += 1
                        created = start + timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
                        rows.append({
                            "id": case.id, "code": case.code, "specialty": case.specialty,
                            "setting": case.setting.value, "life_stage": case.life_stage.value,
                            "gender": case.gender, "referral_reason": case.referral_reason,
                            "status": case.status.value, "tags": list(case.tags), "session_count": 0,
                            "last_session_on": None, "next_review_on": None,
                            "created_at": created, "updated_at": created,
                        })
                        bodies.append({"id": case.id, "body": search_body(case)})
                    conn.execute(CaseRow.__table__.insert(), rows)
                    conn.execute(text(f"INSERT INTO {SEARCH_TABLE}(rowid, body) VALUES (:id, :body)"), bodies)
        _verify(store, cases)
    finally:
        store.close()
    return store_path(data_dir)


def _verify(store, cases: list[Case]) -> None:  # noqa: ANN001 - idc_desktop.store.store.Store
    """The bulk rows are what the store itself would have written; fail loudly otherwise."""
    from sqlalchemy import text

    body_sql = text(f"SELECT body FROM {SEARCH_TABLE} WHERE rowid = :id")
    sample = random.Random(SEED).sample(cases, min(len(cases), 25))
    with store.unit() as uow:
        assert uow.cases.count() == len(cases), "case count differs"
        for case in sample:
            assert uow.cases.get(case.id) == case, f"case {case.code} does not read back"
    with store.engine.connect() as conn:
        written = {c.id: conn.execute(body_sql, {"id": c.id}).scalar() for c in sample}
        indexed = conn.execute(text(f"SELECT count(*) FROM {SEARCH_TABLE}")).scalar()
    assert indexed == len(cases), "search index row count differs"
    with store.unit() as uow:  # the store's own indexing; it must write the very same text
        for case in sample:
            uow.search.reindex(case.id)
    with store.engine.connect() as conn:
        for case in sample:
            own = conn.execute(body_sql, {"id": case.id}).scalar()
            assert own == written[case.id], f"search body of {case.code} differs from the store's"


# --- the cache ------------------------------------------------------------------------
def cache_root() -> Path:
    return Path(tempfile.gettempdir()) / "idc-desktop-bench"


def cache_key() -> str:
    """The head revision, and a hash of this generator and of every migration script: a script
    changed in place (a revision not yet released) must not reuse a store built by the old one."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        digest.update(script.read_bytes())
    return f"{head_revision()}-{digest.hexdigest()[:10]}"


def cached_store(n: int) -> Path:
    """The path of a cached store of n cases, built first if needed (a few seconds per 100k)."""
    root = cache_root()
    key_dir = root / cache_key()
    final = key_dir / f"cases-{n}"
    if store_path(final).exists():
        return store_path(final)
    make_private_dir(key_dir)
    for stale in root.iterdir():
        if stale.is_dir() and stale != key_dir:
            shutil.rmtree(stale, ignore_errors=True)
    building = Path(tempfile.mkdtemp(prefix=f".building-{n}-", dir=key_dir))
    try:
        build_store(building, n)
        try:
            os.replace(building, final)
        except OSError:  # another run finished the same store first
            if not store_path(final).exists():
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return store_path(final)


def working_copy(n: int, parent: Path) -> Path:
    """A private data directory under parent holding a fresh copy of the cached n-case store."""
    source = cached_store(n)
    data_dir = make_private_dir(parent / f"data-{n}")
    shutil.copyfile(source, store_path(data_dir))
    os.chmod(store_path(data_dir), 0o600)
    return data_dir


def count_cases(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()
