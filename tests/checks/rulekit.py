"""Helpers for the rule tests (a module name of its own: every test folder has a conftest)."""

from __future__ import annotations

from decimal import Decimal

from report.checks import check
from report.document import Report


def zero(report: Report) -> Report:
    """Every cell 0 (money “0”), so that only what a test sets can be wrong."""
    for table in report.definition.tables.values():
        for c in table.cells():
            report.set(table.id, *c.key, Decimal(0) if c.column.type == "money" else 0)
    if report.fees is not None:
        report.fees = {"notices": 0, "billed": Decimal(0), "collected": Decimal(0)}
    return report


def of(report: Report, rule: str, previous: Report | None = None) -> list:
    """The findings of one rule."""
    return [f for f in check(report, previous) if f.rule == rule]
