"""导入: a report file (.json) or last year's published report (web page, Word, PDF, text) into
the year list's agency, asking before anything is replaced and offering 定稿 for a past year.

Kept apart from the year list so that its room holds the list and its simple actions; these
functions act on the YearList they are given (its store, selection, messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gui import ask
from gui.workers import EXPECTED

if TYPE_CHECKING:
    from gui.year_list import YearList
    from report.document import Report


def import_path(years: YearList, path: str | Path) -> bool:
    from report.document import Report, ReportFileError
    from report.readers import readable

    if readable(path):
        return import_published(years, path)
    try:
        report = Report.load(path)
    except ReportFileError as e:
        ask.warn(years.window(), "无法导入", f"{Path(path).name}：{e}")
        return False
    if not report.agency.name.strip():
        ask.warn(years.window(), "无法导入", "文件中没有单位名称（agency.name），无法确定是哪个单位的报告。")
        return False
    outcome = _take(years, report)
    if outcome is None:
        return False
    what = f"{report.agency.name.strip()}{report.year}年度报告"
    if outcome == "same":  # a final report stays final: nothing was written
        years.statusMessage.emit(f"{what}与程序中的内容相同，无需导入", 8000)
        return True
    final = _offer_final(years, report)
    if final:
        years.refresh()
        years.select_year(report.year)
    years.statusMessage.emit(f"已导入{what}" + ("，并已定稿" if final else ""), 8000)
    return True


def import_published(years: YearList, path: str | Path) -> bool:
    """A published web page, Word file, PDF or text: recognised, reviewed by the clerk in
    ImportReviewDialog, stored with its 原文, and made 定稿 when the clerk keeps that offer."""
    from gui.import_dialog import ImportReviewDialog
    from report.readers import ReadError, read_source
    from report.readers.recognise import recognise

    path = Path(path)
    try:
        source, raw = read_source(path)
        result = recognise(source)
    except ReadError as e:
        ask.warn(years.window(), "无法导入", f"{path.name}：{e}")
        return False
    dialog = ImportReviewDialog(result, path.name, years.window())
    if not ask.run(dialog):
        return False
    report = dialog.report
    if _take(years, report) is None:
        return False
    name, done = report.agency.name, f"已导入{report.agency.name}{report.year}年度报告"
    try:
        years.store.keep_original(name, report.year, path.name, raw)
        if dialog.final.isChecked():
            years.store.mark_final(name, report.year)
            done += "，已定稿"
    except EXPECTED as e:
        years._failed("已导入，但未能全部完成", e)
    years.refresh()
    years.statusMessage.emit(done, 8000)
    return True


def _take(years: YearList, report) -> str | None:
    """Store an imported report, asking before it replaces one; the list then shows it.
    Returns the store's outcome ("new", "same", "replaced"), or None when nothing was stored."""
    name = report.agency.name.strip()
    exists = years.store.exists(name, report.year)
    if exists and not ask.confirm(years.window(), "覆盖已有报告？", f"{name}{report.year}年度的报告已经存在。"
                                  "导入后将替换它（原内容会先备份，可以恢复）。是否继续？"):
        return None
    try:  # a final report is taken back to draft only if its content really changes, in the same write
        outcome = years.store.import_report(report, replace=True, over_final=True)
    except EXPECTED as e:
        years._failed("无法导入", e)
        return None
    years.select_agency(name)
    years.select_year(report.year)
    return outcome


def _offer_final(years: YearList, report: Report) -> bool:
    """An imported report of an earlier year has most likely been published: offer to make it
    定稿 so that it cannot be changed by accident (only a report without 错误 can be)."""
    import datetime as dt

    from gui.session import previous_report
    from report.checks import blocking_errors

    name, year = years.agency_name, report.year
    if year >= dt.date.today().year or blocking_errors(report, previous_report(years.store, name, year)):
        return False
    if not ask.confirm(years.window(), "设为定稿？",
                       f"已导入{name}{year}年度报告。如果这是已经发布的报告，建议设为定稿："
                       "定稿后只能查看、打印和导出，不会被意外修改（需要时可以“撤回为草稿”）。\n现在设为定稿吗？"):
        return False
    try:
        years.store.mark_final(name, year)
    except EXPECTED as e:
        years._failed("未能定稿", e)
        return False
    return True
