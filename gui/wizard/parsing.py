"""Read what the clerk typed into a date, count or money box, with a Chinese message when it is wrong.

Qt-free so the rules can be tested directly; an empty box is ``None`` (blank), never 0.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?\s*$")
_COUNT = re.compile(r"^\d+$")
_MONEY = re.compile(r"^\d+(\.\d{1,2})?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")


class InputError(ValueError):
    """``str()`` says in Chinese what is wrong and how to write it instead."""


def parse_date(text: str) -> dt.date | None:
    """2023-01-16, 2023年1月16日, 2023/1/16 or 2023.1.16; empty → None."""
    t = text.translate(_FULLWIDTH).strip()
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
    t = text.translate(_FULLWIDTH).strip()
    if not t:
        return None
    if not _COUNT.match(t):
        raise InputError(f"“{text.strip()}”不是件数，请填写不带小数点和分隔符的整数，如 3；没有请填 0。")
    return int(t)


def parse_money(text: str) -> Decimal | None:
    """An amount in 元 with at most two decimals, no thousands separators; empty → None."""
    t = text.translate(_FULLWIDTH).strip()
    if not t:
        return None
    if not _MONEY.match(t):
        raise InputError(f"“{text.strip()}”不是金额，请只填数字，最多两位小数，不要加逗号或单位，如 1350.50；没有请填 0。")
    return Decimal(t)
