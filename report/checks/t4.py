"""Table 4 (行政复议、行政诉讼): each group's 总计 and whole numbers."""

from __future__ import annotations

from report.checks.arith import Side, equal, whole_count_cells
from report.checks.context import Context
from report.checks.registry import rule

T = "t4"


@rule("T4-SUM", "error", "表四各组的总计")
def group_total(ctx: Context):
    for a, b, cell in ctx.cells(T):
        if cell.column.sum_of:
            label = cell.column.label[:-1]
            yield from equal(Side(ctx, T, [(a, b)]),
                             Side(ctx, T, [(a, p) for p in cell.column.sum_of], f"{'·'.join(label)}各项之和"))


@rule("T4-INT", "error")
def whole_numbers(ctx: Context):
    yield from whole_count_cells(ctx, T)
