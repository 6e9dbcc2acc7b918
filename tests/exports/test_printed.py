"""The one model of what is printed: every writer renders these items and decides nothing itself."""

from __future__ import annotations

from report.printed import items
from report.printed.signature import right_indents


def test_items_follow_the_official_order(seed):
    story = items(seed)
    kinds = [i.kind for i in story]
    assert kinds[:2] == ["title", "title"]
    assert [i.text for i in story if i.kind == "heading1"] == [p.title for p in seed.definition.parts]
    assert kinds[-3:] == ["signature", "date", "chart"]
    assert [i.payload.table_id for i in story if i.kind == "table"] == ["t2", "t3", "t4"]


def test_empty_fields_print_the_generated_sentence_or_wu(seed):
    seed.texts["intro"] = ""
    seed.texts["improvements"] = ""
    story = items(seed, include_chart=False)
    intro = [i.text for i in story if i.where == seed.definition.intro.label]
    assert intro[0].startswith("根据《中华人民共和国政府信息公开条例》")
    measures = [i.text for i in story if i.where.endswith("改进措施") and i.kind == "body"]
    assert measures == ["无。"]


def test_signature_stands_two_characters_from_the_edge_and_the_date_two_right_of_its_start():
    assert right_indents("威海市文登区信访局", "2023年1月16日") == (2, 2 + 9 - 2 - 6.5)
    assert right_indents("某局", "2023年12月31日") == (2 + 7 + 2 - 2, 2)  # a longer date moves the name left
