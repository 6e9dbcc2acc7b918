"""``nianbao check``: findings per file in Chinese, --json, exit codes 0/1/2, never a traceback, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gui.main import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


def seed_dict(seed_path) -> dict:
    return json.loads(seed_path.read_text(encoding="utf-8"))


def test_seed_has_no_error(capsys, seed_path):
    code, out, _ = run(capsys, seed_path)
    assert code == 0
    assert "威海市文登区信访局 2022年报告" in out
    assert "提示（1）\n  [X-PARTS]" in out
    assert "错误（" not in out and "结论：没有错误。" in out


def test_errors_give_exit_1_grouped_by_severity(capsys, shuyang_path):
    code, out, _ = run(capsys, shuyang_path)
    assert code == 1
    assert out.index("错误（1）") < out.index("警告（") < out.index("提示（")
    assert "[C-AGENCY] 没有填写落款日期" in out
    assert "结论：有 1 个错误，改正后才能定稿。" in out


def test_json_output(capsys, seed_path, shuyang_path):
    code, out, _ = run(capsys, seed_path, shuyang_path, "--json")
    rows = json.loads(out)
    assert code == 1
    assert {tuple(sorted(r)) for r in rows} == {("cells", "file", "message", "rule", "severity")}
    seed_rows = [r for r in rows if r["file"] == str(seed_path)]
    assert [(r["rule"], r["severity"]) for r in seed_rows] == [("X-PARTS", "note")]
    blank = [r for r in rows if r["rule"] == "T3-BLANK"]
    assert len(blank) == 5 and "t3/1/commercial" in blank[0]["cells"]


def test_unreadable_file_exit_2_and_the_others_still_checked(capsys, tmp_path, seed_path, shuyang_path):
    bad = write(tmp_path, "bad.json", '{"schema": "nianbao.report/1", "form": "2021", "ye')
    code, out, _ = run(capsys, seed_path, bad, shuyang_path)
    assert code == 2
    assert out.count("== ") == 3
    assert f"== {bad}\n无法读取：不是有效的 JSON 文件（第 1 行" in out
    assert "[C-AGENCY]" in out and "[X-PARTS]" in out


def _malformed(seed: dict) -> dict[str, tuple[str | bytes, str]]:
    """name → (file content, what the message must say)."""
    def edit(**changes):
        d = json.loads(json.dumps(seed))
        for path, v in changes.items():
            node = d
            *parents, last = path.split("__")
            for p in parents:
                node = node[p]
            node[last] = v
        return json.dumps(d, ensure_ascii=False)

    return {
        "truncated": (json.dumps(seed, ensure_ascii=False)[:500], "不是有效的 JSON 文件"),
        "empty": ("", "不是有效的 JSON 文件"),
        "array": ("[1, 2]", "应是一个 JSON 对象"),
        "unknown_schema": (edit(schema="nianbao.report/9"), "不是本程序认识的报告文件"),
        "year_as_text": (edit(year="2022"), "$.year"),
        "count_as_text": (edit(t3__1__natural="五"), "$.t3.1.natural"),
        "float_money": (edit(t2__charges__amount=12.5), "$.t2.charges.amount：应为 写成字符串的十进制数"),
        "float_fee": (edit(fees__billed=12.5), "$.fees"),
        "unknown_row": (edit(t3__9={"natural": 1}), "不认识的项"),
        "huge_text": (edit(texts__problems="很" * (10 * 1024 * 1024 // 3)), "文字过长"),
        "not_utf8": ("{\"schema\": \"年报\"}".encode("gbk"), "不是 UTF-8"),
        "wrong_form_for_year": (edit(year=2020), "2020年的报告应使用2019年格式"),
        "bad_date": (edit(issued_on="2023-02-30"), "不是有效日期"),
    }


@pytest.mark.parametrize("case", [
    "truncated", "empty", "array", "unknown_schema", "year_as_text", "count_as_text", "float_money", "float_fee",
    "unknown_row", "huge_text", "not_utf8", "wrong_form_for_year", "bad_date"])
def test_malformed_file_exit_2_with_a_clear_message(capsys, tmp_path, seed_path, case):
    content, says = _malformed(seed_dict(seed_path))[case]
    path = write(tmp_path, f"{case}.json", content)
    code, out, err = run(capsys, path)
    assert code == 2
    assert says in out
    assert "Traceback" not in out + err


def test_negative_count_is_a_finding_not_a_crash(capsys, tmp_path, seed_path):
    d = seed_dict(seed_path)
    d["t3"]["3.1"]["natural"] = -4
    code, out, _ = run(capsys, write(tmp_path, "neg.json", json.dumps(d, ensure_ascii=False)))
    assert code == 1
    assert "[T3-INT] 三、（一）予以公开·自然人 = -4：件数不能为负数。" in out


def test_a_defective_rule_is_reported_not_a_traceback(capsys, monkeypatch, seed_path, shuyang_path):
    from report.checks import RULES
    from report.checks.registry import Rule

    def broken(ctx):
        if ctx.report.year == 2022:
            raise ZeroDivisionError("division by zero")
        return ()

    monkeypatch.setitem(RULES, "Z-BROKEN", Rule("Z-BROKEN", "error", "", broken))
    code, out, err = run(capsys, seed_path, shuyang_path)
    assert code == 2
    assert "检查时出现程序错误（ZeroDivisionError: division by zero）" in out
    assert "[C-AGENCY]" in out and "Traceback" not in out + err


def test_missing_file_and_folder(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path / "nope.json", tmp_path)
    assert code == 2
    assert "找不到文件" in out and "这是一个文件夹" in out


def test_previous_year_comparison(capsys, tmp_path, seed_path):
    last = seed_dict(seed_path)
    last["year"], last["issued_on"] = 2021, "2022-01-20"
    last["t3"]["1"]["natural"] = last["t3"]["1"]["total"] = 2
    last["t3"]["4"]["natural"] = last["t3"]["4"]["total"] = 2
    prev = write(tmp_path, "2021.json", json.dumps(last, ensure_ascii=False))
    code, out, _ = run(capsys, seed_path, "--previous", prev, "--json")
    carry = [r for r in json.loads(out) if r["rule"] == "Y-CARRY"]
    assert code == 0
    assert [r["cells"] for r in carry] == [["t3/2/natural"], ["t3/2/total"]]
    assert "2021年报告的四、结转下年度继续办理·自然人 = 2" in carry[0]["message"]


def test_unreadable_previous_is_exit_2_but_the_file_is_checked(capsys, tmp_path, seed_path):
    prev = write(tmp_path, "prev.json", "not json")
    code, out, err = run(capsys, seed_path, "--previous", prev)
    assert code == 2
    assert "上一年度报告" in err and "跨年度核对已跳过" in err
    assert "[X-PARTS]" in out


def _subprocess(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "gui.main", *argv], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip().split(".")[0] for line in stderr.splitlines()
            if line.startswith("import time:")}


def test_real_entry_point_loads_no_qt_and_no_reportlab(seed_path, shuyang_path):
    p = _subprocess("check", str(seed_path), str(shuyang_path))
    assert p.returncode == 1
    assert "[C-AGENCY]" in p.stdout and "Traceback" not in p.stderr
    modules = _imported(p.stderr)
    assert "report" in modules  # the import log is read
    assert not {"PySide6", "shiboken6", "reportlab"} & modules


def test_real_entry_point_loads_no_tinydb(seed_path):
    p = _subprocess("check", str(seed_path))
    assert p.returncode == 0
    assert "tinydb" not in _imported(p.stderr)


def test_check_itself_loads_no_tinydb(seed_path):
    """The checker and its command (without the store's commands) never load the database."""
    code = ("import argparse, sys\n"
            "from report import cli\n"
            "p = argparse.ArgumentParser(); cli.add_commands(p.add_subparsers())\n"
            f"a = p.parse_args(['check', {str(seed_path)!r}]); code = a.func(a)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'tinydb', 'reportlab'))\n"
            "print('LOADED', bad); sys.exit(code)\n")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert p.returncode == 0
    assert "LOADED []" in p.stdout


def test_version():
    p = subprocess.run([sys.executable, "-m", "gui.main", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.startswith("nianbao ")


PINGTAN = ROOT / "tests" / "data"  # hand-made: table-2 figures of 平潭综合实验区 2025/2024 as issue 14 quotes them


def test_pingtan_2025_against_2024_gets_y_stock_and_no_error(capsys):
    """行政规范性文件 现行有效 546 ≠ 440 + 58 − 45; 行政事业性收费 4166.241619 万元 (to the fen) passes."""
    code, out, _ = run(capsys, PINGTAN / "pingtan-handmade-2025.json", "--previous",
                       PINGTAN / "pingtan-handmade-2024.json", "--json")
    rows = json.loads(out)
    assert code == 0 and not [r for r in rows if r["severity"] == "error"]
    [stock] = [r for r in rows if r["rule"] == "Y-STOCK"]
    assert ("现行有效件数 440 + 行政规范性文件·本年制发件数 58 − 行政规范性文件·本年废止件数 45 计算应为 453"
            in stock["message"])
    assert not [r for r in rows if r["rule"] == "T2-INT"]


def test_list_packs(capsys):
    code, out, _ = run(capsys, "--list-packs")
    assert code == 0
    assert out.startswith("wuwei-2025\t武威市 2025 年度报告要求（武政办发〔2025〕54号，2025-12-19；"
                          "适用于 2025 年度报告，")


def test_check_with_a_pack(capsys, tmp_path):
    data = json.loads((PINGTAN / "pingtan-handmade-2025.json").read_text(encoding="utf-8"))
    data["texts"]["overview.lead"] = "全年围绕中心工作推进政务公开。" * 100  # 1500 字
    path = write(tmp_path, "long.json", json.dumps(data, ensure_ascii=False))
    code, out, _ = run(capsys, path)
    assert code == 0 and "[L-" not in out  # no pack chosen, no local rule
    code, out, _ = run(capsys, path, "--pack", "wuwei-2025")
    assert code == 0
    assert "  [L-MAX] 一、总体情况共 " in out and "要求不超过 1000 字" in out


def test_a_malformed_or_unknown_pack_is_exit_2(capsys, tmp_path, seed_path):
    bad = write(tmp_path, "bad.toml",
                'name = "x"\nnotice = "y"\nissued = 2025-12-01\nyear = 2025\n[[rules]]\nkind = "字数"\n')
    code, _, err = run(capsys, seed_path, "--pack", bad)
    assert code == 2 and "要求文件 bad.toml 第 6 行" in err
    code, _, err = run(capsys, seed_path, "--pack", "nowhere-2030")
    assert code == 2 and "没有名为“nowhere-2030”的地方要求" in err
