"""The report document: one agency's report for one year, and its file (nianbao.report/1 JSON).

Blank (None), 0 and “/” stay distinct; money is ``decimal.Decimal`` in memory and a string in
the file; loading never rewrites a stored figure — totals are computed only when asked.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from report import dates, files, intake
from report.forms import Cell, Form, Table, form_for_year, load_form
from report.schema import validate

SCHEMA_ID = "nianbao.report/1"
SLASH = "/"
MAX_FILE_BYTES = 50 * 1024 * 1024
Value = int | Decimal | str | None


class ReportFileError(Exception):
    """A report file that cannot be read; ``str()`` is a Chinese message for the clerk."""


@dataclass
class Agency:
    name: str = ""
    self_name: str = ""
    office: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    website_name: str = ""
    website_url: str = ""
    kind: str = "department"

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> "Agency":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


@dataclass
class Report:
    form: str
    year: int
    agency: Agency = field(default_factory=Agency)
    issued_on: dt.date | None = None
    texts: dict[str, str] = field(default_factory=dict)
    t2: dict[str, dict[str, Value]] = field(default_factory=dict)
    t3: dict[str, dict[str, Value]] = field(default_factory=dict)
    t4: dict[str, dict[str, Value]] = field(default_factory=dict)
    fees: dict[str, Value] | None = None
    website_counts: dict[str, int] | None = None
    website_counts_history: dict[str, dict[str, int]] | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def blank(cls, year: int, agency: Agency | None = None, form: str | None = None) -> "Report":
        """A new report with every cell blank, in the format the year requires."""
        form = form or form_for_year(year)
        r = cls(form=form, year=year, agency=copy.deepcopy(agency) if agency else Agency())
        for table in r.definition.tables.values():
            for cell in table.cells():
                r.table(table.id).setdefault(cell.key[0], {})[cell.key[1]] = None
        if r.definition.fees:
            r.fees = {fid: None for fid, *_ in r.definition.fees}
        return r

    @property
    def definition(self) -> Form:
        return load_form(self.form)

    def copy(self) -> "Report":
        return copy.deepcopy(self)

    # ------------------------------------------------------------------ cells
    def table(self, table_id: str) -> dict[str, dict[str, Value]]:
        return {"t2": self.t2, "t3": self.t3, "t4": self.t4}[table_id]

    def get(self, table_id: str, a: str, b: str) -> Value:
        return self.table(table_id).get(a, {}).get(b)

    def set(self, table_id: str, a: str, b: str, value: Value) -> None:
        self.table(table_id).setdefault(a, {})[b] = value

    def text(self, field_id: str) -> str:
        return self.texts.get(field_id, "")

    def compute_totals(self) -> list[tuple[str, str, str]]:
        """Recompute every total cell from its parts; returns the cells whose value changed.

        A total of parts that are all blank stays blank; blank parts otherwise count as 0
        here because the clerk sees the running total while typing (the checker still
        reports the blanks).
        """
        changed = []
        for table in self.definition.tables.values():
            for c in _computed_cells(table):
                a, b = c.key
                if c.column.sum_of:
                    parts = [self.get(table.id, a, x) for x in c.column.sum_of]
                else:
                    parts = [self.get(table.id, x, b) for x in c.row.sum_of]
                nums = [p for p in parts if isinstance(p, int)]
                new = sum(nums) if nums else None
                if self.get(table.id, a, b) != new:
                    self.set(table.id, a, b, new)
                    changed.append((table.id, a, b))
        return changed

    # ------------------------------------------------------------------ file
    def to_dict(self) -> dict[str, Any]:
        """The report as its file holds it: every cell of the form, money as strings; no control
        character a paste brought in, so that whatever is saved or exported can be read back."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "form": self.form,
            "year": self.year,
            "agency": {k: intake.printable(v, name=True) for k, v in self.agency.to_dict().items()},
            "issued_on": dates.iso_date(self.issued_on) if self.issued_on else None,
            "texts": {k: intake.printable(v) for k, v in self.texts.items()},
        }
        for table in self.definition.tables.values():
            data: dict[str, dict[str, Any]] = {}
            for cell in table.cells():
                data.setdefault(cell.key[0], {})[cell.key[1]] = _encode(self.get(table.id, *cell.key))
            out[table.id] = data
        if self.fees is not None:
            out["fees"] = {k: _encode(v) for k, v in self.fees.items()}
        if self.website_counts is not None:
            out["website_counts"] = dict(self.website_counts)
        if self.website_counts_history is not None:
            out["website_counts_history"] = {y: dict(c) for y, c in sorted(self.website_counts_history.items())}
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_dict(cls, data: Any, strict: bool = True) -> "Report":
        """Build a report from parsed JSON, validating it first (ReportFileError if invalid);
        ``strict=False`` for the program's own records (see intake.take_in)."""
        data, problems = intake.take_in(data, strict)
        if problems:
            raise ReportFileError(intake.summary(problems))
        validate(data)
        form, year = data["form"], data["year"]
        if not load_form(form).covers(int(year)):
            raise ReportFileError(
                f"$.form：{year}年的报告应使用{load_form(form_for_year(int(year))).name}"
                f"（{load_form(form_for_year(int(year))).document}），文件中写的是{load_form(form).name}。")
        issued = data.get("issued_on")
        try:
            issued_on = dates.parse_iso_date(issued) if issued else None
        except ValueError:
            raise ReportFileError(f"$.issued_on：“{issued}”不是有效日期，请写成 YYYY-MM-DD，如 2023-01-16。") from None
        if issued_on and not dates.plausible(issued_on):
            raise ReportFileError(f"$.issued_on：“{issued}”{dates.PLAUSIBLE_HINT}")
        r = cls.blank(int(year), Agency.from_dict(data["agency"]), form)
        r.issued_on = issued_on
        r.texts = dict(data.get("texts") or {})
        table_defs = r.definition.tables
        for tid, table in table_defs.items():
            for a, cols in (data.get(tid) or {}).items():
                for b, v in cols.items():
                    r.set(tid, a, b, _decode(v, table.cell(a, b).column.type))
        if r.definition.fees:
            for k, v in (data.get("fees") or {}).items():
                r.fees[k] = _decode(v, dict((f[0], f[2]) for f in r.definition.fees)[k])
        if "website_counts" in data:  # 3.0 is a whole number to the schema: kept as the int 3
            r.website_counts = {k: int(n) for k, n in data["website_counts"].items()}
        if "website_counts_history" in data:
            r.website_counts_history = {y: {k: int(n) for k, n in c.items()}
                                        for y, c in data["website_counts_history"].items()}
        return r

    @classmethod
    def loads(cls, text: str | bytes) -> "Report":
        if isinstance(text, bytes):
            if len(text) > MAX_FILE_BYTES:
                raise ReportFileError(f"文件过大（{len(text) // (1024 * 1024)} MB），报告文件不应超过 50 MB。")
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ReportFileError(
                    "文件不是 UTF-8 编码的文本，请用本程序或其他工具重新导出为 UTF-8 的 JSON 文件。") from None
        if intake.too_many_items(text):
            raise ReportFileError(intake.summary([intake.TOO_MANY]))
        try:
            data = json.loads(text, parse_float=intake.parse_float, parse_int=intake.parse_int,
                              parse_constant=intake.BadNumber)
        except json.JSONDecodeError as e:
            raise ReportFileError(
                f"不是有效的 JSON 文件（第 {e.lineno} 行第 {e.colno} 列）：文件可能不完整或已损坏。") from None
        except RecursionError:
            raise ReportFileError("不是有效的报告文件：嵌套层数过多。") from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> "Report":
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ReportFileError(f"文件过大（{size // (1024 * 1024)} MB），报告文件不应超过 50 MB。")
            raw = p.read_bytes()
        except OSError as e:
            raise ReportFileError(files.unreadable(p, e)) from None
        return cls.loads(raw)


