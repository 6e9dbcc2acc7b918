"""Load an official format definition (resources/forms/*.toml) into frozen dataclasses.

Every label, row, column, span and total of a format lives in its definition file; the
wizard, the checker and the PDF read them from here and never repeat a label in code. What a
row, column or field means to the program is its *role* (``table.row_with_role("received")``),
so code asks for a meaning and works for both formats without naming an id.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from report import resources

FORM_IDS = ("2021", "2019")
_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (sub-heading numbers （一）…)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, unit = divmod(n, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[unit] if unit else "")


def _roles(value) -> tuple[str, ...]:
    """A definition's ``role``: one name or a list of names."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class TextField:
    id: str
    label: str
    guidance: str = ""
    printed: bool = True  # False: printed as a paragraph without its own sub-heading
    numbered: bool = True  # True: printed as （一）label
    generated: str | None = None  # the sentence generator printed when the text is left empty
    offered: str | None = None  # a sentence generator offered to the clerk, never printed by itself
    role: str | None = None
    required: bool = False  # a report cannot leave it empty or write only “无”
    government_must_mention: tuple[str, ...] = ()  # topics a people's government must name here
    number: str = ""  # the printed sub-heading number 「（一）」, set by the loader; "" when unnumbered

    @property
    def subheading(self) -> str:
        """The printed sub-heading 「（一）主动公开」, or "" for a field printed without one."""
        return f"{self.number}{self.label}" if self.number else ""


@dataclass(frozen=True)
class Part:
    id: str
    number: str
    heading: str
    fields: tuple[TextField, ...] = ()
    table: str | None = None
    short: str = ""
    none_when_empty: bool = False  # an item left empty prints as “无。”

    @property
    def title(self) -> str:
        return f"{self.number}、{self.heading}"

    @property
    def step_title(self) -> str:
        """The part as a list of steps names it: 「二、主动公开」."""
        return f"{self.number}、{self.short or self.heading}"


