"""信息处理费 (2021 form, part 六（一）): the figures against each other, table 3 and the text.

The 2019 form has no fee item (``report.fees`` is None): these rules then do nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal

from report.checks.context import Context, count_problem, integer, ref, show
from report.checks.registry import Issue, Unknown, rule
from report.findings import Ref
from report.money import decimals, places

WAN = Decimal(10000)
# “未收取信息处理费”, “没有收费”, “未发生收费情况”, “无收费”; read within one clause
SAYS_NONE = re.compile(r"(?:未|没有|不)(?:收取|收费|产生|发生)|无[^，。；\n]{0,6}?收费")
MENTIONS_FEES = re.compile(r"费")


def _money(v) -> Decimal | None:
    return v if isinstance(v, Decimal) and v.is_finite() else None


@rule("F-INT", "error")
def fee_types(ctx: Context):
    fees = ctx.report.fees
    if fees is None:
        return
    for fid, _, kind, unit in ctx.form.fees:
        v = fees.get(fid)
        if kind == "money":
            why = None if v is None else (
                "应填金额（如 12.5）" if _money(v) is None else "金额不能为负数" if v < 0 else
                f"单位是{unit}，最多保留 {places(unit)} 位小数" if decimals(v) > places(unit) else None)
        else:
            why = "应填整数" if v == "/" else count_problem(v)
        if why:
            yield Issue(f"{ctx.names.fees[fid]} = {show(v)}：{why}。", (Ref.fee(fid),))


@rule("F-PAID", "error", "实际收取的信息处理费")
def collected_within_billed(ctx: Context):
    fees = ctx.report.fees
    if fees is None:
        return
    billed, collected = fees.get("billed"), fees.get("collected")
    blank = [f for f, v in (("collected", collected), ("billed", billed)) if v is None]
    if blank:
        yield Unknown(tuple(map(Ref.fee, blank)), tuple(ctx.names.fees[f] for f in blank))
    elif _money(billed) is not None and _money(collected) is not None and collected > billed:
        yield Issue(f"{ctx.names.fees['collected']} = {show(collected)} 元，超过了"
                    f"{ctx.names.fees['billed']} = {show(billed)} 元：实收不能多于通知收取的金额。",
                    (Ref.fee("collected"), Ref.fee("billed")))


@rule("F-NOTICE", "warning", "收费通知的件数")
def notice_for_dropped(ctx: Context):
    unpaid = ctx.row("t3", "unpaid")
    if ctx.report.fees is None or unpaid is None:
        return
    cell = (unpaid, ctx.group_total("t3"))
    dropped, notices = integer(ctx.value("t3", *cell)), ctx.report.fees.get("notices")
    if not dropped:
        return
    if notices is None:
        yield Unknown((Ref.fee("notices"),), (ctx.names.fees["notices"],))
    elif notices == 0:
        yield Issue(f"{ctx.name('t3', *cell)} = {dropped}，但{ctx.names.fees['notices']} = 0："
                    "因未缴费而不再处理的申请，应当先发出过收费通知。", (ref("t3", *cell), Ref.fee("notices")))


@rule("F-TEXT", "warning")
def fee_text(ctx: Context):
    field = ctx.form.field_with_role("fees")
    if ctx.report.fees is None or field is None:
        return
    text, where = ctx.text(field.id), ctx.field_name(field.id)
    cells = (Ref.text(field.id), Ref.fee("collected"))
    if not MENTIONS_FEES.search(text):
        yield Issue(f"{where}没有写收费情况：请填写信息处理费的件数和金额（程序会自动生成这一句），"
                    "或写明本年度未收取信息处理费。", cells)
        return
    collected = _money(ctx.report.fees.get("collected"))
    if collected and collected > 0:
        hit = next((m for m in SAYS_NONE.finditer(text)), None)
        if hit:
            yield Issue(f"{where}写着“{hit.group(0)}”，但{ctx.names.fees['collected']} = {show(collected)} 元。", cells,
                        hit.group(0))


@rule("F-NOTT2", "note")
def fee_in_table2(ctx: Context):
    cell = ctx.charges_cell()
    if ctx.report.fees is None or cell is None:
        return
    collected, amount = _money(ctx.report.fees.get("collected")), _money(ctx.value("t2", *cell))
    if collected and amount is not None and collected > 0 and amount == collected / WAN:
        yield Issue(f"{ctx.name('t2', *cell)} = {show(amount)} 万元，正好等于"
                    f"{ctx.names.fees['collected']} {show(collected)} 元：信息处理费不属于行政事业性收费，"
                    "不应计入表二。如确属巧合，可忽略本提示。", (ref("t2", *cell), Ref.fee("collected")))
