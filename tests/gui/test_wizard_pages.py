"""基本信息, the fees of 六, the website counts, and the 2019 format's pages."""

import datetime as dt
from decimal import Decimal

import pytest

from gui.qt import Qt
from report.document import Report
from report.forms import common, load_form


@pytest.fixture
def seed(seed_path):
    return Report.load(seed_path)


def part_page(ui, wizard, part_id):
    title = next(p.title for p in wizard.session.report.definition.parts if p.id == part_id)
    wizard.go_to_page(ui.page_titled(wizard, title))
    return wizard.currentPage()


def retype(ui, edit, text):
    """Select all and type over (or delete), as a clerk correcting a box does."""
    edit.setFocus()
    edit.selectAll()
    if text:
        ui.type_text(edit, text)
    else:
        ui.qtbot.keyClick(edit, Qt.Key.Key_Delete)


# ---------------------------------------------------------------- 基本信息
def test_basic_page_shows_year_and_format(open_wizard, seed):
    wizard = open_wizard(seed.copy())
    basic = wizard.pages_[0]
    form = load_form("2021")
    assert basic.year_label.text() == "2022年"
    assert form.name in basic.form_label.text() and form.document in basic.form_label.text()


@pytest.mark.parametrize("typed, expected", [("2023年1月20日", dt.date(2023, 1, 20)),
                                             ("2023-01-21", dt.date(2023, 1, 21)), ("", None)])
def test_the_issuing_date_accepts_both_ways_and_blank(qtbot, ui, open_wizard, seed, typed, expected):
    wizard = open_wizard(seed.copy())
    retype(ui, wizard.pages_[0].issued_on.edit, typed)
    assert wizard.session.report.issued_on == expected


