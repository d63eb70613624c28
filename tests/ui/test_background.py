"""BackgroundTask and run_and_wait: results, errors and Cancel come back whatever the timing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from idc_desktop.domain.errors import Cancelled, IdcError
from idc_desktop.ui.background import BackgroundTask, run_and_wait


@pytest.fixture
def parent(qtbot) -> QWidget:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_result_comes_back_from_another_thread(parent: QWidget) -> None:
    assert run_and_wait(parent, "x", lambda _p: threading.current_thread().name) == "idc-background"


@pytest.mark.parametrize("repeat", range(20))  # work that ends at once: no lost wake-up, no lost outcome
def test_an_instant_outcome_is_never_lost(parent: QWidget, repeat: int) -> None:
    with pytest.raises(Cancelled):
        run_and_wait(parent, "x", lambda _p: (_ for _ in ()).throw(Cancelled("stop")))
    assert run_and_wait(parent, "x", lambda _p: repeat) == repeat


def test_an_error_is_raised_in_the_caller_with_its_message(parent: QWidget) -> None:
    def broken(_p):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    with pytest.raises(IdcError, match="No space left on device"):
        run_and_wait(parent, "x", broken)


def test_stop_is_seen_at_the_next_progress_report(qtbot) -> None:  # noqa: ANN001
    reached: list[int] = []
    gate = threading.Event()

    def work(progress):  # noqa: ANN001, ANN202
        for i in range(1000):
            progress(i, 1000)
            reached.append(i)
            gate.wait(1)
        return "finished"

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.start()
        task.stop()
        gate.set()
    assert task.outcome == ("cancelled", None) and len(reached) < 1000
