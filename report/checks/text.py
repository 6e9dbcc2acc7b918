"""The clerk's text against the tables, read with regular expressions.

What is read, and its limits (each rule reads the text as printed, generated text included):
- Figures are Arabic digits (full-width digits are folded to ASCII first); numbers written
  in Chinese characters (三件) are not read.
- Statements are read within one clause (between ，。；and line breaks), so that “未发生”
  in one clause never negates 行政复议 named in another; a sum (X-SUM) is read within one
  sentence (between 。 and line breaks), because its parts are separated by ；.
- X-SUM counts only numbers followed by the total's unit (条, 件 …): enumerators such as
  “1．” or “2、”, article numbers (第3条) and figures in brackets are not parts; a single
  “其中” figure is a subset, not a breakdown, and is not checked.
- X-REQ skips clauses about 建议, 提案, 问政, 复议, 诉讼; “收到…申请 N 件” passes when N is
  either row 1 or rows 1 + 2.
- X-YEAR flags last year only without a word of reference in its clause (比, 较, 与…相比,
  以来, 整改, 报告, 修订 …), and years after the issuing year; earlier years are references.
  A statistics period is read only in a sentence that says 统计 / 时限 / 期限.
- X-PARTS compares headings without 的, punctuation and spaces, as substrings, so that
  “行政机关主动公开政府信息的情况” names part 二.
"""

from __future__ import annotations

import re

from report import sentences
from report.checks.context import CN_NUMERALS, Context, integer, ref
from report.checks.registry import Issue, Unknown, rule
from report.findings import Ref
from report.values import ascii_digits

CLAUSES = re.compile(r"[，,。；;！？!?\n]")
SENTENCES = re.compile(r"[。！？!?\n]")
GAP = r"[^\d，,。；;\n]{0,20}?"  # words between a key phrase and its figure, within the clause

# ---------------------------------------------------------------- X-REQ
# (pattern, role of the table-3 row meant, or the role of a row that may be added to it)
RECEIVED = re.compile(rf"(?<!未)(?<!有)(?:收到|受理|接到)[^\d，,。；;\n]{{0,20}}?申请{GAP}(\d+)\s*件")
FIGURES = (
    (re.compile(rf"新收{GAP}(\d+)\s*件"), "received", None),
    (RECEIVED, "received", "carried_over"),
    (re.compile(rf"上一?年度?结转{GAP}(\d+)\s*件"), "carried_over", None),
    (re.compile(rf"办结{GAP}(\d+)\s*件"), "results_total", None),
    (re.compile(rf"结转(?:至|到)?下一?年度?{GAP}(\d+)\s*件"), "carried_forward", None),
)
# a clause about these is not about 政府信息公开申请 (“办结人大代表建议15件”)
OTHER_MATTERS = re.compile(r"建议|提案|问政|复议|诉讼")

# ---------------------------------------------------------------- X-NONE
SAYS_NO_REQUESTS = re.compile(r"(?:未|没有)(?:收到|受理|接到)[^，,。；;\n]{0,20}?申请"
                              r"|申请[^，,。；;\n]{0,6}?为\s*(?:0|零)\s*件")
# “收到…申请” without a figure, read in 依申请公开 only (“收到和处理…申请情况” is a heading, not a statement)
SAYS_REQUESTS = re.compile(r"(?<!未)(?<!有)(?:收到|受理|接到)(?!和处理)[^，,。；;\n\d]{0,20}?申请")

# ---------------------------------------------------------------- X-APPEAL
NEGATION = re.compile(r"未发生|未出现|未收到|未被|未有|没有|无(?!论|法|关|偿|需|须|正当)")
ZERO_AFTER = re.compile(r"(?:复议|诉讼)[^，,。；;\n]{0,12}?(?:为|共)\s*(?:0|零)\s*(?:件|起|次)?")
ALL_UPHELD = re.compile(r"均(?:获|被|予)?维持|全部(?:获得?|被|予)?维持|(?:均|全部)(?:获得?)?胜诉")

# ---------------------------------------------------------------- X-SUM
UNITS = "条件篇项个次场期份"
TOTAL = re.compile(rf"(?:共计|合计|总计|共)[^\d，,。；;：:\n]{{0,15}}?(\d+)\s*([{UNITS}])|(\d+)\s*([{UNITS}])\s*[：:]")
BREAKDOWN = re.compile(r"^\s*[，,]?\s*(?:其中)?\s*[：:]?")
BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)")

