"""The printed page follows GB/T 9704: A4, 版心 156 × 225 mm, font sizes, 28 × 22 grid, page numbers."""

from __future__ import annotations

from collections import defaultdict

import pdfplumber
import pytest
from pdftestkit import MM, raw_lines

A4 = (210 * MM, 297 * MM)


def lines_of(page, size):
    """Characters of one size grouped into printed lines (by baseline), top to bottom."""
    rows = defaultdict(list)
    for c in page.chars:
        if abs(c["size"] - size) < 0.05:
            rows[-round(c["matrix"][5], 1)].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


@pytest.fixture(scope="module")
def pages(seed_pdf):
    with pdfplumber.open(seed_pdf) as pdf:
        yield pdf.pages


def test_every_page_is_a4(pages):
    for page in pages:
        assert (page.width, page.height) == pytest.approx(A4, abs=0.5)


def test_text_starts_at_the_top_and_left_margins(pages):
    for page in pages:
        printed = [*(c for c in page.chars if c["size"] >= 9), *page.rects, *page.lines]  # text, tables, chart
        assert min(c["top"] for c in printed) / MM == pytest.approx(37, abs=1)
        text_lines = lines_of(page, 16)
        if text_lines:
            assert min(line[0]["x0"] for line in text_lines) / MM >= 28 - 1


@pytest.fixture(scope="module")
def long_text_pages(seed_report, tmp_path_factory):
    from report.pdf import export_pdf

    r = seed_report.copy()
    r.texts["problems"] = "\n".join([r.texts["overview.management"]] * 12)  # pages of plain text
    with pdfplumber.open(export_pdf(r, tmp_path_factory.mktemp("long") / "long.pdf", draft=False)) as pdf:
        yield pdf.pages


def test_a_full_page_holds_22_lines_of_28_characters_ending_at_the_margins(long_text_pages):
    full = [p for p in long_text_pages if len(lines_of(p, 16)) == 22]
    assert full, "no page is filled with text"
    page = full[0]
    lines = lines_of(page, 16)
    assert (page.height - max(c["bottom"] for c in lines[-1])) / MM == pytest.approx(35, abs=1)
    chinese = [line for line in lines
               if all("\u4e00" <= c["text"] <= "\u9fff" or c["text"] in "，。、；：“”（）《》" for c in line)]
    assert any(len(line) == 28 for line in chinese)
    for line in chinese:
        if len(line) == 28:
            assert line[0]["x0"] / MM == pytest.approx(28, abs=1)
            assert (page.width - line[-1]["x1"]) / MM == pytest.approx(26, abs=1)
    assert max(c["x1"] for line in lines for c in line) <= page.width - 26 * MM + 1 * MM


def test_font_sizes_and_faces_of_each_role(pages, seed_report):
    first = pages[0]
    title = [c for c in first.chars if c["size"] > 20]
    assert "".join(c["text"] for c in title) == f"{seed_report.agency.name}{seed_report.year}年政府信息公开工作年度报告"
    assert all(c["size"] == pytest.approx(22, abs=0.5) for c in title)
    # 小标宋's stand-in for the Chinese, a bold Times-like face for the year
    assert {c["fontname"].split("+")[1] for c in title if not c["text"].isdigit()} == {"FandolSong-Bold"}
    assert {c["fontname"].split("+")[1] for c in title if c["text"].isdigit()} == {"LiberationSerif-Bold"}
    faces = defaultdict(set)
    for page in pages:
        for line in lines_of(page, 16):
            text = "".join(c["text"] for c in line)
            faces[text].update(c["fontname"].split("+")[1] for c in line if not c["text"].isascii())
    assert faces["一、总体情况"] == {"FandolHei-Regular"}  # 一、 headings: 黑体
    assert faces["（一）主动公开"] == {"FandolKai-Regular"}  # （一） headings: 楷体
    body = next(t for t in faces if t.startswith("结合我局机构人员分工动态"))
    assert faces[body] == {"FandolFang-Regular"}  # body: 仿宋


def test_latin_letters_and_figures_print_in_a_times_like_face(pages):
    body = [c for p in pages for c in p.chars if abs(c["size"] - 16) < 0.05]
    latin = [c for c in body if c["text"].isascii() and c["text"].isalnum()]
    assert latin, "the seed's body has figures"
    assert {c["fontname"].split("+")[1] for c in latin} <= {"LiberationSerif", "FandolHei-Regular"}
    assert any(c["fontname"].endswith("LiberationSerif") for c in latin)


