"""Moving through the wizard: Back/Next keep input, the side panel's states and jumps,
going from a finding to its cell or field, saving on page change, and read-only reports."""

import pytest

from gui.qt import Qt, QtWidgets
from gui.wizard.step_list import EMPTY, ERRORS, FILLED, WARNINGS
from report.document import Report
from report.forms import common
from store import open_store


@pytest.fixture
def seed(seed_path):
    return Report.load(seed_path)


@pytest.fixture
def blank(seed):
    return Report.blank(seed.year, seed.agency)


def title_of(report, part_id):
    return next(p.title for p in report.definition.parts if p.id == part_id)


def test_pages_follow_the_form(open_wizard, blank):
    wizard = open_wizard(blank)
    titles = [p.title() for p in wizard.pages_]
    form = blank.definition
    assert titles[1:1 + len(form.parts)] == [p.title for p in form.parts]
    assert titles[0] == "基本信息"
    assert titles[-2] == common()["website"]["heading"]
    assert titles[-1] == "检查与导出"
    steps = [wizard.steps.item(i).text().split("　")[0] for i in range(wizard.steps.count())]
    assert steps == (["基本信息", "一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼",
                      "五、问题及改进", "六、其他事项", "网站公开数量", "检查与导出"])


def test_back_and_next_keep_what_was_typed(qtbot, ui, open_wizard, blank):
    wizard = open_wizard(blank)
    problems = ui.page_titled(wizard, title_of(blank, "problems"))
    wizard.go_to_page(problems)
    editor = wizard.currentPage().editors["problems"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "公开内容不够全面")
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == problems
    assert editor.edit.toPlainText() == "公开内容不够全面"
    assert wizard.session.report.text("problems") == "公开内容不够全面"


def test_next_is_never_blocked_by_empty_fields_or_warnings(qtbot, open_wizard, blank):
    wizard = open_wizard(blank)
    next_button = wizard.button(QtWidgets.QWizard.WizardButton.NextButton)
    for expected in range(1, len(wizard.pages_)):
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        assert wizard.currentId() == expected
    assert not next_button.isEnabled() or not next_button.isVisible()


