"""Table 4 (行政复议、行政诉讼): each group's 总计 and whole numbers."""

from __future__ import annotations

from report.checks.arith import Side, equal
from report.checks.context import Context, count_problem, ref, show
from report.checks.registry import Issue, rule

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
    for a, b, _ in ctx.cells(T):
        v = ctx.value(T, a, b)
        why = "应填整数" if v == "/" else count_problem(v)  # “/” is for table 2 only
        if why:
            yield Issue(f"{ctx.name(T, a, b)} = {show(v)}：{why}。", (ref(T, a, b),))
