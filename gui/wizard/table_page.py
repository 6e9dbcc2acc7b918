"""A part that is one of the official tables (二、三、四): the table helper's TableEditor on a page."""

from __future__ import annotations

from gui.tables import TableEditor
from gui.wizard.page import WizardPage
from report.findings import Ref, RefKind
from report.forms import Part

_ENTRY_HELP = ("填写说明：空白表示尚未填写，与 0 不同——没有发生的请填 0。"
               "合计与总计由程序自动计算。")
_SLASH_HELP = "本单位没有相应职权的项目可填“/”。"


class TablePage(WizardPage):
    def __init__(self, session, part: Part, parent=None):
        super().__init__(session, part.title, parent, scrolling=False, step_title=part.step_title)
        self.part = part
        self.table = session.report.definition.tables[part.table]
        self.editor = TableEditor(session, self.table.id, self)  # follows session changes and findings itself
        self.body.addWidget(self.editor, 1)

    def owns(self, ref: str) -> bool:
        return Ref(ref).area == self.table.id

    def focus_ref(self, ref: str) -> None:
        ref = Ref(ref)
        if ref.kind is RefKind.CELL:
            self.editor.focus_cell(*ref.key)
        else:
            self.editor.setFocus()

    def is_filled(self) -> bool:
        report = self.session.report
        return any(report.get(self.table.id, *c.key) is not None for c in self.table.cells() if not c.computed)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)

    def help_text(self) -> str:
        notes = [self.table.title]
        notes += [b.caption for b in self.table.blocks if b.caption]
        notes += [b.stub for b in self.table.blocks if b.stub.startswith("（")]
        notes.append(_ENTRY_HELP + (_SLASH_HELP if self.table.slash_allowed else ""))
        return "\n".join(notes)
