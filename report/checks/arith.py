"""Sums with blanks: a blank is unknown (not 0), yet a sum can still be proved wrong.

Counts are never negative, so when one side of an equation is fully known and the figures
already typed on the other side exceed it, the equation cannot hold whatever the blanks
are: that is reported as a mistake. Otherwise a blank input yields :class:`Unknown`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from report.checks.context import Context, count_problem, integer, ref, show
from report.checks.registry import Issue, Outcome, Unknown

Key = tuple[str, str]


class Side:
    """One side of an equation: the cells summed, and how the message names the sum."""

    def __init__(self, ctx: Context, table: str, keys: Sequence[Key], label: str | None = None):
        self.ctx = ctx
        self.table = table
        self.keys = list(keys)
        data = ctx.report.table(table)
        self.values = [data.get(a, {}).get(b) for a, b in self.keys]
        self.label = label
        self.invalid = any(v is not None and integer(v) is None for v in self.values)
        self.known = sum(integer(v) or 0 for v in self.values)
        self.blank = [i for i, v in enumerate(self.values) if v is None]

    @property
    def names(self) -> list[str]:
        """Official names, looked up only when a message needs them (most sums hold)."""
        return [self.ctx.name(self.table, a, b) for a, b in self.keys]

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(ref(self.table, a, b) for a, b in self.keys)

    def describe(self) -> str:
        """「A = 5」, 「A + B = 5 + 7 = 12」 or 「<label> = 12」."""
        if self.label:
            return f"{self.label} = {self.known}"
        if len(self.keys) == 1:
            return f"{self.names[0]} = {show(self.values[0])}"
        return f"{' + '.join(self.names)} = {' + '.join(show(v) for v in self.values)} = {self.known}"

    def describe_partial(self) -> str:
        what = self.label or " + ".join(self.names)
        return f"{what}中已填的部分已达 {self.known}（另有 {len(self.blank)} 格为空）"


def _unknown(*sides: Side) -> Unknown:
    blank = [(s, s.keys[i]) for s in sides for i in s.blank]
    return Unknown(tuple(ref(s.table, a, b) for s, (a, b) in blank),
                   tuple(s.ctx.name(s.table, a, b) for s, (a, b) in blank))


def equal(left: Side, right: Side) -> Iterator[Outcome]:
    """``left = right``; nothing when it holds, an Issue when it cannot, Unknown when blanks hide it."""
    if left.invalid or right.invalid:  # T3-INT / T4-INT report the bad cell itself
        return
    cells = left.refs + right.refs
    if not left.blank and not right.blank:
        if left.known != right.known:
            yield Issue(f"{left.describe()}，但{right.describe()}。", cells)
        return
    for full, partial in ((left, right), (right, left)):
        if not full.blank and partial.known > full.known:
            yield Issue(f"{full.describe()}，但{partial.describe_partial()}。", cells)
            return
    yield _unknown(left, right)


def at_most(small: Side, big: Side) -> Iterator[Outcome]:
    """``small ≤ big``, with the same treatment of blanks."""
    if small.invalid or big.invalid:
        return
    cells = small.refs + big.refs
    if small.blank or big.blank:
        if not big.blank and small.known > big.known:
            yield Issue(f"{small.describe_partial()}，已超过{big.describe()}。", cells)
        else:
            yield _unknown(small, big)
        return
    if small.known > big.known:
        yield Issue(f"{small.describe()}，超过了{big.describe()}。", cells)


def whole_count_cells(ctx: Context, table: str) -> Iterator[Outcome]:
    """Every cell of a count-only table (3 and 4) must be a whole number ≥ 0; “/” is for table 2."""
    for a, b, _ in ctx.cells(table):
        v = ctx.value(table, a, b)
        why = "应填整数" if v == "/" else count_problem(v)
        if why:
            yield Issue(f"{ctx.name(table, a, b)} = {show(v)}：{why}。", (ref(table, a, b),))