# ---------------------------------------------------------------- X-YEAR
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
# words that make a mention of last year a plain reference (与2021年相比, 2021年报告所列问题, 2021年修订的)
REFERENCE = re.compile(r"比|较|与|同比|相比|以来|自|起|上年|去年|上一年|整改|报告|以前|之前|修订|施行|颁布|印发")
PERIOD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[^\d，,。；;\n]{0,3}?(?:至|到|—|－|-|~|～)"
                    r"[^\d，,。；;\n]{0,2}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
PERIOD_CONTEXT = re.compile(r"统计|时限|期限")

# ---------------------------------------------------------------- X-PARTS
PART_COUNT = re.compile(rf"([{CN_NUMERALS}\d])\s*个?部分")
ITEM_NUMBER = re.compile(rf"^\s*(?:[{CN_NUMERALS}]+[、是]|（[{CN_NUMERALS}]+）|\d+[、.．])")
LIST_BEFORE = re.compile(r"(?:由|包括|包含|分为|：|:)([^。：:]*?)(?:等|共|计)*\s*$")
LIST_AFTER = re.compile(r"^\s*(?:组成|构成)?\s*[，,]?\s*(?:分别为|包括|即)?\s*[：:]?([^。]*)")
NORMALIZE = re.compile(r"[的、，,\s“”\"]")


def _read(ctx: Context) -> list[tuple[str, str, list[str]]]:
    """(field id, printed text with ASCII digits, its clauses) for every field, computed once per run."""
    if "text" not in ctx.memo:
        ctx.memo["text"] = [(fid, plain, CLAUSES.split(plain)) for fid, plain in
                            ((fid, ascii_digits(t)) for fid, t in ctx.texts()) if plain.strip()]
    return ctx.memo["text"]


def _snippet(text: str, start: int, end: int, pad: int = 8) -> str:
    return text[max(0, start - pad):end + pad].replace("\n", " ")


def _total_cell(ctx: Context, role: str) -> tuple[str, str]:
    """(row, column) of the 总计 cell of table 3's row playing ``role``."""
    return ctx.row("t3", role), ctx.group_total("t3")


@rule("X-REQ", "warning", "正文中的申请件数")
def request_figures(ctx: Context):
    total_cells = {role: _total_cell(ctx, role) for _, role, _ in FIGURES}
    for fid, _, all_clauses in _read(ctx):
        seen = set()
        kept = "\n".join(c for c in all_clauses if not OTHER_MATTERS.search(c))  # patterns never cross \n
        for pattern, role, plus in FIGURES:
            cell = total_cells[role]
            for m in pattern.finditer(kept):
                figure, value = int(m.group(1)), ctx.value("t3", *cell)
                if (role, figure) in seen:
                    continue
                seen.add((role, figure))
                cells = (Ref.text(fid), ref("t3", *cell))
                if value is None:
                    yield Unknown(cells[1:], (ctx.name("t3", *cell),))
                    continue
                if integer(value) is None or figure == value:
                    continue
                compared = f"{ctx.name('t3', *cell)} = {value}"
                if plus:
                    other_cell = _total_cell(ctx, plus)
                    other = ctx.value("t3", *other_cell)
                    if isinstance(other, int):
                        if figure == value + other:
                            continue
                        more = "也只有" if value + other < figure else "为"
                        compared += f"，加上{ctx.name('t3', *other_cell)}{more} {value + other}"
                        cells += (ref("t3", *other_cell),)
                yield Issue(f"{ctx.field_name(fid)}写“{m.group(0)}”，但{compared}：请核对文字或表三。", cells,
                            m.group(0))


@rule("X-NONE", "warning", "正文“未收到申请”的说法")
def no_requests(ctx: Context):
    cell = _total_cell(ctx, "received")
    new, name = ctx.value("t3", *cell), ctx.name("t3", *cell)
    requests_field = ctx.form.field_with_role("requests")
    for fid, text, _ in _read(ctx):
        none = SAYS_NO_REQUESTS.search(text)
        cells = (Ref.text(fid), ref("t3", *cell))
        if none:
            if new is None:
                yield Unknown(cells[1:], (name,))
            elif integer(new):
                yield Issue(f"{ctx.field_name(fid)}写“{none.group(0)}”，但{name} = {new}。", cells, none.group(0))
            continue
        said = SAYS_REQUESTS.search(text) if requests_field and fid == requests_field.id else None
        if said and new == 0 and not any(p.search(text) for p, role, _ in FIGURES if role == "received"):
            yield Issue(f"{ctx.field_name(fid)}写“{said.group(0)}”，像是收到了申请，但{name} = 0。", cells,
                        said.group(0))


