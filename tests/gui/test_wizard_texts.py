"""Narrative fields: typing, the character count, last year's text, generated sentences, undo."""

import pytest

from gui.qt import Qt
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


def test_an_inserted_sentence_goes_after_the_clerks_text_as_a_new_paragraph(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.texts["overview.requests"] = "全年依申请公开工作平稳有序。"
    wizard = open_wizard(report)
    editor = overview_page(ui, wizard).editors["overview.requests"]
    qtbot.mouseClick(editor.insert_generated, qtbot_left())
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
