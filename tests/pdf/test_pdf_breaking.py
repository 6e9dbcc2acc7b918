"""Line breaking: what must stay whole stays whole wherever it falls in a line; URLs break after 「/」."""

from __future__ import annotations

import pytest

from report.pdf import fonts as fontsel
from report.pdf import stylesheet as ss
from report.pdf.text import TextBlock

WHOLE = ["0527—83593059", "0631-3993688", "〔2021〕30号", "264400", "2023年12月31日", "1234567"]
URL = "https://www.example.gov.cn/zwgk/xxgkml/index.html"


def lines_of(text: str, style=ss.BODY) -> list[str]:
    block = TextBlock(text, style, fontsel.select())
    block.wrap(ss.TEXT_WIDTH, 1e6)
    return ["".join(g.ch for token in line for g in token) for line in block._lines]


@pytest.mark.parametrize("shift", range(0, 28, 3))
def test_numbers_dates_and_document_numbers_are_never_broken(shift):
    text = "中" * shift + "联系电话：0527—83593059，传真0631-3993688；依据文政办发〔2021〕30号文件，邮编264400，" \
                      "统计至2023年12月31日，共1234567条。" + "文" * 40
    lines = lines_of(text)
    assert "".join(lines) == text
    for piece in WHOLE:
        assert any(piece in line for line in lines), (shift, piece, lines)


@pytest.mark.parametrize("shift", range(0, 28, 2))
def test_a_url_breaks_after_a_slash_where_it_stands_and_the_line_before_stays_full(shift):
    text = "中" * shift + f"详见网站{URL}中的年报栏目。" + "文" * 30
    lines = lines_of(text)
    assert "".join(lines) == text
    full = ss.TEXT_WIDTH - 2 * ss.ADVANCE - 4 * ss.ADVANCE - 0.01  # indented two characters; gaps under 0.2 em
    block = TextBlock(text, ss.BODY, fontsel.select())
    block.wrap(ss.TEXT_WIDTH, 1e6)
    for line in block._lines[:-1]:
        assert sum(t.width for t in line) >= full, lines


def test_a_word_longer_than_the_line_breaks_where_it_stands():
    word = "x" * 150
    lines = lines_of("说明" + word + "完。")
    assert lines[0].startswith("说明x") and "".join(lines) == "说明" + word + "完。"


def test_table_headers_break_between_two_character_words():
    assert lines_of("社会公益组织", ss.TABLE_HEAD)[0] in ("社会公益组织", "社会", "社会公益")
    block = TextBlock("社会公益组织", ss.TABLE_HEAD, fontsel.select())
    block.wrap(3 * ss.SIZE_TABLE, 1e6)
    assert ["".join(g.ch for t in ln for g in t) for ln in block._lines] == ["社会", "公益", "组织"]


def test_no_paragraph_ends_with_a_lone_character():
    for n in range(20, 90):
        lines = lines_of("文" * n + "成。")
        assert len(lines[-1]) >= 3 or len(lines) == 1, (n, lines)
