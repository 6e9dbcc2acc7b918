"""Reading tables 2, 3 and 4 out of grids by their labels, never by position.

A row is found by its label (the item label cell, its group merged beside it); a column by its
header cells stacked above it, down to the data. Whatever the layout — labels merged or split
into other columns, a table broken over a page with its header repeated, blocks of table 2 in
one grid or several — a value is taken only where both its row and its column are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from report.document import Value
from report.forms import Block, Column, Form, Row, Table
from report.readers.labels import key, same, variants
from report.readers.source import Grid, GridCell
from report.values import CellSpec, CellValueError, parse_cell

MIN_SCORE = 3  # labels a grid must show to be taken as one of the tables


@dataclass
class CellRead:
    """One table cell as the source printed it."""

    text: str
    value: Value = None
    problem: str = ""  # why the printed text is not a value; the cell is then left blank


@dataclass
class TableRead:
    cells: dict[tuple[str, str], CellRead] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def identify(grid: Grid, forms: list[Form], least: int = MIN_SCORE) -> str | None:
    """Which table a grid is (t2, t3, t4) by the labels it shows; None for any other table.
    A table's part on the next page may show few labels: the caller asks with a lower ``least``."""
    texts = {c.text for c in grid.cells if c.text.strip()}
    best, best_score = None, 0
    for tid in ("t2", "t3", "t4"):
        labels = set(variants()["table_words"].get(tid, ()))
        for form in forms:
            labels |= _labels(form.tables[tid])
        score = sum(1 for t in texts if any(same(t, label) or key(label) in key(t) for label in labels
                                            if len(key(label)) >= 4 or same(t, label)))
        if score > best_score:
            best, best_score = tid, score
    return best if best_score >= least else None


def form_signals(grids: list[Grid], forms: list[Form]) -> dict[str, int]:
    """For each format, how many table 2 labels only that format has appear in ``grids``."""
    own = {f.id: {key(x) for x in _labels(f.tables["t2"])} for f in forms}
    texts = {key(c.text) for g in grids for c in g.cells if c.text.strip()}
    return {fid: len(keys - set().union(*(v for k, v in own.items() if k != fid)) & texts)
            for fid, keys in own.items()}


def _labels(table: Table) -> set[str]:
    out = set()
    for b in table.blocks:
        out.update(x for c in b.columns for x in c.label)
        out.update(x for r in b.rows for x in r.label)
        out.update(x for x in (b.caption, b.stub) if x)
    return out


def read_table(grids: list[Grid], table: Table) -> TableRead:
    result = TableRead()
    stack: list[list[str]] = []
    after_data = False
    parts: list[tuple[list[list[GridCell | None]], int, dict[int, int]]] = []  # rows, width, columns carried
    for i, grid in enumerate(grids):
        m = grid.matrix()
        width = len(m[0]) if m else 0
        columns: dict[int, int] = {}
        if i:
            before, before_width = parts[-1][0], parts[-1][1]
            columns = _align(grids[i - 1], grid, before_width, width)
            if m and before and _continues(m[0], table):
                _join(before[-1], m.pop(0), columns)
        parts.append((m, width, columns))
    for m, width, columns in parts:
        stack = [list(stack[columns[c]]) if c in columns and columns[c] < len(stack) else [] for c in range(width)]
        for line in m:
            cells = _distinct(line)
            header = _is_header(cells, table)
            row = None if header else _row_for(cells, table)
            if header:
                if after_data:
                    stack, after_data = [[] for _ in range(width)], False
                if any(cell is None for cell in line):  # a header row short of cells: merges lost in a copy
                    stack = [["?"] for _ in range(width)]
                    continue
                for c, cell in enumerate(line):
                    if cell is not None and cell.text.strip() and (not stack[c] or stack[c][-1] != cell.text):
                        stack[c].append(cell.text)
                continue
            if row is None and _unlabelled(table) and any(_figure(c.text) for c in cells):
                row = table.blocks[0].rows[0]
            if row is None:
                if any(_figure(c.text) for c in cells) and not _captions(cells, table):
                    result.notes.append(f"{_name(table)}中有一行无法对应到表中的项目，未读取：「{_show(cells)}」。")
                else:
                    stack, after_data = [[] for _ in range(width)], False
                continue
            after_data = True
            _read_row(line, row, table, stack, result)
    return result


def _align(before: Grid, after: Grid, width_before: int, width_after: int) -> dict[int, int]:
    """Each column of a table's part on the next page → the same column on the page before:
    by position when the PDF gives it (a split table's columns may not snap alike), else one
    for one when both parts have as many columns."""
    if before.edges and after.edges:
        out = {}
        for c in range(min(width_after, len(after.edges) - 1)):
            mid = (after.edges[c] + after.edges[c + 1]) / 2
            for k in range(min(width_before, len(before.edges) - 1)):
                if before.edges[k] <= mid < before.edges[k + 1]:
                    out[c] = k
        return out
    return {c: c for c in range(width_after)} if width_before == width_after else {}


def _continues(line: list[GridCell | None], table: Table) -> bool:
    """The first row of a table's next part holds the rest of a row broken by the page: text
    only, no figures, no header."""
    cells = _distinct(line)
    return (any(c.text.strip() for c in cells) and not any(_figure(c.text) for c in cells)
            and not _is_header(cells, table) and _row_for(cells, table) is None and not _captions(cells, table))


def _join(last: list[GridCell | None], first: list[GridCell | None], columns: dict[int, int]) -> None:
    done: set[int] = set()
    for c, cell in enumerate(first):
        k = columns.get(c)
        if cell is None or not cell.text.strip() or k is None or last[k] is None or id(cell) in done:
            continue
        done.add(id(cell))
        last[k].text += cell.text


