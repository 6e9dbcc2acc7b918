"""历史版本: the clerk lists earlier versions, reads one, and restores it without losing the current one."""

import re

import pytest

from gui.history_dialog import HistoryDialog, differences
from gui.qt import Qt, QtWidgets
from report.document import Report

FIELD = "problems"
TIME = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$")


@pytest.fixture
def seed(seed_path):
    return Report.load(seed_path)


def part_of(report, field_id):
    return next(p for p in report.definition.parts if any(f.id == field_id for f in p.fields))


def open_dialog(qtbot, session, parent=None):
    dialog = HistoryDialog(session, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog):
    return [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]


def click_row(qtbot, dialog, row):
    item = dialog.list.topLevelItem(row)
    dialog.list.scrollToItem(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: dialog.list.currentItem() is item)


@pytest.fixture
def history(store, open_wizard, seed):
    """A wizard on the seed report with every kind of version behind it.

    Made in this order: the seed (whose text is replaced by an import), 导入的文字,
    第二版, then 定稿 and 撤回为草稿, and finally 第三版 as the current text.
    """
    store.save_agency(seed.agency)
    store.save(seed)
    imported = seed.copy()
    imported.texts[FIELD] = "导入的文字"
    store.import_report(imported, replace=True)
    wizard = open_wizard(imported)
    session = wizard.session
    session.set_text(FIELD, "第二版文字")
    assert session.save_now()
    ok, message = session.mark_final()
    assert ok, message
    session.reopen()
    session.set_text(FIELD, "第三版文字")
    assert session.save_now()
    return wizard


def test_versions_are_listed_newest_first_with_their_kind_and_what_differs(qtbot, history, seed):
    dialog = open_dialog(qtbot, history.session, history)
    items = rows(dialog)
    assert [i.text(1) for i in items] == ["草稿保存", "撤回为草稿", "定稿", "草稿保存", "导入前的版本"]
    assert all(TIME.match(i.text(0)) for i in items), [i.text(0) for i in items]
    part = part_of(seed, FIELD)
    qtbot.waitUntil(lambda: "……" not in [i.text(2) for i in items])
    for row in (0, 2, 3, 4):  # every version with content had another text in 四、
        assert items[row].text(2) == f"文字：{part.step_title}"
    assert "没有内容" in items[1].text(2)


def test_selecting_a_version_shows_its_text_to_read_or_copy(qtbot, history, seed):
    dialog = open_dialog(qtbot, history.session, history)
    click_row(qtbot, dialog, 4)
    text = dialog.preview.toPlainText()
    assert seed.text(FIELD) in text
    assert f"【{part_of(seed, FIELD).step_title}】" in text
    assert "（与当前内容不同）" in text
    assert dialog.preview.isReadOnly()
    assert dialog.restore_button.isEnabled()

    click_row(qtbot, dialog, 1)  # 撤回为草稿 is an event without content
    assert not dialog.restore_button.isEnabled()
    assert "不能恢复" in dialog.preview.toPlainText()


def test_restore_brings_the_old_text_back_and_keeps_the_current_one(qtbot, ui, clerk, history, store):
    wizard, session = history, history.session
    page_id = ui.page_titled(wizard, part_of(session.report, FIELD).title)
    wizard.go_to_page(page_id)
    editor = wizard.pages_[page_id].editors[FIELD]
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    ui.type_text(editor.edit, "（未保存）")  # typed but not yet autosaved: it must not be lost either
    qtbot.waitUntil(lambda: session.report.text(FIELD) == "第三版文字（未保存）")

    dialog = open_dialog(qtbot, session, wizard)  # opening saves the typing: one more version
    assert [i.text(1) for i in rows(dialog)][:2] == ["草稿保存", "草稿保存"]
    click_row(qtbot, dialog, 4)  # the content 第二版 replaced
    assert "导入的文字" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    calls = clerk.calls
    assert calls[-1][0] == "confirm" and "当前内容会保存为一个历史版本，可以随时再恢复。" in calls[0][2]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert session.report.text(FIELD) == "导入的文字"
    qtbot.waitUntil(lambda: editor.edit.toPlainText() == "导入的文字")
    assert store.load(session.agency_name, session.year).text(FIELD) == "导入的文字"
    assert session.undo_stack.count() == 0
    newest = store.revisions(session.agency_name, session.year)[0]
    assert newest.kind == "draft"
    assert store.load_revision(session.agency_name, session.year, newest.id).text(FIELD) == "第三版文字（未保存）"


