"""The agency files of a data folder, as one instance of the program has them open.

Opening a file checks it: a damaged file is recovered from a backup (store.recovery), an older
format is upgraded after a backup, and a file from a newer program is left alone and makes this
instance read-only. Each of these is told once, as a Chinese sentence in ``notices``. Files that
another instance adds appear on the next refresh().
"""

from __future__ import annotations

import uuid
from pathlib import Path

from report.document import Agency
from report.intake import clean_name
from store import backups, migrations, recovery
from store.agency_db import AgencyDB, agency_name
from store.errors import StoreWriteError
from store.paths import Layout
from store.storage import DamagedFileError


class AgencyFiles:
    def __init__(self, layout: Layout, read_only: bool, notices: list[str]):
        self.layout = layout
        self.read_only = read_only  # becomes True if a file may only be read
        self.notices = notices
        self._dbs: dict[str, AgencyDB] = {}
        self._skipped: set[Path] = set()  # files this instance cannot use (damaged, newer version)
        self._migration_backup: Path | None = None
        self.refresh()

    def refresh(self) -> None:
        """Open agency files not yet open (another instance may have added some)."""
        folder = self.layout.agencies
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.json")):
            if path.stem in self._dbs or path in self._skipped or path.name.startswith("."):
                continue
            try:
                db = self._open(path)
            except StoreWriteError as e:  # a repair or upgrade could not be written: leave the file be
                self._skipped.add(path)
                self.notices.append(f"{e}单位数据文件 {path} 暂时无法打开，文件未改动。")
                continue
            if db is not None:
                self._dbs[db.id] = db

    def _open(self, path: Path) -> AgencyDB | None:
        db = AgencyDB(path, self.read_only)
        try:
            data = db.raw(verify=False)
            if migrations.sealed(data) and not migrations.newer(data):
                db.raw()
        except DamagedFileError as e:
            db.close()
            return self._recover(path, e)
        version = migrations.version_of(data)
        if version > migrations.SCHEMA_VERSION:
            self._skipped.add(path)
            self.read_only = True
            self.notices.append(f"单位“{agency_name(data)}”的数据由更新版本的年报助手保存，本程序无法修改它。"
                                "请升级年报助手；在此之前本窗口只能查看。")
            return None
        if version < migrations.SCHEMA_VERSION:
            if self.read_only:
                self._skipped.add(path)
                self.notices.append(f"单位“{agency_name(data)}”的数据需要升级格式，本窗口为只读，暂不显示。")
                return None
            if self._migration_backup is None:
                self._migration_backup = backups.create(self.layout, "before-migration")
                self.notices.append(f"数据已升级为新的格式；升级前的数据已备份到 {self._migration_backup}。")
            db.write_raw(migrations.migrate(data))
        return db

    def _recover(self, path: Path, err: DamagedFileError) -> AgencyDB | None:
        self._skipped.add(path)
        outcome = recovery.recover_damaged(self.layout, path, err, self.read_only)
        self.read_only = self.read_only or outcome.read_only
        db = None
        if outcome.restored:
            self._skipped.discard(path)
            db = self._open(path)
        self.notices.append(outcome.notice)
        return db

    def all(self) -> list[AgencyDB]:
        self.refresh()
        return list(self._dbs.values())

    def any_open(self) -> bool:
        return bool(self._dbs)

    def find(self, agency_name: str) -> AgencyDB | None:
        """The agency of that name, or of that former name (reports keep the name they were written under).

        Names are compared as clean_name makes them, so that look-alikes — composed or decomposed
        characters, a zero-width space or byte-order mark pasted in — are one agency.
        """
        dbs = self.all()
        name = clean_name(agency_name)
        return (next((db for db in dbs if clean_name(db.name) == name), None)
                or next((db for db in dbs if name in map(clean_name, db.former_names())), None))

    def create(self, agency: Agency, created: str, reports: list[dict] = ()) -> AgencyDB:
        """A new agency file holding ``reports`` from the start: written once, or not at all."""
        agency = Agency.from_dict({**agency.to_dict(), "name": clean_name(agency.name)})
        db = AgencyDB.create(self.layout.agency_file(uuid.uuid4().hex[:12]), agency, created, reports)
        self._dbs[db.id] = db
        return db

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    def forget(self) -> None:
        """Close every file and forget the skipped ones, so that refresh() tries them all again."""
        self.close()
        self._skipped.clear()