@cache
def _computed_cells(table: Table) -> list[Cell]:
    """A table's total cells, row sums (3.7) before column sums (总计) so that 3.7·总计 agrees
    with both; computed once per table because the window recomputes totals at every keystroke."""
    return sorted((c for c in table.cells() if c.computed), key=lambda c: bool(c.column.sum_of))


def count_chars(text: str) -> int:
    """Characters as the clerk (and a notice's 字数 limit) counts them: line breaks and spaces do not count."""
    return sum(1 for ch in text if not ch.isspace())


def format_value(v: Value) -> str:
    """A stored value as people read it: blank stays empty, “/” is “/”, money keeps its written
    digits and never shows in exponent form (Decimal("1E+2") → "100")."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def _encode(v: Value) -> Any:
    """Money as the file writes it: plain digits, never exponent form (str(Decimal("1E-7")) is “1E-7”)."""
    return format(v, "f") if isinstance(v, Decimal) else v


def _decode(v: Any, kind: str) -> Value:
    if v is None or v == SLASH:
        return v
    if kind == "money":
        try:
            amount = Decimal(v)
        except InvalidOperation:  # the schema's pattern makes this unreachable for valid files
            raise ReportFileError(f"“{v}”不是有效的金额。") from None
        return amount.copy_abs() if amount.is_zero() else amount  # "-0" is 0, never printed as -0.00
    if isinstance(v, Decimal):  # 3.0 written for 3: parse_float gives Decimal; integral by the schema
        return int(v)
    return int(v)
