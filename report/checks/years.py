"""Across years: this report against last year's report of the same agency.

Every rule here does nothing without a previous report. Y-PREV says when the report given
for comparison is not last year's of the same agency; the other rules then stay silent.
A 2019-form report (row 3.6) compares with a 2021-form one by summing 3.6.1–3.6.3 into 3.6.
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

CARRIED, NEXT = "2", "4"
STOCK_ROWS = ("rules", "normative")
COPY_THRESHOLD = 0.9
COPY_MIN_CHARS = 50  # shorter texts are stock phrases (“无。”, “2022年，本单位未收取信息处理费。”)
RATE_LIMIT = 0.5  # scorers deduct above 50 % (e.g. 宿迁 2026: 「与上年度重复率大于50%的，扣0.5分」)
RATE_MIN_CHARS = 100  # a narrative shorter than this is all stock phrases
RATE_PARTS_SHOWN = 3
JUMP_FACTOR = 5
JUMP_MIN = 10
# the totals Y-JUMP compares besides every table-2 figure: table 3's 总计 of new, carried, handled and
# carried-forward requests, and table 4's totals
JUMP_TOTALS = (("t3", "1", "total"), ("t3", "2", "total"), ("t3", "3.7", "total"), ("t3", "4", "total"),
               ("t4", "review", "total"), ("t4", "suit_direct", "total"), ("t4", "suit_after_review", "total"))
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
    yield Issue(f"{why}，跨年度核对已跳过。", ("year",))


@rule("Y-CARRY", "warning", "本年的上年结转与上年的结转下年度")
def carried_over(ctx: Context):
    last = _last(ctx)
    if last is None:
        return
    for col in ctx.form.tables["t3"].column_ids():
        now, before = ctx.value("t3", CARRIED, col), last.get("t3", NEXT, col)
        if now is None or before is None:
            yield Unknown((ref("t3", CARRIED, col),),
                          (ctx.name("t3", CARRIED, col) if now is None else _last_name(ctx, last, "t3", NEXT, col),))
        elif integer(now) is not None and integer(before) is not None and now != before:
            yield Issue(f"{ctx.name('t3', CARRIED, col)} = {now}，但{_last_name(ctx, last, 't3', NEXT, col)} = "
                        f"{before}：本年的上年结转一般应等于上年的结转下年度，如有原因请在数据说明中写明。",
                        (ref("t3", CARRIED, col),))


@rule("Y-STOCK", "warning", "现行有效件数与上年的衔接")
def stock_follows(ctx: Context):
    last = _last(ctx)
    if last is None or ctx.form.id != "2021" or last.form != "2021":  # the 2019 form counts no stock in force
        return
    for row in STOCK_ROWS:
        cells = {c: ctx.value("t2", row, c) for c in ("issued", "repealed", "in_force")}
        before = last.get("t2", row, "in_force")
        if "/" in cells.values() or before == "/":
            continue
        blank = [c for c, v in cells.items() if v is None]
        if blank or before is None:
            yield Unknown(tuple(ref("t2", row, c) for c in blank) or (ref("t2", row, "in_force"),),
                          tuple(ctx.name("t2", row, c) for c in blank) or (_last_name(ctx, last, "t2", row, "in_force"),))
            continue
        nums = {c: integer(v) for c, v in cells.items()}
        if None in nums.values() or integer(before) is None:
            continue
        expected = before + nums["issued"] - nums["repealed"]
        if nums["in_force"] != expected:
            yield Issue(f"{ctx.name('t2', row, 'in_force')} = {nums['in_force']}，但按"
                        f"{_last_name(ctx, last, 't2', row, 'in_force')} {before} + {ctx.name('t2', row, 'issued')} "
                        f"{nums['issued']} − {ctx.name('t2', row, 'repealed')} {nums['repealed']} 计算应为 {expected}。",
                        tuple(ref("t2", row, c) for c in cells))


@lru_cache(maxsize=256)  # Y-COPY and Y-RATE read every field's text at every keystroke; one of them changed
def _normal(text: str) -> str:
    """Text compared for 雷同: figures and years replaced, spaces dropped (copied text with new numbers is still copied)."""
    return DIGITS.sub("0", SPACE.sub("", text))


@lru_cache(maxsize=64)  # the other fields' texts do not change between keystrokes
def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' character pairs: linear in length, 1.0 for identical texts."""
    pa, pb = Counter(pairwise(a)), Counter(pairwise(b))
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
                        "实际情况，避免与上年内容雷同，请按本年度情况改写。", (f"texts/{fid}",))


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
            entry[2].append(f"texts/{f.id}")
    repeated, total = sum(p[0] for p in parts.values()), sum(p[1] for p in parts.values())
    if total < RATE_MIN_CHARS or repeated <= RATE_LIMIT * total:
        return
    heavy = sorted((p for p in parts.items() if p[1][0]), key=lambda p: -p[1][0])[:RATE_PARTS_SHOWN]
    listed = "、".join(f"{title}（{c / t:.0%}）" for title, (c, t, _) in heavy)
    yield Issue(f"正文与{last.year}年报告的重复率 {repeated / total:.0%}（不计年份和数字），评分细则一般以 "
                f"{RATE_LIMIT:.0%} 为限：重复主要在{listed}。请按本年度的实际情况改写。",
                tuple(r for _, (_, _, refs) in heavy for r in refs))


