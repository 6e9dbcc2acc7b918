"""Across years: this report against last year's report of the same agency.

Every rule here does nothing without a previous report. Y-PREV says when the report given
for comparison is not last year's of the same agency; the other rules then stay silent.
A 2019-form report compares with a 2021-form one by summing the 2021 rows that split a 2019
row (（六）其他处理 1–3) into that row.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from report.checks.context import Context, integer, names, ref, show
from report.checks.registry import Issue, Unknown, rule
from report.document import Report
from report.findings import Ref

COPY_THRESHOLD = 0.9
COPY_MIN_CHARS = 50  # shorter texts are stock phrases (“无。”, “2022年，本单位未收取信息处理费。”)
RATE_LIMIT = 0.5  # scorers deduct above 50 % (e.g. 宿迁 2026: 「与上年度重复率大于50%的，扣0.5分」)
RATE_MIN_CHARS = 100  # a narrative shorter than this is all stock phrases
RATE_PARTS_SHOWN = 3
JUMP_FACTOR = 5
JUMP_MIN = 10
# besides every table-2 figure, Y-JUMP compares table 3's 总计 of these rows and table 4's totals
JUMP_ROWS = ("received", "carried_over", "results_total", "carried_forward")
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


@lru_cache(maxsize=256)  # Y-COPY and Y-RATE read every field's text at every keystroke; one of them changed
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
        if s >= COPY_THRESHOLD:  # say what was compared: a text whose years were changed is still “the same”
            same = "相同" if f"{s:.0%}" == "100%" else f"有 {s:.0%} 相同"
            yield Issue(f"{ctx.field_name(fid)}除年份和数字外，与{last.year}年报告的同一部分{same}：年度报告应写"
                        "本年度的实际情况，避免与上年内容雷同，请按本年度情况改写。", (Ref.text(fid),))


@lru_cache(maxsize=64)
def _overlap(now: str, before: str) -> tuple[int, int]:
    """(character pairs of ``now`` also in ``before``, character pairs of ``now``)."""
    pn, pb = Counter(pairwise(now)), Counter(pairwise(before))
    return sum((pn & pb).values()), sum(pn.values())


@rule("Y-RATE", "note")
def repetition_rate(ctx: Context):
    """The whole narrative's share repeated from last year, as scorers measure 重复率; the opening is left
    out because the format prescribes it, years and figures are ignored so that new numbers in old
    sentences still count as repeated."""
    last = _last(ctx)
    if last is None:
        return
    parts: dict[str, list] = {}  # part title → [repeated pairs, pairs, field refs]
    for part in ctx.form.parts:
        for f in part.fields:
            common, total = _overlap(_normal(ctx.report.text(f.id)), _normal(last.text(f.id)))
            entry = parts.setdefault(part.title, [0, 0, []])
            entry[0] += common
            entry[1] += total
            entry[2].append(Ref.text(f.id))
    repeated, total = sum(p[0] for p in parts.values()), sum(p[1] for p in parts.values())
    if total < RATE_MIN_CHARS or repeated <= RATE_LIMIT * total:
        return
    heavy = sorted((p for p in parts.items() if p[1][0]), key=lambda p: -p[1][0])[:RATE_PARTS_SHOWN]
    listed = "、".join(f"{title}（{c / t:.0%}）" for title, (c, t, _) in heavy)
    yield Issue(f"正文与{last.year}年报告的重复率 {repeated / total:.0%}（不计年份和数字），评分细则一般以 "
                f"{RATE_LIMIT:.0%} 为限：重复主要在{listed}。请按本年度的实际情况改写。",
                tuple(r for _, (_, _, refs) in heavy for r in refs))


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


def _jump(now, before) -> str | None:
    """How ``now`` departs from last year's ``before`` when it changed implausibly much, else None."""
    if not isinstance(now, int | Decimal) or not isinstance(before, int | Decimal) or isinstance(now, bool):
        return None
    if before >= JUMP_MIN and now == 0:
        return "降为 0"
    if min(now, before) < JUMP_MIN:
        return None
    if now > JUMP_FACTOR * before:
        return f"是上年的 {now / before:.1f} 倍"
    if now * JUMP_FACTOR < before:
        return f"只有上年的 {now / before:.0%}"
    return None


def _jump_cells(ctx: Context) -> list[tuple[str, str, str]]:
    """Every table-2 figure, table 3's 总计 of the rows in JUMP_ROWS and table 4's totals."""
    t3_total = ctx.group_total("t3")
    cells = [("t2", a, b) for a, b, _ in ctx.cells("t2")]
    cells += [("t3", row, t3_total) for role in JUMP_ROWS if (row := ctx.row("t3", role))]
    return cells + [("t4", c.group, c.id) for c in ctx.form.tables["t4"].columns_with_role("total")]


@rule("Y-JUMP", "note")
def implausible_jump(ctx: Context):
    """A figure that grew more than 5× or fell under a fifth (both ≥ 10), or fell from ≥ 10 to 0: often a
    slip (元 for 万元, a digit too many), so the clerk confirms it."""
    last = _last(ctx)
    if last is None:
        return
    last_names = names(last.form).cells
    for table, a, b in _jump_cells(ctx):
        if ref(table, a, b) not in last_names:
            continue  # the two formats' table 2 differ
        now, before = ctx.value(table, a, b), last.get(table, a, b)
        how = _jump(now, before)
        if how:
            yield Issue(f"{ctx.name(table, a, b)} = {show(now)}，{last.year}年为 {show(before)}，{how}：变化很大，"
                        "请核对是否填错（如单位、多打或少打一位）；如确实如此，可在正文中说明原因。",
                        (ref(table, a, b),))
