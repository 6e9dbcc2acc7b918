"""The two sample files: the seed report has no 错误; the 沭阳 sample reports its blanks and what it can see."""

from report.checks import check
from report.document import Report


def test_seed_report_has_no_error(seed_path):
    findings = check(Report.load(seed_path))
    assert [f for f in findings if f.severity == "error"] == []
    assert {f.rule for f in findings} <= {"X-PARTS"}  # its opening words part 四 its own way


def test_shuyang_reports_blanks_and_checks_what_is_filled(shuyang_path):
    r = Report.load(shuyang_path)
    findings = check(r)
    rules = {f.rule for f in findings}
    blank_notes = [f for f in findings if f.rule == "T3-BLANK"]
    assert len(blank_notes) == 5  # 商业企业 … 其他 left blank, one note per column
    assert all(len(f.cells) == 25 for f in blank_notes)
    [unverified] = [f for f in findings if f.rule == "T3-BAL"]
    assert unverified.message.startswith("无法核对") and "t3/1/natural" not in unverified.cells
    assert "C-AGENCY" in rules  # no issuing date
    # what it can see holds: 自然人 and 总计 columns balance (26 + 0 = 26 + 0)
    assert not any(f.severity == "error" and f.rule.startswith("T3") for f in findings)
    # the filled column is proved wrong as soon as it is
    r.set("t3", "3.1", "natural", 25)
    assert any(f.rule == "T3-SUM" and f.severity == "error" and "t3/3.7/natural" in f.cells for f in check(r))


def test_generated_opening_and_fee_sentence_pass_every_rule(clean, clean2019):
    """What the program writes itself (empty 开头 and 信息处理费 fields) never contradicts the report."""
    clean.texts["other.fees"] = ""
    assert check(clean) == []
    assert check(clean2019) == []
