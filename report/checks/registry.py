"""The rule registry: a rule is one small function registered with ``@rule(id, severity, subject)``.

A rule function takes the :class:`~report.checks.context.Context` and yields
:class:`Issue` (something wrong, reported with the rule's severity) or :class:`Unknown`
(a figure the rule needed is blank). All the ``Unknown`` of one rule are merged into a single
“无法核对” warning, so that a half-filled table gives a handful of findings, not hundreds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from report.findings import Finding, Severity

SEVERITIES = tuple(Severity)
UNKNOWN_SEVERITY = Severity.WARNING  # an unverified sum is something a reviewer would ask about, not proof of a mistake
MAX_NAMED = 3  # blank cells named in a 无法核对 message; the rest are counted


@dataclass(frozen=True)
class Issue:
    message: str
    cells: tuple[str, ...] = ()
    quote: str = ""  # the phrase of the text it is about (Finding.quote)


@dataclass(frozen=True)
class Unknown:
    """Blank inputs that keep a rule from deciding: ``cells`` are refs, ``names`` their official labels."""

    cells: tuple[str, ...]
    names: tuple[str, ...]


Outcome = Issue | Unknown


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    subject: str  # what the rule verifies, for the 无法核对 message
    func: Callable[..., Iterable[Outcome]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, subject: str = ""):
    """Register ``func`` as rule ``rule_id``; rules run in registration order."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    severity = Severity(severity)

    def register(func):
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, subject, func)
        return func

    return register


def run(rule_: Rule, ctx) -> list[Finding]:
    """The findings of one rule, its blank inputs merged into one 无法核对 finding."""
    findings: list[Finding] = []
    blank_cells: dict[str, str] = {}
    for outcome in rule_.func(ctx):
        if isinstance(outcome, Unknown):
            for ref, name in zip(outcome.cells, outcome.names, strict=True):
                blank_cells.setdefault(ref, name)
        else:
            findings.append(Finding(rule_.id, Severity(rule_.severity), outcome.message, outcome.cells,
                                    outcome.quote))
    if blank_cells:
        names = list(blank_cells.values())
        listed = "、".join(names[:MAX_NAMED])
        more = f"等 {len(names)} 格" if len(names) > MAX_NAMED else ""
        findings.append(Finding(rule_.id, UNKNOWN_SEVERITY,
                                f"无法核对{rule_.subject}：{listed}{more}为空。没有的请填 0。",
                                tuple(blank_cells)))
    return findings
