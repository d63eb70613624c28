"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 releases a reference to None on every call of a void method; on Python 3.11
(where None is not immortal) the app crashes after enough calls. pyproject.toml excludes it;
this test fails loudly if such a binding ever comes back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_methods_leave_none_refcount_alone(qapp) -> None:  # noqa: ANN001
    font, label = QFont(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        font.setPixelSize(30)
        label.setText("x")
    assert sys.getrefcount(None) - before > -50