def _not_upheld(ctx: Context, group: str) -> list[str]:
    """The result columns of a table-4 group other than 维持 (the 总计 is not a result)."""
    return [c.id for b in ctx.form.tables["t4"].blocks for c in b.columns
            if c.group == group and not c.sum_of and "upheld" not in c.roles]


def _groups(ctx: Context, kind: str) -> tuple[str, ...]:
    """Table 4's column groups of 行政复议 or 行政诉讼 (``kind``), by the first word of their label."""
    return tuple(g for g, label in ctx.form.tables["t4"].groups.items() if label.split("·")[0].endswith(kind))


def _groups_said(ctx: Context, clause: str) -> tuple[str, ...]:
    review = "复议" in clause and "复议后" not in clause
    return (_groups(ctx, "复议") if review else ()) + (_groups(ctx, "诉讼") if "诉讼" in clause else ())


@rule("X-APPEAL", "warning", "正文中行政复议、行政诉讼的说法")
def appeals(ctx: Context):
    for fid, _, clauses in _read(ctx):
        for clause in clauses:
            if "复议" not in clause and "诉讼" not in clause and not ALL_UPHELD.search(clause):
                continue
            neg = NEGATION.search(clause)
            says_none = (neg and re.search("复议|诉讼", clause[neg.end():])) or ZERO_AFTER.search(clause)
            if says_none:
                for group in _groups_said(ctx, clause[neg.start():] if neg else clause):
                    total = ctx.group_total("t4", group)
                    v = ctx.value("t4", group, total)
                    if v is None:
                        yield Unknown((ref("t4", group, total),), (ctx.name("t4", group, total),))
                    elif integer(v):
                        yield Issue(f"{ctx.field_name(fid)}写“{clause.strip()}”，"
                                    f"但{ctx.name('t4', group, total)} = {v}。",
                                    (Ref.text(fid), ref("t4", group, total)), clause.strip())
            if ALL_UPHELD.search(clause):
                groups = _groups_said(ctx, clause) or tuple(ctx.form.tables["t4"].groups)
                bad = [(g, c) for g in groups for c in _not_upheld(ctx, g) if integer(ctx.value("t4", g, c))]
                if bad:
                    listed = "、".join(f"{ctx.name('t4', g, c)} = {ctx.value('t4', g, c)}" for g, c in bad)
                    yield Issue(f"{ctx.field_name(fid)}写“{clause.strip()}”，但{listed}。",
                                (Ref.text(fid),) + tuple(ref("t4", g, c) for g, c in bad), clause.strip())


def _sum_sentences(text: str):
    """(total, unit, parts, phrase) for every “共计 N 条，其中 a 条 … b 条” or “N 条：a 条；b 条” in the text."""
    for sentence in SENTENCES.split(text):
        totals = list(TOTAL.finditer(sentence))
        for i, m in enumerate(totals):
            end = totals[i + 1].start() if i + 1 < len(totals) else len(sentence)
            rest = sentence[m.end():end]
            figure, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if m.group(1):  # “共计 N 条” must be followed by 其中 to announce a breakdown
                lead = BREAKDOWN.match(rest)
                if "其中" not in lead.group(0):
                    continue
            parts = [int(p.group(1)) for p in re.finditer(rf"(?<![\d第.．])(\d+)\s*{unit}", BRACKETS.sub("", rest))]
            if len(parts) >= 2:
                yield int(figure), unit, parts, m.group(0)


@rule("X-SUM", "warning")
def breakdown_sums(ctx: Context):
    for fid, text, _ in _read(ctx):
        for total, unit, parts, phrase in _sum_sentences(text):
            if sum(parts) != total:
                yield Issue(f"{ctx.field_name(fid)}写“{phrase}”，但其中各项之和为 "
                            f"{' + '.join(map(str, parts))} = {sum(parts)} {unit}，请核对。", (Ref.text(fid),),
                            phrase)


