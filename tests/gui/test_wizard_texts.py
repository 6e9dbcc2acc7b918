"""Narrative fields: typing, the character count, last year's text, generated sentences, undo."""

import pytest

from gui.qt import Qt, QtGui
from gui.wizard.text_editor import REPLACE
from report import sentences
from report.document import Report


@pytest.fixture
def seed(seed_path):
    return Report.load(seed_path)


@pytest.fixture
def blank_with_last_year(last_year, seed):
    """A new, empty 2022 report whose agency already has the seed report as its 2021 report."""
    previous = last_year(seed)
    return Report.blank(seed.year, seed.agency), previous


def overview_page(ui, wizard):
    wizard.go_to_page(ui.page_titled(wizard, wizard.session.report.definition.parts[0].title))
    return wizard.currentPage()


def test_typing_chinese_reaches_the_report_and_the_count(qtbot, ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    editor = overview_page(ui, wizard).editors["overview.management"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "严格落实信息公开审查制度。")
    qtbot.waitUntil(lambda: wizard.session.report.text("overview.management") == "严格落实信息公开审查制度。")
    assert editor.count.text() == "13 字"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    ui.type_text(editor.edit, "全年无泄密事件")
    qtbot.waitUntil(lambda: editor.count.text() == "20 字")
    assert wizard.session.report.text("overview.management") == "严格落实信息公开审查制度。\n全年无泄密事件"


def test_every_field_is_named_by_its_label_and_shows_its_guidance(ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    part = report.definition.parts[0]
    page = overview_page(ui, wizard)
    for field in part.fields:
        editor = page.editors[field.id]
        assert editor.edit.accessibleName() == field.label
        assert editor.edit.placeholderText() == field.guidance
        assert editor.hint.text() == field.guidance


def test_insert_last_years_text(qtbot, ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    editor = overview_page(ui, wizard).editors["overview.platforms"]
    assert editor.insert_previous.isEnabled()
    qtbot.mouseClick(editor.insert_previous, qtbot_left())
    assert wizard.session.report.text("overview.platforms") == previous.text("overview.platforms")
    assert editor.edit.toPlainText() == previous.text("overview.platforms")


def test_insert_last_year_is_off_without_last_year(ui, open_wizard, seed):
    wizard = open_wizard(Report.blank(2030, seed.agency))
    editor = overview_page(ui, wizard).editors["overview.platforms"]
    assert not editor.insert_previous.isEnabled()
    assert not editor.show_previous.isEnabled()


def test_last_years_text_is_shown_beside_on_request(qtbot, ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    editor = overview_page(ui, wizard).editors["overview.active"]
    assert not editor.previous_view.isVisible()
    qtbot.mouseClick(editor.show_previous, qtbot_left())
    assert editor.previous_view.isVisible()
    assert editor.previous_view.isReadOnly()
    assert editor.previous_view.toPlainText() == previous.text("overview.active")
    qtbot.mouseClick(editor.show_previous, qtbot_left())
    assert not editor.previous_view.isVisible()


def test_insert_the_generated_requests_sentence(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.texts["overview.requests"] = ""
    wizard = open_wizard(report)
    page = overview_page(ui, wizard)
    editor = page.editors["overview.requests"]
    assert editor.insert_generated.isEnabled()
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    text = wizard.session.report.text("overview.requests")
    assert text.startswith("2022年") and "未收到政府信息公开申请" in text
    # a field with no sentence to offer has the button off
    assert not page.editors["overview.platforms"].insert_generated.isEnabled()


def test_an_inserted_sentence_goes_after_the_clerks_text_as_a_new_paragraph(qtbot, ui, clerk, open_wizard, seed):
    report = seed.copy()
    report.texts["overview.requests"] = "全年依申请公开工作平稳有序。"
    wizard = open_wizard(report)
    editor = overview_page(ui, wizard).editors["overview.requests"]
    clerk.answers["choose"] = lambda items: next(i for i in items if i.startswith("插入"))
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    [(_, title, question)] = clerk.of("choose")
    assert title == "插入生成的句子" and "已有文字" in question
    first, second = wizard.session.report.text("overview.requests").split("\n")
    assert first == "全年依申请公开工作平稳有序。"
    assert "未收到政府信息公开申请" in second


def test_undo_shows_the_earlier_text_again(qtbot, ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    editor = overview_page(ui, wizard).editors["overview.oversight"]
    editor.edit.setFocus()
    ui.type_text(editor.edit, "加强培训")
    qtbot.waitUntil(lambda: wizard.session.report.text("overview.oversight") == "加强培训")
    wizard.session.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.edit.toPlainText() == "")
    assert editor.count.text() == "0 字"


def test_f1_gives_the_guidance_of_the_field_being_typed_in(ui, open_wizard, blank_with_last_year):
    report, previous = blank_with_last_year
    wizard = open_wizard(report, previous)
    editor = overview_page(ui, wizard).editors["overview.requests"]
    editor.edit.setFocus()
    assert ui.focused() is editor.edit
    assert editor.field.guidance in wizard.current_help()
    assert report.definition.parts[0].fields[0].guidance not in wizard.current_help()


def qtbot_left():
    return Qt.MouseButton.LeftButton


@pytest.fixture
def carried_opening(qtbot, open_wizard, seed, last_year):
    """A 2022 report whose opening is still last year's (carried over), on the 基本信息 page."""
    previous = last_year(seed)
    report = seed.copy()
    report.texts["intro"] = sentences.intro(previous)
    wizard = open_wizard(report, previous)
    return wizard, wizard.pages_[0].intro


def test_a_new_opening_can_replace_the_carried_over_one(qtbot, clerk, carried_opening):
    wizard, editor = carried_opening
    offered = []
    clerk.answers["choose"] = lambda items: offered.extend(items) or REPLACE
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    assert offered[0] == REPLACE  # proposed first: the field already holds an opening
    assert any(i.startswith("插入到末尾") for i in offered)  # says where else it would go
    assert wizard.session.report.text("intro") == sentences.intro(wizard.session.report)
    wizard.session.run_checks()
    assert not [f for f in wizard.session.findings if f.rule == "X-OPENING"]


def test_inserting_a_second_opening_is_warned(qtbot, clerk, carried_opening):
    wizard, editor = carried_opening
    clerk.answers["choose"] = lambda items: next(i for i in items if i != REPLACE)
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    assert sentences.openings(wizard.session.report.text("intro")) == 2
    qtbot.waitUntil(lambda: any(f.rule == "X-OPENING" for f in wizard.findings_panel.findings()))
    assert "开头语" in editor.edit.toolTip()  # the field itself is marked


def test_cancelling_the_choice_changes_nothing(qtbot, clerk, carried_opening):
    wizard, editor = carried_opening
    before = wizard.session.report.text("intro")
    clerk.answers["choose"] = None
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    assert wizard.session.report.text("intro") == before


def test_a_sentence_over_a_selection_leaves_no_blank_first_line(qtbot, clerk, carried_opening):
    wizard, editor = carried_opening
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert editor.edit.textCursor().hasSelection()
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    assert not clerk.of("choose")  # the selection says what to replace
    assert wizard.session.report.text("intro") == sentences.intro(wizard.session.report)


def test_a_sentence_at_the_start_of_a_paragraph_stays_its_own_paragraph(qtbot, clerk, open_wizard, seed):
    report = seed.copy()
    report.texts["overview.requests"] = "全年依申请公开工作平稳有序。"
    wizard = open_wizard(report)
    editor = wizard.pages_[1].editors["overview.requests"]
    editor.edit.moveCursor(QtGui.QTextCursor.MoveOperation.Start)
    clerk.answers["choose"] = lambda items: next(i for i in items if "第 1 段之前" in i)
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
    first, second = wizard.session.report.text("overview.requests").split("\n")
    assert "未收到政府信息公开申请" in first and second == "全年依申请公开工作平稳有序。"