@dataclass(frozen=True)
class Column:
    id: str
    label: tuple[str, ...]
    group: str | None = None
    type: str = "count"  # count | money | signed
    unit: str = ""
    sum_of: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    id: str
    label: tuple[str, ...]
    sum_of: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The row as a message names it: 「三、（七）总计」 for a nested row."""
        if len(self.label) <= 1:
            return "".join(self.label)
        top = self.label[0]
        prefix = top[: top.index("、") + 1] if "、" in top else top
        return prefix + "".join(self.label[1:])


@dataclass(frozen=True)
class Block:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str = ""
    stub: str = ""

    @property
    def header_depth(self) -> int:
        return max(len(c.label) for c in self.columns)

    @property
    def label_depth(self) -> int:
        return max((len(r.label) for r in self.rows), default=0)


@dataclass(frozen=True)
class Cell:
    """One number cell of a table: its place in the file (``key``) and its definition."""

    table: str
    key: tuple[str, str]
    row: Row
    column: Column
    block: Block

    @property
    def computed(self) -> bool:
        return bool(self.row.sum_of or self.column.sum_of)


@dataclass(frozen=True, eq=False)
class Table:
    id: str
    title: str
    blocks: tuple[Block, ...]
    slash_allowed: bool = False
    groups: dict[str, str] = field(default_factory=dict)
    _index: dict = field(init=False, repr=False, default_factory=dict)
    _roles: dict = field(init=False, repr=False, default_factory=dict)  # ("row" | "column", role) → list

    def __post_init__(self) -> None:
        self._index.update({c.key: c for c in self.cells()})
        for b in self.blocks:
            for kind, items in (("row", b.rows), ("column", b.columns)):
                for item in items:
                    for role in item.roles:
                        self._roles.setdefault((kind, role), []).append(item)

    def cells(self) -> Iterator[Cell]:
        for block in self.blocks:
            for row in block.rows:
                for col in block.columns:
                    key = (col.group, col.id) if col.group else (row.id, col.id)
                    yield Cell(self.id, key, row, col, block)

    def cell(self, a: str, b: str) -> Cell:
        return self._index[(a, b)]

    def cell_name(self, a: str, b: str) -> str:
        """The cell in official words, e.g. 「三、（七）总计·自然人」."""
        c = self.cell(a, b)
        row = c.row.name
        col = "·".join(c.column.label[1:] if len(c.column.label) > 1 and c.column.label[0] == "申请人情况"
                       else c.column.label)
        return f"{row}·{col}" if row else col

    def row_ids(self) -> list[str]:
        return [r.id for b in self.blocks for r in b.rows]

    def column_ids(self) -> list[str]:
        return [c.id for b in self.blocks for c in b.columns]

    def rows_with_role(self, role: str) -> list[Row]:
        return list(self._roles.get(("row", role), ()))

    def row_with_role(self, role: str) -> Row | None:
        """The row that plays ``role``, or None when this format has none."""
        return next(iter(self.rows_with_role(role)), None)

    def columns_with_role(self, role: str) -> list[Column]:
        return list(self._roles.get(("column", role), ()))

    def column_with_role(self, role: str) -> Column | None:
        return next(iter(self.columns_with_role(role)), None)

    def parts_of(self, row: Row) -> dict[str, list[str]]:
        """The rows ``row`` sums, grouped under their sub-heading: {「（三）不予公开」: ["3.3.1", …]}."""
        groups: dict[str, list[str]] = {}
        for r in (self.row(i) for i in row.sum_of):
            groups.setdefault(r.label[len(row.label) - 1], []).append(r.id)
        return groups

    def row(self, row_id: str) -> Row:
        return next(r for b in self.blocks for r in b.rows if r.id == row_id)

    def block_of(self, row: Row) -> Block:
        return next(b for b in self.blocks if row in b.rows)

    def rows_split_in(self, other: Table) -> dict[str, tuple[str, ...]]:
        """Rows of this table that ``other`` splits into several: {row id: the other's row ids}.

        A row is split when it is missing from ``other`` and its label heads other rows' labels
        (2019's 「（六）其他处理」 is 2021's 「（六）其他处理」 1–3), so two formats compare row by row.
        """
        theirs = {r.id: r.label for b in other.blocks for r in b.rows}
        out = {}
        for b in self.blocks:
            for r in b.rows:
                if r.id in theirs or not r.label:
                    continue
                parts = tuple(i for i, label in theirs.items() if len(label) > len(r.label)
                              and label[:len(r.label)] == r.label)
                if parts:
                    out[r.id] = parts
        return out


@dataclass(frozen=True, eq=False)
class Form:
    id: str
    name: str
    document: str
    first_year: int
    last_year: int
    intro: TextField
    parts: tuple[Part, ...]
    tables: dict[str, Table]
    fees: tuple[tuple[str, str, str, str], ...]  # (id, label, type, unit)
    fees_label: str = ""

    def text_fields(self) -> list[TextField]:
        """Every narrative field in report order, the opening first."""
        return [self.intro] + [f for p in self.parts for f in p.fields]

    def text_field(self, field_id: str) -> TextField:
        for f in self.text_fields():
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def field_with_role(self, role: str) -> TextField | None:
        return next((f for f in self.text_fields() if f.role == role), None)

    def required_fields(self) -> list[TextField]:
        return [f for f in self.text_fields() if f.required]


def _field(d: dict, number: str = "") -> TextField:
    return TextField(d["id"], d["label"], d.get("guidance", ""), d.get("printed", True),
                     d.get("numbered", True), d.get("generated"), d.get("offered"), d.get("role"),
                     d.get("required", False), tuple(d.get("government_must_mention", ())), number)


def _part_fields(defs: list[dict]) -> tuple[TextField, ...]:
    """A part's fields, numbered （一）（二）… in order among those printed with a sub-heading."""
    out, n = [], 0
    for d in defs:
        numbered = d.get("printed", True) and d.get("numbered", True)
        if numbered:
            n += 1
        out.append(_field(d, f"（{chinese_number(n)}）" if numbered else ""))
    return tuple(out)


def _table(tid: str, d: dict) -> Table:
    blocks = []
    for b in d["blocks"]:
        cols = tuple(Column(c["id"], tuple(c["label"]), c.get("group"), c.get("type", "count"),
                            c.get("unit", ""), tuple(c.get("sum_of", ())), _roles(c.get("role")))
                     for c in b["columns"])
        rows = tuple(Row(r["id"], tuple(r["label"]), tuple(r.get("sum_of", ())), _roles(r.get("role")))
                     for r in b["rows"])
        blocks.append(Block(cols, rows, b.get("caption", ""), b.get("stub", "")))
    return Table(tid, d["title"], tuple(blocks), d.get("slash_allowed", False), dict(d.get("groups", {})))


@cache
def load_form(form_id: str) -> Form:
    if form_id not in FORM_IDS:
        raise KeyError(f"未知的报告格式：{form_id}")
    with open(resources.path("forms", f"{form_id}.toml"), "rb") as fh:
        d = tomllib.load(fh)
    parts = tuple(Part(p["id"], p["number"], p["heading"], _part_fields(p.get("fields", [])),
                       p.get("table"), p.get("short", ""), p.get("none_when_empty", False)) for p in d["parts"])
    fees = d.get("fees", {})
    return Form(d["id"], d["name"], d["document"], d["first_year"], d["last_year"], _field(d["intro"]),
                parts, {k: _table(k, v) for k, v in d["tables"].items()},
                tuple((f["id"], f["label"], f["type"], f.get("unit", "")) for f in fees.get("fields", ())),
                fees.get("label", ""))


@cache
def common() -> dict:
    """Labels every format shares: agency profile, severities, statuses, chart."""
    with open(resources.path("forms", "common.toml"), "rb") as fh:
        return tomllib.load(fh)


def form_for_year(year: int) -> str:
    """The format a report year must follow (2019 format for 2019–2020, 2021 format after)."""
    for fid in FORM_IDS:
        if load_form(fid).covers(year):
            return fid
    raise ValueError(f"{year}年不在任何报告格式的适用年度内（2019年起）")
