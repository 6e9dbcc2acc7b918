"""ReportSession: the one editing API — totals, undo, autosave, debounced checks, 定稿."""

from __future__ import annotations

import re

import pytest

from gui import session as session_module
from gui.session import ReportSession
from report.document import Report


@pytest.fixture
def seeded(store, seed_path):
    report = Report.load(seed_path)
    store.save_agency(report.agency)
    store.save(report)
    return report


@pytest.fixture
def session(qtbot, store, seeded):
    s = ReportSession(store, seeded.agency.name, seeded.year)
    qtbot.waitUntil(lambda: s.checked)  # the checker runs a moment after opening
    yield s
    s.close()


def test_opens_the_stored_report_with_its_findings(session, seeded):
    assert session.report.to_dict() == seeded.to_dict()
    assert session.status == "draft" and not session.read_only
    assert not session.errors(), [f.message for f in session.errors()]


def test_set_cell_recomputes_totals_and_undo_restores_both(qtbot, session):
    before_cell = session.report.get("t3", "3.1", "natural")
    before_total = session.report.get("t3", "3.7", "natural")
    with qtbot.waitSignal(session.changed, timeout=1000):
        session.set_cell("t3", "3.1", "natural", before_cell + 2)
    assert session.report.get("t3", "3.7", "natural") == before_total + 2
    session.undo_stack.undo()
    assert session.report.get("t3", "3.1", "natural") == before_cell
    assert session.report.get("t3", "3.7", "natural") == before_total
    session.undo_stack.redo()
    assert session.report.get("t3", "3.7", "natural") == before_total + 2


def test_blank_zero_and_slash_are_distinct_edits(session):
    session.set_cell("t2", "charges", "amount", None)
    session.set_cell("t2", "charges", "amount", "/")
    assert session.report.get("t2", "charges", "amount") == "/"
    session.undo_stack.undo()
    assert session.report.get("t2", "charges", "amount") is None


def test_typing_in_one_text_field_is_one_undo_step(session, seeded):
    original = seeded.text("problems")
    for n in range(1, 5):
        session.set_text("problems", original + "补充" * n)
    session.undo_stack.undo()
    assert session.report.text("problems") == original


def test_every_change_reaches_the_store_within_a_second(qtbot, session, store, seeded):
    with qtbot.waitSignal(session.saved, timeout=2000) as saved:
        session.set_text("problems", "新的问题说明。")
    assert re.fullmatch(r"已保存 \d\d:\d\d:\d\d", saved.args[0])
    assert store.load(seeded.agency.name, seeded.year).text("problems") == "新的问题说明。"


def test_findings_follow_the_cells(qtbot, session):
    value = session.report.get("t3", "1", "natural")
    with qtbot.waitSignal(session.findingsChanged, timeout=1000):
        session.set_cell("t3", "1", "natural", value + 5)
    assert session.errors(), "receiving more requests than were handled must be an error"
    assert any(c.startswith("t3/") for f in session.errors() for c in f.cells)
    with qtbot.waitSignal(session.findingsChanged, timeout=1000):
        session.set_cell("t3", "1", "natural", value)
    assert not session.errors()


def test_a_failed_save_keeps_the_edits_and_retries(qtbot, session, store, seeded, monkeypatch):
    from store import StoreWriteError

    monkeypatch.setattr(session_module, "RETRY_DELAY_MS", 50)
    real_save = store.save
    failing = {"on": True}

    def save(report, counts=None):
        if failing["on"]:
            raise StoreWriteError("无法保存到 D:\\数据：磁盘空间不足，请清理磁盘后再试。")
        return real_save(report, counts)

    monkeypatch.setattr(store, "save", save)
    with qtbot.waitSignal(session.saveFailed, timeout=2000) as failed:
        session.set_text("problems", "断电前写的内容。")
    assert "磁盘空间不足" in failed.args[0]
    assert session.report.text("problems") == "断电前写的内容。"
    assert session.dirty
    failing["on"] = False
    with qtbot.waitSignal(session.saved, timeout=2000):
        pass
    assert store.load(seeded.agency.name, seeded.year).text("problems") == "断电前写的内容。"


def test_final_is_refused_with_an_error_and_opens_read_only(qtbot, session, store, seeded):
    value = session.report.get("t3", "1", "natural")
    session.set_cell("t3", "1", "natural", value + 5)
    ok, message = session.mark_final()
    assert not ok and "错误" in message
    assert store.status(seeded.agency.name, seeded.year) == "draft"

    session.set_cell("t3", "1", "natural", value)
    with qtbot.waitSignal(session.statusChanged, timeout=1000) as status:
        ok, message = session.mark_final()
    assert ok, message
    assert status.args == ["final"]
    assert session.read_only
    session.set_text("problems", "定稿后不能再改")
    assert session.report.text("problems") == seeded.text("problems")

    reopened = ReportSession(store, seeded.agency.name, seeded.year)
    assert reopened.read_only and reopened.status == "final"
    reopened.reopen()
    assert not reopened.read_only
    assert store.status(seeded.agency.name, seeded.year) == "draft"
    reopened.close()


def test_history_counts_are_earlier_years_only(session, seeded):
    session.set_history_counts(seeded.year - 3, {"工作动态": 12})
    history = session.history_counts()
    assert history[str(seeded.year - 3)] == {"工作动态": 12}
    assert all(int(y) < seeded.year for y in history)


def test_the_save_keeps_the_windows_counts_without_checking_again(qtbot, session, store, seeded, monkeypatch):
    from report import checks
    from report.findings import Severity

    calls, check = [], checks.check
    monkeypatch.setattr(checks, "check", lambda *a, **k: calls.append(a) or check(*a, **k))
    value = session.report.get("t3", "1", "natural")
    with qtbot.waitSignal(session.saved, timeout=2000):
        session.set_cell("t3", "1", "natural", value + 5)
    assert len(calls) == 1  # the window's own check after the edit: the save checked nothing
    (row,) = store.reports(seeded.agency.name)
    shown = session.findings.counts()
    assert row.errors == shown[Severity.ERROR] >= 1
    assert row.warnings == shown[Severity.WARNING]


def test_a_save_before_the_checker_caught_up_leaves_the_counts_unknown(qtbot, session, store, seeded):
    value = session.report.get("t3", "1", "natural")
    session.set_cell("t3", "1", "natural", value + 5)  # the findings in hand are those of before the edit
    assert session.close()
    (row,) = store.reports(seeded.agency.name)
    assert (row.errors, row.warnings) == (None, None)
    assert store.count_findings(seeded.agency.name, seeded.year)[0] >= 1
