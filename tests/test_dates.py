"""Dates and times as the clerk reads them, as files store them, and as file names carry them."""

from __future__ import annotations

import datetime as dt

import pytest

from report import dates

MORNING = dt.datetime(2026, 1, 5, 9, 7, 3)


def test_chinese_dates_have_no_leading_zeros():
    assert dates.chinese_date(dt.date(2023, 1, 16)) == "2023年1月16日"
    assert dates.chinese_time(MORNING) == "2026年1月5日 09:07"


def test_aware_times_are_shown_in_the_computers_zone():
    aware = MORNING.astimezone()  # the same moment, with this computer's offset
    shifted = aware.astimezone(dt.timezone(dt.timedelta(hours=-11)))
    assert dates.short_time(shifted) == dates.short_time(aware) == "2026-01-05 09:07"
    assert dates.full_time(shifted) == "2026-01-05 09:07:03"
    assert dates.chinese_time(shifted) == "2026年1月5日 09:07"
    assert dates.clock(shifted) == "09:07:03"


def test_iso_dates_and_stored_timestamps_read_back():
    assert dates.iso_date(dt.date(2023, 1, 16)) == "2023-01-16"
    assert dates.parse_iso_date("2023-01-16") == dt.date(2023, 1, 16)
    with pytest.raises(ValueError):
        dates.parse_iso_date("2023-02-30")
    stamp = dates.now_iso()
    when = dates.parse_iso_time(stamp)
    assert when.tzinfo is not None and when.microsecond == 0
    assert abs(dt.datetime.now().astimezone() - when) < dt.timedelta(minutes=1)


def test_file_stamps_sort_by_time_and_read_back():
    assert dates.file_stamp(MORNING) == "20260105-090703"
    assert dates.parse_file_stamp("20260105-090703") == MORNING
    assert dates.file_stamp(MORNING.replace(microsecond=42), fraction=True) == "20260105-090703-000042"
    later = MORNING + dt.timedelta(days=40)
    assert dates.file_stamp(MORNING) < dates.file_stamp(later)
    with pytest.raises(ValueError):
        dates.parse_file_stamp("2026-01-05")
