"""The whole report prints in the official order: texts, the three tables cell by cell, signature, chart."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from pdftestkit import PAGE_NUMBER, assert_in_order, flat_text, page_texts

from report import sentences
from report.document import Agency, Report
from report.forms import common
from report.pdf import export_pdf

DATA = Path(__file__).parent.parent / "data"


def table_pieces(report: Report, table_id: str) -> list[str]:
    """What a reader sees of a table, in reading order: block captions, column labels, each row
    label followed by its printed figures (blank cells print nothing)."""
    table = report.definition.tables[table_id]
    pieces = []
    for block in table.blocks:
        if block.caption:
            pieces.append(block.caption)
        pieces.append(block.stub)
        for level in range(block.header_depth):
            pieces += list(dict.fromkeys(c.label[level] for c in block.columns if len(c.label) > level))
        for row in block.rows:
            cells = [(col.group, col.id) if col.group else (row.id, col.id) for col in block.columns]
            figures = "".join("" if (v := report.get(table_id, *k)) is None else str(v) for k in cells)
            pieces.append((row.label[-1] if row.label else "") + figures)
    return [p for p in pieces if p]


def report_pieces(report: Report) -> list[str]:
    form = report.definition
    pieces = [report.agency.name, f"{report.year}年政府信息公开工作年度报告"]
    pieces += sentences.effective_text(report, "intro").split("\n")
    for part in form.parts:
        pieces.append(part.title)
        if part.table:
            pieces += table_pieces(report, part.table)
        n = 0
        for f in part.fields:
            if f.printed and f.numbered:
                n += 1
                pieces.append(f"（{'一二三四五六七八九十'[n - 1]}）{f.label}")
            pieces += [line for line in sentences.effective_text(report, f.id).split("\n") if line.strip()] or ["无。"]
    return pieces


def test_seed_report_prints_every_text_label_and_figure_in_order(seed_pdf, seed_report):
    text = flat_text(seed_pdf)
    assert_in_order(text, report_pieces(seed_report) + [seed_report.agency.name, "2023年1月16日"])


def test_real_figures_print_in_their_cells(tmp_path, shuyang_path):
    report = Report.load(shuyang_path)
    report.texts["problems"] = "人员不足。"
    pdf = export_pdf(report, tmp_path / "shuyang.pdf", draft=False)
    text = flat_text(pdf)
    for tid in ("t2", "t3", "t4"):
        assert_in_order(text, table_pieces(report, tid))
    assert report.get("t3", "1", "natural") == 26
    assert "本年新收政府信息公开申请数量26" in text  # a figure next to its row label


def test_blank_cells_print_empty_slash_prints_slash_and_money_keeps_its_digits(tmp_path, seed_report):
    r = seed_report.copy()
    r.set("t2", "rules", "issued", "/")
    r.set("t2", "rules", "repealed", None)
    r.set("t2", "charges", "amount", Decimal("12.50"))
    text = flat_text(export_pdf(r, tmp_path / "cells.pdf", draft=False))
    assert "规章/0行政规范性文件" in text  # “/”, then the blank cell prints nothing, then 0
    assert "行政事业性收费12.50" in text
    assert "None" not in text


def test_money_to_the_fen_prints_all_six_places(tmp_path, seed_report):
    r = seed_report.copy()
    r.set("t2", "charges", "amount", Decimal("4166.241619"))
    assert "行政事业性收费4166.241619" in flat_text(export_pdf(r, tmp_path / "fen.pdf", draft=False))


def test_empty_items_of_parts_five_and_six_print_wu(tmp_path, seed_report):
    r = seed_report.copy()
    r.texts["other.innovation"] = ""
    r.texts["improvements"] = "  \n"
    text = flat_text(export_pdf(r, tmp_path / "empty.pdf", draft=False))
    assert "（四）政务公开工作创新情况无。（五）" in text
    assert "差距。无。六、其他需要报告的事项" in text


def test_texts_with_line_breaks_print_one_paragraph_per_line(tmp_path, seed_report):
    r = seed_report.copy()
    r.texts["overview.requests"] = "第一段。\n\n第二段。"
    pdf = export_pdf(r, tmp_path / "lines.pdf", draft=False)
    import subprocess

    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout.splitlines()
    assert "第一段。" in raw and "第二段。" in raw


def test_generated_intro_and_fee_sentence_print_when_left_empty(tmp_path, seed_report):
    r = seed_report.copy()
    r.texts["intro"] = ""
    r.texts["other.fees"] = ""
    text = flat_text(export_pdf(r, tmp_path / "gen.pdf", draft=False))
    assert sentences.intro(r).replace("\n", "") in text
    assert sentences.fees(r) in text


def test_the_2019_format_prints_its_own_tables(tmp_path):
    r = Report.blank(2020, Agency(name="某某县档案馆", self_name="我馆"))
    r.issued_on = dt.date(2021, 1, 20)
    r.texts = {f.id: f"{f.label}的内容。" for f in r.definition.text_fields()}
    r.set("t2", "procurement", "amount", Decimal("3.5"))
    r.set("t3", "3.6", "natural", 2)
    text = flat_text(export_pdf(r, tmp_path / "2019.pdf", draft=False))
    assert_in_order(text, report_pieces(r))
    assert "第二十条第（九）项" in text and "政府集中采购3.5" in text
    assert "（六）其他处理2" in text
    assert "本年制发件数" not in text  # a 2021 label


def test_chart_compares_this_year_with_earlier_years(seed_pdf, seed_report):
    text = flat_text(seed_pdf)
    title = common()["website"]["heading"]
    parts = seed_report.definition.parts
    # after table 2 in part 二: legend, then the caption 「图1 … （单位：条）」, then part 三
    assert_in_order(text, [parts[1].title, "2021年", "2022年", f"图1{title}（单位：条）", parts[2].title])
    for category in seed_report.website_counts:
        assert category in text
    assert "单位：条" in text


def test_chart_is_left_out_when_asked_or_without_an_earlier_year(tmp_path, seed_report):
    title = common()["website"]["heading"]
    assert title not in flat_text(export_pdf(seed_report, tmp_path / "a.pdf", include_chart=False, draft=False))
    r = seed_report.copy()
    r.website_counts_history = None
    assert title not in flat_text(export_pdf(r, tmp_path / "b.pdf", draft=False))


def test_chart_takes_history_argument_and_at_most_four_earlier_years(tmp_path, seed_report):
    r = seed_report.copy()
    history = {str(y): {"机构职能": y - 2000, "工作动态": 10} for y in range(2015, 2022)}
    history["2023"] = {"机构职能": 99}  # a later year never shows
    text = flat_text(export_pdf(r, tmp_path / "h.pdf", history=history, draft=False))
    table2_end = text.index("行政事业性收费")
    legend = text[table2_end:text.index(common()["website"]["heading"], table2_end)]
    for year in (2018, 2019, 2020, 2021, 2022):
        assert f"{year}年" in legend
    for year in (2015, 2016, 2017, 2023):
        assert f"{year}年" not in legend
    assert "21" in legend  # 2021's 机构职能 from the argument replaces the report's own 3


def test_a_very_long_part_exports(tmp_path, seed_report):
    r = seed_report.copy()
    base = r.texts["overview.management"]
    r.texts["problems"] = (base * (100_000 // len(base) + 1))[:100_000]
    pdf = export_pdf(r, tmp_path / "long.pdf", draft=False)
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 100
    end = "".join(re.sub(r"\s+", "", p.extract_text()) for p in reader.pages[-12:])
    assert r.texts["problems"][-200:] in PAGE_NUMBER.sub("", end)


@pytest.mark.parametrize("words", ["alpha beta gamma delta", "Open Government Data Portal https://example.org/a b"])
def test_latin_words_keep_their_spaces_across_a_page_break(tmp_path, seed_report, words):
    import subprocess

    r = seed_report.copy()
    r.texts["problems"] = "说明：" + " ".join(f"{words} {i}" for i in range(400)) + "。"
    pdf = export_pdf(r, tmp_path / "latin.pdf", draft=False)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    printed = re.sub(r"(?m)^\f?— \d+ —$", "", raw)
    start = printed.index("说明：")
    got = re.sub(r"(?<=[/.])\s+(?=\w)", "", printed[start:printed.index("。", start)]).split()  # URL breaks
    assert got == ("说明：" + " ".join(f"{words} {i}" for i in range(400))).split()
    assert len({p for p in page_texts(pdf) if "alpha" in p or "Portal" in p}) > 1  # it did cross pages


def test_a_word_longer_than_a_line_is_broken_rather_than_lost(tmp_path, seed_report):
    r = seed_report.copy()
    url = "https://example.org/" + "abcdefghij" * 12
    r.texts["other.more"] = f"网址：{url}。"
    text = flat_text(export_pdf(r, tmp_path / "url.pdf", draft=False))
    assert f"网址：{url}。" in text
