"""After a crash, the next start brings back the session that was open, at its phase."""

from __future__ import annotations


from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings


def test_the_open_session_comes_back_where_it_was(qtbot, demo_window: MainWindow, demo_services: Services,  # noqa: ANN001
                                                  settings: AppSettings) -> None:
    case = demo_services.cases.list()[0]
    session_id = demo_services.sessions.for_case(case.id)[-1].id
    demo_window.ctx.sessions.open(session_id)
    demo_window.editor.go_to(5)
    assert demo_window.editor.finish()
    settings.sync()
    # The app dies here: no close event, so the mark stays. The next start reads it.
    again = MainWindow(AppSettings(settings.fileName()))
    qtbot.addWidget(again)
    again.attach(demo_services)
    assert again.editor is not None and again.editor.doc.session.id == session_id
    assert again.editor.current_index == 5
    assert "did not close normally" in again.statusBar().currentMessage()


def test_a_normal_close_leaves_nothing_to_bring_back(qtbot, demo_window: MainWindow, demo_services: Services,  # noqa: ANN001
                                                     settings: AppSettings) -> None:
    case = demo_services.cases.list()[0]
    demo_window.ctx.sessions.open(demo_services.sessions.for_case(case.id)[-1].id)
    demo_window.close()
    assert settings.open_session is None
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.attach(demo_services)
    assert again.editor is None
