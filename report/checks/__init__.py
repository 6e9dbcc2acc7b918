"""The checker: every rule of the check list, run on a report (and last year's report) in a few ms.

    from report.checks import check
    findings = check(report, previous=None, packs=())   # Findings (a list of Finding), errors first

Rules live one family per module (t3, t4, t2, fees, years, text, completeness), each rule a
small function registered with ``@rule(id, severity)`` (see registry.py). Adding a rule is
adding such a function (and its test); importing the family module registers it. A locality's
own requirements are data, not rules: packs.py reads them (resources/rules/local/).
"""

from __future__ import annotations

from collections.abc import Iterable

from report.checks import completeness, fees, t2, t3, t4, text, years  # noqa: F401  (registers the rules)
from report.checks.context import Context
from report.checks.packs import Pack
from report.checks.packs import findings as packs_findings
from report.checks.registry import RULES, SEVERITIES, rule, run
from report.document import Report
from report.findings import Finding, Findings, Severity

__all__ = ["check", "blocking_errors", "Finding", "Findings", "Severity", "RULES", "SEVERITIES", "rule"]


def check(report: Report, previous: Report | None = None, packs: Iterable[Pack] = ()) -> Findings:
    """All findings for ``report``; ``previous`` (last year's report) enables the cross-year rules,
    ``packs`` add the local requirements that apply to the report's year.

    Sorted by severity (错误, 警告, 提示), then in rule order.
    """
    ctx = Context(report, previous)
    return Findings.sorted([f for r in RULES.values() for f in run(r, ctx)] + packs_findings(ctx, packs))


def blocking_errors(report: Report, previous: Report | None = None) -> Findings:
    """The 错误 that keep the report a draft: it cannot be made final and its PDF carries 「草稿」.

    Pass last year's report whenever there is one: every path that prints, exports or finalises
    asks this same question, so the watermark never depends on which button made the PDF.
    """
    return check(report, previous).errors
