"""One open report being edited: the single place where the GUI changes a report.

Every widget (wizard pages, table editors, the main window) edits through a ReportSession so
that undo/redo, autosave, totals and the checker behave the same everywhere. The clerk never
sees a "save changes?" dialog: every change reaches the store within about a second, and a
failed save keeps the edits in memory and retries.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from gui import settings
from gui.qt import QObject, QtGui, QTimer, Signal
from report import dates
from report.document import Agency, Report
from report.findings import Findings

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 800
CHECK_DELAY_MS = 150
RETRY_DELAY_MS = 5000
_UNREAD = object()


def today() -> dt.date:
    """The clerk's today, in one place so that the deadline shown can be tested on any date."""
    return dt.date.today()


def saved_notice(when: dt.datetime | None = None) -> str:
    """The status bar's 「已保存 10:31:02」."""
    return f"已保存 {dates.clock(when)}"


def previous_report(store, agency_name: str, year: int) -> Report | None:
    """Last year's report for the year-over-year checks and 上年内容 (None when there is none)."""
    if not store.exists(agency_name, year - 1):
        return None
    return store.load(agency_name, year - 1)


class _Edit(QtGui.QUndoCommand):
    """An undoable change: ``apply(value)`` writes one value into the report.

    Consecutive edits of the same target (typing into one text field) merge into one undo step.
    """

    def __init__(self, session: "ReportSession", key: tuple, text: str,
                 apply: Callable[[Any], None], old: Any, new: Any, mergeable: bool = False):
        super().__init__(text)
        self._session, self._key, self._apply = session, key, apply
        self.old, self.new, self._mergeable = old, new, mergeable

    def id(self) -> int:
        return 1 if self._mergeable else -1

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:
        if not isinstance(other, _Edit) or other._key != self._key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._apply(copy.deepcopy(self.new))
        self._session._after_edit()

    def undo(self) -> None:
        self._apply(copy.deepcopy(self.old))
        self._session._after_edit()


