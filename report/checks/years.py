"""Across years: this report against last year's report of the same agency.

Every rule here does nothing without a previous report. Y-PREV says when the report given
for comparison is not last year's of the same agency; the other rules then stay silent.
A 2019-form report compares with a 2021-form one by summing the 2021 rows that split a 2019
row (（六）其他处理 1–3) into that row.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from report.checks.context import Context, integer, names, ref, show
from report.checks.registry import Issue, Unknown, rule
from report.document import Report
from report.findings import Ref

COPY_THRESHOLD = 0.9
COPY_MIN_CHARS = 50  # shorter texts are stock phrases (“无。”, “2022年，本单位未收取信息处理费。”)
DIGITS = re.compile(r"\d+")
SPACE = re.compile(r"\s+")
APPEALS = re.compile(r"复议|诉讼")


def _last(ctx: Context) -> Report | None:
    """Last year's report when it is comparable (year − 1, same agency), else None."""
    p = ctx.previous
    if p is None or p.year != ctx.report.year - 1 or p.agency.name.strip() != ctx.report.agency.name.strip():
        return None
    return p


def _last_name(ctx: Context, last: Report, table: str, a: str, b: str) -> str:
    return f"{last.year}年报告的{names(last.form).cells[ref(table, a, b)]}"


@rule("Y-PREV", "note")
def comparable(ctx: Context):
    p = ctx.previous
    if p is None or _last(ctx) is not None:
        return
    if p.year != ctx.report.year - 1:
        why = f"用于对比的是{p.year}年的报告，不是上一年度（{ctx.report.year - 1}年）的"
    else:
        why = f"用于对比的报告属于“{p.agency.name}”，不是“{ctx.report.agency.name}”"
    yield Issue(f"{why}，跨年度核对已跳过。", (Ref.field("year"),))


@rule("Y-CARRY", "warning", "本年的上年结转与上年的结转下年度")
def carried_over(ctx: Context):
    last = _last(ctx)
    if last is None:
        return
    carried = ctx.form.tables["t3"].row_with_role("carried_over").id
    nxt = last.definition.tables["t3"].row_with_role("carried_forward").id
    for col in ctx.form.tables["t3"].column_ids():
        now, before = ctx.value("t3", carried, col), last.get("t3", nxt, col)
        if now is None or before is None:
            yield Unknown((ref("t3", carried, col),),
                          (ctx.name("t3", carried, col) if now is None else _last_name(ctx, last, "t3", nxt, col),))
        elif integer(now) is not None and integer(before) is not None and now != before:
            yield Issue(f"{ctx.name('t3', carried, col)} = {now}，但{_last_name(ctx, last, 't3', nxt, col)} = "
                        f"{before}：本年的上年结转一般应等于上年的结转下年度，如有原因请在数据说明中写明。",
                        (ref("t3", carried, col),))


@rule("Y-STOCK", "warning", "现行有效件数与上年的衔接")
def stock_follows(ctx: Context):
    last = _last(ctx)
    if last is None or last.form != ctx.report.form:
        return
    t2 = ctx.form.tables["t2"]
    columns = [t2.column_with_role(role) for role in ("issued", "repealed", "stock")]
    if None in columns:  # the 2019 form counts no documents repealed: its stock cannot be followed
        return
    issued, repealed, stock = (c.id for c in columns)
    for row in (r.id for r in t2.rows_with_role("documents")):
        cells = {c: ctx.value("t2", row, c) for c in (issued, repealed, stock)}
        before = last.get("t2", row, stock)
        if "/" in cells.values() or before == "/":
            continue
        blank = [c for c, v in cells.items() if v is None]
        if blank or before is None:
            yield Unknown(tuple(ref("t2", row, c) for c in blank) or (ref("t2", row, stock),),
                          tuple(ctx.name("t2", row, c) for c in blank) or (_last_name(ctx, last, "t2", row, stock),))
            continue
        nums = {c: integer(v) for c, v in cells.items()}
        if None in nums.values() or integer(before) is None:
            continue
        expected = before + nums[issued] - nums[repealed]
        if nums[stock] != expected:
            yield Issue(f"{ctx.name('t2', row, stock)} = {nums[stock]}，但按"
                        f"{_last_name(ctx, last, 't2', row, stock)} {before} + {ctx.name('t2', row, issued)} "
                        f"{nums[issued]} − {ctx.name('t2', row, repealed)} {nums[repealed]} 计算应为 {expected}。",
                        tuple(ref("t2", row, c) for c in cells))


