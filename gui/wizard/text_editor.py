"""One narrative field: the editor, its guidance, a character count, and last year's text.

Every keystroke goes to ``session.set_text``; the session merges typing into one undo step and
debounces the save. Buttons insert last year's text or a sentence generated from the figures
at the cursor (at the end, as a new paragraph, when the clerk has not placed the cursor). A
generated sentence goes over a selection; into a field that already has text only after the
clerk chose between replacing that text and inserting at the cursor (a second opening under
the one carried over from last year is the mistake this prevents).
"""

from __future__ import annotations

from gui import ask
from gui.qt import Qt, QtGui, QtWidgets
from gui.wizard.findings_panel import mark
from gui.wizard.parsing import count_chars
from report import sentences
from report.forms import TextField
from report.values import ascii_digits

REPLACE = "替换本栏现有的全部文字"


class TextFieldEditor(QtWidgets.QWidget):
    def __init__(self, session, field: TextField, parent=None):
        super().__init__(parent)
        self.session, self.field = session, field
        self._updating = False

        title = QtWidgets.QLabel(field.label, self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.hint = QtWidgets.QLabel(field.guidance, self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("fieldHint")
        self.hint.setVisible(bool(field.guidance))

        self.edit = QtWidgets.QPlainTextEdit(self)
        self.edit.setAccessibleName(field.label)
        self.edit.setAccessibleDescription(field.guidance)
        self.edit.setPlaceholderText(field.guidance)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(110)
        self.edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
        title.setBuddy(self.edit)

        self.previous_view = QtWidgets.QPlainTextEdit(self)
        self.previous_view.setReadOnly(True)
        self.previous_view.setAccessibleName(f"上年{field.label}")
        self.previous_view.setTabChangesFocus(True)
        self.previous_view.setObjectName("previousText")
        self.previous_view.hide()

        self.count = QtWidgets.QLabel(self)
        self.insert_previous = QtWidgets.QPushButton("插入上年内容", self)
        self.insert_generated = QtWidgets.QToolButton(self)
        self.insert_generated.setText("插入生成的句子")
        self.generated_menu = QtWidgets.QMenu(self.insert_generated)
        self.show_previous = QtWidgets.QPushButton("对照上年内容", self)
        self.show_previous.setCheckable(True)

        editors = QtWidgets.QHBoxLayout()
        editors.addWidget(self.edit, 1)
        editors.addWidget(self.previous_view, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for b in (self.insert_previous, self.insert_generated, self.show_previous):
            buttons.addWidget(b)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 6)
        lay.addWidget(title)
        lay.addWidget(self.hint)
        lay.addLayout(editors)
        lay.addLayout(buttons)

        self.edit.textChanged.connect(self._on_text_changed)
        self.insert_previous.clicked.connect(lambda: self.insert(self.previous_text()))
        self.insert_generated.clicked.connect(self._on_generated_clicked)
        self.show_previous.toggled.connect(self.previous_view.setVisible)
        self._read_only = False
        self.refresh()

    # ------------------------------------------------------------------ content
    def previous_text(self) -> str:
        prev = self.session.previous
        return prev.text(self.field.id) if prev is not None else ""

    def generated(self) -> list[str]:
        return sentences.for_field(self.session.report, self.field.id)

    def insert(self, text: str, cursor: QtGui.QTextCursor | None = None) -> None:
        """Insert at the cursor (over its selection). At a paragraph's end the text starts a new
        paragraph, at its start it stays one of its own; nothing adds a blank first line."""
        if not text or self._read_only:
            return
        cursor = cursor if cursor is not None else self.edit.textCursor()
        whole = self.edit.toPlainText()
        before, after = whole[:cursor.selectionStart()], whole[cursor.selectionEnd():]
        if before and not before.endswith("\n") and not after[:1].strip():
            text = "\n" + text
        elif after and not after.startswith("\n") and (not before or before.endswith("\n")):
            text += "\n"
        cursor.insertText(text)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def insert_sentence(self, sentence: str) -> None:
        """插入生成的句子: over the selection or into an empty field at once; otherwise the clerk
        chooses to replace the field's text or to insert at the cursor (the place is named)."""
        if not sentence or self._read_only:
            return
        cursor = self.edit.textCursor()
        text = self.edit.toPlainText()
        if not cursor.hasSelection() and text.strip():
            here = f"插入到{self._place(cursor)}，现有文字保留"
            replace_first = sentences.openings(text) and sentences.openings(sentence)
            choice = ask.choose(self, "插入生成的句子", f"“{self.field.label}”已有文字，生成的句子要：",
                                [REPLACE, here] if replace_first else [here, REPLACE])
            if choice is None:
                return
            if choice == REPLACE:
                cursor.select(QtGui.QTextCursor.SelectionType.Document)
        self.insert(sentence, cursor)

    @staticmethod
    def _place(cursor: QtGui.QTextCursor) -> str:
        """Where the cursor is, in the clerk's words: 「末尾」「第 2 段之后」…"""
        n = cursor.blockNumber() + 1
        if cursor.atEnd():
            return "末尾（另起一段）"
        if cursor.atBlockStart():
            return f"第 {n} 段之前（单独成段）"
        if cursor.atBlockEnd():
            return f"第 {n} 段之后（另起一段）"
        return f"光标处（第 {n} 段中间）"

    def select_phrase(self, phrase: str) -> bool:
        """Select the first place the text says ``phrase`` (a finding's quote, digits read as
        ASCII) and focus it; False when the text no longer says it."""
        at = ascii_digits(self.edit.toPlainText()).find(phrase) if phrase else -1
        if at < 0:
            return False
        cursor = self.edit.textCursor()
        cursor.setPosition(at)
        cursor.setPosition(at + len(phrase), QtGui.QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def refresh(self) -> None:
        """Show the report's text (after undo or a load) and update the buttons' states."""
        text = self.session.report.text(self.field.id)
        if self.edit.toPlainText() != text:
            self._updating = True
            try:
                self.edit.setPlainText(text)
                self.edit.moveCursor(QtGui.QTextCursor.MoveOperation.End)
            finally:
                self._updating = False
        self._update_count()
        previous = self.previous_text()
        if self.previous_view.toPlainText() != previous:
            self.previous_view.setPlainText(previous)
        self.insert_previous.setEnabled(bool(previous) and not self._read_only)
        self.insert_previous.setToolTip("" if previous else "没有上一年度报告的这部分内容。")
        self.show_previous.setEnabled(bool(previous))
        offered = self.generated()
        self.insert_generated.setEnabled(bool(offered) and not self._read_only)
        self.insert_generated.setToolTip(
            "" if offered else "这一项没有可由表格数字生成的句子（或所需的数字尚未填写）。")
        self.generated_menu.clear()
        for sentence in offered:
            action = self.generated_menu.addAction(sentence if len(sentence) <= 60 else sentence[:60] + "…")
            action.setToolTip(sentence)
            action.triggered.connect(lambda _=False, s=sentence: self.insert_sentence(s))
        many = len(offered) > 1
        self.insert_generated.setMenu(self.generated_menu if many else None)
        self.insert_generated.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup if many
                                           else QtWidgets.QToolButton.ToolButtonPopupMode.DelayedPopup)

    def set_findings(self, findings: list) -> None:
        mark(self.edit, findings)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.edit.setReadOnly(read_only)
        self.refresh()

    # ------------------------------------------------------------------ events
    def _on_text_changed(self) -> None:
        self._update_count()
        if not self._updating and not self._read_only:
            self.session.set_text(self.field.id, self.edit.toPlainText())

    def _on_generated_clicked(self) -> None:
        offered = self.generated()
        if len(offered) == 1:
            self.insert_sentence(offered[0])

    def _update_count(self) -> None:
        self.count.setText(f"{count_chars(self.edit.toPlainText())} 字")
