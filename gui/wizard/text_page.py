"""A part made of narrative fields (一、五、六 and the opening), one editor per field.

Fields, labels and guidance come from the form definition; the 六 page of the 2021 form also
carries the three 信息处理费 figures that its first item is written from.
"""

from __future__ import annotations

from gui.qt import QtWidgets
from gui.wizard.fees_page import FeesBox
from gui.wizard.page import WizardPage
from gui.wizard.text_editor import TextFieldEditor
from report.findings import Ref, RefKind
from report.forms import Part


class TextPage(WizardPage):
    def __init__(self, session, part: Part, with_fees: bool = False, parent=None):
        super().__init__(session, part.title, parent, step_title=part.step_title)
        self.part = part
        self.fees = FeesBox(session, self) if with_fees else None
        if self.fees is not None:
            self.body.addWidget(self.fees)
        self.editors: dict[str, TextFieldEditor] = {}
        for field in part.fields:
            editor = TextFieldEditor(session, field, self)
            self.editors[field.id] = editor
            self.body.addWidget(editor)
        self.body.addStretch(1)

    def owns(self, ref: str) -> bool:
        ref = Ref(ref)
        if ref.kind is RefKind.TEXT:
            return ref.key[0] in self.editors
        return self.fees is not None and self.fees.owns(ref)

    def focus_ref(self, ref: str) -> None:
        ref = Ref(ref)
        if ref.kind is RefKind.TEXT and ref.key[0] in self.editors:
            editor = self.editors[ref.key[0]]
            self.ensure_visible(editor)
            editor.edit.setFocus()
        elif self.fees is not None and self.fees.owns(ref):
            self.ensure_visible(self.fees)
            self.fees.focus_ref(ref)

    def select_phrase(self, ref: str, phrase: str) -> None:
        ref = Ref(ref)
        if ref.kind is RefKind.TEXT and ref.key[0] in self.editors:
            self.show_selection(self.editors[ref.key[0]], phrase)

    def set_findings(self, findings: list) -> None:
        for fid, editor in self.editors.items():
            editor.set_findings([f for f in findings if Ref.text(fid) in f.cells])
        if self.fees is not None:
            self.fees.set_findings(findings)

    def is_filled(self) -> bool:
        report = self.session.report
        return any(report.text(fid).strip() for fid in self.editors) or (
            self.fees is not None and self.fees.is_filled())

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)
        if self.fees is not None:
            self.fees.set_read_only(read_only)

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
        if self.fees is not None:
            self.fees.refresh()

    def help_text(self) -> str:
        focused = QtWidgets.QApplication.focusWidget()
        for editor in self.editors.values():
            if focused is editor.edit and editor.field.guidance:
                return f"{editor.field.label}：{editor.field.guidance}"
        return "\n\n".join(f"{e.field.label}：{e.field.guidance}" for e in self.editors.values()
                           if e.field.guidance)
