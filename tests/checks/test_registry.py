"""The rule set as a whole: every rule of the check list registered with its severity; order; adding a rule."""


from report.checks import RULES, check
from report.checks.registry import Issue, Rule, Unknown
from report.forms import common

# typed by hand from the check list (plus F-INT and Y-PREV, which keep bad fee figures and wrong comparisons visible)
EXPECTED = {
    "T3-BAL": "error", "T3-SUM": "error", "T3-FWD": "error", "T3-INT": "error", "T3-ROW": "error", "T3-BLANK": "note",
    "T4-SUM": "error", "T4-INT": "error",
    "T2-INT": "error", "T2-STOCK": "warning", "T2-UNIT": "warning", "T2-RULES": "warning", "T2-2019": "warning",
    "Y-CARRY": "warning", "Y-STOCK": "warning", "Y-COPY": "warning", "Y-SAME": "warning", "Y-PENDING": "note",
    "Y-RATE": "note", "Y-JUMP": "note",
    "X-REQ": "warning", "X-NONE": "warning", "X-APPEAL": "warning", "X-SUM": "warning", "X-YEAR": "warning",
    "X-PARTS": "note", "X-OPENING": "warning",
    "F-PAID": "error", "F-NOTICE": "warning", "F-TEXT": "warning", "F-NOTT2": "note", "F-INT": "error",
    "C-PART": "warning", "C-HOLDER": "error", "C-AGENCY": "error", "C-DATE": "note",
    "Y-PREV": "note",
}


def test_every_rule_registered_with_its_severity():
    assert {r.id: r.severity for r in RULES.values()} == EXPECTED


def test_severities_have_chinese_labels():
    assert common()["severity"] == {"error": "错误", "warning": "警告", "note": "提示"}


def test_findings_come_errors_first(clean):
    clean.issued_on = None  # C-AGENCY error, registered after the notes of table 3
    clean.set("t3", "3.1", "legal", None)  # T3-BLANK note and T3 warnings
    severities = [f.severity for f in check(clean)]
    assert severities == sorted(severities, key=["error", "warning", "note"].index)
    assert severities[0] == "error" and "note" in severities


def test_a_new_rule_is_one_function_and_blanks_merge_into_one_finding(of, clean, monkeypatch):
    def demo(ctx):
        yield Issue("示例问题。", ("year",))
        yield Unknown(("t3/1/natural", "t3/2/natural"), ("甲", "乙"))
        yield Unknown(("t3/2/natural", "t3/4/natural"), ("乙", "丙"))
        yield Unknown(("t3/4/other", "t3/4/legal"), ("丁", "戊"))

    monkeypatch.setitem(RULES, "Z-DEMO", Rule("Z-DEMO", "error", "示例", demo))
    issue, blank = of(clean, "Z-DEMO")
    assert (issue.severity, issue.message, issue.cells) == ("error", "示例问题。", ("year",))
    assert blank.severity == "warning"
    assert blank.message == "无法核对示例：甲、乙、丙等 5 格为空。没有的请填 0。"
    assert blank.cells == ("t3/1/natural", "t3/2/natural", "t3/4/natural", "t3/4/other", "t3/4/legal")
