"""docs/rules.md lists every rule the checker runs, as the registry says: regenerate it when this fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.checks import RULES
from report.checks.catalogue import markdown
from report.checks.registry import Rule

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == markdown(), \
        "docs/rules.md is out of date: python -m report.checks.catalogue > docs/rules.md"


def test_every_rule_is_listed_with_its_severity():
    doc = DOC.read_text(encoding="utf-8")
    assert "| T2-INT | 错误 | 表二的件数为不小于 0 的整数；收费金额（万元）不为负数且最多 6 位小数（精确到分） |" in doc
    assert "| Y-RATE | 提示 |" in doc and "| L-MAX | 字数上限：" in doc
    assert all(f"| {rule_id} | " in doc for rule_id in RULES)


def test_a_rule_without_a_meaning_cannot_be_listed(monkeypatch):
    registry = dict(RULES, **{"Z-NEW": Rule("Z-NEW", "note", "", lambda ctx: ())})
    monkeypatch.setattr("report.checks.catalogue.RULES", registry)
    with pytest.raises(KeyError, match="Z-NEW"):
        markdown()
