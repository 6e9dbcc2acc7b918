"""导入 of a published report in the window: the review dialog, corrections, 定稿 and 原文."""

from __future__ import annotations

from pathlib import Path

from gui.import_dialog import MISSING, VALUE, ImportReviewDialog, OriginalDialog
from gui.qt import Qt, QtWidgets
from report.document import Report

DATA = Path(__file__).parent.parent / "data"
PUBLISHED = DATA / "published"
AGENCY = "沭阳县发展和改革局"


def row_of(table: QtWidgets.QTableWidget, name: str) -> int:
    return next(i for i in range(table.rowCount()) if table.item(i, 0).text() == name)


def type_into_cell(qtbot, ui, dialog, table, row: int, text: str) -> None:
    """Open the table's tab, edit the value cell, type over it, Tab — as the clerk corrects a cell."""
    dialog.tabs.setCurrentWidget(table)
    qtbot.waitExposed(table)
    table.setCurrentCell(row, VALUE)
    table.editItem(table.item(row, VALUE))
    editing = QtWidgets.QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() == editing, timeout=2000)
    editor = next(e for e in table.viewport().findChildren(QtWidgets.QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(row, VALUE).text() == text


def import_button(dialog) -> QtWidgets.QPushButton:
    return next(b for b in dialog.findChildren(QtWidgets.QPushButton) if b.text() == "导入")


def test_a_published_pdf_is_reviewed_corrected_and_imported_as_final(qtbot, ui, clerk, make_window):
    pdf = PUBLISHED / "shuyang-fagaiju-2023-libreoffice-web.pdf"
    shown = {}

    def review(dialog: ImportReviewDialog):
        t4 = dialog.tables["t4"]
        row = row_of(t4, "行政诉讼·复议后起诉·其他结果")
        shown["marked"] = t4.item(row, 0).background().color() == MISSING
        shown["source"] = t4.item(row, 2).text()
        shown["review"] = [dialog.review.item(i).text() for i in range(dialog.review.count())]
        shown["beside"] = dialog.source.toPlainText()
        for name in ("其他结果", "尚未审结", "总计"):
            type_into_cell(qtbot, ui, dialog, t4, row_of(t4, f"行政诉讼·复议后起诉·{name}"), "0")
        assert dialog.final.isChecked()
        qtbot.mouseClick(import_button(dialog), Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.error.text()

    clerk.on_dialog(ImportReviewDialog, review)
    clerk.answers["open_file"] = str(pdf)
    w = make_window()
    w.years.buttons["import"].click()
    assert shown["marked"] and shown["source"] == "未找到"
    assert any("复议后起诉" in line for line in shown["review"])
    assert "申请人情况" in shown["beside"] and "沭阳县发展和改革局" in shown["beside"]
    expected = Report.load(DATA / "shuyang-fagaiju-2023.json")
    stored = w.store.load(AGENCY, 2023)
    assert stored.t4 == expected.t4 and stored.t3 == expected.t3 and stored.t2 == expected.t2
    assert w.store.status(AGENCY, 2023) == "final"
    assert w.store.original(AGENCY, 2023) == (pdf.name, pdf.read_bytes())


def test_a_cell_typed_wrong_is_refused_with_its_name_and_nothing_is_stored(qtbot, ui, clerk, make_window):
    page = PUBLISHED / "shuyang-fagaiju-2023.html"
    seen = {}

    def review(dialog: ImportReviewDialog):
        t3 = dialog.tables["t3"]
        type_into_cell(qtbot, ui, dialog, t3, row_of(t3, "一、本年新收政府信息公开申请数量·自然人"), "2.6")
        qtbot.mouseClick(import_button(dialog), Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.error.text()
        dialog.reject()

    clerk.on_dialog(ImportReviewDialog, review)
    w = make_window()
    assert not w.years.import_path(page)
    assert seen["open"] and "一、本年新收政府信息公开申请数量·自然人" in seen["error"] and "2.6" in seen["error"]
    assert not w.store.exists(AGENCY, 2023)


def test_texts_and_agency_can_be_corrected_before_import(qtbot, ui, clerk, make_window):
    page = PUBLISHED / "shuyang-fagaiju-2023.html"

    def review(dialog: ImportReviewDialog):
        dialog.final.setChecked(False)
        items = [dialog.fields.item(i) for i in range(dialog.fields.count())]
        more = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "other.fees")
        assert "未找到" in more.text()
        dialog.fields.setCurrentItem(more)
        dialog.editor.setFocus()
        ui.type_text(dialog.editor, "本年度未收取信息处理费。")
        qtbot.mouseClick(import_button(dialog), Qt.MouseButton.LeftButton)

    clerk.on_dialog(ImportReviewDialog, review)
    w = make_window()
    assert w.years.import_path(page)
    stored = w.store.load(AGENCY, 2023)
    assert stored.texts["other.fees"] == "本年度未收取信息处理费。"
    assert stored.texts["overview.platforms"].startswith("为确保部门网站网络信息安全平稳运行")
    assert w.store.status(AGENCY, 2023) == "draft"


def test_the_original_is_shown_and_saved_again_byte_for_byte(qtbot, clerk, make_window, tmp_path):
    page = PUBLISHED / "shuyang-fagaiju-2023.html"
    clerk.on_dialog(ImportReviewDialog, lambda d: qtbot.mouseClick(import_button(d), Qt.MouseButton.LeftButton))
    w = make_window()
    w.years.import_path(page)
    out = tmp_path / "原文.html"
    clerk.answers["save_file"] = str(out)
    texts = []

    def look(dialog: OriginalDialog):
        texts.append(dialog.view.toPlainText())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    clerk.on_dialog(OriginalDialog, look)
    w.years.buttons["original"].click()
    assert texts, clerk.calls
    assert "二、主动公开政府信息情况" in texts[0]
    assert out.read_bytes() == page.read_bytes()


def test_a_scanned_pdf_is_refused_with_the_reason(clerk, make_window, tmp_path):
    scan = tmp_path / "扫描件.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(scan))
    c.rect(10, 10, 100, 100, fill=1)
    c.save()
    w = make_window()
    assert not w.years.import_path(scan)
    assert clerk.calls[-1][0] == "warn" and "扫描" in clerk.calls[-1][2]