def test_the_title_face_is_bolder_than_the_body_face(seed_pdf):
    """Measured on the rendered page: a title character holds far more ink than a body one."""
    import pypdfium2
    from PIL import ImageStat

    scale = 4
    with pdfplumber.open(seed_pdf) as pdf:
        chars = pdf.pages[0].chars
    image = pypdfium2.PdfDocument(seed_pdf)[0].render(scale=scale, grayscale=True).to_pil()

    def ink(cs):  # share of each character's em square that is black, on average
        total = 0.0
        for c in cs:
            crop = image.crop(tuple(round(v * scale) for v in (c["x0"], c["top"], c["x1"], c["bottom"])))
            total += (255 - ImageStat.Stat(crop).mean[0]) / 255 * crop.width * crop.height / (c["size"] * scale) ** 2
        return total / len(cs)

    title = [c for c in chars if c["size"] > 20 and not c["text"].isascii()]
    body = [c for c in chars if abs(c["size"] - 16) < 0.05 and "\u4e00" <= c["text"] <= "\u9fff"]
    assert title and body
    assert ink(title) > 1.5 * ink(body)


def test_paragraphs_start_two_characters_in(pages):
    for line in (ln for p in pages for ln in lines_of(p, 16)):
        text = "".join(c["text"] for c in line)
        if text.startswith(("结合我局机构人员", "一、总体情况", "（一）主动公开")):
            assert (line[0]["x0"] / MM - 28) == pytest.approx(2 * 156 / 28, abs=0.3)


def test_page_numbers_in_4hao_below_the_text_block(pages):
    for n, page in enumerate(pages, start=1):
        number = [c for c in page.chars if abs(c["size"] - 14) < 0.05 and c["top"] > page.height - 35 * MM]
        assert "".join(c["text"] for c in number).replace(" ", "") == f"—{n}—"
        top = min(c["top"] for c in number)
        assert top > page.height - 35 * MM  # below the 版心
        assert page.height - max(c["bottom"] for c in number) > 20 * MM  # well inside the page
        if n % 2:  # GB/T 9704: odd pages right, even pages left, one character in
            assert (page.width - max(c["x1"] for c in number)) / MM == pytest.approx(26 + 14 / MM, abs=1)
        else:
            assert min(c["x0"] for c in number) / MM == pytest.approx(28 + 14 / MM, abs=1)


def test_signature_is_right_aligned_with_the_date_in_chinese(pages, seed_report):
    lines = [ln for p in pages for ln in lines_of(p, 16)]
    texts = ["".join(c["text"] for c in ln) for ln in lines]
    name_at = len(texts) - 1 - texts[::-1].index(seed_report.agency.name)
    assert texts[name_at + 1] == "2023年1月16日"
    name, date = lines[name_at], lines[name_at + 1]
    right = pages[0].width - 26 * MM
    advance = 156 * MM / 28
    # GB/T 9704 7.3.5.2: the name 右空二字, the date's first character two characters right of the name's
    assert name[-1]["x1"] == pytest.approx(right - 2 * advance, abs=1 * MM)
    assert date[0]["x0"] - name[0]["x0"] == pytest.approx(2 * advance, abs=1 * MM)
    assert date[-1]["x1"] <= right - 2 * advance + 1 * MM


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(seed_pdf, tmp_path, seed_report):
    from report.pdf import export_pdf

    r = seed_report.copy()
    # Punctuation-dense text: every break position meets a mark sooner or later.
    r.texts["other.more"] = "".join(f"第{i}项“依申请公开”（见《条例》第{i}条），办结；" for i in range(1, 60))
    dense = export_pdf(r, tmp_path / "p.pdf", draft=False)
    for path in (seed_pdf, dense):
        for line in raw_lines(path):
            assert line[0] not in "，。、；：？！）》”’．", line
            assert line[-1] not in "“《（‘", line


def test_a_date_longer_than_the_name_keeps_two_characters_from_the_edge(tmp_path, seed_report):
    import datetime as dt

    from report.pdf import export_pdf

    r = seed_report.copy()
    r.agency.name = "某档案馆"
    r.issued_on = dt.date(2023, 12, 31)
    pdf = export_pdf(r, tmp_path / "short.pdf", include_chart=False, draft=False)
    with pdfplumber.open(pdf) as doc:
        lines = lines_of(doc.pages[-1], 16)
        width = doc.pages[-1].width
    name, date = lines[-2], lines[-1]
    assert "".join(c["text"] for c in date) == "2023年12月31日"
    advance = 156 * MM / 28
    assert date[-1]["x1"] == pytest.approx(width - 26 * MM - 2 * advance, abs=1 * MM)
    assert date[0]["x0"] - name[0]["x0"] == pytest.approx(2 * advance, abs=1 * MM)
