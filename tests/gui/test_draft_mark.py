"""The PDF's 「草稿」 mark is decided as 定稿 decides it: with last year's report, whichever button
made the PDF (the editor's 导出 PDF or the year list's 导出)."""

from __future__ import annotations

import re

import pypdf

from report.checks import RULES
from report.checks.registry import Issue, Rule
from report.document import Report
from report.findings import Ref, Severity
from report.forms import common

MARK = common()["status"]["draft"]


def _pages(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in pypdf.PdfReader(path).pages]


def _two_years(seed_path) -> Report:
    """The seed report (clean on its own) and its previous year, in the test's store."""
    from store import open_store

    report = Report.load(seed_path)
    last = report.copy()
    last.year = report.year - 1
    store = open_store()
    store.save_agency(report.agency)
    store.save(last)
    store.save(report)
    store.close()
    return report


def _error_only_across_years(monkeypatch) -> None:
    def cross_year(ctx):
        if ctx.previous is not None:
            yield Issue("与上年报告不符。", (Ref.field("year"),))

    monkeypatch.setitem(RULES, "Z-CROSS", Rule("Z-CROSS", Severity.ERROR, "", cross_year))




def test_the_editors_export_marks_a_draft_when_only_last_years_report_shows_the_error(
        qtbot, make_window, seed_path, tmp_path, monkeypatch, clerk):
    _error_only_across_years(monkeypatch)
    report = _two_years(seed_path)
    w = make_window()
    assert w.session.year == report.year and w.session.previous is not None
    assert [f.rule for f in w.session.errors()] == ["Z-CROSS"]
    out = tmp_path / "editor.pdf"
    clerk.answers["save_file"] = str(out)
    w.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=30000)
    assert all(MARK in p for p in _pages(out))


def test_the_year_lists_export_marks_it_too(qtbot, make_window, seed_path, tmp_path, monkeypatch, clerk):
    _error_only_across_years(monkeypatch)
    report = _two_years(seed_path)
    w = make_window()
    w.back_to_list()
    w.years.table.selectRow(0)
    assert w.years.selected_year() == report.year
    out = tmp_path / "list.pdf"
    clerk.answers["save_file"] = str(out)
    w.years.export_selected("pdf")
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=30000)
    assert all(MARK in p for p in _pages(out))


def test_without_that_error_the_export_is_clean(qtbot, make_window, seed_path, tmp_path, clerk):
    _two_years(seed_path)
    w = make_window()
    assert not w.session.errors()
    out = tmp_path / "clean.pdf"
    clerk.answers["save_file"] = str(out)
    w.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: out.exists() and not w.exporter.jobs, timeout=30000)
    assert not any(MARK in p for p in _pages(out))
