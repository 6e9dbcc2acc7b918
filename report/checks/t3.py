"""Table 3 (收到和处理政府信息公开申请情况): the printed 勾稽关系, the totals, whole numbers, blanks.

Which rows are results and which columns make the total come from the form definition
(``sum_of``), and the rows the 勾稽关系 names from their roles, so the 2019 form (single row
（六）其他处理) needs no code of its own.
"""

from __future__ import annotations

from report.checks.arith import Side, at_most, equal, whole_count_cells
from report.checks.context import Context, ref
from report.checks.registry import Issue, rule

T = "t3"


def _rows(ctx: Context, *roles: str) -> list[str]:
    """The ids of the rows playing ``roles``, in that order."""
    return [ctx.form.tables[T].row_with_role(role).id for role in roles]


def _total_column(ctx: Context):
    return next(c for b in ctx.form.tables[T].blocks for c in b.columns if c.sum_of)


def _columns(ctx: Context) -> list[str]:
    return ctx.form.tables[T].column_ids()


@rule("T3-BAL", "error", "表三各列的勾稽关系")
def balance(ctx: Context):
    new, carried, results, nxt = _rows(ctx, "received", "carried_over", "results_total", "carried_forward")
    for c in _columns(ctx):
        yield from equal(Side(ctx, T, [(new, c), (carried, c)]), Side(ctx, T, [(results, c), (nxt, c)]))


@rule("T3-SUM", "error", "表三各列的办理结果总计")
def results_total(ctx: Context):
    row = ctx.form.tables[T].row_with_role("results_total")
    group = row.label[0]
    for c in _columns(ctx):
        yield from equal(Side(ctx, T, [(row.id, c)]), Side(ctx, T, [(r, c) for r in row.sum_of], f"{group}各项之和"))


@rule("T3-FWD", "error", "表三各列结转下年度的件数")
def carried_forward(ctx: Context):
    new, carried, nxt = _rows(ctx, "received", "carried_over", "carried_forward")
    for c in _columns(ctx):
        yield from at_most(Side(ctx, T, [(nxt, c)]), Side(ctx, T, [(new, c), (carried, c)]))


@rule("T3-INT", "error")
def whole_numbers(ctx: Context):
    yield from whole_count_cells(ctx, T)


@rule("T3-ROW", "error", "表三各行的总计")
def row_total(ctx: Context):
    total = _total_column(ctx)
    parts_label = f"{total.label[0]}各列之和" if len(total.label) > 1 else None
    for r in ctx.form.tables[T].row_ids():
        yield from equal(Side(ctx, T, [(r, total.id)]), Side(ctx, T, [(r, c) for c in total.sum_of], parts_label))


@rule("T3-BLANK", "note")
def blanks(ctx: Context):
    """One note per column, so that a column left empty is one line, not 25."""
    table = ctx.form.tables[T]
    for col in table.column_ids():
        empty = [r for r in table.row_ids() if ctx.value(T, r, col) is None]
        if not empty:
            continue
        named = "、".join(ctx.name(T, r, col) for r in empty[:2]) + (f"等 {len(empty)} 格" if len(empty) > 2 else "")
        yield Issue(f"表三有空白格：{named}。空白不等于 0，没有的请填 0，否则无法核对。",
                    tuple(ref(T, r, col) for r in empty))
