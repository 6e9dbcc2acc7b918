"""The Store: every agency's reports of every year, kept safely in the data folder.

The data folder's files are named in paths.Layout; damaged files and interrupted restores are
dealt with in store.recovery.

One program instance writes (it holds the lock); any other opens the store read-only. Writes
never change the caller's Report, so after a failed write the caller still holds everything
and a later save simply retries.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from filelock import FileLock, Timeout

from report import dates
from report.checks import blocking_errors, check
from report.document import Agency, Report, ReportFileError
from report.findings import Severity
from report.website_counts import website_history
from store import backups as backup_zips
from store import originals, recovery
from store.agency_db import AgencyDB, ReportSummary
from store.agency_files import AgencyFiles
from store.carry import carry_forward
from store.errors import StoreError, StoreLockedError, StoreWriteError, write_error
from store.paths import Layout
from store.revisions import Revision, RevisionLog
from store.storage import clean_stale_temp

log = logging.getLogger(__name__)

DRAFT, FINAL = "draft", "final"
LOCKED_MESSAGE = ("另一个年报助手窗口正在使用这些数据，本窗口只能查看，不能修改。"
                  "请在那个窗口中修改，或关闭它后重新打开本程序。")


def _now() -> str:
    return dates.now_iso()


class Store:
    def __init__(self, root: Path):
        self.data_dir = Path(root)
        self.layout = Layout(self.data_dir)
        self.notices: list[str] = []  # Chinese sentences the GUI shows once after opening
        read_only = False
        self._lock = FileLock(str(self.layout.lock), thread_local=False)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            read_only = True
            self.notices.append(LOCKED_MESSAGE)
        except OSError as e:
            read_only = True
            self.notices.append(f"数据文件夹 {self.data_dir} 不能写入（{e.strerror}），本窗口只能查看，不能修改。")
        self._logs: dict[tuple[str, int], RevisionLog] = {}
        self._parsed: dict[tuple[str, int], tuple[dict, Report]] = {}  # stored doc → its Report
        self._backup_day: dt.date | None = None
        if not read_only:
            recovery.finish_interrupted_restore(self.layout)
            clean_stale_temp(self.layout.db)
            clean_stale_temp(self.layout.backups)
        self._files = AgencyFiles(self.layout, read_only, self.notices)

    @property
    def read_only(self) -> bool:
        """True when another instance holds the lock or a file may only be read: nothing is written."""
        return self._files.read_only

    def close(self) -> None:
        self._files.close()
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ helpers
    def _writable(self) -> None:
        if self.read_only:
            raise StoreLockedError(LOCKED_MESSAGE)

    def _db(self, agency_name: str) -> AgencyDB | None:
        return self._files.find(agency_name)

    def _require_db(self, agency_name: str) -> AgencyDB:
        db = self._db(agency_name)
        if db is None:
            raise StoreError(f"没有找到单位“{agency_name}”。")
        return db

    def _record(self, agency_name: str, year: int) -> tuple[AgencyDB, dict]:
        db = self._require_db(agency_name)
        rec = db.record(int(year))
        if rec is None:
            raise StoreError(f"没有找到{agency_name}{year}年度的报告。")
        return db, rec

    def _log(self, db: AgencyDB, year: int) -> RevisionLog:
        key = (db.id, year)
        if key not in self._logs:
            self._logs[key] = RevisionLog(self.layout.revision_log(db.id, year))
        return self._logs[key]

    def _report(self, db: AgencyDB, year: int) -> Report | None:
        """The stored report as an object, parsed once per saved version."""
        rec = db.record(year)
        if rec is None:
            return None
        key, doc = (db.id, year), rec["doc"]
        hit = self._parsed.get(key)
        if hit and (hit[0] is doc or hit[0] == doc):
            return hit[1].copy()
        report = _from_doc(doc, db.name, year)
        self._parsed[key] = (doc, report)
        return report.copy()

    @staticmethod
    def _counts(report: Report, previous: Report | None) -> dict[str, int] | None:
        """Checker counts cached for the year list; a checker failure must never block a save."""
        try:
            findings = check(report, previous)
        except Exception:  # noqa: BLE001 — the save matters more than the counts
            log.exception("checker failed while saving")
            return None
        return {severity.value: n for severity, n in findings.counts().items()}

    def _daily_backup(self) -> None:
        """Before the first change of a day, back up the store as it was."""
        today = dt.date.today()
        if self._backup_day == today:
            return
        self._backup_day = today
        newest = backup_zips.list_backups(self.layout)
        if (newest and newest[0].time.date() == today) or not self._files.any_open():
            return
        try:
            backup_zips.take(self.layout, "daily")
        except StoreWriteError as e:
            self.notices.append(f"今天的自动备份没有成功：{e}")

    # ------------------------------------------------------------------ agencies
    def agencies(self) -> list[Agency]:
        return sorted((db.profile() for db in self._files.all()), key=lambda a: a.name)

    def get_agency(self, name: str) -> Agency | None:
        db = self._db(name)
        return db.profile() if db else None

    def save_agency(self, agency: Agency) -> None:
        """Create the agency, or update its profile (the profile new years start from)."""
        self._writable()
        name = agency.name.strip()
        if not name:
            raise StoreError("请填写单位名称。")
        agency = Agency.from_dict({**agency.to_dict(), "name": name})
        db = self._db(name)
        if db is not None and db.name != name:
            raise StoreError(f"“{name}”是单位“{db.name}”以前的名称；要改名，请使用“单位更名”。")
        if db is None:
            self._create_agency(agency)
        else:
            db.set_profile(agency)

    def rename_agency(self, old_name: str, new_name: str) -> None:
        """单位更名: the profile takes the new name; reports saved under the old one still find it."""
        self._writable()
        db = self._require_db(old_name)
        new_name = new_name.strip()
        if not new_name:
            raise StoreError("请填写新的单位名称。")
        other = self._db(new_name)
        if other is not None and other is not db:
            raise StoreError(f"已经有名为“{new_name}”的单位，不能重名。")
        db.rename(new_name)

    def _create_agency(self, agency: Agency) -> AgencyDB:
        return self._files.create(agency, _now())

    # ------------------------------------------------------------------ reports
    def reports(self, agency_name: str) -> list[ReportSummary]:
        """The agency's reports, oldest year first."""
        db = self._db(agency_name)
        return db.summaries() if db else []

    def all_reports(self) -> list[ReportSummary]:
        return [s for a in self.agencies() for s in self.reports(a.name)]

    def exists(self, agency_name: str, year: int) -> bool:
        db = self._db(agency_name)
        return bool(db and db.record(int(year)))

    def load(self, agency_name: str, year: int) -> Report:
        db, _ = self._record(agency_name, year)
        return self._report(db, int(year))

    def status(self, agency_name: str, year: int) -> str:
        return self._record(agency_name, year)[1]["status"]

    def save(self, report: Report) -> bool:
        """Store the report (creating its agency if new); True if its content changed.

        The content it replaces is kept as a revision. A final report cannot change.
        """
        return self._save(report, "draft")

    def import_report(self, report: Report, replace: bool = False) -> str:
        """Take in a report file: "new", "same" (identical, nothing written) or "replaced" (the
        old content kept as a revision). A final report is never overwritten, and an existing
        year only with ``replace``; both raise StoreError saying what to do."""
        agency, year = report.agency.name, report.year
        what = f"{agency}{year}年度报告"
        if not self.exists(agency, year):
            self.save(report)
            return "new"
        if self.load(agency, year).to_dict() == report.to_dict():
            return "same"
        if self.status(agency, year) == FINAL:
            raise StoreError(f"程序中的{what}已定稿，不能覆盖；如需替换，请先在程序中“撤回为草稿”。")
        if not replace:
            raise StoreError(f"程序中已有{what}；如要用文件内容替换，请加 --replace（原内容会保留为历史版本）。")
        self.replace(report)
        return "replaced"

    def keep_original(self, agency_name: str, year: int, file_name: str, data: bytes) -> None:
        """Keep the published file a report was imported from (its 原文), replacing an earlier one."""
        self._writable()
        db, _ = self._record(agency_name, year)
        originals.keep(self.layout, db, int(year), file_name, data)

    def original(self, agency_name: str, year: int) -> tuple[str, bytes] | None:
        """The 原文 kept with a report: its file name and bytes, or None."""
        db = self._db(agency_name)
        return originals.read(self.layout, db, int(year)) if db else None

    def replace(self, report: Report) -> bool:
        """Like save, for an import that overwrites an existing draft (kept as a 'replaced' revision)."""
        return self._save(report, "replaced")

    def _save(self, report: Report, kind: str) -> bool:
        self._writable()
        name = report.agency.name.strip()
        if not name:
            raise StoreError("报告中没有填写单位名称，请先在“单位信息”中填写。")
        year = int(report.year)
        doc = report.to_dict()
        db = self._db(name)
        rec = db.record(year) if db else None
        if rec is not None and rec["doc"] == doc:
            return False
        if rec is not None and rec["status"] == FINAL:
            raise StoreError(f"{name}{year}年度报告已定稿，不能修改。如需修改，请先“撤回为草稿”。")
        self._daily_backup()
        if db is None:
            db = self._create_agency(report.agency)
        now = _now()
        counts = self._counts(report, self._report(db, year - 1))
        later = db.record(year + 1)
        later_counts = {"counts": self._counts(self._report(db, year + 1), report)} if later else None
        if rec is None:
            db.insert({"year": year, "status": DRAFT, "created": now, "modified": now, "final_at": None,
                       "counts": counts, "doc": doc})
            if later_counts:
                db.update({year + 1: later_counts})
        else:
            self._log(db, year).append(kind, rec["modified"], rec["doc"])
            changes = {year: {"doc": doc, "modified": now, "counts": counts}}
            if later_counts:
                changes[year + 1] = later_counts
            db.update(changes)
        return True

    def mark_final(self, agency_name: str, year: int) -> None:
        """定稿: refused while the checker finds 错误; keeps an immutable snapshot."""
        self._writable()
        db, rec = self._record(agency_name, year)
        if rec["status"] == FINAL:
            return
        year = int(year)
        report = self._report(db, year)
        errors = blocking_errors(report, self._report(db, year - 1))
        if errors:
            raise StoreError(f"{agency_name}{year}年度报告还有 {len(errors)} 个{Severity.ERROR.label}，"
                             f"改正后才能定稿：{errors.excerpt()}")
        now = _now()
        self._log(db, year).append("final", now, rec["doc"])
        db.update({year: {"status": FINAL, "final_at": now}})

    def reopen(self, agency_name: str, year: int) -> None:
        """撤回为草稿: the report may change again; recorded in its history."""
        self._writable()
        db, rec = self._record(agency_name, year)
        if rec["status"] != FINAL:
            return
        self._log(db, int(year)).append("reopen", _now())
        db.update({int(year): {"status": DRAFT, "final_at": None}})

    def delete(self, agency_name: str, year: int) -> Path:
        """Delete a report after backing up the whole store; returns that backup."""
        self._writable()
        db, _ = self._record(agency_name, year)
        year = int(year)
        backup = backup_zips.take(self.layout, "before-delete")
        db.remove(year)
        self._parsed.pop((db.id, year), None)
        log_path = self.layout.revision_log(db.id, year)
        self._logs.pop((db.id, year), None)
        if log_path.exists():  # keep its history, out of the way of a new report of that year
            stamp = dates.file_stamp()
            try:
                os.replace(log_path, self.layout.deleted_revision_log(db.id, year, stamp))
            except OSError as e:
                raise write_error(e, log_path) from e
        return backup

    # ------------------------------------------------------------------ new years
    def new_year_from_last(self, agency_name: str, year: int) -> Report:
        """Create year Y from Y−1 (see store.carry for what carries over) and save it."""
        self._writable()
        db = self._require_db(agency_name)
        year = int(year)
        self._refuse_existing(db, agency_name, year)
        prev = self._report(db, year - 1)
        if prev is None:
            raise StoreError(f"没有{agency_name}{year - 1}年度的报告，无法从上年创建；请新建空白年度。")
        report = carry_forward(prev, year, db.profile())
        report.website_counts_history = self.history_counts(agency_name, before_year=year, report=report) or None
        self.save(report)
        return report

    def new_blank_year(self, agency_name: str, year: int) -> Report:
        """Create an empty report for the year, with the agency's profile, and save it."""
        self._writable()
        db = self._require_db(agency_name)
        year = int(year)
        self._refuse_existing(db, agency_name, year)
        report = Report.blank(year, db.profile())
        self.save(report)
        return report

    @staticmethod
    def _refuse_existing(db: AgencyDB, agency_name: str, year: int) -> None:
        if db.record(year):
            raise StoreError(f"{agency_name}{year}年度的报告已经存在。")
        if year < 2019:
            raise StoreError(f"{year}年不在任何报告格式的适用年度内：本程序支持2019年度起的报告。")

    # ------------------------------------------------------------------ chart history
    def history_counts(self, agency_name: str, before_year: int | None = None,
                       report: Report | None = None) -> dict[str, dict[str, int]]:
        """Website counts per year from every record of the agency, merged by
        report.website_counts.website_history; ``report`` (in hand, maybe unsaved or from a
        file) stands for the stored report of its year."""
        db = self._db(agency_name)
        own: dict[int, dict | None] = {}
        carried: dict[int, dict | None] = {}
        typed = {}
        if db is not None:
            for r in db.records():
                own[r["year"]] = r["doc"].get("website_counts")
                carried[r["year"]] = r["doc"].get("website_counts_history")
            typed = db.typed_history()
        if report is not None:
            own[report.year], carried[report.year] = report.website_counts, report.website_counts_history
        return website_history(own, typed, carried, before_year)

    def set_history_counts(self, agency_name: str, year: int, counts: dict[str, int] | None) -> None:
        """Figures for a year the program has no report of (None or {} removes them)."""
        self._writable()
        db = self._require_db(agency_name)
        year = int(year)
        rec = db.record(year)
        if rec and rec["doc"].get("website_counts"):
            raise StoreError(f"{year}年度的报告已在本程序中，请在该年度报告中修改网站信息数量。")
        clean: dict[str, int] = {}
        for category, n in (counts or {}).items():
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise StoreError(f"{year}年“{category}”的数量应为不小于 0 的整数，现在是“{n}”。")
            clean[str(category)] = n
        history = db.typed_history()
        if clean:
            history[str(year)] = clean
        else:
            history.pop(str(year), None)
        db.set_typed_history(history)

    # ------------------------------------------------------------------ revisions
    def revisions(self, agency_name: str, year: int) -> list[Revision]:
        """The report's earlier versions and events, newest first."""
        db = self._require_db(agency_name)
        return self._log(db, int(year)).list()

    def load_revision(self, agency_name: str, year: int, revision_id: int) -> Report:
        db = self._require_db(agency_name)
        rec = self._log(db, int(year)).get(revision_id)
        if rec is None or rec.get("doc") is None:
            raise StoreError(f"没有找到{agency_name}{year}年度报告的这个历史版本。")
        return _from_doc(rec["doc"], agency_name, year)

    def revert(self, agency_name: str, year: int, revision_id: int) -> Report:
        """Make an earlier version current again; the current one is kept as a revision."""
        report = self.load_revision(agency_name, year, revision_id)
        self.save(report)
        return report

    # ------------------------------------------------------------------ backups
    def backup_now(self) -> Path:
        self._writable()
        return backup_zips.take(self.layout, "manual")

    def backups(self) -> list[backup_zips.Backup]:
        """Newest first."""
        return backup_zips.list_backups(self.layout)

    def restore(self, backup_path: str | Path) -> Path:
        """Replace the whole store by a backup; the current state is backed up first (returned)."""
        self._writable()
        files = recovery.checked_backup(Path(backup_path))
        before = backup_zips.create(self.layout, "before-restore")
        try:
            recovery.install(self.layout, files, let_go=self._let_go)
        finally:
            self._files.refresh()
        backup_zips.rotate(self.layout)
        return before

    def _let_go(self) -> None:
        """Close every agency file and forget what was read from them (a restore replaces them)."""
        self._files.forget()
        self._logs.clear()
        self._parsed.clear()


def _from_doc(doc: dict, agency_name: str, year: int) -> Report:
    try:
        return Report.from_dict(doc)
    except ReportFileError as e:
        raise StoreError(f"{agency_name}{year}年度报告的存储内容无效（{e}），请从历史版本或备份中恢复。") from None
