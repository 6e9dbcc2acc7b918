"""The application shell without a store: Chinese standard dialogs, profile and settings dialogs,
worker error dialogs, printing a PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from gui import settings
from gui.app import install_translations, make_app
from gui.qt import Qt, QtCore, QtWidgets
from report.document import Agency


def test_standard_buttons_read_chinese(qapp):
    assert install_translations(qapp)
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                     | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    assert any("取消" in t for t in texts), texts
    wizard = QtWidgets.QWizard()
    assert "下一步" in wizard.buttonText(QtWidgets.QWizard.WizardButton.NextButton)
    assert "上一步" in wizard.buttonText(QtWidgets.QWizard.WizardButton.BackButton)


def test_style_sheet_is_applied(qapp):
    app = make_app()
    assert "QLabel#banner" in app.styleSheet()


def test_qt_objects_in_garbage_cycles_die_on_the_gui_thread_while_a_job_thread_allocates(qtbot):
    import gc
    import threading

    make_app()
    died_in = []
    obj = QtCore.QObject()
    obj.cycle = obj  # reachable only through a reference cycle once dropped
    obj.destroyed.connect(lambda: died_in.append(threading.current_thread()), Qt.ConnectionType.DirectConnection)
    del obj

    def job():  # allocates like a PDF build: enough to trigger any automatic collection
        junk = [[i] for i in range(200_000)]
        return len(junk)

    worker = threading.Thread(target=job)
    worker.start()
    worker.join()
    assert died_in == []  # the job's allocations did not collect in the job thread
    # the job freed all it made: the GUI thread's own new objects make the next collection due
    kept = [[i] for i in range(gc.get_threshold()[0] * 2)]
    qtbot.waitUntil(lambda: bool(died_in), timeout=5000)
    assert kept
    assert died_in == [threading.main_thread()]


def test_windows_carry_the_application_icon_in_small_and_large_sizes(qtbot):
    app = make_app()
    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert app.windowIcon().cacheKey() == icon.cacheKey()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    header = icon.pixmap(256, 256).toImage().pixelColor(128, 40)  # the red header band
    assert header.red() > 150 and header.green() < 60


def _fill(ui, dialog, values: dict[str, str]) -> None:
    for key, text in values.items():
        dialog.edits[key].clear()
        dialog.edits[key].setFocus()
        ui.type_text(dialog.edits[key], text)


def test_profile_dialog_refuses_bad_postcode_and_url_then_accepts(qtbot, ui):
    from gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "请填写单位名称" in dialog.error.text()

    _fill(ui, dialog, {"name": "威海市文登区信访局", "self_name": "我局", "postcode": "26440",
                   "website_url": "www.wendeng.gov.cn"})
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "邮编应为6位数字" in dialog.error.text()
    assert "http://" in dialog.error.text()

    _fill(ui, dialog, {"postcode": "264400", "website_url": "http://www.wendeng.gov.cn"})
    dialog.kind.setCurrentIndex(dialog.kind.findData("government"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    agency = dialog.agency()
    assert agency == Agency(name="威海市文登区信访局", self_name="我局", postcode="264400",
                            website_url="http://www.wendeng.gov.cn", kind="government")


def test_every_profile_input_has_an_accessible_name(qtbot):
    from gui.profile_dialog import ProfileDialog
    from report.forms import common

    dialog = ProfileDialog(Agency(name="某局"))
    qtbot.addWidget(dialog)
    names = {e.accessibleName() for e in dialog.edits.values()}
    assert names == {f["label"] for f in common()["agency"]["fields"]}
    assert dialog.edits["name"].text() == "某局"
    assert dialog.edits["name"].isReadOnly()  # renaming would silently start a second agency


def test_font_choices_survive_a_restart_and_missing_files_are_refused(qtbot, tmp_path):
    from gui.settings_dialog import SettingsDialog

    font = tmp_path / "fs.ttf"
    font.write_bytes(b"\0\1\0\0")

    class NoStore:
        def backup_now(self):
            return tmp_path / "backup.zip"

    dialog = SettingsDialog(NoStore(), tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.font_edits["body"].setText(str(font))
    dialog.font_edits["title"].setText(str(tmp_path / "missing.ttf"))
    dialog.accept()
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert "missing.ttf" in dialog.error.text()
    assert settings.font_files() == {}

    dialog.font_edits["title"].clear()
    dialog.accept()
    assert settings.font_files() == {"body": str(font)}
    again = SettingsDialog(NoStore(), tmp_path / "data")
    qtbot.addWidget(again)
    assert again.font_edits["body"].text() == str(font)
    assert again.data_dir.text() == str(tmp_path / "data")
    qtbot.mouseClick(again.backup_button, Qt.MouseButton.LeftButton)
    assert "backup.zip" in again.backup_state.text()


def test_the_chart_as_annex_setting_moves_the_chart_after_the_signature(qtbot, tmp_path, seed_path):
    import pdfplumber

    from gui.exporting import build_pdf
    from gui.settings_dialog import SettingsDialog
    from report.document import Report

    dialog = SettingsDialog(None, tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.chart_as_annex.isChecked()
    qtbot.mouseClick(dialog.chart_as_annex, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.chart_as_annex.isChecked)
    dialog.accept()
    assert settings.chart_as_annex()
    report = Report.load(seed_path)
    pdf = build_pdf(report, tmp_path / "annex.pdf", font_files={})
    with pdfplumber.open(pdf) as doc:
        last = doc.pages[-1].extract_text()
        before = "".join(p.extract_text() for p in doc.pages[:-1])
    assert last.startswith("附件") and "历年政府网站信息公开数量对比" in last
    assert "历年政府网站信息公开数量对比" not in before and "2023年1月16日" in before


def test_failed_job_shows_a_chinese_dialog_and_never_freezes(qtbot, clerk, tmp_path):
    from gui import workers


    def fails():
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.pdf"))

    job = workers.run_job(None, fails, "正在生成 PDF…", error_title="导出 PDF 失败")
    assert QtWidgets.QApplication.overrideCursor() is not None  # busy at once
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    (shown,) = clerk.of("warn")
    assert shown[1] == "导出 PDF 失败"
    assert "没有权限写入" in shown[2] and "x.pdf" in shown[2]
    assert QtWidgets.QApplication.overrideCursor() is None

    results = []
    job = workers.run_job(None, lambda: 42, "…", results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(pages):
        c.drawString(72, 760, f"page {i + 1}")
        c.showPage()
    c.save()
    return path


def test_printing_a_pdf_prints_every_page_at_a4(qapp, tmp_path):
    from gui import printing

    source = _pdf(tmp_path / "report.pdf", 2)
    printer = printing.new_printer()
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.print_pdf(source, printer) == 2
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2


def test_window_geometry_is_remembered(qtbot):
    w = QtWidgets.QMainWindow()
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()
    size = QtCore.QSize(screen.width() * 3 // 4, screen.height() * 3 // 4)
    w.setGeometry(10, 20, size.width(), size.height())
    w.show()
    qtbot.waitExposed(w)
    settings.save_geometry(w)
    other = QtWidgets.QMainWindow()
    qtbot.addWidget(other)
    assert settings.restore_geometry(other)
    assert other.size() == size
