"""A complaint end to end through the real window: new case → CLEAR → buy time → notes →
resolve → letter, with the database read back after each step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QPushButton

from desk.timeutil import parse_iso
from ui.callbacks import BuyTimeDialog
from ui.letter_dialog import LetterDialog


def when_dialog(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal dialog of type ``kind`` once it is shown."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_into(qtbot, widget, text: str) -> None:
    """Type as a user would: keys for ASCII, an input-method commit (as a Chinese IME
    sends) for everything else."""
    widget.setFocus()
    run = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def test_complaint_end_to_end(open_desk, qtbot, tmp_path: Path) -> None:
    desk = open_desk("en")
    w, svc = desk.window, desk.service

    # Ctrl+N opens a new case and puts the cursor in the phone field.
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.case_id is not None
    case_id = w.case_id
    editor = w.editor
    type_into(qtbot, editor.name, "王芳")
    editor.name.editingFinished.emit()
    type_into(qtbot, editor.phone, "+86 138-0013-8000")
    editor.phone.editingFinished.emit()
    complaint = editor.complaint_form.findChild(QPlainTextEdit, "field_complaint")
    type_into(qtbot, complaint, "The parcel arrived broken, second time this month!")
    editor.complaint_form.flush()
    case = svc.case(case_id)
    assert case.complaint == "The parcel arrived broken, second time this month!"
    customer = svc.customer(case.customer_id)
    assert (customer.name, customer.phone) == ("王芳", "+86 138-0013-8000")

    # CLEAR: Ctrl+1 and Ctrl+2 tick C and L; a click ticks A; Ctrl+2 again unticks L.
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):
        qtbot.keyClick(w, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(w.panel.boxes["A"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    state = svc.checklist(case_id)
    assert [k for k, s in state.items() if s.done] == ["C", "A"]
    assert state["A"].at and state["A"].source == "manual"
    assert w.panel.times["A"].text() != ""

    # Ctrl+B: buy time, 10 minutes; the banner counts down at the top of the window.
    def promise(dialog: QDialog) -> None:
        assert isinstance(dialog, BuyTimeDialog)
        dialog.minutes.setCurrentIndex(dialog.minutes.findData(10))
        dialog.note.setText("check with the courier")
        dialog._on_accept()

    when_dialog(BuyTimeDialog, promise)
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    callbacks = svc.open_callbacks()
    assert len(callbacks) == 1 and callbacks[0].note == "check with the courier"
    left = (parse_iso(callbacks[0].due_at) - datetime.now(timezone.utc)).total_seconds()
    assert 540 < left <= 600
    assert w.banner.isVisible() and w.banner.state == "waiting"
    assert "09:5" in w.banner.label.text()

    # Notes: F6 focuses the notes; typing autosaves a draft; Ctrl+Enter adds the note.
    w.activateWindow()  # the dialog had the focus
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    qtbot.keyClick(w, Qt.Key.Key_F6)
    assert w.notes.editor.hasFocus()
    type_into(qtbot, w.notes.editor, "Caller calmer after apology 😊")
    qtbot.waitUntil(lambda: svc.draft(case_id) == "Caller calmer after apology 😊", timeout=2000)
    qtbot.keyClick(w.notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = svc.notes(case_id)
    assert [n.body for n in notes] == ["Caller calmer after apology 😊"]
    assert svc.draft(case_id) == "" and w.notes.editor.toPlainText() == ""
    assert "Caller calmer" in w.notes.history.toPlainText()

    # Resolve: result, prevention, satisfaction; then the case is marked resolved.
    w.editor.tabs.setCurrentIndex(1)
    result = w.editor.forms[1].findChild(QPlainTextEdit, "field_result")
    type_into(qtbot, result, "Replacement sent by express, delivery fee refunded.")
    w.editor.forms[1].flush()
    w.editor.tabs.setCurrentIndex(2)
    prevention = w.editor.forms[2].findChild(QPlainTextEdit, "field_prevention")
    type_into(qtbot, prevention, "Fragile goods now packed in double boxes.")
    w.editor.forms[2].flush()
    qtbot.mouseClick(w.editor.resolve_button, Qt.MouseButton.LeftButton)
    case = svc.case(case_id)
    assert case.status == "resolved" and case.resolved_at
    assert case.prevention == "Fragile goods now packed in double boxes."

    # Letter: drafted from the case, editable, exported as text and PDF.
    out_txt, out_pdf = tmp_path / "letter.txt", tmp_path / "letter.pdf"

    def write_letter(dialog: QDialog) -> None:
        assert isinstance(dialog, LetterDialog)
        text = dialog.editor.toPlainText()
        assert "王芳" in text and "double boxes" in text and case.ref in text
        dialog.editor.appendPlainText("P.S. edited by hand")
        dialog.export("txt", out_txt)
        dialog.export("pdf", out_pdf)
        dialog.accept()

    when_dialog(LetterDialog, write_letter)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert out_txt.read_text(encoding="utf-8").rstrip().endswith("P.S. edited by hand")
    pdf = out_pdf.read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000

    # The case list shows the case; searching by phone digits finds it.
    w.list.search.setText("13800138000")
    w.list.refresh()
    assert w.list.tree.topLevelItemCount() == 1
    assert w.list.tree.topLevelItem(0).text(0) == case.ref


def test_closing_the_window_keeps_what_was_typed(open_desk, qtbot) -> None:
    desk = open_desk("en")
    desk.window.new_case()
    case_id = desk.window.case_id
    desk.window.focus_notes()
    qtbot.keyClicks(desk.window.notes.editor, "typed just before closing")
    desk.window.close()  # at once, before the autosave timer fires
    assert [n.body for n in desk.service.notes(case_id)] == ["typed just before closing"]


def test_overdue_callback_is_impossible_to_miss(open_desk, qtbot) -> None:
    desk = open_desk("en")
    w, svc = desk.window, desk.service
    w.new_case()
    svc.buy_time(w.case_id, 1 / 60)  # due in one second
    w.refresh_callbacks()
    assert w.banner.state in ("soon", "waiting")
    qtbot.waitUntil(lambda: w.banner.state == "overdue", timeout=4000)
    w.refresh_callbacks()
    assert "OVERDUE" in w.banner.label.text()
    assert w.windowTitle().startswith("⚠")
    assert "#b3261e" in w.banner.styleSheet() or "#7f1d1d" in w.banner.styleSheet()
    # Marking it done clears the banner and the title.
    qtbot.mouseClick(w.banner.done_button, Qt.MouseButton.LeftButton)
    assert svc.open_callbacks() == []
    assert not w.banner.isVisible() and not w.windowTitle().startswith("⚠")


def test_callback_in_the_past_is_refused_with_a_message(open_desk, qtbot) -> None:
    from PySide6.QtCore import QDateTime

    desk = open_desk("en")
    desk.window.new_case()
    dialog = BuyTimeDialog(desk.window.clear, "en", desk.window)
    qtbot.addWidget(dialog)
    dialog.when.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    assert dialog.at_time.isChecked()
    dialog._on_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "passed" in dialog.error.text()


def test_known_customer_shows_earlier_cases(open_desk, qtbot) -> None:
    desk = open_desk("en")
    svc = desk.service
    old_customer = svc.new_customer("李雷", "13912345678")
    old = svc.new_case(old_customer.id, complaint="退款一直没有到账")
    w = desk.window
    w.new_case()
    type_into(qtbot, w.editor.phone, "139 1234 5678")
    qtbot.waitUntil(lambda: w.editor.history.count() == 1, timeout=2000)
    assert old.ref in w.editor.history.item(0).text()
    assert "李雷" in w.editor.history_label.text()
    assert w.editor.use_customer.isVisible()
    qtbot.mouseClick(w.editor.use_customer, Qt.MouseButton.LeftButton)
    assert svc.case(w.case_id).customer_id == old_customer.id


def test_search_and_filters(open_desk, qtbot) -> None:
    desk = open_desk("en")
    svc = desk.service
    a = svc.new_case(complaint="价格比宣传的贵", category="price")
    b = svc.new_case(complaint="快递员态度很差", category="attitude")
    svc.update_case(b.id, status="resolved")
    w = desk.window
    w.list.refresh()
    assert w.list.tree.topLevelItemCount() == 2
    w.list.category.setCurrentIndex(w.list.category.findData("price"))
    assert [w.list.tree.topLevelItem(i).text(0) for i in range(w.list.tree.topLevelItemCount())] \
        == [a.ref]
    w.list.category.setCurrentIndex(0)
    w.list.status.setCurrentIndex(w.list.status.findData("resolved"))
    assert w.list.tree.topLevelItemCount() == 1 and w.list.tree.topLevelItem(0).text(0) == b.ref
    w.list.status.setCurrentIndex(0)
    w.list.search.setText("态度")
    qtbot.waitUntil(lambda: w.list.tree.topLevelItemCount() == 1, timeout=2000)
    assert w.list.tree.topLevelItem(0).text(0) == b.ref
    # SQL-looking text is just text.
    w.list.search.setText("'; DROP TABLE cases; --")
    qtbot.waitUntil(lambda: w.list.tree.topLevelItemCount() == 0, timeout=2000)
    assert len(svc.list_cases()) == 2


def test_readonly_database_says_so_and_changes_nothing(open_desk, qtbot, tmp_path) -> None:
    first = open_desk("en")
    first.service.new_case(complaint="kept")
    first.window.close()
    first.store.close()
    desk = open_desk("en", readonly=True)
    assert "Read-only" in desk.window.statusBar().currentMessage()
    desk.window.new_case()
    assert len(desk.service.list_cases()) == 1
    assert "Read-only" in desk.window.statusBar().currentMessage()


def test_two_windows_on_one_database(open_desk, qtbot) -> None:
    one = open_desk("en")
    two = open_desk("en")
    one.window.new_case()
    two.window.new_case()
    two.window.list.refresh()
    one.window.list.refresh()
    assert one.window.list.tree.topLevelItemCount() == 2
    assert two.window.list.tree.topLevelItemCount() == 2


def test_huge_and_strange_notes(open_desk, qtbot) -> None:
    desk = open_desk("en")
    w = desk.window
    w.new_case()
    big = ("混合 scripts ✓ Ελληνικά العربية 🙂\n" * 40_000)[: 1024 * 1024]
    w.notes.editor.setPlainText(big)
    w.notes.autosave()
    assert desk.service.draft(w.case_id) == big
    w.notes.commit()
    assert desk.service.notes(w.case_id)[0].body == big
    w.notes.commit()  # empty: nothing added
    assert len(desk.service.notes(w.case_id)) == 1


def test_shortcuts_listed(open_desk, qtbot) -> None:
    desk = open_desk("en")
    names = {a.objectName(): a.shortcut().toString() for a in desk.window.actions_by_name.values()}
    assert names["new_case"] == "Ctrl+N" and names["buy_time"] == "Ctrl+B"
    assert names["focus_notes"] == "F6" and names["tick_R"] == "Ctrl+5"
    assert all(isinstance(b, QPushButton) for b in desk.window.findChildren(QPushButton))
    assert desk.window.findChild(QLineEdit, "search") is not None


def test_method_guide_shows_the_seed_content(open_desk, qtbot) -> None:
    from ui.guide_dialog import GuideDialog

    desk = open_desk("zh_CN")
    dialog = GuideDialog(desk.window.catalog, "zh_CN", desk.window.shortcuts(), desk.window)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for expected in ("有章可循", "同频", "提升与挖掘", "过程把控", "竞争型", "期望", "Ctrl+B"):
        assert expected in text, expected
