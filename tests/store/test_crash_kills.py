"""Killing the app at any moment never damages the log and never loses a committed edit.

A writer process (forked from this one, so no interpreter start-up per kill) opens the log
through the services and keeps editing: new cases, a session growing a contribution at a
time, and imports of three cases at once. After each commit returns it writes an
acknowledgement to a pipe. The test kills it with SIGKILL at a random moment, then checks,
with plain sqlite3, that the file is intact, that every acknowledged edit is there, and that
every import is all there or not there at all.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from idc_desktop.paths import store_path

KILLS = 200
SEED = 20_261_122


def _writer(data_dir: Path, round_no: int, ack: int) -> None:
    """The child: edit until killed, acknowledging each committed edit on the pipe."""
    from idc_desktop.domain import Case, Contribution, Perspective
    from idc_desktop.services import open_services

    services = open_services(data_dir)

    def say(line: str) -> None:
        os.write(ack, (line + "\n").encode())

    say("open")  # the kill's random moment is counted from here, not from the fork

    case = services.cases.create(Case(code="", specialty="Renal", referral_reason=f"round {round_no}"))
    say(f"case {case.code}")
    session = services.sessions.start(case.id)
    bundle = data_dir.parent / f"import-{round_no}.json"
    for step in range(10_000):
        if step % 5 == 4:
            services.transfer.import_file(bundle)
            say(f"import {round_no}")
            continue
        session.perspectives[Perspective.A].contributions.append(Contribution(text=f"step {step}"))
        services.sessions.save(session)
        say(f"session {session.id} {len(session.perspectives[Perspective.A].contributions)}")


def _bundle(round_no: int) -> dict:
    return {"format": "idc-desktop.cases", "version": 1, "cases": [
        {"specialty": "Oncology", "setting": "outpatient", "life_stage": "adult",
         "referral_reason": f"import {round_no}", "sessions": [{"held_on": "2026-03-04", "question": "q"}]}
        for _ in range(3)
    ]}


def _check(db: Path, acks: list[str]) -> int:
    """Integrity, then every acknowledged edit; returns how many edits were checked."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        for ack in acks:
            kind, *rest = ack.split()
            if kind == "case":
                assert conn.execute("SELECT count(*) FROM cases WHERE code = ?", rest).fetchone()[0] == 1
            elif kind == "session":
                found = conn.execute("SELECT count(*) FROM contributions WHERE consultation_id = ?",
                                     (int(rest[0]),)).fetchone()[0]
                assert found >= int(rest[1])
        # An import is all or nothing, acknowledged or not: 0 or a multiple of 3 cases per bundle.
        for reason, count in conn.execute(
                "SELECT referral_reason, count(*) FROM cases WHERE referral_reason LIKE 'import %' GROUP BY 1"):
            assert count % 3 == 0, f"{reason}: {count} cases, a partial import"
        return len(acks)
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killing_a_writer_at_random_moments_loses_nothing_committed(data_dir: Path) -> None:
    rng = random.Random(SEED)
    db = store_path(data_dir)
    checked = kills = imports = 0
    for round_no in range(KILLS):
        (data_dir.parent / f"import-{round_no}.json").write_text(json.dumps(_bundle(round_no)), encoding="utf-8")
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns into pytest
            os.close(read_end)
            try:
                _writer(data_dir, round_no, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        # Wait until the store is open and its first edit committed: on a busy machine (the
        # suite runs on two workers) opening alone can outlast the delay, and the kills would
        # then land before any real work. The random moment is counted from there.
        opened = b""
        while opened.count(b"\n") < 2:
            chunk = os.read(read_end, 1)
            if not chunk:
                break
            opened += chunk
        time.sleep(rng.uniform(0.03, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            acks = (opened.partition(b"\n")[2] + pipe.read()).decode().splitlines()  # not "open"
        kills += 1
        imports += sum(ack.startswith("import") for ack in acks)
        checked += _check(db, acks)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    print(f"\nkills survived: {kills}/{KILLS}; committed edits checked: {checked} ({imports} imports)")
    assert checked > KILLS and imports > 0  # the writer got real work done between kills
