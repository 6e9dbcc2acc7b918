"""Pagination as a typesetter does it, measured in the produced PDF over the seed, the samples and
stress inputs: pages filled, headings with their text, nothing broken that must stay whole."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pdfplumber
import pytest
from pdftestkit import MM, flat_text

from report.document import Report
from report.pdf import export_pdf

DATA = Path(__file__).parent.parent / "data"
TOP, BOTTOM = 37 * MM, 35 * MM  # the 版心 starts 37 mm from the top and ends 35 mm above the foot
LONG_NAME = "内蒙古自治区呼伦贝尔市鄂温克族自治旗人民政府办公室"  # 25 characters
LONGER_NAME = "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室"  # 32 characters


def _seed() -> Report:
    return Report.load(DATA / "wendeng-xinfang-2022.json")


def _longer_texts() -> Report:
    r = _seed()
    for key, text in list(r.texts.items()):
        if text:
            r.texts[key] = "\n".join([text] * 5)
    return r


def _long_name() -> Report:
    r = _seed()
    r.agency.name = LONG_NAME
    return r


def _big_figures() -> Report:
    r = _seed()
    table = r.definition.tables["t3"]
    for row in table.blocks[0].rows:
        for col in table.blocks[0].columns:
            key = (col.group, col.id) if col.group else (row.id, col.id)
            r.set("t3", *key, 1234567)
    return r


def _empty_texts() -> Report:
    r = _seed()
    for key in r.texts:
        r.texts[key] = ""
    return r


def _form_2019() -> Report:
    seed = _seed()
    r = Report.blank(2020, seed.agency)
    r.issued_on = dt.date(2021, 1, 20)
    return r


CASES = {
    "seed": _seed,
    "shuyang": lambda: Report.load(DATA / "shuyang-fagaiju-2023.json"),
    "5x-longer-texts": _longer_texts,
    "long-agency-name": _long_name,
    "7-digit-figures": _big_figures,
    "empty-texts": _empty_texts,
    "form-2019": _form_2019,
}


def used_shares(path: Path) -> list[float]:
    """For each page, the share of the 版心's height down to the lowest thing printed in it."""
    shares = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            foot = page.height - BOTTOM + 2
            bottoms = [o["bottom"] for o in [*page.chars, *page.rects, *page.lines, *page.curves]
                       if o["top"] < foot and o["bottom"] <= foot + 1]
            shares.append((max(bottoms) - TOP) / (page.height - TOP - BOTTOM) if bottoms else 0.0)
    return shares


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, tmp_path_factory):
    report = CASES[request.param]()
    pdf = export_pdf(report, tmp_path_factory.mktemp(request.param) / "r.pdf", draft=False)
    return request.param, report, pdf


def test_every_page_but_the_last_is_at_least_70_percent_full(case):
    name, _report, pdf = case
    shares = used_shares(pdf)
    assert all(s >= 0.70 for s in shares[:-1]), f"{name}: {[round(s, 2) for s in shares]}"


def test_the_issuing_date_and_every_figure_print_unbroken(case):
    name, report, pdf = case
    lines = [re.sub(r"\s+", "", ln) for ln in _lines(pdf)]
    if report.issued_on:
        date = f"{report.issued_on.year}年{report.issued_on.month}月{report.issued_on.day}日"
        assert any(date in ln for ln in lines), name
    if name == "7-digit-figures":
        cells = [w["text"] for w in _words(pdf) if re.fullmatch(r"\d+", w["text"])]
        assert cells.count("1234567") >= 20
        assert not any(re.fullmatch(r"\d{1,6}", c) and "1234567".startswith(c) and len(c) > 2 for c in cells)


def test_the_signature_page_holds_text_above_the_signature(case):
    name, report, pdf = case
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in reversed(doc.pages) if report.agency.name[-4:] in (p.extract_text() or ""))
        body = [c for c in page.chars if abs(c["size"] - 16) < 0.05]
    sig_top = min(c["top"] for c in body if c["text"] == report.agency.name[-1])
    assert any(c["top"] < sig_top - 20 for c in body), f"{name}: the signature stands alone on its page"


def test_no_sub_heading_is_printed_without_text_under_it(case):
    name, report, pdf = case
    text = flat_text(pdf)
    for part in report.definition.parts:
        n = 0
        for f in part.fields:
            if f.printed and f.numbered:
                n += 1
                at = text.find(f.label)
                assert at >= 0, (name, f.label)
                following = text[at + len(f.label):at + len(f.label) + 2]
                assert not following.startswith("（"), f"{name}: {f.label} has nothing under it"


def _lines(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [ln for p in doc.pages for ln in (p.extract_text() or "").splitlines()]


def _words(pdf: Path) -> list[dict]:
    with pdfplumber.open(pdf) as doc:
        return [w for p in doc.pages for w in p.extract_words(keep_blank_chars=False)]


def test_a_long_agency_name_breaks_between_words_in_the_title_and_the_signature(tmp_path):
    r = _seed()
    r.agency.name = LONGER_NAME
    pdf = export_pdf(r, tmp_path / "long.pdf", draft=False, include_chart=False)
    with pdfplumber.open(pdf) as doc:
        first, last = doc.pages[0], doc.pages[-1]
        title = _rows(first, lambda c: c["size"] > 20)
        sig = _rows(last, lambda c: abs(c["size"] - 16) < 0.05)[-3:]
        right = last.width - 26 * MM - 2 * 156 * MM / 28
    assert "".join(t for t, _x in title[:2]) == LONGER_NAME and len(title) == 3
    assert title[0][0].endswith(("州", "区", "县")) and len(title[0][0]) >= 8  # between words
    assert "".join(t for t, _x in sig[:2]) == LONGER_NAME
    assert sig[0][0].endswith(("州", "区", "县"))
    assert sig[2][0] == "2023年1月16日"
    assert sig[0][1] == pytest.approx(right, abs=1) and sig[1][1] == pytest.approx(right, abs=1)  # 右空二字


def _rows(page, keep) -> list[tuple[str, float]]:
    """Printed lines of the characters ``keep`` picks, top to bottom: (text, right edge)."""
    rows: dict[float, list] = {}
    for c in page.chars:
        if keep(c):
            rows.setdefault(round(c["matrix"][5], 0), []).append(c)
    out = []
    for _y, chars in sorted(rows.items(), reverse=True):
        chars.sort(key=lambda c: c["x0"])
        out.append(("".join(c["text"] for c in chars), chars[-1]["x1"]))
    return out


def test_the_chart_and_its_labels_stay_inside_the_text_block_with_large_values(tmp_path):
    r = _seed()
    r.website_counts = {k: 1234567 for k in r.website_counts}
    pdf = export_pdf(r, tmp_path / "chart.pdf", draft=False)
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if "图1" in (p.extract_text() or ""))
        left, right = 28 * MM, page.width - 26 * MM
        drawn = [o for o in [*page.chars, *page.rects, *page.lines] if o["top"] < page.height - BOTTOM]
        caption = [c for c in page.chars if c["text"] == "图"]
    assert "1234567" in (page.extract_text() or "").replace(" ", "")
    assert all(o["x0"] >= left - 0.5 and o["x1"] <= right + 0.5 for o in drawn)
    assert caption and all(c["bottom"] <= page.height - BOTTOM for c in caption)