def _normal(text: str) -> str:
    """Text compared for 雷同: figures and years replaced, spaces dropped (copied text with new numbers
    is still copied)."""
    return DIGITS.sub("0", SPACE.sub("", text))


@lru_cache(maxsize=64)  # the other fields' texts do not change between keystrokes
def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' character pairs: linear in length, 1.0 for identical texts."""
    pa, pb = Counter(zip(a, a[1:], strict=False)), Counter(zip(b, b[1:], strict=False))
    total = sum(pa.values()) + sum(pb.values())
    return 2 * sum((pa & pb).values()) / total if total else 1.0


@rule("Y-COPY", "warning")
def copied_text(ctx: Context):
    last = _last(ctx)
    if last is None:
        return
    for fid, _ in ctx.texts():
        now, before = _normal(ctx.report.text(fid)), _normal(last.text(fid))  # the clerk's own text only
        if min(len(now), len(before)) < COPY_MIN_CHARS:
            continue
        if 2 * min(len(now), len(before)) / (len(now) + len(before)) < COPY_THRESHOLD:
            continue  # lengths too different to be 90 % the same
        s = similarity(now, before)
        if s >= COPY_THRESHOLD:
            yield Issue(f"{ctx.field_name(fid)}与{last.year}年报告的同一部分有 {s:.0%} 相同：年度报告应写本年度的"
                        "实际情况，避免与上年内容雷同，请按本年度情况改写。", (Ref.text(fid),))


def _figures(report: Report, other: Report) -> dict[str, object]:
    """Every table figure by ref, comparable with ``other``'s: where ``other``'s format has one
    row that this format splits into several, their sum stands for that row."""
    collapse = other.form != report.form
    out = {}
    for table, cells in names(report.form).table_cells.items():
        if table == "t2" and collapse:
            continue  # the two formats' table 2 have different columns
        for a, b, _ in cells:
            out[ref(table, a, b)] = report.get(table, a, b)
    if collapse:
        split = other.definition.tables["t3"].rows_split_in(report.definition.tables["t3"])
        for col in report.definition.tables["t3"].column_ids():
            for row, part_rows in split.items():
                parts = [out.pop(ref("t3", r, col), None) for r in part_rows]
                out[ref("t3", row, col)] = sum(parts) if all(isinstance(p, int) for p in parts) else None
    return out


@rule("Y-SAME", "warning")
def same_figures(ctx: Context):
    """Every figure equal to last year's in a later year; all-zero tables (no applications, no cases) are normal."""
    last = _last(ctx)
    if last is None:
        return
    now, before = _figures(ctx.report, last), _figures(last, ctx.report)
    common = [k for k in now if k in before]
    if common and all(now[k] == before[k] for k in common) and any(integer(now[k]) for k in common):
        yield Issue(f"表格中的 {len(common)} 个数字与{last.year}年报告完全相同，而报告年度已是{ctx.report.year}年："
                    "是否沿用了上年的数字？请按本年度的实际情况填写。",
                    tuple(k for k in common if k in ctx.names.cells))


@rule("Y-PENDING", "note")
def pending_followed_up(ctx: Context):
    last = _last(ctx)
    if last is None:
        return
    pending = [(a, b) for a, b, cell in ctx.cells("t4")
               if "pending" in cell.column.roles and (integer(last.get("t4", a, b)) or 0) > 0]
    if not pending:
        return
    all_zero = all(ctx.value("t4", a, b) == 0 for a, b, _ in ctx.cells("t4"))
    intro = ctx.form.intro.id  # the opening names part 四 whatever happened
    if all_zero and not any(APPEALS.search(t) for fid, t in ctx.texts() if fid != intro):
        listed = "、".join(f"{_last_name(ctx, last, 't4', a, b)} = {show(last.get('t4', a, b))}" for a, b in pending)
        yield Issue(f"{listed}，但本年表四全为 0，正文也没有提到这些案件的结果：请说明上年未审结案件的结果。",
                    tuple(ref("t4", a, ctx.group_total("t4", a)) for a, _ in pending))
