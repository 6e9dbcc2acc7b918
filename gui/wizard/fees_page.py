"""The 信息处理费 figures of part 六 (2021 form): notices sent, amount billed, amount collected.

Labels, units and kinds come from ``Form.fees``; an empty box is blank, not 0, and the generated
fee sentence of 六（一） is written from these figures.
"""

from __future__ import annotations

from gui.qt import QtWidgets
from gui.wizard.parsing import parse_count, parse_money
from gui.wizard.value_edit import ValueEdit
from report.findings import Ref, RefKind

# an empty box must read as empty: a grey 「0」 or 「0.00」 looked like a value already filled in
EMPTY_HINT = "未填写（没有的请填 0）"


class FeesBox(QtWidgets.QGroupBox):
    def __init__(self, session, parent=None):
        form = session.report.definition
        super().__init__(form.fees_label, parent)
        self.session = session
        self.edits: dict[str, ValueEdit] = {}
        lay = QtWidgets.QFormLayout(self)
        for fee_id, label, kind, unit in form.fees:
            edit = ValueEdit(label, parse_money if kind == "money" else parse_count, unit, EMPTY_HINT, self)
            edit.committed.connect(lambda value, f=fee_id: self.session.set_fee(f, value))
            lay.addRow(label, edit)
            lay.labelForField(edit).setBuddy(edit.edit)
            self.edits[fee_id] = edit
        self.refresh()

    def owns(self, ref: str) -> bool:
        ref = Ref(ref)
        return ref.kind is RefKind.FEE and ref.key[0] in self.edits

    def focus_ref(self, ref: str) -> None:
        self.edits[Ref(ref).key[0]].edit.setFocus()

    def set_findings(self, findings: list) -> None:
        for fee_id, edit in self.edits.items():
            edit.set_findings([f for f in findings if Ref.fee(fee_id) in f.cells])

    def is_filled(self) -> bool:
        return any(v is not None for v in (self.session.report.fees or {}).values())

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.set_read_only(read_only)

    def refresh(self) -> None:
        fees = self.session.report.fees or {}
        for fee_id, edit in self.edits.items():
            edit.show_value(fees.get(fee_id))
