"""定稿 and 撤回为草稿: asked while warnings remain, said in the status bar; an imported report of
an earlier year is offered as 定稿 so that a published year is not changed by accident."""

from __future__ import annotations

from gui.profile_dialog import ProfileDialog
from report.document import Report
from report.findings import Findings, Severity


def with_warnings(seed_path) -> Report:
    """The seed report with part 五 left empty: 警告, no 错误."""
    report = Report.load(seed_path)
    for fid in [f.id for f in report.definition.text_fields() if f.id.startswith("problems")]:
        report.texts[fid] = ""
    return report


def test_final_with_warnings_asks_first_with_their_count(clerk, make_window, seeded, seed_path):
    seeded(with_warnings(seed_path))
    w = make_window()
    findings = Findings(w.session.findings)
    warnings = len(findings.of(Severity.WARNING))
    assert warnings and not findings.errors
    clerk.answers["confirm"] = False
    w.act_final.trigger()
    [(_, title, text)] = clerk.of("confirm")
    assert title == "定稿" and f"还有 {warnings} 个警告" in text
    assert w.session.status == "draft"
    assert "未定稿" in w.statusBar().currentMessage()

    clerk.answers["confirm"] = True
    w.wizard.review.final.click()  # the button of 检查与导出 asks the same
    assert len(clerk.of("confirm")) == 2
    assert w.session.status == "final"


def test_final_and_reopen_are_said_in_the_status_bar(clerk, make_window, seeded):
    seeded()
    w = make_window()
    w.act_final.trigger()
    assert not clerk.of("confirm")  # no warning left: nothing to ask
    assert w.session.status == "final"
    assert "已定稿" in w.statusBar().currentMessage()
    assert w.save_state.text().startswith("已定稿 ")  # no longer the last 「已保存」
    w.act_reopen.trigger()
    assert w.session.status == "draft"
    assert "撤回为草稿" in w.statusBar().currentMessage()
    assert w.save_state.text().startswith("已撤回为草稿 ")


def first_run(ui, clerk, make_window):
    clerk.on_dialog(ProfileDialog, lambda d: (ui.type_text(d.edits["name"], "某单位"), d.accept()))
    return make_window()


def test_an_imported_earlier_report_is_offered_as_final(ui, clerk, make_window, seed_path):
    w = first_run(ui, clerk, make_window)
    seed = Report.load(seed_path)
    assert w.years.import_path(seed_path)
    kind, title, text = clerk.calls[-1]
    assert (kind, title) == ("confirm", "设为定稿？") and "已经发布" in text
    assert w.store.status(seed.agency.name, seed.year) == "final"
    assert w.years.table.item(0, 1).text() == "定稿"
    assert "已定稿" in w.statusBar().currentMessage()


def test_an_imported_report_stays_a_draft_when_the_clerk_says_no(ui, clerk, make_window, seed_path):
    w = first_run(ui, clerk, make_window)
    seed = Report.load(seed_path)
    clerk.answers["confirm"] = False
    assert w.years.import_path(seed_path)
    assert w.store.status(seed.agency.name, seed.year) == "draft"


def test_an_imported_report_with_errors_is_not_offered_as_final(ui, clerk, make_window, shuyang_path):
    w = first_run(ui, clerk, make_window)
    assert w.years.import_path(shuyang_path)  # it has a 错误: it cannot be final
    assert not clerk.of("confirm")
