"""What a clerk types or pastes into a table cell: accepted values and refusals in Chinese."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from report.document import format_value
from report.values import CellSpec, CellValueError, join_block, parse_cell, split_block

COUNT = CellSpec("count")
SIGNED = CellSpec("signed")
MONEY = CellSpec("money", "万元", slash_allowed=True)
T2_COUNT = CellSpec("count", slash_allowed=True)


def refusal(text, spec) -> CellValueError:
    with pytest.raises(CellValueError) as info:
        parse_cell(text, spec)
    return info.value


def test_parsing_and_layout_load_no_qt():
    code = "import sys, gui.tables.parsing, gui.tables.header; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text, value", [
    ("12", 12), ("１２", 12), (" 7 ", 7), ("0", 0), ("０", 0), ("3件", 3), ("3 件", 3), ("４条", 4),
    ("+5", 5), ("\u3000８\u3000", 8),
])
def test_counts_accept_ascii_and_full_width_digits_and_units(text, value):
    got = parse_cell(text, COUNT)
    assert got == value and type(got) is int


def test_blank_zero_and_slash_stay_distinct():
    assert parse_cell("", COUNT) is None
    assert parse_cell("   ", COUNT) is None
    assert parse_cell("0", COUNT) == 0
    assert parse_cell("/", T2_COUNT) == "/"
    assert parse_cell("／", T2_COUNT) == "/"


def test_thousands_separator_is_refused_with_the_plain_number():
    e = refusal("1,350", COUNT)
    assert "“1,350”含有千位分隔符" in str(e) and "1350" in e.hint
    assert "1350" in refusal("1，350", COUNT).hint


@pytest.mark.parametrize("text, reason, hint", [
    ("abc", "“abc”不是整数", "阿拉伯数字"),
    ("12a", "“12a”不是整数", "阿拉伯数字"),
    ("-3", "“-3”是负数", "0 或正整数"),
    ("－３", "“－３”是负数", "0 或正整数"),
    ("1.5", "“1.5”不是整数", "不能有小数"),
    ("无", "“无”不是数字", "填 0"),
    ("1234567890", "“1234567890”过大", "核对"),
])
def test_counts_refuse_letters_negatives_decimals_with_reason_and_fix(text, reason, hint):
    e = refusal(text, COUNT)
    assert e.reason == reason and hint in e.hint


def test_signed_cells_take_negative_changes():
    assert parse_cell("-3", SIGNED) == -3
    assert parse_cell("－３", SIGNED) == -3
    assert parse_cell("−2项", SIGNED) == -2
    assert "不是整数" in refusal("-1.5", SIGNED).reason


def test_slash_only_where_the_table_allows_it():
    e = refusal("/", COUNT)
    assert "不能填“/”" in e.reason and "0" in e.hint


@pytest.mark.parametrize("text, value", [
    ("1.2345", Decimal("1.2345")), ("4166.241619", Decimal("4166.241619")),
    ("0", Decimal("0")), ("１．５", Decimal("1.5")), ("1。5", Decimal("1.5")),
    ("0.5万元", Decimal("0.5")), ("0.5万", Decimal("0.5")), ("3", Decimal("3")), (".25", Decimal("0.25")),
])
def test_money_in_wanyuan_takes_up_to_six_decimals_as_decimal(text, value):
    got = parse_cell(text, MONEY)
    assert got == value and isinstance(got, Decimal)


def test_money_keeps_the_written_precision():
    assert format_value(parse_cell("1.50", MONEY)) == "1.50"


def test_money_refusals():
    assert "小数超过 6 位" in refusal("4166.2416191", MONEY).reason
    assert "万元" in refusal("4166.2416191", MONEY).hint and "精确到分" in refusal("4166.2416191", MONEY).hint
    assert "负数" in refusal("-2", MONEY).reason
    e = refusal("15000元", MONEY)
    assert "单位是元" in e.reason and "1.5" in e.hint
    assert "不是金额" in refusal("一万", MONEY).reason


def test_format_value_shows_blank_slash_and_plain_decimals():
    assert format_value(None) == ""
    assert format_value("/") == "/"
    assert format_value(0) == "0"
    assert format_value(Decimal("1E+2")) == "100"
    assert format_value(Decimal("0.0500")) == "0.0500"


def test_split_block_from_excel_keeps_blank_cells_and_drops_the_last_line_break():
    assert split_block("1\t\t3\r\n4\t5\t6\r\n") == [["1", "", "3"], ["4", "5", "6"]]


def test_split_block_from_a_pdf_splits_on_spaces():
    assert split_block("0 0  12\n３件\u3000４件\n") == [["0", "0", "12"], ["３件", "４件"]]


def test_split_block_unquotes_excel_quoted_cells():
    assert split_block('"1"\t"2"\n') == [["1", "2"]]


def test_an_empty_line_inside_a_block_is_one_blank_cell():
    assert split_block("1\n\n3") == [["1"], [""], ["3"]]


def test_join_block_is_what_split_block_reads():
    rows = [["1", "", "3"], ["/", "0.25", ""]]
    text = join_block(rows)
    assert text == "1\t\t3\n/\t0.25\t\n"
    assert split_block(text) == rows
