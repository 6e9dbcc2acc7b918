"""When the data folder is not as it should be: a damaged agency file, or a restore cut short.

A damaged agency file is moved to ``damaged/`` (never deleted) and its newest readable copy in a
backup takes its place. A restore writes the backup's files to a staging folder, marks it
complete, and swaps it in for ``db``; if the program dies in between, the next instance that
opens the store for writing finishes the swap or undoes it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report import dates
from report.files import fsync_dir, replace
from store import backups, migrations, rebuild
from store.agency_db import check, check_shape
from store.errors import StoreError, write_error
from store.paths import RESTORE_COMPLETE, Layout
from store.storage import DamagedFileError, atomic_write, dumps, parse_json


@dataclass(frozen=True)
class Outcome:
    """What became of a damaged agency file."""

    notice: str  # what the clerk is told, once
    restored: bool = False  # a rebuilt file now stands in the damaged one's place
    read_only: bool = False  # the file could not be moved aside: this instance must not write


def recover_damaged(layout: Layout, path: Path, err: DamagedFileError, read_only: bool) -> Outcome:
    """Move the damaged file aside and put in its place the best copy of each of its records.

    Each record comes from the damaged file itself if its checksum still holds, else from the
    newest of: the report's revision log (which leads to the content saved last) and the newest
    backup holding an intact copy. The notice names the version each damaged report came back
    as. Raises StoreWriteError if the rebuilt file cannot be written (the damaged file stays aside).
    """
    if read_only:
        return Outcome(f"{err}本窗口为只读，未做处理；请关闭其他年报助手窗口后重新打开。")
    try:
        damaged = path.read_bytes()
    except OSError:
        damaged = b""
    stamp = dates.file_stamp()
    n = 1
    aside = layout.damaged_copy(path, stamp)
    while aside.exists():
        n += 1
        aside = layout.damaged_copy(path, stamp, n)
    try:
        layout.damaged.mkdir(parents=True, exist_ok=True)
        replace(path, aside)
    except OSError as e:
        return Outcome(f"{err}无法把它移到 {layout.damaged}（{e.strerror}），本窗口只能查看。", read_only=True)
    rebuilt = rebuild.rebuild(layout, path, damaged)
    if rebuilt is None:
        return Outcome(f"{err}损坏的文件已移到 {aside}（未删除），但没有找到可用的备份或历史版本，"
                       "该单位的报告暂时无法显示。请联系技术人员从该文件中抢救数据。")
    atomic_write(path, dumps(rebuilt.data))
    return Outcome(f"单位“{rebuilt.name}”的数据文件已损坏（{err.why}）。损坏的文件已移到 {aside}（未删除）；"
                   + "；".join(rebuilt.told) + "。", restored=True)


def checked_backup(backup_path: Path) -> dict[str, bytes]:
    """The files of a backup; StoreError unless every agency file in it is one this program can use."""
    files = backups.open_checked(backup_path)
    for name, data in files.items():
        if name.startswith("agencies/"):
            path = backup_path / name
            try:
                parsed = parse_json(data, path)
                check_shape(parsed, path)
                if migrations.sealed(parsed):
                    check(parsed, path)
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
        replace(staging, db)
    elif staging.exists() and not db.exists() and old.exists():
        replace(old, db)
    if staging.exists():
        shutil.rmtree(staging)
    if old.exists() and db.exists():
        shutil.rmtree(old)
    (db / RESTORE_COMPLETE).unlink(missing_ok=True)
