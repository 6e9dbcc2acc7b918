"""What every rule reads: the report, last year's report, and the official names of cells and fields.

Names are computed once per format (``_Names``) so that a full check stays within a few
milliseconds: the window runs the checker after every keystroke.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from report import sentences
from report.document import Report, Value
from report.findings import Ref
from report.forms import Form, load_form

CN_NUMERALS = "一二三四五六七八九十"


ref = Ref.cell  # the short name the rules use for a cell's ref: ``t3/3.7/natural``


def show(v: Value) -> str:
    """A value as the message prints it; a blank is named, never shown as 0."""
    if v is None:
        return "空"
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, str):
        return f"“{v}”"
    return str(v)


def integer(v: Value) -> int | None:
    """The value as a count, or None when it is blank, “/” or not a whole number."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    return None


def count_problem(v: Value, signed: bool = False) -> str | None:
    """Why a count cell is not a whole number ≥ 0 (or any whole number when ``signed``); None if fine."""
    if v is None or v == "/":
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        return "应填整数"
    if v < 0 and not signed:
        return "件数不能为负数"
    return None


class _Names:
    """Official names of one format's cells and text fields, built once."""

    def __init__(self, form: Form):
        self.table_cells = {t.id: tuple((*c.key, c) for c in t.cells()) for t in form.tables.values()}
        self.cells = {ref(t, a, b): form.tables[t].cell_name(a, b) for t, cells in self.table_cells.items()
                      for a, b, _ in cells}
        self.fields = {form.intro.id: form.intro.label}
        for part in form.parts:
            for f in part.fields:
                if f.subheading:
                    self.fields[f.id] = f"{part.number}{f.subheading}"
                elif f.label == part.heading:
                    self.fields[f.id] = part.title
                else:
                    self.fields[f.id] = f"{part.title}·{f.label}"
        self.field_ids = tuple(f.id for f in form.text_fields())
        self.fees = {fid: f"{form.fees_label}·{label}" for fid, label, *_ in form.fees}


@cache
def names(form_id: str) -> _Names:
    return _Names(load_form(form_id))


class Context:
    """One check run: ``report``, optional ``previous`` (last year's report) and cached lookups."""

    def __init__(self, report: Report, previous: Report | None = None):
        self.report = report
        self.previous = previous
        self.form = report.definition
        self.names = names(report.form)
        self._texts: dict[str, str] = {}
        self.memo: dict = {}  # derived values rules share within one run (e.g. a text split into clauses)

    # ------------------------------------------------------------------ cells
    def has(self, table: str, a: str, b: str) -> bool:
        return ref(table, a, b) in self.names.cells

    def value(self, table: str, a: str, b: str) -> Value:
        return self.report.get(table, a, b)

    def name(self, table: str, a: str, b: str) -> str:
        return self.names.cells[ref(table, a, b)]

    def cells(self, table: str):
        """Every cell of a table of this format, as (a, b, definition)."""
        return self.names.table_cells[table]

    def row(self, table: str, role: str) -> str | None:
        """The id of the row playing ``role`` in ``table``; None when this format has none."""
        row = self.form.tables[table].row_with_role(role)
        return row.id if row else None

    def charges_cell(self) -> tuple[str, str] | None:
        """(row, column) of table 2's amount of 行政事业性收费 (万元); None where the format counts none."""
        table = self.form.tables["t2"]
        row = table.row_with_role("charges")
        money = [c for c in table.block_of(row).columns if c.type == "money"] if row else []
        return (row.id, money[0].id) if money else None

    def group_total(self, table: str, group: str | None = None) -> str:
        """The id of the 总计 column of ``table`` (of its column ``group`` in table 4)."""
        return next(c.id for c in self.form.tables[table].columns_with_role("total") if c.group == group)

    # ------------------------------------------------------------------ texts
    def text(self, field_id: str) -> str:
        """The text as it will be printed: the clerk's, or the generated one for an empty generated field."""
        if field_id not in self._texts:
            self._texts[field_id] = sentences.effective_text(self.report, field_id)
        return self._texts[field_id]

    def texts(self):
        """(field id, printed text) for every narrative field of the format, in report order."""
        for fid in self.names.field_ids:
            yield fid, self.text(fid)

    def field_name(self, field_id: str) -> str:
        return self.names.fields[field_id]

    @property
    def government(self) -> bool:
        return self.report.agency.kind == "government"
