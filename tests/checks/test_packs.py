"""Local requirement packs: the shipped 武威 2025 pack on small reports, and what a malformed pack says."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from report.checks import check
from report.checks.packs import SHIPPED, PackError, available, find, load_pack

OVERVIEW = ("2025年，本局通过门户网站发布信息 120 条，政务新媒体发布信息 80 条，政府公报刊登文件 4 期，"
            "发布政策解读 6 篇，重点领域信息公开 30 条，设立营商环境专区 2 个。")
PACK = """name = "测试要求"
notice = "测试〔2025〕1号"
issued = 2025-12-01
year = 2025
{extra}
[[rules]]
kind = "字数上限"
part = "总体情况"
limit = 1000
{rule}
"""


@pytest.fixture
def wuwei():
    return find("wuwei-2025")


@pytest.fixture
def r2025(clean):
    """A 2025 report whose 总体情况 reports every count the 武威 notice asks for."""
    r = clean.copy()
    r.year, r.issued_on = 2025, dt.date(2026, 1, 20)
    for fid in [f for f in r.texts if f.startswith("overview.")]:
        r.texts[fid] = ""
    r.texts["overview.lead"] = OVERVIEW
    return r


def local(report, packs):
    return [f for f in check(report, None, packs) if f.rule.startswith("L-")]


def test_the_wuwei_pack_quotes_its_notice(wuwei):
    assert (wuwei.name, wuwei.notice, wuwei.issued, wuwei.year) == ("武威市 2025 年度报告要求", "武政办发〔2025〕54号",
                                                                    dt.date(2025, 12, 19), 2025)
    text = (SHIPPED / "wuwei-2025.toml").read_text(encoding="utf-8")
    assert "未能取得通知原文" in text and "总体情况”不超过 1000 字" in text


def test_a_report_that_meets_the_notice_has_no_local_finding(r2025, wuwei):
    assert local(r2025, [wuwei]) == []


def test_a_1500_character_overview_is_flagged(r2025, wuwei):
    r2025.texts["overview.management"] = "加强政府信息管理" * 185  # 1480 more characters
    [f] = local(r2025, [wuwei])
    assert f.rule == "L-MAX" and f.severity == "warning"
    assert f.message == ("一、总体情况共 1559 字，武威市 2025 年度报告要求（武政办发〔2025〕54号）要求不超过 1000 字："
                         "请精简约 559 字。")
    assert "texts/overview.management" in f.cells


def test_a_count_the_notice_requires_must_be_stated_with_its_figure(r2025, wuwei):
    r2025.texts["overview.lead"] = OVERVIEW.replace("政府公报刊登文件 4 期，", "按时编印政府公报，")
    [f] = local(r2025, [wuwei])
    assert f.rule == "L-COUNT" and "一、总体情况没有写明政府公报发布信息的数量" in f.message
    r2025.texts["overview.lead"] = OVERVIEW.replace("政府公报刊登文件 4 期，", "")
    assert "未找到与“公报”同句的数字" in local(r2025, [wuwei])[0].message


def test_a_year_is_not_a_count(r2025, wuwei):
    r2025.texts["overview.lead"] = OVERVIEW.replace("发布政策解读 6 篇", "2025年加强政策解读")
    [f] = local(r2025, [wuwei])
    assert "政策解读的数量" in f.message


def test_a_pack_applies_only_to_its_report_year(clean, wuwei):
    clean.texts["overview.management"] = "加强政府信息管理" * 200
    assert local(clean, [wuwei]) == []  # a 2022 report


def test_mention_and_minimum_kinds(tmp_path, r2025):
    path = tmp_path / "p.toml"
    path.write_text(PACK.format(extra='deadline = 2026-02-28', rule='''
[[rules]]
kind = "须提及"
part = "五、存在的主要问题及改进情况"
words = ["整改"]
severity = "提示"

[[rules]]
kind = "字数下限"
part = "总体情况"
limit = 200
'''), encoding="utf-8")
    pack = load_pack(path)
    assert pack.deadline == dt.date(2026, 2, 28)
    minimum, mention = sorted(local(r2025, [pack]), key=lambda f: f.rule)
    assert (minimum.rule, minimum.severity) == ("L-MIN", "warning")
    assert minimum.message.startswith("一、总体情况只有 79 字，测试要求（测试〔2025〕1号）要求不少于 200 字")
    assert (mention.rule, mention.severity) == ("L-WORD", "note")
    assert mention.message.startswith("五、存在的主要问题及改进情况没有提到整改")
    r2025.texts["improvements"] = "针对上述问题，逐项整改落实。"
    assert [f.rule for f in local(r2025, [pack])] == ["L-MIN"]


SECOND = '\n[[rules]]\nkind = "{kind}"\npart = "{part}"\n'  # lines 10–13 of the file


@pytest.mark.parametrize("extra, rule, line, says", [
    ("", SECOND.format(kind="字数上线", part="总体情况"), 12, "应为 字数上限、字数下限、须提及、须写明数量 之一"),
    ("", SECOND.format(kind="须提及", part="前言") + 'words = ["网站"]', 13, "part 应为报告的一个部分"),
    ("", SECOND.format(kind="须提及", part="总体情况"), 11, "需要要找的词 words"),
    ("", SECOND.format(kind="字数上限", part="总体情况") + 'limit = "1000字"', 14, "需要字数 limit"),
    ("", SECOND.format(kind="字数上限", part="总体情况") + 'limit = 5\nseverity = "错误"', 15, "只能是“警告”或“提示”"),
    ("deadline = 2026-04-30", "", 5, "在 2026 年 1 月 1 日至 3 月 31 日之间"),
    ("dedline = 2026-03-25", "", 5, "不认识的项“dedline”"),
    ("", "limit = 1000", 10, "写法有误"),  # the same key twice in one rule
])
def test_a_malformed_pack_is_refused_naming_the_line(tmp_path, extra, rule, line, says):
    path = tmp_path / "bad.toml"
    path.write_text(PACK.format(extra=extra, rule=rule), encoding="utf-8")
    with pytest.raises(PackError) as e:
        load_pack(path)
    assert f"要求文件 bad.toml 第 {line} 行" in str(e.value) and says in str(e.value)


def test_a_count_may_be_given_as_a_total_in_the_next_clause(r2025, wuwei):
    r2025.texts["overview.lead"] = OVERVIEW.replace("政府公报刊登文件 4 期", "编印政府公报，共 4 期")
    assert local(r2025, [wuwei]) == []


def test_a_toml_syntax_error_names_line_and_column(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('name = "测试要求\nyear = 2025\n', encoding="utf-8")
    with pytest.raises(PackError, match="要求文件 bad.toml 第 1 行第 .* 列写法有误"):
        load_pack(path)


def test_packs_are_found_by_id_or_path_and_a_clerks_folder_adds_its_own(tmp_path, wuwei):
    own = tmp_path / "rules"
    own.mkdir()
    shutil.copy(SHIPPED / "wuwei-2025.toml", own / "gansu-test.toml")
    (own / "broken.toml").write_text('name = "武威\n', encoding="utf-8")
    packs, problems = available([own])
    assert [p.id for p in packs] == ["gansu-test", "wuwei-2025"]
    assert len(problems) == 1 and "broken.toml 第 1 行" in problems[0]
    assert find(str(own / "gansu-test.toml")).notice == wuwei.notice
    with pytest.raises(PackError, match="没有名为“wuwei-2024”的地方要求，可用的有：wuwei-2025"):
        find("wuwei-2024")