def _figures(report: Report, collapse: bool) -> dict[str, object]:
    """Every table figure by ref; ``collapse`` sums 3.6.1–3.6.3 into 3.6 to compare with the 2019 form."""
    out = {}
    for table, cells in names(report.form).table_cells.items():
        if table == "t2" and collapse:
            continue  # the two formats' table 2 have different columns
        for a, b, _ in cells:
            out[ref(table, a, b)] = report.get(table, a, b)
    if collapse:
        for col in report.definition.tables["t3"].column_ids():
            parts = [out.pop(ref("t3", f"3.6.{i}", col), None) for i in (1, 2, 3)]
            if f"t3/3.6/{col}" not in out:
                out[f"t3/3.6/{col}"] = sum(parts) if all(isinstance(p, int) for p in parts) else None
    return out


@rule("Y-SAME", "warning")
def same_figures(ctx: Context):
    """Every figure equal to last year's in a later year; all-zero tables (no applications, no cases) are normal."""
    last = _last(ctx)
    if last is None:
        return
    collapse = last.form != ctx.report.form
    now, before = _figures(ctx.report, collapse), _figures(last, collapse)
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
    pending = [(a, b) for a, b, _ in ctx.cells("t4") if b == "pending" and (integer(last.get("t4", a, b)) or 0) > 0]
    if not pending:
        return
    all_zero = all(ctx.value("t4", a, b) == 0 for a, b, _ in ctx.cells("t4"))
    intro = ctx.form.intro.id  # the opening names part 四 whatever happened
    if all_zero and not any(APPEALS.search(t) for fid, t in ctx.texts() if fid != intro):
        listed = "、".join(f"{_last_name(ctx, last, 't4', a, b)} = {show(last.get('t4', a, b))}" for a, b in pending)
        yield Issue(f"{listed}，但本年表四全为 0，正文也没有提到这些案件的结果：请说明上年未审结案件的结果。",
                    tuple(ref("t4", a, "total") for a, _ in pending))


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


@rule("Y-JUMP", "note")
def implausible_jump(ctx: Context):
    """A figure that grew more than 5× or fell under a fifth (both ≥ 10), or fell from ≥ 10 to 0: often a
    slip (元 for 万元, a digit too many), so the clerk confirms it."""
    last = _last(ctx)
    if last is None:
        return
    last_names = names(last.form).cells
    keys = [("t2", a, b) for a, b, _ in ctx.cells("t2")] + [k for k in JUMP_TOTALS if ctx.has(*k)]
    for table, a, b in keys:
        if ref(table, a, b) not in last_names:
            continue  # the two formats' table 2 differ
        now, before = ctx.value(table, a, b), last.get(table, a, b)
        how = _jump(now, before)
        if how:
            yield Issue(f"{ctx.name(table, a, b)} = {show(now)}，{last.year}年为 {show(before)}，{how}：变化很大，"
                        "请核对是否填错（如单位、多打或少打一位）；如确实如此，可在正文中说明原因。",
                        (ref(table, a, b),))
