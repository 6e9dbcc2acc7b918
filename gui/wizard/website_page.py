"""Items published on the agency's website by category: this year, with earlier years beside it.

These figures feed the year-over-year chart. An earlier year that has its own report in the
program shows that report's figures (read-only here: change them in that year's report); a
year before the program was used can be typed in. Blank is not 0: a blank cell is left out.
"""

from __future__ import annotations

from gui.qt import Qt, QtGui, QtWidgets
from gui.tables.moves import CountTable
from gui.wizard.findings_panel import mark
from gui.wizard.page import WizardPage
from gui.wizard.parsing import InputError, parse_count
from report.document import format_value
from report.findings import Ref
from report.forms import common

EARLIEST_YEAR = 2008  # the 条例 took effect in 2008: no report counts exist before
MAX_CATEGORY_CHARS = 50


class WebsitePage(WizardPage):
    def __init__(self, session, parent=None):
        website = common()["website"]
        super().__init__(session, website["heading"], parent, step_title=website["step"])
        intro = QtWidgets.QLabel(f"按类别填写本年度在政府网站公开的信息数量（单位：{website['unit']}），"
                                 "供报告中的历年对比图使用。空白表示未填写，没有的请填 0。", self)
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.year = session.report.year
        self._categories: list[str] = []
        self._years: list[int] = []  # earlier years, oldest first
        self._values: dict[tuple[int, str], int | None] = {}
        self._bad: dict[tuple[int, str], str] = {}
        self._read_only = False
        self._filling = False
        self._writing = False  # several writes of one action: refresh once, after the last

        self.table = CountTable(self)
        self.table.setAccessibleName(website["heading"])
        self.table.setMinimumHeight(200)
        self.table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        session.commitRequested.connect(self.table.itemDelegate().commit_open_editor)
        self.body.addWidget(self.table)
        self.message = QtWidgets.QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldError")
        self.body.addWidget(self.message)

        row = QtWidgets.QHBoxLayout()
        self.new_category = QtWidgets.QLineEdit(self)
        self.new_category.setAccessibleName("新类别名称")
        self.new_category.setPlaceholderText("新类别名称，如：通知公告")
        self.add_category = QtWidgets.QPushButton("添加类别", self)
        self.remove_category = QtWidgets.QPushButton("删除所选类别", self)
        self.add_year = QtWidgets.QPushButton("添加更早年度", self)
        for w in (self.new_category, self.add_category, self.remove_category, self.add_year):
            row.addWidget(w)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.new_category.returnPressed.connect(self._on_add_category)
        self.add_category.clicked.connect(self._on_add_category)
        self.remove_category.clicked.connect(self._on_remove_category)
        self.add_year.clicked.connect(self._on_add_year)
        self.refresh()

    # ------------------------------------------------------------------ data
    def _report_years(self) -> set[int]:
        """Earlier years that have their own report: their figures are edited in that report."""
        return {y for y in self.session.report_years() if y < self.year}

    def _wanted(self) -> tuple[list[str], list[int], dict[tuple[int, str], int | None]]:
        report = self.session.report
        history = self.session.history_counts()
        this = report.website_counts
        cats = list(self._categories)
        if not cats and this is None and not history:
            cats = list(common()["website"]["default_categories"])
        for counts in [this or {}] + [history[y] for y in sorted(history)]:
            cats += [c for c in counts if c not in cats]
        years = sorted(set(self._years) | {int(y) for y in history} | {self.year - 1})
        values = {(self.year, c): (this or {}).get(c) for c in cats}
        for y in years:
            values.update({(y, c): history.get(str(y), {}).get(c) for c in cats})
        return cats, years, values

    def counts_for(self, year: int) -> dict[str, int]:
        return {c: v for c in self._categories if (v := self._values.get((year, c))) is not None}

    # ------------------------------------------------------------------ display
    def refresh(self) -> None:
        if self._writing:
            return
        cats, years, values = self._wanted()
        if (cats, years) == (self._categories, self._years) and all(
                values[k] == self._values.get(k) for k in values if k not in self._bad):
            return
        self._categories, self._years, self._values = cats, years, values
        self._bad = {k: v for k, v in self._bad.items() if k[1] in cats}
        self._fill()

    def _fill(self) -> None:
        locked = self._report_years()
        columns = self._years + [self.year]
        self._filling = True
        try:
            self.table.clear()
            self.table.setColumnCount(len(columns))
            self.table.setRowCount(len(self._categories))
            self.table.setHorizontalHeaderLabels(
                [f"{y}年" + ("（本年）" if y == self.year else "") for y in columns])
            self.table.setVerticalHeaderLabels(self._categories)
            for r, cat in enumerate(self._categories):
                for c, y in enumerate(columns):
                    bad = self._bad.get((y, cat))
                    shown = bad if bad is not None else format_value(self._values.get((y, cat)))
                    item = QtWidgets.QTableWidgetItem(shown)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    editable = not self._read_only and (y == self.year or y not in locked)
                    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                    if y in locked:
                        item.setBackground(QtGui.QBrush(QtGui.QColor("#f0f0f0")))
                        item.setToolTip(f"{y}年已有年度报告，这里的数字取自该报告；如需修改，请打开{y}年的报告。")
                    if bad is not None:
                        item.setBackground(QtGui.QBrush(QtGui.QColor("#f9d6d5")))
                    self.table.setItem(r, c, item)
        finally:
            self._filling = False
        self.remove_category.setEnabled(not self._read_only and bool(self._categories))

    def _column_year(self, column: int) -> int:
        return (self._years + [self.year])[column]

    # ------------------------------------------------------------------ edits
    def _on_item_changed(self, item: QtWidgets.QTableWidgetItem) -> None:
        if self._filling:
            return
        year, cat = self._column_year(item.column()), self._categories[item.row()]
        try:
            value = parse_count(item.text())
        except InputError as e:
            self._bad[(year, cat)] = item.text()
            self.message.setText(f"{year}年·{cat}：{e}")
            self._filling = True
            item.setBackground(QtGui.QBrush(QtGui.QColor("#f9d6d5")))
            self._filling = False
            return
        self._bad.pop((year, cat), None)
        self.message.setText("")
        self._filling = True
        item.setBackground(QtGui.QBrush())
        self._filling = False
        self._values[(year, cat)] = value
        self._write(year)

    def _write(self, year: int) -> None:
        counts = self.counts_for(year)
        if year == self.year:
            self.session.set_website_counts(counts or None)
        else:
            self.session.set_history_counts(year, counts)

    def _on_add_category(self) -> None:
        name = self.new_category.text().strip()
        if not name:
            self.message.setText("请先在左边的框里填写新类别的名称，再点“添加类别”。")
        elif len(name) > MAX_CATEGORY_CHARS:
            self.message.setText(f"类别名称最多 {MAX_CATEGORY_CHARS} 个字，请写得短一些。")
        elif name in self._categories:
            self.message.setText(f"已经有“{name}”这一类别了。")
        else:
            self.message.setText("")
            self._categories.append(name)
            self.new_category.clear()
            self._fill()
            self.table.setCurrentCell(len(self._categories) - 1, len(self._years))

    def _on_remove_category(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.message.setText("请先在表格中点选要删除的类别所在的行。")
            return
        cat = self._categories[row]
        locked = self._report_years()
        kept = [y for y in self._years if y in locked and self._values.get((y, cat)) is not None]
        self._categories.remove(cat)
        self._bad = {k: v for k, v in self._bad.items() if k[1] != cat}
        self._writing = True
        try:
            for y in [self.year] + [y for y in self._years if y not in locked]:
                if self._values.pop((y, cat), None) is not None:
                    self._write(y)
        finally:
            self._writing = False
        self.message.setText(
            f"“{cat}”的数字仍保留在{'、'.join(f'{y}年' for y in kept)}的报告中。" if kept else "")
        self._fill()

    def _on_add_year(self) -> None:
        earliest = min(self._years + [self.year])
        if earliest - 1 < EARLIEST_YEAR:
            self.message.setText(f"{EARLIEST_YEAR}年以前没有政府信息公开年度报告。")
            return
        self._years.insert(0, earliest - 1)
        self._fill()

    # ------------------------------------------------------------------ page hooks
    def owns(self, ref: str) -> bool:
        return Ref(ref).area in ("website_counts", "website_counts_history")

    def focus_ref(self, ref: str) -> None:
        key = Ref(ref).key
        row = self._categories.index(key[0]) if key and key[0] in self._categories else 0
        self.table.setFocus()
        if self._categories:
            self.table.setCurrentCell(row, len(self._years))

    def set_findings(self, findings: list) -> None:
        mark(self.table, findings)

    def is_filled(self) -> bool:
        return bool(self.session.report.website_counts)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (self.new_category, self.add_category, self.remove_category, self.add_year):
            w.setEnabled(not read_only)
        self._fill()

    def help_text(self) -> str:
        return (f"{self.title()}：按类别填写本年度在政府网站公开的信息条数，程序据此画出历年对比图。"
                "已有年度报告的年份，数字取自那一年的报告；更早的年份可以直接在这里补填。"
                "可以添加或删除类别。")
