"""The agency profile (单位信息): asked on first run and editable from the year list.

Labels and guidance come from resources/forms/common.toml; the checks here catch the mistakes
that would otherwise show up printed in the report (a 5-digit postcode, a web address without
http).
"""

from __future__ import annotations

import re

from gui.dialog_parts import error_banner, ok_cancel
from gui.qt import QtWidgets, Signal
from report.document import Agency
from report.forms import common


def validate(agency: Agency) -> list[tuple[str, str]]:
    """(field id, Chinese message) for every problem; empty when the profile can be saved."""
    labels = {f["id"]: f["label"] for f in common()["agency"]["fields"]}
    problems = []
    if not agency.name.strip():
        problems.append(("name", f"请填写{labels['name']}，如：威海市文登区信访局。"))
    if agency.postcode.strip() and not re.fullmatch(r"\d{6}", agency.postcode.strip()):
        problems.append(("postcode", f"{labels['postcode']}应为6位数字，如：264400。现在填的是“{agency.postcode}”。"))
    url = agency.website_url.strip()
    if url and not re.match(r"https?://\S+$", url):
        problems.append(("website_url", f"{labels['website_url']}应以 http:// 或 https:// 开头，如：http://www.wendeng.gov.cn。"))
    return problems


class ProfileDialog(QtWidgets.QDialog):
    """The profile's fields; on first run also 导入上年报告 (``importRequested``), since a report
    file carries the profile with it."""

    importRequested = Signal()

    def __init__(self, agency: Agency | None = None, parent=None, first_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle("单位信息")
        agency = agency or Agency()
        self.edits: dict[str, QtWidgets.QLineEdit] = {}
        form = QtWidgets.QFormLayout()
        layout = QtWidgets.QVBoxLayout(self)
        if first_run:
            intro = QtWidgets.QLabel("欢迎使用年报助手。请先填写本单位的信息，"
                                     "这些信息会印在报告的开头和落款处，以后可以随时修改。\n"
                                     "已有上一年的报告数据文件（.json）？点“导入上年报告…”，"
                                     "单位信息会从报告中取得，不必再填。")
            intro.setWordWrap(True)
            intro.setObjectName("hint")
            layout.addWidget(intro)
        elif agency.name:
            note = QtWidgets.QLabel("这里的单位信息用于以后新建的年度报告；已有报告中印出的单位信息，"
                                    "请打开该报告在“基本信息”页修改。")
            note.setWordWrap(True)
            note.setObjectName("hint")
            layout.addWidget(note)
        for f in common()["agency"]["fields"]:
            edit = QtWidgets.QLineEdit(getattr(agency, f["id"]))
            edit.setAccessibleName(f["label"])
            edit.setObjectName(f"agency_{f['id']}")
            if f.get("guidance"):
                edit.setPlaceholderText(f["guidance"])
                edit.setToolTip(f["guidance"])
            label = f["label"] + ("（必填）" if f.get("required") else "")
            form.addRow(label, edit)
            self.edits[f["id"]] = edit
        if agency.name and not first_run:  # the store knows the agency by its name
            self.edits["name"].setReadOnly(True)
            self.edits["name"].setToolTip("单位名称是识别本单位各年度报告的依据，不能在这里修改。"
                                          "如需更正某一年度报告中印出的名称，请在该报告的“基本信息”页修改。")
        self.kind = QtWidgets.QComboBox()
        self.kind.setAccessibleName(common()["agency"]["kind_label"])
        for k in common()["agency"]["kinds"]:
            self.kind.addItem(k["label"], k["id"])
        self.kind.setCurrentIndex(max(self.kind.findData(agency.kind), 0))
        form.addRow(common()["agency"]["kind_label"], self.kind)
        self.error = error_banner()
        buttons = ok_cancel(self)
        self.buttons = buttons
        self.imported = False  # True when the profile came with an imported report (first run)
        if first_run:
            self.import_button = QtWidgets.QPushButton("导入上年报告…")
            self.import_button.setAutoDefault(False)  # Enter still means 确定
            self.import_button.clicked.connect(self.importRequested)
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QtWidgets.QHBoxLayout()  # 导入上年报告 on the left, apart from 确定/取消
        if first_run:
            row.addWidget(self.import_button)
        row.addWidget(buttons, 1)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    def agency(self) -> Agency:
        values = {k: e.text().strip() for k, e in self.edits.items()}
        return Agency(kind=self.kind.currentData(), **values)

    def accept_imported(self) -> None:
        """A report was imported: its agency is the profile, nothing here to check or save."""
        self.imported = True
        super().accept()

    def accept(self) -> None:
        problems = validate(self.agency())
        if problems:
            self.error.setText("\n".join(m for _, m in problems))
            self.error.show()
            self.edits[problems[0][0]].setFocus()
            return
        super().accept()
