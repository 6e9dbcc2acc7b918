"""A published report's blocks into a Report, with the list of what the clerk must review.

Never a silent guess: every table cell is read from the source or named as not found, every
paragraph is put in a part or named as unassigned, and every choice made on weak evidence (a
heading taken by its number, a format told by the year alone, a detected encoding) is on the
review list. The labels come from the format definitions and resources/readers.toml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from report.document import Agency, Report
from report.forms import FORM_IDS, Form, Part, TextField, common, load_form
from report.readers import tables as table_reader
from report.readers.labels import enumerator, key, same, strip_enumerator, variants
from report.readers.lines import PAGE_INFO, SIGNED, parse_date, website_counts
from report.readers.source import Grid, Paragraph, Picture, ReadError, Source
from report.readers.title import Title, choose_form, find_title, name_like, year_from_text

NOT_A_REPORT = ("没有找到政府信息公开工作年度报告的内容（标题、年度和“一、总体情况”等部分都没有找到），"
                "这个文件不像是年度报告。")
TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
_SENTENCE_END = "。；;"
_HEAD_SPLIT = re.compile(r"[。：:；;]")
_MAX_HEADING = 40  # characters: a longer paragraph without a bold lead is text, not a heading


@dataclass
class Recognition:
    report: Report
    review: list[str]
    cells: dict[tuple[str, str, str], table_reader.CellRead] = field(default_factory=dict)
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # page text around the report (navigation, footer)
    source: Source | None = None

    @property
    def complete(self) -> bool:
        return not self.review


def recognise(source: Source) -> Recognition:
    paragraphs = [b for b in source.blocks if isinstance(b, Paragraph)]
    forms = [load_form(f) for f in FORM_IDS]
    review: list[str] = list(source.notes)
    title = find_title(source.blocks)
    grids: dict[str, list[Grid]] = {"t2": [], "t3": [], "t4": []}
    before = None  # the table of the block just before: a table broken by a page goes on
    for b in source.blocks:
        tid = None
        if isinstance(b, Grid):
            tid = table_reader.identify(b, forms)
            if tid is None and before and b.page and grids[before][-1].page == b.page - 1:
                tid = table_reader.identify(b, forms, least=1) and before
            if tid:
                grids[tid].append(b)
        before = tid
    year = title.year or year_from_text(paragraphs)
    if year is None:
        if title.start is None and not any(grids.values()):
            raise ReadError(NOT_A_REPORT)
        raise ReadError("找到了报告内容，但没有找到报告年度（标题中的“XXXX年”）；请在文件标题中写明年度后再导入。")
    if title.year is None:
        review.append(f"标题中没有找到报告年度，按正文中的统计时限取为 {year} 年，请核对。")
    form = choose_form(year, grids, forms, review)
    report = Report.blank(year, Agency(name=title.agency), form.id)
    result = Recognition(report, review, source=source)
    _Texts(source, form, title, result).run()
    if not report.agency.name:
        review.append("没有找到单位名称（标题或落款），请在“单位信息”中填写。")
    for tid, table in form.tables.items():
        read = table_reader.read_table(grids[tid], table)
        review.extend(read.notes)
        for (a, b), cell in read.cells.items():
            result.cells[(tid, a, b)] = cell
            report.set(tid, a, b, cell.value)
            if cell.problem:
                review.append(f"{TABLE_NAMES[tid]}「{table.cell_name(a, b)}」原文为「{cell.text}」："
                              f"{cell.problem}。已留空。")
        missing = [c.key for c in table.cells() if c.key not in read.cells]
        result.missing += [(tid, *k) for k in missing]
        if missing and grids[tid]:
            names = "、".join(table.cell_name(*k) for k in missing[:5])
            more = f"等 {len(missing)} 个" if len(missing) > 5 else ""
            review.append(f"{TABLE_NAMES[tid]}中没有找到{names}{more}单元格，已留空，请对照原文填写。")
        elif missing:
            review.append(f"没有找到{TABLE_NAMES[tid]}（{table.title}），"
                          f"表中 {len(missing)} 个单元格都已留空，请对照原文填写。")
    return result


def summary(result: Recognition) -> str:
    """What was recognised and the numbered review list, as the command line prints it."""
    r = result.report
    lines = [f"已识别：{r.agency.name or '（未找到单位名称）'} {r.year}年度报告（{r.definition.name}），"
             f"表格单元格 {len(result.cells)} 个已读出、{len(result.missing)} 个未找到。"]
    if result.review:
        lines.append(f"需要核对的地方（{len(result.review)}）：")
        lines += [f"  {i}. {line}" for i, line in enumerate(result.review, 1)]
    else:
        lines.append("全部内容都已识别，无需核对。")
    return "\n".join(lines)


# ---------------------------------------------------------------------- texts
class _Texts:
    """Walk the blocks after the title, putting each paragraph into its part and field."""

    def __init__(self, source: Source, form: Form, title: Title, result: Recognition):
        self.blocks, self.form, self.title, self.result = source.blocks, form, title, result
        self.review = result.review
        self.words = variants()
        self.texts: dict[str, list[str]] = {}
        self.part: Part | None = None
        self.field = form.intro.id
        self.subheaded = False  # a sub-heading was seen in the current part
        self.unassigned: list[str] = []
        self.pictures: list[str] = []
        self.ended = False
        self.chart_noted = False
        self.published = ""  # the web page's 发布日期, offered when the report shows no date

    def run(self) -> None:
        start = self.title.start
        if start is None:
            start = 0
            self.review.append("没有找到报告标题（“XX2022年政府信息公开工作年度报告”），标题前的文字都当作开头，请核对。")
        self.result.outside += [_text(b) for b in self.blocks[: self.title.first or 0] if _text(b)]
        i = start
        while i < len(self.blocks):
            i = self._block(i)
        self._finish()

    def _block(self, i: int) -> int:
        b = self.blocks[i]
        chart = isinstance(b, Paragraph) and len(b.text) < 60 and key(common()["website"]["heading"]) in key(b.text)
        if self.ended:
            if chart and same(b.text, common()["website"]["heading"]):
                return self._website(i + 1)
            if chart:
                self._chart_caption(b.text)
                return i + 1
            if isinstance(b, Picture) and self.result.report.website_counts is None and not self.chart_noted:
                self.chart_noted = True  # the chart after the signature, as a picture
                heading, step = common()["website"]["heading"], common()["website"]["step"]
                if key(heading) in key(b.name):
                    self.review.append(f"报告末尾的图表（{b.name}）是图片，其中的数字无法读取，请在“{step}”中填写。")
                else:
                    self.review.append(f"报告末尾有一张图片（可能是{heading}图），其中的数字无法读取；"
                                       f"如有这张图，请在“{step}”中填写。")
            if _text(b):
                self.result.outside.append(_text(b))
            return i + 1
        if isinstance(b, Picture):
            if self.part is not None and self.part.table:
                self.pictures.append(self.part.table)
            return i + 1
        if isinstance(b, Grid):
            return i + 1
        text = b.text
        if self._end(i):
            return i + 1
        if chart:  # a chart drawn inside the report: its labels came as lines just before its caption
            self._chart_caption(text)
            return i + 1
        meta = PAGE_INFO.match(unicodedata.normalize("NFKC", text)) if len(text) < 80 else None
        if meta and meta.group(1) in self.words["page_meta"]["words"]:
            if meta.group(1) in self.words["page_meta"]["dates"]:
                self.published = meta.group(2).strip()
            self.result.outside.append(text)
            return i + 1
        heading = self._part_heading(b)
        if heading is not None:
            self.part, self.subheaded = heading
            self.field = self.words["lead_field"].get(self.part.id, "")
            if self.subheaded:  # text on the heading's line
                self.subheaded = False
                self._add(_split_heading(b)[1])
            return i + 1
        if self.part is not None and self.part.fields:
            found = self._field_heading(b)
            if found is not None:
                f, rest, keep = found
                self.field, self.subheaded = f.id, True
                if keep:
                    self._add(text)
                elif rest:
                    self._add(rest)
                elif i + 1 < len(self.blocks) and self._completes(f, text, self.blocks[i + 1]):
                    return i + 2
                return i + 1
        if self.part is not None and self.part.table:
            self.unassigned.append(text)
            return i + 1
        if (self.part is not None and self.part.id == "problems" and self.field == "problems" and not self.subheaded
                and self.texts.get("problems") and text.startswith(tuple(self.words["improvements_start"]["words"]))):
            self.field = "improvements"
            self.review.append(f"“{self.part.title}”没有小标题，已从「{text[:12]}……」一段起作为改进措施，请核对。")
        self._add(text)
        return i + 1

    def _add(self, text: str) -> None:
        if self.field:
            self.texts.setdefault(self.field, []).append(text)
        else:
            self.unassigned.append(text)

    # -- headings
    def _part_heading(self, p: Paragraph) -> tuple[Part, bool] | None:
        """The part a heading 「三、…」 opens, and whether text follows on its line."""
        kind, n = enumerator(p.text)
        if kind != "part" or not n or n > len(self.form.parts):
            return None
        part = self.form.parts[n - 1]
        if self.part is not None and self.form.parts.index(self.part) >= n - 1:
            return None
        head, rest = _split_heading(p)
        if head is None:
            return None
        body = key(strip_enumerator(head))
        words = [part.heading, *self.words["part_words"].get(part.id, ())]
        if any(key(w) in body for w in words):
            return part, bool(rest)
        if not rest and not any(ch in p.text for ch in _SENTENCE_END):
            self.review.append(f"标题「{p.text}」按编号当作“{part.title}”，请核对。")
            return part, False
        return None

    def _field_heading(self, p: Paragraph) -> tuple[TextField, str, bool] | None:
        """The field a sub-heading names, the text after it on its line, and whether the heading
        stays in the text (五's items are not numbered: the heading is the clerk's own words)."""
        kind, n = enumerator(p.text)
        head, rest = _split_heading(p)
        if head is None:
            return None
        fields = [f for f in self.part.fields if f.printed]
        if kind == "" and len(fields) > 1 and not any(f.numbered for f in fields) and len(p.text) <= 20:
            n = None  # 五's 「存在的主要问题」 on a line of its own
        elif kind not in ("sub", "part") or (kind == "part" and self.part.id != "problems"):
            return None
        if kind == "sub" and not re.match(r"^\s*[(（]\s*[一二三四五六七八九十]", unicodedata.normalize("NFKC", p.text)):
            return None
        body = key(strip_enumerator(head))
        best, best_len = None, 0
        for f in fields:
            for w in (f.label, *self.words["field_words"].get(f.id, ())):
                if key(w) and key(w) in body and len(key(w)) > best_len:
                    best, best_len = f, len(key(w))
        by_number = fields[n - 1] if n and n <= len(fields) else None
        if best is None and by_number is None:
            return None
        if best is None:
            best = by_number
            self.review.append(f"小标题「{head}」按编号当作“{best.label}”，请核对。")
        elif by_number is not None and by_number is not best and best.numbered:
            self.review.append(f"小标题「{head}」的编号与“{best.label}”的位置不同，已按文字当作“{best.label}”，请核对。")
        return best, rest, not best.numbered

    def _completes(self, f: TextField, head: str, nxt) -> bool:
        """A sub-heading broken over two lines: the next line finishes the official label."""
        if not isinstance(nxt, Paragraph) or len(nxt.text) > 20:
            return False
        label, got = key(f.label), key(strip_enumerator(head))
        return label.startswith(got) and label.startswith(got + key(nxt.text)) and len(got) < len(label)

    # -- the end: signature, date, page footer
    def _end(self, i: int) -> bool:
        b = self.blocks[i]
        text = b.text
        if any(w in text for w in self.words["page_end"]["words"]) and len(text) < 80:
            self.ended = True
            self.result.outside.append(text)
            return True
        date = parse_date(text)
        signed = SIGNED.match(unicodedata.normalize("NFKC", text))
        if date is None and signed and name_like(signed.group(1)) and parse_date(signed.group(2)):
            if self.part is None or self.part.id not in ("problems", "other"):
                return False
            self._signature(signed.group(1).strip())  # 「威海市文登区信访局 2023年1月16日」 on one line
            date = parse_date(signed.group(2))
        elif date is None:
            name = self.result.report.agency.name
            if self.part is None or self.part.id not in ("problems", "other") or not name_like(text):
                return False
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if not (name and key(text) == key(name)) and not (isinstance(nxt, Paragraph) and parse_date(nxt.text)):
                return False
            self._signature(text)
            return True
        if self.part is None or self.part.id not in ("problems", "other"):
            return False
        self.result.report.issued_on = date
        self.ended = True
        return True

    def _chart_caption(self, caption: str) -> None:
        """「图1 历年政府网站信息公开数量对比」 under a drawn chart: the bar labels read just
        before it are not report text; the counts cannot be read from a drawing."""
        labels = self.unassigned if self.part is not None and self.part.table else self.texts.get(self.field, [])
        while labels and len(labels[-1]) <= 40 and not any(ch in labels[-1] for ch in "。，；：,;:"):
            self.result.outside.insert(0, labels.pop())
        self.result.outside.append(caption)
        if self.result.report.website_counts is None and not self.chart_noted:
            self.chart_noted = True
            self.review.append(f"“{common()['website']['heading']}”是图表，其中的数字无法读取，"
                               f"请在“{common()['website']['step']}”中填写。")

    def _signature(self, text: str) -> None:
        name = self.result.report.agency.name
        if not name:
            self.result.report.agency.name = text
        elif key(text) != key(name):
            self.review.append(f"落款单位「{text}」与标题中的「{name}」不同，请核对单位名称。")

    def _website(self, i: int) -> int:
        """历年政府网站信息公开数量对比 after the signature: 「2021年 机构职能 … 3 40 …」 rows."""
        tokens: list[str] = []
        j = i
        while j < len(self.blocks) and not isinstance(self.blocks[j], Picture):
            b = self.blocks[j]
            if isinstance(b, Grid):
                tokens += [c.text for c in sorted(b.cells, key=lambda c: (c.row, c.col))]
            else:
                tokens += b.text.split()
            j += 1
        counts = website_counts(tokens)
        year = str(self.result.report.year)
        if counts.get(year):
            self.result.report.website_counts = counts.pop(year)
            self.result.report.website_counts_history = counts or None
        elif not self.chart_noted:
            self.chart_noted = True
            self.review.append(f"“{common()['website']['heading']}”中的数字没有读出（图表中的数字无法读取），"
                               f"请在“{common()['website']['step']}”中填写。")
            self.result.outside += [t for t in tokens if t.strip()]
        return j

    # -- what is left
    def _finish(self) -> None:
        report = self.result.report
        for fid, paras in self.texts.items():
            report.texts[fid] = "\n".join(paras)
        if "other.more" in self.texts and self.form.id == "2021" and not any(
                f in self.texts for f in ("other.fees", "other.key_tasks", "other.proposals")) and not self.subheaded:
            self.review.append("“六、其他需要报告的事项”没有小标题，文字已放在“本行政机关认为需要报告的其他事项”，请核对。")
        if not self.texts.get("intro"):
            self.review.append("没有找到报告的开头段落。")
        seen = set(self.texts)
        for part in self.form.parts:
            if part.fields and not any(f.id in seen for f in part.fields):
                self.review.append(f"没有找到“{part.title}”的内容。")
        for tid in dict.fromkeys(self.pictures):
            self.review.append(f"{TABLE_NAMES[tid]}在原文中是图片，其中的数字无法读取，请对照原文填写。")
        for text in self.unassigned:
            shown = text[:40] + ("……" if len(text) > 40 else "")
            self.review.append(f"这段文字不属于报告的任何一项，未导入：「{shown}」。")
        if self.result.report.issued_on is None:
            page = f"（网页的发布日期是 {self.published}，落款日期常与之相同或稍早）" if self.published else ""
            self.review.append(f"没有找到落款日期{page}，请在“基本信息”中填写。")


def _split_heading(p: Paragraph) -> tuple[str | None, str]:
    """A paragraph's heading part and the text after it on the same line."""
    if p.lead and p.text.startswith(p.lead) and len(p.lead) <= _MAX_HEADING:
        return p.lead.rstrip("。：:；; "), p.text[len(p.lead):].lstrip("。：:；; ")
    m = _HEAD_SPLIT.search(p.text)
    if m and m.start() <= _MAX_HEADING and p.text[m.end():].strip():
        return p.text[: m.start()], p.text[m.end():].strip()
    if len(p.text) <= _MAX_HEADING:
        return p.text.rstrip("。：:；; "), ""
    return None, ""


def _text(b) -> str:
    return b.text if isinstance(b, Paragraph) else b.text() if isinstance(b, Grid) else ""
