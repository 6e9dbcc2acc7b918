"""历史版本: every saved version of the open report, what differs from now, and a way back.

The store keeps the content each save replaced (and the 定稿 snapshots); a clerk who deleted a
paragraph yesterday finds it here, copies it from the preview or restores the whole version.
Restoring goes through the session, so the current content becomes a version in its turn and
nothing is ever lost. Reading one version costs a schema validation (about 10 ms), so the list
shows at once and its "what differs" column fills in one version per event-loop turn.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from gui import ask
from gui.qt import Qt, QTimer, QtWidgets
from gui.wizard.basic_page import TITLE as BASIC_TITLE
from report import dates
from report.document import Report, format_value
from report.forms import common

KIND_LABELS = {"draft": "草稿保存", "replaced": "导入前的版本", "final": "定稿", "reopen": "撤回为草稿"}
COLUMNS = ("保存时间", "类型", "与当前内容的区别")
SAME = "与当前内容相同"
MAX_LISTED_CELLS = 30


def time_label(t: dt.datetime) -> str:
    """「2026年11月26日 10:31」 in the computer's own time zone."""
    return dates.chinese_time(t)


@dataclass
class Differences:
    """What an earlier version has that the current report has not (labels from the form)."""
    texts: list[str] = field(default_factory=list)  # titles of the sections whose text differs
    fields: set[str] = field(default_factory=set)  # the text fields that differ
    cells: list[tuple[str, str, str, str]] = field(default_factory=list)  # (part, cell, version, current)
    other: list[str] = field(default_factory=list)  # 基本信息, 信息处理费, 网站公开数量, 报告格式

    @property
    def same(self) -> bool:
        return not (self.texts or self.cells or self.other)

    def summary(self) -> str:
        parts = []
        if self.texts:
            parts.append("文字：" + "，".join(self.texts))
        if self.cells:
            per_part = Counter(c[0] for c in self.cells)
            parts.append("数字：" + "，".join(f"{title} {n} 处" for title, n in per_part.items()))
        if self.other:
            parts.append("，".join(self.other))
        return "；".join(parts) or SAME


def text_sections(form) -> list[tuple[str, list]]:
    """(title, text fields) for the opening and each narrative part, in report order."""
    return [(form.intro.label, [form.intro])] + [(p.step_title, list(p.fields)) for p in form.parts if p.fields]


def differences(version: Report, current: Report) -> Differences:
    labels = common()
    diff = Differences()
    if version.form != current.form:
        diff.other.append(f"{labels['report']['form']}不同（{version.definition.name}）")
        return diff
    form = current.definition
    for title, fields in text_sections(form):
        changed = {f.id for f in fields if version.text(f.id) != current.text(f.id)}
        if changed:
            diff.texts.append(title)
            diff.fields |= changed
    for part in form.parts:
        if not part.table:
            continue
        table = form.tables[part.table]
        for cell in table.cells():
            if cell.computed:
                continue
            old, now = version.get(table.id, *cell.key), current.get(table.id, *cell.key)
            if old != now:
                diff.cells.append((part.step_title, table.cell_name(*cell.key), format_value(old), format_value(now)))
    if version.agency != current.agency or version.issued_on != current.issued_on:
        diff.other.append(BASIC_TITLE)
    if (version.fees or {}) != (current.fees or {}):
        diff.other.append(form.fees_label)
    if (version.website_counts, version.website_counts_history) != (current.website_counts,
                                                                     current.website_counts_history):
        diff.other.append(labels["website"]["step"])
    return diff


def preview_text(version: Report, diff: Differences) -> str:
    """The version's texts part by part (marked where they differ), then the figures that differ."""
    lines = [f"与当前内容的区别：{diff.summary()}", ""]
    for title, fields in text_sections(version.definition):
        lines.append(f"【{title}】")
        for f in fields:
            if f.id != version.definition.intro.id:
                lines.append(f"{f.label}{'（与当前内容不同）' if f.id in diff.fields else ''}")
            elif f.id in diff.fields:
                lines.append("（与当前内容不同）")
            lines.append(version.text(f.id) or "（未填写）")
            lines.append("")
    if diff.cells:
        lines.append("【与当前内容不同的数字】")
        for _part, name, old, now in diff.cells[:MAX_LISTED_CELLS]:
            lines.append(f"{name}：此版本 {old or '空白'}，当前 {now or '空白'}")
        if len(diff.cells) > MAX_LISTED_CELLS:
            lines.append(f"……共 {len(diff.cells)} 处不同")
    return "\n".join(lines).rstrip() + "\n"