def test_clicking_a_step_jumps_there_forward_and_back(qtbot, open_wizard, blank):
    wizard = open_wizard(blank)
    for target in (5, 2, len(wizard.pages_) - 1, 0, 3):
        item = wizard.steps.item_for(target)
        rect = wizard.steps.visualItemRect(item)
        qtbot.mouseClick(wizard.steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert wizard.currentId() == target
        assert wizard.steps.currentRow() == target


def test_changing_page_saves_to_the_store(qtbot, ui, open_wizard, blank):
    wizard = open_wizard(blank)
    wizard.go_to_page(ui.page_titled(wizard, title_of(blank, "problems")))
    editor = wizard.currentPage().editors["improvements"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "加强培训")
    assert wizard.session.dirty  # the autosave is debounced: not written yet
    qtbot.mouseClick(wizard.button(QtWidgets.QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert not wizard.session.dirty
    with open_store() as reader:  # a second window reads the data folder as it is on disk
        assert reader.read_only
        assert reader.load(blank.agency.name, blank.year).text("improvements") == "加强培训"


def test_side_panel_states_follow_filling_and_findings(qtbot, ui, open_wizard, blank):
    wizard = open_wizard(blank)
    problems = ui.page_titled(wizard, title_of(blank, "problems"))
    t3 = ui.page_titled(wizard, title_of(blank, "t3"))
    assert wizard.steps.state(problems) == EMPTY
    wizard.go_to_page(problems)
    editor = wizard.currentPage().editors["problems"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "信息公开的及时性有待提高")
    qtbot.waitUntil(lambda: wizard.steps.state(problems) == WARNINGS)  # 改进措施 is still empty
    editor = wizard.currentPage().editors["improvements"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "建立信息发布台账，按时更新")
    qtbot.waitUntil(lambda: wizard.steps.state(problems) == FILLED)

    session = wizard.session
    for col in ("commercial", "research", "social", "legal", "other"):
        for row in blank.definition.tables["t3"].row_ids():
            if row not in ("3.7",):
                session.set_cell("t3", row, col, 0)
    for row in blank.definition.tables["t3"].row_ids():
        if row != "3.7":
            session.set_cell("t3", row, "natural", 0)
    session.set_cell("t3", "1", "natural", 2)  # received 2, dealt with none: the balance fails
    qtbot.waitUntil(lambda: wizard.steps.state(t3) == ERRORS)
    assert ERRORS in wizard.steps.item_for(t3).text()
    session.set_cell("t3", "3.1", "natural", 2)
    qtbot.waitUntil(lambda: wizard.steps.state(t3) in (FILLED, WARNINGS))


def test_a_finding_on_the_review_page_lands_on_its_cell(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.set("t3", "3.1", "natural", 1)  # 3.7 and the balance no longer agree
    wizard = open_wizard(report)
    wizard.go_to_page(len(wizard.pages_) - 1)
    review = wizard.review
    errors = [f for f in wizard.session.findings if f.severity == "error" and f.cells[0].startswith("t3/")]
    assert errors, "the seed with one changed cell must give a table-3 error"
    finding = errors[0]
    item = review.findings.item_for(finding)
    review.findings.scrollToItem(item)
    qtbot.mouseClick(review.findings.viewport(), Qt.MouseButton.LeftButton,
                     pos=review.findings.visualItemRect(item).center())
    page = wizard.currentPage()
    assert page.title() == title_of(report, "t3")
    _, a, b = finding.cells[0].split("/")
    index = page.editor.view.currentIndex()
    assert page.editor.model.index_of(a, b) == index
    assert ui.focused() is page.editor.view


@pytest.mark.parametrize("ref, page_title, widget", [
    ("texts/overview.requests", "overview", lambda p: p.editors["overview.requests"].edit),
    ("texts/problems", "problems", lambda p: p.editors["problems"].edit),
    ("fees/collected", "other", lambda p: p.fees.edits["collected"].edit),
    ("agency/phone", None, lambda p: p.agency_edits["phone"]),
    ("issued_on", None, lambda p: p.issued_on.edit),
    ("texts/intro", None, lambda p: p.intro.edit),
])
def test_show_page_for_focuses_the_field(ui, open_wizard, seed, ref, page_title, widget):
    wizard = open_wizard(seed.copy())
    wizard.go_to_page(len(wizard.pages_) - 1)
    wizard.show_page_for(ref)
    page = wizard.currentPage()
    assert page.title() == (title_of(seed, page_title) if page_title else "基本信息")
    assert ui.focused() is widget(page)


def test_show_page_for_website_counts(ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    wizard.show_page_for("website_counts")
    assert wizard.currentPage().title() == common()["website"]["heading"]
    assert ui.focused() is wizard.currentPage().table


def test_text_fields_with_findings_are_marked(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.texts["overview.requests"] = "2022年，我局共收到政府信息公开申请5件。"  # table 3 says none
    wizard = open_wizard(report)
    editor = wizard.pages_[ui.page_titled(wizard, title_of(report, "overview"))].editors["overview.requests"]
    qtbot.waitUntil(lambda: bool(editor.edit.property("finding")))
    mine = [f for f in wizard.session.findings if "texts/overview.requests" in f.cells]
    assert mine and editor.edit.property("finding") in {f.severity for f in mine}
    assert mine[0].message in editor.edit.toolTip()
    assert any(mine[0].message == wizard.findings_panel.topLevelItem(i).child(j).text(0)
               for i in range(wizard.findings_panel.topLevelItemCount())
               for j in range(wizard.findings_panel.topLevelItem(i).childCount()))


def test_a_final_report_cannot_be_edited(qtbot, ui, open_wizard, seed, store):
    wizard = open_wizard(seed.copy())
    assert wizard.session.mark_final()[0], wizard.session.findings
    qtbot.waitUntil(lambda: wizard.pages_[1].editors["overview.lead"].edit.isReadOnly())
    basic = wizard.pages_[0]
    assert basic.agency_edits["name"].isReadOnly() and basic.issued_on.edit.isReadOnly()
    assert not basic.kind.isEnabled()
    other = wizard.pages_[ui.page_titled(wizard, title_of(seed, "other"))]
    assert other.fees.edits["notices"].edit.isReadOnly()
    assert not other.editors["other.key_tasks"].insert_generated.isEnabled()
    website = wizard.pages_[-2]
    assert not website.add_category.isEnabled()
    assert not (website.table.item(0, website.table.columnCount() - 1).flags() & Qt.ItemFlag.ItemIsEditable)
    assert not wizard.review.final.isEnabled()
    wizard.session.reopen()
    qtbot.waitUntil(lambda: not wizard.pages_[1].editors["overview.lead"].edit.isReadOnly())


def test_review_buttons_ask_the_main_window(qtbot, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    wizard.go_to_page(len(wizard.pages_) - 1)
    review = wizard.review
    for button, signal in ((review.preview, wizard.previewRequested), (review.export_pdf, wizard.exportPdfRequested),
                           (review.export_json, wizard.exportJsonRequested), (review.final, wizard.finalRequested)):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_final_is_offered_only_without_errors(qtbot, open_wizard, seed):
    report = seed.copy()
    report.set("t4", "review", "upheld", 1)  # total stays 0: an error
    wizard = open_wizard(report)
    review = wizard.review
    assert not review.final.isEnabled()
    assert "改正后才能定稿" in review.final_note.text()
    assert review.summary.text().startswith("发现 ")
    wizard.session.set_cell("t4", "review", "upheld", 0)
    qtbot.waitUntil(lambda: review.final.isEnabled())
    assert review.final_note.text() == ""


def test_clicking_a_finding_in_the_side_panel_goes_there(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.texts["problems"] = ""
    wizard = open_wizard(report)
    panel = wizard.findings_panel
    finding = next(f for f in wizard.session.findings if f.cells == ("texts/problems",))
    item = panel.item_for(finding)
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())
    page = wizard.currentPage()
    assert page.title() == title_of(report, "problems")
    assert ui.focused() is page.editors["problems"].edit
    assert finding.message in page.editors["problems"].edit.toolTip()


def test_tab_follows_reading_order_on_the_basic_page(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    basic = wizard.pages_[0]
    basic.issued_on.edit.setFocus()
    order = [basic.issued_on.edit] + [basic.agency_edits[f["id"]] for f in common()["agency"]["fields"]] + [
        basic.kind, basic.intro.edit]
    for expected in order[1:]:
        qtbot.keyClick(ui.focused(), Qt.Key.Key_Tab)
        assert ui.focused() is expected


def test_tab_leaves_a_text_field_instead_of_typing_a_tab(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    wizard.go_to_page(ui.page_titled(wizard, title_of(seed, "problems")))
    page = wizard.currentPage()
    first, second = page.editors["problems"], page.editors["improvements"]
    first.edit.setFocus()
    before = first.edit.toPlainText()
    seen = []
    for _ in range(5):
        qtbot.keyClick(ui.focused(), Qt.Key.Key_Tab)
        seen.append(ui.focused())
        if ui.focused() is second.edit:
            break
    assert first.edit.toPlainText() == before
    assert seen[-1] is second.edit
    assert first.insert_previous in seen or not first.insert_previous.isEnabled()


def test_f1_on_a_table_page_explains_the_table(ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    wizard.go_to_page(ui.page_titled(wizard, title_of(seed, "t3")))
    text = wizard.current_help()
    table = seed.definition.tables["t3"]
    assert text.startswith(title_of(seed, "t3"))
    assert table.blocks[0].stub in text
    assert "与 0 不同" in text


def test_the_mark_goes_when_the_text_is_fixed(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.texts["problems"] = ""
    wizard = open_wizard(report)
    wizard.show_page_for("texts/problems")
    edit = wizard.currentPage().editors["problems"].edit
    assert edit.property("finding") in ("error", "warning", "note") and edit.toolTip()
    ui.type_text(edit, seed.text("problems"))
    qtbot.waitUntil(lambda: edit.property("finding") == "" and edit.toolTip() == "")


def test_a_text_finding_selects_and_shows_the_phrase_it_is_about(qtbot, ui, open_wizard, seed_path):
    report = Report.load(seed_path)
    filler = "\n".join(f"第{i}段：全年依申请公开工作平稳有序，答复规范及时。" for i in range(1, 25))
    report.texts["overview.requests"] = filler + "\n2022年，我局新收政府信息公开申请９９件。"  # full-width, as typed
    wizard = open_wizard(report)
    wizard.resize(1000, 600)
    panel = wizard.findings_panel
    item = next(panel.item_for(f) for f in panel.findings() if f.rule == "X-REQ")
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())

    page = wizard.currentPage()
    edit = page.editors["overview.requests"].edit
    qtbot.waitUntil(lambda: ui.focused() is edit)
    assert edit.textCursor().selectedText() == "新收政府信息公开申请９９件"
    view = page.scroll.viewport()
    spot = edit.viewport().mapTo(view, edit.cursorRect().center())
    assert view.rect().contains(spot)  # the page scrolled to it
    assert edit.viewport().rect().contains(edit.cursorRect().center())  # and so did the field
