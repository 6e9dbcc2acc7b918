"""nianbao import / list / export / backup / restore, as the clerk (or a script) runs them."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from gui.main import main
from report.document import Report
from store import open_store

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_import_then_list(capsys, seed_path, shuyang_path, seed_agency):
    code, out, err = run(capsys, "import", str(seed_path), str(shuyang_path))
    assert code == 0 and err == ""
    assert "已导入威海市文登区信访局2022年度报告" in out and "已导入沭阳县发展和改革局2023年度报告" in out
    code, out, _ = run(capsys, "list")
    assert code == 0
    header, *rows = out.strip().splitlines()
    assert header.split() == ["单位名称", "报告年度", "状态", "修改时间", "错误", "警告"]
    seed_row = next(r.split() for r in rows if r.startswith(seed_agency))
    assert seed_row[1:3] == ["2022", "草稿"] and seed_row[-2] == "0"
    shuyang_row = next(r.split() for r in rows if r.startswith("沭阳"))
    assert int(shuyang_row[-2]) >= 1  # no 落款日期


def test_list_counts_the_years_imported_without_counts(capsys, seed_path, shuyang_path):
    from report.checks import check
    from report.findings import Severity

    assert run(capsys, "import", str(seed_path), str(shuyang_path))[0] == 0
    with open_store() as store:
        assert {(s.errors, s.warnings) for s in store.all_reports()} == {(None, None)}  # import does not check
    code, out, _ = run(capsys, "list")
    assert code == 0
    rows = {r.split()[0]: r.split() for r in out.strip().splitlines()[1:]}
    for path in (seed_path, shuyang_path):
        report = Report.load(path)
        counts = check(report).counts()
        assert rows[report.agency.name][-2:] == [str(counts[Severity.ERROR]), str(counts[Severity.WARNING])]


def test_list_of_an_empty_store(capsys):
    assert run(capsys, "list")[:2] == (0, "程序中还没有报告。\n")


def test_invalid_files_change_nothing(capsys, seed_path, tmp_path, private_data_dir, files_snapshot):
    run(capsys, "import", str(seed_path))
    bad_schema = tmp_path / "bad.json"
    data = json.loads(seed_path.read_text(encoding="utf-8"))
    data["t3"]["1"]["natural"] = "十二"
    data["year"] = 2023
    bad_schema.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text_file = tmp_path / "notice.txt"  # a text that is not a report (a published report's text is importable)
    text_file.write_text("关于召开会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    before = files_snapshot(private_data_dir)
    for bad in (bad_schema, text_file, tmp_path / "missing.json"):
        code, out, err = run(capsys, "import", str(bad))
        assert code == (2 if bad is text_file else 1) and out == ""  # 2: not readable as a report at all
        assert one_line(err).startswith(f"{bad}：未导入。")
    assert files_snapshot(private_data_dir) == before


def test_good_files_are_imported_even_when_another_fails(capsys, seed_path, tmp_path, seed_agency):
    missing = tmp_path / "missing.json"
    code, out, err = run(capsys, "import", str(missing), str(seed_path))
    assert code == 1 and "已导入威海市文登区信访局2022年度报告" in out
    reason, summary = err.strip().splitlines()
    assert reason.startswith(f"{missing}：未导入。") and "找不到文件" in reason
    assert summary == f"共 2 个文件，导入 1 个，未导入 1 个：{missing}（原因见上）。"
    with open_store() as s:
        assert s.exists(seed_agency, 2022)


def test_existing_year_needs_replace_which_keeps_the_old_one(capsys, seed_path, tmp_path, seed_agency):
    run(capsys, "import", str(seed_path))
    changed = Report.load(seed_path)
    changed.texts["problems"] = "新文件里的内容"
    new_file = tmp_path / "new.json"
    new_file.write_text(changed.dumps(), encoding="utf-8")
    code, _, err = run(capsys, "import", str(new_file))
    assert code == 1 and "--replace" in one_line(err)
    code, out, err = run(capsys, "import", str(new_file), "--replace")
    assert code == 0 and "原内容已保留为历史版本" in out
    with open_store() as s:
        assert s.load(seed_agency, 2022).texts["problems"] == "新文件里的内容"
        (rev,) = s.revisions(seed_agency, 2022)
        assert rev.kind == "replaced"
        assert s.load_revision(seed_agency, 2022, rev.id).to_dict() == Report.load(seed_path).to_dict()
    assert run(capsys, "import", str(new_file))[0] == 0  # same content again: nothing to do


def test_final_report_is_never_overwritten(capsys, seed_path, tmp_path, seed_agency):
    run(capsys, "import", str(seed_path))
    with open_store() as s:
        s.mark_final(seed_agency, 2022)
    changed = Report.load(seed_path)
    changed.texts["problems"] = "想覆盖定稿"
    new_file = tmp_path / "new.json"
    new_file.write_text(changed.dumps(), encoding="utf-8")
    code, _, err = run(capsys, "import", str(new_file), "--replace")
    assert code == 1 and "已定稿" in one_line(err)
    with open_store() as s:
        assert s.load(seed_agency, 2022).texts["problems"] != "想覆盖定稿"


def test_export_json_fills_history_from_the_store(capsys, seed_path, tmp_path, seed_agency):
    run(capsys, "import", str(seed_path))
    with open_store() as s:
        s.set_history_counts(seed_agency, 2020, {"工作动态": 25})
        s.new_year_from_last(seed_agency, 2023)
    out_file = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "--agency", seed_agency, "--year", "2023", "--json", str(out_file))
    assert code == 0, err
    exported = Report.load(out_file)
    assert exported.year == 2023
    assert exported.website_counts_history == {
        "2020": {"工作动态": 25}, "2021": {"机构职能": 3, "工作动态": 40, "政策解读": 1, "重点领域信息公开": 6},
        "2022": {"机构职能": 3, "工作动态": 60, "政策解读": 1, "重点领域信息公开": 4}}


def test_export_a_file_merges_the_stores_history(capsys, seed_path, tmp_path, seed_agency):
    run(capsys, "import", str(seed_path))
    with open_store() as s:
        s.set_history_counts(seed_agency, 2020, {"工作动态": 25})
    out_file = tmp_path / "out.json"
    assert run(capsys, "export", str(seed_path), "--json", str(out_file))[0] == 0
    history = Report.load(out_file).website_counts_history
    assert history["2020"] == {"工作动态": 25} and history["2021"]["工作动态"] == 40
    assert "2022" not in history


def test_export_pdf_with_errors_says_it_is_a_draft(capsys, shuyang_path, tmp_path):
    run(capsys, "import", str(shuyang_path))
    pdf = tmp_path / "out.pdf"
    code, out, err = run(capsys, "export", "--agency", "沭阳县发展和改革局", "--year", "2023", "--pdf", str(pdf))
    assert code == 0
    line = one_line(err)
    assert "草稿" in line and "落款日期" in line
    assert len(PdfReader(pdf).pages) >= 1


def test_export_pdf_without_errors_is_silent(capsys, seed_path, tmp_path):
    pdf = tmp_path / "out.pdf"
    code, out, err = run(capsys, "export", str(seed_path), "--pdf", str(pdf))
    assert code == 0 and err == ""
    assert "威海市文登区信访局" in "".join(p.extract_text() for p in PdfReader(pdf).pages).replace(" ", "")


def test_export_pdf_can_put_the_chart_after_the_signature_as_an_annex(capsys, seed_path, tmp_path):
    pdf = tmp_path / "annex.pdf"
    assert run(capsys, "export", str(seed_path), "--pdf", str(pdf), "--chart-as-annex")[0] == 0
    pages = [p.extract_text().replace(" ", "") for p in PdfReader(pdf).pages]
    assert re.sub(r"^—\d+—\s*", "", pages[-1]).startswith("附件") and "历年政府网站信息公开数量对比" in pages[-1]
    assert "2023年1月16日" in pages[-2]


@pytest.mark.parametrize("argv, message", [
    (["export", "--json", "x.json"], "请指定要导出的报告"),
    (["export", "--agency", "某某局", "--year", "2022"], "--pdf、--docx、--html、--xlsx、--json（可以组合），或 --all"),
    (["export", "a.json", "--agency", "x", "--year", "2022", "--json", "o.json"], "只指定一种来源"),
    (["export", "--agency", "某某局", "--year", "2022", "--json", "o.json"], "没有找到单位"),
    (["restore", "nowhere.zip"], "找不到备份文件"),
])
def test_errors_are_one_chinese_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in one_line(err)


def test_backup_and_restore(capsys, seed_path, tmp_path, seed_agency):
    run(capsys, "import", str(seed_path))
    code, out, _ = run(capsys, "backup")
    backup = Path(out.strip().split(" ", 1)[1])
    assert code == 0 and backup.is_file()
    with open_store() as s:
        s.delete(seed_agency, 2022)
    code, out, err = run(capsys, "restore", str(backup))
    assert code == 0 and "恢复前的数据已备份到" in out
    with open_store() as s:
        assert s.load(seed_agency, 2022).to_dict() == Report.load(seed_path).to_dict()


def test_writing_commands_refuse_while_the_program_holds_the_store(capsys, seed_path, shuyang_path, seed_agency):
    run(capsys, "import", str(seed_path))
    with open_store():
        code, _, err = run(capsys, "import", str(shuyang_path))
        assert code == 2 and one_line(err).startswith("无法导入：另一个年报助手窗口正在使用这些数据")
        assert run(capsys, "backup")[0] == 2
        code, out, err = run(capsys, "list")  # reading still works
        assert code == 0 and seed_agency in out and err == ""
    with open_store() as s:
        assert not s.exists("沭阳县发展和改革局", 2023)


def test_data_dir_option_and_no_qt_in_a_real_process(tmp_path, seed_path):
    script = ("import sys; from gui.main import main; code = main(sys.argv[1:]); "
              "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt'); sys.exit(code)")
    data = tmp_path / "elsewhere"
    ok = subprocess.run([sys.executable, "-c", script, "--data-dir", str(data), "import", str(seed_path)],
                        cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert ok.returncode == 0 and ok.stdout.strip().endswith("no Qt")
    assert list((data / "db" / "agencies").glob("*.json"))
    bad = subprocess.run([sys.executable, "-c", script, "--data-dir", str(data), "restore", str(seed_path)],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and "不是年报助手的备份文件" in one_line(bad.stderr)


def test_import_and_export_keep_a_6_decimal_amount(capsys, tmp_path):
    pingtan = ROOT / "tests" / "data" / "pingtan-handmade-2025.json"
    code, _, err = run(capsys, "import", str(pingtan))
    assert code == 0 and err == ""
    out_file = tmp_path / "back.json"
    code, _, _ = run(capsys, "export", "--agency", "平潭综合实验区管理委员会", "--year", "2025",
                     "--json", str(out_file))
    assert code == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))["t2"]["charges"]["amount"] == "4166.241619"