class HistoryDialog(QtWidgets.QDialog):
    """Lists the versions newest first; 恢复此版本 makes the selected one current."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        from store import StoreError

        self.session = session
        self.message = ""  # what happened, for the main window's status bar
        self.setWindowTitle(f"历史版本 - {session.year}年度报告")
        session.save_now()  # compare with what is really current, and keep pending edits as history
        try:
            self.revisions = session.store.revisions(session.agency_name, session.year)
            problem = ""
        except StoreError as e:
            self.revisions, problem = [], str(e)
        self._summaries: dict[int, str] = {}

        fm = self.fontMetrics()
        intro = QtWidgets.QLabel("每次保存时，之前的内容都会自动留作历史版本。选中一个版本可以在下方查看它的文字，"
                                 "也可以复制其中的段落；点“恢复此版本”则用它替换当前内容。")
        intro.setWordWrap(True)
        self.list = QtWidgets.QTreeWidget()
        self.list.setAccessibleName("历史版本列表")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(COLUMNS)
        self.list.setColumnWidth(0, fm.horizontalAdvance("2026年12月31日 23:59") + fm.height() * 2)
        self.list.setColumnWidth(1, fm.horizontalAdvance("导入前的版本") + fm.height() * 2)
        self.list.setMinimumHeight(fm.lineSpacing() * 8)
        self.preview = QtWidgets.QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("所选版本的内容")
        self.preview.setPlaceholderText("在上面的列表中选中一个版本，这里显示它的内容。")
        self.reason = QtWidgets.QLabel()
        self.reason.setObjectName("hint")
        self.reason.setWordWrap(True)
        self.restore_button = QtWidgets.QPushButton("恢复此版本")
        self.restore_button.setAccessibleName("恢复此版本")
        self.restore_button.setEnabled(False)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self._fit_size()

        for rev in self.revisions:
            item = QtWidgets.QTreeWidgetItem([time_label(rev.time), KIND_LABELS.get(rev.kind, rev.kind),
                                              "……" if rev.has_content else "（只记录操作时间，没有内容）"])
            self.list.addTopLevelItem(item)
        self._locked = self._lock_reason()
        self.reason.setText(problem or self._locked or ("还没有历史版本：修改并保存后，之前的内容会自动留在这里。"
                                                       if not self.revisions else ""))
        self.reason.setVisible(bool(self.reason.text()))

        self.list.currentItemChanged.connect(lambda *_: self._show(self.list.indexOfTopLevelItem(
            self.list.currentItem())))
        self.restore_button.clicked.connect(self.restore)
        self._pending = [i for i, r in enumerate(self.revisions) if r.has_content]
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._summarise_next)
        if self._pending:
            self._timer.start()
        if self.revisions:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setFocus()

    def _fit_size(self) -> None:
        fm = self.fontMetrics()
        width, height = fm.horizontalAdvance("中") * 64, fm.lineSpacing() * 34
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _lock_reason(self) -> str:
        """Why nothing can be restored now ('' when it can)."""
        if self.session.status == "final":
            return "本报告已定稿，只能查看历史版本。如需恢复，请先点“撤回为草稿”。"
        if getattr(self.session.store, "read_only", False):
            return "另一个年报助手窗口正在使用这些数据，本窗口只能查看历史版本，不能恢复。"
        return ""

    # ------------------------------------------------------------------ reading versions
    def _load(self, row: int) -> tuple[Report | None, str]:
        """The version in ``row`` and '' — or None and a Chinese reason it cannot be read."""
        from store import StoreError

        try:
            return self.session.store.load_revision(self.session.agency_name, self.session.year,
                                                    self.revisions[row].id), ""
        except StoreError as e:
            return None, str(e)

    def _set_summary(self, row: int, summary: str) -> None:
        self._summaries[row] = summary
        item = self.list.topLevelItem(row)
        item.setText(2, summary)
        item.setToolTip(2, summary)

    def _summarise_next(self) -> None:
        while self._pending and self._pending[0] in self._summaries:
            self._pending.pop(0)
        if not self._pending:
            self._timer.stop()
            return
        row = self._pending.pop(0)
        version, problem = self._load(row)
        self._set_summary(row, differences(version, self.session.report).summary() if version else problem)

    def _show(self, row: int) -> None:
        if row < 0:
            self.preview.clear()
            self.restore_button.setEnabled(False)
            return
        rev = self.revisions[row]
        if not rev.has_content:
            self.preview.setPlainText(f"{time_label(rev.time)}　{KIND_LABELS.get(rev.kind, rev.kind)}\n\n"
                                      "这一条只记录了操作的时间，没有保存内容，不能恢复。请选择其他版本。")
            self.restore_button.setEnabled(False)
            return
        version, problem = self._load(row)
        if version is None:
            self.preview.setPlainText(problem)
            self.restore_button.setEnabled(False)
            return
        diff = differences(version, self.session.report)
        self._set_summary(row, diff.summary())
        self.preview.setPlainText(f"{time_label(rev.time)}　{KIND_LABELS.get(rev.kind, rev.kind)}\n"
                                  + preview_text(version, diff))
        same = diff.same
        self.restore_button.setEnabled(not self._locked and not same)
        self.restore_button.setToolTip(self._locked or ("此版本与当前内容相同，无需恢复。" if same else
                                                        "用此版本替换当前内容（当前内容会保存为一个历史版本）"))

    def selected_row(self) -> int:
        return self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1

    # ------------------------------------------------------------------ restoring
    def restore(self) -> None:
        row = self.selected_row()
        if row < 0 or not self.restore_button.isEnabled():
            return
        rev = self.revisions[row]
        kind = KIND_LABELS.get(rev.kind, rev.kind)
        if not ask.confirm(self, "恢复此版本", f"用 {time_label(rev.time)} 的版本（{kind}）替换当前内容吗？\n"
                           "当前内容会保存为一个历史版本，可以随时再恢复。", default=False):
            return
        ok, message = self.session.revert_to(rev.id)
        if not ok:
            ask.warn(self, "未能恢复", message)
            return
        self.message = message
        self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)
