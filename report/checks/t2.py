"""Table 2 (主动公开政府信息情况): number types, stock of documents, units, powers, 2019 items.

“/” marks a figure the agency has no power for; rules skip it silently. Column roles differ
between the formats, so each rule asks the form for the rows and columns playing the roles it
needs and does nothing where the format has none.
"""

from __future__ import annotations

from decimal import Decimal

from report.checks.context import Context, count_problem, integer, ref, show
from report.checks.registry import Issue, Unknown, rule
from report.money import decimals, places

T = "t2"
UNIT_SUSPECT = Decimal(10000)  # 万元: a non-government agency's fees of 1 亿元 or more are likely typed in 元


def _money_problem(v, unit: str) -> str | None:
    if v is None or v == "/":
        return None
    if not isinstance(v, Decimal) or not v.is_finite():
        return "应填金额（如 12.5）"
    if v < 0:
        return "金额不能为负数"
    if decimals(v) > places(unit):
        return f"单位是{unit}，最多保留 {places(unit)} 位小数（精确到分）"
    return None


@rule("T2-INT", "error")
def number_types(ctx: Context):
    for a, b, cell in ctx.cells(T):
        v = ctx.value(T, a, b)
        kind = cell.column.type
        why = _money_problem(v, cell.column.unit) if kind == "money" else count_problem(v, signed=kind == "signed")
        if why:
            yield Issue(f"{ctx.name(T, a, b)} = {show(v)}：{why}。", (ref(T, a, b),))


def _column(ctx: Context, role: str) -> str | None:
    column = ctx.form.tables[T].column_with_role(role)
    return column.id if column else None


def _known(ctx: Context, a: str, b: str | None):
    """(value, blank?) of a count cell; value None for “/”, invalid or no such column."""
    if b is None or not ctx.has(T, a, b):
        return None, False
    v = ctx.value(T, a, b)
    return integer(v), v is None


@rule("T2-STOCK", "warning", "规章和规范性文件的现行有效件数")
def documents_in_force(ctx: Context):
    issued_col, repealed_col, stock_col = (_column(ctx, role) for role in ("issued", "repealed", "stock"))
    for row in (r.id for r in ctx.form.tables[T].rows_with_role("documents")):
        (issued, issued_blank), (stock, stock_blank) = _known(ctx, row, issued_col), _known(ctx, row, stock_col)
        repealed, repealed_blank = _known(ctx, row, repealed_col)
        if issued_blank or stock_blank:
            blank = [c for c, is_blank in ((issued_col, issued_blank), (stock_col, stock_blank)) if is_blank]
            yield Unknown(tuple(ref(T, row, c) for c in blank), tuple(ctx.name(T, row, c) for c in blank))
            continue
        if issued is None or stock is None or stock >= issued:
            continue
        if repealed_blank:
            yield Unknown((ref(T, row, repealed_col),), (ctx.name(T, row, repealed_col),))
            continue
        if stock + (repealed or 0) >= issued:  # issued and repealed within the same year
            continue
        cells = tuple(ref(T, row, c) for c in (issued_col, repealed_col, stock_col) if c)
        yield Issue(f"{ctx.name(T, row, stock_col)} = {stock}，少于{ctx.name(T, row, issued_col)} = {issued}："
                    "本年制发且仍有效的文件也应计入现行有效件数，请核对。", cells)


@rule("T2-UNIT", "warning")
def charges_unit(ctx: Context):
    cell = ctx.charges_cell()
    if ctx.government or cell is None:
        return
    v = ctx.value(T, *cell)
    if isinstance(v, Decimal) and v >= UNIT_SUSPECT:
        yield Issue(f"{ctx.name(T, *cell)} = {show(v)}，即 {show(v / UNIT_SUSPECT)} 亿元："
                    "这一栏的单位是万元，是否误按元填写了？", (ref(T, *cell),))


@rule("T2-RULES", "warning")
def department_rules(ctx: Context):
    if ctx.government:
        return
    nonzero = [(a, b) for a, b, cell in ctx.cells(T)
               if "rules" in cell.row.roles and (integer(ctx.value(T, a, b)) or 0) > 0]
    if nonzero:
        listed = "、".join(f"{ctx.name(T, a, b)} = {ctx.value(T, a, b)}" for a, b in nonzero)
        row = ctx.form.tables[T].cell(*nonzero[0]).row.name
        yield Issue(f"{listed}：本单位登记为部门，部门没有规章制定权，“{row}”一行通常应填 0 或“/”。"
                    "如确属人民政府，请在单位信息中改为人民政府。", tuple(ref(T, a, b) for a, b in nonzero))


@rule("T2-2019", "warning", "上一年项目数量加本年增/减")
def items_after_change(ctx: Context):
    items_col, change_col = _column(ctx, "items_last_year"), _column(ctx, "items_change")
    for a, b, _ in ctx.cells(T):
        if change_col is None or b != change_col or not ctx.has(T, a, items_col):
            continue
        (last, last_blank), (change, change_blank) = _known(ctx, a, items_col), _known(ctx, a, change_col)
        if last_blank or change_blank:
            blank = [c for c, is_blank in ((items_col, last_blank), (change_col, change_blank)) if is_blank]
            yield Unknown(tuple(ref(T, a, c) for c in blank), tuple(ctx.name(T, a, c) for c in blank))
        elif last is not None and change is not None and last + change < 0:
            yield Issue(f"{ctx.name(T, a, items_col)} = {last}，{ctx.name(T, a, change_col)} = {change}，"
                        f"相加为 {last + change}：本年项目数量不能为负数。",
                        (ref(T, a, items_col), ref(T, a, change_col)))
