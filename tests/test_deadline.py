"""The publication deadline: 条例第四十九条 by agency kind, or a local notice's earlier day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from report.deadline import deadline, describe, in_progress, short, urgent


@dataclass(frozen=True)
class Notice:
    """What the deadline reads of a pack."""

    year: int
    deadline: dt.date | None
    notice: str = "某政办发〔2025〕1号"


def test_statutory_deadline_by_agency_kind():
    assert deadline(2025, "government") == (dt.date(2026, 3, 31), "条例第四十九条")
    assert deadline(2025, "department") == (dt.date(2026, 1, 31), "条例第四十九条")


def test_an_earlier_local_deadline_wins_for_its_year_only():
    packs = [Notice(2025, dt.date(2026, 2, 28)), Notice(2024, dt.date(2025, 1, 10)), Notice(2025, None)]
    assert deadline(2025, "government", packs) == (dt.date(2026, 2, 28), "某政办发〔2025〕1号")
    assert deadline(2025, "department", packs) == (dt.date(2026, 1, 31), "条例第四十九条")  # the law is earlier
    assert deadline(2026, "government", packs)[0] == dt.date(2027, 3, 31)


def test_described_in_days():
    assert describe(2025, "government", dt.date(2026, 3, 19)) == "距发布截止还有 12 天（2026年3月31日，条例第四十九条）"
    assert describe(2025, "government", dt.date(2026, 3, 31)) == "今天是发布截止日（2026年3月31日，条例第四十九条）"
    assert describe(2025, "government", dt.date(2026, 4, 2)).startswith("已超过发布截止日 2 天")


def test_urgent_within_14_days_unless_final():
    assert not urgent(2025, "government", dt.date(2026, 3, 16), final=False)
    assert urgent(2025, "government", dt.date(2026, 3, 17), final=False)
    assert urgent(2025, "government", dt.date(2026, 5, 1), final=False)
    assert not urgent(2025, "government", dt.date(2026, 3, 30), final=True)


def test_short_form_for_the_year_list():
    assert short(2025, "government", dt.date(2026, 3, 19)) == "还有 12 天"
    assert short(2025, "government", dt.date(2026, 3, 31)) == "今天截止"
    assert short(2025, "department", dt.date(2026, 2, 3)) == "已逾期 3 天"


def test_only_a_recent_draft_is_in_progress():
    today = dt.date(2026, 2, 3)
    assert in_progress(2025, today, final=False) and in_progress(2026, today, final=False)
    assert not in_progress(2025, today, final=True) and not in_progress(2023, today, final=False)


def test_an_older_years_draft_reopened_to_correct_it_is_not_hurried():
    assert not urgent(2022, "government", dt.date(2026, 11, 29), final=False)
    assert urgent(2025, "government", dt.date(2026, 11, 29), final=False)  # last year's: in progress
