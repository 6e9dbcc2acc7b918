"""Where a clerk's data lives: one folder per user, overridable for tests and portable use.

Order: the ``--data-dir`` option, then the ``NIANBAO_DATA_DIR`` environment variable, then the
per-user data folder of the operating system (platformdirs). The folder is created on first use.
The log folder is named here too (``NIANBAO_LOG_DIR``, else the per-user log folder), so the
window and the headless commands write to the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

from store.errors import StoreError

ENV_VAR = "NIANBAO_DATA_DIR"
LOG_ENV_VAR = "NIANBAO_LOG_DIR"
APP_NAME = "nianbao"
RESTORE_COMPLETE = ".complete"  # in a restore's staging folder once every file of the backup is in it


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder to use, created if missing."""
    if override:
        path = Path(override)
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().absolute()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError(f"数据文件夹 {path} 是一个文件，不是文件夹；请换一个数据文件夹。") from None
    except OSError as e:
        raise StoreError(f"无法创建数据文件夹 {path}（{e.strerror}）；请检查权限或换一个数据文件夹。") from None
    return path


def log_dir() -> Path:
    """The folder of the program's log files (not created here: logging must never stop the program)."""
    if os.environ.get(LOG_ENV_VAR):
        return Path(os.environ[LOG_ENV_VAR]).expanduser().absolute()
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


class Layout:
    """The files inside a data folder, named in one place."""

    def __init__(self, root: Path):
        self.root = root
        self.db = root / "db"  # everything a backup holds
        self.restoring = root / "db.restoring"  # a restore's staging folder, swapped in for db
        self.replaced = root / "db.replaced"  # the db a restore is swapping out
        self.agencies = self.db / "agencies"  # one TinyDB file per agency
        self.revisions = self.db / "revisions"  # one append-only log per report
        self.originals = self.db / "originals"  # the published file an imported report was read from
        self.backups = root / "backups"
        self.damaged = root / "damaged"  # unreadable files, moved aside, never deleted
        self.lock = root / "nianbao.lock"

    def agency_file(self, agency_id: str) -> Path:
        return self.agencies / f"{agency_id}.json"

    def revision_log(self, agency_id: str, year: int) -> Path:
        return self.revisions / agency_id / f"{year}.jsonl"

    def original(self, agency_id: str, year: int, suffix: str) -> Path:
        return self.originals / agency_id / f"{year}{suffix}"

    def deleted_revision_log(self, agency_id: str, year: int, stamp: str) -> Path:
        """Where a deleted report's history goes, out of the way of a new report of that year."""
        return self.revisions / agency_id / f"{year}.deleted-{stamp}.jsonl"

    def damaged_copy(self, original: Path, stamp: str, n: int = 1) -> Path:
        """The ``n``-th name tried for an unreadable file moved aside at time ``stamp``."""
        return self.damaged / (f"{original.stem}-{stamp}.json" if n == 1 else f"{original.stem}-{stamp}-{n}.json")
