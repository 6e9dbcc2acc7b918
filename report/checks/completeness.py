"""Completeness: required parts written, no placeholder left, who and when, the publication window."""

from __future__ import annotations

import datetime as dt
import re

from report.checks.context import Context
from report.checks.registry import Issue, rule
from report.dates import chinese_date
from report.deadline import statutory
from report.findings import Ref
from report.forms import common

# the form marks the narrative fields a report cannot leave empty (required); the items of 六 may be “无”
MIN_CHARS = 10
EMPTY_WORDS = re.compile(r"^(?:无|没有|暂无|略)?$")
PUNCTUATION = re.compile(r"[\s。，、；：.,;:!！?？“”\"'（）()]")
# 【】 only when empty or naming what to fill in: “【工作动态】” may be a column name quoted in the text
PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:XX+|ＸＸ+)(?![A-Za-z])|[×Ｘ]{2,}|○{2,}|待填|待补|TODO|请填写|请输入"
                         r"|【\s*】|【[^】\n]{0,10}(?:填|名称|单位|日期|时间|数量|数字|金额)[^】\n]{0,10}】")


@rule("C-PART", "warning")
def parts_written(ctx: Context):
    for fid in (f.id for f in ctx.form.required_fields()):
        text = ctx.text(fid)
        bare = PUNCTUATION.sub("", text)
        where = ctx.field_name(fid)
        if EMPTY_WORDS.match(bare):
            what = "没有填写" if not bare else f"只写了“{text.strip()}”"
            yield Issue(f"{where}{what}：这是报告必须写明的内容，不能空着或写“无”。", (Ref.text(fid),))
        elif len(bare) < MIN_CHARS:
            yield Issue(f"{where}只有 {len(bare)} 个字（“{text.strip()}”）：内容过于简单，请写明具体情况。",
                        (Ref.text(fid),))
    if ctx.government:
        yield from _government_topics(ctx)


def _government_topics(ctx: Context):
    """A people's government must name some topics in some fields (监督保障: 工作考核、社会评议和责任追究)."""
    for f in ctx.form.text_fields():
        topics = f.government_must_mention
        missing = [t for t in topics if t not in ctx.text(f.id)]
        if missing:
            listed = "、".join(topics[:-1]) + f"和{topics[-1]}" if len(topics) > 1 else topics[0]
            yield Issue(f"{ctx.field_name(f.id)}没有提到“{'”“'.join(missing)}”："
                        f"人民政府须写明{listed}结果情况。", (Ref.text(f.id),))


@rule("C-HOLDER", "error")
def placeholders(ctx: Context):
    agency = ctx.report.agency
    places = [(Ref.text(fid), ctx.field_name(fid), text) for fid, text in ctx.texts()]
    labels = {f["id"]: f["label"] for f in _agency_fields()}
    places += [(f"agency/{k}", label, getattr(agency, k)) for k, label in labels.items()]
    for where_ref, where, text in places:
        m = PLACEHOLDER.search(text)
        if m:
            context = text[max(0, m.start() - 8):m.end() + 8].replace("\n", " ")
            yield Issue(f"{where}里还有占位文字“{m.group(0)}”（“…{context}…”）：请换成实际内容。", (where_ref,))


def _agency_fields() -> list[dict]:
    return common()["agency"]["fields"]


@rule("C-AGENCY", "error")
def who_and_when(ctx: Context):
    labels = {f["id"]: f["label"] for f in _agency_fields()} | common()["report"]
    r = ctx.report
    if not r.agency.name.strip():
        yield Issue(f"没有填写{labels['name']}：报告标题和落款都要用到。", (Ref.agency("name"),))
    if not isinstance(r.year, int) or not r.year:
        yield Issue(f"没有填写{labels['year']}。", (Ref.field("year"),))
    if r.issued_on is None:
        yield Issue(f"没有填写{labels['issued_on']}：报告末尾落款处要印发布日期。", (Ref.field("issued_on"),))


@rule("C-DATE", "note")
def publication_window(ctx: Context):
    r = ctx.report
    if r.issued_on is None or not isinstance(r.year, int):
        return
    kind_id = "government" if ctx.government else "department"
    first, last = dt.date(r.year + 1, 1, 1), statutory(r.year, kind_id)
    if first <= r.issued_on <= last:
        return
    kind = {k["id"]: k["label"] for k in common()["agency"]["kinds"]}[kind_id]
    when = "早于报告年度结束" if r.issued_on < first else "晚于公布期限"
    yield Issue(f"{common()['report']['issued_on']} {chinese_date(r.issued_on)} {when}："
                f"按《条例》第四十九条，{kind}应在"
                f"{chinese_date(last)}前公布{r.year}年度报告。", (Ref.field("issued_on"),))
