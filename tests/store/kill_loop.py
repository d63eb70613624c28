"""The kill loop of test_crash_kills.py, run in a process of its own.

It forks a writer, kills it with SIGKILL at a random moment, checks the log with plain
sqlite3, and does it again. It runs in a fresh interpreter rather than in the test process
because a pytest worker has threads of its own (pytest-xdist talks to its workers from one)
and a process forked from a threaded one can inherit a lock some other thread held at that
moment and wait on it for ever; a fresh interpreter has one thread, so every fork is safe.

Usage: python kill_loop.py DATA_DIR KILLS SEED; prints one JSON line of figures; exits 1
with the reason on stderr if the log was damaged or an acknowledged edit was lost.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

from idc_desktop.domain import Case, Contribution, Perspective
from idc_desktop.paths import store_path
from idc_desktop.services import open_services

FIRST_COMMIT_S = 60  # a writer that has not committed its first edit by then is stuck: say so


def _writer(data_dir: Path, round_no: int, ack: int) -> None:
    """The child: edit until killed, acknowledging each committed edit on the pipe."""
    services = open_services(data_dir)

    def say(line: str) -> None:
        os.write(ack, (line + "\n").encode())

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


class Damaged(Exception):
    """The log is not intact after a kill, or an acknowledged edit is not in it."""


def _check(db: Path, acks: list[str], round_no: int) -> None:
    """Integrity, then every acknowledged edit, then imports all or nothing."""
    conn = sqlite3.connect(db)
    try:
        if (result := conn.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
            raise Damaged(f"round {round_no}: quick_check says {result}")
        for ack in acks:
            kind, *rest = ack.split()
            if kind == "case" and conn.execute("SELECT count(*) FROM cases WHERE code = ?", rest).fetchone()[0] != 1:
                raise Damaged(f"round {round_no}: acknowledged case {rest[0]} is missing")
            if kind == "session":
                found = conn.execute("SELECT count(*) FROM contributions WHERE consultation_id = ?",
                                     (int(rest[0]),)).fetchone()[0]
                if found < int(rest[1]):
                    raise Damaged(f"round {round_no}: session {rest[0]} has {found} contributions, "
                                  f"{rest[1]} were acknowledged")
        # An import is all or nothing, acknowledged or not: 0 or a multiple of 3 cases per bundle.
        for reason, count in conn.execute(
                "SELECT referral_reason, count(*) FROM cases WHERE referral_reason LIKE 'import %' GROUP BY 1"):
            if count % 3:
                raise Damaged(f"round {round_no}: {reason}: {count} cases, a partial import")
    finally:
        conn.close()


def _first_line(read_end: int, pid: int, round_no: int) -> bytes:
    """What the writer said up to its first acknowledgement (its first committed edit)."""
    said = b""
    deadline = time.monotonic() + FIRST_COMMIT_S
    while b"\n" not in said:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            raise Damaged(f"round {round_no}: the writer committed nothing in {FIRST_COMMIT_S} s")
        if select.select([read_end], [], [], left)[0]:
            chunk = os.read(read_end, 256)
            if not chunk:
                break  # the writer ended: what it said is checked like any other round
            said += chunk
    return said


def kill_loop(data_dir: Path, kills: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    db = store_path(data_dir)
    checked = imports = 0
    for round_no in range(kills):
        (data_dir.parent / f"import-{round_no}.json").write_text(json.dumps(_bundle(round_no)), encoding="utf-8")
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns
            os.close(read_end)
            try:
                _writer(data_dir, round_no, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        # The random moment counts from the first commit: on a busy machine (the suite runs on
        # two workers) opening alone can outlast the delay, and the kills would land before any work.
        said = _first_line(read_end, pid, round_no)
        time.sleep(rng.uniform(0.03, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            acks = (said + pipe.read()).decode().splitlines()
        imports += sum(ack.startswith("import") for ack in acks)
        checked += len(acks)
        _check(db, acks, round_no)
    conn = sqlite3.connect(db)
    try:
        if (result := conn.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            raise Damaged(f"after every kill: integrity_check says {result}")
        if broken := conn.execute("PRAGMA foreign_key_check").fetchall():
            raise Damaged(f"after every kill: foreign keys broken: {broken[:5]}")
    finally:
        conn.close()
    return {"kills": kills, "checked": checked, "imports": imports}


if __name__ == "__main__":
    try:
        figures = kill_loop(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    except Damaged as damage:
        print(damage, file=sys.stderr)
        sys.exit(1)
    print(json.dumps(figures))
