"""The findings vocabulary: severities ordered by gravity, a collection that counts and summarises,
and references that read back exactly what was built."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from report.checks import RULES, blocking_errors, check
from report.checks.registry import Issue, Rule
from report.findings import Finding, Findings, Ref, RefKind, Severity


def finding(severity, rule="Z", message="m") -> Finding:
    return Finding(rule, severity, message)


# ---------------------------------------------------------------------- Severity
def test_severities_are_ordered_by_gravity_not_alphabetically():
    assert Severity.ERROR > Severity.WARNING > Severity.NOTE
    assert Severity.NOTE < Severity.ERROR and Severity.WARNING >= Severity.WARNING
    assert max(Severity) is Severity.ERROR and min(Severity) is Severity.NOTE
    assert list(Severity) == [Severity.ERROR, Severity.WARNING, Severity.NOTE]  # listed gravest first


def test_severities_keep_their_text_form_in_files_and_have_chinese_labels():
    assert json.dumps([Severity.ERROR, Severity.NOTE]) == '["error", "note"]'
    assert Severity("warning") is Severity.WARNING and Severity.ERROR == "error"
    assert [s.label for s in Severity] == ["错误", "警告", "提示"]
    with pytest.raises(ValueError):
        Severity("fatal")


# ---------------------------------------------------------------------- Findings
def test_findings_sort_gravest_first_and_keep_rule_order_within_a_severity():
    given_order = [finding("note", "N1"), finding("error", "E1"), finding("warning", "W1"),
                   finding("error", "E2"), finding("note", "N2")]
    assert [f.rule for f in Findings.sorted(given_order)] == ["E1", "E2", "W1", "N1", "N2"]


def test_findings_count_every_severity_and_name_the_worst():
    fs = Findings([finding("warning"), finding("note"), finding("warning")])
    assert fs.counts() == {Severity.ERROR: 0, Severity.WARNING: 2, Severity.NOTE: 1}
    assert fs.worst is Severity.WARNING
    assert fs.errors == [] and not fs.errors
    assert Findings().worst is None
    assert Findings([finding("note"), finding(Severity.ERROR)]).worst is Severity.ERROR


def test_summary_lists_the_severities_present_with_their_numbers():
    fs = Findings([finding("error"), finding("error"), finding("note")])
    assert fs.summary() == "2 个错误、1 个提示"
    assert Findings().summary() == ""


def test_excerpt_quotes_the_first_messages():
    fs = Findings(finding("error", message=f"问题{i}。") for i in range(5))
    assert fs.errors.excerpt() == "问题0。；问题1。；问题2。"
    assert fs.excerpt(1) == "问题0。"


def test_the_checker_answers_in_this_vocabulary(seed_path):
    from report.document import Report

    r = Report.load(seed_path)
    r.set("t3", "1", "natural", 999)  # breaks the balance of table 3: an 错误
    findings = check(r)
    assert isinstance(findings, Findings) and all(isinstance(f.severity, Severity) for f in findings)
    assert findings.worst is Severity.ERROR and findings.errors == blocking_errors(r)
    assert all(isinstance(ref, Ref) for f in findings for ref in f.cells)
    assert "t3/1/natural" in [ref for f in findings.errors for ref in f.cells]


def test_blocking_errors_use_last_years_report_when_given(seed_path, monkeypatch):
    from report.document import Report

    def cross_year(ctx):
        if ctx.previous is not None:
            yield Issue("与上年不符。", (Ref.field("year"),))

    monkeypatch.setitem(RULES, "Z-CROSS", Rule("Z-CROSS", Severity.ERROR, "", cross_year))
    r = Report.load(seed_path)
    last = r.copy()
    last.year = r.year - 1
    assert not blocking_errors(r)
    assert [f.rule for f in blocking_errors(r, last)] == ["Z-CROSS"]


# ---------------------------------------------------------------------- Ref
@pytest.mark.parametrize(("ref", "text", "kind", "area", "key"), [
    (Ref.cell("t3", "3.7", "natural"), "t3/3.7/natural", RefKind.CELL, "t3", ("3.7", "natural")),
    (Ref.text("problems"), "texts/problems", RefKind.TEXT, "texts", ("problems",)),
    (Ref.fee("collected"), "fees/collected", RefKind.FEE, "fees", ("collected",)),
    (Ref.agency("name"), "agency/name", RefKind.AGENCY, "agency", ("name",)),
    (Ref.field("issued_on"), "issued_on", RefKind.FIELD, "issued_on", ()),
])
def test_each_kind_of_ref_is_built_as_findings_carry_it_and_read_back(ref, text, kind, area, key):
    assert ref == text and isinstance(ref, str)
    read = Ref(text)
    assert (read.kind, read.area, read.key) == (kind, area, key)
    assert read == ref


_part = st.text(st.characters(blacklist_characters="/", blacklist_categories=("Cs",)), min_size=1, max_size=8)


@given(_part, _part, _part)
def test_any_cell_ref_reads_back_its_parts(table, row, column):
    if table in ("texts", "fees", "agency"):
        return  # those areas name texts, fees and agency fields, not tables
    ref = Ref(str(Ref.cell(table, row, column)))
    assert ref.kind is RefKind.CELL and (ref.area, *ref.key) == (table, row, column)


@given(_part)
def test_any_text_fee_and_agency_ref_reads_back_its_id(name):
    for build, kind in ((Ref.text, RefKind.TEXT), (Ref.fee, RefKind.FEE), (Ref.agency, RefKind.AGENCY)):
        ref = Ref(str(build(name)))
        assert ref.kind is kind and ref.key == (name,)


@pytest.mark.parametrize("text", ["", "t3//natural", "texts/a/b", "fees", "t3/1/total/extra", "/year"])
def test_malformed_refs_are_refused(text):
    with pytest.raises(ValueError):
        Ref(text)
