"""Values the clerk types or pastes — table cells, wizard boxes, blocks copied from Excel — without Qt.

A Chinese input method sends full-width digits (１２) and “。” for the decimal point, Excel and
WPS put units and thousands separators into copied figures: normalise what is unambiguous,
refuse the rest with a reason the clerk can act on. Blank (None), 0 and “/” stay distinct.
One table folds full-width characters everywhere (cells, wizard fields, the checker's reading
of the text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from report.document import SLASH
from report.money import decimals, places

MAX_COUNT = 999_999_999

FULL_WIDTH_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)}  # ０…９
_DIGITS = str.maketrans(FULL_WIDTH_DIGITS)
_FULL_WIDTH = str.maketrans({
    **FULL_WIDTH_DIGITS,
    "－": "-", "−": "-", "＋": "+", "．": ".", "／": "/", "，": ",", "\u3000": " ",
})
_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?\s*$")
_WHOLE = re.compile(r"^\d+$")
_YUAN = re.compile(r"^\d+(\.\d{1,2})?$")

_COUNT_UNITS = ("件", "条", "个", "项", "次")
_NOTHING = ("无", "没有", "-", "—", "——", "--")
_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


# ---------------------------------------------------------------- table cells and pasted blocks
@dataclass(frozen=True)
class CellSpec:
    """What a cell accepts: its column type (count | signed | money), unit, and whether “/” may stand."""

    kind: str = "count"
    unit: str = ""
    slash_allowed: bool = False


class CellValueError(ValueError):
    """Text that is not a value for the cell: ``reason`` names the problem, ``hint`` the fix (Chinese)."""

    def __init__(self, reason: str, hint: str):
        super().__init__(f"{reason}。{hint}")
        self.reason, self.hint = reason, hint


def ascii_digits(text: str) -> str:
    """Full-width digits to ASCII and nothing else, so that quoted text keeps its punctuation."""
    return text.translate(_DIGITS)


def _fold(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding blanks removed."""
    return text.translate(_FULL_WIDTH).strip()


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding blanks removed; “1。5” to “1.5”."""
    t = _fold(text)
    return re.sub(r"(?<=\d)。(?=\d)", ".", t)


def parse_cell(text: str, spec: CellSpec):
    """The value for ``text`` in a cell of ``spec``: None (blank), “/”, int, or Decimal (money)."""
    shown = text.strip()
    t = normalise(text)
    if t == "":
        return None
    if t == SLASH:
        if spec.slash_allowed:
            return SLASH
        raise CellValueError(f"本表不能填“{shown}”", "没有发生的请填 0，尚不清楚的请留空")
    t = _strip_unit(t, spec, shown)
    if t in _NOTHING:
        raise CellValueError(f"“{shown}”不是数字", "没有发生的请填 0")
    if _COMMA_NUMBER.match(t):
        plain = t.replace(",", "")
        raise CellValueError(f"“{shown}”含有千位分隔符", f"请去掉逗号，写成 {plain}")
    if spec.kind == "money":
        return _money(t, spec, shown)
    return _integer(t, spec, shown)


def _strip_unit(t: str, spec: CellSpec, shown: str) -> str:
    if spec.kind == "money":
        units = (spec.unit, "万") if spec.unit == "万元" else (spec.unit,) if spec.unit else ()
    else:
        units = _COUNT_UNITS
    for unit in sorted(units, key=len, reverse=True):
        if t.endswith(unit):
            return t[: -len(unit)].strip()
    if spec.kind == "money" and spec.unit == "万元" and t.endswith("元"):
        raise CellValueError(f"“{shown}”的单位是元", "本栏以万元为单位，请换算后填写，如 15000 元写成 1.5")
    return t


def _integer(t: str, spec: CellSpec, shown: str) -> int:
    if not _INTEGER.match(t):
        if _DECIMAL.match(t):
            raise CellValueError(f"“{shown}”不是整数", "这里填写件数，不能有小数")
        raise CellValueError(f"“{shown}”不是整数", "请只填写阿拉伯数字，如 12")
    value = int(t)
    if value < 0 and spec.kind != "signed":
        raise CellValueError(f"“{shown}”是负数", "这里只能填写 0 或正整数")
    if abs(value) > MAX_COUNT:
        raise CellValueError(f"“{shown}”过大", "请核对后重新填写")
    return value


def _money(t: str, spec: CellSpec, shown: str) -> Decimal:
    if not _DECIMAL.match(t):
        raise CellValueError(f"“{shown}”不是金额", "请只填写数字，可带小数点，如 1.25")
    value = Decimal(t.rstrip("."))  # the pattern guarantees a valid decimal
    if value < 0:
        raise CellValueError(f"“{shown}”是负数", "金额不能为负数")
    allowed = places(spec.unit or "万元")  # table money is in 万元 in both formats
    if decimals(value) > allowed:
        unit = f"以{spec.unit}为单位，" if spec.unit else ""
        raise CellValueError(f"“{shown}”的小数超过 {allowed} 位", f"金额{unit}最多保留 {allowed} 位小数（精确到分）")
    if value > MAX_COUNT:
        raise CellValueError(f"“{shown}”过大", "请核对后重新填写")
    return value


def split_block(text: str) -> list[list[str]]:
    """Rows and cells of a block copied from Excel, WPS or a PDF.

    Rows are lines; cells are separated by tabs, or — in a line without tabs, as text copied
    from a PDF or Word table — by runs of spaces. The line break after the last row is dropped;
    an empty cell stays an empty string (it pastes as a blank).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows = []
    for line in lines:
        if "\t" in line:
            cells = line.split("\t")
        else:
            stripped = line.strip(" \u3000")
            cells = re.split(r"[ \u3000]+", stripped) if stripped else [""]
        rows.append([_unquote(c) for c in cells])
    return rows


def _unquote(cell: str) -> str:
    c = cell.strip()
    if len(c) >= 2 and c[0] == c[-1] == '"':
        return c[1:-1].replace('""', '"')
    return c


def join_block(rows: list[list[str]]) -> str:
    """Tab-separated text that Excel and WPS paste as a block (one line per row)."""
    return "\n".join("\t".join(row) for row in rows) + "\n"


# ---------------------------------------------------------------- wizard boxes (date, count, money in 元)
class InputError(ValueError):
    """``str()`` says in Chinese what is wrong and how to write it instead."""


def parse_date(text: str) -> dt.date | None:
    """2023-01-16, 2023年1月16日, 2023/1/16 or 2023.1.16; empty → None."""
    t = _fold(text)
    if not t:
        return None
    m = _DATE.match(t)
    if not m:
        raise InputError(f"“{text.strip()}”不是日期，请写成 2023-01-16 或 2023年1月16日。")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InputError(f"没有“{text.strip()}”这一天，请检查月份和日期。") from None


def parse_count(text: str) -> int | None:
    """A whole number ≥ 0; empty → None."""
    t = _fold(text)
    if not t:
        return None
    if not _WHOLE.match(t):
        raise InputError(f"“{text.strip()}”不是件数，请填写不带小数点和分隔符的整数，如 3；没有请填 0。")
    return int(t)


def parse_money(text: str) -> Decimal | None:
    """An amount in 元 with at most two decimals, no thousands separators; empty → None."""
    t = _fold(text)
    if not t:
        return None
    if not _YUAN.match(t):
        raise InputError(f"“{text.strip()}”不是金额，请只填数字，最多两位小数，"
                         "不要加逗号或单位，如 1350.50；没有请填 0。")
    return Decimal(t)
