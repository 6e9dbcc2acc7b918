"""The web page, parsed with BeautifulSoup and rendered once by Chromium; and 复制网页内容's two forms."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from exportkit import chromium_pdf, chromium_screenshot, every_text, needs_chromium, squeeze

from report.printed.tables import grid
from report.web import export_html, fragment, plain_text


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "html.parser")


@pytest.mark.parametrize("make", ["seed", "shuyang", "form2019"])
def test_one_self_contained_utf8_page_with_every_text(make, request, tmp_path):
    report = request.getfixturevalue(make)
    page = export_html(report, tmp_path / "r.html")
    raw = page.read_bytes()
    raw.decode("utf-8")
    soup = _soup(page)
    assert soup.html["lang"] == "zh-CN"
    assert soup.find("meta", charset=True)["charset"].lower() == "utf-8"
    assert soup.find("script") is None
    assert not [t for t in soup.find_all(["link", "iframe", "object", "embed"])]
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:"), tag["src"][:40]
    assert "@page" in soup.style.text and "A4" in soup.style.text
    assert soup.title.text == report.agency.name + f"{report.year}年政府信息公开工作年度报告"
    text = squeeze(soup.body.get_text())
    assert [t for t in every_text(report) if squeeze(t) not in text] == []


def _html_spans(table) -> set[tuple[int, int, int, int]]:
    """Merged areas read back from rowspan/colspan, placing cells as a browser does."""
    taken, spans = set(), set()
    for r, tr in enumerate(table.find_all("tr")):
        c = 0
        for cell in tr.find_all(["th", "td"]):
            while (c, r) in taken:
                c += 1
            cs, rs = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
            taken |= {(c + i, r + j) for i in range(cs) for j in range(rs)}
            if cs > 1 or rs > 1:
                spans.add((c, r, c + cs - 1, r + rs - 1))
            c += cs
    return spans


@pytest.mark.parametrize("make", ["seed", "form2019"])
def test_tables_keep_borders_captions_scopes_and_the_official_spans(make, request, tmp_path):
    report = request.getfixturevalue(make)
    soup = _soup(export_html(report, tmp_path / "r.html"))
    tables = soup.find_all("table")
    assert len(tables) == 3
    for table, tid in zip(tables, ("t2", "t3", "t4"), strict=True):
        g = grid(report, tid)
        assert table.caption.text == report.definition.tables[tid].title
        assert table["border"] == "1" and "border" in table["style"]
        assert all("border:1px solid #000" in cell["style"] for cell in table.find_all(["th", "td"]))
        assert _html_spans(table) == set(g.spans)
        assert all(th.get("scope") in ("col", "colgroup", "row", "rowgroup") for th in table.find_all("th"))
        if g.header_rows:
            assert len(table.thead.find_all("tr")) == g.header_rows
    t3 = tables[1]
    labels = [th.text for th in t3.find_all("th", scope=("row", "rowgroup"))]
    assert "三、本年度办理结果" in labels
    assert t3.thead.find("th", string="自然人")["scope"] == "col"


def test_slash_blank_and_zero_stay_distinct(marked, tmp_path):
    soup = _soup(export_html(marked, tmp_path / "m.html"))
    row = soup.find("th", string="规章").parent
    assert [td.text for td in row.find_all("td")] == ["/", "", "0"]
    assert soup.find("td", string="1.5") is not None


def test_fragment_for_the_clipboard_has_inline_borders_and_a_plain_text_twin(seed):
    html = fragment(seed)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("article") and not soup.find("style") and not soup.find("html")
    assert all("border" in c["style"] for c in soup.find_all(["td", "th"]))
    assert soup.find("p")["style"].startswith("text-indent:2em")
    text = plain_text(seed)
    assert text.startswith("威海市文登区信访局\n2022年政府信息公开工作年度报告\n")
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数" in text
    assert "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0" in text
    assert "<" not in text


@needs_chromium
def test_chromium_renders_the_page_with_its_tables(seed, tmp_path):
    from PIL import Image

    png = chromium_screenshot(export_html(seed, tmp_path / "r.html"), tmp_path / "r.png")
    image = Image.open(png).convert("L")
    assert image.size == (900, 3000)
    dark = sum(image.histogram()[:100])
    assert dark > 20_000  # text and table rules drawn, not a blank or error page


@needs_chromium
def test_chromium_sets_figures_in_a_times_face_and_chinese_in_a_chinese_one(seed, tmp_path):
    import pdfplumber

    pdf = chromium_pdf(export_html(seed, tmp_path / "r.html"), tmp_path / "r.pdf")
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    fonts = {kind: {c["fontname"].split("+")[-1] for c in chars if test(c["text"])}
             for kind, test in (("figures", str.isdigit), ("chinese", lambda t: "\u4e00" <= t <= "\u9fff"))}
    assert fonts["figures"] and all("LiberationSerif" in f for f in fonts["figures"]), fonts
    assert fonts["chinese"] and not any("Liberation" in f for f in fonts["chinese"]), fonts
    title = [c for c in chars if c["size"] > 20 and c["text"].isdigit()]  # the 22 pt title's year
    assert title and all(c["fontname"].endswith("LiberationSerif-Bold") for c in title)