def test_answering_no_changes_nothing(qtbot, clerk, history, store):
    session = history.session
    dialog = open_dialog(qtbot, session, history)
    click_row(qtbot, dialog, 4)
    clerk.answers["confirm"] = False
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert clerk.of("confirm")
    assert dialog.isVisible()
    assert session.report.text(FIELD) == "第三版文字"
    assert len(store.revisions(session.agency_name, session.year)) == 5


def test_a_version_equal_to_the_current_content_is_not_offered(qtbot, history):
    session = history.session
    session.set_text(FIELD, "第二版文字")  # back to what 定稿 holds
    dialog = open_dialog(qtbot, session, history)
    click_row(qtbot, dialog, dialog.list.topLevelItemCount() - 3)
    assert dialog.list.currentItem().text(1) == "定稿"
    assert dialog.list.currentItem().text(2) == "与当前内容相同"
    assert not dialog.restore_button.isEnabled()
    assert "相同" in dialog.restore_button.toolTip()


def test_a_final_report_cannot_be_restored_and_says_why(qtbot, clerk, history, store):
    session = history.session
    ok, message = session.mark_final()
    assert ok, message
    dialog = open_dialog(qtbot, session, history)
    click_row(qtbot, dialog, 1)
    assert dialog.list.currentItem().text(1) == "草稿保存"
    assert dialog.preview.toPlainText()  # it can still be read and copied
    assert not dialog.restore_button.isEnabled()
    assert dialog.reason.isVisible()
    assert "定稿" in dialog.reason.text() and "撤回为草稿" in dialog.reason.text()
    dialog.restore()
    assert not clerk.of("confirm")
    assert session.report.text(FIELD) == "第三版文字"


def test_differences_name_the_parts_and_cells_from_the_form(seed):
    version = seed.copy()
    version.set("t3", "3.1", "natural", (seed.get("t3", "3.1", "natural") or 0) + 5)
    version.issued_on = None
    diff = differences(version, seed)
    table_part = next(p for p in seed.definition.parts if p.table == "t3")
    cell_name = seed.definition.tables["t3"].cell_name("3.1", "natural")
    assert [c[:2] for c in diff.cells] == [(table_part.step_title, cell_name)]
    assert diff.summary() == f"数字：{table_part.step_title} 1 处；基本信息"
    assert differences(seed.copy(), seed).same


def test_the_main_window_opens_the_history_and_reports_a_restore(qtbot, make_window, seed):
    from store import open_store

    with open_store() as s:
        s.save_agency(seed.agency)
        s.save(seed)
    w = make_window()  # opens the draft in progress
    assert w.session is not None and w.session.year == seed.year
    assert w.act_history in w.toolbar.actions()
    edit_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "编辑")
    assert w.act_history in edit_menu.actions()
    assert w.act_history.isEnabled()
    original = w.session.report.text(FIELD)
    w.session.set_text(FIELD, "新写的文字")
    assert w.session.save_now()

    w.act_history.trigger()

    def shown():
        return [d for d in QtWidgets.QApplication.topLevelWidgets() if isinstance(d, HistoryDialog) and d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    dialog = shown()[0]
    assert dialog.list.topLevelItemCount() == 1
    click_row(qtbot, dialog, 0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shown())
    assert w.session.report.text(FIELD) == original
    assert "已恢复" in w.statusBar().currentMessage()

    w.back_to_list()
    assert not w.act_history.isEnabled()
