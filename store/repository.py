"""The Store: every agency's reports of every year, kept safely in the data folder.

The data folder's files are named in paths.Layout; damaged files and interrupted restores are
dealt with in store.recovery.

One program instance writes (it holds the lock); any other opens the store read-only. Writes
never change the caller's Report, so after a failed write the caller still holds everything
and a later save simply retries.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from report import dates
from report.document import Agency, Report, ReportFileError
from report.files import replace
from report.findings import Severity
from report.intake import clean_name
from report.website_counts import typed_counts, website_history
from store import backups as backup_zips
from store import checksums, originals, recovery
from store.agency_db import AgencyDB, ReportSummary
from store.agency_files import AgencyFiles
from store.carry import carry_forward
from store.errors import StoreError, StoreLockedError, StoreWriteError, write_error
from store.lock import WINDOW, WriterLock
from store.paths import Layout
from store.revisions import Revision, RevisionLog
from store.storage import clean_stale_temp

log = logging.getLogger(__name__)

DRAFT, FINAL = "draft", "final"


class Store:
    def __init__(self, root: Path, holder: str = WINDOW):
        """``holder`` says who writes while this instance holds the lock: a window, or a command's verb."""
        self.data_dir = Path(root)
        self.layout = Layout(self.data_dir)
        self.notices: list[str] = []  # Chinese sentences the GUI shows once after opening
        self._lock = WriterLock(self.layout.lock, holder)
        read_only = self._lock.reason is not None
        if read_only:
            self.notices.append(self._lock.reason)
        self._logs: dict[tuple[str, int], RevisionLog] = {}
        self._parsed: dict[tuple[str, int], tuple[dict, Report]] = {}  # stored doc → its Report
        self._daily = backup_zips.Daily(self.layout, self.notices)
        if not read_only:
            recovery.finish_interrupted_restore(self.layout)
            clean_stale_temp(self.layout.db)
            clean_stale_temp(self.layout.backups)
        self._files = AgencyFiles(self.layout, read_only, self.notices)

    @property
    def read_only(self) -> bool:
        """True when another instance holds the lock or a file may only be read: nothing is written."""
        return self._files.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why nothing may be written (Chinese), or None."""
        if not self.read_only:
            return None
        return self._lock.reason or "有单位的数据文件现在只能查看，不能修改（原因见打开时的提示）。"

    def close(self) -> None:
        self._files.close()
        self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ helpers
    def _writable(self) -> None:
        if self.read_only:
            raise StoreLockedError(self.read_only_reason)

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

    def _commit(self, db: AgencyDB, year: int, changes: dict[int, dict | None], *events: tuple) -> None:
        """Append ``events`` to the year's revision log, then write ``changes`` to the agency file;
        if either fails, the log is cut back to what it was, so a failed change leaves no trace."""
        history = self._log(db, year)
        size = history.size()
        try:
            for event in events:
                history.append(*event)
            db.commit(reports=changes)
        except BaseException:
            history.truncate(size)
            raise
        try:  # compaction only tidies the history: the change has succeeded even if it cannot be written
            history.compact_if_due()
        except StoreWriteError as e:
            log.warning("revision log not compacted: %s", e)

    # ------------------------------------------------------------------ agencies
    def agencies(self) -> list[Agency]:
        return sorted((db.profile() for db in self._files.all()), key=lambda a: a.name)

    def get_agency(self, name: str) -> Agency | None:
        db = self._db(name)
        return db.profile() if db else None

    def save_agency(self, agency: Agency) -> None:
        """Create the agency, or update its profile (the profile new years start from)."""
        self._writable()
        name = clean_name(agency.name)
        if not name:
            raise StoreError("请填写单位名称。")
        agency = Agency.from_dict({**agency.to_dict(), "name": name})
        db = self._db(name)
        if db is not None and clean_name(db.name) != name:
            raise StoreError(f"“{name}”是单位“{db.name}”以前的名称；要改名，请使用“单位更名”。")
        if db is None:
            self._files.create(agency, dates.now_iso())
        else:
            db.set_profile(agency)

    def rename_agency(self, old_name: str, new_name: str) -> None:
        """单位更名: the profile takes the new name; reports saved under the old one still find it."""
        self._writable()
        db = self._require_db(old_name)
        new_name = clean_name(new_name)
        if not new_name:
            raise StoreError("请填写新的单位名称。")
        other = self._db(new_name)
        if other is not None and other is not db:
            raise StoreError(f"已经有名为“{new_name}”的单位，不能重名。")
        db.rename(new_name)

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

    def save(self, report: Report, counts: Mapping[Severity, int] | None = None) -> bool:
        """Store the report (creating its agency if new); True if its content changed.

        The content it replaces is kept as a revision. A final report cannot change. ``counts``
        (the checker's, which the window has already) are kept for the year list: the save never
        runs the checker, which can take ten times longer than the write."""
        return self._save(report, "draft", counts=counts)

    def count_findings(self, agency_name: str, year: int, packs=()) -> tuple[int, int]:
        """错误 and 警告 of the stored report counted now, for a year saved without its counts."""
        from report.checks import check  # the checker loads when first needed, not with the store
        db, _ = self._record(agency_name, year)
        counts = check(self._report(db, int(year)), self._report(db, int(year) - 1), packs).counts()
        return counts[Severity.ERROR], counts[Severity.WARNING]

    def import_report(self, report: Report, replace: bool = False, over_final: bool = False) -> str:
        """Take in a report file: "new", "same" (identical, nothing written) or "replaced" (the
        old content kept as a revision). An existing year is replaced only with ``replace``, and
        a final one only with ``over_final`` too (the GUI asks first; it is then taken back to
        draft in the same write); otherwise StoreError says what to do. A refusal or a failed
        write leaves the data folder as it was."""
        agency, year = report.agency.name, int(report.year)
        what = f"{agency}{year}年度报告"
        db = self._db(agency)
        rec = db.record(year) if db else None
        if rec is None:
            self.save(report)
            return "new"
        doc = report.to_dict()
        if rec["doc"] == doc:
            return "same"
        if rec["status"] == FINAL and not over_final:
            raise StoreError(f"程序中的{what}已定稿，不能覆盖；如需替换，请先在程序中“撤回为草稿”。")
        if not replace:
            raise StoreError(f"程序中已有{what}；如要用文件内容替换，请加 --replace（原内容会保留为历史版本）。")
        self._save(report, "replaced", over_final=over_final, doc=doc)
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

    def _save(self, report: Report, kind: str, over_final: bool = False, doc: dict | None = None,
              counts: Mapping[Severity, int] | None = None) -> bool:
        """Store ``report``, all or nothing: the agency file is written once, after the revision
        record; if anything fails, the record, a new agency and the day's first backup are undone.
        Unknown counts, and those of the next year (its cross-year checks see this one), are None."""
        self._writable()
        name = clean_name(report.agency.name)
        if not name:
            raise StoreError("报告中没有填写单位名称，请先在“单位信息”中填写。")
        year = int(report.year)
        doc = doc or report.to_dict()  # import_report has made it already
        db = self._db(name)
        rec = db.record(year) if db else None
        if rec is not None and rec["doc"] == doc:
            return False
        if rec is not None and rec["status"] == FINAL and not over_final:
            raise StoreError(f"{name}{year}年度报告已定稿，不能修改。如需修改，请先“撤回为草稿”。")
        now = dates.now_iso()
        stored = None if counts is None else {s.value: int(n) for s, n in counts.items()}
        later = db.record(year + 1) if db else None
        doc_sum = checksums.of(doc)
        new = {"year": year, "status": DRAFT, "created": rec["created"] if rec else now, "modified": now,
               "final_at": None, "counts": stored, "doc": doc, "doc_sum": doc_sum}
        backup = self._daily.before_change(self._files.any_open())
        try:
            if db is None:
                self._files.create(report.agency, now, [new])
            else:
                changes = {year: new}
                if later:
                    changes[year + 1] = {**later, "counts": None}
                events = []
                if rec is not None:
                    if rec["status"] == FINAL:
                        events.append(("reopen", now))
                    events.append((kind, rec["modified"], rec["doc"], doc, rec.get("doc_sum"), doc_sum, now))
                self._commit(db, year, changes, *events)
        except BaseException:
            self._daily.undo(backup)
            raise
        self._daily.keep(backup)
        return True

    def mark_final(self, agency_name: str, year: int) -> None:
        """定稿: refused while the checker finds 错误; keeps an immutable snapshot."""
        self._writable()
        db, rec = self._record(agency_name, year)
        if rec["status"] == FINAL:
            return
        from report.checks import blocking_errors  # the checker loads when first needed, not with the store
        year = int(year)
        errors = blocking_errors(self._report(db, year), self._report(db, year - 1))
        if errors:
            raise StoreError(f"{agency_name}{year}年度报告还有 {len(errors)} 个{Severity.ERROR.label}，"
                             f"改正后才能定稿：{errors.excerpt()}")
        now = dates.now_iso()
        self._commit(db, year, {year: {**rec, "status": FINAL, "final_at": now}},
                     ("final", now, rec["doc"], None, rec.get("doc_sum")))

    def reopen(self, agency_name: str, year: int) -> None:
        """撤回为草稿: the report may change again; recorded in its history."""
        self._writable()
        db, rec = self._record(agency_name, year)
        if rec["status"] != FINAL:
            return
        year = int(year)
        self._commit(db, year, {year: {**rec, "status": DRAFT, "final_at": None}}, ("reopen", dates.now_iso()))

    def delete(self, agency_name: str, year: int) -> Path:
        """Delete a report after backing up the whole store; returns that backup."""
        self._writable()
        db, _ = self._record(agency_name, year)
        year = int(year)
        backup = backup_zips.create(self.layout, "before-delete")
        log_path = self.layout.revision_log(db.id, year)
        aside = self.layout.deleted_revision_log(db.id, year, dates.file_stamp())
        self._logs.pop((db.id, year), None)
        try:  # its history is kept, out of the way of a new report of that year; put back if the delete fails
            if log_path.exists():
                replace(log_path, aside)
            try:
                db.commit(reports={year: None})
            except BaseException:
                if aside.exists():
                    replace(aside, log_path)
                raise
        except BaseException as e:
            backup.unlink(missing_ok=True)
            if isinstance(e, OSError):
                raise write_error(e, log_path) from e
            raise
        backup_zips.rotate(self.layout)
        self._parsed.pop((db.id, year), None)
        return backup

    # ------------------------------------------------------------------ new years
    def new_year_from_last(self, agency_name: str, year: int) -> Report:
        """Create year Y from Y−1 (see store.carry for what carries over) and save it."""
        def from_last(db: AgencyDB, year: int) -> Report:
            prev = self._report(db, year - 1)
            if prev is None:
                raise StoreError(f"没有{agency_name}{year - 1}年度的报告，无法从上年创建；请新建空白年度。")
            report = carry_forward(prev, year, db.profile())
            report.website_counts_history = self.history_counts(agency_name, before_year=year, report=report) or None
            return report

        return self._new_year(agency_name, year, from_last)

    def new_blank_year(self, agency_name: str, year: int) -> Report:
        """Create an empty report for the year, with the agency's profile, and save it."""
        return self._new_year(agency_name, year, lambda db, year: Report.blank(year, db.profile()))

    def _new_year(self, agency_name: str, year: int, make) -> Report:
        self._writable()
        db, year = self._require_db(agency_name), int(year)
        if db.record(year):
            raise StoreError(f"{agency_name}{year}年度的报告已经存在。")
        if year < 2019:
            raise StoreError(f"{year}年不在任何报告格式的适用年度内：本程序支持2019年度起的报告。")
        report = make(db, year)
        self.save(report)
        return report

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
        try:
            db.set_typed_year(year, typed_counts(year, counts))
        except ValueError as e:
            raise StoreError(str(e)) from None

    # ------------------------------------------------------------------ revisions
    def revisions(self, agency_name: str, year: int) -> list[Revision]:
        """The report's earlier versions and events, newest first."""
        db = self._require_db(agency_name)
        return self._log(db, int(year)).list()

    def load_revision(self, agency_name: str, year: int, revision_id: int) -> Report:
        db = self._require_db(agency_name)
        history = self._log(db, int(year))
        rec = history.get(revision_id)
        if rec is None or rec.get("doc") is None:
            listed = any(r["id"] == revision_id for r in history.records())
            why = "已损坏，无法读取，请选择其他版本" if listed else "没有找到"
            raise StoreError(f"{agency_name}{year}年度报告的这个历史版本{why}。")
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
        return Report.from_dict(doc, strict=False)
    except ReportFileError as e:
        raise StoreError(f"{agency_name}{year}年度报告的存储内容无效（{e}），请从历史版本或备份中恢复。") from None