@rule("X-YEAR", "warning")
def years(ctx: Context):
    year = ctx.report.year
    for fid, text, _ in _read(ctx):
        odd = {}
        for m in YEAR.finditer(text):
            y = int(m.group(1))
            if y in (year, year + 1) or y < year - 1 or y in odd:
                continue
            start = max(text.rfind(s, 0, m.start()) for s in "，,。；;\n")
            stop = min([i for i in (text.find(s, m.end()) for s in "，,。；;\n") if i >= 0] or [len(text)])
            if y == year - 1 and REFERENCE.search(text[start + 1:stop]):
                continue
            odd[y] = (_snippet(text, m.start(), m.end()), m.group(0))
        for y, (snippet, said) in odd.items():
            why = "晚于落款年度" if y > year + 1 else "是上一年度，是否沿用了上年的文字"
            yield Issue(f"{ctx.field_name(fid)}写着“{y}年”（“…{snippet}…”），但本报告是{year}年度的：{why}？",
                        (Ref.text(fid),), said)
        for sentence in SENTENCES.split(text):
            if not PERIOD_CONTEXT.search(sentence):
                continue
            for m in PERIOD.finditer(sentence):
                y1, m1, d1, y2, m2, d2 = (int(g) if g else None for g in m.groups())
                if (y1, m1, d1, y2 or y1, m2, d2) != (year, 1, 1, year, 12, 31):
                    yield Issue(f"{ctx.field_name(fid)}写的统计时限是“{m.group(0)}”，"
                                f"应为{year}年1月1日至{year}年12月31日。", (Ref.text(fid),), m.group(0))


def _norm(s: str) -> str:
    return NORMALIZE.sub("", s)


def _listed_parts(sentence: str, count_at: tuple[int, int]) -> str:
    """The list of parts the sentence names, before “共六部分” (本报告由…共六部分组成) or after it (共六部分：…)."""
    before = LIST_BEFORE.search(sentence[:count_at[0]])
    return before.group(1) if before and len(before.group(1)) > 4 else LIST_AFTER.match(sentence[count_at[1]:]).group(1)


def _items(listed: str) -> list[str]:
    items = [i for i in re.split(r"[，,；;]", listed) if i.strip()]
    if len(items) <= 1:
        items = [i for i in re.split(r"[，,；;、]", listed) if i.strip()]
    return [ITEM_NUMBER.sub("", i).strip() for i in items]


@rule("X-OPENING", "warning")
def two_openings(ctx: Context):
    """A new opening inserted under the one carried over from last year prints both."""
    for fid, text in ctx.texts():
        n = sentences.openings(text)
        if n > 1:
            yield Issue(f"{ctx.field_name(fid)}有 {n} 段以“{sentences.opening_words()}”开头的开头语："
                        "请删去多余的（多半是沿用的上年开头语），只保留一段。", (Ref.text(fid),),
                        sentences.opening_words())


@rule("X-PARTS", "note")
def parts_named(ctx: Context):
    """Headings are compared without 的、punctuation and spaces, as substrings:
    “行政机关主动公开政府信息的情况” names 二."""
    fid, parts = ctx.form.intro.id, ctx.form.parts
    where = ctx.field_name(fid)
    for sentence in SENTENCES.split(ctx.text(fid)):
        m = PART_COUNT.search(sentence)
        if not m:
            continue
        said = CN_NUMERALS.index(m.group(1)) + 1 if m.group(1) in CN_NUMERALS else int(m.group(1))
        if said != len(parts):
            yield Issue(f"{where}说本报告共{m.group(1)}部分，正式格式共{CN_NUMERALS[len(parts) - 1]}部分。",
                        (Ref.text(fid),))
            return
        listed = _listed_parts(sentence, m.span())
        items, whole = _items(listed), _norm(listed)
        headings = [_norm(p.heading) for p in parts]
        missing = [p for p, h in zip(parts, headings, strict=True) if h not in whole]
        if not missing:
            return
        if len(items) < len(parts):
            yield Issue(f"{where}说本报告共{m.group(1)}部分，但只列出了 {len(items)} 部分：{'，'.join(items)}。",
                        (Ref.text(fid),))
            return
        strays = [i for i in items if not any(h in _norm(i) or _norm(i) in h for h in headings)]
        written = f"（文中写作“{'”“'.join(strays)}”）" if strays else ""
        yield Issue(f"{where}列出的部分名称与正式标题不一致：正式标题为“{'”“'.join(p.title for p in missing)}”"
                    f"{written}。报告正文按正式标题打印。", (Ref.text(fid),))
        return
