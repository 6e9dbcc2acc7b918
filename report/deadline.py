"""When a report must be published: 条例第四十九条, or a local notice's earlier date.

Departments publish by 31 January, people's governments by 31 March of the following year; a
locality's pack may set an earlier day. Pure dates, no clock: the caller passes today, so the
year list, the review page and their tests agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from report.dates import chinese_date

STATUTORY = {"department": (1, 31), "government": (3, 31)}  # (month, day) of the year after the report
URGENT_DAYS = 14  # a report not yet 定稿 this close to its deadline is highlighted


def statutory(year: int, kind: str) -> dt.date:
    month, day = STATUTORY[kind]
    return dt.date(year + 1, month, day)


def deadline(year: int, kind: str, packs: Iterable = ()) -> tuple[dt.date, str]:
    """The publication deadline of the ``year`` report of an agency of ``kind``, and who sets it."""
    best, source = statutory(year, kind), "条例第四十九条"
    for pack in packs:
        if pack.year == year and pack.deadline and pack.deadline < best:
            best, source = pack.deadline, pack.notice
    return best, source


def days_left(year: int, kind: str, today: dt.date, packs: Iterable = ()) -> int:
    """Days from ``today`` to the deadline: 0 on the day itself, negative once it has passed."""
    return (deadline(year, kind, packs)[0] - today).days


def describe(year: int, kind: str, today: dt.date, packs: Iterable = ()) -> str:
    """「距发布截止还有 12 天（2026年3月31日，条例第四十九条）」, as the year list and the review page say it."""
    due, source = deadline(year, kind, packs)
    when = f"{chinese_date(due)}，{source}"
    left = (due - today).days
    if left > 0:
        return f"距发布截止还有 {left} 天（{when}）"
    if left == 0:
        return f"今天是发布截止日（{when}）"
    return f"已超过发布截止日 {-left} 天（{when}）"


def short(year: int, kind: str, today: dt.date, packs: Iterable = ()) -> str:
    """The same in a year list's cell: 「还有 12 天」, 「今天截止」, 「已逾期 3 天」."""
    left = days_left(year, kind, today, packs)
    return f"还有 {left} 天" if left > 0 else "今天截止" if left == 0 else f"已逾期 {-left} 天"


def in_progress(year: int, today: dt.date, final: bool) -> bool:
    """A draft of last year or this year: the report being written, whose deadline the year list shows."""
    return not final and year >= today.year - 1


def urgent(year: int, kind: str, today: dt.date, final: bool, packs: Iterable = ()) -> bool:
    """The report in progress, not yet 定稿, whose deadline is at most 14 days away or already past
    (an older year's draft, reopened to correct it, is not hurried)."""
    return in_progress(year, today, final) and days_left(year, kind, today, packs) <= URGENT_DAYS
