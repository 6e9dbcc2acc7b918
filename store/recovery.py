"""When the data folder is not as it should be: a damaged agency file, or a restore cut short.

A damaged agency file is moved to ``damaged/`` (never deleted) and its newest readable copy in a
backup takes its place. A restore writes the backup's files to a staging folder, marks it
complete, and swaps it in for ``db``; if the program dies in between, the next instance that
opens the store for writing finishes the swap or undoes it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report import dates
from report.files import fsync_dir, replace
from store import backups, migrations
from store.agency_db import agency_name, check_shape
from store.errors import StoreError, write_error
from store.paths import RESTORE_COMPLETE, Layout
from store.storage import DamagedFileError, atomic_write, parse_json


@dataclass(frozen=True)
class Outcome:
    """What became of a damaged agency file."""

    notice: str  # what the clerk is told, once
    restored: bool = False  # a backup's copy now stands in the file's place
    read_only: bool = False  # the file could not be moved aside: this instance must not write


def recover_damaged(layout: Layout, path: Path, err: DamagedFileError, read_only: bool) -> Outcome:
    """Move the unreadable file aside and bring back its newest readable backup.

    Raises StoreWriteError if the backup's copy cannot be written (the damaged file stays aside).
    """
    if read_only:
        return Outcome(f"{err}本窗口为只读，未做处理；请关闭其他年报助手窗口后重新打开。")
    stamp = dates.file_stamp()
    n = 1
    aside = layout.damaged_copy(path, stamp)
    while aside.exists():
        n += 1
        aside = layout.damaged_copy(path, stamp, n)
    try:
        layout.damaged.mkdir(parents=True, exist_ok=True)
        os.replace(path, aside)
    except OSError as e:
        return Outcome(f"{err}无法把它移到 {layout.damaged}（{e.strerror}），本窗口只能查看。", read_only=True)
    found = _newest_good_copy(layout, path)
    if found is None:
        return Outcome(f"{err}损坏的文件已移到 {aside}（未删除），但没有找到可用的备份，"
                       "该单位的报告暂时无法显示。请联系技术人员从该文件中抢救数据。")
    backup, data, name = found
    atomic_write(path, data)
    return Outcome(f"单位“{name}”的数据文件已损坏，无法读取。损坏的文件已移到 {aside}（未删除）；"
                   f"已从 {dates.chinese_time(backup.time)} 的备份恢复，此后的修改可能需要重新填写。",
                   restored=True)


def _newest_good_copy(layout: Layout, path: Path) -> tuple[backups.Backup, bytes, str] | None:
    """The newest backup holding a readable copy of the agency file, that copy, and its agency's name."""
    member = path.relative_to(layout.db).as_posix()
    for b in backups.list_backups(layout):
        data = backups.read_member(b.path, member)
        if data is None:
            continue
        try:
            parsed = parse_json(data, path)
            check_shape(parsed, path)
        except DamagedFileError:
            continue
        return b, data, agency_name(parsed)
    return None


def checked_backup(backup_path: Path) -> dict[str, bytes]:
    """The files of a backup; StoreError unless every agency file in it is one this program can use."""
    files = backups.open_checked(backup_path)
    for name, data in files.items():
        if name.startswith("agencies/"):
            path = backup_path / name
            try:
                parsed = parse_json(data, path)
                check_shape(parsed, path)
            except DamagedFileError:
                raise StoreError(f"备份文件 {backup_path} 中的 {name} 不是有效的单位数据，请选择另一个备份。") from None
            if migrations.version_of(parsed) > migrations.SCHEMA_VERSION:
                raise StoreError(f"备份文件 {backup_path} 由更新版本的年报助手生成，请先升级本程序。")
    return files


def install(layout: Layout, files: dict[str, bytes], let_go: Callable[[], None]) -> None:
    """Replace the db folder by one holding ``files``; ``let_go`` closes the open store files
    just before the swap. Whatever happens, the data folder is left with one whole db."""
    staging, db_dir, old = layout.restoring, layout.db, layout.replaced
    try:
        if staging.exists():
            shutil.rmtree(staging)
        for name, data in files.items():
            atomic_write(staging / name, data)
        atomic_write(staging / RESTORE_COMPLETE, b"")
        let_go()
        if db_dir.exists():
            replace(db_dir, old)
        replace(staging, db_dir)
        fsync_dir(layout.root)
        if old.exists():
            shutil.rmtree(old)
        (db_dir / RESTORE_COMPLETE).unlink()
    except OSError as e:
        raise write_error(e, db_dir) from e
    finally:
        finish_interrupted_restore(layout)


def finish_interrupted_restore(layout: Layout) -> None:
    """A crash during install() leaves staging folders: finish that restore if the staging
    folder was complete, else put the old db back."""
    db, staging, old = layout.db, layout.restoring, layout.replaced
    if staging.exists() and not db.exists() and (staging / RESTORE_COMPLETE).exists():
        os.replace(staging, db)
    elif staging.exists() and not db.exists() and old.exists():
        os.replace(old, db)
    if staging.exists():
        shutil.rmtree(staging)
    if old.exists() and db.exists():
        shutil.rmtree(old)
    (db / RESTORE_COMPLETE).unlink(missing_ok=True)
