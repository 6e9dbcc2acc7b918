"""导出 in the window: Word, 网页 and Excel from the editor and the year list, 全部导出到文件夹
and 复制网页内容 — through the real actions and menus, the clerk answering at the dialog seam."""

from __future__ import annotations

import os
import stat

import pytest
from docx import Document
from openpyxl import load_workbook

from gui.qt import QtGui

STEM = "威海市文登区信访局2022年政府信息公开工作年度报告"


def _menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_export_menu_offers_every_format(make_window, seeded):
    seeded()
    w = make_window()
    expected = ["导出 PDF…", "导出 Word…", "导出网页…", "导出 Excel…", "导出数据文件…", "全部导出到文件夹…",
                "复制网页内容"]
    assert _menu_texts(w.export_button.menu()) == expected
    report_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "报告")
    assert "导出" in [a.text() for a in report_menu.actions()]
    review_menu = w.wizard.review.export_other.menu()
    assert _menu_texts(review_menu) == expected[1:4] + expected[5:]
    w.back_to_list()
    assert _menu_texts(w.years.buttons["export"].menu()) == expected


def test_word_from_the_editor_proposes_the_standard_name_and_remembers_the_folder(
        qtbot, make_window, seeded, tmp_path, clerk):
    seeded()
    w = make_window()
    folder = tmp_path / "审阅"
    folder.mkdir()
    clerk.answers["save_file"] = lambda proposed: str(folder / "给领导审阅")  # the clerk types a name, no suffix
    w.act_export_docx.trigger()
    out = folder / "给领导审阅.docx"
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=30000)
    titles = [(title, proposed) for kind, title, proposed in clerk.calls if kind == "save_file"]
    assert titles[0][0] == "导出 Word" and titles[0][1].endswith(f"{STEM}.docx")
    doc = Document(out)
    assert doc.paragraphs[0].text == "威海市文登区信访局" and len(doc.tables) == 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()
    assert "已导出" in w.statusBar().currentMessage()

    clerk.answers["save_file"] = None  # cancelled: nothing written, the folder is still proposed
    w.act_export_xlsx.trigger()
    proposed = [p for kind, _t, p in clerk.calls if kind == "save_file"][-1]
    assert proposed == str(folder / f"{STEM}.xlsx")
    assert not w.exporter.jobs


def test_web_page_and_excel_from_the_year_list(qtbot, make_window, seeded, tmp_path, clerk):
    seeded()
    w = make_window()
    w.back_to_list()
    clerk.answers["save_file"] = lambda proposed: str(tmp_path / os.path.basename(proposed))
    w.years.export_selected("html")
    qtbot.waitUntil(lambda: (tmp_path / f"{STEM}.html").exists() and not w.exporter.jobs, timeout=30000)
    w.years.export_selected("xlsx")
    qtbot.waitUntil(lambda: (tmp_path / f"{STEM}.xlsx").exists() and not w.exporter.jobs, timeout=30000)
    page = (tmp_path / f"{STEM}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<table") == 3
    sheets = load_workbook(tmp_path / f"{STEM}.xlsx").sheetnames
    assert sheets[0] == "报告信息" and len(sheets) == 4


def test_export_all_writes_five_files_into_the_chosen_folder(qtbot, make_window, seeded, tmp_path, clerk):
    seeded()
    w = make_window()
    folder = tmp_path / "全部"
    clerk.answers["choose_folder"] = str(folder)
    w.act_export_all.trigger()
    qtbot.waitUntil(lambda: folder.is_dir() and len(list(folder.iterdir())) == 5 and not w.exporter.jobs,
                    timeout=60000)
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".html", ".json", ".pdf", ".xlsx"]
    assert all(p.stem == STEM for p in folder.iterdir())
    assert clerk.of("choose_folder")[0][1] == "全部导出到文件夹"
    assert "5 个文件" in w.statusBar().currentMessage()


def test_copy_web_content_puts_html_with_bordered_tables_and_plain_text_on_the_clipboard(
        qtbot, make_window, seeded):
    seeded()
    w = make_window()
    clipboard = QtGui.QGuiApplication.clipboard()
    clipboard.clear()
    w.wizard.review.export_other.menu().actions()[-1].trigger()  # 复制网页内容 on 检查与导出
    qtbot.waitUntil(lambda: clipboard.mimeData() is not None and clipboard.mimeData().hasHtml()
                    and not w.exporter.jobs, timeout=30000)
    data = clipboard.mimeData()
    html, text = data.html(), data.text()
    assert html.count("<table") == 3 and "border:1px solid #000" in html and "rowspan=" in html
    assert text.startswith("威海市文登区信访局\n2022年政府信息公开工作年度报告\n") and "<" not in text
    assert "已复制网页内容" in w.statusBar().currentMessage()


@pytest.mark.parametrize("fid, action, title", [("docx", "act_export_docx", "导出 Word 失败"),
                                                ("json", "act_export_json", "导出数据文件失败")])
def test_an_export_error_is_shown_in_chinese_and_nothing_is_left(qtbot, make_window, seeded, tmp_path, clerk,
                                                                fid, action, title):
    seeded()
    w = make_window()
    clerk.answers["save_file"] = str(tmp_path / "没有这个文件夹" / f"r.{fid}")
    getattr(w, action).trigger()
    qtbot.waitUntil(lambda: bool(clerk.of("warn")) and not w.exporter.jobs, timeout=30000)
    shown, message = clerk.of("warn")[0][1:]
    assert shown == title and "找不到要保存到的文件夹" in message
    assert not (tmp_path / "没有这个文件夹").exists()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
