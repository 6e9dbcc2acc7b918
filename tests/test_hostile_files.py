"""Hostile report files at the door: each gets one Chinese message naming its place, and an exit code.

The cases are the ones a fuzzing run of 12,000 mutated files found: hangs on huge exponents,
English crashes on digits past Python's limit, a list nested a thousand deep, true where an
object belongs, lone surrogates, control characters in names.
"""

import json
import re

import pytest

from gui.main import main
from report.document import Report, ReportFileError

ENGLISH = re.compile(r"Traceback|Error|should|Exceeds|is not|unhashable|codec|[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}")


@pytest.fixture
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


def _mutate(seed_text: str, how) -> str:
    data = json.loads(seed_text)
    how(data)
    return json.dumps(data, ensure_ascii=False)


def _replace_first(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


def _nested(depth: int):
    return lambda text: text.rstrip().rstrip("}") + ', "t5": ' + "[" * depth + "]" * depth + "}"


CASES = {
    "exponent": (_replace_first('"natural": 0', '"natural": 1E+1000000'), "$.t3.1.natural：数字 1E+1000000 过长或过大"),
    "huge exponent": (_replace_first('"natural": 0', '"natural": 1E+999999999'), "$.t3.1.natural：数字 1E+999999999"),
    "5000 digits": (_replace_first('"natural": 0', '"natural": ' + "9" * 5000), "（5000 个字符） 过长或过大"),
    "NaN": (_replace_first('"natural": 0', '"natural": NaN'), "$.t3.1.natural：数字 NaN"),
    "over a billion": (_replace_first('"natural": 0', '"natural": 1000000000'),
                       "$.t3.1.natural：应为 整数（绝对值不超过 999999999）"),
    "fees true": (lambda t: _mutate(t, lambda d: d.update(fees=True)), "$.fees：应为对象或空（null），实际为 true"),
    "nested 984 deep": (_nested(984), "嵌套层数过多"),
    "nested 100000 deep": (_nested(100_000), "嵌套层数过多"),
    "100000 keys": (lambda t: _mutate(t, lambda d: d.update(texts={f"k{i}": "" for i in range(100_000)})),
                       "$：内容过多（超过 20000 项）"),
    "a wide list": (lambda t: _mutate(t, lambda d: d.update(t5=[[1] * 10] * 5_000)), "$：内容过多（超过 20000 项）"),
    "lone surrogate": (_replace_first('"name": "', '"name": "\\ud800'),
                       "$.agency.name：含有无效的字符（单独的代理码 U+D800）"),
    "NUL in name": (lambda t: _mutate(t, lambda d: d["agency"].update(name="某局\x00\n办公室")),
                    "$.agency.name：名称中不能有换行、制表符等控制字符（U+0000）"),
    "escape in name": (lambda t: _mutate(t, lambda d: d["agency"].update(name="\x1b[31m某局")), "控制字符（U+001B）"),
    "empty category": (lambda t: _mutate(t, lambda d: d["website_counts"].update({"": 1})),
                       "$.website_counts：项名 “” 不符合要求（类别名称应为 1–50 个字）"),
    "year key": (lambda t: _mutate(t, lambda d: d.update(website_counts_history={"20x1": {"a": 1}})),
                 "$.website_counts_history：项名 “20x1” 不符合要求（年份应为四位数字"),
    "3000-digit money": (lambda t: _mutate(t, lambda d: d["t2"]["charges"].update(amount="1" * 3000)),
                         "$.t2.charges.amount：应为 写成字符串的十进制数"),
    "13 decimals": (lambda t: _mutate(t, lambda d: d["fees"].update(billed="1.1234567890123")),
                    "$.fees.billed：应为 写成字符串的十进制数（最多 9 位整数、12 位小数"),
    "year one": (lambda t: _mutate(t, lambda d: d.update(issued_on="0001-01-01")),
                 "$.issued_on：“0001-01-01”不在 2000—2100 年之间"),
}


@pytest.fixture(params=sorted(CASES))
def hostile(request, seed_text, tmp_path):
    make, message = CASES[request.param]
    path = tmp_path / "hostile.json"
    path.write_text(make(seed_text), encoding="utf-8", errors="surrogatepass")
    return path, message


def test_check_names_the_place_in_chinese_and_exits_2(hostile, capsys):
    path, message = hostile
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert message in out and out.count("无法读取") == 1
    assert not ENGLISH.search(out.replace(str(path), "")) and err == ""


def _snapshot(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_import_refuses_it_and_changes_nothing(hostile, capsys, private_data_dir, seed_path):
    main(["import", str(seed_path)])
    capsys.readouterr()
    before = _snapshot(private_data_dir)
    path, message = hostile
    code = main(["import", "--replace", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and message in err and err.startswith(f"{path}：未导入。") and len(err.splitlines()) == 1
    assert not ENGLISH.search(err.replace(str(path), ""))
    assert _snapshot(private_data_dir) == before


def test_export_refuses_it(hostile, capsys, tmp_path):
    path, message = hostile
    code = main(["export", str(path), "--json", str(tmp_path / "out.json")])
    _, err = capsys.readouterr()
    assert code == 2 and message in err and not (tmp_path / "out.json").exists()


def test_a_website_count_written_3_point_0_is_the_count_3(seed_text, tmp_path, capsys):
    path = tmp_path / "r.json"
    path.write_text(seed_text.replace('"机构职能": 3', '"机构职能": 3.0'), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    assert main(["export", "--agency", "威海市文登区信访局", "--year", "2022", "--json", str(tmp_path / "o.json")]) == 0
    exported = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert exported["website_counts"]["机构职能"] == 3 and "3.0" not in (tmp_path / "o.json").read_text("utf-8")


def test_minus_zero_money_is_zero(seed_text):
    report = Report.loads(_mutate(seed_text, lambda d: d["t2"]["charges"].update(amount="-0.00")))
    amount = report.get("t2", "charges", "amount")
    assert amount == 0 and str(amount) == "0.00" and report.to_dict()["t2"]["charges"]["amount"] == "0.00"


def test_look_alike_text_is_normalised(seed_text):
    name = "威海市文登区信访局"
    decomposed = "\ufeff" + name + "\u200b"
    report = Report.loads(_mutate(seed_text, lambda d: d["agency"].update(name=decomposed)))
    assert report.agency.name == name
    composed = Report.loads(_mutate(seed_text, lambda d: d["texts"].update(problems="Cafe\u0301")))
    assert composed.texts["problems"] == "Café"


def test_word_line_breaks_in_texts_become_newlines_and_other_controls_go(seed_text):
    report = Report.loads(_mutate(seed_text, lambda d: d["texts"].update(problems="一\x0b二\x0c三\x07\x00\t四\r\n")))
    assert report.texts["problems"] == "一\n二\n三\t四\r\n"


def test_what_the_program_saves_or_exports_it_reads_back(seed_text):
    report = Report.loads(seed_text)
    report.texts["problems"] = "从 Word 表格复制的一格\x07"
    report.agency.office = "办公\x00室\n"
    again = Report.loads(report.dumps())
    assert again.texts["problems"] == "从 Word 表格复制的一格" and again.agency.office == "办公 室 "


def test_every_problem_is_named_not_only_the_first(seed_text):
    text = _mutate(seed_text, lambda d: (d["agency"].update(name="a\x01"), d["texts"].update(problems="\ud800")))
    with pytest.raises(ReportFileError) as e:
        Report.loads(text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass"))
    assert "$.agency.name" in str(e.value) and "$.texts.problems" in str(e.value)


def test_check_never_prints_a_control_character_of_the_file_raw(seed_text, tmp_path, capsys):
    path = tmp_path / "a\x1b[2J.json"
    path.write_text(_mutate(seed_text, lambda d: d["texts"].update({"\x1b]0;x\x07": "无"})), encoding="utf-8")
    code = main(["check", str(path)])
    out, _ = capsys.readouterr()
    assert code == 2 and "\x1b" not in out and "\x07" not in out
    assert "a<U+001B>[2J.json" in out and "$.texts：有本格式不认识的项 ]0;x" in out