def test_a_bad_date_is_explained_and_kept(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    box = wizard.pages_[0].issued_on
    retype(ui, box.edit, "2023年2月30日")
    assert "没有“2023年2月30日”这一天" in box.message.text()
    assert box.message.isVisible()
    assert box.edit.text() == "2023年2月30日"
    assert wizard.session.report.issued_on == dt.date(2023, 1, 16)  # the last good date stays
    # an edit elsewhere does not wipe the clerk's unfinished text
    wizard.session.set_agency_field("phone", "0631-1234567")
    assert box.edit.text() == "2023年2月30日"


def test_agency_fields_carry_their_labels_and_write_the_report(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    basic = wizard.pages_[0]
    for f in common()["agency"]["fields"]:
        assert basic.agency_edits[f["id"]].accessibleName() == f["label"]
    retype(ui, basic.agency_edits["office"], "综合科")
    assert wizard.session.report.agency.office == "综合科"
    basic.kind.setFocus()
    basic.kind.showPopup()
    index = basic.kind.findData("government")
    basic.kind.view().setCurrentIndex(basic.kind.model().index(index, 0))
    qtbot.keyClick(basic.kind.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.session.report.agency.kind == "government")


# ---------------------------------------------------------------- 六 and the fees
def test_fees_are_three_figures_labelled_from_the_form(ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    fees = part_page(ui, wizard, "other").fees
    assert fees.title() == load_form("2021").fees_label
    assert [e.edit.accessibleName() for e in fees.edits.values()] == [f[1] for f in load_form("2021").fees]


def test_empty_fee_boxes_read_as_not_filled_in(ui, open_wizard, seed):
    report = seed.copy()
    report.fees = {}
    wizard = open_wizard(report)
    fees = part_page(ui, wizard, "other").fees
    for edit in fees.edits.values():
        assert edit.edit.text() == ""
        assert edit.edit.placeholderText().startswith("未填写")  # not a grey 0 that looks filled in
    wizard.session.run_checks()
    assert any(c.startswith("fees/") for f in wizard.session.findings for c in f.cells)  # the checker: empty


def test_fees_write_counts_and_money(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    fees = part_page(ui, wizard, "other").fees
    retype(ui, fees.edits["notices"].edit, "2")
    retype(ui, fees.edits["billed"].edit, "120.50")
    retype(ui, fees.edits["collected"].edit, "100")
    assert wizard.session.report.fees == {"notices": 2, "billed": Decimal("120.50"), "collected": Decimal("100")}
    # the generated sentence of 六（一） now offers these figures
    editor = part_page(ui, wizard, "other").editors["other.fees"]
    qtbot.waitUntil(lambda: editor.insert_generated.isEnabled())
    assert "120.50" in editor.generated()[0]


def test_a_fee_box_emptied_is_blank_not_zero(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    fees = part_page(ui, wizard, "other").fees
    retype(ui, fees.edits["collected"].edit, "")
    assert wizard.session.report.fees["collected"] is None
    assert wizard.session.report.fees["billed"] == Decimal("0")


def test_a_fee_with_thousands_separator_is_refused_with_a_reason(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    box = part_page(ui, wizard, "other").fees.edits["billed"]
    retype(ui, box.edit, "1,350")
    assert "不要加逗号" in box.message.text()
    assert wizard.session.report.fees["billed"] == Decimal("0")
    assert box.edit.text() == "1,350"


# ---------------------------------------------------------------- website counts
def website_page(wizard):
    wizard.go_to_page(len(wizard.pages_) - 2)
    return wizard.currentPage()


def type_cell(ui, table, row, col, text):
    table.setCurrentCell(row, col)
    table.editItem(table.item(row, col))
    editor = ui.focused()
    assert editor.parent() is table.viewport()
    editor.selectAll()
    ui.qtbot.keyClicks(editor, text)
    ui.qtbot.keyClick(editor, Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_website_counts_this_year_beside_last_year(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    page = website_page(wizard)
    table = page.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["2021年", "2022年（本年）"]
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == list(seed.website_counts)
    assert [table.item(r, 0).text() for r in range(4)] == ["3", "40", "1", "6"]
    type_cell(ui, table, 1, 1, "65")
    assert wizard.session.report.website_counts["工作动态"] == 65


def test_a_new_report_starts_with_the_default_categories(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(Report.blank(2030, seed.agency))
    table = website_page(wizard).table
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == \
        common()["website"]["default_categories"]
    assert wizard.session.report.website_counts is None
    type_cell(ui, table, 0, table.columnCount() - 1, "0")
    assert wizard.session.report.website_counts == {common()["website"]["default_categories"][0]: 0}


def test_a_bad_count_is_explained_and_not_written(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    page = website_page(wizard)
    type_cell(ui, page.table, 0, 1, "3.5")
    assert "不是件数" in page.message.text() and "机构职能" in page.message.text()
    assert wizard.session.report.website_counts["机构职能"] == 3
    assert page.table.item(0, 1).text() == "3.5"


def test_add_and_remove_categories(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    page = website_page(wizard)
    page.new_category.setFocus()
    ui.type_text(page.new_category, "通知公告")
    qtbot.mouseClick(page.add_category, Qt.MouseButton.LeftButton)
    assert page.table.verticalHeaderItem(4).text() == "通知公告"
    type_cell(ui, page.table, 4, 1, "12")
    assert wizard.session.report.website_counts["通知公告"] == 12
    ui.type_text(page.new_category, "通知公告")
    qtbot.mouseClick(page.add_category, Qt.MouseButton.LeftButton)
    assert "已经有“通知公告”" in page.message.text()
    page.table.setCurrentCell(2, 1)
    qtbot.mouseClick(page.remove_category, Qt.MouseButton.LeftButton)
    assert "政策解读" not in wizard.session.report.website_counts
    assert "政策解读" not in [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())]


def test_earlier_years_without_a_report_can_be_typed_in(qtbot, ui, open_wizard, seed, store):
    wizard = open_wizard(seed.copy())
    page = website_page(wizard)
    qtbot.mouseClick(page.add_year, Qt.MouseButton.LeftButton)
    assert page.table.horizontalHeaderItem(0).text() == "2020年"
    type_cell(ui, page.table, 1, 0, "33")
    assert wizard.session.history_counts()["2020"] == {"工作动态": 33}


def test_a_year_with_its_own_report_is_read_only_here(last_year, open_wizard, seed):
    previous = last_year(seed)
    previous.website_counts = {"机构职能": 3, "工作动态": 40, "政策解读": 1, "重点领域信息公开": 6}
    report = seed.copy()
    report.website_counts_history = None
    wizard = open_wizard(report, previous)
    table = website_page(wizard).table
    assert table.horizontalHeaderItem(0).text() == "2021年"
    assert table.item(1, 0).text() == "40"
    assert not (table.item(1, 0).flags() & Qt.ItemFlag.ItemIsEditable)
    assert "2021年已有年度报告" in table.item(1, 0).toolTip()
    assert table.item(1, 1).flags() & Qt.ItemFlag.ItemIsEditable


# ---------------------------------------------------------------- the 2019 format
def test_the_2019_format_has_no_fees_and_one_other_field(ui, open_wizard, seed):
    report = Report.blank(2020, seed.agency)
    assert report.form == "2019"
    wizard = open_wizard(report)
    form = load_form("2019")
    titles = [p.title() for p in wizard.pages_]
    assert titles[1:1 + len(form.parts)] == [p.title for p in form.parts]
    other = part_page(ui, wizard, "other")
    assert other.fees is None
    assert list(other.editors) == [f.id for f in form.parts[-1].fields] == ["other.more"]
    assert form.name in wizard.pages_[0].form_label.text()


def test_enter_adds_a_category_and_stays_on_the_page(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    page = website_page(wizard)
    page_id = wizard.currentId()
    page.new_category.setFocus()
    ui.type_text(page.new_category, "通知公告")
    qtbot.keyClick(page.new_category, Qt.Key.Key_Return)
    assert wizard.currentId() == page_id
    assert page.table.verticalHeaderItem(page.table.rowCount() - 1).text() == "通知公告"


def test_enter_in_the_date_box_does_not_leave_the_page(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    retype(ui, wizard.pages_[0].issued_on.edit, "2023-01-18")
    qtbot.keyClick(wizard.pages_[0].issued_on.edit, Qt.Key.Key_Return)
    assert wizard.currentId() == 0
    assert wizard.session.report.issued_on == dt.date(2023, 1, 18)


def test_undo_puts_the_earlier_fee_back_in_its_box(qtbot, ui, open_wizard, seed):
    wizard = open_wizard(seed.copy())
    box = part_page(ui, wizard, "other").fees.edits["notices"]
    retype(ui, box.edit, "7")
    assert wizard.session.report.fees["notices"] == 7
    wizard.session.undo_stack.undo()
    qtbot.waitUntil(lambda: box.edit.text() == "0")
    assert wizard.session.report.fees["notices"] == 0


def press(ui, keys):
    """Keys as the clerk presses them, each to whichever widget has the focus then (⏎ Enter, ⇥ Tab, ↑ Up)."""
    special = {"⏎": Qt.Key.Key_Return, "⇥": Qt.Key.Key_Tab, "↑": Qt.Key.Key_Up, "↓": Qt.Key.Key_Down}
    for k in keys:
        ui.qtbot.keyClick(ui.focused(), special.get(k, k))


def test_website_counts_are_typed_like_the_official_tables(qtbot, ui, open_wizard, seed):
    report = seed.copy()
    report.website_counts = None
    wizard = open_wizard(report)
    table = website_page(wizard).table
    this_year = table.columnCount() - 1
    table.setFocus()
    table.setCurrentCell(0, this_year)
    press(ui, "3⏎70⏎2⏎7⏎")
    assert [table.item(r, this_year).text() for r in range(4)] == ["3", "70", "2", "7"]
    assert wizard.session.report.website_counts == dict(zip(seed.website_counts, [3, 70, 2, 7], strict=True))
    table.setCurrentCell(1, this_year)
    press(ui, "71↑4⏎")  # ↑ commits and moves up, as in tables 2–4
    assert [table.item(r, this_year).text() for r in range(2)] == ["4", "71"]
    assert table.currentRow() == 1


def test_tab_in_the_website_counts_skips_a_year_that_has_its_own_report(qtbot, ui, last_year, open_wizard, seed):
    previous = last_year(seed)
    report = seed.copy()
    report.website_counts_history = None
    wizard = open_wizard(report, previous)
    table = website_page(wizard).table
    table.setFocus()
    table.setCurrentCell(0, 1)
    press(ui, "5⇥")  # the next editable cell is this year's next row, past last year's locked figure
    assert (table.currentRow(), table.currentColumn()) == (1, 1)
    press(ui, "8⇥")
    assert wizard.session.report.website_counts["机构职能"] == 5
    assert wizard.session.report.website_counts["工作动态"] == 8


def test_full_width_digits_from_an_input_method_fill_a_website_count(qtbot, ui, open_wizard, seed):
    from gui.qt import QtGui, QtWidgets

    wizard = open_wizard(seed.copy())
    table = website_page(wizard).table
    table.setFocus()
    table.setCurrentCell(1, table.columnCount() - 1)
    event = QtGui.QInputMethodEvent()
    event.setCommitString("６５")  # a Chinese input method in full-width mode sends no key presses
    QtWidgets.QApplication.sendEvent(table, event)
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState)
    press(ui, "⏎")
    assert wizard.session.report.website_counts["工作动态"] == 65
    assert table.currentRow() == 2
