"""What the wizard's date, count and money boxes accept, and what they say when they refuse."""

import datetime as dt
from decimal import Decimal

import pytest

from gui.wizard.parsing import count_chars
from report.values import CellSpec, InputError, ascii_digits, parse_cell, parse_count, parse_date, parse_money


@pytest.mark.parametrize("text", ["2023-01-16", "2023年1月16日", "2023/1/16", "2023.01.16", " 2023 年 1 月 16 日 ",
                                  "２０２３－０１－１６"])
def test_dates_in_the_ways_clerks_write_them(text):
    assert parse_date(text) == dt.date(2023, 1, 16)


def test_an_empty_date_is_not_set():
    assert parse_date("  ") is None


@pytest.mark.parametrize("text, words", [("2023-02-30", "没有“2023-02-30”这一天"), ("明年一月", "2023-01-16"),
                                         ("16.1.2023", "2023年1月16日")])
def test_a_bad_date_says_how_to_write_it(text, words):
    with pytest.raises(InputError) as e:
        parse_date(text)
    assert words in str(e.value)


def test_counts_keep_blank_and_zero_apart():
    assert parse_count("") is None
    assert parse_count("0") == 0
    assert parse_count("１２") == 12
    for bad in ("1.5", "-1", "1,350", "三"):
        with pytest.raises(InputError, match="整数"):
            parse_count(bad)


def test_money_is_decimal_in_yuan_without_separators():
    assert parse_money("1350.50") == Decimal("1350.50")
    assert parse_money("0") == Decimal("0")
    assert parse_money("") is None
    for bad in ("1,350", "12.345", "12元", "-3"):
        with pytest.raises(InputError, match="金额"):
            parse_money(bad)


def test_the_character_count_ignores_spaces_and_line_breaks():
    assert count_chars("我局 2022年\n未收到申请。") == len("我局2022年未收到申请。")


def test_full_width_digits_read_alike_in_boxes_cells_and_the_checked_text():
    assert parse_count("１２") == parse_cell("１２", CellSpec()) == int(ascii_digits("１２")) == 12
    assert parse_money("１２．５") == parse_cell("１２．５", CellSpec("money", "万元")) == Decimal("12.5")
    assert ascii_digits("共计１２条，其中：") == "共计12条，其中："  # the text keeps its own punctuation
