"""What every wizard page shares: a scrolling body, and the hooks the wizard drives.

The wizard asks each page which finding refs it owns, hands it its findings, asks whether the
clerk has filled anything (for the side panel), focuses a ref, and switches it to read-only.
Pages never validate: a warning or an empty field must not block Next, and Back loses nothing.
"""

from __future__ import annotations

from gui.qt import Qt, QtWidgets


class WizardPage(QtWidgets.QWizardPage):
    def __init__(self, session, title: str, parent=None, scrolling: bool = True, step_title: str = ""):
        super().__init__(parent)
        self.session = session
        self.setTitle(title)
        self.step_title = step_title or title  # the shorter name in the side panel
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = None
        if not scrolling:  # a page whose one widget scrolls by itself (a table)
            self.body = outer
            return
        scroll = QtWidgets.QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the first input
        inner = QtWidgets.QWidget(scroll)
        self.body = QtWidgets.QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.scroll = scroll

    # ------------------------------------------------------------------ hooks
    def owns(self, ref: str) -> bool:
        """True if a finding ref such as "t3/3.7/natural" or "texts/problems" is on this page."""
        return False

    def focus_ref(self, ref: str) -> None:
        """Put the keyboard focus on the cell or field the ref names."""

    def select_phrase(self, ref: str, phrase: str) -> None:
        """Select and show ``phrase`` in the text field ``ref`` names (a text finding's quote)."""

    def set_findings(self, findings: list) -> None:
        """The findings whose refs this page owns (already filtered)."""

    def is_filled(self) -> bool:
        """Whether the clerk has entered anything on this page (未填 / 已填)."""
        return False

    def set_read_only(self, read_only: bool) -> None:
        """A final report: every input shows its value but cannot be changed."""

    def refresh(self) -> None:
        """Show the report's current values (after an undo or an edit made elsewhere)."""

    def help_text(self) -> str:
        """The guidance shown by F1 on this page."""
        return ""

    def has_state(self) -> bool:
        """Whether the side panel shows 未填 / 已填 for this page (not for 检查与导出)."""
        return True

    # ------------------------------------------------------------------ helpers
    def ensure_visible(self, widget: QtWidgets.QWidget) -> None:
        if self.scroll is not None:
            self.scroll.ensureWidgetVisible(widget)

    def show_selection(self, editor, phrase: str) -> None:
        """Select ``phrase`` in a TextFieldEditor and scroll the page so that it is in sight."""
        if not editor.select_phrase(phrase) or self.scroll is None:
            return
        edit = editor.edit
        rect = edit.cursorRect()
        spot = edit.viewport().mapTo(self.scroll.widget(), rect.center())
        self.scroll.ensureVisible(spot.x(), spot.y(), 0, rect.height() * 2)
