"""The vocabulary of the checker's findings, shared by the checker, the store, the window and the CLI.

- :class:`Severity`: 错误 > 警告 > 提示, ordered by gravity; iterating gives the gravest first.
  It is a ``str`` (``"error"``…) so the JSON output and the stored counts keep their form.
- :class:`Ref`: where a finding points (a table cell, a text, a fee figure, an agency field, a
  report field). It is the ``str`` findings carry (``t3/3.7/natural``, ``texts/problems``,
  ``fees/collected``, ``agency/name``, ``issued_on``); the same type builds and reads it.
- :class:`Finding` and :class:`Findings`: one finding, and a list of them that knows its errors,
  counts, gravest severity and a one-line summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from report.forms import common


class Severity(StrEnum):
    """How grave a finding is. Compares by gravity (``ERROR > NOTE``), never alphabetically."""

    ERROR = "error"  # must be corrected before 定稿; the PDF is a draft while one remains
    WARNING = "warning"  # a reviewer would ask about it
    NOTE = "note"  # worth a look

    @property
    def gravity(self) -> int:
        return _GRAVITY[self]

    @property
    def label(self) -> str:
        """The official Chinese word: 错误, 警告, 提示."""
        return common()["severity"][self.value]

    def __lt__(self, other):
        return self.gravity < other.gravity if isinstance(other, Severity) else NotImplemented

    def __le__(self, other):
        return self.gravity <= other.gravity if isinstance(other, Severity) else NotImplemented

    def __gt__(self, other):
        return self.gravity > other.gravity if isinstance(other, Severity) else NotImplemented

    def __ge__(self, other):
        return self.gravity >= other.gravity if isinstance(other, Severity) else NotImplemented


_GRAVITY = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.NOTE: 0}


class RefKind(Enum):
    CELL = "cell"  # t3/3.7/natural: table, row, column
    TEXT = "text"  # texts/<field id>
    FEE = "fee"  # fees/<fee id>
    AGENCY = "agency"  # agency/<profile field>
    FIELD = "field"  # a field of the report itself: year, issued_on, website_counts/<category>


_PREFIXES = {"texts": RefKind.TEXT, "fees": RefKind.FEE, "agency": RefKind.AGENCY}
_PREFIX_OF = {kind: prefix for prefix, kind in _PREFIXES.items()}


class Ref(str):
    """A place a finding points to, in the text form findings carry; ``Ref(text)`` reads one.

    Build with ``Ref.cell("t3", "3.7", "natural")``, ``Ref.text("problems")``, ``Ref.fee(...)``,
    ``Ref.agency(...)`` or ``Ref.field("issued_on")``; read with ``kind``, ``area`` and ``key``.
    """

    __slots__ = ()

    def __new__(cls, text: str):
        """Read a ref; ValueError when ``text`` is not one (an empty part, a text ref with a row…)."""
        parts = text.split("/")
        kind = _PREFIXES.get(parts[0])
        if not all(parts) or (kind is not None and len(parts) != 2) or len(parts) > 3:
            raise ValueError(f"not a finding reference: {text!r}")
        return str.__new__(cls, text)

    # The builders skip the reading: the checker builds thousands of refs per keystroke.
    @classmethod
    def cell(cls, table: str, row: str, column: str) -> Ref:
        return str.__new__(cls, f"{table}/{row}/{column}")

    @classmethod
    def text(cls, field_id: str) -> Ref:
        return str.__new__(cls, f"{_PREFIX_OF[RefKind.TEXT]}/{field_id}")

    @classmethod
    def fee(cls, fee_id: str) -> Ref:
        return str.__new__(cls, f"{_PREFIX_OF[RefKind.FEE]}/{fee_id}")

    @classmethod
    def agency(cls, field: str) -> Ref:
        return str.__new__(cls, f"{_PREFIX_OF[RefKind.AGENCY]}/{field}")

    @classmethod
    def field(cls, name: str) -> Ref:
        return cls(name)

    @property
    def area(self) -> str:
        """The first part: a table id, ``texts``, ``fees``, ``agency`` or a report field's name."""
        return self.split("/", 1)[0]

    @property
    def key(self) -> tuple[str, ...]:
        """The parts after the area: (row, column) of a cell, the field id of a text, …"""
        return tuple(self.split("/")[1:])

    @property
    def kind(self) -> RefKind:
        parts = self.split("/")
        if parts[0] in _PREFIXES:
            return _PREFIXES[parts[0]]
        return RefKind.CELL if len(parts) == 3 else RefKind.FIELD


@dataclass(frozen=True)
class Finding:
    """What the clerk sees: rule id, severity, Chinese message, and the places to mark (refs).

    ``quote`` is the phrase of a text the finding is about, as written there (full-width digits
    read as ASCII): the window selects it when the clerk goes to the finding.
    """

    rule: str
    severity: Severity
    message: str
    cells: tuple[str, ...] = ()
    quote: str = ""


class Findings(list):
    """Findings in the order shown (gravest first), with what the window, store and CLI ask of them."""

    @classmethod
    def sorted(cls, findings) -> Findings:
        """Gravest first; findings of one severity keep their order."""
        return cls(sorted(findings, key=lambda f: Severity(f.severity), reverse=True))

    def of(self, severity: Severity) -> Findings:
        return Findings(f for f in self if f.severity == severity)

    @property
    def errors(self) -> Findings:
        """The 错误: while one remains the report cannot be final and prints as a draft."""
        return self.of(Severity.ERROR)

    def counts(self) -> dict[Severity, int]:
        """How many of each severity, every severity present (gravest first)."""
        counts = dict.fromkeys(Severity, 0)
        for f in self:
            counts[Severity(f.severity)] += 1
        return counts

    @property
    def worst(self) -> Severity | None:
        """The gravest severity among them, or None when there are none."""
        return max((Severity(f.severity) for f in self), default=None)

    def summary(self) -> str:
        """「2 个错误、1 个提示」: the severities present with their numbers; "" when there are none."""
        return "、".join(f"{n} 个{s.label}" for s, n in self.counts().items() if n)

    def excerpt(self, limit: int = 3) -> str:
        """The first ``limit`` messages, for a one-line notice."""
        return "；".join(f.message for f in self[:limit])
