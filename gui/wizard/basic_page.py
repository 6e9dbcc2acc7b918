"""基本信息: the report year and its format, the date under the signature, the agency data, the opening.

The agency data belong to this report (the store copies them from the agency's profile when a
year is created), so a change here changes this year's report only. Labels come from
``report.forms.common()``.
"""

from __future__ import annotations

from gui.qt import QtWidgets
from gui.wizard.findings_panel import mark
from gui.wizard.page import WizardPage
from gui.wizard.parsing import parse_date
from gui.wizard.text_editor import TextFieldEditor
from gui.wizard.value_edit import ValueEdit
from report.findings import Ref, RefKind
from report.forms import common

TITLE = "基本信息"
_DATED = (Ref.field("issued_on"), Ref.field("year"))  # findings about the year are shown at the date


class BasicPage(WizardPage):
    def __init__(self, session, parent=None):
        super().__init__(session, TITLE, parent)
        labels, report = common()["report"], session.report
        form = report.definition

        about = QtWidgets.QFormLayout()
        self.year_label = QtWidgets.QLabel(f"{report.year}年", self)
        self.year_label.setAccessibleName(labels["year"])
        about.addRow(labels["year"], self.year_label)
        self.form_label = QtWidgets.QLabel(f"{form.name}（{form.document}）", self)
        self.form_label.setAccessibleName(labels["form"])
        self.form_label.setWordWrap(True)
        about.addRow(labels["form"], self.form_label)
        self.issued_on = ValueEdit(labels["issued_on"], parse_date,
                                   placeholder="如 2023-01-16 或 2023年1月16日；尚未确定可留空", parent=self)
        self.issued_on.committed.connect(session.set_issued_on)
        about.addRow(labels["issued_on"], self.issued_on)
        about.labelForField(self.issued_on).setBuddy(self.issued_on.edit)
        self.body.addLayout(about)

        agency_box = QtWidgets.QGroupBox("单位信息", self)
        agency_form = QtWidgets.QFormLayout(agency_box)
        self.agency_edits: dict[str, QtWidgets.QLineEdit] = {}
        for f in common()["agency"]["fields"]:
            edit = QtWidgets.QLineEdit(agency_box)
            edit.setAccessibleName(f["label"])
            if f.get("guidance"):
                edit.setPlaceholderText(f["guidance"])
                edit.setToolTip(f["guidance"])
                edit.setAccessibleDescription(f["guidance"])
            edit.textEdited.connect(lambda text, name=f["id"]: self.session.set_agency_field(name, text))
            agency_form.addRow(f["label"] + ("*" if f.get("required") else ""), edit)
            agency_form.labelForField(edit).setBuddy(edit)
            self.agency_edits[f["id"]] = edit
        self.kind = QtWidgets.QComboBox(agency_box)
        for k in common()["agency"]["kinds"]:
            self.kind.addItem(k["label"], k["id"])
        self.kind.setAccessibleName(common()["agency"]["kind_label"])
        self.kind.activated.connect(lambda i: self.session.set_agency_field("kind", self.kind.itemData(i)))
        agency_form.addRow(common()["agency"]["kind_label"], self.kind)
        agency_form.labelForField(self.kind).setBuddy(self.kind)
        self.body.addWidget(agency_box)

        self.intro = TextFieldEditor(session, form.intro, self)
        self.body.addWidget(self.intro)
        self.body.addStretch(1)
        self.refresh()

    def owns(self, ref: str) -> bool:
        return ref in (*_DATED, Ref.text(self.intro.field.id)) or Ref(ref).kind is RefKind.AGENCY

    def focus_ref(self, ref: str) -> None:
        ref = Ref(ref)
        target: QtWidgets.QWidget
        if ref in _DATED:
            target = self.issued_on.edit
        elif ref == Ref.agency("kind"):
            target = self.kind
        elif ref.kind is RefKind.AGENCY:
            target = self.agency_edits.get(ref.key[0], self.agency_edits["name"])
        else:
            target = self.intro.edit
        self.ensure_visible(target)
        target.setFocus()

    def select_phrase(self, ref: str, phrase: str) -> None:
        if ref == Ref.text(self.intro.field.id):
            self.show_selection(self.intro, phrase)

    def set_findings(self, findings: list) -> None:
        self.issued_on.set_findings([f for f in findings if any(r in f.cells for r in _DATED)])
        for name, edit in self.agency_edits.items():
            mark(edit, [f for f in findings if Ref.agency(name) in f.cells])
        self.intro.set_findings([f for f in findings if Ref.text(self.intro.field.id) in f.cells])

    def is_filled(self) -> bool:
        report = self.session.report
        return report.issued_on is not None or bool(report.agency.name.strip()) or bool(
            report.text(self.intro.field.id).strip())

    def set_read_only(self, read_only: bool) -> None:
        self.issued_on.set_read_only(read_only)
        for edit in self.agency_edits.values():
            edit.setReadOnly(read_only)
        self.kind.setEnabled(not read_only)
        self.intro.set_read_only(read_only)

    def refresh(self) -> None:
        report = self.session.report
        self.issued_on.show_value(report.issued_on)
        for name, edit in self.agency_edits.items():
            value = getattr(report.agency, name)
            if edit.text() != value:
                edit.setText(value)
        index = self.kind.findData(report.agency.kind)
        if index != self.kind.currentIndex():
            self.kind.setCurrentIndex(index)
        self.intro.refresh()

    def help_text(self) -> str:
        focused = QtWidgets.QApplication.focusWidget()
        if focused is self.intro.edit:
            return f"{self.intro.field.label}：{self.intro.field.guidance}"
        lines = [f"{f['label']}：{f['guidance']}" for f in common()["agency"]["fields"] if f.get("guidance")]
        return "\n".join([f"{common()['report']['issued_on']}：印在落款处的日期，如 2023-01-16 或 2023年1月16日。"]
                         + lines)
