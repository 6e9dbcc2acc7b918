"""The whole seed report typed into the program by hand, as the clerk would, then checked,
saved, reopened, made final, exported and printed — through the real widgets only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from gui.new_year_dialog import NewYearDialog
from gui.profile_dialog import ProfileDialog
from gui.qt import Qt, QtWidgets
from gui.wizard.basic_page import BasicPage
from gui.wizard.table_page import TablePage
from gui.wizard.text_page import TextPage
from gui.wizard.website_page import WebsitePage
from report.document import Report, format_value

PASTED_ROWS = ("3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
               "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2", "3.6.3")
PASTED_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other")


@pytest.fixture
def seed(seed_path) -> Report:
    return Report.load(seed_path)


def next_page(qtbot, wizard) -> None:
    before = wizard.currentId()
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == before + 1, timeout=2000)


def first_run(qtbot, ui, clerk, make_window, seed):
    def fill(dialog):
        for key, edit in dialog.edits.items():
            if getattr(seed.agency, key):
                ui.type_text(edit, getattr(seed.agency, key))
        dialog.kind.setCurrentIndex(dialog.kind.findData(seed.agency.kind))
        qtbot.mouseClick(dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    clerk.on_dialog(ProfileDialog, fill)
    w = make_window()

    def new_year(dialog):
        dialog.year.setValue(seed.year)
        dialog.blank.setChecked(True)
        dialog.accept()

    clerk.on_dialog(NewYearDialog, new_year)
    qtbot.mouseClick(w.years.buttons["new"], Qt.MouseButton.LeftButton)
    assert w.session is not None and w.session.year == seed.year
    w.activateWindow()  # offscreen does not give it back after the dialogs
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=2000)
    return w


def type_text_field(ui, editor, text: str) -> None:
    editor.edit.setFocus()
    ui.type_text(editor.edit, text)


def fill_basic(ui, page: BasicPage, seed: Report) -> None:
    for key, edit in page.agency_edits.items():
        assert edit.text() == getattr(seed.agency, key), key  # carried from the profile
    page.issued_on.edit.setFocus()
    ui.type_text(page.issued_on.edit, f"{seed.issued_on:%Y年%-m月%-d日}")
    type_text_field(ui, page.intro, seed.text("intro"))


def fill_texts(ui, page: TextPage, seed: Report) -> None:
    for fid, editor in page.editors.items():
        if seed.text(fid):
            type_text_field(ui, editor, seed.text(fid))
    if page.fees is not None:
        for fee_id, edit in page.fees.edits.items():
            edit.edit.setFocus()
            ui.type_text(edit.edit, format_value(seed.fees[fee_id]))


def fill_table(ui, page: TablePage, seed: Report) -> None:
    ed, table = page.editor, page.table
    pasted = set()
    if table.id == "t3":  # the big block comes from a spreadsheet, like the clerk's Excel ledger
        ed.focus_cell(PASTED_ROWS[0], PASTED_COLUMNS[0])
        rows = ["\t".join(format_value(seed.get("t3", a, b)) for b in PASTED_COLUMNS) for a in PASTED_ROWS]
        ui.paste(ed, "\r\n".join(rows) + "\r\n")
        pasted = {(a, b) for a in PASTED_ROWS for b in PASTED_COLUMNS}
        assert all(page.session.report.get("t3", *k) == seed.get("t3", *k) for k in pasted)
    for cell in table.cells():
        value = seed.get(table.id, *cell.key)
        if cell.computed or cell.key in pasted or value is None:
            continue
        ui.type_cell(ed, *cell.key, format_value(value), ascii_keys=True)


def fill_website(qtbot, page: WebsitePage, seed: Report) -> None:
    columns = {f"{y}年" if y != seed.year else f"{y}年（本年）": y
               for y in [*map(int, seed.website_counts_history), seed.year]}
    t = page.table
    for c in range(t.columnCount()):
        year = columns[t.horizontalHeaderItem(c).text()]
        counts = seed.website_counts if year == seed.year else seed.website_counts_history[str(year)]
        for r in range(t.rowCount()):
            category = t.verticalHeaderItem(r).text()
            t.setCurrentCell(r, c)
            t.setFocus()
            qtbot.keyClick(t, Qt.Key.Key_F2)
            qtbot.waitUntil(lambda: t.state() == t.State.EditingState, timeout=1000)
            line = QtWidgets.QApplication.focusWidget()
            qtbot.keyClicks(line, str(counts[category]))
            qtbot.keyClick(line, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: t.state() != t.State.EditingState, timeout=1000)
    assert page.session.report.website_counts == seed.website_counts


def enter_everything(qtbot, ui, w, seed: Report) -> None:
    wizard = w.wizard
    for index, page in enumerate(wizard.pages_):
        if index:
            next_page(qtbot, wizard)
        assert wizard.currentPage() is page
        if isinstance(page, BasicPage):
            fill_basic(ui, page, seed)
        elif isinstance(page, TextPage):
            fill_texts(ui, page, seed)
        elif isinstance(page, TablePage):
            fill_table(ui, page, seed)
        elif isinstance(page, WebsitePage):
            fill_website(qtbot, page, seed)


def without_history(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "website_counts_history"}


def pdf_text(path: Path) -> str:
    """The PDF's text without whitespace and without the page numbers (—2—), which pypdf may
    read in the middle of a paragraph that runs across a page break."""
    pages = PdfReader(path).pages
    return "".join(re.sub(rf"—{i}—", "", re.sub(r"\s+", "", p.extract_text()), count=1)
                   for i, p in enumerate(pages, start=1))


def test_the_seed_report_through_the_widgets(qtbot, ui, clerk, make_window, seed, tmp_path, monkeypatch):
    w = first_run(qtbot, ui, clerk, make_window, seed)
    enter_everything(qtbot, ui, w, seed)
    session = w.session
    assert without_history(session.report.to_dict()) == without_history(seed.to_dict())
    assert session.history_counts() == seed.website_counts_history

    # findings appear and disappear as a cell changes
    qtbot.waitUntil(lambda: not session.errors(), timeout=2000)
    table3 = next(p for p in w.wizard.pages_ if isinstance(p, TablePage) and p.table.id == "t3")
    w.wizard.show_page_for("t3/1/natural")
    assert w.wizard.currentPage() is table3
    received = seed.get("t3", "1", "natural")
    ui.type_cell(table3.editor, "1", "natural", str(received + 5))
    qtbot.waitUntil(lambda: bool(session.errors()), timeout=2000)
    assert any(f.severity == "error" for f in w.wizard.findings_panel.findings())

    # 定稿 is refused while an error remains …
    w.act_final.trigger()
    refusals = clerk.of("warn")
    assert refusals and refusals[-1][1] == "暂不能定稿" and "错误" in refusals[-1][2]
    assert session.status == "draft"

    ui.type_cell(table3.editor, "1", "natural", str(received))
    qtbot.waitUntil(lambda: not session.errors(), timeout=2000)
    assert not any(f.severity == "error" for f in w.wizard.findings_panel.findings())

    # … and works without one
    w.act_final.trigger()
    assert session.status == "final" and session.read_only
    assert w.editor_banner.isVisibleTo(w)

    # export writes a PDF with the seed's texts
    out = tmp_path / "报告.pdf"
    clerk.answers["save_file"] = str(out)
    w.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=30000)
    text = pdf_text(out)
    for fid, value in seed.texts.items():
        for paragraph in value.split("\n"):
            assert re.sub(r"\s+", "", paragraph) in text, (fid, paragraph[:30])
    pages = len(PdfReader(out).pages)
    assert pages >= 4

    # preview shows that same PDF
    w.act_preview.trigger()
    qtbot.waitUntil(lambda: w.exporter.preview_dialog is not None and w.exporter.preview_dialog.isVisible(),
                    timeout=30000)
    assert w.exporter.preview_dialog.page_count() == pages
    w.exporter.preview_dialog.accept()

    # printing to a PDF-file printer, after the print dialog is accepted, gives the same pages
    from PySide6.QtPrintSupport import QPrintDialog

    from gui import printing

    printed = tmp_path / "printed.pdf"
    real_new_printer = printing.new_printer

    def pdf_printer():
        p = real_new_printer()
        p.setOutputFormat(p.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        return p

    monkeypatch.setattr(printing, "new_printer", pdf_printer)
    accepted = clerk.on_dialog(QPrintDialog, lambda d: d.accept())
    w.act_print.trigger()
    qtbot.waitUntil(lambda: bool(accepted) and printed.exists() and not w.exporter.jobs, timeout=120000)
    assert len(PdfReader(printed).pages) == pages
    assert "打印" in w.statusBar().currentMessage() and str(pages) in w.statusBar().currentMessage()

    # the store holds the report after the window closes, and reopening restores it exactly
    stored_in_window = session.report.to_dict()
    w.close()
    from store import open_store

    store = open_store()
    try:
        assert store.load(seed.agency.name, seed.year).to_dict() == stored_in_window
        assert store.status(seed.agency.name, seed.year) == "final"
    finally:
        store.close()
    again = make_window()
    again.years.open_selected()
    assert again.session.report.to_dict() == stored_in_window
    assert again.session.read_only
