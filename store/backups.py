"""Copies of the whole store in ``backups/``: taken daily on change, on request, and before
anything risky (a restore, a migration, a deletion); rotated to the last 14 days that have a
backup plus one per month for a year.

A backup is one zip of the ``db`` folder, written to a temporary file and renamed into place,
so a crash never leaves a half-written backup under a real name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from report import dates
from store.errors import StoreError, StoreWriteError
from store.paths import Layout
from store.storage import atomic_file

KEEP_DAYS = 14
KEEP_MONTHS_FOR = dt.timedelta(days=366)
REASONS = {
    "daily": "每日自动备份",
    "manual": "手动备份",
    "before-restore": "恢复备份前的自动备份",
    "before-migration": "升级数据格式前的自动备份",
    "before-delete": "删除报告前的自动备份",
}
_NAME = re.compile(r"^nianbao-(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.zip$")
_MEMBER = re.compile(r"^(agencies/[A-Za-z0-9_-]+\.json|revisions/[A-Za-z0-9_-]+/\d{4}(\.deleted-[0-9-]+)?\.jsonl"
                     r"|originals/[A-Za-z0-9_-]+/\d{4}\.(html|htm|shtml|docx|pdf|txt))$")


@dataclass(frozen=True)
class Backup:
    path: Path
    time: dt.datetime
    reason: str

    @property
    def label(self) -> str:
        return REASONS.get(self.reason, self.reason)


def create(layout: Layout, reason: str, now: dt.datetime | None = None) -> Path:
    """Zip the db folder into backups/; returns the new file."""
    now = now or dt.datetime.now()
    stamp = dates.file_stamp(now)
    target = layout.backups / f"nianbao-{stamp}-{reason}.zip"
    n = 1
    while target.exists():
        n += 1
        target = layout.backups / f"nianbao-{stamp}-{n}-{reason}.zip"
    with atomic_file(target, suffix=".zip") as fh:
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(_members(layout.db)):
                zf.write(p, p.relative_to(layout.db).as_posix())
    return target


def take(layout: Layout, reason: str) -> Path:
    """A new backup, then the rotation; returns the new backup."""
    path = create(layout, reason)
    rotate(layout)
    return path


class Daily:
    """The day's backup, taken before the first change of each day the program changes anything."""

    def __init__(self, layout: Layout, notices: list[str]):
        self.layout = layout
        self.notices = notices  # where a failed backup is told
        self._day: dt.date | None = None

    def before_change(self, anything_stored: bool) -> Path | None:
        """Back up the store as it is, if it is the day's first change; the new backup, if one was made."""
        today = dt.date.today()
        if self._day == today:
            return None
        self._day = today
        newest = list_backups(self.layout)
        if (newest and newest[0].time.date() == today) or not anything_stored:
            return None
        try:
            return create(self.layout, "daily")
        except StoreWriteError as e:
            self.notices.append(f"今天的自动备份没有成功：{e}")
            return None

    def undo(self, backup: Path | None) -> None:
        """The change failed: remove its backup, so that the folder is as it was (the next change backs up again)."""
        if backup is not None:
            backup.unlink(missing_ok=True)
            self._day = None

    def keep(self, backup: Path | None) -> None:
        """The change succeeded: its backup stays, and older ones are rotated."""
        if backup is not None:
            rotate(self.layout)


def _members(db: Path):
    if not db.is_dir():
        return
    for p in db.rglob("*"):
        rel = p.relative_to(db).as_posix()
        if p.is_file() and _MEMBER.match(rel):
            yield p


def parse_name(path: Path) -> Backup | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        when = dates.parse_file_stamp(m.group(1))
    except ValueError:
        return None
    return Backup(path, when, m.group(3))


def list_backups(layout: Layout) -> list[Backup]:
    """Newest first."""
    if not layout.backups.is_dir():
        return []
    found = [b for b in map(parse_name, layout.backups.iterdir()) if b]
    return sorted(found, key=lambda b: (b.time, b.path.name), reverse=True)


def to_keep(backups: list[Backup], now: dt.datetime) -> set[Path]:
    """Every backup of the 14 most recent days that have one, and the newest of each month
    of the last year."""
    days = sorted({b.time.date() for b in backups}, reverse=True)[:KEEP_DAYS]
    keep = {b.path for b in backups if b.time.date() in days}
    newest_of_month: dict[tuple[int, int], Backup] = {}
    for b in backups:
        if now - b.time <= KEEP_MONTHS_FOR:
            key = (b.time.year, b.time.month)
            if key not in newest_of_month or b.time > newest_of_month[key].time:
                newest_of_month[key] = b
    keep |= {b.path for b in newest_of_month.values()}
    return keep


def rotate(layout: Layout, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns them."""
    backups = list_backups(layout)
    keep = to_keep(backups, now or dt.datetime.now())
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


def open_checked(path: Path) -> dict[str, bytes]:
    """The files of a backup, each checked: a member that is not ours or not valid JSON makes
    the whole backup unusable (StoreError), so a restore never installs half a store."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise StoreError(f"找不到备份文件：{path}") from None
    except (zipfile.BadZipFile, OSError):
        raise StoreError(f"{path} 不是年报助手的备份文件（应为 backups 文件夹中的 .zip 文件），"
                         "或文件已损坏。") from None
    files: dict[str, bytes] = {}
    with zf:
        for info in zf.infolist():
            name = PurePosixPath(info.filename).as_posix()
            if info.is_dir():
                continue
            if not _MEMBER.match(name):
                raise StoreError(f"{path} 不是年报助手的备份文件：其中有不认识的文件 {name}。")
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, OSError, ValueError):
                raise StoreError(f"备份文件 {path} 已损坏（{name} 无法读取），请选择另一个备份。") from None
            if name.endswith(".json"):
                try:
                    json.loads(data.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    raise StoreError(f"备份文件 {path} 已损坏（{name} 内容无效），请选择另一个备份。") from None
            files[name] = data
    return files


def read_member(path: Path, name: str) -> bytes | None:
    """One file from a backup, or None if the backup lacks it or cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read(name)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None