class ReportSession(QObject):
    changed = Signal()  # the document was edited (totals already recomputed)
    findingsChanged = Signal()  # self.findings was recomputed (debounced)
    saved = Signal(str)  # 「已保存 10:31:02」, for the status bar
    saveFailed = Signal(str)  # Chinese message; edits are kept and the save is retried
    statusChanged = Signal(str)  # "draft" / "final"
    commitRequested = Signal()  # write what is typed but not yet confirmed (an open table cell)

    def __init__(self, store, agency_name: str, year: int, parent=None):
        super().__init__(parent)
        self.store, self.agency_name, self.year = store, agency_name, int(year)
        self.report: Report = store.load(agency_name, self.year)
        self._previous: Report | None | object = _UNREAD
        self.status: str = store.status(agency_name, self.year)
        self.packs: list = settings.local_packs(store.data_dir)  # the local requirements chosen in 设置
        self.findings = Findings()  # none until the first check, CHECK_DELAY_MS after opening
        self._checked = False  # self.findings are those of self.report as it is now
        self.dirty = False
        self.undo_stack = QtGui.QUndoStack(self)
        self._save_timer = self._single_shot(SAVE_DELAY_MS, self._autosave)
        self._check_timer = self._single_shot(CHECK_DELAY_MS, self.run_checks)
        self._check_timer.start()  # the report is on screen and ready for typing first

    @property
    def previous(self) -> Report | None:
        """Last year's report, read when first needed (the checker, 上年内容, the PDF)."""
        if self._previous is _UNREAD:
            self._previous = previous_report(self.store, self.agency_name, self.year)
        return self._previous

    # ------------------------------------------------------------------ state
    @property
    def checked(self) -> bool:
        """Whether ``findings`` are those of the report as it is now (the checker runs
        CHECK_DELAY_MS after the report opened or was last edited)."""
        return self._checked

    @property
    def read_only(self) -> bool:
        """A final report, or a store another nianbao window holds, cannot be edited."""
        return self.status == "final" or bool(getattr(self.store, "read_only", False))

    def _single_shot(self, ms: int, slot) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    # ------------------------------------------------------------------ edits
    def commit_pending(self) -> None:
        """Have every widget write what the clerk typed but has not confirmed (a cell still being
        edited) before the report is saved, exported, made final or closed."""
        self.commitRequested.emit()

    def _push(self, key: tuple, text: str, apply, old, new, mergeable=False) -> None:
        if self.read_only or old == new:
            return
        self.undo_stack.push(_Edit(self, key, text, apply, copy.deepcopy(old), copy.deepcopy(new), mergeable))

    def _after_edit(self) -> None:
        self.report.compute_totals()
        self.dirty = True
        self._checked = False
        self._save_timer.start()
        self._check_timer.start()
        self.changed.emit()

    def set_cell(self, table_id: str, a: str, b: str, value) -> None:
        name = self.report.definition.tables[table_id].cell_name(a, b)
        self._push(("cell", table_id, a, b), f"修改 {name}",
                   lambda v: self.report.set(table_id, a, b, v), self.report.get(table_id, a, b), value)

    def set_text(self, field_id: str, text: str) -> None:
        try:
            label = self.report.definition.text_field(field_id).label
        except KeyError:
            label = field_id

        def apply(v):
            self.report.texts[field_id] = v

        self._push(("text", field_id), f"修改 {label}", apply, self.report.text(field_id), text, mergeable=True)

    def set_fee(self, fee_id: str, value) -> None:
        labels = {f[0]: f[1] for f in self.report.definition.fees}

        def apply(v):
            if self.report.fees is None:
                self.report.fees = {}
            self.report.fees[fee_id] = v

        old = (self.report.fees or {}).get(fee_id)
        self._push(("fee", fee_id), f"修改 {labels.get(fee_id, fee_id)}", apply, old, value)

    def set_agency_field(self, name: str, value: str) -> None:
        if name not in Agency.__dataclass_fields__:
            raise KeyError(name)
        self._push(("agency", name), "修改单位信息", lambda v: setattr(self.report.agency, name, v),
                   getattr(self.report.agency, name), value, mergeable=True)

    def set_issued_on(self, date_or_none: dt.date | None) -> None:
        self._push(("issued_on",), "修改落款日期", lambda v: setattr(self.report, "issued_on", v),
                   self.report.issued_on, date_or_none)

    def set_website_counts(self, counts: dict[str, int] | None) -> None:
        self._push(("website_counts",), "修改网站信息数量",
                   lambda v: setattr(self.report, "website_counts", v), self.report.website_counts,
                   dict(counts) if counts is not None else None)

    def set_history_counts(self, year: int, counts: dict[str, int]) -> None:
        """Figures for an earlier year that has no report in the program (for the chart)."""
        from store import StoreError

        if self.read_only:
            return
        try:
            self.store.set_history_counts(self.agency_name, int(year), dict(counts))
        except StoreError as e:
            self.saveFailed.emit(str(e))
            return
        self.changed.emit()

    def history_counts(self) -> dict[str, dict[str, int]]:
        """Website counts of the years before this one, as report.website_counts.website_history merges them."""
        return self.store.history_counts(self.agency_name, before_year=self.year, report=self.report)

    def report_years(self) -> list[int]:
        """Years of this agency that have a report in the program (their counts are edited there)."""
        return [s.year for s in self.store.reports(self.agency_name)]

    # ------------------------------------------------------------------ checking
    def run_checks(self) -> None:
        from report.checks import check

        self._check_timer.stop()
        self.findings = check(self.report, self.previous, self.packs)
        self._checked = True
        self.findingsChanged.emit()

    def set_packs(self, packs: list) -> None:
        """The clerk changed the local requirements in 设置: check again with them."""
        self.packs = packs
        self.run_checks()

    def deadline(self, today: dt.date) -> tuple[str, bool]:
        """How far the publication deadline is ("" for a report no longer in progress: a final
        one, or an older year's draft), and whether that is close enough to say it loudly."""
        from report import deadline

        kind, final = self.report.agency.kind, self.status == "final"
        if not deadline.in_progress(self.year, today, final):
            return "", False
        return (deadline.describe(self.year, kind, today, self.packs),
                deadline.urgent(self.year, kind, today, final, self.packs))

    def errors(self) -> list:
        return Findings(self.findings).errors

    # ------------------------------------------------------------------ saving
    def _autosave(self) -> None:
        self.save_now()

    def save_now(self) -> bool:
        """Write the report to the store now; False (and ``saveFailed``) if the write failed."""
        from store import StoreError

        self._save_timer.stop()
        if not self.dirty or self.read_only:
            return True
        try:
            # the year list's counts: the findings in hand, or unknown (counted when listed) if stale
            self.store.save(self.report, counts=self.findings.counts() if self.checked else None)
        except StoreError as e:
            log.warning("save failed: %s", e)
            self.saveFailed.emit(f"保存失败：{e} 您的修改仍保留在窗口中，程序会自动重试。")
            self._save_timer.start(RETRY_DELAY_MS)
            return False
        self.dirty = False
        self.saved.emit(saved_notice())
        return True

    # ------------------------------------------------------------------ status
    def mark_final(self) -> tuple[bool, str]:
        """定稿: refused while the checker finds 错误, and while the report is not saved."""
        if self.status == "final":
            return True, "本报告已经定稿。"
        self.commit_pending()
        self.run_checks()
        errors = self.errors()
        if errors:
            first = "；".join(f.message for f in errors[:3])
            more = f"等 {len(errors)} 个错误" if len(errors) > 3 else f"{len(errors)} 个错误"
            return False, f"还有{more}，改正后才能定稿：{first}"
        if not self.save_now():
            return False, "报告尚未保存成功，暂不能定稿，请稍后再试。"
        from store import StoreError

        try:
            self.store.mark_final(self.agency_name, self.year)
        except StoreError as e:
            return False, str(e)
        self._set_status("final")
        return True, f"{self.year}年度报告已定稿，如需修改请先“撤回为草稿”。"

    def reopen(self) -> None:
        """撤回为草稿: the report becomes editable again."""
        self.store.reopen(self.agency_name, self.year)
        self._set_status("draft")

    def revert_to(self, revision_id: int) -> tuple[bool, str]:
        """历史版本: make an earlier version current; what is current now becomes a revision.

        Pending edits are saved first so that they, too, can be got back. The undo stack is
        cleared because its steps describe the replaced content.
        """
        from store import StoreError

        if self.read_only:
            return False, "本报告现在不能修改，不能恢复历史版本。"
        if not self.save_now():
            return False, "当前的修改尚未保存成功，暂不能恢复历史版本，请稍后再试。"
        try:
            self.store.revert(self.agency_name, self.year, revision_id)
            self.report = self.store.load(self.agency_name, self.year)
        except StoreError as e:
            return False, str(e)
        self.dirty = False
        self.undo_stack.clear()
        self.changed.emit()
        self.run_checks()
        return True, "已恢复所选的历史版本；恢复前的内容已保存为一个历史版本，可以随时再恢复。"

    def _set_status(self, status: str) -> None:
        self.status = status
        self.undo_stack.clear()
        self.statusChanged.emit(status)

    def close(self) -> bool:
        """Final save when the window closes or the clerk goes back to the year list; False if it
        failed, and then the retry goes on (the clerk may choose to stay), until ``stop()``."""
        self.commit_pending()
        self._check_timer.stop()
        return self.save_now()

    def stop(self) -> None:
        """The session is being dropped: no more saves or checks."""
        self._check_timer.stop()
        self._save_timer.stop()
