"""Killing a passphrase change at any moment leaves a log that the old or the new passphrase
opens, intact and whole; never neither.

A child process (forked, so no interpreter start-up per kill) changes the passphrase back and
forth between two, and between protected and plain, writing to a pipe after each change
returns; the test kills it with SIGKILL at a random moment and opens the log with the passphrase
it had, or the next one.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from idc_desktop.domain import CaseFilter
from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services import open_services, seed_demo
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.lock import StoreLock
from idc_desktop.store.rekey import change_key

KILLS = 20
SEED = 20_261_202
# The passphrases in turn: protecting, changing, removing, protecting again...
CYCLE = [Passphrase("first passphrase, long enough"), Passphrase("second passphrase, 'quoted'"), None]


def _changer(data_dir: Path, start: int, ack: int) -> None:
    os.write(ack, b"go\n")
    step = start
    while True:
        old, new = CYCLE[step % len(CYCLE)], CYCLE[(step + 1) % len(CYCLE)]
        with StoreLock(data_dir):
            change_key(data_dir, old, new)
        step += 1
        os.write(ack, f"{step}\n".encode())


def _opening_key(path: Path, step: int) -> Passphrase | None:
    """The one of the step's two passphrases that opens the log (asserting that one does)."""
    old, new = CYCLE[step % len(CYCLE)], CYCLE[(step + 1) % len(CYCLE)]
    for key in (old, new):
        if (key is not None) == cipher.looks_protected(path) and cipher.opens_with(path, key):
            return key
    raise AssertionError(f"neither passphrase of step {step} opens the log")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_killed_passphrase_change_leaves_a_log_one_of_the_two_opens(data_dir: Path) -> None:
    services = open_services(data_dir)
    seed_demo(services)
    cases = services.cases.count()
    word = services.cases.list(CaseFilter())[0].specialty
    found = len(services.cases.list(CaseFilter(text=word)))
    services.close()
    changes = 0
    # How long one change takes here (this machine, this load): the kills land across that span.
    started = time.monotonic()
    change_key(data_dir, None, CYCLE[0])
    change_key(data_dir, CYCLE[0], None)
    span = (time.monotonic() - started) / 2
    rng = random.Random(SEED)
    path = store_path(data_dir)
    step = CYCLE.index(None)  # CYCLE[step % 3] opens the log now: plain at first
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                _changer(data_dir, step, write_end)
            except BaseException as exc:  # noqa: BLE001 - told to the test, which fails on it
                os.write(write_end, f"failed:{type(exc).__name__}:{exc}".replace(" ", "_").encode())
            finally:
                os._exit(0)
        os.close(write_end)
        assert os.read(read_end, 3) == b"go\n"
        time.sleep(rng.uniform(0.0, 2.5 * span))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            acks = pipe.read().decode().split()
        assert not any(ack.startswith("failed") for ack in acks), acks
        if acks:
            step = int(acks[-1])
        key = _opening_key(path, step)
        if key != CYCLE[step % len(CYCLE)]:  # killed after the rename, before the acknowledgement
            step += 1
        opened = open_services(data_dir, key=key)
        try:  # whole, with its search index
            assert opened.cases.count() == cases
            assert len(opened.cases.list(CaseFilter(text=word))) == found
        finally:
            opened.close()
        changes += len(acks)
        for old_copy in sorted(backup_dir(data_dir).glob("*"))[:-2]:  # each change keeps one: keep the folder small
            old_copy.unlink()
    assert changes >= 1  # not every kill landed before the first change ended (so some landed after a rename)