def _read_row(line: list[GridCell | None], row: Row, table: Table, stack: list[list[str]], result: TableRead) -> None:
    block = next(b for b in table.blocks if row in b.rows)
    labels = {id(c) for c in line if c is not None and any(same(c.text, x) for x in row.label)}
    under = {col: [c for c in range(len(line)) if line[c] is not None and id(line[c]) not in labels
                   and _column_for(stack[c], block) is col] for col in block.columns}
    found = {col: _distinct([line[c] for c in under[col]]) for col in block.columns}
    if any(len(cells) > 1 for cells in found.values()):
        found = _in_order(line, labels, block, under) or found
    elif not any(under.values()):
        found = _official_order(line, labels, block, table, result) or found
    for col in block.columns:
        cells = found[col]
        k = (col.group, col.id) if col.group else (row.id, col.id)
        name = table.cell_name(*k)
        if not cells:
            continue
        if len(cells) > 1:
            result.notes.append(f"{_name(table)}「{name}」在原文中有 {len(cells)} 个单元格，无法确定取哪一个，未读取。")
            continue
        text = cells[0].text
        if k in result.cells:
            if result.cells[k].text != text:
                result.notes.append(f"{_name(table)}「{name}」在原文中出现两次（{result.cells[k].text} 与 {text}），"
                                    "已取第一次的数字，请核对。")
            continue
        spec = CellSpec(col.type, col.unit, table.slash_allowed)
        try:
            result.cells[k] = CellRead(text, parse_cell(text.replace("\n", ""), spec))
        except CellValueError as e:
            result.cells[k] = CellRead(text, None, str(e))


def _in_order(line, labels: set[int], block: Block,
              under: dict[Column, list[int]]) -> dict[Column, list[GridCell]] | None:
    """Value cells merged differently from the header cells above them (「0」 over two columns
    whose headers are 上一年项目数量 and half of 本年增/减): when the row has as many value cells
    as the block has columns, each overlapping the columns of its own header, they pair in order."""
    values = _distinct([c for c in line if c is not None and id(c) not in labels])
    columns = sorted((col for col in block.columns if under[col]), key=lambda col: min(under[col]))
    if len(values) != len(block.columns) or len(columns) != len(values):
        return None
    pairs = list(zip(columns, sorted(values, key=lambda c: c.col), strict=True))
    if not all(set(range(v.col, v.col + v.colspan)) & set(under[col]) for col, v in pairs):
        return None
    return {col: [v] for col, v in pairs}


def _official_order(line, labels: set[int], block: Block, table: Table,
                    result: TableRead) -> dict[Column, list[GridCell]] | None:
    """A table whose header cannot be lined up with its columns (copied as plain text, merges
    lost): a row with exactly one value per column is read in the official column order, and
    that is put on the review list."""
    last_label = max((c.col for c in line if c is not None and id(c) in labels), default=-1)
    values = _distinct([c for c in line if c is not None and c.col > last_label])
    if len(values) != len(block.columns) or not any(_figure(v.text) for v in values):
        return None
    note = f"{_name(table)}的表头无法与各列对应（原文可能是复制的纯文本），已按官方格式的列顺序读取，请逐格核对。"
    if note not in result.notes:
        result.notes.append(note)
    return {col: [v] for col, v in zip(block.columns, values, strict=True)}


def _column_for(stack: list[str], block: Block) -> Column | None:
    """The column whose label path the header cells above a grid column spell, if exactly one."""
    if not stack:
        return None
    found = [c for c in block.columns if same(stack[-1], c.label[-1])]
    if len(found) > 1:
        found = [c for c in found if all(any(same(s, x) for s in stack[:-1]) for x in c.label[:-1])]
    return found[0] if len(found) == 1 else None


def _row_for(cells: list[GridCell], table: Table) -> Row | None:
    """The row a line's label cells name: its item label in a cell of its own, or the whole
    label path run together in one cell (「三、本年度办理结果（三）不予公开1.属于国家秘密」)."""
    rows = [r for b in table.blocks for r in b.rows if r.label]
    found = [r for r in rows if any(same(c.text, r.label[-1]) for c in cells)]
    if len(found) > 1:
        found = [r for r in found if all(any(same(c.text, x) for c in cells) for x in r.label)]
    if not found:
        found = [r for r in rows if len(r.label) > 1 and any(key(c.text) == key("".join(r.label)) for c in cells)]
    return found[0] if len(found) == 1 else None


def _is_header(cells: list[GridCell], table: Table) -> bool:
    if any(_figure(c.text) for c in cells):
        return False
    labels = {x for b in table.blocks for c in b.columns for x in c.label}
    return any(same(c.text, x, loose=False) for c in cells for x in labels)


def _captions(cells: list[GridCell], table: Table) -> bool:
    marks = {x for b in table.blocks for x in (b.caption, b.stub) if x}
    return all(not c.text.strip() or any(same(c.text, x) for x in marks) for c in cells)


def _unlabelled(table: Table) -> bool:
    return len(table.blocks) == 1 and len(table.blocks[0].rows) == 1 and not table.blocks[0].rows[0].label


def _figure(text: str) -> bool:
    """Text a value cell holds: digits, or a dash / slash standing for nothing."""
    t = key(text)
    return (bool(t) and t.isdigit()) or text.strip() in ("/", "／", "—", "-", "－", "——", "–")


def _distinct(line: list[GridCell | None]) -> list[GridCell]:
    out: list[GridCell] = []
    for c in line:
        if c is not None and all(c is not o for o in out):
            out.append(c)
    return out


def _name(table: Table) -> str:
    return {"t2": "表二", "t3": "表三", "t4": "表四"}[table.id]


def _show(cells: list[GridCell]) -> str:
    return " | ".join(c.text.replace("\n", "") for c in cells)[:80]
