"""Every way the program writes or reads a date or a time, in one place.

- the Chinese date printed and shown to the clerk: 2023年1月16日 (no leading zeros);
- ISO 8601 in files: 2023-01-16 for dates, 2026-11-26T10:31:05+08:00 for stored timestamps;
- times shown in lists and messages, in the computer's own time zone;
- the stamp in file names: 20261126-103105 (sorts by time, no characters Windows refuses).
"""

from __future__ import annotations

import datetime as dt

FILE_STAMP = "%Y%m%d-%H%M%S"


def _local(t: dt.datetime) -> dt.datetime:
    """An aware time in the computer's own zone; a naive one is already local."""
    return t.astimezone() if t.tzinfo else t


# ---------------------------------------------------------------------- Chinese
def chinese_date(d: dt.date) -> str:
    """「2023年1月16日」, as the report prints its date and the checker names a deadline."""
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_time(t: dt.datetime) -> str:
    """「2026年11月26日 10:31」: when a version or a backup was made."""
    t = _local(t)
    return f"{chinese_date(t)} {t:%H:%M}"


# ---------------------------------------------------------------------- ISO, in files
def iso_date(d: dt.date) -> str:
    return d.isoformat()


def parse_iso_date(text: str) -> dt.date:
    """ValueError when ``text`` is not YYYY-MM-DD."""
    return dt.date.fromisoformat(text)


def now_iso() -> str:
    """This moment with its UTC offset, to the second: what the store records."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def parse_iso_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# ---------------------------------------------------------------------- shown in lists and the status bar
def short_time(t: dt.datetime) -> str:
    """「2026-11-26 10:31」: the year list's 最后修改 and ``nianbao list``."""
    return f"{_local(t):%Y-%m-%d %H:%M}"


def full_time(t: dt.datetime) -> str:
    """「2026-11-26 10:31:05」: the backups to choose from, where two can be a minute apart."""
    return f"{_local(t):%Y-%m-%d %H:%M:%S}"


def clock(t: dt.datetime | None = None) -> str:
    """「10:31:05」: when the report was last saved (now by default)."""
    return f"{_local(t or dt.datetime.now()):%H:%M:%S}"


# ---------------------------------------------------------------------- file names
def file_stamp(t: dt.datetime | None = None, *, fraction: bool = False) -> str:
    """「20261126-103105」 for a file name (now by default); ``fraction`` adds microseconds for
    names made several times a second."""
    t = t or dt.datetime.now()
    return t.strftime(FILE_STAMP + ("-%f" if fraction else ""))


def parse_file_stamp(text: str) -> dt.datetime:
    """ValueError when ``text`` is not a stamp made by :func:`file_stamp`."""
    return dt.datetime.strptime(text, FILE_STAMP)
